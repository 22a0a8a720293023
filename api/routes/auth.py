"""Pre-session auth and the session itself (api.md §2.4, §3.1): login, refresh, logout,
register, e-mail verification, password reset/change, invites. MFA is in routes/mfa.py."""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request, status
from fastapi.responses import JSONResponse
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from api.auth import audit, csrf, mails
from api.auth.cookies import (
    ACCESS_COOKIE,
    REFRESH_COOKIE,
    clear_session_cookies,
    set_session_cookies,
)
from api.auth.lockout import LockoutStore
from api.auth.mfa_state import MfaStore
from api.auth.principal import CurrentUser, allow_password_change_pending, public
from api.auth.service import (
    assume_user,
    below_policy,
    check_password_policy,
    hash_password_async,
    mfa_mandatory,
    start_session,
    verify_password_async,
)
from api.auth.sessions import SessionStore
from api.auth.tokens import TokenError, decode_access_token, issue_access_token
from api.deps import AppSettings, DbSession, Redis
from api.errors import ApiError, BadRequest, Forbidden, Unauthorized, error_response
from api.schemas.auth import (
    AcceptInviteRequest,
    ChangePasswordRequest,
    EmailRequest,
    LoginRequest,
    LoginResponse,
    RefreshResponse,
    RegisterRequest,
    RegisterResponse,
    ResetPasswordRequest,
    SessionUser,
    TokenRequest,
    VerifiedResponse,
)
from api.schemas.common import Message, Success
from db.models.tenancy import Organization, User
from db.repos import auth as auth_repo
from db.repos import users as users_repo
from db.repos.organizations import get_org
from domain.auth.secrets import new_hex_token, token_hash
from domain.passwords import DUMMY_HASH, needs_rehash
from patentrack.settings import Settings

router = APIRouter(prefix="/auth", tags=["auth"])

TOKEN_TTL = timedelta(hours=1)  # verify and reset tokens (api.md §2.4)
INVITE_TTL = timedelta(days=7)
INACTIVE_ORG = ("suspended", "cancelled")
UNIFORM_RESET = "If the address has an account, a reset link is on its way."
UNIFORM_VERIFY = "If the address needs verifying, a new link is on its way."


def session_user(user: User, *, password_change_required: bool | None = None) -> SessionUser:
    return SessionUser(
        id=user.id,
        email=user.email,
        name=user.display_name,
        organization_id=user.organization_id,
        role=user.role,  # type: ignore[arg-type]
        mfa_enabled=user.mfa_enabled,
        password_change_required=user.password_change_required
        if password_change_required is None
        else password_change_required,
    )


def split_name(name: str | None) -> tuple[str | None, str | None]:
    if not name or not name.strip():
        return None, None
    first, _, last = name.strip().partition(" ")
    return first, last.strip() or None


async def audit_own_account(
    db: AsyncSession,
    request: Request,
    action: str,
    *,
    org_id: uuid.UUID,
    user_id: uuid.UUID,
    role: str | None,
    after: dict[str, Any] | None = None,
) -> None:
    """Audit an auth event a user causes on their own account: actor and resource are one."""
    await audit.record(
        db,
        request,
        action,
        organization_id=org_id,
        actor_user_id=user_id,
        actor_role=role,
        resource_type="user",
        resource_id=user_id,
        after=after,
    )


async def issue_link_token(
    db: AsyncSession, *, org_id: uuid.UUID, user_id: uuid.UUID, purpose: str, ttl: timedelta
) -> str:
    """A fresh single-use token for a mailed link; only its hash is stored (D12)."""
    token = new_hex_token()
    await auth_repo.issue_token(
        db,
        organization_id=org_id,
        user_id=user_id,
        purpose=purpose,
        token_hash=token_hash(token),
        ttl=ttl,
    )
    return token


def _failure(exc: ApiError, settings: Settings) -> JSONResponse:
    """An error that also expires every cookie (§2.1: any revocation clears them)."""
    response = error_response(exc.status, exc.code, exc.message, details=exc.details)
    clear_session_cookies(response, settings)
    return response


