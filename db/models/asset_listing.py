"""The asset list's read model [T] (migration 0012): one row per live asset with its
bibliographic face, its verdict and one C-collated sort key per list sort. Triggers on
`assets` and `asset_ownership` keep it current; nothing writes it directly."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base

SORTS = ("application_number", "grant_number", "application_date", "grant_date", "title")


class AssetListing(Base):
    __tablename__ = "asset_listing"
    __table_args__ = (
        *(
            Index(f"ix_asset_listing_org_{k}", "organization_id", f"sk_{k}", "asset_id")
            for k in SORTS
        ),
        Index("ix_asset_listing_org_company", "organization_id", "company_id"),
    )

    asset_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True),
        ForeignKey("assets.id", ondelete="CASCADE", name="fk_asset_listing_asset_id"),
        primary_key=True,
    )
    organization_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True),
        ForeignKey("organizations.id", ondelete="CASCADE", name="fk_asset_listing_organization_id"),
        nullable=False,
    )
    company_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    appno: Mapped[str | None] = mapped_column(String(20))
    grant_no: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(Text)
    appno_date: Mapped[date | None] = mapped_column(Date)
    grant_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String(20))
    sk_application_number: Mapped[str] = mapped_column(Text(collation="C"), nullable=False)
    sk_grant_number: Mapped[str] = mapped_column(Text(collation="C"), nullable=False)
    sk_application_date: Mapped[str] = mapped_column(Text(collation="C"), nullable=False)
    sk_grant_date: Mapped[str] = mapped_column(Text(collation="C"), nullable=False)
    sk_title: Mapped[str] = mapped_column(Text(collation="C"), nullable=False)
