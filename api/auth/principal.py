"""Who is calling: the Principal, the default-deny auth dependency and the role aliases.

Every route under /api/v1 is authenticated unless its endpoint is marked `@public`
(ARCHITECTURE: routes authenticated by default). The permission check lives in the
`Annotated` aliases, never in route bodies. Cross-tenant ids answer 404 (api.md §2.8).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request

from api.auth import csrf
from api.auth.cookies import ACCESS_COOKIE
from api.auth.ratelimit import prefetched
from api.auth.sessions import SessionInfo, SessionStore, live_from
from api.auth.tokens import TokenError, decode_access_token_once
from api.errors import BadRequest, Forbidden, Unauthorized
from db.tenant import TenantContext

ROLE_RANK = {"org_member": 1, "org_admin": 2, "super_admin": 3}  # D4: SA ⊃ A ⊃ M
ACTING_ORG_HEADER = "X-Acting-Org-Id"

F = TypeVar("F", bound=Callable[..., Any])


def public(fn: F) -> F:
    """Opt a route out of authentication (health, login, register, ...)."""
    fn.__patentrack_auth__ = "public"  # type: ignore[attr-defined]
    return fn


def allow_mfa_pending(fn: F) -> F:
    """api.md §2.4: reachable by a session whose mandatory MFA is not enrolled yet."""
    fn.__patentrack_auth__ = "mfa_pending"  # type: ignore[attr-defined]
    return fn


def allow_password_change_pending(fn: F) -> F:
    """api.md §2.4 login step 4: reachable while the user must change a password that is
    below today's policy (D12). Only GET /me and change-password; logout and refresh are
    public. Everything else answers 403 `password_change_required`."""
    fn.__patentrack_password_change__ = True  # type: ignore[attr-defined]
    return fn


def route_policy(endpoint: object) -> str:
    return str(getattr(endpoint, "__patentrack_auth__", "required"))


def allows_password_change_pending(endpoint: object) -> bool:
    return getattr(endpoint, "__patentrack_password_change__", False) is True


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: uuid.UUID
    org_id: uuid.UUID  # the user's home org (the platform org for super admins, D6)
    role: str
    sid: str
    mfa: bool
    iat: int
    exp: int
    # api.md §2.4 login step 4: the session is confined to /me and change-password.
    password_change_required: bool = False
    # Set only for super admins that sent X-Acting-Org-Id (audited by the request boundary).
    acting_org_id: uuid.UUID | None = None

    @property
    def is_super_admin(self) -> bool:
        return self.role == "super_admin"

    @property
    def tenant_org_id(self) -> uuid.UUID:
        return self.acting_org_id or self.org_id

    def tenant_context(self) -> TenantContext:
        """The request's RLS context (domain-model §11.1): this caller, nothing else."""
        return TenantContext(org_id=self.tenant_org_id, role=self.role, user_id=self.user_id)


def _sessions(request: Request) -> SessionStore:
    return SessionStore(request.app.state.redis)


async def _live_session(
    request: Request, sid: str, user_id: uuid.UUID, issued_at: int
) -> SessionInfo | None:
    """The live family (api.md §2.3), from the rate limiter's round trip when it read it
    for this very token (issue 7), else from Redis now. Same keys, same verdict."""
    pre = prefetched(request.scope)
    if pre is not None and pre.sid == sid and pre.user_id == user_id:
        return live_from(sid, user_id, issued_at, pre.session_raw, pre.revoked_before)
    return await _sessions(request).live(sid, user_id, issued_at)


async def authenticate(request: Request) -> Principal | None:
    """Verify the access cookie, the live session, CSRF and the MFA state (default deny)."""
    route = request.scope.get("route")
    policy = route_policy(getattr(route, "endpoint", None))
    settings = request.app.state.settings
    origin = request.headers.get("origin")
    # api.md §1.8/§1.9: a state-changing call from a foreign Origin is refused, public or
    # not (login CSRF); server-to-server callers send no Origin and are unaffected.
    if (
        request.method in csrf.STATE_CHANGING
        and origin
        and origin.rstrip("/") not in settings.allowed_origins
    ):
        raise Forbidden("Cross-origin request refused.", details={"reason": "csrf_failed"})
    if policy == "public":
        return None
    token = request.cookies.get(ACCESS_COOKIE)
    if not token:
        raise Unauthorized("Sign in to continue.", details={"reason": "token_invalid"})
    try:
        # Verified once per request (the rate limiter usually did it; issue 7).
        claims = decode_access_token_once(request.scope, settings, token)
    except TokenError as exc:
        raise Unauthorized("The session is not valid.", details={"reason": exc.reason}) from exc
    session = await _live_session(request, claims.sid, claims.user_id, claims.iat)
    if session is None:
        raise Unauthorized("The session has ended.", details={"reason": "token_invalid"})
    if request.method in csrf.STATE_CHANGING and not csrf.is_valid(
        settings,
        claims.sid,
        request.cookies.get(csrf.COOKIE),
        request.headers.get(csrf.HEADER),
    ):
        raise Forbidden("CSRF token missing or invalid.", details={"reason": "csrf_failed"})
    principal = Principal(
        user_id=claims.user_id,
        org_id=claims.org_id,
        role=claims.role,
        sid=claims.sid,
        mfa=claims.mfa,
        iat=claims.iat,
        exp=claims.exp,
        password_change_required=session.password_change_required,
    )
    # api.md §2.4 login step 4: read from the live family on every request, so a change
    # of password lifts it at once. Checked before the MFA gate: a session owing both
    # changes the password first (change-password passes the MFA gate while it is owed),
    # then enrols; otherwise neither gate could ever be satisfied.
    password_step = principal.password_change_required and allows_password_change_pending(
        getattr(route, "endpoint", None)
    )
    if principal.password_change_required and not password_step:
        raise Forbidden(
            "Change your password first.", details={"reason": "password_change_required"}
        )
    if not principal.mfa and policy != "mfa_pending" and not password_step:
        raise Forbidden(
            "Set up two-factor authentication first.",
            details={"reason": "mfa_enrollment_required"},
        )
    acting = request.headers.get(ACTING_ORG_HEADER)
    # api.md §2.8: the header is honoured for super admins only and ignored for others.
    if acting and principal.is_super_admin:
        try:
            principal = replace(principal, acting_org_id=uuid.UUID(acting))
        except ValueError as exc:
            raise BadRequest(f"{ACTING_ORG_HEADER} must be an organization id.") from exc
    request.state.principal = principal
    return principal


@cache  # one callable per role, so FastAPI resolves it once per request (issue 7)
def require_role(min_role: str) -> Callable[..., Any]:
    # Plain defaults, not Annotated: a closure's names are invisible to string annotations.
    async def check(principal: Principal | None = Depends(authenticate)) -> Principal:
        if principal is None:  # only reachable if a public route asked for a role
            raise Unauthorized("Sign in to continue.", details={"reason": "token_invalid"})
        if ROLE_RANK.get(principal.role, 0) < ROLE_RANK[min_role]:
            raise Forbidden("Your role does not allow this.")
        return principal

    check.min_role = min_role  # type: ignore[attr-defined]  # read by the RBAC test
    check.__name__ = f"require_{min_role}"
    return check


OptionalPrincipal = Annotated[Principal | None, Depends(authenticate)]
CurrentUser = Annotated[Principal, Depends(require_role("org_member"))]
OrgMember = CurrentUser
OrgAdmin = Annotated[Principal, Depends(require_role("org_admin"))]
SuperAdmin = Annotated[Principal, Depends(require_role("super_admin"))]
