"""Outgoing alerts: customer webhooks (issue 7, D2) and operations alerts (issue 9).

- `webhooks` [T]: an org's registered endpoints; the signing secret is stored AES-GCM
  encrypted (the worker needs it back to sign), never returned after creation.
- `webhook_deliveries` [T]: one row per (webhook, event), every attempt recorded.
- `alert_snapshots` [T]: per org, what the last pipeline run showed (conveyances, open
  liens, broken titles), so the next run's finish can diff against it.
- `ops_alerts` [P]: one row per opened operations condition; at most one open row per
  condition key (the partial unique index is the deduplication, issue 9).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from db import rls
from migrations.columns import UUID, execute_all, fk, ts, uuid_pk

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("webhooks", "webhook_deliveries", "alert_snapshots")


def upgrade() -> None:
    op.create_table(
        "webhooks",
        uuid_pk(),
        fk("organization_id", "webhooks", "organizations", ondelete="CASCADE", nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("secret_encrypted", sa.Text(), nullable=False),
        sa.Column("event_types", pg.ARRAY(sa.String(40)), nullable=False),
        sa.Column("format", sa.String(10), nullable=False, server_default="standard"),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.text("true")),
        fk("created_by", "webhooks", "users", ondelete="SET NULL", nullable=True),
        ts("created_at"),
        ts("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_webhooks"),
        sa.CheckConstraint("format IN ('standard', 'slack')", name="ck_webhooks_format"),
    )
    op.create_index("ix_webhooks_organization_id", "webhooks", ["organization_id"])

    op.create_table(
        "webhook_deliveries",
        uuid_pk(),
        fk(
            "organization_id",
            "webhook_deliveries",
            "organizations",
            ondelete="CASCADE",
            nullable=False,
        ),
        fk("webhook_id", "webhook_deliveries", "webhooks", ondelete="CASCADE", nullable=False),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("event_id", UUID, nullable=False),
        sa.Column("payload", pg.JSONB(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False, server_default="pending"),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("attempt_log", pg.JSONB(), nullable=False, server_default=sa.text("'[]'::jsonb")),
        ts("next_attempt_at", nullable=True),
        ts("completed_at", nullable=True),
        ts("created_at"),
        ts("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_deliveries"),
        sa.UniqueConstraint(
            "webhook_id", "event_id", name="uq_webhook_deliveries_webhook_id_event_id"
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'succeeded', 'failed')", name="ck_webhook_deliveries_status"
        ),
    )
    op.create_index(
        "ix_webhook_deliveries_organization_id_webhook_id_created_at",
        "webhook_deliveries",
        ["organization_id", "webhook_id", "created_at"],
    )
    op.create_index(
        "ix_webhook_deliveries_next_attempt_at",
        "webhook_deliveries",
        ["next_attempt_at"],
        postgresql_where=sa.text("status = 'pending'"),
    )

    op.create_table(
        "alert_snapshots",
        fk(
            "organization_id",
            "alert_snapshots",
            "organizations",
            ondelete="CASCADE",
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("item_key", sa.Text(), nullable=False),
        sa.Column("detail", pg.JSONB(), nullable=True),
        ts("created_at"),
        sa.PrimaryKeyConstraint("organization_id", "kind", "item_key", name="pk_alert_snapshots"),
    )

    op.create_table(
        "ops_alerts",
        uuid_pk(),
        sa.Column("condition_key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="open"),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("details", pg.JSONB(), nullable=True),
        ts("opened_at"),
        ts("resolved_at", nullable=True),
        ts("last_notified_at", nullable=True),
        sa.Column("notify_count", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_ops_alerts"),
        sa.CheckConstraint("status IN ('open', 'resolved')", name="ck_ops_alerts_status"),
    )
    op.create_index(
        "uq_ops_alerts_condition_key_open",
        "ops_alerts",
        ["condition_key"],
        unique=True,
        postgresql_where=sa.text("status = 'open'"),
    )
    op.create_index("ix_ops_alerts_opened_at", "ops_alerts", ["opened_at"])

    for table in TENANT_TABLES:
        execute_all(rls.tenant_table(table))
    execute_all(rls.platform_table("ops_alerts"))


def downgrade() -> None:
    op.drop_table("ops_alerts")
    op.drop_table("alert_snapshots")
    op.drop_table("webhook_deliveries")
    op.drop_table("webhooks")
