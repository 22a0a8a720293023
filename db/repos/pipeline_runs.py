"""Pipeline runs: the org latch (`org_pipeline_state`), processing jobs and their steps.

D15: a trigger marks the org dirty; the run that holds the org clears the flag when it
starts a run and, once finished, runs exactly once more if the flag was set meanwhile.
All functions flush only; the caller's boundary commits.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
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
    session: AsyncSession,
    org_id: uuid.UUID,
    reason: str,
    user_id: uuid.UUID | None = None,
    *,
    rf_ids: Collection[str] | None = None,
) -> None:
    """D15 trigger: the next (or the running run's follow-up) run picks this up.

    Issue 6: `rf_ids` are the conveyances this trigger wrote (ingestion); without them
    (admin rebuild, company or override change) the next run must be full. The latch row
    is written first, then the scope row: the runner locks them in the same order."""
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
    await session.execute(
        _ADD_SCOPE,
        {"org": org_id, "full": rf_ids is None, "rfs": sorted(set(rf_ids or ()))},
    )


# Coalesced triggers merge: rf_ids unite, one full trigger makes the run full.
_ADD_SCOPE = text(
    """
    INSERT INTO org_pipeline_scopes AS p (organization_id, full_run, rf_ids)
    VALUES (:org, :full, CAST(:rfs AS varchar[]))
    ON CONFLICT (organization_id) DO UPDATE SET
        full_run = p.full_run OR EXCLUDED.full_run,
        rf_ids = CASE WHEN p.full_run OR EXCLUDED.full_run THEN '{}'::varchar[]
                      ELSE ARRAY(SELECT DISTINCT x FROM unnest(p.rf_ids || EXCLUDED.rf_ids) x
                                 ORDER BY x) END,
        updated_at = now()
    """
)


@dataclass(frozen=True)
class PendingScope:
    """What the triggers since the last run asked for: full, or these rf_ids only."""

    full: bool
    rf_ids: tuple[str, ...]


async def take_scope(session: AsyncSession, org_id: uuid.UUID) -> PendingScope | None:
    """Remove and return the org's pending scope (None: no trigger recorded one)."""
    row = (
        await session.execute(
            text(
                "DELETE FROM org_pipeline_scopes WHERE organization_id = :org"
                " RETURNING full_run, rf_ids"
            ),
            {"org": org_id},
        )
    ).first()
    return None if row is None else PendingScope(bool(row[0]), tuple(row[1] or ()))


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


async def get_job(session: AsyncSession, job_id: uuid.UUID) -> ProcessingJob | None:
    stmt = (
        select(ProcessingJob)
        .where(ProcessingJob.id == job_id)
        .execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def merge_job_summary(session: AsyncSession, job_id: uuid.UUID, **values: Any) -> None:
    """Add keys to the job's summary (issue 6: the widened scope of an incremental run)."""
    await session.execute(
        text(
            "UPDATE processing_jobs SET summary = coalesce(summary, '{}'::jsonb)"
            " || CAST(:v AS jsonb) WHERE id = :id"
        ),
        {"id": job_id, "v": json.dumps(values, default=str)},
    )


async def last_success_summary(session: AsyncSession, org_id: uuid.UUID) -> dict[str, Any]:
    """The summary of the org's latest successful run ({} if none; issue 6 checks)."""
    stmt = (
        select(ProcessingJob.summary)
        .where(ProcessingJob.organization_id == org_id, ProcessingJob.status == "success")
        .order_by(ProcessingJob.completed_at.desc().nulls_last(), ProcessingJob.id.desc())
        .limit(1)
    )
    found = (await session.execute(stmt)).scalar_one_or_none()
    return dict(found or {})
