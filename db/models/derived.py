"""Derived per-org intelligence [T] (domain-model §7; business-rules §4-§6, §10; D2, D16).

Rebuilt by the pipeline steps: every row carries `ruleset_version` (P7) and the `run_id`
of the processing job that wrote it. Each step replaces its rows per organization inside
its own transaction (delete + insert), so a step is idempotent and a re-run is identical.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.models.columns import RunProvenance, RunWritten, TenantKey, written_at
from db.models.pipeline import INVENTOR_SOURCES, in_

CHAIN_STATUSES = ("complete", "encumbered", "broken")
BREAK_REASONS = (
    "no_transactions",
    "no_employee_start",
    "chain_break",
    "conflicting_transfer",
    "break_at_unclassified",
)
RF = String(50)


def asset_fk() -> Mapped[uuid.UUID]:
    return mapped_column(
        UUID(as_uuid=True), ForeignKey("assets.id", ondelete="CASCADE"), nullable=False
    )


def company_fk(nullable: bool = False) -> Mapped[Any]:
    return mapped_column(
        UUID(as_uuid=True), ForeignKey("companies.id", ondelete="CASCADE"), nullable=nullable
    )


class OwnershipTreeNode(TenantKey, RunWritten, Base):
    """BR-024..031 step 3: one counterparty row per (company, tree type, shown name)."""

    __tablename__ = "ownership_tree_nodes"
    __table_args__ = (
        UniqueConstraint(
            "organization_id",
            "company_id",
            "tree_type",
            "display_name",
            name="uq_ownership_tree_nodes_org_company_type_name",
        ),
        CheckConstraint("tree_type BETWEEN 0 AND 13", name="tree_type"),
        CheckConstraint("tab BETWEEN 0 AND 3", name="tab"),
    )

    company_id: Mapped[uuid.UUID] = company_fk()
    tree_type: Mapped[int] = mapped_column(Integer, nullable=False)
    tab: Mapped[int] = mapped_column(Integer, nullable=False)
    entity_key: Mapped[str | None] = mapped_column(Text)
    display_name: Mapped[str] = mapped_column(Text, nullable=False)
    color: Mapped[str] = mapped_column(String(20), nullable=False)
    asset_count: Mapped[int] = mapped_column(Integer, nullable=False)
    last_activity_date: Mapped[date | None] = mapped_column(Date)
    rf_ids: Mapped[list[str]] = mapped_column(ARRAY(RF), nullable=False)


class TimelineEntry(TenantKey, RunWritten, Base):
    """Step 4: one row per (conveyance, counterparty) where an org company is a party."""

    __tablename__ = "timeline_entries"
    __table_args__ = (
        CheckConstraint("party_role IN ('assignor', 'assignee')", name="party_role"),
        Index(
            "ix_timeline_entries_organization_id_company_id_sequence",
            "organization_id",
            "company_id",
            "sequence",
        ),
        # Issue 6: a scoped run replaces the rows of the affected conveyances only.
        Index("ix_timeline_entries_organization_id_rf_id", "organization_id", "rf_id"),
    )

    company_id: Mapped[uuid.UUID] = company_fk()
    assignment_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False
    )
    rf_id: Mapped[str] = mapped_column(RF, nullable=False)
    reel_no: Mapped[str] = mapped_column(String(20), nullable=False)
    frame_no: Mapped[str] = mapped_column(String(20), nullable=False)
    record_dt: Mapped[date | None] = mapped_column(Date)
    exec_dt: Mapped[date | None] = mapped_column(Date)
    party_role: Mapped[str] = mapped_column(String(10), nullable=False)
    original_name: Mapped[str] = mapped_column(Text, nullable=False)
    canonical_name: Mapped[str] = mapped_column(Text, nullable=False)
    entity_key: Mapped[str] = mapped_column(Text, nullable=False)
    convey_ty: Mapped[str] = mapped_column(String(30), nullable=False)
    employer_assign: Mapped[bool] = mapped_column(Boolean, nullable=False)
    category: Mapped[str] = mapped_column(String(20), nullable=False)
    color: Mapped[str] = mapped_column(String(20), nullable=False)
    convey_text: Mapped[str | None] = mapped_column(Text)
    asset_count: Mapped[int] = mapped_column(Integer, nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)


class BrokenTitleChain(TenantKey, RunProvenance, Base):
    """BR-032..036 step 5: the chain-of-title verdict of one in-scope asset."""

    __tablename__ = "broken_title_chains"
    __table_args__ = (
        UniqueConstraint(
            "organization_id", "asset_id", name="uq_broken_title_chains_organization_id_asset_id"
        ),
        CheckConstraint(in_("status", CHAIN_STATUSES), name="status"),
        CheckConstraint(
            "reason_code IS NULL OR " + in_("reason_code", BREAK_REASONS), name="reason_code"
        ),
        CheckConstraint(in_("inventor_source", INVENTOR_SOURCES), name="inventor_source"),
    )

    asset_id: Mapped[uuid.UUID] = asset_fk()
    patent_doc_num: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    # First reason (headline); all reasons in `reasons`.
    reason_code: Mapped[str | None] = mapped_column(String(30))
    reasons: Mapped[list[str]] = mapped_column(ARRAY(String(30)), nullable=False)
    breaks: Mapped[list[Any]] = mapped_column(JSONB, nullable=False)
    headline_break: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    # The break point: P5 ordinal, the conveyance after the gap and the two sides of it.
    break_seq: Mapped[int | None] = mapped_column(Integer)
    break_point_rf_id: Mapped[str | None] = mapped_column(RF)
    missing_link_from: Mapped[str | None] = mapped_column(Text)
    missing_link_to: Mapped[str | None] = mapped_column(Text)
    has_employee_start: Mapped[bool] = mapped_column(Boolean, nullable=False)
    employee_links: Mapped[int] = mapped_column(Integer, nullable=False)
    chain_length: Mapped[int] = mapped_column(Integer, nullable=False)
    open_security_rf_ids: Mapped[list[str]] = mapped_column(ARRAY(RF), nullable=False)
    current_holders: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    inventor_source: Mapped[str] = mapped_column(String(20), nullable=False)
    detected_at: Mapped[datetime] = written_at()


class AssetOwnership(TenantKey, RunWritten, Base):
    """D2: the computed current owner of an asset and the chain that supports it."""

    __tablename__ = "asset_ownership"
    __table_args__ = (
        UniqueConstraint(
            "organization_id", "asset_id", name="uq_asset_ownership_organization_id_asset_id"
        ),
        CheckConstraint(in_("status", CHAIN_STATUSES), name="status"),
    )

    asset_id: Mapped[uuid.UUID] = asset_fk()
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    holders: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    holder_keys: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    supporting_rf_ids: Mapped[list[str]] = mapped_column(ARRAY(RF), nullable=False)
    open_lien_count: Mapped[int] = mapped_column(Integer, nullable=False)
    inventor_source: Mapped[str] = mapped_column(String(20), nullable=False)


class OpenLienRow(TenantKey, RunWritten, Base):
    """D2 / §5.6: a security interest on an asset not cleared by a release, per lender."""

    __tablename__ = "open_liens"
    __table_args__ = (
        UniqueConstraint(
            "organization_id",
            "asset_id",
            "rf_id",
            "secured_party_key",
            name="uq_open_liens_org_asset_rf_party",
        ),
        Index(
            "ix_open_liens_organization_id_secured_party_key",
            "organization_id",
            "secured_party_key",
        ),
    )

    asset_id: Mapped[uuid.UUID] = asset_fk()
    rf_id: Mapped[str] = mapped_column(RF, nullable=False)
    secured_party_key: Mapped[str] = mapped_column(Text, nullable=False)
    secured_party_name: Mapped[str] = mapped_column(Text, nullable=False)
    grantors: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    record_dt: Mapped[date | None] = mapped_column(Date)
    effective_dt: Mapped[date | None] = mapped_column(Date)


class DashboardItem(TenantKey, RunWritten, Base):
    """BR-036/037 step 6: 0 complete / 1 broken per asset, 18 per open security, 20 law firm."""

    __tablename__ = "dashboard_items"
    __table_args__ = (
        CheckConstraint("type IN (0, 1, 18, 20)", name="type"),
        Index(
            "ix_dashboard_items_organization_id_company_id_type",
            "organization_id",
            "company_id",
            "type",
        ),
    )

    asset_id: Mapped[uuid.UUID] = asset_fk()
    company_id: Mapped[uuid.UUID | None] = company_fk(nullable=True)
    type: Mapped[int] = mapped_column(Integer, nullable=False)
    patent: Mapped[str | None] = mapped_column(String(20))
    application: Mapped[str | None] = mapped_column(String(20))
    rf_id: Mapped[str | None] = mapped_column(RF)
    headline_break: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    law_firm: Mapped[str | None] = mapped_column(Text)


class SummaryMetric(TenantKey, RunProvenance, Base):
    """BR-042/043 step 7: per company, plus the org row (company_id NULL, NULLS NOT DISTINCT)."""

    __tablename__ = "summary_metrics"
    __table_args__ = (
        UniqueConstraint(
            "organization_id",
            "company_id",
            name="uq_summary_metrics_organization_id_company_id",
            postgresql_nulls_not_distinct=True,
        ),
    )

    company_id: Mapped[uuid.UUID | None] = company_fk(nullable=True)
    company_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    activity_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    entity_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    party_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    employee_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    transaction_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    asset_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    arrow_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)
    calculated_at: Mapped[datetime] = written_at()


class AssetDiagram(TenantKey, RunProvenance, Base):
    """D16 step 8: the full diagram payload of one asset, served as stored."""

    __tablename__ = "asset_diagrams"
    __table_args__ = (
        UniqueConstraint(
            "organization_id", "asset_id", name="uq_asset_diagrams_organization_id_asset_id"
        ),
    )

    asset_id: Mapped[uuid.UUID] = asset_fk()
    is_broken: Mapped[bool] = mapped_column(Boolean, nullable=False)
    chain_status: Mapped[str] = mapped_column(String(12), nullable=False)
    diagram_json: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    computed_at: Mapped[datetime] = written_at()
