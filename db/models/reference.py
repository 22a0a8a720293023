"""Bibliographic reference data [S] (domain-model §2, §4; ingestion.md §2.2-2.5).

Written only by ingestion (the worker role), read by everyone (D7). `patents` is keyed by
the application number (fallback: the grant number, ingestion.md §2.2 upsert); its
children are replaced as a set when a newer document is accepted. CPC tables carry no FK
between them (domain-model §4 Δ: the monthly replacement must not be blocked by one).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk

DOC_NUM = String(20)
PATENT_TYPES = "patent_type IN ('application', 'grant')"
FEE_STATUSES = ("paid", "due", "surcharge", "expired", "not_required", "unknown")
# Where a bibliographic child row came from: weekly XML, or the search API (D20 inventors).
BIBLIO_SOURCES = "source IN ('grant_xml', 'application_xml', 'search_api')"
CPC_SOURCES = "source IN ('mcf', 'grant_xml', 'application_xml')"


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Patent(Base):
    """One US application and its grant/publication (§2; ingestion.md §2.2, §2.3)."""

    __tablename__ = "patents"
    __table_args__ = (
        UniqueConstraint("appno_doc_num", name="uq_patents_appno_doc_num"),
        UniqueConstraint("grant_doc_num", name="uq_patents_grant_doc_num"),
        CheckConstraint(
            "appno_doc_num IS NOT NULL OR grant_doc_num IS NOT NULL", name="doc_number"
        ),
        CheckConstraint("layout_id IN (14, 15)", name="layout_id"),
        CheckConstraint(
            f"maintenance_fee_status IS NULL OR {_in('maintenance_fee_status', FEE_STATUSES)}",
            name="maintenance_fee_status",
        ),
        Index(
            "ix_patents_pgpub_doc_num",
            "pgpub_doc_num",
            postgresql_where=text("pgpub_doc_num IS NOT NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    appno_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    grant_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    pgpub_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)
    title: Mapped[str | None] = mapped_column(Text)
    appno_date: Mapped[date | None] = mapped_column(Date)
    grant_date: Mapped[date | None] = mapped_column(Date)
    pgpub_date: Mapped[date | None] = mapped_column(Date)
    # 15 once a grant exists, else 14 (domain-model §2 Δ).
    layout_id: Mapped[int] = mapped_column(Integer, nullable=False, server_default="15")
    grant_kind: Mapped[str | None] = mapped_column(String(4))
    pgpub_kind: Mapped[str | None] = mapped_column(String(4))
    appl_type: Mapped[str | None] = mapped_column(String(20))
    series_code: Mapped[str | None] = mapped_column(String(4))
    claims_count: Mapped[int | None] = mapped_column(Integer)
    independent_claims_count: Mapped[int | None] = mapped_column(Integer)
    term_extension_days: Mapped[int | None] = mapped_column(Integer)
    length_of_grant: Mapped[int | None] = mapped_column(Integer)
    disclaimer: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="false")
    dtd_version: Mapped[str | None] = mapped_column(String(20))
    maintenance_fee_status: Mapped[str | None] = mapped_column(String(20))
    # SHA-256 of the last accepted grant / publication document: an identical replay is a no-op.
    grant_hash: Mapped[str | None] = mapped_column(String(64))
    pgpub_hash: Mapped[str | None] = mapped_column(String(64))
    ingestion_job_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("ingestion_jobs.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class _BiblioChild:
    """Columns shared by rows hanging off one grant or publication document."""

    id: Mapped[uuid.UUID] = uuid_pk()
    # Grant number for grants, 11-digit publication number for applications (§3 inventors).
    patent_doc_num: Mapped[str] = mapped_column(DOC_NUM, nullable=False)
    patent_type: Mapped[str] = mapped_column(String(20), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = created_at()


class Inventor(_BiblioChild, Base):
    """A bibliographic inventor (§3): what D19's inferred inventors are replaced by."""

    __tablename__ = "inventors"
    __table_args__ = (
        CheckConstraint(PATENT_TYPES, name="patent_type"),
        CheckConstraint(BIBLIO_SOURCES, name="source"),
        Index("ix_inventors_patent_doc_num_patent_type", "patent_doc_num", "patent_type"),
        Index("ix_inventors_patent_id", "patent_id"),
    )

    patent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("patents.id", ondelete="CASCADE")
    )
    entity_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("entities.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(Text, nullable=False)
    first_name: Mapped[str | None] = mapped_column(Text)
    middle_name: Mapped[str | None] = mapped_column(Text)
    last_name: Mapped[str | None] = mapped_column(Text)
    suffix: Mapped[str | None] = mapped_column(Text)
    canonical_name: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)


class DocumentParty(_BiblioChild, Base):
    """Applicants, assignees at issue and agents of a document (ingestion.md §2.2 Δ)."""

    __tablename__ = "document_parties"
    __table_args__ = (
        CheckConstraint(PATENT_TYPES, name="patent_type"),
        CheckConstraint(BIBLIO_SOURCES, name="source"),
        CheckConstraint("role IN ('applicant', 'assignee', 'agent')", name="role"),
        Index("ix_document_parties_patent_doc_num_patent_type", "patent_doc_num", "patent_type"),
        Index("ix_document_parties_patent_id", "patent_id"),
    )

    patent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("patents.id", ondelete="CASCADE")
    )
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    orgname: Mapped[str | None] = mapped_column(Text)
    first_name: Mapped[str | None] = mapped_column(Text)
    last_name: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    app_type: Mapped[str | None] = mapped_column(String(50))
    # §2.3: under the AIA an applicant with this category is the chain's first owner.
    authority_category: Mapped[str | None] = mapped_column(String(50))
    assignee_type: Mapped[str | None] = mapped_column(String(4))


