"""Outgoing alerts (migration 0008): customer webhooks [T] (D2, issue 7) and operations
alerts [P] (issue 9).

`webhooks.secret_encrypted` is AES-GCM sealed (domain/alerts/signing.py): the worker
needs the secret back to sign deliveries, so it cannot be a hash; the API returns it
once, on creation. `alert_snapshots` is what the org's last pipeline run showed, the
"before" of the next run's diff (worker/alerts/pipeline_events.py).

Migration 0011 adds the e-mail digests (D2): `alert_events`, the recorded ownership-change
events, and `digest_subscriptions`, who receives them daily (worker/alerts/digest.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk

WEBHOOK_FORMATS = ("standard", "slack")
DELIVERY_STATUSES = ("pending", "succeeded", "failed")
DIGEST_FREQUENCIES = ("daily",)
OPS_ALERT_STATUSES = ("open", "resolved")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _org_fk() -> Mapped[uuid.UUID]:
    return mapped_column(
        UUID(as_uuid=True), ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False
    )


class Webhook(Base):
    __tablename__ = "webhooks"
    __table_args__ = (
        CheckConstraint(_in("format", WEBHOOK_FORMATS), name="format"),
        Index("ix_webhooks_organization_id", "organization_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = _org_fk()
    url: Mapped[str] = mapped_column(Text, nullable=False)
    secret_encrypted: Mapped[str] = mapped_column(Text, nullable=False)
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(40)), nullable=False)
    format: Mapped[str] = mapped_column(String(10), nullable=False, server_default="standard")
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("true"))
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class WebhookDelivery(Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint(
            "webhook_id", "event_id", name="uq_webhook_deliveries_webhook_id_event_id"
        ),
        CheckConstraint(_in("status", DELIVERY_STATUSES), name="status"),
        Index(
            "ix_webhook_deliveries_organization_id_webhook_id_created_at",
            "organization_id",
            "webhook_id",
            "created_at",
        ),
        Index(
            "ix_webhook_deliveries_next_attempt_at",
            "next_attempt_at",
            postgresql_where=text("status = 'pending'"),
        ),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = _org_fk()
    webhook_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("webhooks.id", ondelete="CASCADE"), nullable=False
    )
    event_type: Mapped[str] = mapped_column(String(40), nullable=False)
    event_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False, server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    # Every attempt: {"attempt", "at", "statusCode", "error", "durationMs"} (issue 7).
    attempt_log: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, nullable=False, server_default=text("'[]'::jsonb")
    )
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class AlertSnapshot(Base):
    """One item (conveyance rf_id, open lien, broken asset) the org's last run showed."""

    __tablename__ = "alert_snapshots"
    __table_args__ = (
        PrimaryKeyConstraint("organization_id", "kind", "item_key", name="pk_alert_snapshots"),
    )

    organization_id: Mapped[uuid.UUID] = _org_fk()
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    item_key: Mapped[str] = mapped_column(Text, nullable=False)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = created_at()


class AlertEvent(Base):
    """One ownership-change event of one pipeline run, kept for the e-mail digests (0011)."""

    __tablename__ = "alert_events"
    __table_args__ = (
        UniqueConstraint(
            "organization_id",
            "run_id",
            "event_type",
            name="uq_alert_events_organization_id_run_id_event_type",
        ),
        Index("ix_alert_events_organization_id_created_at", "organization_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = _org_fk()
    event_type: Mapped[str] = mapped_column(String(40), nullable=False)
    # The event's `data` (domain/alerts/events.item_data), items carrying asset links.
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    run_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    # clock_timestamp(): the insert's time, not the run transaction's start (the digest
    # watermark compares against it; migration 0011).
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=text("clock_timestamp()")
    )


class DigestSubscription(Base):
    """A user who receives the daily digest; the row exists only while subscribed."""

    __tablename__ = "digest_subscriptions"
    __table_args__ = (
        UniqueConstraint("user_id", name="uq_digest_subscriptions_user_id"),
        CheckConstraint(_in("frequency", DIGEST_FREQUENCIES), name="frequency"),
        Index("ix_digest_subscriptions_organization_id", "organization_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = _org_fk()
    user_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    frequency: Mapped[str] = mapped_column(String(10), nullable=False, server_default="daily")
    last_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at()


class OpsAlert(Base):
    """issue 9: an operations condition; at most one open row per condition key."""

    __tablename__ = "ops_alerts"
    __table_args__ = (
        CheckConstraint(_in("status", OPS_ALERT_STATUSES), name="status"),
        Index(
            "uq_ops_alerts_condition_key_open",
            "condition_key",
            unique=True,
            postgresql_where=text("status = 'open'"),
        ),
        Index("ix_ops_alerts_opened_at", "opened_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    condition_key: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, server_default="open")
    title: Mapped[str] = mapped_column(Text, nullable=False)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    opened_at: Mapped[datetime] = created_at()
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_notified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    notify_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
