"""Admin pipeline control and per-org history (issue 9; api.md §3.5 #48, #49 and history)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from api.schemas.common import CamelModel
from api.schemas.pipeline import StepName


class RebuildPipelineRequest(CamelModel):
    start_from_step: StepName = "classify"


class RebuildPipelineQueued(CamelModel):
    """202 of #49: the steps the run covers from `startFromStep` on, in DAG order."""

    pipeline_id: str  # the Arq job id `pipeline:org:{orgId}`
    steps: list[StepName]
    status: Literal["queued"] = "queued"
    estimated_duration: int | None  # ms: mean of the org's recent successful runs


class RebuildQueued(CamelModel):
    job_id: str
    status: Literal["queued"] = "queued"


RunStatus = Literal["pending", "running", "success", "failed", "partial"]


class RunItem(CamelModel):
    id: uuid.UUID
    job_type: Literal["full_rebuild", "incremental", "manual"]
    trigger: str | None  # what asked for the run (processing_jobs.reason)
    triggered_by: uuid.UUID | None
    status: RunStatus
    current_step: int
    ruleset_version: str
    attempts: int
    created_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    duration_ms: int | None
    error_message: str | None


class RunStep(CamelModel):
    number: int
    name: StepName
    status: Literal["pending", "running", "success", "failed", "skipped"]
    started_at: datetime | None
    completed_at: datetime | None
    duration_ms: int | None
    records_processed: int  # the step's row count
    attempts: int
    error_message: str | None
    metrics: dict[str, Any] | None


class RunDetail(RunItem):
    summary: dict[str, Any] | None
    steps: list[RunStep]
