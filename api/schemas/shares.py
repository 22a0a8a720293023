"""Share links and the public shared views (api.md §2.7, §3.6; BR-044..047, D5, D11)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from api.schemas.common import CamelModel


class ExpiresIn(StrEnum):
    """D11 / R13: the expiry presets; no "never", at most 90 days."""

    one_hour = "1h"
    one_day = "24h"
    one_week = "7d"
    thirty_days = "30d"
    ninety_days = "90d"

    @property
    def delta(self) -> timedelta:
        return {
            "1h": timedelta(hours=1),
            "24h": timedelta(hours=24),
            "7d": timedelta(days=7),
            "30d": timedelta(days=30),
            "90d": timedelta(days=90),
        }[self.value]


ShareName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
# api.md §1.8: share `assetIds` ≤ 100.
AssetIds = Annotated[list[uuid.UUID], Field(min_length=1, max_length=100)]
MaxUses = Annotated[int, Field(ge=1, le=10000)]


def _distinct(ids: list[uuid.UUID] | None) -> list[uuid.UUID] | None:
    if ids is not None and len(set(ids)) != len(ids):
        raise ValueError("asset ids must be distinct")
    return ids


class ShareCreate(CamelModel):
    name: ShareName
    asset_ids: AssetIds
    expires_in: ExpiresIn = ExpiresIn.thirty_days
    max_uses: MaxUses | None = None
    # §2.7: diagram and asset list on, connections off by default.
    allow_diagram: bool = True
    allow_asset_list: bool = True
    allow_connections: bool = False

    _unique = field_validator("asset_ids")(_distinct)


class ShareUpdate(CamelModel):
    """Any create field (§3.6 #58); a new `expiresIn` counts from now."""

    name: ShareName | None = None
    asset_ids: AssetIds | None = None
    expires_in: ExpiresIn | None = None
    max_uses: MaxUses | None = None
    allow_diagram: bool | None = None
    allow_asset_list: bool | None = None
    allow_connections: bool | None = None

    _unique = field_validator("asset_ids")(_distinct)


class SharePermissions(CamelModel):
    diagram: bool
    asset_list: bool
    connections: bool


class ShareState(StrEnum):
    """frontend.md §3.9 list state (a revoked link is not listed)."""

    active = "active"
    expired = "expired"
    used_up = "used_up"


class ShareItem(CamelModel):
    id: uuid.UUID
    code: str
    name: str
    url: str
    asset_count: int
    asset_ids: list[uuid.UUID]
    expires_at: datetime
    max_uses: int | None
    current_uses: int
    is_active: bool
    state: ShareState
    permissions: SharePermissions
    created_by: uuid.UUID | None
    created_at: datetime
    last_accessed_at: datetime | None


class ShareListItem(CamelModel):
    id: uuid.UUID
    code: str
    name: str
    url: str
    asset_count: int
    expires_at: datetime
    max_uses: int | None
    current_uses: int
    is_active: bool
    state: ShareState
    permissions: SharePermissions
    created_by: uuid.UUID | None
    created_at: datetime
    last_accessed_at: datetime | None


class AccessLogItem(CamelModel):
    accessed_at: datetime
    ip_address: str | None
    user_agent: str | None
    outcome: str = Field(description="BR-047: ok, expired, exhausted or revoked")


class SharedEntry(CamelModel):
    """§3.6 #60: what the viewer's landing page shows."""

    organization_name: str
    logo_url: str | None
    permissions: SharePermissions
    asset_count: int
    expires_at: datetime


class SharedAsset(CamelModel):
    id: uuid.UUID
    grant_number: str | None
    application_number: str | None
    title: str | None
    status: str | None
    current_assignee: str | None


class SharedParty(CamelModel):
    name: str


class SharedConnection(CamelModel):
    """§3.6 #63: one conveyance of a shared asset (R25: named by rfId)."""

    rf_id: str
    conveyance_text: str | None
    conveyance_type: str | None
    record_date: date | None
    execution_date: date | None
    assignors: list[SharedParty]
    assignees: list[SharedParty]
    color: str | None
