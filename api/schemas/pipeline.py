"""Pipeline rebuild and status (D15; domain-model §9 processing_jobs / processing_steps)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from api.schemas.common import CamelModel

StepName = Literal[
    "classify",
    "flag",
    "tree",
    "timeline",
    "broken_title",
    "dashboard",
    "summary",
    "generate_json",
]


class PipelineRequested(CamelModel):
    """202: the rebuild is queued (or folded into the run in progress, D15)."""

    job_id: str
    status: Literal["queued"] = "queued"


class PipelineStep(CamelModel):
    number: int
    name: StepName
    status: Literal["pending", "running", "success", "failed", "skipped"]
    started_at: datetime | None
    completed_at: datetime | None
    records_processed: int
    attempts: int
    error_message: str | None
    metrics: dict[str, Any] | None


class PipelineRun(CamelModel):
    id: uuid.UUID
    job_type: Literal["full_rebuild", "incremental", "manual"]
    status: Literal["pending", "running", "success", "failed", "partial"]
    current_step: int
    reason: str | None
    ruleset_version: str
    attempts: int
    started_at: datetime | None
    completed_at: datetime | None
    error_message: str | None
    steps: list[PipelineStep]


class PipelineStatus(CamelModel):
    """The org's latch (dirty = a run is pending) and its latest run with every step."""

    dirty: bool
    running: bool
    last_success_at: datetime | None
    latest_run: PipelineRun | None
