"""The session bootstrap and the user's own profile (api.md §3.1 GET and PATCH /me)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import literal
from sqlalchemy.dialects.postgresql import JSONB
from starlette.responses import Response

from api.auth import csrf
from api.auth.principal import (
    CurrentUser,
    Principal,
    allow_mfa_pending,
    allow_password_change_pending,
)
from api.auth.service import mfa_mandatory
from api.deps import AppSettings, DbSession
from api.errors import Unauthorized
from api.routes.auth import split_name
from api.schemas.auth import Me, MeOrganization, MeUpdate, Preferences
from db.models.tenancy import User
from db.repos import users as users_repo
from db.repos.organizations import get_org
from patentrack.settings import Settings

router = APIRouter(tags=["me"])


async def _me(db: DbSession, settings: Settings, principal: Principal) -> Me:
    user = await users_repo.get_user(db, principal.user_id)
    org = await get_org(db, principal.org_id)
    if user is None or org is None:
        raise Unauthorized("The session has ended.", details={"reason": "token_invalid"})
    return Me(
        id=user.id,
        email=user.email,
        name=user.display_name,
        role=user.role,  # type: ignore[arg-type]
        organization_id=org.id,
        organization=MeOrganization(
            id=org.id, name=org.name, status=org.status, mfa_required=org.mfa_required
        ),
        mfa_enabled=user.mfa_enabled,
        mfa_enrollment_required=not principal.mfa
        or (
            not user.mfa_enabled
            and mfa_mandatory(settings, role=user.role, org_mfa_required=org.mfa_required)
        ),
        email_verified=user.email_verified_at is not None,
        # api.md §2.4 login step 4: the stored flag, or this session's gate.
        password_change_required=user.password_change_required
        or principal.password_change_required,
        preferences=Preferences.model_validate(user.preferences or {}),
    )


@router.get("/me", operation_id="me_get", response_model=Me)
@allow_mfa_pending
@allow_password_change_pending
async def me(
    principal: CurrentUser,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
) -> Me:
    """Who am I: the user, the organization and what the session still needs (MFA, a
    password change), plus the user's preferences."""
    token = request.cookies.get(csrf.COOKIE)
    if token:
        response.headers[csrf.HEADER] = token  # §1.9: echoed for cookie-jar SDKs
    return await _me(db, settings, principal)


@router.patch("/me", operation_id="me_update", response_model=Me)
async def update_me(
    body: MeUpdate, principal: CurrentUser, db: DbSession, settings: AppSettings
) -> Me:
    """Change the caller's own name and preferences (api.md §3.1); answers like GET /me.

    Only the caller's row is written. Preferences merge key by key in SQL (jsonb `||`),
    so two concurrent updates of different keys both land.
    """
    values: dict[str, Any] = {}
    if body.name is not None:
        values["first_name"], values["last_name"] = split_name(body.name)
    if body.preferences is not None:
        patch = body.preferences.model_dump(by_alias=True, exclude_unset=True)
        if "savedSelections" in patch and patch["savedSelections"] is None:
            patch["savedSelections"] = {}  # null clears the saved selections
        if patch:
            values["preferences"] = User.preferences.op("||")(literal(patch, JSONB))
    if values:
        await users_repo.update_user(db, principal.user_id, **values)
        db.expire_all()  # read the row back as stored
    return await _me(db, settings, principal)
