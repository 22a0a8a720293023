"""The asset list's read model (issue 7: p95 ≤ 50 ms on 10,000-asset orgs).

`GET /assets` used to derive each asset's bibliographic face (two LATERAL lookups into the
shared `patents` and `document_ids` tables) for every asset of the org on every request,
then sort and count them: ~130 ms for 10,000 assets. `asset_listing` stores that face
once per asset, with one C-collated sort key per list sort, so a page is a backward range
scan of one (organization_id, key, asset_id) index and the total an index-only count.

It is kept current by the database itself, so no writer can forget it:
- statement triggers on `assets` (insert; update of the numbers, company or deletion);
- statement triggers on `asset_ownership` (the pipeline writes the verdict there; a run
  also follows every bibliographic load of the org's assets, so titles and dates refresh
  with it).
Both call `asset_listing_refresh(ids)`, which runs with the caller's rights: RLS confines
it to the caller's org exactly like the statement that fired it.

(Revision ids are names: this one applies right after 0006 and before 0007.)

Revision ID: 0012
Revises: 0006
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import rls
from migrations.columns import DOC, UUID

revision: str = "0012"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The face as asset_reads._BASE defined it: the shared patents row when ingested, else the
# newest document_ids row naming the asset; the org's verdict from asset_ownership.
_REFRESH = """
CREATE FUNCTION asset_listing_refresh(p_ids uuid[]) RETURNS void
LANGUAGE sql SECURITY INVOKER AS $fn$
    DELETE FROM asset_listing l
    WHERE l.asset_id = ANY(p_ids)
      AND NOT EXISTS (SELECT 1 FROM assets s WHERE s.id = l.asset_id AND s.deleted_at IS NULL);
    INSERT INTO asset_listing AS l (
        asset_id, organization_id, company_id, appno, grant_no, title, appno_date,
        grant_date, status, sk_application_number, sk_grant_number, sk_application_date,
        sk_grant_date, sk_title)
    SELECT f.id, f.organization_id, f.company_id, f.appno, f.grant_no, f.title,
           f.appno_date, f.grant_date, f.status,
           COALESCE(f.appno, ''),
           lpad(COALESCE(f.grant_no, ''), 10, '0'),
           COALESCE(to_char(f.appno_date, 'YYYY-MM-DD'), ''),
           COALESCE(to_char(f.grant_date, 'YYYY-MM-DD'), ''),
           left(lower(COALESCE(f.title, '')), 200)
    FROM (
        SELECT s.id, s.organization_id, s.company_id, s.appno_doc_num AS appno,
               COALESCE(s.grant_doc_num, p.grant_doc_num, d.grant_doc_num) AS grant_no,
               COALESCE(p.title, d.title) AS title,
               COALESCE(p.appno_date, d.appno_date) AS appno_date,
               COALESCE(p.grant_date, d.grant_date) AS grant_date,
               o.status
        FROM assets s
        LEFT JOIN LATERAL (
            SELECT pa.grant_doc_num, pa.title, pa.appno_date, pa.grant_date FROM patents pa
            WHERE (s.appno_doc_num IS NOT NULL AND pa.appno_doc_num = s.appno_doc_num)
               OR (s.appno_doc_num IS NULL AND pa.grant_doc_num = s.grant_doc_num)
            LIMIT 1
        ) p ON true
        LEFT JOIN LATERAL (
            SELECT di.grant_doc_num, di.title, di.appno_date, di.grant_date
            FROM document_ids di
            WHERE (s.appno_doc_num IS NOT NULL AND di.appno_doc_num = s.appno_doc_num)
               OR (s.appno_doc_num IS NULL AND di.grant_doc_num = s.grant_doc_num)
            ORDER BY di.title IS NULL, di.grant_doc_num IS NULL, di.created_at DESC, di.id
            LIMIT 1
        ) d ON true
        LEFT JOIN asset_ownership o
               ON o.asset_id = s.id AND o.organization_id = s.organization_id
        WHERE s.id = ANY(p_ids) AND s.deleted_at IS NULL
    ) f
    ON CONFLICT (asset_id) DO UPDATE SET
        organization_id = EXCLUDED.organization_id, company_id = EXCLUDED.company_id,
        appno = EXCLUDED.appno, grant_no = EXCLUDED.grant_no, title = EXCLUDED.title,
        appno_date = EXCLUDED.appno_date, grant_date = EXCLUDED.grant_date,
        status = EXCLUDED.status,
        sk_application_number = EXCLUDED.sk_application_number,
        sk_grant_number = EXCLUDED.sk_grant_number,
        sk_application_date = EXCLUDED.sk_application_date,
        sk_grant_date = EXCLUDED.sk_grant_date, sk_title = EXCLUDED.sk_title
    -- An unchanged face is not rewritten (no dead tuples on a no-op pipeline run).
    WHERE (l.company_id, l.appno, l.grant_no, l.title, l.appno_date, l.grant_date, l.status)
          IS DISTINCT FROM (EXCLUDED.company_id, EXCLUDED.appno, EXCLUDED.grant_no,
                            EXCLUDED.title, EXCLUDED.appno_date, EXCLUDED.grant_date,
                            EXCLUDED.status);
