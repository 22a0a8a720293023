"""Auth and profile bodies (api.md §3.1)."""

from __future__ import annotations

import json
import math
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StrictBool, StringConstraints, field_validator
from pydantic.json_schema import JsonDict

from api.schemas.common import CamelModel, Email

Password = Annotated[str, Field(min_length=1, max_length=128)]
Token = Annotated[str, Field(min_length=16, max_length=200)]
Role = Literal["super_admin", "org_admin", "org_member"]


class LoginRequest(CamelModel):
    email: Email
    password: Password


class SessionUser(CamelModel):
    id: uuid.UUID
    email: str
    name: str
    organization_id: uuid.UUID
    role: Role
    mfa_enabled: bool
    password_change_required: bool = False


class LoginResponse(CamelModel):
    """Either the signed-in user (cookies set) or an MFA challenge (no cookies)."""

    mfa_required: bool
    user: SessionUser | None = None
    mfa_token: str | None = None


class RefreshResponse(CamelModel):
    expires_at: datetime


class RegisterRequest(CamelModel):
    email: Email
    password: Password
    name: Annotated[str, Field(min_length=1, max_length=255)]
    organization_name: Annotated[str | None, Field(max_length=500)] = None


class RegisterResponse(CamelModel):
    verification_required: bool = True
    message: str


class TokenRequest(CamelModel):
    token: Token


class EmailRequest(CamelModel):
    email: Email


class ResetPasswordRequest(CamelModel):
    token: Token
    password: Password


class ChangePasswordRequest(CamelModel):
    current_password: Password
    new_password: Password


class AcceptInviteRequest(CamelModel):
    token: Token
    password: Password
    name: Annotated[str | None, Field(max_length=255)] = None


class VerifiedResponse(CamelModel):
    verified: bool = True


class MfaSetupResponse(CamelModel):
    secret: str
    qr_code_url: str = Field(description="otpauth:// URI for authenticator apps")
    backup_codes: list[str]


class MfaCodeRequest(CamelModel):
    code: Annotated[str, Field(min_length=6, max_length=16)]


class MfaVerifyRequest(CamelModel):
    mfa_token: Token
    code: Annotated[str, Field(min_length=6, max_length=16)]
    is_backup_code: bool = False


class MfaDisableRequest(CamelModel):
    password: Password
    code: Annotated[str, Field(min_length=6, max_length=16)]


class MfaStatus(CamelModel):
    mfa_enabled: bool


class MeOrganization(CamelModel):
    id: uuid.UUID
    name: str
    status: str
    mfa_required: bool


# api.md §3.1 PATCH /me: savedSelections is the SPA's own state, stored as given, so its
# size and shape are bounded here (jsonb rejects NUL and non-finite numbers: refused too).
MAX_SAVED_SELECTION_KEYS = 50
MAX_SAVED_SELECTION_KEY_LENGTH = 100
MAX_SAVED_SELECTIONS_BYTES = 8 * 1024
MAX_SAVED_SELECTIONS_DEPTH = 6

# A display name: no control characters (Postgres text cannot hold NUL).
DisplayName = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=255, pattern=r"^[^\x00-\x1f\x7f]+$"
    ),
]


def _check_json(value: Any, depth: int) -> None:
    if depth > MAX_SAVED_SELECTIONS_DEPTH:
        raise ValueError(f"must not nest deeper than {MAX_SAVED_SELECTIONS_DEPTH} levels")
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("must contain only finite numbers")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(key, depth)
            _check_json(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_json(item, depth + 1)


class Preferences(CamelModel):
    """The user's SPA settings as stored (api.md §3.1 GET /me)."""

    dark_mode: bool | None = Field(default=None, description="null follows the system setting")
    saved_selections: dict[str, Any] = Field(default_factory=dict)


class PreferencesUpdate(CamelModel):
    """api.md §3.1 PATCH /me: only the keys sent change; `savedSelections` is replaced
    whole (null clears it)."""

    model_config = ConfigDict(extra="forbid")

    # Strict: "yes" or 1 is a client bug to report, not a value to guess at.
    dark_mode: StrictBool | None = Field(
        default=None, description="null follows the system setting"
    )
    saved_selections: dict[str, Any] | None = Field(
        default=None,
        description=f"At most {MAX_SAVED_SELECTION_KEYS} keys and "
        f"{MAX_SAVED_SELECTIONS_BYTES} bytes as JSON.",
    )

    @field_validator("saved_selections")
    @classmethod
    def _bounded(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is None:
            return value
        if len(value) > MAX_SAVED_SELECTION_KEYS:
            raise ValueError(f"must have at most {MAX_SAVED_SELECTION_KEYS} keys")
        if any(not 1 <= len(k) <= MAX_SAVED_SELECTION_KEY_LENGTH for k in value):
            raise ValueError(f"keys must be 1 to {MAX_SAVED_SELECTION_KEY_LENGTH} characters long")
        _check_json(value, 1)
        encoded = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
        if len(encoded) > MAX_SAVED_SELECTIONS_BYTES:
            raise ValueError(f"must be at most {MAX_SAVED_SELECTIONS_BYTES} bytes as JSON")
        return value


def _not_nullable(schema: JsonDict) -> None:
    """Optional but not nullable in the contract (an explicit null is refused below)."""
    options = schema.pop("anyOf", None)
    if isinstance(options, list):
        schema.update(next(o for o in options if isinstance(o, dict) and o.get("type") != "null"))


class MeUpdate(CamelModel):
    """api.md §3.1 PATCH /me: omitted fields stay as they are."""

    model_config = ConfigDict(extra="forbid")

    name: DisplayName | None = Field(default=None, json_schema_extra=_not_nullable)
    preferences: PreferencesUpdate | None = Field(default=None, json_schema_extra=_not_nullable)

    @field_validator("name", "preferences")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        # Runs only for values sent: an explicit null is refused, omission keeps the value.
        if value is None:
            raise ValueError("must not be null")
        return value


class Me(CamelModel):
    id: uuid.UUID
    email: str
    name: str
    role: Role
    organization_id: uuid.UUID
    organization: MeOrganization
    mfa_enabled: bool
    mfa_enrollment_required: bool
    email_verified: bool
    password_change_required: bool = False
    preferences: Preferences