@router.post("/login", operation_id="auth_login", response_model=LoginResponse)
@public
async def login(
    body: LoginRequest,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    redis: Redis,
) -> LoginResponse:
    """Sign in with e-mail and password; sets the session cookies or asks for the MFA code."""
    lockout = LockoutStore(redis)
    record = await auth_repo.login_lookup(db, body.email)
    org_id = record.organization_id if record else None
    user_id = record.user_id if record else None
    state = await lockout.state(body.email, admin_locked=bool(record and record.locked))
    if state.locked:
        await audit.record_now(
            request,
            "auth.login_locked",
            organization_id=org_id,
            actor_user_id=user_id,
            actor_role=record.role if record else None,
        )
        raise Forbidden(
            "The account is locked.",
            details={"reason": "account_locked", "retryAfter": state.retry_after},
        )
    # Unknown e-mails verify against a dummy hash: same work, same answer (§2.6).
    matches = await verify_password_async(
        body.password, record.password_hash if record else DUMMY_HASH
    )
    if record is None or not matches or record.status == "inactive":
        decision = await lockout.record_failure(body.email)
        if record is not None and decision.needs_admin and not record.locked:
            await _admin_lock(request, record.user_id, record.organization_id)
        await audit.record_now(
            request,
            "auth.login_failed",
            organization_id=org_id,
            actor_user_id=user_id,
            actor_role=record.role if record else None,
            after={"lockedFor": decision.seconds} if decision.locked else None,
        )
        raise Unauthorized(
            "The e-mail or the password is wrong.", details={"reason": "invalid_credentials"}
        )
    if record.org_status in INACTIVE_ORG:
        raise Forbidden("The organization is not active.", details={"reason": "org_inactive"})
    if not record.email_verified:
        raise Forbidden("Verify your e-mail address first.", details={"reason": "email_unverified"})
    await lockout.clear(body.email)
    await assume_user(db, user_id=record.user_id, org_id=record.organization_id, role=record.role)
    user = await users_repo.get_user(db, record.user_id)
    assert user is not None
    values: dict[str, Any] = {"last_login_at": func.now()}
    # api.md §2.4 step 4: a password that verified but is below today's policy (D12) must
    # be changed. Persisted (the MFA step and refresh read it back); only a password
    # change or reset clears it, never a later login.
    change_required = user.password_change_required or below_policy(body.password, email=user.email)
    if change_required and not user.password_change_required:
        values["password_change_required"] = True
    if needs_rehash(user.password_hash):
        # D12: a legacy (bcrypt) or outdated hash is replaced after it verified once.
        values |= {
            "password_hash": await hash_password_async(body.password),
            "hash_algorithm": "argon2id",
        }
    await users_repo.update_user(db, user.id, **values)
    if record.mfa_enabled:
        mfa_token = await MfaStore(redis).start_login(
            user_id=user.id, org_id=user.organization_id, role=user.role, email=user.email
        )
        return LoginResponse(mfa_required=True, mfa_token=mfa_token)
    satisfied = not mfa_mandatory(
        settings, role=user.role, org_mfa_required=record.org_mfa_required
    )
    await start_session(
        request,
        response,
        user_id=user.id,
        org_id=user.organization_id,
        role=user.role,
        mfa=satisfied,
        password_change_required=change_required,
    )
    await audit_own_account(
        db,
        request,
        "auth.login",
        org_id=user.organization_id,
        user_id=user.id,
        role=user.role,
        after={
            "method": "password",
            "mfaEnrollmentRequired": not satisfied,
            "passwordChangeRequired": change_required,
        },
    )
    return LoginResponse(
        mfa_required=False,
        user=session_user(user, password_change_required=change_required),
    )


async def _admin_lock(request: Request, user_id: uuid.UUID, org_id: uuid.UUID) -> None:
    """D12 tier 3: persist the lock in Postgres; committed although the login fails."""
    from db.session import tenant_session
    from db.tenant import TenantContext

    ctx = TenantContext(org_id=org_id, role="org_member", user_id=user_id)
    async with tenant_session(request.app.state.sessionmaker, ctx) as db:
        await users_repo.update_user(db, user_id, locked_at=func.now())
        await audit_own_account(
            db, request, "auth.account_locked", org_id=org_id, user_id=user_id, role=None
        )


