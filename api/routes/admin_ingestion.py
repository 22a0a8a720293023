"""Super-admin ingestion control (issue 9; api.md §3.5 #52-54 and the + rows).

Sources with their freshness, the job history from Postgres (§1.10: Arq keeps results
only briefly), retry of a failed job, trigger / pause / resume of a source, and the Arq
queue's depth from Redis. All SA (§3.5), all routes authenticated by default.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from arq.constants import in_progress_key_prefix
from fastapi import APIRouter, Path, Query, status

from api.deps import AppSettings, DbSession, Queue, Redis, SuperAdmin
from api.errors import BadRequest, Conflict, ErrorEnvelope, NotFound, ValidationFailed
from api.idempotency import IDEMPOTENT
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keyset, Pager
from api.request_context import current_request_id
from api.schemas.admin_ingestion import (
    FreshnessItem,
    FreshnessList,
    IngestionStatus,
    JobDetail,
    JobErrorItem,
    JobItem,
    JobQueued,
    JobStatus,
    QueueControl,
    QueueName,
    QueuePatch,
    QueueStatus,
    SourceHealth,
    SourceStatus,
    Staleness,
    TriggerQueued,
    TriggerRequest,
)
from api.schemas.common import CursorInfo, CursorPage, Envelope, PageLimit
from db.models.ingestion import DataSource, IngestionJob
from db.repos import ingestion_admin as repo
from domain.ops.freshness import Freshness, freshness
from domain.ops.freshness import Staleness as Fresh
from domain.ops.retry import retry_kwargs
from domain.ops.schedule import next_run
from worker import queue_pause, task_names
from worker.ingestion import progress_stream
from worker.jobs import JobQueue

# api.md §1.1: each route documents the §1.3 errors it can answer with.
router = APIRouter(
    prefix="/admin/ingestion",
    tags=["admin"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Not a super admin."},
    },
)
_ERR_404 = {"model": ErrorEnvelope, "description": "No such job or data source."}
_ERR_409_TRIGGER = {
    "model": ErrorEnvelope,
    "description": "`job_running` (with `details.jobId`) or `source_paused`.",
}
_ERR_409_RETRY = {
    "model": ErrorEnvelope,
    "description": "`job_not_failed`, `job_not_retryable` or `source_paused`.",
}

# data_sources.name (the worker's SourceSpec names) → the task that loads the source.
SOURCE_TASKS = {
    "USPTO_PASDL_DAILY": task_names.INGEST_ASSIGNMENTS,
    "USPTO_GRANTS_BIBLIO": task_names.INGEST_GRANTS,
    "USPTO_APPLICATIONS_BIBLIO": task_names.INGEST_APPLICATIONS,
    "USPTO_CPC_MCF": task_names.INGEST_CPC_MASTER,
    "CPC_SCHEME": task_names.INGEST_CPC_SCHEME,
    "USPTO_MAINT_FEE_EVENTS": task_names.INGEST_MAINTENANCE_FEES,
    "EPO_OPS_FAMILIES": task_names.INGEST_EPO_FAMILIES,
}
# The Arq id of the latest manual trigger per source, so a second trigger while it is
# queued or running gets 409 job_running (§3.5: "job triggers return 409 job_running").
TRIGGER_KEY = "ingest:trigger:{source}"
TRIGGER_KEY_TTL_S = 7 * 24 * 3600
LIVE = ("queued", "deferred", "in_progress")


def _source_status(source: DataSource, last: IngestionJob | None, now: datetime) -> SourceStatus:
    fresh = freshness(source.name, source.last_success_at, now)
    return SourceStatus(
        name=source.name,
        task=SOURCE_TASKS.get(source.name),
        schedule=source.schedule_cron,
        schedule_type=source.schedule_type,
        paused=not source.is_active,
        last_run_at=source.last_run_at,
        next_run_at=next_run(source.schedule_cron, now) if source.is_active else None,
        last_status=source.last_status,
        last_records_processed=last.records_processed if last else None,
        last_job_id=last.id if last else None,
        last_success_at=source.last_success_at,
        last_failure_at=source.last_failure_at,
        last_error=source.last_error,
        staleness=Staleness(fresh.status.value) if fresh else None,
        stale_after_seconds=int(fresh.threshold.total_seconds()) if fresh else None,
        age_seconds=(
            int(fresh.age.total_seconds()) if fresh is not None and fresh.age is not None else None
        ),
    )


def _retry_kwargs(job: IngestionJob, source: str) -> dict[str, object] | None:
    if source not in SOURCE_TASKS:
        return None
    return retry_kwargs(source, job.metadata_)


def _job_fields(job: IngestionJob, source: str) -> dict[str, object]:
    duration = None
    if job.started_at and job.completed_at:
        duration = int((job.completed_at - job.started_at).total_seconds() * 1000)
    return {
        "id": job.id,
        "source": source,
        "status": JobStatus(job.status),
        "file_name": job.file_name,
        "file_size_bytes": job.file_size_bytes,
        "records_processed": job.records_processed,
        "records_inserted": job.records_inserted,
        "records_updated": job.records_updated,
        "records_failed": job.records_failed,
        "error_message": job.error_message,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "completed_at": job.completed_at,
        "duration_ms": duration,
        "retryable": job.status == "failed" and _retry_kwargs(job, source) is not None,
    }


@router.get(
    "/sources",
    operation_id="admin_list_ingestion_sources",
    response_model=Envelope[list[SourceStatus]],
)
async def list_sources(_: SuperAdmin, db: DbSession) -> Envelope[list[SourceStatus]]:
    """Every data source: schedule, last and next run, last status and records, staleness."""
    now = datetime.now(UTC)
    rows = await repo.list_sources(db)
    return Envelope(data=[_source_status(s, last, now) for s, last in rows])


async def _trigger_guard(queue: JobQueue, source: str) -> None:
    running = await queue.redis.get(TRIGGER_KEY.format(source=source))
    if running:
        job_id = running.decode() if isinstance(running, bytes) else str(running)
        if await queue.status(job_id) in LIVE:
            raise Conflict(
                f"A {source} run is already queued or running.",
                details={"reason": "job_running", "jobId": job_id},
            )


def _not_paused(source: DataSource) -> None:
    if not source.is_active:
        raise Conflict(
            f"Data source {source.name} is paused; resume it first.",
            details={"reason": "source_paused"},
        )


@router.post(
    "/sources/{name}/trigger",
    operation_id="admin_trigger_ingestion_source",
    status_code=status.HTTP_202_ACCEPTED,
    responses={404: _ERR_404, 409: _ERR_409_TRIGGER},
    response_model=Envelope[JobQueued],
    dependencies=[IDEMPOTENT],
)
async def trigger_source(
    name: Annotated[str, Path(max_length=100)], _: SuperAdmin, db: DbSession, queue: Queue
) -> Envelope[JobQueued]:
    """Queue the source's scheduled run now (its task with default arguments)."""
    source = await repo.get_source(db, name)
    task = SOURCE_TASKS.get(name)
    if source is None or task is None:
        raise NotFound("No such triggerable data source.")
    _not_paused(source)
    await _trigger_guard(queue, name)
    job_id = queue.enqueue_after_commit(db, task, request_id=current_request_id())
    await queue.redis.set(TRIGGER_KEY.format(source=name), job_id, ex=TRIGGER_KEY_TTL_S)
    return Envelope(data=JobQueued(job_id=job_id, task=task, source=name))


