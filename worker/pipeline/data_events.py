"""The data events of api.md §4 on the org stream, next to the pipeline progress events.

Published through worker.pipeline.events (same channel `pipeline:org:{orgId}`, same id
sequence and replay list), so `GET /events/stream` relays them with `Last-Event-ID`
resume like every other event; the SPA reacts by invalidating query families
(frontend.md §5.9):

- `pipeline-complete` {orgId, status: completed|failed, duration (ms), trigger, runId}:
  once per run, right after `run.finished` / `run.failed`. `duration` is the run's
  processing job from `started_at` to `completed_at` (a resumed run counts from its first
  attempt); `trigger` is what queued it (see `trigger_of`).
- `dashboard-refresh` {orgId, dataType: "summary"}: after a successful run, just before
  its `pipeline-complete`. Every run (full or incremental, D15) rewrites all derived data
  of the org — summary, trees, timeline, broken titles — so ONE event with dataType
  "summary" stands for all of them rather than one event per data type.
- `new-assignments` {orgId, count, refreshNeeded: true}: after an ingestion load committed
  new or changed conveyances on the org's live assets (worker.ingestion.fanout); `count`
  is the number of those conveyances for that org.

A notification that cannot be published (Redis down) is logged and dropped: the data is
already committed, and the SPA's 75 s watchdog / polling still catches up.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping

from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models.pipeline import ProcessingJob
from db.repos import pipeline_runs as runs
from db.session import tenant_session
from db.tenant import TenantContext
from worker.pipeline import events

log = logging.getLogger("patentrack.pipeline")

PIPELINE_COMPLETE = "pipeline-complete"
DASHBOARD_REFRESH = "dashboard-refresh"
NEW_ASSIGNMENTS = "new-assignments"


def trigger_of(job: ProcessingJob) -> str:
    """api.md §4 `trigger`: `ingestion` (a load touched the org's assets), `companies`
    (a company added or removed), `follow-up` (triggered during the previous run),
    `manual` (an admin's rebuild or override), else `other` (CLI, demo seed)."""
    reason = (job.reason or "").lower()
    if reason.startswith("ingestion"):
        return "ingestion"
    if reason.startswith("company"):
        return "companies"
    if reason.startswith("follow-up"):
        return "follow-up"
    if job.job_type == "manual" or job.triggered_by is not None:
        return "manual"
    return "other"


def _duration_ms(job: ProcessingJob) -> int:
    if job.started_at is None or job.completed_at is None:
        return 0
    return max(0, round((job.completed_at - job.started_at).total_seconds() * 1000))


async def run_ended(
    sessionmaker: async_sessionmaker[AsyncSession],
    redis: Redis,
    org_id: uuid.UUID,
    job_id: uuid.UUID,
) -> None:
    """`dashboard-refresh` (success only) then `pipeline-complete` for the run `job_id`,
    whose row already holds its final status (runner: after `run.finished` / `run.failed`)."""
    async with tenant_session(sessionmaker, TenantContext.for_org(org_id)) as s:
        job = await runs.get_job(s, job_id)
        if job is None:
            return
        completed = job.status == "success"
        payload = {
            "orgId": str(org_id),
            "status": "completed" if completed else "failed",
            "duration": _duration_ms(job),
            "trigger": trigger_of(job),
            "runId": str(job_id),
        }
    try:
        if completed:
            await events.publish(
                redis, org_id, DASHBOARD_REFRESH, orgId=str(org_id), dataType="summary"
            )
        await events.publish(redis, org_id, PIPELINE_COMPLETE, **payload)
    except (RedisError, OSError):
        log.warning("could not publish the run's data events", exc_info=True)


async def new_assignments(redis: Redis, counts: Mapping[uuid.UUID, int]) -> None:
    """One `new-assignments` per org (after the load committed): `count` conveyances
    new or changed on that org's live assets."""
    for org_id, count in counts.items():
        try:
            await events.publish(
                redis, org_id, NEW_ASSIGNMENTS, orgId=str(org_id), count=count, refreshNeeded=True
            )
        except (RedisError, OSError):
            log.warning("could not publish new-assignments", exc_info=True)
