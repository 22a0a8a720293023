"""Maintenance fees and EPO families [S] (domain-model §5; ingestion.md §2.6, §2.7)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk
from db.models.reference import DOC_NUM, FEE_STATUSES, _in


class MaintenanceEventCode(Base):
    """The code table shipped with the weekly file (`MaintFeeEventsDesc_*.txt`, §2.6 Δ)."""

    __tablename__ = "maintenance_event_codes"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[datetime] = updated_at()


class MaintenanceFeeEvent(Base):
    """One immutable fee event (§5): inserted with ON CONFLICT DO NOTHING (BR-059)."""

    __tablename__ = "maintenance_fee_events"
    __table_args__ = (
        UniqueConstraint(
            "grant_doc_num",
            "event_code",
            "event_date",
            name="uq_maintenance_fee_events_natural_key",
        ),
        Index("ix_maintenance_fee_events_patent_id", "patent_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    grant_doc_num: Mapped[str] = mapped_column(DOC_NUM, nullable=False)
    event_code: Mapped[str] = mapped_column(String(10), nullable=False)
    event_date: Mapped[date] = mapped_column(Date, nullable=False)
    event_description: Mapped[str | None] = mapped_column(Text)
    # Not in the file (§2.6); kept for a future fee schedule.
    fee_amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    appno_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    entity_status: Mapped[str | None] = mapped_column(String(1))
    patent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("patents.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at()


class MaintenanceFeeStatus(Base):
    """Derived fee status per grant (D2, §2.6), recomputed for touched grants every load.

    Kept apart from `patents` because fee events arrive for grants whose bibliographic
    record may not be loaded yet; `patents.maintenance_fee_status` mirrors `status`.
    """

    __tablename__ = "maintenance_fee_statuses"
    __table_args__ = (CheckConstraint(_in("status", FEE_STATUSES), name="status"),)

    grant_doc_num: Mapped[str] = mapped_column(DOC_NUM, primary_key=True)
    appno_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    grant_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    as_of: Mapped[date] = mapped_column(Date, nullable=False)
    paid_through: Mapped[str | None] = mapped_column(String(20))
    next_window: Mapped[str | None] = mapped_column(String(20))
    window_open: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    grace_end: Mapped[date | None] = mapped_column(Date)
    expired_on: Mapped[date | None] = mapped_column(Date)
    windows: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False)
    updated_at: Mapped[datetime] = updated_at()


class PatentFamily(Base):
    """A DOCDB simple family from EPO OPS (§5)."""

    __tablename__ = "patent_families"
    __table_args__ = (
        UniqueConstraint("family_id", name="uq_patent_families_family_id"),
        CheckConstraint("family_type IN ('simple', 'extended')", name="family_type"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    family_id: Mapped[str] = mapped_column(String(50), nullable=False)
    family_type: Mapped[str] = mapped_column(String(20), nullable=False, server_default="simple")
    # OPS responses may be trimmed (quirk 18): the reported count is kept, never asserted.
    total_result_count: Mapped[int | None] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class PatentFamilyMember(Base):
    __tablename__ = "patent_family_members"
    __table_args__ = (
        UniqueConstraint(
            "patent_family_id",
            "country_code",
            "doc_num",
            "kind_code",
            name="uq_patent_family_members_natural_key",
            postgresql_nulls_not_distinct=True,
        ),
        Index("ix_patent_family_members_doc_num", "doc_num"),
        Index("ix_patent_family_members_us_doc_num", "us_doc_num"),
        Index("ix_patent_family_members_us_appno_doc_num", "us_appno_doc_num"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    patent_family_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("patent_families.id", ondelete="CASCADE"), nullable=False
    )
    country_code: Mapped[str | None] = mapped_column(String(2))
    doc_num: Mapped[str] = mapped_column(String(20), nullable=False)
    kind_code: Mapped[str | None] = mapped_column(String(2))
    publication_date: Mapped[date | None] = mapped_column(Date)
    epodoc_number: Mapped[str | None] = mapped_column(String(30))
    app_country: Mapped[str | None] = mapped_column(String(2))
    app_doc_num: Mapped[str | None] = mapped_column(String(30))
    app_kind: Mapped[str | None] = mapped_column(String(2))
    app_date: Mapped[date | None] = mapped_column(Date)
    is_representative: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="false")
    # US members in our canonical forms (ingestion.md §1.4), to join patents.
    us_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    us_appno_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    patent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("patents.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at()


class FamilyPriorityClaim(Base):
    __tablename__ = "family_priority_claims"
    __table_args__ = (Index("ix_family_priority_claims_member_id", "member_id"),)

    id: Mapped[uuid.UUID] = uuid_pk()
    member_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True),
        ForeignKey("patent_family_members.id", ondelete="CASCADE"),
        nullable=False,
    )
    sequence: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2))
    doc_number: Mapped[str] = mapped_column(String(30), nullable=False)
    doc_kind: Mapped[str | None] = mapped_column(String(2))
    claim_date: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool | None] = mapped_column(Boolean)
    linkage_type: Mapped[str | None] = mapped_column(String(10))


class FamilyLookup(Base):
    """One OPS query and its outcome, 404 "no family" included (§2.7 Δ family_lookups)."""

    __tablename__ = "family_lookups"
    __table_args__ = (UniqueConstraint("query_key", name="uq_family_lookups_query_key"),)

    id: Mapped[uuid.UUID] = uuid_pk()
    query_key: Mapped[str] = mapped_column(String(80), nullable=False)
    family_id: Mapped[str | None] = mapped_column(String(50))
    http_status: Mapped[int] = mapped_column(Integer, nullable=False)
    member_count: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    next_refresh_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()
