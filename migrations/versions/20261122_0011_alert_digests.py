"""E-mail digests of ownership-change alerts (issue 7, D2).

- `alert_events` [T]: every ownership-change event a pipeline run found for the org
  (worker/alerts/pipeline_events.py), kept so a daily digest can list what happened since
  a subscriber's last mail. One row per (org, run, type): emitting a run twice adds
  nothing. `created_at` is the insert's clock time, not the run transaction's start, so
  it is as close to the commit as it can be (the digest's watermark compares against it).
- `digest_subscriptions` [T]: one row per subscribed user (unique user_id; a user
  belongs to one org, D6). A table rather than a key in `users.preferences`: the daily
  job finds every subscriber across orgs with one indexed scan, updates `last_sent_at`
  with a row lock (its idempotency), and the row is tenant data under RLS like the
  events it joins, which the shared `users` row is not.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from db import rls
from migrations.columns import UUID, execute_all, fk, ts, uuid_pk

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("alert_events", "digest_subscriptions")


def upgrade() -> None:
    op.create_table(
        "alert_events",
        uuid_pk(),
        fk("organization_id", "alert_events", "organizations", ondelete="CASCADE", nullable=False),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("payload", pg.JSONB(), nullable=False),
        sa.Column("run_id", UUID, nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            nullable=False,
            server_default=sa.text("clock_timestamp()"),
        ),
        sa.PrimaryKeyConstraint("id", name="pk_alert_events"),
        sa.UniqueConstraint(
            "organization_id",
            "run_id",
            "event_type",
            name="uq_alert_events_organization_id_run_id_event_type",
        ),
    )
    op.create_index(
        "ix_alert_events_organization_id_created_at",
        "alert_events",
        ["organization_id", "created_at"],
    )

    op.create_table(
        "digest_subscriptions",
        uuid_pk(),
        fk(
            "organization_id",
            "digest_subscriptions",
            "organizations",
            ondelete="CASCADE",
            nullable=False,
        ),
        fk("user_id", "digest_subscriptions", "users", ondelete="CASCADE", nullable=False),
        sa.Column("frequency", sa.String(10), nullable=False, server_default="daily"),
        ts("last_sent_at", nullable=True),
        ts("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_digest_subscriptions"),
        sa.UniqueConstraint("user_id", name="uq_digest_subscriptions_user_id"),
        sa.CheckConstraint("frequency IN ('daily')", name="ck_digest_subscriptions_frequency"),
    )
    op.create_index(
        "ix_digest_subscriptions_organization_id", "digest_subscriptions", ["organization_id"]
    )

    for table in TENANT_TABLES:
        execute_all(rls.tenant_table(table))


def downgrade() -> None:
    op.drop_table("digest_subscriptions")
    op.drop_table("alert_events")
