"""TOTP MFA (D13, RFC 6238, api.md §2.4): setup → confirm, the login step, disable."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from api.auth import audit, csrf
from api.auth.cookies import set_session_cookies
from api.auth.lockout import LockoutStore
from api.auth.mfa_state import MfaStore, decrypt_secret, encrypt_secret
from api.auth.principal import CurrentUser, allow_mfa_pending, public
from api.auth.service import (
    assume_user,
    mfa_mandatory,
    start_session,
    verify_password_async,
)
from api.auth.sessions import SessionStore
from api.auth.tokens import issue_access_token
from api.deps import AppSettings, DbSession, Redis
from api.errors import BadRequest, Conflict, Forbidden, Unauthorized
from api.routes.auth import session_user
from api.schemas.auth import (
    LoginResponse,
    MfaCodeRequest,
    MfaDisableRequest,
    MfaSetupResponse,
    MfaStatus,
    MfaVerifyRequest,
)
from db.models.tenancy import User
from db.repos import auth as auth_repo
from db.repos import users as users_repo
from db.repos.organizations import get_org
from domain.auth import totp
from patentrack.settings import Settings

router = APIRouter(prefix="/auth/mfa", tags=["auth"])

INVALID_CODE = "The code is wrong, expired or already used."


async def _totp_ok(store: MfaStore, user: User, secret: str, code: str) -> bool:
    """A current code that has not been used before (replay guard, RFC 6238 §5.2)."""
    step = totp.matching_step(secret, code)
    return step is not None and await store.claim_step(user.id, step)


async def _second_factor_ok(
    db: DbSession, settings: Settings, store: MfaStore, user: User, code: str, backup: bool
) -> bool:
    if backup:
        return await auth_repo.use_backup_code(
            db, user_id=user.id, code_hash=totp.hash_backup_code(code)
        )
    if not user.mfa_secret:
        return False
    return await _totp_ok(
        store, user, decrypt_secret(settings, user.mfa_secret, user_id=user.id), code
    )


@router.post("/setup", operation_id="auth_mfa_setup", response_model=MfaSetupResponse)
@allow_mfa_pending
async def setup(
    principal: CurrentUser, db: DbSession, settings: AppSettings, redis: Redis
) -> MfaSetupResponse:
    """Start enrolment: a new secret and ten backup codes, shown once, active after confirm."""
    user = await users_repo.get_user(db, principal.user_id)
    assert user is not None
    if user.mfa_enabled:
        raise Conflict("Two-factor authentication is already on.")
    secret = totp.new_secret()
    codes = totp.new_backup_codes()
    await MfaStore(redis).put_setup(
        user.id,
        {
            "secret": encrypt_secret(settings, secret, user_id=user.id),
            "backupHashes": [totp.hash_backup_code(c) for c in codes],
        },
    )
    return MfaSetupResponse(
        secret=secret, qr_code_url=totp.provisioning_uri(secret, user.email), backup_codes=codes
    )


@router.post("/confirm", operation_id="auth_mfa_confirm", response_model=MfaStatus)
@allow_mfa_pending
async def confirm(
    body: MfaCodeRequest,
    principal: CurrentUser,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    redis: Redis,
) -> MfaStatus:
    """Activate MFA with a first code; the user's other sessions end (api.md §2.4)."""
    store = MfaStore(redis)
    pending = await store.get_setup(principal.user_id)
    if pending is None:
        raise Conflict("No enrolment is pending; start with /auth/mfa/setup.")
    user = await users_repo.get_user(db, principal.user_id)
    assert user is not None
    secret = decrypt_secret(settings, pending["secret"], user_id=user.id)
    if not await _totp_ok(store, user, secret, body.code):
        raise BadRequest(INVALID_CODE, details={"reason": "mfa_invalid"})
    await users_repo.update_user(
        db, user.id, mfa_enabled=True, mfa_secret=encrypt_secret(settings, secret, user_id=user.id)
    )
    await auth_repo.replace_backup_codes(
        db, organization_id=user.organization_id, user_id=user.id, hashes=pending["backupHashes"]
    )
    await store.drop_setup(user.id)
    sessions = SessionStore(redis)
    await sessions.revoke_all(user.id, keep_sid=principal.sid)
    await sessions.mark_mfa(principal.sid)
    # This session has now proven the second factor: its access token says so.
    access, _ = issue_access_token(
        settings,
        user_id=user.id,
        org_id=user.organization_id,
        role=user.role,
        sid=principal.sid,
        mfa=True,
    )
    set_session_cookies(
        response,
        settings,
        access_token=access,
        refresh_token=None,
        csrf_token=request.cookies.get(csrf.COOKIE) or csrf.issue(settings, principal.sid),
    )
    await audit.record(
        db,
        request,
        "mfa.enabled",
        organization_id=user.organization_id,
        actor_user_id=user.id,
        actor_role=user.role,
        resource_type="user",
        resource_id=user.id,
    )
    return MfaStatus(mfa_enabled=True)


