"""Housekeeping jobs (issue 7): share access-log retention and the dashboard warm-up.

- `maintenance.share_access_log_retention` (daily, 03:15 UTC): domain-model §8 — the
  access log stores visitors' IP addresses, which are personal data, so rows older than
  `share_access_log_retention_days` (default 90) are deleted, in every org at once.
- `maintenance.warm_dashboards` (queued when a worker starts): api.md §5.2 — "after a
  Redis flush, `orgver` is reloaded from Postgres and the dashboards of active orgs are
  warmed at start-up". It fills `org:{orgId}:v{ver}:dashboard` for the orgs with a
  pipeline run in the last 7 days (capped), so their first dashboard load after a
  restart or a flush is a cache hit. A job, not API start-up work: the API starts fast.

Cross-org reads use the worker's super-admin context (as the digest and ops-alert
crons do); each org's own data is read in that org's context.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from pydantic_core import to_json

from db.repos import dashboard_reads, org_data_version
from db.repos import shares as shares_repo
from db.tenant import TenantContext
from worker.alerts.delivery import settings_of
from worker.jobs import JobContext, JobQueue, schedule, task
from worker.task_names import SHARE_ACCESS_LOG_RETENTION, WARM_DASHBOARDS

log = logging.getLogger("patentrack.maintenance")

WARM_RECENT_DAYS = 7  # "active": a successful pipeline run in the last week
WARM_MAX_ORGS = 200  # bounds the start-up load on Postgres (most recently run first)
WARM_JOB_ID = "maintenance:warm-dashboards"  # several workers starting queue one job


@task(SHARE_ACCESS_LOG_RETENTION, retries=2, timeout=600, backoff=60.0)
async def share_access_log_retention(ctx: JobContext) -> int:
    """Delete access-log rows older than the retention period; returns how many went."""
    days = settings_of(ctx).share_access_log_retention_days
    async with ctx.session(TenantContext.super_admin()) as s:
        deleted = await shares_repo.delete_access_logs_before(s, days=days)
    log.info("share access logs pruned", extra={"deleted": deleted, "retention_days": days})
    return deleted


schedule(SHARE_ACCESS_LOG_RETENTION, hour=3, minute=15, second=0)


def summary_body(found: dashboard_reads.Summary) -> bytes:
    """The org-level `GET /dashboards/summary` body (`Envelope[DashboardSummary]`, scope
    `organization`), as the API caches it. `worker` never imports `api`, so the shape is
    spelled out here; tests/worker/test_maintenance_jobs.py compares it with the API's."""
    data: dict[str, Any] = {
        "scope": "organization",
        "metrics": [
            {
                "companyId": m.company_id,
                "totalAssets": m.asset_count,
                "totalEntities": m.entity_count,
                "totalCompanies": m.company_count,
                "totalTransactions": m.transaction_count,
                "totalEmployees": m.employee_count,
                "totalParties": m.party_count,
                "totalActivities": m.activity_count,
                "totalArrows": m.arrow_count,
                "rulesetVersion": m.ruleset_version,
                "calculatedAt": m.calculated_at,
            }
            for m in found.metrics
        ],
        "brokenTitles": found.broken_titles,
        "openLiens": found.open_liens,
    }
    # pydantic's own serializer: datetimes and UUIDs come out as the API writes them.
    return to_json({"data": data})


async def warm_org(ctx: JobContext, org_id: uuid.UUID) -> bool:
    """Cache the org's dashboard summary under its current version; False if present."""
    version = await org_data_version.current(ctx.redis, ctx.sessionmaker, org_id)
    key = org_data_version.dashboard_key(org_id, version)
    if await ctx.redis.exists(key):
        return False
    async with ctx.session(TenantContext.for_org(org_id)) as s:
        found = await dashboard_reads.summary(s, org_id, [])
    # NX: a body the API stored meanwhile is as good, and is kept.
    stored = await ctx.redis.set(key, summary_body(found), ex=org_data_version.CACHE_TTL_S, nx=True)
    return bool(stored)


@task(WARM_DASHBOARDS, retries=1, timeout=900, keep_result=0)
async def warm_dashboards(ctx: JobContext, *, limit: int = WARM_MAX_ORGS) -> int:
    """api.md §5.2 start-up warm-up; returns how many summaries it stored. Best effort:
    one org's failure is logged and the others are still warmed."""
    async with ctx.session(TenantContext.super_admin()) as s:
        orgs = await org_data_version.recently_run_orgs(s, days=WARM_RECENT_DAYS, limit=limit)
    warmed = 0
    for org_id in orgs:
        try:
            warmed += await warm_org(ctx, org_id)
        except Exception:
            log.warning("dashboard warm-up failed", exc_info=True, extra={"org": str(org_id)})
    log.info("dashboards warmed", extra={"orgs": len(orgs), "warmed": warmed})
    return warmed


async def enqueue_warm_up(queue: JobQueue) -> str | None:
    """Queue the warm-up (the worker's start-up hook); one job however many workers
    start together. Never fails the start-up: the cache fills on demand anyway."""
    try:
        return await queue.enqueue(WARM_DASHBOARDS, job_id=WARM_JOB_ID)
    except Exception:
        log.warning("could not queue the dashboard warm-up", exc_info=True)
        return None
