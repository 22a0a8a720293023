"""Assignments core [S], ingestion bookkeeping [P], companies and assets [T].

Shared reference tables (domain-model §2-3): representatives, entities, assignments,
document_ids, assignors, assignees. Platform tables (§9): data_sources, ingestion_jobs,
ingestion_errors. Tenant tables (§7): companies, assets (the doc-number → org lookup that
drives per-org pipelines after ingestion, ingestion.md §1.1 step 8).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from db import rls
from migrations.columns import DOC, execute_all, fk, ts, uuid_pk

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _platform() -> None:
    op.create_table(
        "data_sources",
        uuid_pk(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("source_type", sa.String(20), nullable=False),
        sa.Column("schedule_type", sa.String(20), nullable=False),
        sa.Column("schedule_cron", sa.String(100)),
        sa.Column("endpoint_url", sa.Text()),
        sa.Column("auth_config", pg.JSONB()),
        sa.Column("file_pattern", sa.Text()),
        sa.Column("format", sa.String(20)),
        sa.Column("is_active", sa.Boolean(), nullable=False, server_default=sa.text("true")),
        ts("last_run_at", nullable=True),
        ts("next_run_at", nullable=True),
        ts("last_success_at", nullable=True),
        ts("last_failure_at", nullable=True),
        sa.Column("last_status", sa.String(20)),
        sa.Column("last_error", sa.Text()),
        sa.Column("last_record_count", sa.Integer()),
        sa.Column("last_business_date", sa.Date()),
        sa.Column("expected_interval_hours", sa.Integer()),
        ts("created_at"),
        ts("updated_at"),
        sa.UniqueConstraint("name", name="uq_data_sources_name"),
        sa.CheckConstraint(
            "source_type IN ('bulk_download', 'rest_api', 'file_system', 'sparql')",
            name="ck_data_sources_source_type",
        ),
        sa.CheckConstraint(
            "schedule_type IN ('daily', 'weekly', 'monthly', 'on_demand')",
            name="ck_data_sources_schedule_type",
        ),
        sa.CheckConstraint(
            "format IN ('xml', 'json', 'pdf', 'tab_delimited', 'csv', 'tar', 'zip')",
            name="ck_data_sources_format",
        ),
    )
    execute_all(rls.platform_table("data_sources"))

    op.create_table(
        "ingestion_jobs",
        uuid_pk(),
        fk("data_source_id", "ingestion_jobs", "data_sources", nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="pending"),
        ts("started_at", nullable=True),
        ts("completed_at", nullable=True),
        sa.Column("records_processed", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("records_inserted", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("records_updated", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("records_failed", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("file_name", sa.Text()),
        sa.Column("file_size_bytes", sa.BigInteger()),
        sa.Column("metadata", pg.JSONB()),
        sa.Column("error_message", sa.Text()),
        ts("created_at"),
        sa.CheckConstraint(
            "status IN ('pending', 'running', 'success', 'failed', 'partial')",
            name="ck_ingestion_jobs_status",
        ),
    )
    op.create_index(
        "ix_ingestion_jobs_data_source_id_created_at",
        "ingestion_jobs",
        ["data_source_id", "created_at"],
    )
    execute_all(rls.platform_table("ingestion_jobs"))

    op.create_table(
        "ingestion_errors",
        uuid_pk(),
        fk(
            "ingestion_job_id",
            "ingestion_errors",
            "ingestion_jobs",
            ondelete="CASCADE",
            nullable=False,
        ),
        sa.Column("file_name", sa.Text()),
        sa.Column("record_position", sa.Integer()),
        sa.Column("record_identifier", sa.String(100)),
        sa.Column("error_type", sa.String(20), nullable=False),
        sa.Column("error_message", sa.Text(), nullable=False),
        sa.Column("raw_data", pg.JSONB()),
        ts("created_at"),
        sa.CheckConstraint(
            "error_type IN ('validation', 'parse', 'duplicate', 'constraint',"
            " 'foreign_key', 'other')",
            name="ck_ingestion_errors_error_type",
        ),
    )
    op.create_index(
        "ix_ingestion_errors_ingestion_job_id", "ingestion_errors", ["ingestion_job_id"]
    )
    execute_all(rls.platform_table("ingestion_errors"))


def _parties() -> None:
    op.create_table(
        "representatives",
        uuid_pk(),
        sa.Column("representative_name", sa.Text(), nullable=False),
        sa.Column("total_instances", sa.Integer(), nullable=False, server_default="0"),
        ts("created_at"),
        ts("updated_at"),
    )
    op.create_index(
        "uq_representatives_lower_name",
        "representatives",
        [sa.text("lower(representative_name)")],
        unique=True,
    )
    execute_all(rls.shared_table("representatives"))

    op.create_table(
        "entities",
        uuid_pk(),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("instances", sa.Integer(), nullable=False, server_default="1"),
        fk("representative_id", "entities", "representatives", ondelete="RESTRICT"),
        ts("created_at"),
        ts("updated_at"),
    )
    op.create_index("uq_entities_lower_name", "entities", [sa.text("lower(name)")], unique=True)
    op.create_index("ix_entities_representative_id", "entities", ["representative_id"])
    execute_all(rls.shared_table("entities"))


def _assignments() -> None:
    op.create_table(
        "assignments",
        uuid_pk(),
        sa.Column("rf_id", sa.String(50), nullable=False),
        sa.Column("reel_no", sa.String(20), nullable=False),
        sa.Column("frame_no", sa.String(20), nullable=False),
        sa.Column("convey_text", sa.Text()),
        sa.Column("record_dt", sa.Date()),
        sa.Column("exec_dt", sa.Date()),
        sa.Column("cname", sa.Text()),
        sa.Column("correspondent", pg.JSONB()),
        sa.Column("page_count", sa.Integer()),
        sa.Column("status", sa.String(20), nullable=False, server_default="active"),
        sa.Column("purge_indicator", sa.String(1)),
        sa.Column("last_update_dt", sa.Date()),
        sa.Column("transaction_date", sa.Date()),
        sa.Column("source", sa.String(20), nullable=False, server_default="daily_xml"),
        sa.Column("content_hash", sa.String(64), nullable=False),
        fk("ingestion_job_id", "assignments", "ingestion_jobs", ondelete="SET NULL"),
        ts("created_at"),
        ts("updated_at"),
        sa.UniqueConstraint("rf_id", name="uq_assignments_rf_id"),
        sa.CheckConstraint("status IN ('active', 'void')", name="ck_assignments_status"),
    )
    op.create_index("ix_assignments_record_dt", "assignments", [sa.text("record_dt DESC")])
    execute_all(rls.shared_table("assignments"))

    op.create_table(
        "document_ids",
        uuid_pk(),
        fk("assignment_id", "document_ids", "assignments", ondelete="CASCADE", nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("appno_doc_num", DOC),
        sa.Column("appno_date", sa.Date()),
        sa.Column("pgpub_doc_num", DOC),
        sa.Column("pgpub_date", sa.Date()),
        sa.Column("grant_doc_num", DOC),
        sa.Column("grant_date", sa.Date()),
        sa.Column("pct_doc_num", sa.String(30)),
        sa.Column("title", sa.Text()),
        sa.Column("title_lang", sa.String(10)),
        sa.Column("raw_ids", pg.JSONB()),
        ts("created_at"),
        sa.CheckConstraint(
            "appno_doc_num IS NOT NULL OR grant_doc_num IS NOT NULL OR pgpub_doc_num IS NOT NULL",
            name="ck_document_ids_doc_number",
        ),
        # BR-059 natural key; NULLS NOT DISTINCT so rows lacking a number still conflict.
        sa.UniqueConstraint(
            "assignment_id",
            "appno_doc_num",
            "grant_doc_num",
            name="uq_document_ids_assignment_id_appno_doc_num_grant_doc_num",
            postgresql_nulls_not_distinct=True,
        ),
    )
    op.create_index(
        "ix_document_ids_appno_doc_num",
        "document_ids",
        ["appno_doc_num"],
        postgresql_where=sa.text("appno_doc_num IS NOT NULL"),
    )
    op.create_index(
        "ix_document_ids_grant_doc_num",
        "document_ids",
        ["grant_doc_num"],
        postgresql_where=sa.text("grant_doc_num IS NOT NULL"),
    )
    execute_all(rls.shared_table("document_ids"))

    op.create_table(
        "assignors",
        uuid_pk(),
        fk("assignment_id", "assignors", "assignments", ondelete="CASCADE", nullable=False),
        fk("entity_id", "assignors", "entities", ondelete="RESTRICT", nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("or_name", sa.Text(), nullable=False),
        sa.Column("exec_dt", sa.Date()),
        sa.Column("ack_dt", sa.Date()),
        ts("created_at"),
        sa.UniqueConstraint("assignment_id", "seq", name="uq_assignors_assignment_id_seq"),
    )
    op.create_index("ix_assignors_entity_id", "assignors", ["entity_id"])
    execute_all(rls.shared_table("assignors"))

    op.create_table(
        "assignees",
        uuid_pk(),
        fk("assignment_id", "assignees", "assignments", ondelete="CASCADE", nullable=False),
        fk("entity_id", "assignees", "entities", ondelete="RESTRICT", nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("ee_name", sa.Text(), nullable=False),
        sa.Column("ee_address_1", sa.Text()),
        sa.Column("ee_address_2", sa.Text()),
        sa.Column("ee_city", sa.Text()),
        sa.Column("ee_state", sa.Text()),
        sa.Column("ee_postcode", sa.Text()),
        sa.Column("ee_country", sa.Text()),
        ts("created_at"),
        sa.UniqueConstraint("assignment_id", "seq", name="uq_assignees_assignment_id_seq"),
    )
    op.create_index("ix_assignees_entity_id", "assignees", ["entity_id"])
    execute_all(rls.shared_table("assignees"))


def _tenant() -> None:
    op.create_table(
        "companies",
        uuid_pk(),
        fk("organization_id", "companies", "organizations", ondelete="CASCADE", nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("original_name", sa.Text()),
        # D8: the org's own spellings of this company, matched against party names.
        sa.Column(
            "aliases",
            pg.ARRAY(sa.Text()),
            nullable=False,
            server_default=sa.text("'{}'::text[]"),
        ),
        fk("representative_id", "companies", "representatives", ondelete="SET NULL"),
        fk("parent_id", "companies", "companies", ondelete="SET NULL"),
        sa.Column("is_group", sa.Boolean(), nullable=False, server_default=sa.text("false")),
        sa.Column("status", sa.String(20), nullable=False, server_default="active"),
        sa.Column("domain", sa.Text()),
        sa.Column("logo_storage_key", sa.Text()),
        ts("enriched_at", nullable=True),
        sa.Column("enrichment_data", pg.JSONB()),
        sa.Column("legacy_company_id", sa.Integer()),
        ts("created_at"),
        ts("updated_at"),
        ts("deleted_at", nullable=True),
    )
    op.create_index(
        "ix_companies_organization_id",
        "companies",
        ["organization_id"],
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    execute_all(rls.tenant_table("companies"))

    op.create_table(
        "assets",
        uuid_pk(),
        fk("organization_id", "assets", "organizations", ondelete="CASCADE", nullable=False),
        fk("representative_id", "assets", "representatives", ondelete="SET NULL"),
        fk("company_id", "assets", "companies", ondelete="SET NULL"),
        sa.Column("appno_doc_num", DOC),
        sa.Column("grant_doc_num", DOC),
        sa.Column("layout_id", sa.Integer(), nullable=False, server_default="15"),
        sa.Column("metadata", pg.JSONB()),
        ts("created_at"),
        ts("updated_at"),
        ts("deleted_at", nullable=True),
        sa.CheckConstraint(
            "appno_doc_num IS NOT NULL OR grant_doc_num IS NOT NULL",
            name="ck_assets_doc_number",
        ),
        sa.CheckConstraint("layout_id IN (14, 15)", name="ck_assets_layout_id"),
    )
    for column in ("organization_id", "representative_id", "appno_doc_num", "grant_doc_num"):
        op.create_index(
            f"ix_assets_{column}",
            "assets",
            [column],
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
    execute_all(rls.tenant_table("assets"))


def upgrade() -> None:
    _platform()
    _parties()
    _assignments()
    _tenant()


def downgrade() -> None:
    for table in (
        "assets",
        "companies",
        "assignees",
        "assignors",
        "document_ids",
        "assignments",
        "entities",
        "representatives",
        "ingestion_errors",
        "ingestion_jobs",
        "data_sources",
    ):
        op.drop_table(table)
