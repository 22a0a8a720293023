"""Outgoing webhooks of the caller's organization (D2, issue 7).

Org settings, so org admins only (D5: managing the org's integrations is an admin
task), reads included: a webhook URL is itself a secret (a Slack incoming-webhook URL
lets anyone post to the channel; domain-model §7 keeps webhook URLs with secrets).
The signing secret is generated here, returned once in the create response, and kept
AES-GCM sealed (the worker needs it back to sign). Deliveries are made by the worker
(`webhooks.deliver`), queued after this request commits (D17).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.deps import AppSettings, DbSession, OrgAdmin, Queue
from api.errors import BadRequest, Conflict, ErrorEnvelope, NotFound, ValidationFailed
from api.idempotency import IDEMPOTENT
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keyset, Pager
from api.schemas.common import CursorInfo, CursorPage, Envelope
from api.schemas.webhooks import (
    DeliveryOut,
    DeliveryStatus,
    WebhookCreate,
    WebhookCreated,
    WebhookOut,
    WebhookUpdate,
)
from db.models.alerts import Webhook, WebhookDelivery
from db.repos import webhooks as repo
from domain.alerts.events import PING, envelope, ping_data
from domain.alerts.signing import new_secret, seal_secret
from domain.alerts.targets import url_problem
from patentrack.settings import Settings
from worker import task_names
from worker.jobs import JobQueue

router = APIRouter(
    prefix="/webhooks",
    tags=["webhooks"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Not an org admin."},
    },
)
_ERR_404 = {"model": ErrorEnvelope, "description": "No such webhook or delivery."}
_ERR_400 = {"model": ErrorEnvelope, "description": "Invalid body (`details.fieldErrors`)."}


def _out(hook: Webhook) -> WebhookOut:
    return WebhookOut.model_validate(hook, from_attributes=True)


def _delivery_out(d: WebhookDelivery) -> DeliveryOut:
    return DeliveryOut.model_validate(
        {
            "id": d.id,
            "webhook_id": d.webhook_id,
            "event_type": d.event_type,
            "event_id": d.event_id,
            "status": d.status,
            "attempts": d.attempts,
            "last_status_code": d.last_status_code,
            "last_error": d.last_error,
            "next_attempt_at": d.next_attempt_at,
            "completed_at": d.completed_at,
            "created_at": d.created_at,
            "updated_at": d.updated_at,
            "attempt_log": d.attempt_log,
            "payload": d.payload,
        }
    )


def _check_url(settings: Settings, url: str) -> None:
    # SSRF (domain/alerts/targets.py): https and public targets only outside development.
    problem = url_problem(url, allow_private=settings.environment in ("development", "test"))
    if problem:
        raise ValidationFailed(
            f"The webhook URL {problem}.",
            field_errors={"url": [f"The URL {problem}."]},
            reason="invalid_webhook_url",
        )


def _keyset(pager: Pager) -> tuple[datetime, uuid.UUID] | None:
    if pager.after is None:
        return None
    try:
        return datetime.fromisoformat(pager.after.key), pager.after.id
    except ValueError as exc:  # a validly signed cursor always holds an ISO timestamp
        raise BadRequest("The cursor is invalid.", details={"reason": "invalid_cursor"}) from exc


async def _hook(db: DbSession, org_id: uuid.UUID, webhook_id: uuid.UUID) -> Webhook:
    hook = await repo.get_webhook(db, org_id, webhook_id)
    if hook is None:
        raise NotFound("No such webhook.")  # another tenant's id too (api.md §1.3)
    return hook


def _enqueue(queue: JobQueue, db: DbSession, org_id: uuid.UUID, delivery_id: uuid.UUID) -> None:
    queue.enqueue_after_commit(
        db,
        task_names.WEBHOOK_DELIVER,
        job_id=task_names.webhook_job_id(delivery_id, 0),
        organization_id=str(org_id),
        delivery_id=str(delivery_id),
        attempt=0,
    )


@router.get("", operation_id="webhooks_list", response_model=CursorPage[WebhookOut])
async def list_webhooks(
    who: OrgAdmin,
    db: DbSession,
    settings: AppSettings,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[WebhookOut]:
    """The organization's webhooks, newest first (never their secrets)."""
    pager = Pager(settings, {"list": "webhooks"}, cursor)
    rows, total = await repo.list_webhooks(db, who.tenant_org_id, limit=limit, after=_keyset(pager))
    page = pager.slice(rows, limit, lambda h: Keyset(key=h.created_at.isoformat(), id=h.id))
    return CursorPage[WebhookOut](
        data=[_out(h) for h in page.rows],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )


@router.post(
    "",
    operation_id="webhooks_create",
    status_code=status.HTTP_201_CREATED,
    responses={400: _ERR_400},
    response_model=Envelope[WebhookCreated],
    dependencies=[IDEMPOTENT],  # api.md §1.10
)
async def create_webhook(
    body: WebhookCreate, who: OrgAdmin, db: DbSession, settings: AppSettings
) -> Envelope[WebhookCreated]:
    """Register a webhook; the response carries its signing secret, shown only this once."""
    _check_url(settings, body.url)
    webhook_id, secret = uuid.uuid4(), new_secret()
    hook = await repo.create_webhook(
        db,
        webhook_id=webhook_id,
        org_id=who.tenant_org_id,
        url=body.url,
        secret_encrypted=seal_secret(settings.jwt_secret_value(), secret, webhook_id=webhook_id),
        event_types=list(dict.fromkeys(body.event_types)),
        format=body.format,
        description=body.description,
        active=body.active,
        created_by=who.user_id,
    )
    return Envelope(data=WebhookCreated(**_out(hook).model_dump(), secret=secret))


