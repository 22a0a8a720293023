"""The daily e-mail digest of ownership-change alerts (D2, issue 7).

`alerts.digest_daily` (cron, 07:00 UTC) finds, across orgs, every subscriber not yet
mailed today who has events since their last digest, and queues one
`alerts.digest_send` per subscriber under the job id `digest:{user}:{date}`, so a second
run of the cron the same day queues nothing new. It also forgets events older than
EVENT_RETENTION.

`alerts.digest_send` works inside the subscriber's own org (RLS: it can only see that
org's events, whatever it is given): it row-locks the subscription, re-checks that
nothing went out today, reads the events in (last_sent_at, now], renders one plain-text
+ HTML mail (domain/alerts/digest.py), sends it and moves `last_sent_at` to now, all in
one transaction. A duplicate job waits on the lock and then finds the digest sent; a
failed send rolls back and is retried by Arq. (The one window left: SMTP accepted the
mail but the commit failed; the retry then mails again: at least once, never silently
lost.)
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage

from db.repos import alert_digests as repo
from db.tenant import TenantContext
from domain.alerts.digest import Digest, DigestEvent, render_digest
from patentrack.settings import Settings
from worker.alerts.delivery import settings_of
from worker.alerts.transport import send_blocking
from worker.jobs import JobContext, schedule, task
from worker.task_names import DIGEST_DAILY, DIGEST_SEND, digest_job_id

log = logging.getLogger("patentrack.alerts")

# Events older than this are no digest's news any more (a subscriber mailed daily has
# seen them; one who was away a month gets the recent month).
EVENT_RETENTION = timedelta(days=30)
# The send job's result is kept past the day, so its id blocks a same-day re-queue even
# before the database check (which is what really guarantees it; Redis may be flushed).
KEEP_SEND_RESULT_S = 26 * 3600


def message(settings: Settings, to: str, digest: Digest) -> EmailMessage:
    """One mail, plain text with an HTML alternative."""
    mail = EmailMessage()
    mail["From"] = settings.smtp_from
    mail["To"] = to
    mail["Subject"] = digest.subject
    mail.set_content(digest.text)
    mail.add_alternative(digest.html, subtype="html")
    return mail


async def send_digest(
    ctx: JobContext, settings: Settings, org_id: uuid.UUID, user_id: uuid.UUID, day: date
) -> str:
    """Mail `user_id` their digest for `day` unless it went out already; what happened."""
    async with ctx.session(TenantContext.for_org(org_id)) as s:
        who = await repo.lock_subscription(s, org_id, user_id)
        if who is None:
            return "unsubscribed"
        if who.last_sent_at is not None and who.last_sent_at.astimezone(UTC).date() >= day:
            return "already_sent"
        upto = datetime.now(UTC)
        rows = await repo.events_between(s, org_id, after=who.since, upto=upto)
        digest = render_digest(
            [DigestEvent(r.event_type, r.created_at, r.payload) for r in rows],
            org_name=who.org_name,
            recipient_name=who.name,
            app_url=settings.app_url,
            day=day,
        )
        if digest is None:
            return "no_events"
        # Raises on SMTP trouble: the transaction rolls back, Arq retries the job.
        await asyncio.to_thread(send_blocking, settings, message(settings, who.email, digest))
        await repo.mark_sent(s, who.subscription_id, upto)
    log.info(
        "alert digest sent",
        extra={"org": str(org_id), "user": str(user_id), "events": len(rows)},
    )
    return "sent"


@task(DIGEST_SEND, retries=3, timeout=120, backoff=30.0, keep_result=KEEP_SEND_RESULT_S)
async def send(ctx: JobContext, *, organization_id: str, user_id: str, day: str) -> str:
    """One subscriber's digest for one UTC day."""
    return await send_digest(
        ctx,
        settings_of(ctx),
        uuid.UUID(organization_id),
        uuid.UUID(user_id),
        date.fromisoformat(day),
    )


async def queue_due(ctx: JobContext, now: datetime) -> int:
    """Queue today's digest of every due subscriber; how many jobs were new."""
    day = now.astimezone(UTC).date()
    # Every org's subscriptions: the worker's audited super-admin path (§11.3 (4)).
    async with ctx.session(TenantContext.super_admin()) as s:
        await repo.purge_events(s, older_than=now - EVENT_RETENTION)
        due = await repo.due_subscribers(s, day=day, upto=now)
    queued = 0
    for org_id, user_id in due:
        job = await ctx.queue.enqueue(
            DIGEST_SEND,
            job_id=digest_job_id(user_id, day.isoformat()),
            organization_id=str(org_id),
            user_id=str(user_id),
            day=day.isoformat(),
        )
        queued += job is not None
    return queued


@task(DIGEST_DAILY, retries=1, timeout=300)
async def daily(ctx: JobContext) -> int:
    """The 07:00 UTC fan-out: one digest job per due subscriber."""
    return await queue_due(ctx, datetime.now(UTC))


schedule(DIGEST_DAILY, hour=7, minute=0, second=0)