class PatentPriorityClaim(_BiblioChild, Base):
    """A foreign priority claim of a grant or publication."""

    __tablename__ = "patent_priority_claims"
    __table_args__ = (
        CheckConstraint(PATENT_TYPES, name="patent_type"),
        CheckConstraint(BIBLIO_SOURCES, name="source"),
        Index(
            "ix_patent_priority_claims_patent_doc_num_patent_type", "patent_doc_num", "patent_type"
        ),
    )

    patent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("patents.id", ondelete="CASCADE")
    )
    country: Mapped[str | None] = mapped_column(String(4))
    doc_number: Mapped[str] = mapped_column(String(40), nullable=False)
    kind: Mapped[str | None] = mapped_column(String(20))
    claim_date: Mapped[date | None] = mapped_column(Date)


class ApplicationRelation(_BiblioChild, Base):
    """`us-related-documents` (continuations, divisions, …) joining title chains (§2.2 Δ)."""

    __tablename__ = "application_relations"
    __table_args__ = (
        CheckConstraint(PATENT_TYPES, name="patent_type"),
        CheckConstraint(BIBLIO_SOURCES, name="source"),
        Index(
            "ix_application_relations_patent_doc_num_patent_type", "patent_doc_num", "patent_type"
        ),
        Index("ix_application_relations_parent_appno", "parent_appno"),
    )

    patent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("patents.id", ondelete="CASCADE")
    )
    relation: Mapped[str] = mapped_column(String(40), nullable=False)
    child_appno: Mapped[str | None] = mapped_column(String(40))
    parent_appno: Mapped[str] = mapped_column(String(40), nullable=False)
    parent_appno_raw: Mapped[str] = mapped_column(String(40), nullable=False)
    parent_country: Mapped[str | None] = mapped_column(String(4))
    parent_kind: Mapped[str | None] = mapped_column(String(20))
    parent_date: Mapped[date | None] = mapped_column(Date)
    parent_status: Mapped[str | None] = mapped_column(String(40))
    parent_grant_doc_num: Mapped[str | None] = mapped_column(DOC_NUM)


class PatentCpcCode(Base):
    """Current CPC of a document: the monthly MCF (§2.4), or weekly XML until the next MCF."""

    __tablename__ = "patent_cpc_codes"
    __table_args__ = (
        CheckConstraint(PATENT_TYPES, name="patent_type"),
        CheckConstraint(CPC_SOURCES, name="source"),
        Index("ix_patent_cpc_codes_patent_doc_num_patent_type", "patent_doc_num", "patent_type"),
        # domain-model §4 Δ: prefix searches (`LIKE 'H04L%'`).
        Index(
            "ix_patent_cpc_codes_cpc_code",
            "cpc_code",
            postgresql_ops={"cpc_code": "text_pattern_ops"},
        ),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    patent_doc_num: Mapped[str] = mapped_column(DOC_NUM, nullable=False)
    patent_type: Mapped[str] = mapped_column(String(20), nullable=False)
    cpc_code: Mapped[str] = mapped_column(String(50), nullable=False)
    cpc_level: Mapped[int] = mapped_column(Integer, nullable=False)
    is_inventive: Mapped[bool] = mapped_column(Boolean, nullable=False)
    is_main: Mapped[bool] = mapped_column(Boolean, nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    version_date: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    created_at: Mapped[datetime] = created_at()


class CpcClassification(Base):
    """One node of the CPC scheme with its title (§4; ingestion.md §2.5)."""

    __tablename__ = "cpc_classifications"
    __table_args__ = (
        UniqueConstraint("cpc_code", name="uq_cpc_classifications_cpc_code"),
        CheckConstraint("level BETWEEN 1 AND 9", name="level"),
        Index("ix_cpc_classifications_parent_id", "parent_id"),
        Index("ix_cpc_classifications_section_class", "section", "class"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    cpc_code: Mapped[str] = mapped_column(String(50), nullable=False)
    section: Mapped[str] = mapped_column(String(1), nullable=False)
    cpc_class: Mapped[str | None] = mapped_column("class", String(2))
    subclass: Mapped[str | None] = mapped_column(String(1))
    main_group: Mapped[str | None] = mapped_column(String(10))
    subgroup: Mapped[str | None] = mapped_column(String(10))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("cpc_classifications.id", ondelete="SET NULL")
    )
    title: Mapped[str | None] = mapped_column(Text)
    # 1 section … 5 subgroup; dots separately (subgroups reach 11 dots, §2.5).
    level: Mapped[int] = mapped_column(Integer, nullable=False)
    dot_level: Mapped[int | None] = mapped_column(Integer)
    title_cpc_only: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="false")
    not_allocatable: Mapped[bool | None] = mapped_column(Boolean)
    scheme_version: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()
