"""Per-org pipeline bookkeeping and step-1/2 outputs [T] (domain-model §7, §9; D15, D21).

`org_assignments` holds the classification of every conveyance touching an org asset per
`(organization_id, rf_id)` (D21: the pipeline never writes the shared tables);
`org_entity_groups` is step 2a's grouping of the org's party names (BR-018..020);
`processing_jobs` / `processing_steps` record every run and step (D15);
`org_pipeline_state` is the one-run-per-org latch: the dirty flag and the running run.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at
from db.models.columns import RULESET, RunWritten, TenantKey, updated_last

CLASSIFICATION_SOURCES = ("override_org", "override_global", "inventor_match", "rule")
INVENTOR_SOURCES = ("bibliographic", "inferred", "none")
JOB_TYPES = ("full_rebuild", "incremental", "manual")
JOB_STATUSES = ("pending", "running", "success", "failed", "partial")
STEP_STATUSES = ("pending", "running", "success", "failed", "skipped")
# domain-model §12.6: the 8 steps, numbered in DAG order.
STEP_NAMES = (
    "classify",
    "flag",
    "tree",
    "timeline",
    "broken_title",
    "dashboard",
    "summary",
    "generate_json",
)


def in_(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class OrgAssignment(TenantKey, RunWritten, Base):
    """D21 / BR-011 §1.3: rule and effective classification of one conveyance for one org."""

    __tablename__ = "org_assignments"
    __table_args__ = (
        UniqueConstraint(
            "organization_id", "rf_id", name="uq_org_assignments_organization_id_rf_id"
        ),
        CheckConstraint(in_("source", CLASSIFICATION_SOURCES), name="source"),
        CheckConstraint(in_("inventor_source", INVENTOR_SOURCES), name="inventor_source"),
        Index("ix_org_assignments_assignment_id", "assignment_id"),
    )

    assignment_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False
    )
    rf_id: Mapped[str] = mapped_column(String(50), nullable=False)
    rule_type: Mapped[str] = mapped_column(String(30), nullable=False)
    rule_employer_assign: Mapped[bool] = mapped_column(Boolean, nullable=False)
    matched_rule: Mapped[str] = mapped_column(String(10), nullable=False)
    effective_type: Mapped[str] = mapped_column(String(30), nullable=False)
    employer_assign: Mapped[bool] = mapped_column(Boolean, nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    inventor_source: Mapped[str] = mapped_column(String(20), nullable=False)
    # P5 sort key written by step 1 (issue 6: a scoped run renumbers the timeline in SQL).
    p5_effective_dt: Mapped[date | None] = mapped_column(Date)
    p5_record_dt: Mapped[date | None] = mapped_column(Date)
    p5_reel: Mapped[int | None] = mapped_column(Integer)
    p5_frame: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = updated_last()


class OrgEntityGroup(TenantKey, RunWritten, Base):
    """BR-018..020 step 2a: each party name key of the org and the group it belongs to."""

    __tablename__ = "org_entity_groups"
    __table_args__ = (
        UniqueConstraint(
            "organization_id", "name_key", name="uq_org_entity_groups_organization_id_name_key"
        ),
    )

    name_key: Mapped[str] = mapped_column(Text, nullable=False)
    raw_name: Mapped[str] = mapped_column(Text, nullable=False)
    group_key: Mapped[str] = mapped_column(Text, nullable=False)
    canonical_name: Mapped[str] = mapped_column(Text, nullable=False)
    occurrences: Mapped[int] = mapped_column(Integer, nullable=False)
    # Every raw spelling of the key with its count (issue 6: scoped regrouping).
    spellings: Mapped[dict[str, int]] = mapped_column(
        JSONB, nullable=False, server_default=text("'{}'::jsonb")
    )


class ProcessingJob(TenantKey, Base):
    """domain-model §9: one pipeline run of one organization."""

    __tablename__ = "processing_jobs"
    __table_args__ = (
        CheckConstraint(in_("job_type", JOB_TYPES), name="job_type"),
        CheckConstraint(in_("status", JOB_STATUSES), name="status"),
        CheckConstraint("current_step BETWEEN 0 AND 8", name="current_step"),
        Index("ix_processing_jobs_organization_id_created_at", "organization_id", "created_at"),
    )

    job_type: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="pending")
    current_step: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    reason: Mapped[str | None] = mapped_column(Text)
    ruleset_version: Mapped[str] = mapped_column(RULESET, nullable=False)
    arq_job_id: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    error_message: Mapped[str | None] = mapped_column(Text)
    triggered_by: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at()


class ProcessingStep(TenantKey, Base):
    """domain-model §9; organization_id denormalised for an indexable policy (§11.3 (7))."""

    __tablename__ = "processing_steps"
    __table_args__ = (
        UniqueConstraint(
            "processing_job_id",
            "step_number",
            name="uq_processing_steps_processing_job_id_step_number",
        ),
        CheckConstraint("step_number BETWEEN 1 AND 8", name="step_number"),
        CheckConstraint(in_("step_name", STEP_NAMES), name="step_name"),
        CheckConstraint(in_("status", STEP_STATUSES), name="status"),
        Index("ix_processing_steps_organization_id", "organization_id"),
    )

    processing_job_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("processing_jobs.id", ondelete="CASCADE"), nullable=False
    )
    step_number: Mapped[int] = mapped_column(Integer, nullable=False)
    step_name: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="pending")
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    records_processed: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    error_message: Mapped[str | None] = mapped_column(Text)
    metrics: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = created_at()


class OrgPipelineState(Base):
    """D15 latch: a trigger sets `dirty`; the running run clears it and runs once more."""

    __tablename__ = "org_pipeline_state"

    organization_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True),
        ForeignKey("organizations.id", ondelete="CASCADE"),
        primary_key=True,
    )
    dirty: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="false")
    dirty_reason: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    requested_by: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    running_job_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    last_job_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # P7: the ruleset of the last successful run; a different current version -> full rebuild.
    ruleset_version: Mapped[str | None] = mapped_column(RULESET)
    # api.md §5.2: the org data version (Redis `orgver:{orgId}` mirrors it); +1 per run.
    data_version: Mapped[int] = mapped_column(BigInteger, nullable=False, server_default="0")
    updated_at: Mapped[datetime] = updated_at()
