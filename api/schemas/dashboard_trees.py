"""One ownership tree and the CPC word cloud (api.md §3.3 #25, #28)."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import BaseModel

from api.schemas.common import CamelModel


class TreeAsset(CamelModel):
    id: uuid.UUID
    grant_number: str | None
    application_number: str | None
    title: str | None
    status: str | None


class DateRange(CamelModel):
    earliest: date | None
    latest: date | None


class TransactionSummary(CamelModel):
    total_assignments: int
    total_assignors: int
    total_assignees: int
    date_range: DateRange


class TreeDetail(CamelModel):
    id: uuid.UUID
    company_id: uuid.UUID
    entity_name: str
    tree_type: int
    tab: int
    color: str
    asset_count: int
    last_activity_date: date | None
    rf_ids: list[str]
    assets: list[TreeAsset]
    transaction_summary: TransactionSummary


class CpcCloudLevel(StrEnum):
    section = "section"
    cpc_class = "class"
    subclass = "subclass"


class CpcCloudItem(CamelModel):
    code: str
    description: str | None
    count: int
    weight: float


class CpcCloud(BaseModel):
    data: list[CpcCloudItem]
    level: CpcCloudLevel
    year: int | None
    totalAssets: int
