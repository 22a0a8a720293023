"""Event feeds (api.md §3.3 #29-31)."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Any

from api.schemas.common import CamelModel


class EventType(StrEnum):
    assignment = "assignment"
    maintenance = "maintenance"
    pipeline = "pipeline"
    all = "all"


class FeeStatusFilter(StrEnum):
    paid = "paid"
    due = "due"
    surcharge = "surcharge"
    expired = "expired"
    all = "all"


class FeeWindowFilter(StrEnum):
    y3_5 = "3.5_year"
    y7_5 = "7.5_year"
    y11_5 = "11.5_year"
    all = "all"


class EventItem(CamelModel):
    id: uuid.UUID
    type: EventType
    date: date | None
    title: str
    description: str | None
    asset_id: uuid.UUID | None
    metadata: dict[str, Any]


class MaintenanceEvent(CamelModel):
    id: uuid.UUID
    asset_id: uuid.UUID
    grant_number: str
    title: str | None
    event_code: str
    event_date: date
    description: str | None
    fee_window: str | None
    status: str | None
    due_date: date | None


class RecentAssignment(CamelModel):
    id: uuid.UUID
    rf_id: str
    record_date: date | None
    conveyance_type: str
    conveyance_text: str | None
    assignor_name: str | None
    assignee_name: str | None
    affected_assets: int
    color: str