@router.post("/verify", operation_id="auth_mfa_verify", response_model=LoginResponse)
@public
async def verify(
    body: MfaVerifyRequest,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    redis: Redis,
) -> LoginResponse:
    """The login's second step: the mfaToken plus a TOTP or backup code."""
    store = MfaStore(redis)
    pending = await store.pending_login(body.mfa_token)
    if pending is None:
        raise Unauthorized(
            "The sign-in has expired; start again.", details={"reason": "mfa_invalid"}
        )
    await assume_user(db, user_id=pending.user_id, org_id=pending.org_id, role=pending.role)
    user = await users_repo.get_user(db, pending.user_id)
    org = await get_org(db, pending.org_id)
    ok = (
        user is not None
        and org is not None
        and user.mfa_enabled
        and user.status == "active"
        and await _second_factor_ok(db, settings, store, user, body.code, body.is_backup_code)
    )
    if not ok or user is None or org is None:
        # §2.4: five bad codes burn the mfaToken, and each counts toward the lockout.
        await store.failed_attempt(body.mfa_token)
        await LockoutStore(redis).record_failure(pending.email)
        await audit.record_now(
            request,
            "auth.mfa_failed",
            organization_id=pending.org_id,
            actor_user_id=pending.user_id,
            actor_role=pending.role,
        )
        raise Unauthorized(INVALID_CODE, details={"reason": "mfa_invalid"})
    if not await store.finish_login(body.mfa_token):
        raise Unauthorized(
            "The sign-in has expired; start again.", details={"reason": "mfa_invalid"}
        )
    await LockoutStore(redis).clear(user.email)
    await start_session(
        request,
        response,
        user_id=user.id,
        org_id=org.id,
        role=user.role,
        mfa=True,
        # api.md §2.4 step 4: set by the password step of this login, if it was weak.
        password_change_required=user.password_change_required,
    )
    await audit.record(
        db,
        request,
        "auth.login",
        organization_id=org.id,
        actor_user_id=user.id,
        actor_role=user.role,
        resource_type="user",
        resource_id=user.id,
        after={"method": "backup_code" if body.is_backup_code else "totp"},
    )
    return LoginResponse(mfa_required=False, user=session_user(user))


@router.post("/disable", operation_id="auth_mfa_disable", response_model=MfaStatus)
async def disable(
    body: MfaDisableRequest,
    principal: CurrentUser,
    request: Request,
    db: DbSession,
    settings: AppSettings,
    redis: Redis,
) -> MfaStatus:
    """Turn MFA off with the password and a current code, unless MFA is mandatory."""
    user = await users_repo.get_user(db, principal.user_id)
    org = await get_org(db, principal.org_id)
    assert user is not None and org is not None
    if mfa_mandatory(settings, role=user.role, org_mfa_required=org.mfa_required):
        raise Forbidden(
            "Two-factor authentication is mandatory here.", details={"reason": "mfa_mandatory"}
        )
    if not user.mfa_enabled:
        raise Conflict("Two-factor authentication is not on.")
    if not await verify_password_async(body.password, user.password_hash):
        raise BadRequest("The password is wrong.", details={"reason": "invalid_credentials"})
    backup = len(body.code.strip()) != totp.DIGITS
    if not await _second_factor_ok(db, settings, MfaStore(redis), user, body.code, backup):
        raise BadRequest(INVALID_CODE, details={"reason": "mfa_invalid"})
    await users_repo.update_user(db, user.id, mfa_enabled=False, mfa_secret=None)
    await auth_repo.delete_backup_codes(db, user.id)
    await audit.record(
        db,
        request,
        "mfa.disabled",
        organization_id=user.organization_id,
        actor_user_id=user.id,
        actor_role=user.role,
        resource_type="user",
        resource_id=user.id,
    )
    return MfaStatus(mfa_enabled=False)