async def _set_active(db: DbSession, name: str, active: bool) -> Envelope[SourceStatus]:
    source = await repo.set_source_active(db, name, active)
    if source is None:
        raise NotFound("No such data source.")
    rows = [r for r in await repo.list_sources(db) if r[0].id == source.id]
    return Envelope(data=_source_status(source, rows[0][1] if rows else None, datetime.now(UTC)))


@router.post(
    "/sources/{name}/pause",
    operation_id="admin_pause_ingestion_source",
    responses={404: _ERR_404},
    response_model=Envelope[SourceStatus],
)
async def pause_source(
    name: Annotated[str, Path(max_length=100)], _: SuperAdmin, db: DbSession
) -> Envelope[SourceStatus]:
    """Pause a source: its scheduled runs and retries do nothing until it is resumed
    (data_sources.is_active, also set by the worker on a refused key, BR-054)."""
    return await _set_active(db, name, False)


@router.post(
    "/sources/{name}/resume",
    operation_id="admin_resume_ingestion_source",
    responses={404: _ERR_404},
    response_model=Envelope[SourceStatus],
)
async def resume_source(
    name: Annotated[str, Path(max_length=100)], _: SuperAdmin, db: DbSession
) -> Envelope[SourceStatus]:
    """Resume a paused source; its next scheduled run loads again (and catches up)."""
    return await _set_active(db, name, True)


