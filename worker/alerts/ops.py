"""`ops.alerts_evaluate`: operations alerts for the platform team (issue 9).

Every minute (scheduler) the evaluator gathers the facts (sources and their recent
jobs from PostgreSQL, queue depth from Redis), asks domain/alerts/conditions.py which
conditions hold, and moves `ops_alerts`: a newly holding condition opens a row, one
that stopped holding resolves its row, one still holding changes nothing. Then every
open row not yet notified, and every resolution not yet notified, is sent to the
Slack-compatible webhook and the e-mail list (settings `ops_alert_*`) and marked. So a
condition notifies once when it opens and once when it clears, never while it stays
open; a failed send is retried on the next evaluation (it was never notified).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.alerts import OpsAlert
from db.repos import ops_alerts as repo
from db.tenant import TenantContext
from domain.alerts import slack
from domain.alerts.conditions import Thresholds, firing, transitions
from domain.alerts.delivery import delivered
from patentrack.settings import Settings
from worker.alerts.delivery import settings_of
from worker.alerts.transport import post_json, send_mail
from worker.jobs import DEFAULT_QUEUE, JobContext, schedule, task
from worker.task_names import OPS_ALERTS_EVALUATE

log = logging.getLogger("patentrack.alerts")

ERROR_RATE_WINDOW = timedelta(hours=24)
# Resolutions older than this are history, not news (e.g. after a long outage of SMTP).
NOTIFY_RESOLVED_WITHIN = timedelta(hours=24)
WATCHED_QUEUES = (DEFAULT_QUEUE,)


async def queue_depths(redis: Any) -> dict[str, int]:
    """Jobs waiting per Arq queue (a sorted set per queue, deferred jobs included)."""
    return {q: int(await redis.zcard(q)) for q in WATCHED_QUEUES}


async def _unnotified(session: AsyncSession, now: datetime) -> list[OpsAlert]:
    stmt = (
        select(OpsAlert)
        .where(
            or_(
                (OpsAlert.status == "open") & OpsAlert.last_notified_at.is_(None),
                (OpsAlert.status == "resolved")
                & (OpsAlert.resolved_at >= now - NOTIFY_RESOLVED_WITHIN)
                & (
                    OpsAlert.last_notified_at.is_(None)
                    | (OpsAlert.last_notified_at < OpsAlert.resolved_at)
                ),
            )
        )
        .order_by(OpsAlert.opened_at, OpsAlert.id)
    )
    return list((await session.execute(stmt)).scalars())


def _mail_body(alert: OpsAlert, resolved: bool) -> str:
    state = "RESOLVED" if resolved else "OPEN"
    lines = [f"{state}: {alert.title}", "", f"Condition: {alert.condition_key}"]
    lines.append(f"Opened at: {alert.opened_at.isoformat()}")
    if resolved and alert.resolved_at:
        lines.append(f"Resolved at: {alert.resolved_at.isoformat()}")
    lines += ["", json.dumps(alert.details or {}, indent=2, sort_keys=True, default=str)]
    return "\n".join(lines) + "\n"


async def notify(settings: Settings, alert: OpsAlert) -> bool:
    """Send one alert (or its resolution) to every configured channel; True if all took it."""
    resolved = alert.status == "resolved"
    ok = True
    if settings.ops_alert_webhook_url:
        message = slack.ops_message(
            title=alert.title, resolved=resolved, details=dict(alert.details or {})
        )
        # The operators' own URL from configuration: not a customer target, no SSRF check.
        result = await post_json(
            settings.ops_alert_webhook_url,
            json.dumps(message, separators=(",", ":")).encode(),
            {},
            timeout_s=settings.webhook_timeout_s,
            allow_private=True,
            check_target=False,
        )
        ok = ok and delivered(result.status_code)
    if settings.ops_alert_emails:
        subject = f"[PatenTrack {'resolved' if resolved else 'ALERT'}] {alert.title}"
        ok = (
            await send_mail(
                settings,
                to=list(settings.ops_alert_emails),
                subject=subject,
                body=_mail_body(alert, resolved),
            )
            and ok
        )
    return ok


async def evaluate_once(ctx: JobContext, settings: Settings) -> dict[str, int]:
    now = datetime.now(UTC)
    platform = TenantContext.anonymous()  # [P] tables: the worker role's grants
    async with ctx.session(platform) as s:
        facts = await repo.source_facts(s, since=now - ERROR_RATE_WINDOW)
    thresholds = Thresholds(failure_grace=timedelta(seconds=settings.ops_alert_failure_grace_s))
    holding = firing(facts, await queue_depths(ctx.redis), now, thresholds)
    opened = resolved = 0
    async with ctx.session(platform) as s:
        to_open, to_resolve = transitions(await repo.open_keys(s), holding)
        for condition in to_open:
            opened += await repo.open_alert(s, condition) is not None
        for key in to_resolve:
            resolved += await repo.resolve(s, key) is not None
    sent = 0
    async with ctx.session(platform) as s:
        pending = await _unnotified(s, now)
    for alert in pending:
        if await notify(settings, alert):
            async with ctx.session(platform) as s:
                await repo.mark_notified(s, alert.id)
            sent += 1
        else:
            log.warning("ops alert not notified; retried next run", extra=repo.as_dict(alert))
    return {"holding": len(holding), "opened": opened, "resolved": resolved, "notified": sent}


@task(OPS_ALERTS_EVALUATE, retries=0, timeout=120)
async def evaluate(ctx: JobContext) -> dict[str, int]:
    """Evaluate every operations condition once; what changed and what was sent."""
    return await evaluate_once(ctx, settings_of(ctx))


schedule(OPS_ALERTS_EVALUATE, second=0)