@router.post("/refresh", operation_id="auth_refresh", response_model=RefreshResponse)
@public
async def refresh(
    request: Request, response: Response, db: DbSession, settings: AppSettings, redis: Redis
) -> RefreshResponse | JSONResponse:
    """Rotate the session (refresh cookie + CSRF header); a reused token ends the family."""
    token = request.cookies.get(REFRESH_COOKIE)
    if not token:
        return _failure(
            Unauthorized("No session.", details={"reason": "refresh_invalid"}), settings
        )
    store = SessionStore(redis)
    live = await store.peek(token)
    if live is not None and not csrf.is_valid(
        settings, live.sid, request.cookies.get(csrf.COOKIE), request.headers.get(csrf.HEADER)
    ):
        raise Forbidden("CSRF token missing or invalid.", details={"reason": "csrf_failed"})
    rotation = await store.rotate(token)
    if rotation.outcome == "race":
        # §2.4: another tab rotated this token seconds ago; keep the cookies, retry.
        raise Unauthorized("The session was just refreshed.", details={"reason": "refresh_race"})
    if rotation.outcome == "reused":
        if rotation.session:
            await audit.record_now(
                request,
                "auth.refresh_reused",
                organization_id=rotation.session.org_id,
                actor_user_id=rotation.session.user_id,
                actor_role=None,
                after={"sessionRevoked": True},
            )
        return _failure(
            Unauthorized(
                "This refresh token was already used; the session has been revoked.",
                details={"reason": "refresh_reused"},
            ),
            settings,
        )
    if rotation.outcome != "ok" or rotation.session is None or rotation.refresh_token is None:
        return _failure(
            Unauthorized("The session has ended.", details={"reason": "refresh_invalid"}), settings
        )
    session = rotation.session
    await assume_user(db, user_id=session.user_id, org_id=session.org_id, role="org_member")
    user = await users_repo.get_user(db, session.user_id)
    org = await get_org(db, session.org_id)
    if user is None or org is None or user.status != "active" or org.status in INACTIVE_ORG:
        await store.revoke(session.sid)
        return _failure(
            Unauthorized("The session has ended.", details={"reason": "refresh_invalid"}), settings
        )
    mfa = session.mfa or not mfa_mandatory(
        settings, role=user.role, org_mfa_required=org.mfa_required
    )
    if session.password_change_required != user.password_change_required:
        # api.md §2.4 step 4: the family follows the stored flag (Postgres is the truth).
        await store.set_password_change_required(session.sid, user.password_change_required)
    access, expires = issue_access_token(
        settings, user_id=user.id, org_id=org.id, role=user.role, sid=session.sid, mfa=mfa
    )
    set_session_cookies(
        response,
        settings,
        access_token=access,
        refresh_token=rotation.refresh_token,
        csrf_token=csrf.issue(settings, session.sid),
    )
    return RefreshResponse(expires_at=datetime.fromtimestamp(expires, UTC))


@router.post("/logout", operation_id="auth_logout", response_model=Success)
@public
async def logout(
    request: Request, db: DbSession, settings: AppSettings, redis: Redis
) -> JSONResponse:
    """End this session (access or refresh cookie); always 200 and clears every cookie."""
    store = SessionStore(redis)
    sid: str | None = None
    user_id: uuid.UUID | None = None
    org_id: uuid.UUID | None = None
    access = request.cookies.get(ACCESS_COOKIE)
    if access:
        try:
            claims = decode_access_token(settings, access)
            sid, user_id, org_id = claims.sid, claims.user_id, claims.org_id
        except TokenError:
            sid = None
    refresh_token = request.cookies.get(REFRESH_COOKIE)
    if sid is None and refresh_token:
        live = await store.peek(refresh_token)
        if live:
            sid, user_id, org_id = live.sid, live.user_id, live.org_id
    if sid is not None:
        # §1.9: a cookie-authenticated state change needs the session's CSRF token.
        if not csrf.is_valid(
            settings, sid, request.cookies.get(csrf.COOKIE), request.headers.get(csrf.HEADER)
        ):
            raise Forbidden("CSRF token missing or invalid.", details={"reason": "csrf_failed"})
        await store.revoke(sid)
        await audit.record_now(
            request,
            "auth.logout",
            organization_id=org_id,
            actor_user_id=user_id,
            actor_role=None,
        )
    response = JSONResponse({"success": True})
    clear_session_cookies(response, settings)
    return response


def _slug(name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80] or "org"
    return f"{base}-{secrets.token_hex(3)}"


