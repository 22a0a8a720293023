"""`webhooks.deliver`: one attempt of one customer webhook delivery (issue 7, D2).

Each job makes exactly one attempt and records it; a failed attempt that has budget
left queues the next one itself, deferred by the backoff (settings
`webhook_backoff_base_s` * 2^(n-1), `webhook_max_attempts`), so the schedule is data
and every attempt is in `attempt_log`. The job id is `webhook:{delivery}:{attempt}`
and the recorded `attempts` must match, so a duplicate job neither records nor
schedules twice. `webhooks.sweep` re-queues pending deliveries whose job was lost.
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.exceptions import InvalidTag

from db.repos import webhooks as repo
from db.session import after_commit
from db.tenant import TenantContext
from domain.alerts import slack
from domain.alerts.delivery import delivered, retry_delay, should_retry
from domain.alerts.signing import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    open_secret,
    signature_header,
)
from patentrack.settings import Settings, get_settings
from worker.alerts.transport import post_json
from worker.jobs import JobContext, JobQueue, schedule, task
from worker.task_names import WEBHOOK_DELIVER, WEBHOOK_SWEEP, webhook_job_id

# A pending delivery this far past its due time has lost its job.
SWEEP_GRACE = timedelta(minutes=2)


def settings_of(ctx: JobContext) -> Settings:
    found = ctx.extras.get("settings")
    return found if isinstance(found, Settings) else get_settings()


def allow_private_targets(settings: Settings) -> bool:
    # domain/alerts/targets.py: private targets only where there is nothing to protect.
    return settings.environment in ("development", "test")


def body_for(format_: str, payload: dict[str, Any]) -> bytes:
    """The exact bytes sent (and signed): the standard envelope, or its Slack rendering."""
    message = slack.customer_message(payload) if format_ == "slack" else payload
    return json.dumps(message, separators=(",", ":"), sort_keys=True, default=str).encode()


async def enqueue_attempt(
    queue: JobQueue,
    org_id: uuid.UUID | str,
    delivery_id: uuid.UUID | str,
    attempt: int,
    *,
    defer_by: float | None = None,
) -> None:
    await queue.enqueue(
        WEBHOOK_DELIVER,
        job_id=webhook_job_id(delivery_id, attempt),
        defer_by=defer_by,
        organization_id=str(org_id),
        delivery_id=str(delivery_id),
        attempt=attempt,
    )


@task(WEBHOOK_DELIVER, retries=2, timeout=60, backoff=1.0, keep_result=0)
async def deliver(ctx: JobContext, *, organization_id: str, delivery_id: str, attempt: int) -> str:
    """Make attempt number `attempt` + 1 of a delivery; its resulting status."""
    settings = settings_of(ctx)
    org, did = uuid.UUID(organization_id), uuid.UUID(delivery_id)
    tenant = TenantContext.for_org(org)
    async with ctx.session(tenant) as s:
        found = await repo.delivery_with_webhook(s, org, did)
        if found is None:
            return "gone"
        delivery, hook = found
        if delivery.status != "pending" or delivery.attempts != attempt:
            return "stale"  # a duplicate job, or a replay started a new round
        try:
            secret: str | None = open_secret(
                settings.jwt_secret_value(), hook.secret_encrypted, webhook_id=hook.id
            )
        except (InvalidTag, ValueError):
            secret = None  # the server key changed: no retry can fix it
        url, active, event_type = hook.url, hook.active, delivery.event_type
        body = body_for(hook.format, delivery.payload)

    code: int | None = None
    error: str | None = None
    took = 0
    if secret is None:
        active, error = False, "secret unreadable; recreate the webhook"
    elif active:
        timestamp = int(time.time())
        result = await post_json(
            url,
            body,
            {
                SIGNATURE_HEADER: signature_header(secret, timestamp, body),
                EVENT_HEADER: event_type,
                DELIVERY_HEADER: str(did),
            },
            timeout_s=settings.webhook_timeout_s,
            allow_private=allow_private_targets(settings),
        )
        code, error, took = result.status_code, result.error, result.duration_ms
    else:
        error = "webhook is disabled"  # recorded, never sent

    made = attempt + 1
    delay = 0.0
    if delivered(code):
        status = "succeeded"
    elif active and should_retry(made, settings.webhook_max_attempts):
        status, delay = "pending", retry_delay(made, settings.webhook_backoff_base_s)
    else:
        status = "failed"
    async with ctx.session(tenant) as s:
        recorded = await repo.record_attempt(
            s,
            org,
            did,
            expected_attempts=attempt,
            status=status,
            status_code=code,
            error=error,
            duration_ms=took,
            retry_in_s=delay,
        )
        if recorded and status == "pending":

            async def _next() -> None:
                await enqueue_attempt(ctx.queue, org, did, made, defer_by=delay)

            after_commit(s, _next)
    return status if recorded else "stale"


@task(WEBHOOK_SWEEP, retries=0, timeout=60)
async def sweep(ctx: JobContext) -> int:
    """Re-queue overdue pending deliveries (their job was lost); how many."""
    cutoff = datetime.now(UTC) - SWEEP_GRACE
    # Every org's deliveries: the audited super-admin path of the worker (§11.3 (4)).
    async with ctx.session(TenantContext.super_admin()) as s:
        stalled = await repo.stalled_pending(s, older_than=cutoff)
    for org, delivery, attempts in stalled:
        await enqueue_attempt(ctx.queue, org, delivery, attempts)
    return len(stalled)


schedule(WEBHOOK_SWEEP, second=30)
