"""Pipeline runs: the org latch (`org_pipeline_state`), processing jobs and their steps.

D15: a trigger marks the org dirty; the run that holds the org clears the flag when it
starts a run and, once finished, runs exactly once more if the flag was set meanwhile.
All functions flush only; the caller's boundary commits.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.pipeline import STEP_NAMES, OrgPipelineState, ProcessingJob, ProcessingStep

_ENSURE_STATE = text(
    "INSERT INTO org_pipeline_state (organization_id) VALUES (:org)"
    " ON CONFLICT (organization_id) DO NOTHING"
)


async def lock_state(session: AsyncSession, org_id: uuid.UUID) -> OrgPipelineState:
    """The org's latch row, created if missing, locked FOR UPDATE until the commit."""
    await session.execute(_ENSURE_STATE, {"org": org_id})
    stmt = (
        select(OrgPipelineState)
        .where(OrgPipelineState.organization_id == org_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one()


async def mark_dirty(
    session: AsyncSession, org_id: uuid.UUID, reason: str, user_id: uuid.UUID | None = None
) -> None:
    """D15 trigger: the next (or the running run's follow-up) run picks this up."""
    await session.execute(
        text(
            "INSERT INTO org_pipeline_state (organization_id, dirty, dirty_reason,"
            " requested_at, requested_by) VALUES (:org, true, :reason, now(), :user)"
            " ON CONFLICT (organization_id) DO UPDATE SET dirty = true,"
            " dirty_reason = EXCLUDED.dirty_reason, requested_at = now(),"
            " requested_by = EXCLUDED.requested_by, updated_at = now()"
        ),
        {"org": org_id, "reason": reason, "user": user_id},
    )


async def create_job(
    session: AsyncSession,
    *,
    org_id: uuid.UUID,
    job_type: str,
    reason: str | None,
    ruleset: str,
    arq_job_id: str | None,
    triggered_by: uuid.UUID | None = None,
) -> ProcessingJob:
    """A new run with its eight steps pending (domain-model §9, §12.6)."""
    job = ProcessingJob(
        id=uuid.uuid4(),
        organization_id=org_id,
        job_type=job_type,
        status="running",
        reason=reason,
        ruleset_version=ruleset,
        arq_job_id=arq_job_id,
        started_at=func.now(),
        triggered_by=triggered_by,
    )
    session.add(job)
    await session.flush()
    for number, name in enumerate(STEP_NAMES, start=1):
        session.add(
            ProcessingStep(
                organization_id=org_id,
                processing_job_id=job.id,
                step_number=number,
                step_name=name,
                status="pending",
            )
        )
    await session.flush()
    return job


async def latest_job(session: AsyncSession, org_id: uuid.UUID) -> ProcessingJob | None:
    stmt = (
        select(ProcessingJob)
        .where(ProcessingJob.organization_id == org_id)
        .order_by(ProcessingJob.created_at.desc(), ProcessingJob.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def job_steps(session: AsyncSession, job_id: uuid.UUID) -> list[ProcessingStep]:
    stmt = (
        select(ProcessingStep)
        .where(ProcessingStep.processing_job_id == job_id)
        .order_by(ProcessingStep.step_number)
    )
    return list((await session.execute(stmt)).scalars())


async def update_job(session: AsyncSession, job_id: uuid.UUID, **values: Any) -> None:
    await session.execute(update(ProcessingJob).where(ProcessingJob.id == job_id).values(**values))


async def update_step(
    session: AsyncSession, job_id: uuid.UUID, step_name: str, **values: Any
) -> None:
    await session.execute(
        update(ProcessingStep)
        .where(ProcessingStep.processing_job_id == job_id, ProcessingStep.step_name == step_name)
        .values(**values)
    )


async def start_step(session: AsyncSession, job_id: uuid.UUID, step_name: str) -> None:
    await session.execute(
        update(ProcessingStep)
        .where(ProcessingStep.processing_job_id == job_id, ProcessingStep.step_name == step_name)
        .values(
            status="running",
            started_at=func.clock_timestamp(),
            completed_at=None,
            error_message=None,
            attempts=ProcessingStep.attempts + 1,
        )
    )


@dataclass(frozen=True)
class StepTiming:
    name: str
    status: str
    started_at: datetime | None
    completed_at: datetime | None


async def step_timings(session: AsyncSession, job_id: uuid.UUID) -> list[StepTiming]:
    return [
        StepTiming(s.step_name, s.status, s.started_at, s.completed_at)
        for s in await job_steps(session, job_id)
    ]


async def get_state(session: AsyncSession, org_id: uuid.UUID) -> OrgPipelineState | None:
    """The org's latch, read without locking (status endpoints)."""
    stmt = select(OrgPipelineState).where(OrgPipelineState.organization_id == org_id)
    return (await session.execute(stmt)).scalar_one_or_none()
