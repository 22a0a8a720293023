"""Recorded alert events and e-mail digest subscriptions [T] (D2, issue 7; migration 0011).

Every query names the organization explicitly on top of RLS, so a user id or event of
another tenant is simply not there. `lock_subscription` takes the row lock that makes a
digest job idempotent: two jobs for the same user serialize, and the second one sees the
`last_sent_at` the first one wrote.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, delete, exists, func, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.alerts import AlertEvent, DigestSubscription
from db.models.tenancy import Organization, User

Keyset = tuple[datetime, uuid.UUID]


# --- events -----------------------------------------------------------------------------


async def record_events(
    session: AsyncSession,
    org_id: uuid.UUID,
    run_id: uuid.UUID,
    events: Sequence[tuple[str, dict[str, Any]]],
) -> int:
    """Append a run's events; a (run, type) already recorded is skipped, so emitting a run
    twice records nothing new. How many rows were added."""
    if not events:
        return 0
    stmt = (
        insert(AlertEvent)
        .values(
            [
                {"organization_id": org_id, "run_id": run_id, "event_type": t, "payload": p}
                for t, p in events
            ]
        )
        .on_conflict_do_nothing(constraint="uq_alert_events_organization_id_run_id_event_type")
        .returning(AlertEvent.id)
    )
    return len(list((await session.execute(stmt)).scalars()))


async def asset_numbers(
    session: AsyncSession, org_id: uuid.UUID, asset_ids: Sequence[str]
) -> dict[str, str]:
    """{asset id: its grant (else application) number} for the org's assets among `ids`."""
    if not asset_ids:
        return {}
    rows = await session.execute(
        text(
            "SELECT id::text, coalesce(grant_doc_num, appno_doc_num) FROM assets"
            " WHERE organization_id = :org AND id = ANY(CAST(:ids AS uuid[]))"
        ),
        {"org": org_id, "ids": sorted(set(asset_ids))},
    )
    return {str(i): str(n or "") for i, n in rows.all()}


async def events_between(
    session: AsyncSession, org_id: uuid.UUID, *, after: datetime, upto: datetime
) -> list[AlertEvent]:
    """The org's events recorded in (after, upto], oldest first."""
    stmt = (
        select(AlertEvent)
        .where(
            AlertEvent.organization_id == org_id,
            AlertEvent.created_at > after,
            AlertEvent.created_at <= upto,
        )
        .order_by(AlertEvent.created_at, AlertEvent.id)
    )
    return list((await session.execute(stmt)).scalars())


async def purge_events(session: AsyncSession, *, older_than: datetime) -> int:
    """Forget events no digest will list any more (needs the every-org context)."""
    result = await session.execute(delete(AlertEvent).where(AlertEvent.created_at < older_than))
    return int(result.rowcount)  # type: ignore[attr-defined]


# --- subscriptions ----------------------------------------------------------------------


async def has_subscribers(session: AsyncSession, org_id: uuid.UUID) -> bool:
    stmt = select(exists().where(DigestSubscription.organization_id == org_id))
    return bool((await session.execute(stmt)).scalar())