@router.post(
    "/register",
    operation_id="auth_register",
    response_model=RegisterResponse,
    status_code=status.HTTP_201_CREATED,
)
@public
async def register(
    body: RegisterRequest, request: Request, db: DbSession, settings: AppSettings
) -> RegisterResponse:
    """Create an account and its trial organization (R22); the same reply for taken e-mails."""
    check_password_policy(body.password, email=body.email)
    reply = RegisterResponse(message="Check your inbox for a link to verify your e-mail.")
    email = body.email.lower()
    # Hash first, whatever happens next: a taken e-mail must not answer measurably faster.
    password_hash = await hash_password_async(body.password)
    if await auth_repo.email_taken(db, email):
        subject, text = mails.account_exists(settings)
        mails.queue_mail(db, settings, to=email, subject=subject, body=text)
        return reply
    org_id, user_id = uuid.uuid4(), uuid.uuid4()
    await assume_user(db, user_id=user_id, org_id=org_id, role="org_admin")
    first, last = split_name(body.name)
    org_name = (body.organization_name or f"{body.name}'s organization").strip()
    for attempt in range(3):
        # Organization names are unique; a collision gets a short suffix, not an error.
        name = org_name if attempt == 0 else f"{org_name} ({secrets.token_hex(2)})"
        try:
            async with db.begin_nested():
                db.add(Organization(id=org_id, name=name, slug=_slug(org_name), status="trial"))
                await db.flush()
                db.add(
                    User(
                        id=user_id,
                        organization_id=org_id,
                        email=email,
                        password_hash=password_hash,
                        first_name=first,
                        last_name=last,
                        role="org_admin",
                        status="pending",
                    )
                )
                await db.flush()
            break
        except IntegrityError:
            # Lost a race for the e-mail: answer exactly as for a taken e-mail.
            if await auth_repo.email_taken(db, email):
                return reply
    else:
        return reply
    token = await issue_link_token(
        db, org_id=org_id, user_id=user_id, purpose="email_verify", ttl=TOKEN_TTL
    )
    await audit_own_account(
        db, request, "auth.register", org_id=org_id, user_id=user_id, role="org_admin"
    )
    subject, text = mails.verify_email(settings, token)
    mails.queue_mail(db, settings, to=email, subject=subject, body=text)
    return reply


@router.post("/verify-email", operation_id="auth_verify_email", response_model=VerifiedResponse)
@public
async def verify_email(body: TokenRequest, request: Request, db: DbSession) -> VerifiedResponse:
    """Confirm the e-mail address with the token from the mail (single use, 1 hour)."""
    record = await auth_repo.token_lookup(db, "email_verify", token_hash(body.token))
    if record is None:
        raise BadRequest("The link is invalid or has expired.", details={"reason": "token_invalid"})
    await assume_user(db, user_id=record.user_id, org_id=record.organization_id, role=record.role)
    if not await auth_repo.consume_token(db, record.token_id):
        raise BadRequest("The link is invalid or has expired.", details={"reason": "token_invalid"})
    await users_repo.update_user(db, record.user_id, email_verified_at=func.now(), status="active")
    await audit_own_account(
        db,
        request,
        "auth.email_verified",
        org_id=record.organization_id,
        user_id=record.user_id,
        role=record.role,
    )
    return VerifiedResponse()


@router.post(
    "/resend-verification", operation_id="auth_resend_verification", response_model=Message
)
@public
async def resend_verification(body: EmailRequest, db: DbSession, settings: AppSettings) -> Message:
    """Send a fresh verification link (the older one dies); the same reply for every e-mail."""
    record = await auth_repo.login_lookup(db, body.email)
    if record and not record.email_verified and record.status == "pending":
        await assume_user(
            db, user_id=record.user_id, org_id=record.organization_id, role=record.role
        )
        token = await issue_link_token(
            db,
            org_id=record.organization_id,
            user_id=record.user_id,
            purpose="email_verify",
            ttl=TOKEN_TTL,
        )
        subject, text = mails.verify_email(settings, token)
        mails.queue_mail(db, settings, to=body.email.lower(), subject=subject, body=text)
    return Message(message=UNIFORM_VERIFY)


@router.post("/forgot-password", operation_id="auth_forgot_password", response_model=Message)
@public
async def forgot_password(
    body: EmailRequest, request: Request, db: DbSession, settings: AppSettings
) -> Message:
    """Mail a reset link (1 hour, single use); the same reply whether or not the e-mail exists."""
    record = await auth_repo.login_lookup(db, body.email)
    if record and record.status != "inactive":
        await assume_user(
            db, user_id=record.user_id, org_id=record.organization_id, role=record.role
        )
        token = await issue_link_token(
            db,
            org_id=record.organization_id,
            user_id=record.user_id,
            purpose="password_reset",
            ttl=TOKEN_TTL,
        )
        await audit_own_account(
            db,
            request,
            "auth.password_reset_requested",
            org_id=record.organization_id,
            user_id=record.user_id,
            role=record.role,
        )
        subject, text = mails.reset_password(settings, token)
        mails.queue_mail(db, settings, to=body.email.lower(), subject=subject, body=text)
    return Message(message=UNIFORM_RESET)


