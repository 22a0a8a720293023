"""Patent assignment core and party names [S] (domain-model §2-3, legacy column names).

Written only by ingestion (the worker role); read by everyone (D7). Children of an
assignment are replaced as a set when a newer record arrives (ingestion.md §2.1).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk

DOC_NUM = String(20)


class Representative(Base):
    """Canonical name grouping entities (§3); filled by the normalization job."""

    __tablename__ = "representatives"
    __table_args__ = (
        Index(
            "uq_representatives_lower_name", func.lower(text("representative_name")), unique=True
        ),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    representative_name: Mapped[str] = mapped_column(Text, nullable=False)
    total_instances: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class Entity(Base):
    """A raw party name as recorded, unique case-insensitively (legacy assignor_and_assignee)."""

    __tablename__ = "entities"
    __table_args__ = (
        Index("uq_entities_lower_name", func.lower(text("name")), unique=True),
        Index("ix_entities_representative_id", "representative_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    name: Mapped[str] = mapped_column(Text, nullable=False)
    instances: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    representative_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("representatives.id", ondelete="RESTRICT")
    )
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class Assignment(Base):
    """One recorded reel/frame; `rf_id` = RRRRRR-FFFF is the natural key (BR-059)."""

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("rf_id", name="uq_assignments_rf_id"),
        CheckConstraint("status IN ('active', 'void')", name="status"),
        Index("ix_assignments_record_dt", text("record_dt DESC")),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    rf_id: Mapped[str] = mapped_column(String(50), nullable=False)
    reel_no: Mapped[str] = mapped_column(String(20), nullable=False)
    frame_no: Mapped[str] = mapped_column(String(20), nullable=False)
    convey_text: Mapped[str | None] = mapped_column(Text)
    record_dt: Mapped[date | None] = mapped_column(Date)
    exec_dt: Mapped[date | None] = mapped_column(Date)
    cname: Mapped[str | None] = mapped_column(Text)
    correspondent: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    page_count: Mapped[int | None] = mapped_column(Integer)
    # 'void' when the USPTO purged the record (purge-indicator Y, §3 quirk 13).
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="active")
    purge_indicator: Mapped[str | None] = mapped_column(String(1))
    last_update_dt: Mapped[date | None] = mapped_column(Date)
    transaction_date: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), nullable=False, server_default="daily_xml")
    # SHA-256 of everything recorded (parent and children): an identical replay is a no-op.
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    ingestion_job_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("ingestion_jobs.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class DocumentId(Base):
    """One patent property of an assignment (assignment ↔ patent, M:N)."""

    __tablename__ = "document_ids"
    __table_args__ = (
        CheckConstraint(
            "appno_doc_num IS NOT NULL OR grant_doc_num IS NOT NULL OR pgpub_doc_num IS NOT NULL",
            name="doc_number",
        ),
        # BR-059 natural key; NULLS NOT DISTINCT (domain-model §15 #14).
        UniqueConstraint(
            "assignment_id",
            "appno_doc_num",
            "grant_doc_num",
            name="uq_document_ids_assignment_id_appno_doc_num_grant_doc_num",
            postgresql_nulls_not_distinct=True,
        ),
        Index(
            "ix_document_ids_appno_doc_num",
            "appno_doc_num",
            postgresql_where=text("appno_doc_num IS NOT NULL"),
        ),
        Index(
            "ix_document_ids_grant_doc_num",
            "grant_doc_num",
            postgresql_where=text("grant_doc_num IS NOT NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    assignment_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False
    )
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    appno_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    appno_date: Mapped[date | None] = mapped_column(Date)
    pgpub_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    pgpub_date: Mapped[date | None] = mapped_column(Date)
    grant_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    grant_date: Mapped[date | None] = mapped_column(Date)
    pct_doc_num: Mapped[str | None] = mapped_column(String(30))
    title: Mapped[str | None] = mapped_column(Text)
    title_lang: Mapped[str | None] = mapped_column(String(10))
    raw_ids: Mapped[list[Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = created_at()


class Assignor(Base):
    __tablename__ = "assignors"
    __table_args__ = (
        UniqueConstraint("assignment_id", "seq", name="uq_assignors_assignment_id_seq"),
        Index("ix_assignors_entity_id", "entity_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    assignment_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False
    )
    entity_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("entities.id", ondelete="RESTRICT"), nullable=False
    )
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    or_name: Mapped[str] = mapped_column(Text, nullable=False)
    exec_dt: Mapped[date | None] = mapped_column(Date)
    ack_dt: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = created_at()


class Assignee(Base):
    __tablename__ = "assignees"
    __table_args__ = (
        UniqueConstraint("assignment_id", "seq", name="uq_assignees_assignment_id_seq"),
        Index("ix_assignees_entity_id", "entity_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    assignment_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False
    )
    entity_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("entities.id", ondelete="RESTRICT"), nullable=False
    )
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    ee_name: Mapped[str] = mapped_column(Text, nullable=False)
    ee_address_1: Mapped[str | None] = mapped_column(Text)
    ee_address_2: Mapped[str | None] = mapped_column(Text)
    ee_city: Mapped[str | None] = mapped_column(Text)
    ee_state: Mapped[str | None] = mapped_column(Text)
    ee_postcode: Mapped[str | None] = mapped_column(Text)
    ee_country: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at()