@router.get(
    "/jobs",
    operation_id="admin_list_ingestion_jobs",
    response_model=CursorPage[JobItem],
)
async def list_jobs(
    _: SuperAdmin,
    db: DbSession,
    settings: AppSettings,
    source: Annotated[str | None, Query(max_length=100)] = None,
    status_: Annotated[
        Literal["all", "pending", "running", "success", "failed", "partial"],
        Query(alias="status"),
    ] = "all",
    date_from: Annotated[datetime | None, Query(alias="dateFrom")] = None,
    date_to: Annotated[datetime | None, Query(alias="dateTo")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[JobItem]:
    """Ingestion job rows, newest first; dateFrom/dateTo bound createdAt, both inclusive
    (§1.1). Keyset-paged by (createdAt, id) with signed cursors (§1.4)."""
    term = source.strip() if source else None
    statuses = None if status_ == "all" else (status_,)
    pager = Pager(
        settings,
        {"list": "admin_ingestion_jobs", "source": term, "status": statuses,
         "from": date_from, "to": date_to},
        cursor,
    )  # fmt: skip
    after = pager.after
    try:
        keyset = (datetime.fromisoformat(after.key), after.id) if after else None
    except ValueError as exc:  # a validly signed cursor always holds an ISO timestamp
        raise BadRequest("The cursor is invalid.", details={"reason": "invalid_cursor"}) from exc
    rows, total = await repo.list_jobs(
        db,
        source=term,
        statuses=statuses,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        after=keyset,
    )
    page = pager.slice(rows, limit, lambda r: Keyset(key=r[0].created_at.isoformat(), id=r[0].id))
    return CursorPage[JobItem](
        data=[JobItem(**_job_fields(j, s)) for j, s in page.rows],  # type: ignore[arg-type]
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )


@router.get(
    "/jobs/{job_id}",
    operation_id="admin_get_ingestion_job",
    responses={404: _ERR_404},
    response_model=Envelope[JobDetail],
)
async def get_job(
    job_id: uuid.UUID,
    _: SuperAdmin,
    db: DbSession,
    errors_limit: Annotated[PageLimit, Query(alias="errorsLimit")] = 25,
    errors_offset: Annotated[int, Query(alias="errorsOffset", ge=0)] = 0,
) -> Envelope[JobDetail]:
    """One job with its counts and a page of its error rows."""
    found = await repo.get_job(db, job_id)
    if found is None:
        raise NotFound("No such ingestion job.")
    job, source = found
    errors, errors_total = await repo.job_errors(
        db, job_id, limit=errors_limit, offset=errors_offset
    )
    items = [
        JobErrorItem(
            id=e.id,
            file_name=e.file_name,
            record_position=e.record_position,
            record_identifier=e.record_identifier,
            error_type=e.error_type,
            error_message=e.error_message,
            raw_data=e.raw_data,
            created_at=e.created_at,
        )
        for e in errors
    ]
    return Envelope(
        data=JobDetail(
            **_job_fields(job, source),  # type: ignore[arg-type]
            metadata=job.metadata_,
            errors=items,
            errors_total=errors_total,
        )
    )


@router.post(
    "/jobs/{job_id}/retry",
    operation_id="admin_retry_ingestion_job",
    status_code=status.HTTP_202_ACCEPTED,
    responses={404: _ERR_404, 409: _ERR_409_RETRY},
    response_model=Envelope[JobQueued],
    dependencies=[IDEMPOTENT],
)
async def retry_job(
    job_id: uuid.UUID, _: SuperAdmin, db: DbSession, queue: Queue
) -> Envelope[JobQueued]:
    """Re-enqueue a failed job's task with its original arguments (a new Arq job that
    names the job it retries). Safe to repeat: the loaders are idempotent (BR-059)."""
    found = await repo.get_job(db, job_id)
    if found is None:
        raise NotFound("No such ingestion job.")
    job, source_name = found
    if job.status != "failed":
        raise Conflict(f"Job is {job.status}, not failed.", details={"reason": "job_not_failed"})
    kwargs = _retry_kwargs(job, source_name)
    task = SOURCE_TASKS.get(source_name)
    if kwargs is None or task is None:
        raise Conflict(
            "This job's arguments cannot be rebuilt; trigger its source instead.",
            details={"reason": "job_not_retryable"},
        )
    source = await repo.get_source(db, source_name)
    assert source is not None  # the job row references it
    _not_paused(source)
    arq_id = queue.enqueue_after_commit(
        db, task, job_id=f"retry:{job_id}:{uuid.uuid4().hex}", request_id=current_request_id(),
        **kwargs,
    )  # fmt: skip
    return Envelope(data=JobQueued(job_id=arq_id, task=task, source=source_name, retry_of=job_id))


@router.get(
    "/queues",
    operation_id="admin_list_ingestion_queues",
    response_model=Envelope[list[QueueStatus]],
)
async def list_queues(_: SuperAdmin, queue: Queue, redis: Redis) -> Envelope[list[QueueStatus]]:
    """The main Arq queue: jobs waiting (its sorted set) and jobs being run now."""
    depth = await redis.zcard(queue.queue_name)
    in_progress = 0
    async for _key in redis.scan_iter(match=f"{in_progress_key_prefix}*", count=500):
        in_progress += 1
    return Envelope(
        data=[QueueStatus(queue=queue.queue_name, depth=depth, in_progress=in_progress)]
    )


# ---- api.md §3.5 #52 / #55 and the + rows: status, freshness, trigger, queue control ----


def _health(source: DataSource, fresh: Freshness | None) -> str:
    if source.last_status == "failed":
        return "failing"
    if fresh is not None and fresh.status is Fresh.STALE:
        return "stale"
    return "healthy"


@router.get(
    "/status",
    operation_id="admin_get_ingestion_status",
    response_model=Envelope[IngestionStatus],
)
async def ingestion_status(_: SuperAdmin, db: DbSession, queue: Queue) -> Envelope[IngestionStatus]:
    """Per-source health (last success/failure, next run, healthy|stale|failing), the jobs
    running now, failures in the last 24 h and the Arq queue's depth (§3.5 #52)."""
    now = datetime.now(UTC)
    sources = []
    for source, _last in await repo.list_sources(db):
        fresh = freshness(source.name, source.last_success_at, now)
        sources.append(
            SourceHealth(
                name=source.name,
                schedule=source.schedule_cron,
                last_success_at=source.last_success_at,
                last_failure_at=source.last_failure_at,
                last_error=source.last_error,
                status=_health(source, fresh),  # type: ignore[arg-type]
                next_run_at=next_run(source.schedule_cron, now) if source.is_active else None,
                paused=not source.is_active,
            )
        )
    active, failed = await repo.job_counts(db, failed_since=now - timedelta(hours=24))
    depth = await queue.redis.zcard(queue.queue_name)
    return Envelope(
        data=IngestionStatus(
            sources=sources, active_jobs=active, failed_jobs_last_24h=failed, queue_depth=depth
        )
    )


def _freshness_status(fresh: Freshness | None) -> str | None:
    """§3.5 #55 fresh|stale|critical: critical past twice the threshold (issue 9's alert:
    "stale beyond twice its schedule") or never loaded."""
    if fresh is None:
        return None
    if fresh.age is None or fresh.age > 2 * fresh.threshold:
        return "critical"
    return "stale" if fresh.status is Fresh.STALE else "fresh"


@router.get(
    "/freshness",
    operation_id="admin_get_ingestion_freshness",
    response_model=FreshnessList,
)
async def ingestion_freshness(_: SuperAdmin, db: DbSession) -> FreshnessList:
    """Currency of every source: last data date, last successful load, age in days."""
    now = datetime.now(UTC)
    items = []
    for source, _last in await repo.list_sources(db):
        fresh = freshness(source.name, source.last_success_at, now)
        age = now - source.last_success_at if source.last_success_at else None
        items.append(
            FreshnessItem(
                source=source.name,
                expected_frequency=source.schedule_type,
                last_data_date=source.last_business_date,
                last_ingestion_date=source.last_success_at,
                stale_days=round(age.total_seconds() / 86400, 2) if age is not None else None,
                status=_freshness_status(fresh),  # type: ignore[arg-type]
                staleness=Staleness(fresh.status.value) if fresh else None,
                record_count=source.last_record_count,
            )
        )
    return FreshnessList(data=items)


# §3.5 trigger `source` → the data sources (and their tasks) it loads.
TRIGGER_SOURCES: dict[str, tuple[str, ...]] = {
    "assignments": ("USPTO_PASDL_DAILY",),
    "bibliographic": ("USPTO_GRANTS_BIBLIO", "USPTO_APPLICATIONS_BIBLIO"),
    "cpc": ("USPTO_CPC_MCF", "CPC_SCHEME"),
    "maintenance": ("USPTO_MAINT_FEE_EVENTS",),
}
MAX_TRIGGER_DAYS = 31  # as worker.ingestion.run.MAX_CATCH_UP_DAYS: one bounded burst


def _trigger_days(body: TriggerRequest) -> list[date] | None:
    if body.date_from is None and body.date_to is None:
        return None
    first = body.date_from or body.date_to
    last = body.date_to or body.date_from
    assert first is not None and last is not None
    if last < first:
        raise ValidationFailed(
            "dateTo is before dateFrom.",
            field_errors={"dateTo": ["must be on or after dateFrom"]},
            reason="invalid_range",
        )
    if (last - first).days >= MAX_TRIGGER_DAYS:
        raise ValidationFailed(
            f"At most {MAX_TRIGGER_DAYS} days per trigger.",
            field_errors={"dateTo": [f"at most {MAX_TRIGGER_DAYS} days after dateFrom"]},
            reason="range_too_long",
        )
    if body.source != "assignments":
        return [first]  # weekly/monthly files: the file due on (or before) dateFrom
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@router.post(
    "/trigger",
    operation_id="admin_trigger_ingestion",
    status_code=status.HTTP_202_ACCEPTED,
    responses={409: _ERR_409_TRIGGER},
    response_model=Envelope[TriggerQueued],
    dependencies=[IDEMPOTENT],  # api.md §1.10
)
async def trigger(
    body: TriggerRequest, _: SuperAdmin, db: DbSession, queue: Queue
) -> Envelope[TriggerQueued]:
    """Queue a source now (§3.5 +): its scheduled run, or the files of dateFrom..dateTo
    (assignments: one job per day; weekly/monthly sources: the file of dateFrom). A queue
    paused with PATCH /queues/ingestion holds the jobs until it is resumed."""
    names = TRIGGER_SOURCES.get(body.source)
    if names is None:
        raise ValidationFailed(
            "EPO families are fetched on demand per organization, not triggered here.",
            field_errors={"source": ["epo-family is not a scheduled source"]},
            reason="not_triggerable",
        )
    days = _trigger_days(body)
    for name in names:
        source = await repo.get_source(db, name)
        if source is not None:
            _not_paused(source)
        await _trigger_guard(queue, name)
    job_ids = []
    for name in names:
        task = SOURCE_TASKS[name]
        runs: list[date | None] = list(days) if days else [None]
        for day in runs:
            kwargs = {"day": day.isoformat()} if day else {}
            job_id = queue.enqueue_after_commit(db, task, request_id=current_request_id(), **kwargs)
            job_ids.append(job_id)
        await queue.redis.set(TRIGGER_KEY.format(source=name), job_ids[-1], ex=TRIGGER_KEY_TTL_S)
    return Envelope(data=TriggerQueued(job_id=job_ids[0], job_ids=job_ids, source=body.source))


@router.get(
    "/queue-controls",
    operation_id="admin_list_queue_controls",
    response_model=Envelope[list[QueueControl]],
)
async def list_queue_controls(_: SuperAdmin, redis: Redis) -> Envelope[list[QueueControl]]:
    """Whether each pausable queue is paused, since when and why (frontend.md §3.11: a
    paused queue shows a banner across admin, also after a reload)."""
    states = [await queue_pause.state(redis, name) for name in queue_pause.QUEUES]
    return Envelope(
        data=[
            QueueControl(queue=s.queue, paused=s.paused, paused_at=s.paused_at, reason=s.reason)  # type: ignore[arg-type]
            for s in states
        ]
    )


@router.patch(
    "/queues/{queue_name}",
    operation_id="admin_control_ingestion_queue",
    response_model=Envelope[QueueControl],
)
async def control_queue(
    queue_name: QueueName, body: QueuePatch, who: SuperAdmin, redis: Redis
) -> Envelope[QueueControl]:
    """Pause or resume a class of jobs (worker/queue_pause.py): workers hold its jobs in
    the queue (no retry spent) until it is resumed; cron firings wait the same way.
    Publishes `queue-paused` / `queue-resumed` on the admin stream (§4)."""
    before = await queue_pause.state(redis, queue_name)
    after = await queue_pause.set_paused(redis, queue_name, body.paused, body.reason)
    if before.paused != after.paused:
        await progress_stream.publish(
            redis,
            "queue-paused" if after.paused else "queue-resumed",
            queue=queue_name,
            reason=body.reason,
            by=str(who.user_id),
        )
    return Envelope(
        data=QueueControl(
            queue=queue_name, paused=after.paused, paused_at=after.paused_at, reason=after.reason
        )
    )
