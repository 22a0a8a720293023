"""Per-org pipeline: classifications, derived intelligence, runs and steps [T].

D21: classification per (organization_id, rf_id) in `org_assignments` (the pipeline never
writes shared tables); step-2a grouping in `org_entity_groups`; the derived tables of
domain-model §7 (tree, timeline, broken titles, dashboard, summary, diagrams) plus D2's
`asset_ownership` and `open_liens`; `processing_jobs` / `processing_steps` (§9, with
organization_id denormalised onto steps, §11.3 (7)) and the `org_pipeline_state` latch
(D15: dirty flag, running run). Every table is a tenant table: RLS enabled and forced.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from db import rls

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "org_entity_groups",
    "org_pipeline_state",
    "ownership_tree_nodes",
    "processing_jobs",
    "summary_metrics",
    "asset_diagrams",
    "asset_ownership",
    "broken_title_chains",
    "dashboard_items",
    "open_liens",
    "org_assignments",
    "processing_steps",
    "timeline_entries",
)


def upgrade() -> None:
    op.create_table(
        "org_entity_groups",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("raw_name", sa.Text(), nullable=False),
        sa.Column("group_key", sa.Text(), nullable=False),
        sa.Column("canonical_name", sa.Text(), nullable=False),
        sa.Column("occurrences", sa.Integer(), nullable=False),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_org_entity_groups_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_entity_groups")),
        sa.UniqueConstraint(
            "organization_id", "name_key", name="uq_org_entity_groups_organization_id_name_key"
        ),
    )
    op.create_table(
        "org_pipeline_state",
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("dirty", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("dirty_reason", sa.Text(), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("requested_by", sa.UUID(), nullable=True),
        sa.Column("running_job_id", sa.UUID(), nullable=True),
        sa.Column("last_job_id", sa.UUID(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ruleset_version", sa.String(length=32), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_org_pipeline_state_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organization_id", name=op.f("pk_org_pipeline_state")),
    )
    op.create_table(
        "ownership_tree_nodes",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("company_id", sa.UUID(), nullable=False),
        sa.Column("tree_type", sa.Integer(), nullable=False),
        sa.Column("tab", sa.Integer(), nullable=False),
        sa.Column("entity_key", sa.Text(), nullable=True),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("color", sa.String(length=20), nullable=False),
        sa.Column("asset_count", sa.Integer(), nullable=False),
        sa.Column("last_activity_date", sa.Date(), nullable=True),
        sa.Column("rf_ids", sa.ARRAY(sa.String(length=50)), nullable=False),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("tab BETWEEN 0 AND 3", name=op.f("ck_ownership_tree_nodes_tab")),
        sa.CheckConstraint(
            "tree_type BETWEEN 0 AND 13", name=op.f("ck_ownership_tree_nodes_tree_type")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_ownership_tree_nodes_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_ownership_tree_nodes_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ownership_tree_nodes")),
        sa.UniqueConstraint(
            "organization_id",
            "company_id",
            "tree_type",
            "display_name",
            name="uq_ownership_tree_nodes_org_company_type_name",
        ),
    )
    op.create_table(
        "processing_jobs",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("job_type", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="pending", nullable=False),
        sa.Column("current_step", sa.Integer(), server_default="0", nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("arq_job_id", sa.String(length=200), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="1", nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("summary", pg.JSONB(), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("triggered_by", sa.UUID(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "job_type IN ('full_rebuild', 'incremental', 'manual')",
            name=op.f("ck_processing_jobs_job_type"),
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'running', 'success', 'failed', 'partial')",
            name=op.f("ck_processing_jobs_status"),
        ),
        sa.CheckConstraint(
            "current_step BETWEEN 0 AND 8", name=op.f("ck_processing_jobs_current_step")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_processing_jobs_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["triggered_by"],
            ["users.id"],
            name=op.f("fk_processing_jobs_triggered_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processing_jobs")),
    )
    op.create_index(
        "ix_processing_jobs_organization_id_created_at",
        "processing_jobs",
        ["organization_id", "created_at"],
        unique=False,
    )
    op.create_table(
        "summary_metrics",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("company_id", sa.UUID(), nullable=True),
        sa.Column("company_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("activity_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("entity_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("party_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("employee_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("transaction_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("asset_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("arrow_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("metadata", pg.JSONB(), nullable=True),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "calculated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_summary_metrics_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_summary_metrics_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_metrics")),
        sa.UniqueConstraint(
            "organization_id",
            "company_id",
            name="uq_summary_metrics_organization_id_company_id",
            postgresql_nulls_not_distinct=True,
        ),
    )
    op.create_table(
        "asset_diagrams",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("asset_id", sa.UUID(), nullable=False),
        sa.Column("is_broken", sa.Boolean(), nullable=False),
        sa.Column("chain_status", sa.String(length=12), nullable=False),
        sa.Column("diagram_json", pg.JSONB(), nullable=False),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "computed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["assets.id"],
            name=op.f("fk_asset_diagrams_asset_id_assets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_asset_diagrams_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_diagrams")),
        sa.UniqueConstraint(
            "organization_id", "asset_id", name="uq_asset_diagrams_organization_id_asset_id"
        ),
    )
    op.create_table(
        "asset_ownership",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("asset_id", sa.UUID(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("holders", sa.ARRAY(sa.Text()), nullable=False),
        sa.Column("holder_keys", sa.ARRAY(sa.Text()), nullable=False),
        sa.Column("supporting_rf_ids", sa.ARRAY(sa.String(length=50)), nullable=False),
        sa.Column("open_lien_count", sa.Integer(), nullable=False),
        sa.Column("inventor_source", sa.String(length=20), nullable=False),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('complete', 'encumbered', 'broken')", name=op.f("ck_asset_ownership_status")
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["assets.id"],
            name=op.f("fk_asset_ownership_asset_id_assets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_asset_ownership_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_ownership")),
        sa.UniqueConstraint(
            "organization_id", "asset_id", name="uq_asset_ownership_organization_id_asset_id"
        ),
    )
    op.create_table(
        "broken_title_chains",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("asset_id", sa.UUID(), nullable=False),
        sa.Column("patent_doc_num", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reason_code", sa.String(length=30), nullable=True),
        sa.Column("reasons", sa.ARRAY(sa.String(length=30)), nullable=False),
        sa.Column("breaks", pg.JSONB(), nullable=False),
        sa.Column("headline_break", pg.JSONB(), nullable=True),
        sa.Column("break_seq", sa.Integer(), nullable=True),
        sa.Column("break_point_rf_id", sa.String(length=50), nullable=True),
        sa.Column("missing_link_from", sa.Text(), nullable=True),
        sa.Column("missing_link_to", sa.Text(), nullable=True),
        sa.Column("has_employee_start", sa.Boolean(), nullable=False),
        sa.Column("employee_links", sa.Integer(), nullable=False),
        sa.Column("chain_length", sa.Integer(), nullable=False),
        sa.Column("open_security_rf_ids", sa.ARRAY(sa.String(length=50)), nullable=False),
        sa.Column("current_holders", sa.ARRAY(sa.Text()), nullable=False),
        sa.Column("inventor_source", sa.String(length=20), nullable=False),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "detected_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "inventor_source IN ('bibliographic', 'inferred', 'none')",
            name=op.f("ck_broken_title_chains_inventor_source"),
        ),
        sa.CheckConstraint(
            "reason_code IS NULL OR reason_code IN ('no_transactions', 'no_employee_start', 'chain_break', 'conflicting_transfer', 'break_at_unclassified')",
            name=op.f("ck_broken_title_chains_reason_code"),
        ),
        sa.CheckConstraint(
            "status IN ('complete', 'encumbered', 'broken')",
            name=op.f("ck_broken_title_chains_status"),
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["assets.id"],
            name=op.f("fk_broken_title_chains_asset_id_assets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_broken_title_chains_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broken_title_chains")),
        sa.UniqueConstraint(
            "organization_id", "asset_id", name="uq_broken_title_chains_organization_id_asset_id"
        ),
    )
    op.create_table(
        "dashboard_items",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("asset_id", sa.UUID(), nullable=False),
        sa.Column("company_id", sa.UUID(), nullable=True),
        sa.Column("type", sa.Integer(), nullable=False),
        sa.Column("patent", sa.String(length=20), nullable=True),
        sa.Column("application", sa.String(length=20), nullable=True),
        sa.Column("rf_id", sa.String(length=50), nullable=True),
        sa.Column("headline_break", pg.JSONB(), nullable=True),
        sa.Column("law_firm", sa.Text(), nullable=True),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("type IN (0, 1, 18, 20)", name=op.f("ck_dashboard_items_type")),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["assets.id"],
            name=op.f("fk_dashboard_items_asset_id_assets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_dashboard_items_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_dashboard_items_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dashboard_items")),
    )
    op.create_index(
        "ix_dashboard_items_organization_id_company_id_type",
        "dashboard_items",
        ["organization_id", "company_id", "type"],
        unique=False,
    )
    op.create_table(
        "open_liens",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("asset_id", sa.UUID(), nullable=False),
        sa.Column("rf_id", sa.String(length=50), nullable=False),
        sa.Column("secured_party_key", sa.Text(), nullable=False),
        sa.Column("secured_party_name", sa.Text(), nullable=False),
        sa.Column("grantors", sa.ARRAY(sa.Text()), nullable=False),
        sa.Column("record_dt", sa.Date(), nullable=True),
        sa.Column("effective_dt", sa.Date(), nullable=True),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["assets.id"],
            name=op.f("fk_open_liens_asset_id_assets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_open_liens_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open_liens")),
        sa.UniqueConstraint(
            "organization_id",
            "asset_id",
            "rf_id",
            "secured_party_key",
            name="uq_open_liens_org_asset_rf_party",
        ),
    )
    op.create_index(
        "ix_open_liens_organization_id_secured_party_key",
        "open_liens",
        ["organization_id", "secured_party_key"],
        unique=False,
    )
    op.create_table(
        "org_assignments",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("assignment_id", sa.UUID(), nullable=False),
        sa.Column("rf_id", sa.String(length=50), nullable=False),
        sa.Column("rule_type", sa.String(length=30), nullable=False),
        sa.Column("rule_employer_assign", sa.Boolean(), nullable=False),
        sa.Column("matched_rule", sa.String(length=10), nullable=False),
        sa.Column("effective_type", sa.String(length=30), nullable=False),
        sa.Column("employer_assign", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("evidence", pg.JSONB(), nullable=True),
        sa.Column("inventor_source", sa.String(length=20), nullable=False),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "inventor_source IN ('bibliographic', 'inferred', 'none')",
            name=op.f("ck_org_assignments_inventor_source"),
        ),
        sa.CheckConstraint(
            "source IN ('override_org', 'override_global', 'inventor_match', 'rule')",
            name=op.f("ck_org_assignments_source"),
        ),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_org_assignments_assignment_id_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_org_assignments_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_assignments")),
        sa.UniqueConstraint(
            "organization_id", "rf_id", name="uq_org_assignments_organization_id_rf_id"
        ),
    )
    op.create_index(
        "ix_org_assignments_assignment_id", "org_assignments", ["assignment_id"], unique=False
    )
    op.create_table(
        "processing_steps",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("processing_job_id", sa.UUID(), nullable=False),
        sa.Column("step_number", sa.Integer(), nullable=False),
        sa.Column("step_name", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="pending", nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("records_processed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("metrics", pg.JSONB(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'running', 'success', 'failed', 'skipped')",
            name=op.f("ck_processing_steps_status"),
        ),
        sa.CheckConstraint(
            "step_name IN ('classify', 'flag', 'tree', 'timeline', 'broken_title', 'dashboard', 'summary', 'generate_json')",
            name=op.f("ck_processing_steps_step_name"),
        ),
        sa.CheckConstraint(
            "step_number BETWEEN 1 AND 8", name=op.f("ck_processing_steps_step_number")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_processing_steps_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["processing_job_id"],
            ["processing_jobs.id"],
            name=op.f("fk_processing_steps_processing_job_id_processing_jobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processing_steps")),
        sa.UniqueConstraint(
            "processing_job_id",
            "step_number",
            name="uq_processing_steps_processing_job_id_step_number",
        ),
    )
    op.create_index(
        "ix_processing_steps_organization_id", "processing_steps", ["organization_id"], unique=False
    )
    op.create_table(
        "timeline_entries",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("company_id", sa.UUID(), nullable=False),
        sa.Column("assignment_id", sa.UUID(), nullable=False),
        sa.Column("rf_id", sa.String(length=50), nullable=False),
        sa.Column("reel_no", sa.String(length=20), nullable=False),
        sa.Column("frame_no", sa.String(length=20), nullable=False),
        sa.Column("record_dt", sa.Date(), nullable=True),
        sa.Column("exec_dt", sa.Date(), nullable=True),
        sa.Column("party_role", sa.String(length=10), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("canonical_name", sa.Text(), nullable=False),
        sa.Column("entity_key", sa.Text(), nullable=False),
        sa.Column("convey_ty", sa.String(length=30), nullable=False),
        sa.Column("employer_assign", sa.Boolean(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("color", sa.String(length=20), nullable=False),
        sa.Column("convey_text", sa.Text(), nullable=True),
        sa.Column("asset_count", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("ruleset_version", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "party_role IN ('assignor', 'assignee')", name=op.f("ck_timeline_entries_party_role")
        ),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_timeline_entries_assignment_id_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_timeline_entries_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_timeline_entries_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_entries")),
    )
    op.create_index(
        "ix_timeline_entries_organization_id_company_id_sequence",
        "timeline_entries",
        ["organization_id", "company_id", "sequence"],
        unique=False,
    )
    for table in TABLES:
        for statement in rls.tenant_table(table):
            op.execute(statement)


def downgrade() -> None:
    # Children first (processing_steps -> processing_jobs); the rest are independent.
    for table in reversed(TABLES):
        op.drop_table(table)
