"""Share links (issue 7; domain-model §8, BR-044..047, api.md §2.7, D5, D11).

`share_links`, `share_link_assets` (1-100 assets per link, R13) and `share_access_logs`
(BR-047) are tenant tables with the usual org policy. The share viewer path adds
(domain-model §11.3 (6), "do both"):

- Viewer sessions never carry an org: only `app.access_scope='share:read'` and
  `app.share_link_id` (db/tenant.py). FOR SELECT policies named `viewer_share_read` let
  such a session read its own link row, its link's asset list, and exactly those assets'
  `assets`, `asset_diagrams` and `asset_ownership` rows while the link is live. Nothing
  else of the org is visible, and a viewer session can write nothing.
- The code lookup runs before any tenant context exists, so it is a narrow SECURITY
  DEFINER function like the auth lookups (§11.3 (5)).

Policy names sort after `tenant_isolation`, so PostgreSQL (which ORs permissive policies
in name order) tests the plain org predicate first and tenant queries never reach the
viewer subquery.

Revision ID: 0007
Revises: 0012
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from db import rls
from db.roles import APP_ROLE, AUTH_ROLE, WORKER_ROLE
from migrations.columns import NOW, UUID, execute_all, fk, ts, uuid_pk

revision: str = "0007"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp"
_PERMISSIONS = """'{"diagram": true, "assetList": true, "connections": false}'::jsonb"""

LOOKUP = "app.share_lookup(text)"
LOOKUP_DDL = f"""
    CREATE FUNCTION app.share_lookup(p_code text)
    RETURNS TABLE (share_link_id uuid, organization_id uuid)
    {_DEFINER} AS $$
      SELECT l.id, l.organization_id FROM public.share_links l WHERE l.code = p_code
    $$
"""  # noqa: S608

# The assets a viewer session may read: its link's, while the link is live. Invoker
# rights: it reads share_link_assets/share_links through their own viewer policies.
SHARED_ASSETS = "app.shared_asset_ids()"
SHARED_ASSETS_DDL = """
    CREATE FUNCTION app.shared_asset_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
      SELECT x.asset_id FROM public.share_link_assets x
      JOIN public.share_links l ON l.id = x.share_link_id
      WHERE x.share_link_id = app.share_link()
        AND l.deleted_at IS NULL AND l.expires_at > now()
    $$
"""

VIEWER_POLICIES = {
    "share_links": "id = app.share_link()",
    "share_link_assets": "share_link_id = app.share_link()",
    "assets": f"app.share_link() IS NOT NULL AND id IN (SELECT {SHARED_ASSETS})",
    "asset_diagrams": f"app.share_link() IS NOT NULL AND asset_id IN (SELECT {SHARED_ASSETS})",
    "asset_ownership": f"app.share_link() IS NOT NULL AND asset_id IN (SELECT {SHARED_ASSETS})",
}


def _org(table: str) -> sa.Column:
    return fk("organization_id", table, "organizations", ondelete="CASCADE", nullable=False)


def upgrade() -> None:
    op.create_table(
        "share_links",
        uuid_pk(),
        _org("share_links"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("permissions", pg.JSONB(), nullable=False, server_default=sa.text(_PERMISSIONS)),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("max_uses", sa.Integer()),
        sa.Column("use_count", sa.Integer(), nullable=False, server_default="0"),
        fk("created_by", "share_links", "users", ondelete="SET NULL"),
        ts("last_accessed_at", nullable=True),
        ts("created_at"),
        ts("updated_at"),
        ts("deleted_at", nullable=True),
        sa.CheckConstraint(
            "max_uses IS NULL OR max_uses BETWEEN 1 AND 10000", name="ck_share_links_max_uses"
        ),
        sa.CheckConstraint("use_count >= 0", name="ck_share_links_use_count"),
    )
    op.create_index("uq_share_links_code", "share_links", ["code"], unique=True)
    op.create_index(
        "ix_share_links_organization_id_created_at",
        "share_links",
        ["organization_id", "created_at"],
    )

    op.create_table(
        "share_link_assets",
        sa.Column(
            "share_link_id",
            UUID,
            sa.ForeignKey(
                "share_links.id",
                ondelete="CASCADE",
                name="fk_share_link_assets_share_link_id_share_links",
            ),
            primary_key=True,
        ),
        sa.Column(
            "asset_id",
            UUID,
            sa.ForeignKey(
                "assets.id", ondelete="CASCADE", name="fk_share_link_assets_asset_id_assets"
            ),
            primary_key=True,
        ),
        _org("share_link_assets"),
        sa.PrimaryKeyConstraint("share_link_id", "asset_id", name="pk_share_link_assets"),
    )
    op.create_index("ix_share_link_assets_asset_id", "share_link_assets", ["asset_id"])

    op.create_table(
        "share_access_logs",
        uuid_pk(),
        _org("share_access_logs"),
        fk("share_link_id", "share_access_logs", "share_links", ondelete="CASCADE", nullable=False),
        sa.Column("ip_address", pg.INET()),
        sa.Column("user_agent", sa.Text()),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("accessed_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
    )
    op.create_index(
        "ix_share_access_logs_share_link_id_accessed_at",
        "share_access_logs",
        ["share_link_id", "accessed_at"],
    )
    op.create_index(
        "ix_share_access_logs_organization_id", "share_access_logs", ["organization_id"]
    )
    # domain-model §8: the daily retention delete finds old rows by date alone.
    op.create_index("ix_share_access_logs_accessed_at", "share_access_logs", ["accessed_at"])

    for table in ("share_links", "share_link_assets", "share_access_logs"):
        execute_all(rls.tenant_table(table))

    execute_all(
        [
            SHARED_ASSETS_DDL,
            f"REVOKE ALL ON FUNCTION {SHARED_ASSETS} FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION {SHARED_ASSETS} TO {APP_ROLE}, {WORKER_ROLE}",
        ]
    )
    for table, predicate in VIEWER_POLICIES.items():
        op.execute(f"CREATE POLICY viewer_share_read ON {table} FOR SELECT USING ({predicate})")

    # The pre-tenant code lookup (§11.3 (5)): reads two columns, writes nothing.
    execute_all(
        [
            f"GRANT SELECT ON share_links TO {AUTH_ROLE}",
            LOOKUP_DDL,
            f"ALTER FUNCTION {LOOKUP} OWNER TO {AUTH_ROLE}",
            f"REVOKE ALL ON FUNCTION {LOOKUP} FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION {LOOKUP} TO {APP_ROLE}",
        ]
    )


def downgrade() -> None:
    op.execute(f"DROP FUNCTION IF EXISTS {LOOKUP}")
    for table in ("assets", "asset_diagrams", "asset_ownership"):
        op.execute(f"DROP POLICY IF EXISTS viewer_share_read ON {table}")
    op.execute(f"DROP FUNCTION IF EXISTS {SHARED_ASSETS}")
    op.drop_table("share_access_logs")
    op.drop_table("share_link_assets")
    op.drop_table("share_links")
