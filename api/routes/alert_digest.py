"""The daily e-mail digest of ownership-change alerts (D2, issue 7).

Any member subscribes or unsubscribes themselves (`/me/alert-digest`; a digest only
carries what the member can already see in the app, so no admin gate). Org admins see
who is subscribed (`/alert-digest/subscribers`, a path outside `/webhooks/{id}` so the
two routers never shadow each other). Mails are sent by the worker
(worker/alerts/digest.py, 07:00 UTC).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AppSettings, CurrentUser, DbSession, OrgAdmin
from api.errors import BadRequest, ErrorEnvelope
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keyset, Pager
from api.schemas.alert_digest import (
    AlertDigestOut,
    AlertDigestUpdate,
    DigestFrequency,
    DigestSubscriberOut,
)
from api.schemas.common import CursorInfo, CursorPage, Envelope
from db.models.alerts import DigestSubscription
from db.repos import alert_digests as repo

router = APIRouter(
    tags=["alerts"],
    responses={401: {"model": ErrorEnvelope, "description": "No valid session."}},
)
_ERR_400 = {"model": ErrorEnvelope, "description": "Invalid body (`details.fieldErrors`)."}


def _out(sub: DigestSubscription | None) -> AlertDigestOut:
    if sub is None:
        return AlertDigestOut(enabled=False, frequency=DigestFrequency.DAILY)
    return AlertDigestOut(
        enabled=True,
        frequency=DigestFrequency(sub.frequency),
        last_sent_at=sub.last_sent_at,
        subscribed_at=sub.created_at,
    )


# The caller's own home org (D6), also for a super admin acting on another org: a digest
# subscription is about the person, never a way into another tenant's events.
@router.get(
    "/me/alert-digest", operation_id="alert_digest_get", response_model=Envelope[AlertDigestOut]
)
async def get_alert_digest(who: CurrentUser, db: DbSession) -> Envelope[AlertDigestOut]:
    """Whether you receive the daily digest of ownership-change alerts."""
    return Envelope(data=_out(await repo.get_subscription(db, who.org_id, who.user_id)))


@router.put(
    "/me/alert-digest",
    operation_id="alert_digest_put",
    response_model=Envelope[AlertDigestOut],
    responses={400: _ERR_400},
)
async def put_alert_digest(
    body: AlertDigestUpdate, who: CurrentUser, db: DbSession
) -> Envelope[AlertDigestOut]:
    """Subscribe yourself to (or unsubscribe from) the daily e-mail digest. Saving again
    keeps your last-sent watermark, so nothing already mailed is mailed twice."""
    if not body.enabled:
        await repo.unsubscribe(db, who.org_id, who.user_id)
        return Envelope(data=_out(None))
    sub = await repo.subscribe(db, who.org_id, who.user_id, body.frequency.value)
    return Envelope(data=_out(sub))


def _keyset(pager: Pager) -> tuple[datetime, uuid.UUID] | None:
    if pager.after is None:
        return None
    try:
        return datetime.fromisoformat(pager.after.key), pager.after.id
    except ValueError as exc:  # a validly signed cursor always holds an ISO timestamp
        raise BadRequest("The cursor is invalid.", details={"reason": "invalid_cursor"}) from exc


@router.get(
    "/alert-digest/subscribers",
    operation_id="alert_digest_subscribers",
    response_model=CursorPage[DigestSubscriberOut],
    responses={403: {"model": ErrorEnvelope, "description": "Not an org admin."}},
)
async def list_subscribers(
    who: OrgAdmin,
    db: DbSession,
    settings: AppSettings,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[DigestSubscriberOut]:
    """The organization's digest subscribers, newest first (org admins, D5)."""
    pager = Pager(settings, {"list": "digest_subscribers"}, cursor)
    rows, total = await repo.list_subscribers(
        db, who.tenant_org_id, limit=limit, after=_keyset(pager)
    )
    page = pager.slice(rows, limit, lambda r: Keyset(key=r.created_at.isoformat(), id=r.id))
    return CursorPage[DigestSubscriberOut](
        data=[
            DigestSubscriberOut(
                user_id=r.user_id,
                email=r.email,
                name=r.name,
                frequency=DigestFrequency(r.frequency),
                last_sent_at=r.last_sent_at,
                subscribed_at=r.created_at,
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )
