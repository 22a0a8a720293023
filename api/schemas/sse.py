"""The `data:` bodies of the org event stream as named schemas (api.md §4 "OpenAPI": each
payload is a component schema referenced from the operation, so SDKs get types).

Every stored event (worker.pipeline.events) carries `id` (= the SSE `id:`), `event` (= the
SSE `event:` name), `organizationId` and `at`, plus its own fields. The data events
(worker.pipeline.data_events) add the §4 payload fields.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import ConfigDict

from api.schemas.common import CamelModel


class SseConnected(CamelModel):
    """`connected`: sent once when the stream opens (no id)."""

    user_id: uuid.UUID
    org_id: uuid.UUID
    request_id: str | None
    server_time: datetime


class _StoredEvent(CamelModel):
    id: int
    organization_id: uuid.UUID
    at: datetime


class SsePipelineProgress(_StoredEvent):
    """`run.started`, `run.resumed`, `run.full_fallback`, `step.started`, `step.finished`,
    `step.failed`, `run.finished`, `run.failed`: the pipeline's progress (D15) for the
    run steppers. Further fields depend on the event (`done`, `steps`, `followUp`...)."""

    model_config = ConfigDict(extra="allow")

    event: str
    run_id: uuid.UUID | None = None
    step: str | None = None


class SseNewAssignments(_StoredEvent):
    """`new-assignments`: an ingestion load committed `count` new or changed conveyances on
    the org's live assets; the org's pipeline is queued (data changes at its end)."""

    event: Literal["new-assignments"]
    org_id: uuid.UUID
    count: int
    refresh_needed: Literal[True]


class SseDashboardRefresh(_StoredEvent):
    """`dashboard-refresh`: derived data of `dataType` was recomputed. A pipeline run
    rewrites all of it and sends one event with `summary`, meaning every data type."""

    event: Literal["dashboard-refresh"]
    org_id: uuid.UUID
    data_type: Literal["summary", "tree", "timeline", "broken-titles", "cpc", "org"]


class SsePipelineComplete(_StoredEvent):
    """`pipeline-complete`: a run ended (after its `run.finished` / `run.failed`)."""

    event: Literal["pipeline-complete"]
    org_id: uuid.UUID
    status: Literal["completed", "failed"]
    duration: int  # ms, from the run's start to its end
    trigger: Literal["ingestion", "companies", "follow-up", "manual", "other"]
    run_id: uuid.UUID


class SseSignal(CamelModel):
    """`session-expired` (refresh the session, then reconnect) and `resync` (the resume
    gap is gone: refetch everything): an empty object."""


SseOrgEvent = (
    SseConnected
    | SseNewAssignments
    | SseDashboardRefresh
    | SsePipelineComplete
    | SsePipelineProgress
    | SseSignal
)
