"""Super-admin pipeline control and per-org pipeline history (issue 9; api.md §3.5 #48, #49).

Rebuilds are SA only (R12). The history — runs with trigger, status and timings, and a
run's steps with timings, row counts and errors — comes from Postgres (§1.10), and org
admins may read their own org's (issue 9: "org admins see their org's part"); another
org's is 404 (R21, via OrgAdminOf). Job triggers answer 409 `job_running` while the org's
run is queued or running (§3.5).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, status
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import AppSettings, DbSession, OrgAdminOf, Queue, SuperAdmin
from api.errors import BadRequest, Conflict, ErrorEnvelope, NotFound
from api.idempotency import IDEMPOTENT
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keyset, Pager
from api.routes.pipeline import request_rebuild
from api.schemas.admin_pipeline import (
    RebuildPipelineQueued,
    RebuildPipelineRequest,
    RebuildQueued,
    RunDetail,
    RunItem,
    RunStatus,
    RunStep,
)
from api.schemas.common import CursorInfo, CursorPage, Envelope
from db.models.pipeline import STEP_NAMES, ProcessingJob, ProcessingStep
from db.repos import pipeline_history as history
from db.repos import pipeline_runs
from db.repos.organizations import get_org
from worker.jobs import JobQueue
from worker.task_names import pipeline_job_id

router = APIRouter(
    prefix="/admin/organizations",
    tags=["admin"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
        404: {"model": ErrorEnvelope, "description": "No such organization or run."},
    },
)
_ERR_409 = {"model": ErrorEnvelope, "description": "`job_running` with `details.jobId`."}
LIVE = ("queued", "deferred", "in_progress")


def steps_from(step: str) -> list[str]:
    """The steps a run started at `step` covers, in DAG order (STEP_NAMES is DAG order)."""
    return list(STEP_NAMES[STEP_NAMES.index(step) :])


async def guard_and_queue(
    db: AsyncSession,
    queue: JobQueue,
    org_id: uuid.UUID,
    reason: str,
    user_id: uuid.UUID,
) -> str:
    """409 `job_running` while the org's run is queued or running (§3.5, §1.10), else the
    D15 trigger (dirty flag now, `pipeline:org:{orgId}` enqueued after the commit).

    The runner recomputes every step of a run it starts, so a run asked to start later in
    the DAG still produces exactly the rows a full run does; the requested start step is
    recorded in the run's trigger (processing_jobs.reason)."""
    if await get_org(db, org_id) is None:
        raise NotFound("No such organization.")
    job_id = pipeline_job_id(org_id)
    state = await pipeline_runs.get_state(db, org_id)
    if await queue.status(job_id) in LIVE or (state is not None and state.running_job_id):
        raise Conflict(
            "A pipeline run of this organization is queued or running.",
            details={"reason": "job_running", "jobId": job_id},
        )
    return await request_rebuild(db, queue, org_id, reason, user_id, manual=True)


@router.post(
    "/{org_id}/rebuild-pipeline",
    operation_id="admin_rebuild_pipeline",
    status_code=status.HTTP_202_ACCEPTED,
    responses={409: _ERR_409},
    response_model=Envelope[RebuildPipelineQueued],
    dependencies=[IDEMPOTENT],  # api.md §1.10
)
async def rebuild_pipeline(
    org_id: uuid.UUID,
    who: SuperAdmin,
    db: DbSession,
    queue: Queue,
    body: RebuildPipelineRequest | None = None,
) -> Envelope[RebuildPipelineQueued]:
    """Queue the org's pipeline from `startFromStep` (default classify) (§3.5 #49)."""
    start = body.start_from_step if body else "classify"
    job_id = await guard_and_queue(db, queue, org_id, f"admin rebuild from {start}", who.user_id)
    return Envelope(
        data=RebuildPipelineQueued(
            pipeline_id=job_id,
            steps=steps_from(start),  # type: ignore[arg-type]
            estimated_duration=await history.mean_duration_ms(db, org_id),
        )
    )


