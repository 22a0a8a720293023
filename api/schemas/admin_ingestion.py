"""Super-admin ingestion control (issue 9, api.md §3.5 #52-54 and the + rows)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import Field

from api.schemas.common import CamelModel


class Staleness(StrEnum):
    """domain/ops/freshness.py: warning once the age passes 75% of the stale threshold."""

    fresh = "fresh"
    warning = "warning"
    stale = "stale"


class JobStatus(StrEnum):
    """ingestion_jobs.status (domain-model §9)."""

    pending = "pending"
    running = "running"
    success = "success"
    failed = "failed"
    partial = "partial"


class SourceStatus(CamelModel):
    name: str
    task: str | None  # the worker task that loads it; None: not triggerable from here
    schedule: str | None  # 5-field cron, UTC
    schedule_type: str
    paused: bool
    last_run_at: datetime | None
    next_run_at: datetime | None  # from the schedule; None while paused
    last_status: str | None
    last_records_processed: int | None  # of the most recent job row
    last_job_id: uuid.UUID | None
    last_success_at: datetime | None
    last_failure_at: datetime | None
    last_error: str | None
    staleness: Staleness | None  # None: the issue sets no threshold for this source
    stale_after_seconds: int | None
    age_seconds: int | None  # since the last success; None if it never succeeded


class JobItem(CamelModel):
    id: uuid.UUID
    source: str
    status: JobStatus
    file_name: str | None
    file_size_bytes: int | None
    records_processed: int
    records_inserted: int
    records_updated: int
    records_failed: int
    error_message: str | None
    created_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    duration_ms: int | None
    retryable: bool  # failed, and its task arguments can be rebuilt


class JobErrorItem(CamelModel):
    id: uuid.UUID
    file_name: str | None
    record_position: int | None
    record_identifier: str | None
    error_type: str
    error_message: str
    raw_data: dict[str, Any] | None
    created_at: datetime


class JobDetail(JobItem):
    metadata: dict[str, Any] | None
    errors: list[JobErrorItem]  # one page, by errorsLimit / errorsOffset
    errors_total: int


class JobQueued(CamelModel):
    """202: an Arq job was queued (enqueued once this request commits, D17)."""

    job_id: str
    status: Literal["queued"] = "queued"
    task: str
    source: str
    retry_of: uuid.UUID | None = None


class QueueStatus(CamelModel):
    queue: str
    depth: int  # jobs waiting in the Arq queue (queued and deferred)
    in_progress: int  # jobs a worker is running now


# ---- api.md §3.5 #52, #55 and the + rows (status, freshness, trigger, queues) ----------


class SourceHealth(CamelModel):
    name: str
    schedule: str | None
    last_success_at: datetime | None
    last_failure_at: datetime | None
    last_error: str | None
    # failing: its last run failed; stale: past its freshness threshold; else healthy.
    status: Literal["healthy", "stale", "failing"]
    next_run_at: datetime | None
    paused: bool


class IngestionStatus(CamelModel):
    sources: list[SourceHealth]
    active_jobs: int  # ingestion_jobs rows running now
    failed_jobs_last_24h: int
    queue_depth: int  # jobs waiting in the Arq queue


class FreshnessItem(CamelModel):
    source: str
    expected_frequency: str  # data_sources.schedule_type
    last_data_date: date | None  # the latest business date loaded
    last_ingestion_date: datetime | None  # the last successful run
    stale_days: float | None  # days since the last success; None if it never succeeded
    # §3.5: fresh / stale (past the threshold) / critical (past twice it, or never
    # succeeded: the ops alert level). `staleness` keeps the finer fresh/warning/stale.
    status: Literal["fresh", "stale", "critical"] | None
    staleness: Staleness | None
    record_count: int | None


class FreshnessList(CamelModel):
    data: list[FreshnessItem]


TriggerSource = Literal["assignments", "bibliographic", "epo-family", "cpc", "maintenance"]


class TriggerRequest(CamelModel):
    source: TriggerSource
    date_from: date | None = None
    date_to: date | None = None


class TriggerQueued(CamelModel):
    """202: the source's task(s) were queued after commit; `jobId` is the first one."""

    job_id: str
    job_ids: list[str]
    status: Literal["queued"] = "queued"
    source: TriggerSource


QueueName = Literal["ingestion", "pipeline", "enrichment"]


class QueuePatch(CamelModel):
    paused: bool
    reason: str | None = Field(default=None, max_length=500)


class QueueControl(CamelModel):
    queue: QueueName
    paused: bool
    paused_at: datetime | None
    reason: str | None
