"""Customer webhooks and their deliveries [T] (D2, issue 7; migration 0008).

Every query names the organization explicitly on top of RLS, so a wrong id from another
tenant is simply "not found". Attempts are recorded with an optimistic check on
`attempts`, so a job that Arq runs twice cannot record (or schedule) an attempt twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, func, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.alerts import Webhook, WebhookDelivery

Keyset = tuple[datetime, uuid.UUID]


async def create_webhook(
    session: AsyncSession,
    *,
    webhook_id: uuid.UUID,
    org_id: uuid.UUID,
    url: str,
    secret_encrypted: str,
    event_types: Sequence[str],
    format: str,
    description: str | None,
    active: bool,
    created_by: uuid.UUID | None,
) -> Webhook:
    hook = Webhook(
        id=webhook_id,
        organization_id=org_id,
        url=url,
        secret_encrypted=secret_encrypted,
        event_types=list(event_types),
        format=format,
        description=description,
        active=active,
        created_by=created_by,
    )
    session.add(hook)
    await session.flush()
    await session.refresh(hook)
    return hook


async def _page(
    session: AsyncSession, stmt: Select[Any], counted: Select[Any], limit: int
) -> tuple[list[Any], int]:
    rows = list((await session.execute(stmt.limit(limit + 1))).scalars())
    return rows, int((await session.execute(counted)).scalar_one())


async def list_webhooks(
    session: AsyncSession, org_id: uuid.UUID, *, limit: int, after: Keyset | None
) -> tuple[list[Webhook], int]:
    """Up to `limit` + 1 webhooks newest first (keyset `(created_at, id)`), and the total."""
    where = [Webhook.organization_id == org_id]
    stmt = select(Webhook).where(*where)
    if after is not None:
        stmt = stmt.where(tuple_(Webhook.created_at, Webhook.id) < tuple_(*after))
    stmt = stmt.order_by(Webhook.created_at.desc(), Webhook.id.desc())
    counted = select(func.count()).select_from(Webhook).where(*where)
    return await _page(session, stmt, counted, limit)


async def get_webhook(
    session: AsyncSession, org_id: uuid.UUID, webhook_id: uuid.UUID
) -> Webhook | None:
    stmt = select(Webhook).where(Webhook.id == webhook_id, Webhook.organization_id == org_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def update_webhook(session: AsyncSession, hook: Webhook, **fields: Any) -> Webhook:
    for name, value in fields.items():
        setattr(hook, name, value)
    hook.updated_at = func.now()
    await session.flush()
    await session.refresh(hook)
    return hook


async def delete_webhook(session: AsyncSession, org_id: uuid.UUID, webhook_id: uuid.UUID) -> bool:
    """Delete a webhook and (cascade) its delivery history; False when absent."""
    result = await session.execute(
        delete(Webhook).where(Webhook.id == webhook_id, Webhook.organization_id == org_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def list_active(session: AsyncSession, org_id: uuid.UUID) -> list[Webhook]:
    """The org's active webhooks (few per org; the pipeline's finish reads them once)."""
    stmt = select(Webhook).where(Webhook.organization_id == org_id, Webhook.active.is_(True))
    return list((await session.execute(stmt.order_by(Webhook.created_at, Webhook.id))).scalars())


async def subscribed(session: AsyncSession, org_id: uuid.UUID, event_type: str) -> list[Webhook]:
    """The org's active webhooks that subscribed to `event_type`."""
    stmt = select(Webhook).where(
        Webhook.organization_id == org_id,
        Webhook.active.is_(True),
        Webhook.event_types.any(event_type),  # type: ignore[arg-type]
    )
    return list((await session.execute(stmt)).scalars())


async def create_deliveries(
    session: AsyncSession,
    org_id: uuid.UUID,
    webhook_ids: Sequence[uuid.UUID],
    *,
    event_type: str,
    event_id: uuid.UUID,
    payload: dict[str, Any],
) -> list[uuid.UUID]:
    """One pending delivery per webhook; an event already delivered to a hook is skipped
    (unique (webhook_id, event_id)), so emitting twice is harmless. The new ids."""
    if not webhook_ids:
        return []
    stmt = (
        insert(WebhookDelivery)
        .values(
            [
                {
                    "organization_id": org_id,
                    "webhook_id": hook_id,
                    "event_type": event_type,
                    "event_id": event_id,
                    "payload": payload,
                    "next_attempt_at": func.now(),
                }
                for hook_id in webhook_ids
            ]
        )
        .on_conflict_do_nothing(index_elements=["webhook_id", "event_id"])
        .returning(WebhookDelivery.id)
    )
    return list((await session.execute(stmt)).scalars())