@router.post(
    "/{org_id}/rebuild-tree",
    operation_id="admin_rebuild_tree",
    status_code=status.HTTP_202_ACCEPTED,
    responses={409: _ERR_409},
    response_model=Envelope[RebuildQueued],
    dependencies=[IDEMPOTENT],  # api.md §1.10
)
async def rebuild_tree(
    org_id: uuid.UUID, who: SuperAdmin, db: DbSession, queue: Queue
) -> Envelope[RebuildQueued]:
    """Queue a rebuild of the org's ownership trees (a pipeline run from `tree`, §3.5 #48)."""
    job_id = await guard_and_queue(db, queue, org_id, "admin rebuild from tree", who.user_id)
    return Envelope(data=RebuildQueued(job_id=job_id))


def _ms(start: datetime | None, end: datetime | None) -> int | None:
    return int((end - start).total_seconds() * 1000) if start and end else None


def _run_fields(job: ProcessingJob) -> dict[str, object]:
    return {
        "id": job.id,
        "job_type": job.job_type,
        "trigger": job.reason,
        "triggered_by": job.triggered_by,
        "status": job.status,
        "current_step": job.current_step,
        "ruleset_version": job.ruleset_version,
        "attempts": job.attempts,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "completed_at": job.completed_at,
        "duration_ms": _ms(job.started_at, job.completed_at),
        "error_message": job.error_message,
    }


def _step(s: ProcessingStep) -> RunStep:
    return RunStep(
        number=s.step_number,
        name=s.step_name,  # type: ignore[arg-type]
        status=s.status,  # type: ignore[arg-type]
        started_at=s.started_at,
        completed_at=s.completed_at,
        duration_ms=_ms(s.started_at, s.completed_at),
        records_processed=s.records_processed,
        attempts=s.attempts,
        error_message=s.error_message,
        metrics=s.metrics,
    )


@router.get(
    "/{org_id}/pipeline/runs",
    operation_id="admin_list_pipeline_runs",
    response_model=CursorPage[RunItem],
)
async def list_runs(
    org_id: uuid.UUID,
    _: OrgAdminOf,
    db: DbSession,
    settings: AppSettings,
    status_: Annotated[Literal["all"] | RunStatus, Query(alias="status")] = "all",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[RunItem]:
    """The org's pipeline runs, newest first, keyset-paged by (createdAt, id) (§1.4)."""
    wanted = None if status_ == "all" else status_
    pager = Pager(settings, {"list": "pipeline_runs", "org": org_id, "status": wanted}, cursor)
    after = pager.after
    try:
        keyset = (datetime.fromisoformat(after.key), after.id) if after else None
    except ValueError as exc:
        raise BadRequest("The cursor is invalid.", details={"reason": "invalid_cursor"}) from exc
    rows, total = await history.list_runs(db, org_id, status=wanted, limit=limit, after=keyset)
    page = pager.slice(rows, limit, lambda r: Keyset(key=r.created_at.isoformat(), id=r.id))
    return CursorPage[RunItem](
        data=[RunItem(**_run_fields(j)) for j in page.rows],  # type: ignore[arg-type]
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )


@router.get(
    "/{org_id}/pipeline/runs/{run_id}",
    operation_id="admin_get_pipeline_run",
    response_model=Envelope[RunDetail],
)
async def get_run(
    org_id: uuid.UUID, run_id: uuid.UUID, _: OrgAdminOf, db: DbSession
) -> Envelope[RunDetail]:
    """One run with every step: timings, row counts, attempts and errors."""
    found = await history.get_run(db, org_id, run_id)
    if found is None:
        raise NotFound("No such pipeline run.")
    job, steps = found
    return Envelope(
        data=RunDetail(
            **_run_fields(job),  # type: ignore[arg-type]
            summary=job.summary,
            steps=[_step(s) for s in steps],
        )
    )
