"""Tenancy core: RLS helpers, organizations, users, audit_log, worker_probes.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from db import rls
from db.roles import APP_ROLE, WORKER_ROLE
from migrations.columns import UUID, execute_all, ts, uuid_pk

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    execute_all(rls.HELPER_FUNCTIONS)

    op.create_table(
        "organizations",
        uuid_pk(),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("slug", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="active"),
        sa.Column("is_platform", sa.Boolean(), nullable=False, server_default=sa.text("false")),
        sa.Column("mfa_required", sa.Boolean(), nullable=False, server_default=sa.text("false")),
        ts("trial_ends_at", nullable=True),
        sa.Column("legacy_org_id", sa.Integer()),
        ts("created_at"),
        ts("updated_at"),
        ts("deleted_at", nullable=True),
        sa.CheckConstraint(
            "status IN ('active', 'trial', 'suspended', 'cancelled')",
            name="ck_organizations_status",
        ),
    )
    op.create_index(
        "uq_organizations_lower_name",
        "organizations",
        [sa.text("lower(name)")],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "uq_organizations_slug",
        "organizations",
        ["slug"],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    # The tenant root: its own id is the tenant key (§11.2).
    execute_all(rls.tenant_table("organizations", column="id"))

    op.create_table(
        "users",
        uuid_pk(),
        sa.Column(
            "organization_id",
            UUID,
            sa.ForeignKey(
                "organizations.id",
                ondelete="CASCADE",
                name="fk_users_organization_id_organizations",
            ),
            nullable=False,
        ),
        sa.Column("email", sa.String(500), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("hash_algorithm", sa.String(20), nullable=False, server_default="argon2id"),
        sa.Column("first_name", sa.String(255)),
        sa.Column("last_name", sa.String(255)),
        sa.Column("role", sa.String(20), nullable=False, server_default="org_member"),
        sa.Column("legacy_role_code", sa.Integer()),
        sa.Column("status", sa.String(20), nullable=False, server_default="pending"),
        ts("email_verified_at", nullable=True),
        sa.Column("mfa_enabled", sa.Boolean(), nullable=False, server_default=sa.text("false")),
        sa.Column("mfa_secret", sa.Text()),
        ts("last_login_at", nullable=True),
        ts("created_at"),
        ts("updated_at"),
        ts("deleted_at", nullable=True),
        sa.CheckConstraint(
            "role IN ('super_admin', 'org_admin', 'org_member')", name="ck_users_role"
        ),
        sa.CheckConstraint("status IN ('active', 'inactive', 'pending')", name="ck_users_status"),
        sa.CheckConstraint(
            "hash_algorithm IN ('argon2id', 'bcrypt')", name="ck_users_hash_algorithm"
        ),
    )
    op.create_index(
        "uq_users_lower_email",
        "users",
        [sa.text("lower(email)")],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index("ix_users_organization_id", "users", ["organization_id"])
    execute_all(rls.tenant_table("users"))

    op.create_table(
        "audit_log",
        uuid_pk(),
        sa.Column(
            "organization_id",
            UUID,
            sa.ForeignKey(
                "organizations.id",
                ondelete="CASCADE",
                name="fk_audit_log_organization_id_organizations",
            ),
        ),
        sa.Column("actor_type", sa.String(20), nullable=False),
        sa.Column("actor_user_id", UUID),
        sa.Column("share_link_id", UUID),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("resource_type", sa.String(100)),
        sa.Column("resource_id", sa.String(255)),
        sa.Column("request_id", sa.String(128)),
        sa.Column("ip_address", pg.INET()),
        sa.Column("user_agent", sa.Text()),
        sa.Column("before", pg.JSONB()),
        sa.Column("after", pg.JSONB()),
        ts("created_at"),
        sa.CheckConstraint(
            "actor_type IN ('user', 'super_admin', 'share', 'worker', 'system')",
            name="ck_audit_log_actor_type",
        ),
    )
    op.create_index(
        "ix_audit_log_organization_id_created_at", "audit_log", ["organization_id", "created_at"]
    )
    # §10: insert-only. Org rows are visible to their org (the API limits reading to
    # admins); platform events (NULL org, e.g. a failed login for an unknown e-mail)
    # can be written without a tenant but read only by super admins.
    execute_all(
        [
            "ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE audit_log FORCE ROW LEVEL SECURITY",
            "CREATE POLICY tenant_isolation ON audit_log"
            " USING (organization_id = app.current_org() OR app.is_super_admin())"
            " WITH CHECK (organization_id = app.current_org() OR organization_id IS NULL"
            " OR app.is_super_admin())",
            f"GRANT SELECT, INSERT ON audit_log TO {APP_ROLE}, {WORKER_ROLE}",
        ]
    )

    op.create_table(
        "worker_probes",
        uuid_pk(),
        sa.Column("job_id", sa.String(128), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("request_id", sa.String(128)),
        sa.Column("worker_role", sa.String(64), nullable=False),
        ts("completed_at", nullable=True),
        ts("created_at"),
        sa.UniqueConstraint("job_id", name="uq_worker_probes_job_id"),
    )
    execute_all(rls.platform_table("worker_probes"))


def downgrade() -> None:
    op.drop_table("worker_probes")
    op.drop_table("audit_log")
    op.drop_table("users")
    op.drop_table("organizations")
    execute_all(rls.DROP_HELPER_FUNCTIONS)
