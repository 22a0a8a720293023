"""Platform tasks: the worker probe (API → Redis → worker → PostgreSQL) and the heartbeat."""

from __future__ import annotations

import time

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert

from db.models.jobs import WorkerProbe
from db.tenant import TenantContext
from worker.jobs import JobContext, schedule, task
from worker.task_names import SYSTEM_HEARTBEAT, SYSTEM_PROBE

HEARTBEAT_KEY = "patentrack:worker:heartbeat"


@task(SYSTEM_PROBE, retries=2, timeout=30)
async def probe(ctx: JobContext, *, note: str | None = None) -> str:
    """Record that a worker ran this job; idempotent on the job id (Arq may run it twice)."""
    async with ctx.session(TenantContext.anonymous()) as session:
        role = (await session.execute(func.current_user().select())).scalar_one()
        await session.execute(
            insert(WorkerProbe)
            .values(
                job_id=ctx.job_id,
                note=note,
                request_id=ctx.request_id,
                worker_role=role,
                completed_at=func.now(),
            )
            .on_conflict_do_nothing(index_elements=["job_id"])
        )
    return ctx.job_id


@task(SYSTEM_HEARTBEAT, retries=0, timeout=10)
async def heartbeat(ctx: JobContext) -> None:
    """Let operations see that the scheduler and a worker are both alive."""
    await ctx.redis.set(HEARTBEAT_KEY, str(time.time()), ex=600)


schedule(SYSTEM_HEARTBEAT, second=0)
