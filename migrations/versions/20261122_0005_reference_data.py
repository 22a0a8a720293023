"""Reference data [S]: patents and their bibliographic children, CPC, maintenance fees,
EPO families (domain-model §2-5; ingestion.md §2.2-2.7).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from db import rls
from migrations.columns import DOC, fk, ts, uuid_pk

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PATENT_TYPES = "patent_type IN ('application', 'grant')"
BIBLIO_SOURCES = "source IN ('grant_xml', 'application_xml', 'search_api')"
FEE_STATUSES = "('paid', 'due', 'surcharge', 'expired', 'not_required', 'unknown')"

TABLES = (
    "patents",
    "inventors",
    "document_parties",
    "patent_priority_claims",
    "application_relations",
    "patent_cpc_codes",
    "cpc_classifications",
    "maintenance_event_codes",
    "maintenance_fee_events",
    "maintenance_fee_statuses",
    "patent_families",
    "patent_family_members",
    "family_priority_claims",
    "family_lookups",
)


def _ck(table: str, name: str, sql: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=f"ck_{table}_{name}")


def _patents() -> None:
    op.create_table(
        "patents",
        uuid_pk(),
        sa.Column("appno_doc_num", DOC),
        sa.Column("grant_doc_num", DOC),
        sa.Column("pgpub_doc_num", DOC),
        sa.Column("title", sa.Text()),
        sa.Column("appno_date", sa.Date()),
        sa.Column("grant_date", sa.Date()),
        sa.Column("pgpub_date", sa.Date()),
        sa.Column("layout_id", sa.Integer(), nullable=False, server_default="15"),
        sa.Column("grant_kind", sa.String(4)),
        sa.Column("pgpub_kind", sa.String(4)),
        sa.Column("appl_type", sa.String(20)),
        sa.Column("series_code", sa.String(4)),
        sa.Column("claims_count", sa.Integer()),
        sa.Column("independent_claims_count", sa.Integer()),
        sa.Column("term_extension_days", sa.Integer()),
        sa.Column("length_of_grant", sa.Integer()),
        sa.Column("disclaimer", sa.Boolean(), nullable=False, server_default="false"),
        sa.Column("dtd_version", sa.String(20)),
        sa.Column("maintenance_fee_status", sa.String(20)),
        sa.Column("grant_hash", sa.String(64)),
        sa.Column("pgpub_hash", sa.String(64)),
        fk("ingestion_job_id", "patents", "ingestion_jobs", "SET NULL"),
        ts("created_at"),
        ts("updated_at"),
        sa.UniqueConstraint("appno_doc_num", name="uq_patents_appno_doc_num"),
        sa.UniqueConstraint("grant_doc_num", name="uq_patents_grant_doc_num"),
        _ck("patents", "doc_number", "appno_doc_num IS NOT NULL OR grant_doc_num IS NOT NULL"),
        _ck("patents", "layout_id", "layout_id IN (14, 15)"),
        _ck(
            "patents",
            "maintenance_fee_status",
            f"maintenance_fee_status IS NULL OR maintenance_fee_status IN {FEE_STATUSES}",
        ),
    )
    op.create_index(
        "ix_patents_pgpub_doc_num",
        "patents",
        ["pgpub_doc_num"],
        postgresql_where=sa.text("pgpub_doc_num IS NOT NULL"),
    )


def _child(table: str, *columns: sa.Column) -> None:
    op.create_table(
        table,
        uuid_pk(),
        sa.Column("patent_doc_num", DOC, nullable=False),
        sa.Column("patent_type", sa.String(20), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        ts("created_at"),
        fk("patent_id", table, "patents", "CASCADE"),
        *columns,
        _ck(table, "patent_type", PATENT_TYPES),
        _ck(table, "source", BIBLIO_SOURCES),
    )
    op.create_index(
        f"ix_{table}_patent_doc_num_patent_type", table, ["patent_doc_num", "patent_type"]
    )


def _biblio_children() -> None:
    _child(
        "inventors",
        fk("entity_id", "inventors", "entities", "SET NULL"),
        *(
            sa.Column(c, sa.Text(), nullable=c != "name")
            for c in (
                "name",
                "first_name",
                "middle_name",
                "last_name",
                "suffix",
                "canonical_name",
                "city",
                "state",
                "country",
            )
        ),
    )
    op.create_index("ix_inventors_patent_id", "inventors", ["patent_id"])
    _child(
        "document_parties",
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        *(
            sa.Column(c, sa.Text())
            for c in ("orgname", "first_name", "last_name", "city", "state", "country")
        ),
        sa.Column("app_type", sa.String(50)),
        sa.Column("authority_category", sa.String(50)),
        sa.Column("assignee_type", sa.String(4)),
        _ck("document_parties", "role", "role IN ('applicant', 'assignee', 'agent')"),
    )
    op.create_index("ix_document_parties_patent_id", "document_parties", ["patent_id"])
    _child(
        "patent_priority_claims",
        sa.Column("country", sa.String(4)),
        sa.Column("doc_number", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20)),
        sa.Column("claim_date", sa.Date()),
    )
    _child(
        "application_relations",
        sa.Column("relation", sa.String(40), nullable=False),
        sa.Column("child_appno", sa.String(40)),
        sa.Column("parent_appno", sa.String(40), nullable=False),
        sa.Column("parent_appno_raw", sa.String(40), nullable=False),
        sa.Column("parent_country", sa.String(4)),
        sa.Column("parent_kind", sa.String(20)),
        sa.Column("parent_date", sa.Date()),
        sa.Column("parent_status", sa.String(40)),
        sa.Column("parent_grant_doc_num", DOC),
    )
    op.create_index(
        "ix_application_relations_parent_appno", "application_relations", ["parent_appno"]
    )


def _cpc() -> None:
    op.create_table(
        "patent_cpc_codes",
        uuid_pk(),
        sa.Column("patent_doc_num", DOC, nullable=False),
        sa.Column("patent_type", sa.String(20), nullable=False),
        sa.Column("cpc_code", sa.String(50), nullable=False),
        sa.Column("cpc_level", sa.Integer(), nullable=False),
        sa.Column("is_inventive", sa.Boolean(), nullable=False),
        sa.Column("is_main", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version_date", sa.Date()),
        sa.Column("source", sa.String(20), nullable=False),
        ts("created_at"),
        _ck("patent_cpc_codes", "patent_type", PATENT_TYPES),
        _ck("patent_cpc_codes", "source", "source IN ('mcf', 'grant_xml', 'application_xml')"),
    )
    op.create_index(
        "ix_patent_cpc_codes_patent_doc_num_patent_type",
        "patent_cpc_codes",
        ["patent_doc_num", "patent_type"],
    )
    op.create_index(
        "ix_patent_cpc_codes_cpc_code",
        "patent_cpc_codes",
        ["cpc_code"],
        postgresql_ops={"cpc_code": "text_pattern_ops"},
    )
    op.create_table(
        "cpc_classifications",
        uuid_pk(),
        sa.Column("cpc_code", sa.String(50), nullable=False),
        sa.Column("section", sa.String(1), nullable=False),
        sa.Column("class", sa.String(2)),
        sa.Column("subclass", sa.String(1)),
        sa.Column("main_group", sa.String(10)),
        sa.Column("subgroup", sa.String(10)),
        fk("parent_id", "cpc_classifications", "cpc_classifications", "SET NULL"),
        sa.Column("title", sa.Text()),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("dot_level", sa.Integer()),
        sa.Column("title_cpc_only", sa.Boolean(), nullable=False, server_default="false"),
        sa.Column("not_allocatable", sa.Boolean()),
        sa.Column("scheme_version", sa.String(20)),
        ts("created_at"),
        ts("updated_at"),
        sa.UniqueConstraint("cpc_code", name="uq_cpc_classifications_cpc_code"),
        _ck("cpc_classifications", "level", "level BETWEEN 1 AND 9"),
    )
    op.create_index("ix_cpc_classifications_parent_id", "cpc_classifications", ["parent_id"])
    op.create_index(
        "ix_cpc_classifications_section_class", "cpc_classifications", ["section", "class"]
    )


def _fees() -> None:
    op.create_table(
        "maintenance_event_codes",
        sa.Column("code", sa.String(10), primary_key=True),
        sa.Column("description", sa.Text(), nullable=False),
        ts("updated_at"),
    )
    op.create_table(
        "maintenance_fee_events",
        uuid_pk(),
        sa.Column("grant_doc_num", DOC, nullable=False),
        sa.Column("event_code", sa.String(10), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("event_description", sa.Text()),
        sa.Column("fee_amount", sa.Numeric(10, 2)),
        sa.Column("appno_doc_num", DOC),
        sa.Column("entity_status", sa.String(1)),
        fk("patent_id", "maintenance_fee_events", "patents", "SET NULL"),
        ts("created_at"),
        sa.UniqueConstraint(
            "grant_doc_num",
            "event_code",
            "event_date",
            name="uq_maintenance_fee_events_natural_key",
        ),
    )
    op.create_index("ix_maintenance_fee_events_patent_id", "maintenance_fee_events", ["patent_id"])
    op.create_table(
        "maintenance_fee_statuses",
        sa.Column("grant_doc_num", DOC, primary_key=True),
        sa.Column("appno_doc_num", DOC),
        sa.Column("grant_date", sa.Date()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("paid_through", sa.String(20)),
        sa.Column("next_window", sa.String(20)),
        sa.Column("window_open", sa.Date()),
        sa.Column("due_date", sa.Date()),
        sa.Column("grace_end", sa.Date()),
        sa.Column("expired_on", sa.Date()),
        sa.Column("windows", pg.JSONB(), nullable=False),
        ts("updated_at"),
        _ck("maintenance_fee_statuses", "status", f"status IN {FEE_STATUSES}"),
    )


def _families() -> None:
    op.create_table(
        "patent_families",
        uuid_pk(),
        sa.Column("family_id", sa.String(50), nullable=False),
        sa.Column("family_type", sa.String(20), nullable=False, server_default="simple"),
        sa.Column("total_result_count", sa.Integer()),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        ts("created_at"),
        ts("updated_at"),
        sa.UniqueConstraint("family_id", name="uq_patent_families_family_id"),
        _ck("patent_families", "family_type", "family_type IN ('simple', 'extended')"),
    )
    op.create_table(
        "patent_family_members",
        uuid_pk(),
        fk(
            "patent_family_id",
            "patent_family_members",
            "patent_families",
            "CASCADE",
            nullable=False,
        ),
        sa.Column("country_code", sa.String(2)),
        sa.Column("doc_num", sa.String(20), nullable=False),
        sa.Column("kind_code", sa.String(2)),
        sa.Column("publication_date", sa.Date()),
        sa.Column("epodoc_number", sa.String(30)),
        sa.Column("app_country", sa.String(2)),
        sa.Column("app_doc_num", sa.String(30)),
        sa.Column("app_kind", sa.String(2)),
        sa.Column("app_date", sa.Date()),
        sa.Column("is_representative", sa.Boolean(), nullable=False, server_default="false"),
        sa.Column("us_doc_num", DOC),
        sa.Column("us_appno_doc_num", DOC),
        fk("patent_id", "patent_family_members", "patents", "SET NULL"),
        ts("created_at"),
        sa.UniqueConstraint(
            "patent_family_id",
            "country_code",
            "doc_num",
            "kind_code",
            name="uq_patent_family_members_natural_key",
            postgresql_nulls_not_distinct=True,
        ),
    )
    for column in ("doc_num", "us_doc_num", "us_appno_doc_num"):
        op.create_index(f"ix_patent_family_members_{column}", "patent_family_members", [column])
    op.create_table(
        "family_priority_claims",
        uuid_pk(),
        fk(
            "member_id",
            "family_priority_claims",
            "patent_family_members",
            "CASCADE",
            nullable=False,
        ),
        sa.Column("sequence", sa.Integer()),
        sa.Column("kind", sa.String(20)),
        sa.Column("country", sa.String(2)),
        sa.Column("doc_number", sa.String(30), nullable=False),
        sa.Column("doc_kind", sa.String(2)),
        sa.Column("claim_date", sa.Date()),
        sa.Column("active", sa.Boolean()),
        sa.Column("linkage_type", sa.String(10)),
    )
    op.create_index("ix_family_priority_claims_member_id", "family_priority_claims", ["member_id"])
    op.create_table(
        "family_lookups",
        uuid_pk(),
        sa.Column("query_key", sa.String(80), nullable=False),
        sa.Column("family_id", sa.String(50)),
        sa.Column("http_status", sa.Integer(), nullable=False),
        sa.Column("member_count", sa.Integer()),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_refresh_at", sa.DateTime(timezone=True), nullable=False),
        ts("created_at"),
        ts("updated_at"),
        sa.UniqueConstraint("query_key", name="uq_family_lookups_query_key"),
    )


def upgrade() -> None:
    _patents()
    _biblio_children()
    _cpc()
    _fees()
    _families()
    for table in TABLES:
        for statement in rls.shared_table(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
