"""Share links [T] (domain-model §8, BR-044..047, D11): a link, its 1-100 assets and
the log of every visit. The asset list is a join table (R13), not a uuid[] column."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import INET, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk

DEFAULT_PERMISSIONS = """'{"diagram": true, "assetList": true, "connections": false}'::jsonb"""


def _org() -> Mapped[uuid.UUID]:
    return mapped_column(
        UUID(as_uuid=True), ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False
    )


def _link() -> Mapped[uuid.UUID]:
    return mapped_column(
        UUID(as_uuid=True), ForeignKey("share_links.id", ondelete="CASCADE"), nullable=False
    )


class ShareLink(Base):
    __tablename__ = "share_links"
    __table_args__ = (
        CheckConstraint("max_uses IS NULL OR max_uses BETWEEN 1 AND 10000", name="max_uses"),
        CheckConstraint("use_count >= 0", name="use_count"),
        Index("uq_share_links_code", "code", unique=True),
        Index("ix_share_links_organization_id_created_at", "organization_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = _org()
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # BR-044: CUID2-format, lower-case alphanumeric starting with a letter.
    code: Mapped[str] = mapped_column(String(32), nullable=False)
    permissions: Mapped[dict[str, Any]] = mapped_column(
        JSONB, nullable=False, server_default=sql_text(DEFAULT_PERMISSIONS)
    )
    # D11: every link expires (at most 90 days); there is no "never".
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    max_uses: Mapped[int | None] = mapped_column(Integer)
    use_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="SET NULL")
    )
    last_accessed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()
    # Revocation (api.md §2.7 Manage): a soft delete, so the access log survives.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ShareLinkAsset(Base):
    __tablename__ = "share_link_assets"
    __table_args__ = (Index("ix_share_link_assets_asset_id", "asset_id"),)

    share_link_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True),
        ForeignKey("share_links.id", ondelete="CASCADE"),
        primary_key=True,
    )
    asset_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("assets.id", ondelete="CASCADE"), primary_key=True
    )
    # §11.3 (7): denormalised so the tenant policy is an indexable equality.
    organization_id: Mapped[uuid.UUID] = _org()


class ShareAccessLog(Base):
    __tablename__ = "share_access_logs"
    __table_args__ = (
        Index("ix_share_access_logs_share_link_id_accessed_at", "share_link_id", "accessed_at"),
        Index("ix_share_access_logs_organization_id", "organization_id"),
        Index("ix_share_access_logs_accessed_at", "accessed_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = _org()
    share_link_id: Mapped[uuid.UUID] = _link()
    ip_address: Mapped[str | None] = mapped_column(INET)
    user_agent: Mapped[str | None] = mapped_column(Text)
    # BR-047: every attempt on a known link, with what it got (ok, expired, ...).
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    accessed_at: Mapped[datetime] = created_at()
