"""Pipeline rebuild and status for one organization (D5: admins rebuild, members watch)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import DbSession, OrgAdminOf, OrgMemberOf, Queue
from api.idempotency import IDEMPOTENT
from api.request_context import current_request_id
from api.schemas.common import Envelope
from api.schemas.pipeline import PipelineRequested, PipelineRun, PipelineStatus, PipelineStep
from db.repos import pipeline_runs
from db.repos.pipeline_runs import mark_dirty
from worker.jobs import JobQueue
from worker.task_names import PIPELINE_RUN, pipeline_job_id

router = APIRouter(prefix="/organizations", tags=["pipeline"])


async def request_rebuild(
    db: AsyncSession,
    queue: JobQueue,
    org_id: uuid.UUID,
    reason: str,
    user_id: uuid.UUID | None,
    *,
    manual: bool = False,
) -> str:
    """D15 trigger from a request: the same contract as worker.pipeline.triggers
    (dirty flag in this transaction, `pipeline:org:{orgId}` enqueued after the commit)."""
    await mark_dirty(db, org_id, reason, user_id)
    job_id = pipeline_job_id(org_id)
    queue.enqueue_coalesced_after_commit(
        db,
        PIPELINE_RUN,
        job_id=job_id,
        follow_up={"only_if_dirty": True},
        organization_id=str(org_id),
        reason=reason,
        manual=manual,
        request_id=current_request_id(),
    )
    return job_id


@router.post(
    "/{org_id}/pipeline",
    operation_id="pipeline_rebuild",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Envelope[PipelineRequested],
    dependencies=[IDEMPOTENT],
)
async def rebuild(
    org_id: uuid.UUID, actor: OrgAdminOf, db: DbSession, queue: Queue
) -> Envelope[PipelineRequested]:
    """Queue a full rebuild of the org's pipeline; enqueued after this request commits."""
    job_id = await request_rebuild(db, queue, org_id, "manual rebuild", actor.user_id, manual=True)
    return Envelope(data=PipelineRequested(job_id=job_id))


@router.get(
    "/{org_id}/pipeline",
    operation_id="pipeline_status",
    response_model=Envelope[PipelineStatus],
)
async def pipeline_status(
    org_id: uuid.UUID, _: OrgMemberOf, db: DbSession
) -> Envelope[PipelineStatus]:
    """The latest processing job with its steps, and whether another run is pending."""
    state = await pipeline_runs.get_state(db, org_id)
    job = await pipeline_runs.latest_job(db, org_id)
    run = None
    if job is not None:
        steps = await pipeline_runs.job_steps(db, job.id)
        run = PipelineRun(
            id=job.id,
            job_type=job.job_type,  # type: ignore[arg-type]
            status=job.status,  # type: ignore[arg-type]
            current_step=job.current_step,
            reason=job.reason,
            ruleset_version=job.ruleset_version,
            attempts=job.attempts,
            started_at=job.started_at,
            completed_at=job.completed_at,
            error_message=job.error_message,
            steps=[
                PipelineStep(
                    number=s.step_number,
                    name=s.step_name,  # type: ignore[arg-type]
                    status=s.status,  # type: ignore[arg-type]
                    started_at=s.started_at,
                    completed_at=s.completed_at,
                    records_processed=s.records_processed,
                    attempts=s.attempts,
                    error_message=s.error_message,
                    metrics=s.metrics,
                )
                for s in steps
            ],
        )
    return Envelope(
        data=PipelineStatus(
            dirty=bool(state and state.dirty),
            running=bool(state and state.running_job_id),
            last_success_at=state.last_success_at if state else None,
            latest_run=run,
        )
    )
