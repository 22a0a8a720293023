"""Per-asset reference data (api.md §3.2 #15-17; D2): EPO family, CPC hierarchy, fees."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from api.schemas.common import CamelModel

CpcLevel = Literal["section", "class", "subclass", "main_group", "subgroup"]
FeeWindowLabel = Literal["3.5_year", "7.5_year", "11.5_year"]


class FamilyMember(CamelModel):
    id: uuid.UUID
    family_id: str = Field(description="EPO DOCDB simple family id.")
    application_number: str | None
    publication_number: str
    country: str | None = Field(description="ISO-2 country of the publication.")
    kind: str | None
    title: str | None = Field(description="Known only for members in the patents table.")
    filing_date: date | None
    publication_date: date | None
    is_representative: bool


class FamilyList(BaseModel):
    """api.md §1.2 bounded list plus named aggregates."""

    data: list[FamilyMember]
    familyIds: list[str]
    totalMembers: int
    countries: list[str]


class CpcNode(CamelModel):
    code: str
    level: CpcLevel
    description: str | None = Field(description="Null when the CPC scheme is not loaded.")
    parent_code: str | None
    assigned: bool = Field(description="Classified on this asset (else an ancestor).")
    is_main: bool | None = None
    is_inventive: bool | None = None


class CpcList(BaseModel):
    data: list[CpcNode]
    totalAssigned: int


class FeeEvent(CamelModel):
    id: uuid.UUID
    event_code: str
    event_date: date
    description: str | None
    fee_window: FeeWindowLabel | None
    status: Literal["paid", "due", "surcharge", "expired"] | None = Field(
        description="What the event says about its window; null for informational events."
    )
    entity_status: str | None


class FeeWindowOut(CamelModel):
    label: FeeWindowLabel
    window_open: date
    due_date: date
    grace_end: date
    paid_on: date | None
    status: str


class FeeStatus(CamelModel):
    """D2: the grant's maintenance-fee status on `asOf` and its expiry forecast."""

    status: str = Field(description="paid | due | surcharge | expired | not_required | unknown")
    as_of: date
    paid_through: str | None
    next_window: str | None
    window_open: date | None
    due_date: date | None
    grace_end: date | None = Field(description="Expiry date if the next fee stays unpaid.")
    expired_on: date | None
    windows: list[FeeWindowOut]


class MaintenanceList(BaseModel):
    data: list[FeeEvent]
    grantNumber: str | None
    feeStatus: FeeStatus | None


def fee_windows(raw: list[dict[str, Any]]) -> list[FeeWindowOut]:
    return [FeeWindowOut.model_validate(w) for w in raw]
