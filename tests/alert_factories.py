"""Row factories for the alert tenant tables of migrations 0008 and 0011 (merged into
TENANT_ROW_FACTORIES), and small helpers the webhook and digest tests share."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection


async def create_webhook(
    conn: AsyncConnection,
    org_id: uuid.UUID,
    *,
    url: str = "https://hooks.example.com/patentrack",
    event_types: list[str] | None = None,
    secret_encrypted: str = "v1:not-a-real-sealed-secret",
) -> uuid.UUID:
    hook_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO webhooks (id, organization_id, url, secret_encrypted, event_types)"
            " VALUES (:id, :org, :url, :secret, :types)"
        ),
        {
            "id": hook_id,
            "org": org_id,
            "url": url,
            "secret": secret_encrypted,
            "types": event_types or ["pipeline_finished"],
        },
    )
    return hook_id


async def _webhook_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await create_webhook(conn, org_id)


async def _delivery_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    hook_id = await create_webhook(conn, org_id)
    await conn.execute(
        text(
            "INSERT INTO webhook_deliveries (organization_id, webhook_id, event_type, event_id,"
            " payload) VALUES (:org, :hook, 'ping', :event, CAST('{}' AS jsonb))"
        ),
        {"org": org_id, "hook": hook_id, "event": uuid.uuid4()},
    )


async def _snapshot_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await conn.execute(
        text(
            "INSERT INTO alert_snapshots (organization_id, kind, item_key)"
            " VALUES (:org, 'conveyance', :key)"
        ),
        {"org": org_id, "key": uuid.uuid4().hex},
    )


async def _alert_event_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await conn.execute(
        text(
            "INSERT INTO alert_events (organization_id, event_type, payload, run_id)"
            " VALUES (:org, 'new_lien', CAST('{\"count\": 0, \"items\": []}' AS jsonb), :run)"
        ),
        {"org": org_id, "run": uuid.uuid4()},
    )


async def subscribe_digest(
    conn: AsyncConnection, org_id: uuid.UUID, user_id: uuid.UUID
) -> uuid.UUID:
    sub_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO digest_subscriptions (id, organization_id, user_id)"
            " VALUES (:id, :org, :user)"
        ),
        {"id": sub_id, "org": org_id, "user": user_id},
    )
    return sub_id


async def _digest_subscription_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    """The org's (factory) user subscribes: the RLS suite counts one row per table per org,
    users included, so no second user is created when one exists."""
    from tests.factories import create_user  # tests/factories.py imports this module

    user_id = (
        await conn.execute(
            text(
                "SELECT u.id FROM users u WHERE u.organization_id = :org AND NOT EXISTS"
                " (SELECT 1 FROM digest_subscriptions d WHERE d.user_id = u.id) LIMIT 1"
            ),
            {"org": org_id},
        )
    ).scalar_one_or_none()
    await subscribe_digest(conn, org_id, user_id or await create_user(conn, org_id))


ALERT_ROW_FACTORIES: dict[
    str, tuple[str, Callable[[AsyncConnection, uuid.UUID], Awaitable[None]]]
] = {
    "webhooks": ("organization_id", _webhook_row),
    "webhook_deliveries": ("organization_id", _delivery_row),
    "alert_snapshots": ("organization_id", _snapshot_row),
    "alert_events": ("organization_id", _alert_event_row),
    "digest_subscriptions": ("organization_id", _digest_subscription_row),
}
