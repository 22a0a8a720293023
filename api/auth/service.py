"""Steps shared by the auth routes: starting a session, switching the transaction to the
user just proven, and the MFA and password rules that several flows apply."""

from __future__ import annotations

import asyncio
import uuid

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from api.auth import csrf
from api.auth.cookies import set_session_cookies
from api.auth.sessions import SessionStore
from api.auth.tokens import issue_access_token
from api.errors import ValidationFailed
from db.tenant import TenantContext, apply_tenant_context
from domain.passwords import hash_password, policy_violations, verify_password
from patentrack.settings import Settings


async def assume_user(
    db: AsyncSession, *, user_id: uuid.UUID, org_id: uuid.UUID, role: str
) -> None:
    """Switch this (pre-session) transaction to the user a credential has just proven.

    Only called after a password, one-time token or mfaToken has been verified, so RLS
    then limits the rest of the request to that user's organization (§11.3 (5)).
    """
    await apply_tenant_context(db, TenantContext(org_id=org_id, role=role, user_id=user_id))


def mfa_mandatory(settings: Settings, *, role: str, org_mfa_required: bool) -> bool:
    """D13: an org can require MFA; super admins must use it outside development."""
    return org_mfa_required or (role == "super_admin" and not settings.is_development)


async def start_session(
    request: Request,
    response: Response,
    *,
    user_id: uuid.UUID,
    org_id: uuid.UUID,
    role: str,
    mfa: bool,
    password_change_required: bool = False,
) -> str:
    """Create a session family and set its cookies; returns the sid."""
    settings: Settings = request.app.state.settings
    sid, refresh = await SessionStore(request.app.state.redis).create(
        user_id=user_id,
        org_id=org_id,
        role=role,
        mfa=mfa,
        password_change_required=password_change_required,
    )
    access, _ = issue_access_token(
        settings, user_id=user_id, org_id=org_id, role=role, sid=sid, mfa=mfa
    )
    set_session_cookies(
        response,
        settings,
        access_token=access,
        refresh_token=refresh,
        csrf_token=csrf.issue(settings, sid),
    )
    return sid


def check_password_policy(password: str, *, email: str | None, field: str = "password") -> None:
    """D12 on every set/change: 400 VALIDATION_ERROR, one message per unmet rule."""
    problems = policy_violations(password, email=email)
    if problems:
        raise ValidationFailed(
            "The password does not meet the policy.",
            field_errors={field: problems},
            reason="password_policy",
        )


def below_policy(password: str, *, email: str | None) -> bool:
    """api.md §2.4 login step 4: a password that verified but fails today's policy (D12)."""
    return bool(policy_violations(password, email=email))


async def verify_password_async(password: str, encoded: str) -> bool:
    # Argon2id costs tens of milliseconds of CPU: keep it off the event loop.
    return await asyncio.to_thread(verify_password, password, encoded)


async def hash_password_async(password: str) -> str:
    return await asyncio.to_thread(hash_password, password)
