"""Organization bodies: the tenant's own view (§3.4 #33-34) and the platform's (§3.5)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from api.schemas.common import CamelModel, Email
from api.schemas.users import UserItem

OrgStatus = Literal["active", "trial", "suspended", "cancelled"]


class OrgSettings(CamelModel):
    """api.md #33 `settings`: the org's dark-mode default (R24) and which integrations are
    connected. No integration is connectable in v1 (D3 defers Drive/Teams; Slack comes
    with the integrations issue), so the flags are false until those land."""

    dark_mode: bool = False
    slack_connected: bool = False
    teams_connected: bool = False
    google_drive_connected: bool = False


class OrgDetail(CamelModel):
    id: uuid.UUID
    name: str
    slug: str
    status: OrgStatus
    mfa_required: bool
    user_count: int
    created_at: datetime
    # api.md #33 (issue 7); null in the platform's org list, which does not count them.
    entity_count: int | None = None
    asset_count: int | None = None
    settings: OrgSettings | None = None


class OrgPatch(CamelModel):
    name: Annotated[str | None, Field(min_length=1, max_length=500)] = None
    mfa_required: bool | None = None


class AdminOrgCreate(CamelModel):
    name: Annotated[str, Field(min_length=1, max_length=500)]
    admin_email: Email
    admin_name: Annotated[str, Field(min_length=1, max_length=255)]
    status: Literal["active", "trial"] = "active"


class AdminOrgCreated(CamelModel):
    id: uuid.UUID
    name: str
    admin_user_id: uuid.UUID
    status: OrgStatus


class AdminOrgDetail(OrgDetail):
    users: list[UserItem]


class AdminOrgPatch(CamelModel):
    name: Annotated[str | None, Field(min_length=1, max_length=500)] = None
    status: OrgStatus | None = None
    mfa_required: bool | None = None


class AuditItem(CamelModel):
    id: uuid.UUID
    organization_id: uuid.UUID | None
    actor_type: str
    actor_user_id: uuid.UUID | None
    action: str
    resource_type: str | None
    resource_id: str | None
    request_id: str | None
    ip_address: str | None
    user_agent: str | None
    details: dict[str, Any] | None
    created_at: datetime
