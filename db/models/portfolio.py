"""The org's portfolio [T] (domain-model §7): its companies and the assets it tracks.

`assets` doc numbers are what turns a new conveyance into "these organizations must
recompute" (ingestion.md §1.1 step 8).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ARRAY, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk

_LIVE = sql_text("deleted_at IS NULL")


class Company(Base):
    __tablename__ = "companies"
    __table_args__ = (
        Index("ix_companies_organization_id", "organization_id", postgresql_where=_LIVE),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False
    )
    name: Mapped[str] = mapped_column(Text, nullable=False)
    original_name: Mapped[str | None] = mapped_column(Text)
    # D8: the org's own spellings of this company, matched against party names.
    aliases: Mapped[list[str]] = mapped_column(
        ARRAY(Text), nullable=False, server_default=sql_text("'{}'::text[]")
    )
    representative_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("representatives.id", ondelete="SET NULL")
    )
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("companies.id", ondelete="SET NULL")
    )
    is_group: Mapped[bool] = mapped_column(nullable=False, server_default=sql_text("false"))
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="active")
    domain: Mapped[str | None] = mapped_column(Text)
    logo_storage_key: Mapped[str | None] = mapped_column(Text)
    enriched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    enrichment_data: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    legacy_company_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Asset(Base):
    __tablename__ = "assets"
    __table_args__ = (
        CheckConstraint(
            "appno_doc_num IS NOT NULL OR grant_doc_num IS NOT NULL", name="doc_number"
        ),
        CheckConstraint("layout_id IN (14, 15)", name="layout_id"),
        Index("ix_assets_organization_id", "organization_id", postgresql_where=_LIVE),
        Index("ix_assets_representative_id", "representative_id", postgresql_where=_LIVE),
        Index("ix_assets_appno_doc_num", "appno_doc_num", postgresql_where=_LIVE),
        Index("ix_assets_grant_doc_num", "grant_doc_num", postgresql_where=_LIVE),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False
    )
    representative_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("representatives.id", ondelete="SET NULL")
    )
    company_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("companies.id", ondelete="SET NULL")
    )
    appno_doc_num: Mapped[str | None] = mapped_column(String(20))
    grant_doc_num: Mapped[str | None] = mapped_column(String(20))
    # 15 standard, 14 application-only (domain-model §12.5).
    layout_id: Mapped[int] = mapped_column(Integer, nullable=False, server_default="15")
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