@router.post("/reset-password", operation_id="auth_reset_password", response_model=Success)
@public
async def reset_password(
    body: ResetPasswordRequest, request: Request, db: DbSession, redis: Redis
) -> Success:
    """Set a new password with the mailed token; every session of the user ends (§2.4)."""
    record = await auth_repo.token_lookup(db, "password_reset", token_hash(body.token))
    if record is None:
        raise BadRequest("The link is invalid or has expired.", details={"reason": "token_invalid"})
    await assume_user(db, user_id=record.user_id, org_id=record.organization_id, role=record.role)
    user = await users_repo.get_user(db, record.user_id)
    assert user is not None
    check_password_policy(body.password, email=user.email)
    if not await auth_repo.consume_token(db, record.token_id):
        raise BadRequest("The link is invalid or has expired.", details={"reason": "token_invalid"})
    await users_repo.update_user(
        db,
        user.id,
        password_hash=await hash_password_async(body.password),
        hash_algorithm="argon2id",
        # api.md §2.4 step 4: a new password (policy-checked above) lifts the gate.
        password_change_required=False,
        # Proving control of the mailbox also verifies it.
        email_verified_at=user.email_verified_at or func.now(),
        status="active" if user.status == "pending" else user.status,
    )
    await SessionStore(redis).revoke_all(user.id)
    # §2.4: temporary locks clear; the admin lock (users.locked_at) stays.
    await LockoutStore(redis).clear(user.email)
    await audit_own_account(
        db,
        request,
        "auth.password_reset",
        org_id=user.organization_id,
        user_id=user.id,
        role=user.role,
    )
    return Success()


@router.post("/change-password", operation_id="auth_change_password", response_model=Success)
@allow_password_change_pending
async def change_password(
    body: ChangePasswordRequest,
    principal: CurrentUser,
    request: Request,
    db: DbSession,
    redis: Redis,
) -> Success:
    """Change the password; the user's other sessions end. Also the way out of
    `passwordChangeRequired` (api.md §2.4 login step 4)."""
    user = await users_repo.get_user(db, principal.user_id)
    assert user is not None
    if not await verify_password_async(body.current_password, user.password_hash):
        raise BadRequest(
            "The current password is wrong.", details={"reason": "invalid_credentials"}
        )
    check_password_policy(body.new_password, email=user.email, field="newPassword")
    await users_repo.update_user(
        db,
        user.id,
        password_hash=await hash_password_async(body.new_password),
        hash_algorithm="argon2id",
        password_change_required=False,
    )
    sessions = SessionStore(redis)
    await sessions.revoke_all(user.id, keep_sid=principal.sid)
    if principal.password_change_required:
        # §2.4 step 4: this session is ungated at once (the gate reads the family).
        await sessions.set_password_change_required(principal.sid, False)
    await audit_own_account(
        db,
        request,
        "auth.password_changed",
        org_id=user.organization_id,
        user_id=user.id,
        role=user.role,
    )
    return Success()


@router.post("/accept-invite", operation_id="auth_accept_invite", response_model=LoginResponse)
@public
async def accept_invite(
    body: AcceptInviteRequest,
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
) -> LoginResponse:
    """Set the invitee's password; verifies the e-mail and signs them in (api.md §2.4)."""
    record = await auth_repo.token_lookup(db, "invite", token_hash(body.token))
    if record is None:
        raise BadRequest(
            "The invitation is invalid or has expired.", details={"reason": "invite_invalid"}
        )
    await assume_user(db, user_id=record.user_id, org_id=record.organization_id, role=record.role)
    user = await users_repo.get_user(db, record.user_id)
    org = await get_org(db, record.organization_id)
    assert user is not None and org is not None
    check_password_policy(body.password, email=user.email)
    if not await auth_repo.consume_token(db, record.token_id):
        raise BadRequest(
            "The invitation is invalid or has expired.", details={"reason": "invite_invalid"}
        )
    if org.status in INACTIVE_ORG:
        raise Forbidden("The organization is not active.", details={"reason": "org_inactive"})
    values: dict[str, Any] = {
        "password_hash": await hash_password_async(body.password),
        "hash_algorithm": "argon2id",
        "status": "active",
        "email_verified_at": func.now(),
        "last_login_at": func.now(),
        "password_change_required": False,  # the new password passed the policy above
    }
    if body.name:
        values["first_name"], values["last_name"] = split_name(body.name)
    await users_repo.update_user(db, user.id, **values)
    await db.refresh(user)
    satisfied = not mfa_mandatory(settings, role=user.role, org_mfa_required=org.mfa_required)
    await start_session(
        request, response, user_id=user.id, org_id=org.id, role=user.role, mfa=satisfied
    )
    await audit_own_account(
        db, request, "auth.invite_accepted", org_id=org.id, user_id=user.id, role=user.role
    )
    return LoginResponse(mfa_required=False, user=session_user(user))
