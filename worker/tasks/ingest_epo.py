"""EPO OPS family jobs (ingestion.md §2.7): on demand per asset or organization (after
new assignments or a new asset), and a daily 06:00 UTC refresh of lookups older than 30
days (domain-model §9). A black/quota pause defers the job until OPS lets us back in."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from arq import Retry

from worker.ingestion.epo_client import EpoConfig, EpoOpsClient, EpoPaused
from worker.ingestion.families import due_keys, load_families, organization_keys
from worker.jobs import JobContext, PermanentJobError, schedule, task
from worker.task_names import INGEST_EPO_FAMILIES
from worker.tasks.ingest_reference import summary

log = logging.getLogger("patentrack.epo")

DAILY_REFRESH_LIMIT = 500  # a day's share of the OPS budget (§2.7: refresh within quota)


@task(INGEST_EPO_FAMILIES, retries=3, timeout=3600, backoff=60)
async def ingest_epo_families(
    ctx: JobContext,
    *,
    keys: list[str] | None = None,
    organization_id: str | None = None,
    only_new: bool = False,
    limit: int = DAILY_REFRESH_LIMIT,
) -> dict[str, Any]:
    """Families of `keys` (`US.10465445.B2`), of an organization's granted assets (with
    `only_new`: those not looked up yet), or (the cron run) of the lookups due again."""
    config = EpoConfig.from_env()
    if not (config.key and config.secret):
        if keys:
            raise PermanentJobError("EPO_OPS_KEY / EPO_OPS_SECRET are not configured")
        # Automatic runs (cron, fan-out after loads) are a no-op until OPS credentials
        # exist, instead of one error row per asset on every load.
        log.info("EPO OPS credentials not configured; family look-ups skipped")
        return {"skipped": "EPO OPS credentials not configured"}
    if keys:
        run, wanted = "on-demand", keys
    elif organization_id:
        org = uuid.UUID(organization_id)
        run, wanted = (
            f"org:{org}",
            await organization_keys(ctx.sessionmaker, org, only_new=only_new),
        )
    else:
        run, wanted = "daily-refresh", await due_keys(ctx.sessionmaker, limit)
    client = EpoOpsClient(config, ctx.redis)
    try:
        outcome = await load_families(
            ctx.sessionmaker, client, wanted, queue=ctx.queue, run_name=run
        )
    except EpoPaused as exc:
        raise Retry(defer=exc.resume_in_s) from exc
    finally:
        await client.aclose()
    return summary(outcome)


schedule(INGEST_EPO_FAMILIES, hour=6, minute=0, second=0)