async def get_subscription(
    session: AsyncSession, org_id: uuid.UUID, user_id: uuid.UUID
) -> DigestSubscription | None:
    stmt = select(DigestSubscription).where(
        DigestSubscription.organization_id == org_id, DigestSubscription.user_id == user_id
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def subscribe(
    session: AsyncSession, org_id: uuid.UUID, user_id: uuid.UUID, frequency: str
) -> DigestSubscription:
    """Create (or keep, with the new frequency) the user's subscription. An existing row
    keeps its `created_at` and `last_sent_at`, so re-saving the setting resends nothing."""
    stmt = (
        insert(DigestSubscription)
        .values(organization_id=org_id, user_id=user_id, frequency=frequency)
        .on_conflict_do_update(
            constraint="uq_digest_subscriptions_user_id",
            set_={"frequency": frequency},
            # D6: a user never changes org; the guard keeps RLS's WITH CHECK honest anyway.
            where=DigestSubscription.organization_id == org_id,
        )
    )
    await session.execute(stmt)
    found = await get_subscription(session, org_id, user_id)
    assert found is not None
    return found


async def unsubscribe(session: AsyncSession, org_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    result = await session.execute(
        delete(DigestSubscription).where(
            DigestSubscription.organization_id == org_id, DigestSubscription.user_id == user_id
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Subscriber:
    id: uuid.UUID
    user_id: uuid.UUID
    email: str
    name: str
    frequency: str
    last_sent_at: datetime | None
    created_at: datetime


async def list_subscribers(
    session: AsyncSession, org_id: uuid.UUID, *, limit: int, after: Keyset | None
) -> tuple[list[Subscriber], int]:
    """Up to `limit` + 1 subscribers newest first (keyset `(created_at, id)`), and the total."""
    where = [DigestSubscription.organization_id == org_id]
    stmt = select(DigestSubscription, User).join(User, User.id == DigestSubscription.user_id)
    stmt = stmt.where(*where)
    if after is not None:
        stmt = stmt.where(
            tuple_(DigestSubscription.created_at, DigestSubscription.id) < tuple_(*after)
        )
    stmt = stmt.order_by(DigestSubscription.created_at.desc(), DigestSubscription.id.desc())
    rows = (await session.execute(stmt.limit(limit + 1))).all()
    counted = select(func.count()).select_from(DigestSubscription).where(*where)
    total = int((await session.execute(counted)).scalar_one())
    return [
        Subscriber(
            id=sub.id,
            user_id=sub.user_id,
            email=user.email,
            name=user.display_name,
            frequency=sub.frequency,
            last_sent_at=sub.last_sent_at,
            created_at=sub.created_at,
        )
        for sub, user in rows
    ], total


def _deliverable() -> Any:
    """Only active, not deleted users receive mail."""
    return and_(User.status == "active", User.deleted_at.is_(None))


async def due_subscribers(
    session: AsyncSession, *, day: date, upto: datetime
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(org, user) of every daily subscriber not yet mailed on `day` (UTC) with at least one
    event since their last digest (or since subscribing). Needs the every-org context
    (the worker's audited super-admin path); each digest is then built in its org's."""
    since = func.coalesce(DigestSubscription.last_sent_at, DigestSubscription.created_at)
    has_news = exists().where(
        AlertEvent.organization_id == DigestSubscription.organization_id,
        AlertEvent.created_at > since,
        AlertEvent.created_at <= upto,
    )
    stmt = (
        select(DigestSubscription.organization_id, DigestSubscription.user_id)
        .join(User, User.id == DigestSubscription.user_id)
        .where(
            DigestSubscription.frequency == "daily",
            _deliverable(),
            (DigestSubscription.last_sent_at.is_(None))
            | (func.timezone("UTC", DigestSubscription.last_sent_at) < day),
            has_news,
        )
        .order_by(DigestSubscription.organization_id, DigestSubscription.user_id)
    )
    return [(o, u) for o, u in (await session.execute(stmt)).all()]


@dataclass(frozen=True)
class Recipient:
    subscription_id: uuid.UUID
    email: str
    name: str
    org_name: str
    since: datetime  # events after this are news to them
    last_sent_at: datetime | None


async def lock_subscription(
    session: AsyncSession, org_id: uuid.UUID, user_id: uuid.UUID
) -> Recipient | None:
    """The user's subscription, row-locked until the transaction ends, with where to mail
    it; None when unsubscribed or the user cannot receive mail."""
    stmt = (
        select(DigestSubscription, User.email, User.first_name, User.last_name, Organization.name)
        .join(User, User.id == DigestSubscription.user_id)
        .join(Organization, Organization.id == DigestSubscription.organization_id)
        .where(
            DigestSubscription.organization_id == org_id,
            DigestSubscription.user_id == user_id,
            _deliverable(),
        )
        .with_for_update(of=DigestSubscription)
    )
    row = (await session.execute(stmt)).first()
    if row is None:
        return None
    sub, email, first, last, org_name = row
    return Recipient(
        subscription_id=sub.id,
        email=email,
        name=" ".join(p for p in (first, last) if p),
        org_name=org_name,
        since=sub.last_sent_at or sub.created_at,
        last_sent_at=sub.last_sent_at,
    )


async def mark_sent(session: AsyncSession, subscription_id: uuid.UUID, at: datetime) -> None:
    await session.execute(
        update(DigestSubscription)
        .where(DigestSubscription.id == subscription_id)
        .values(last_sent_at=at)
    )
