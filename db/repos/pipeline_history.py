"""Per-organization pipeline history (issue 9; api.md §1.10: history comes from Postgres
`processing_jobs` / `processing_steps`, since Arq keeps results only briefly).

Reads only; RLS scopes them to the caller's org (org admins) or opens them to the super
admin. Flush-free: the request boundary owns the transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.pipeline import ProcessingJob, ProcessingStep


async def list_runs(
    session: AsyncSession,
    org_id: uuid.UUID,
    *,
    status: str | None,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> tuple[list[ProcessingJob], int]:
    """Up to `limit` + 1 runs newest first (keyset `(created_at, id)`), and the total."""
    conditions = [ProcessingJob.organization_id == org_id]
    if status is not None:
        conditions.append(ProcessingJob.status == status)
    stmt = select(ProcessingJob).where(*conditions)
    if after is not None:
        stmt = stmt.where(tuple_(ProcessingJob.created_at, ProcessingJob.id) < tuple_(*after))
    stmt = stmt.order_by(ProcessingJob.created_at.desc(), ProcessingJob.id.desc()).limit(limit + 1)
    total = select(func.count()).select_from(ProcessingJob).where(*conditions)
    return (
        list((await session.execute(stmt)).scalars()),
        (await session.execute(total)).scalar_one(),
    )


async def get_run(
    session: AsyncSession, org_id: uuid.UUID, run_id: uuid.UUID
) -> tuple[ProcessingJob, list[ProcessingStep]] | None:
    """One run of `org_id` with its steps in DAG order; None when absent or another org's."""
    stmt = select(ProcessingJob).where(
        ProcessingJob.id == run_id, ProcessingJob.organization_id == org_id
    )
    job = (await session.execute(stmt)).scalar_one_or_none()
    if job is None:
        return None
    steps = select(ProcessingStep).where(ProcessingStep.processing_job_id == run_id)
    ordered = steps.order_by(ProcessingStep.step_number)
    return job, list((await session.execute(ordered)).scalars())


async def step_durations(
    session: AsyncSession, run_ids: Sequence[uuid.UUID], *, since: datetime
) -> list[tuple[str, float]]:
    """(step, seconds) of the steps of these runs that finished after `since` (metrics,
    worker/metrics.py; a resumed run's steps done by an earlier job are not re-counted)."""
    seconds = func.extract("epoch", ProcessingStep.completed_at - ProcessingStep.started_at)
    stmt = select(ProcessingStep.step_name, seconds).where(
        ProcessingStep.processing_job_id.in_(list(run_ids)),
        ProcessingStep.status == "success",
        ProcessingStep.started_at.is_not(None),
        ProcessingStep.completed_at >= since,
    )
    return [(name, float(s)) for name, s in (await session.execute(stmt)).all()]


async def mean_duration_ms(
    session: AsyncSession, org_id: uuid.UUID, *, last: int = 5
) -> int | None:
    """Mean duration of the org's `last` successful runs (an estimate for a new one)."""
    recent = (
        select((ProcessingJob.completed_at - ProcessingJob.started_at).label("took"))
        .where(
            ProcessingJob.organization_id == org_id,
            ProcessingJob.status == "success",
            ProcessingJob.started_at.is_not(None),
            ProcessingJob.completed_at.is_not(None),
        )
        .order_by(ProcessingJob.created_at.desc())
        .limit(last)
        .subquery()
    )
    seconds = (
        await session.execute(select(func.avg(func.extract("epoch", recent.c.took))))
    ).scalar()
    return None if seconds is None else int(float(seconds) * 1000)
