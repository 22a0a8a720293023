"""User administration bodies (api.md §3.4 #41-44 + unlock)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from api.schemas.common import CamelModel, Email

OrgRole = Literal["org_admin", "org_member"]
UserStatus = Literal["active", "invited", "locked", "inactive"]


class UserItem(CamelModel):
    id: uuid.UUID
    email: str
    name: str
    role: Literal["super_admin", "org_admin", "org_member"]
    status: UserStatus
    mfa_enabled: bool
    last_login_at: datetime | None
    created_at: datetime


class InviteRequest(CamelModel):
    email: Email
    name: Annotated[str, Field(min_length=1, max_length=255)]
    role: OrgRole = "org_member"


class InviteResponse(CamelModel):
    user_id: uuid.UUID
    invitation_sent: bool


class UserPatch(CamelModel):
    role: OrgRole
