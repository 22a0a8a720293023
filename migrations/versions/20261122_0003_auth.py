"""Accounts and sessions: user_tokens, mfa_backup_codes, users.locked_at,
users.password_change_required and users.preferences, pre-tenant lookups.

The lookups (login by e-mail, one-time token check, e-mail availability) run before
any tenant context exists, so RLS would hide the rows they need. They are narrow
SECURITY DEFINER functions with a fixed search_path, returning minimal columns, owned
by the BYPASSRLS NOLOGIN role `patentrack_auth` and executable only by the API role
(domain-model §11.3 (5)).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from db import rls
from db.roles import APP_ROLE, AUTH_ROLE

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UUID = pg.UUID(as_uuid=True)
NOW = sa.text("now()")

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp"

LOOKUP_FUNCTIONS = {
    "app.auth_login_lookup(text)": f"""
        CREATE FUNCTION app.auth_login_lookup(p_email text)
        RETURNS TABLE (user_id uuid, organization_id uuid, role text, status text,
                       password_hash text, email_verified boolean, mfa_enabled boolean,
                       locked boolean, org_status text, org_mfa_required boolean)
        {_DEFINER} AS $$
          SELECT u.id, u.organization_id, u.role::text, u.status::text, u.password_hash,
                 u.email_verified_at IS NOT NULL, u.mfa_enabled, u.locked_at IS NOT NULL,
                 o.status::text, o.mfa_required
          FROM public.users u JOIN public.organizations o ON o.id = u.organization_id
          WHERE lower(u.email) = lower(btrim(p_email))
            AND u.deleted_at IS NULL AND o.deleted_at IS NULL
        $$
    """,  # noqa: S608
    "app.auth_token_lookup(text, text)": f"""
        CREATE FUNCTION app.auth_token_lookup(p_purpose text, p_token_hash text)
        RETURNS TABLE (token_id uuid, user_id uuid, organization_id uuid, role text)
        {_DEFINER} AS $$
          SELECT t.id, t.user_id, t.organization_id, u.role::text
          FROM public.user_tokens t JOIN public.users u ON u.id = t.user_id
          WHERE t.purpose = p_purpose AND t.token_hash = p_token_hash
            AND t.used_at IS NULL AND t.expires_at > now() AND u.deleted_at IS NULL
        $$
    """,  # noqa: S608
    "app.auth_email_taken(text)": f"""
        CREATE FUNCTION app.auth_email_taken(p_email text) RETURNS boolean
        {_DEFINER} AS $$
          SELECT EXISTS (SELECT 1 FROM public.users
                         WHERE lower(email) = lower(btrim(p_email)) AND deleted_at IS NULL)
        $$
    """,  # noqa: S608
}


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(
        name,
        sa.DateTime(timezone=True),
        nullable=nullable,
        server_default=None if nullable else NOW,
    )


def _fk(column: str, target: str, table: str) -> sa.Column:
    return sa.Column(
        column,
        UUID,
        sa.ForeignKey(f"{target}.id", ondelete="CASCADE", name=f"fk_{table}_{column}_{target}"),
        nullable=False,
    )


def _exec(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    op.add_column("users", _ts("locked_at", nullable=True))
    # api.md §2.4 login step 4 (a password below the D12 policy must be changed).
    op.add_column(
        "users",
        sa.Column(
            "password_change_required",
            sa.Boolean(),
            nullable=False,
            server_default=sa.text("false"),
        ),
    )
    # api.md §3.1 GET/PATCH /me preferences.
    op.add_column(
        "users",
        sa.Column("preferences", pg.JSONB(), nullable=False, server_default=sa.text("'{}'::jsonb")),
    )

    op.create_table(
        "user_tokens",
        sa.Column("id", UUID, primary_key=True, server_default=sa.text("gen_random_uuid()")),
        _fk("organization_id", "organizations", "user_tokens"),
        _fk("user_id", "users", "user_tokens"),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        _ts("used_at", nullable=True),
        _ts("created_at"),
        sa.CheckConstraint(
            "purpose IN ('email_verify', 'password_reset', 'invite')",
            name="ck_user_tokens_purpose",
        ),
    )
    op.create_index("uq_user_tokens_token_hash", "user_tokens", ["token_hash"], unique=True)
    op.create_index("ix_user_tokens_user_id_purpose", "user_tokens", ["user_id", "purpose"])
    op.create_index("ix_user_tokens_organization_id", "user_tokens", ["organization_id"])
    _exec(rls.tenant_table("user_tokens"))

    op.create_table(
        "mfa_backup_codes",
        sa.Column("id", UUID, primary_key=True, server_default=sa.text("gen_random_uuid()")),
        _fk("organization_id", "organizations", "mfa_backup_codes"),
        _fk("user_id", "users", "mfa_backup_codes"),
        sa.Column("code_hash", sa.String(64), nullable=False),
        _ts("used_at", nullable=True),
        _ts("created_at"),
    )
    op.create_index("ix_mfa_backup_codes_user_id", "mfa_backup_codes", ["user_id"])
    op.create_index("ix_mfa_backup_codes_organization_id", "mfa_backup_codes", ["organization_id"])
    _exec(rls.tenant_table("mfa_backup_codes"))

    # The definer reads only what the lookups return; it can write nothing.
    _exec(
        [
            f"GRANT SELECT ON users, organizations, user_tokens TO {AUTH_ROLE}",
            # ALTER ... OWNER needs the new owner to hold CREATE on the function's schema.
            f"GRANT USAGE, CREATE ON SCHEMA app TO {AUTH_ROLE}",
        ]
    )
    for signature, ddl in LOOKUP_FUNCTIONS.items():
        _exec(
            [
                ddl,
                f"ALTER FUNCTION {signature} OWNER TO {AUTH_ROLE}",
                # New functions are executable by PUBLIC by default: only the API may call.
                f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC",
                f"GRANT EXECUTE ON FUNCTION {signature} TO {APP_ROLE}",
            ]
        )


def downgrade() -> None:
    for signature in LOOKUP_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    _exec(
        [
            f"REVOKE ALL ON SCHEMA app FROM {AUTH_ROLE}",
            f"REVOKE SELECT ON users, organizations FROM {AUTH_ROLE}",  # noqa: S608
        ]
    )
    op.drop_table("mfa_backup_codes")
    op.drop_table("user_tokens")
    op.drop_column("users", "preferences")
    op.drop_column("users", "password_change_required")
    op.drop_column("users", "locked_at")