$fn$
"""

# One trigger function per transition-table name; statement level, so a COPY of 10,000
# assets or a pipeline write of 10,000 verdicts refreshes the listing in one set-based call.
_TRIGGER_FN = """
CREATE FUNCTION asset_listing_on_{kind}() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER AS $fn$
BEGIN
    PERFORM asset_listing_refresh(ARRAY(SELECT DISTINCT {col} FROM {rows}));
    RETURN NULL;
END
$fn$
"""

_TRIGGERS = [
    ("assets", "INSERT", "new_rows", "assets_new", "id"),
    ("assets", "UPDATE", "new_rows", "assets_new", "id"),
    ("asset_ownership", "INSERT", "new_rows", "ownership_new", "asset_id"),
    ("asset_ownership", "UPDATE", "new_rows", "ownership_new", "asset_id"),
    ("asset_ownership", "DELETE", "old_rows", "ownership_old", "asset_id"),
]


def upgrade() -> None:
    op.create_table(
        "asset_listing",
        sa.Column(
            "asset_id",
            UUID,
            sa.ForeignKey("assets.id", ondelete="CASCADE", name="fk_asset_listing_asset_id"),
            primary_key=True,
        ),
        sa.Column(
            "organization_id",
            UUID,
            sa.ForeignKey(
                "organizations.id", ondelete="CASCADE", name="fk_asset_listing_organization_id"
            ),
            nullable=False,
        ),
        sa.Column("company_id", UUID, nullable=True),
        sa.Column("appno", DOC, nullable=True),
        sa.Column("grant_no", DOC, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("appno_date", sa.Date, nullable=True),
        sa.Column("grant_date", sa.Date, nullable=True),
        sa.Column("status", sa.String(20), nullable=True),
        *(
            sa.Column(f"sk_{k}", sa.Text(collation="C"), nullable=False)
            for k in (
                "application_number",
                "grant_number",
                "application_date",
                "grant_date",
                "title",
            )
        ),
    )
    for k in ("application_number", "grant_number", "application_date", "grant_date", "title"):
        op.create_index(
            f"ix_asset_listing_org_{k}", "asset_listing", ["organization_id", f"sk_{k}", "asset_id"]
        )
    op.create_index(
        "ix_asset_listing_org_company", "asset_listing", ["organization_id", "company_id"]
    )
    for statement in rls.tenant_table("asset_listing"):
        op.execute(statement)
    op.execute(_REFRESH)
    made: set[str] = set()
    for table, event, rows, kind, col in _TRIGGERS:
        if kind not in made:
            op.execute(_TRIGGER_FN.format(kind=kind, col=col, rows=rows))
            made.add(kind)
        transition = "NEW TABLE AS new_rows" if rows == "new_rows" else "OLD TABLE AS old_rows"
        op.execute(
            f"CREATE TRIGGER asset_listing_{table}_{event.lower()} AFTER {event} ON {table}"
            f" REFERENCING {transition} FOR EACH STATEMENT"
            f" EXECUTE FUNCTION asset_listing_on_{kind}()"
        )
    # Backfill whatever the database already holds: every org's assets, so this one
    # transaction takes the super-admin path of the tenant policies (domain-model §11.3 (4)).
    op.execute("SELECT set_config('app.user_role', 'super_admin', true)")
    op.execute("SELECT asset_listing_refresh(ARRAY(SELECT id FROM assets))")
    op.execute("SELECT set_config('app.user_role', '', true)")


def downgrade() -> None:
    for table, event, _rows, _kind, _col in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS asset_listing_{table}_{event.lower()} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS asset_listing_on_assets_new()")
    op.execute("DROP FUNCTION IF EXISTS asset_listing_on_ownership_new()")
    op.execute("DROP FUNCTION IF EXISTS asset_listing_on_ownership_old()")
    op.execute("DROP FUNCTION IF EXISTS asset_listing_refresh(uuid[])")
    op.drop_table("asset_listing")
