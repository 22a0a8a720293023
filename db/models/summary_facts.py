"""Per-asset summary facts [T] (issue 6; business-rules BR-041..043, migration 0014).

One row per org asset with everything it contributes to the BR-043 summary metrics
(domain/titles/summary_facts.py `AssetFacts`); tuples are parallel arrays. Step 7 rewrites
the facts of the assets a run touched and aggregates the org's facts in SQL
(db/repos/summary_facts.py). `company_id` mirrors `assets.company_id` and, like it, is
not tied to a live company row (no foreign key).
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ARRAY, Date, Index, Integer, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.models.columns import RunWritten, TenantKey
from db.models.derived import asset_fk


class SummaryAssetFacts(TenantKey, RunWritten, Base):
    """BR-043: what one asset contributes to its company's and the org's summary rows."""

    __tablename__ = "summary_asset_facts"
    __table_args__ = (
        UniqueConstraint(
            "organization_id", "asset_id", name="uq_summary_asset_facts_organization_id_asset_id"
        ),
        Index("ix_summary_asset_facts_organization_id_company_id", "organization_id", "company_id"),
    )

    asset_id: Mapped[uuid.UUID] = asset_fk()
    asset_key: Mapped[str] = mapped_column(Text, nullable=False)
    company_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    layout_id: Mapped[int] = mapped_column(Integer, nullable=False)
    appno_date: Mapped[date | None] = mapped_column(Date)
    rf_ids: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    arrows: Mapped[list[int]] = mapped_column(ARRAY(Integer), nullable=False)
    inventors: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    backfill: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    third_party_ids: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    third_person_keys: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    activity_company_ids: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    activity_ids: Mapped[list[int]] = mapped_column(ARRAY(Integer), nullable=False)
    activity_counterparties: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