async def list_deliveries(
    session: AsyncSession,
    org_id: uuid.UUID,
    webhook_id: uuid.UUID,
    *,
    status: str | None,
    limit: int,
    after: Keyset | None,
) -> tuple[list[WebhookDelivery], int]:
    """Up to `limit` + 1 deliveries of a webhook newest first, and the filtered total."""
    where = [WebhookDelivery.organization_id == org_id, WebhookDelivery.webhook_id == webhook_id]
    if status is not None:
        where.append(WebhookDelivery.status == status)
    stmt = select(WebhookDelivery).where(*where)
    if after is not None:
        stmt = stmt.where(tuple_(WebhookDelivery.created_at, WebhookDelivery.id) < tuple_(*after))
    stmt = stmt.order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc())
    counted = select(func.count()).select_from(WebhookDelivery).where(*where)
    return await _page(session, stmt, counted, limit)


async def get_delivery(
    session: AsyncSession,
    org_id: uuid.UUID,
    delivery_id: uuid.UUID,
    webhook_id: uuid.UUID | None = None,
) -> WebhookDelivery | None:
    stmt = select(WebhookDelivery).where(
        WebhookDelivery.id == delivery_id, WebhookDelivery.organization_id == org_id
    )
    if webhook_id is not None:
        stmt = stmt.where(WebhookDelivery.webhook_id == webhook_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def delivery_with_webhook(
    session: AsyncSession, org_id: uuid.UUID, delivery_id: uuid.UUID
) -> tuple[WebhookDelivery, Webhook] | None:
    stmt = (
        select(WebhookDelivery, Webhook)
        .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
        .where(WebhookDelivery.id == delivery_id, WebhookDelivery.organization_id == org_id)
    )
    row = (await session.execute(stmt)).first()
    return (row[0], row[1]) if row else None


_RECORD = text(
    """
    UPDATE webhook_deliveries SET
        attempts = attempts + 1,
        status = CAST(:status AS text),
        last_status_code = CAST(:code AS integer),
        last_error = CAST(:error AS text),
        next_attempt_at = CASE WHEN CAST(:status AS text) = 'pending'
            THEN now() + make_interval(secs => CAST(:delay AS double precision)) END,
        completed_at = CASE WHEN CAST(:status AS text) = 'pending' THEN NULL ELSE now() END,
        attempt_log = attempt_log || jsonb_build_array(jsonb_build_object(
            'attempt', attempts + 1, 'at', now(), 'statusCode', CAST(:code AS integer),
            'error', CAST(:error AS text), 'durationMs', CAST(:ms AS integer))),
        updated_at = now()
    WHERE id = :id AND organization_id = :org AND attempts = CAST(:expected AS integer)
      AND status = 'pending'
    RETURNING attempts
    """
)


async def record_attempt(
    session: AsyncSession,
    org_id: uuid.UUID,
    delivery_id: uuid.UUID,
    *,
    expected_attempts: int,
    status: str,
    status_code: int | None,
    error: str | None,
    duration_ms: int,
    retry_in_s: float = 0.0,
) -> bool:
    """Record one attempt (status `pending` = will retry in `retry_in_s`); False when the
    delivery moved on meanwhile (a duplicate job, a replay)."""
    row = await session.execute(
        _RECORD,
        {
            "id": delivery_id,
            "org": org_id,
            "expected": expected_attempts,
            "status": status,
            "code": status_code,
            "error": error,
            "ms": duration_ms,
            "delay": retry_in_s,
        },
    )
    return row.first() is not None


async def reset_for_replay(session: AsyncSession, delivery: WebhookDelivery) -> WebhookDelivery:
    """Back to pending with a fresh attempt budget; the attempt log keeps its history."""
    await session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.id == delivery.id)
        .values(
            status="pending",
            attempts=0,
            next_attempt_at=func.now(),
            completed_at=None,
            updated_at=func.now(),
        )
    )
    await session.refresh(delivery)
    return delivery


async def stalled_pending(
    session: AsyncSession, *, older_than: datetime, limit: int = 500
) -> list[tuple[uuid.UUID, uuid.UUID, int]]:
    """(org, delivery, attempts) of pending deliveries whose next attempt is overdue: their
    job was lost (a Redis flush, a crash between commit and enqueue). Needs a context that
    sees every org (the audited super-admin path)."""
    stmt = (
        select(WebhookDelivery.organization_id, WebhookDelivery.id, WebhookDelivery.attempts)
        .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at < older_than)
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
    )
    return [(o, d, a) for o, d, a in (await session.execute(stmt)).all()]