@router.get(
    "/{webhook_id}",
    operation_id="webhooks_get",
    responses={404: _ERR_404},
    response_model=Envelope[WebhookOut],
)
async def get_webhook(webhook_id: uuid.UUID, who: OrgAdmin, db: DbSession) -> Envelope[WebhookOut]:
    """One webhook (without its secret)."""
    return Envelope(data=_out(await _hook(db, who.tenant_org_id, webhook_id)))


@router.patch(
    "/{webhook_id}",
    operation_id="webhooks_update",
    responses={400: _ERR_400, 404: _ERR_404},
    response_model=Envelope[WebhookOut],
)
async def update_webhook(
    webhook_id: uuid.UUID, body: WebhookUpdate, who: OrgAdmin, db: DbSession, settings: AppSettings
) -> Envelope[WebhookOut]:
    """Change the URL, event types, format, description or active flag."""
    hook = await _hook(db, who.tenant_org_id, webhook_id)
    changes = body.model_dump(exclude_unset=True)
    for required in ("url", "event_types", "format", "active"):
        if required in changes and changes[required] is None:
            raise ValidationFailed(
                f"{required} cannot be null.",
                field_errors={required: ["This field cannot be null."]},
                reason="null_field",
            )
    if "url" in changes:
        _check_url(settings, changes["url"])
    if "event_types" in changes:
        changes["event_types"] = list(dict.fromkeys(str(t) for t in changes["event_types"]))
    if "format" in changes:
        changes["format"] = str(changes["format"])
    hook = await repo.update_webhook(db, hook, **changes)
    return Envelope(data=_out(hook))


@router.delete(
    "/{webhook_id}",
    operation_id="webhooks_delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: _ERR_404},
    response_class=Response,
)
async def delete_webhook(webhook_id: uuid.UUID, who: OrgAdmin, db: DbSession) -> Response:
    """Remove a webhook and its delivery history; nothing more is sent to it."""
    if not await repo.delete_webhook(db, who.tenant_org_id, webhook_id):
        raise NotFound("No such webhook.")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{webhook_id}/deliveries",
    operation_id="webhooks_list_deliveries",
    responses={404: _ERR_404},
    response_model=CursorPage[DeliveryOut],
)
async def list_deliveries(
    webhook_id: uuid.UUID,
    who: OrgAdmin,
    db: DbSession,
    settings: AppSettings,
    status_: Annotated[
        DeliveryStatus | None, Query(alias="status", description="Only deliveries in this state.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[DeliveryOut]:
    """A webhook's deliveries newest first, each with every attempt it took."""
    await _hook(db, who.tenant_org_id, webhook_id)
    wanted = status_.value if status_ else None
    pager = Pager(
        settings, {"list": "webhook_deliveries", "hook": webhook_id, "status": wanted}, cursor
    )
    rows, total = await repo.list_deliveries(
        db, who.tenant_org_id, webhook_id, status=wanted, limit=limit, after=_keyset(pager)
    )
    page = pager.slice(rows, limit, lambda d: Keyset(key=d.created_at.isoformat(), id=d.id))
    return CursorPage[DeliveryOut](
        data=[_delivery_out(d) for d in page.rows],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/replay",
    operation_id="webhooks_replay_delivery",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        404: _ERR_404,
        409: {"model": ErrorEnvelope, "description": "`delivery_pending`: still being tried."},
    },
    response_model=Envelope[DeliveryOut],
)
async def replay_delivery(
    webhook_id: uuid.UUID, delivery_id: uuid.UUID, who: OrgAdmin, db: DbSession, queue: Queue
) -> Envelope[DeliveryOut]:
    """Send a finished delivery again (same event and delivery id, a new signature and a
    fresh attempt budget); its earlier attempts stay in the log."""
    await _hook(db, who.tenant_org_id, webhook_id)
    delivery = await repo.get_delivery(db, who.tenant_org_id, delivery_id, webhook_id)
    if delivery is None:
        raise NotFound("No such delivery.")
    if delivery.status == "pending":
        raise Conflict(
            "This delivery is still being attempted.", details={"reason": "delivery_pending"}
        )
    delivery = await repo.reset_for_replay(db, delivery)
    _enqueue(queue, db, who.tenant_org_id, delivery.id)
    return Envelope(data=_delivery_out(delivery))


@router.post(
    "/{webhook_id}/test",
    operation_id="webhooks_test",
    status_code=status.HTTP_202_ACCEPTED,
    responses={404: _ERR_404},
    response_model=Envelope[DeliveryOut],
)
async def test_webhook(
    webhook_id: uuid.UUID, who: OrgAdmin, db: DbSession, queue: Queue
) -> Envelope[DeliveryOut]:
    """Queue a signed `ping` event to the webhook (even if inactive it is recorded, not
    sent); follow it in the deliveries list."""
    hook = await _hook(db, who.tenant_org_id, webhook_id)
    event = uuid.uuid4()
    body = envelope(
        event_type=PING,
        event=event,
        org_id=who.tenant_org_id,
        created_at=datetime.now(UTC),
        data=ping_data(hook.id),
    )
    created = await repo.create_deliveries(
        db, who.tenant_org_id, [hook.id], event_type=PING, event_id=event, payload=body
    )
    delivery = await repo.get_delivery(db, who.tenant_org_id, created[0])
    assert delivery is not None
    _enqueue(queue, db, who.tenant_org_id, delivery.id)
    return Envelope(data=_delivery_out(delivery))
