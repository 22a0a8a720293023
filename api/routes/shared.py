"""The public share viewer (api.md §2.7, §3.6 #60-63; BR-044..047, D5, D11, R14, R15).

`GET /shared/{code}` is the only public entry: it validates and counts the visit, logs
it and sets the `share_token` cookie. Every other call needs that cookie for *this*
link. The viewer's reads run in a share session (`app.access_scope='share:read'`,
`app.share_link_id`, no org), where RLS shows only the link's assets (migration 0007);
the routes also check the link's asset list, flags, revocation and expiry from
`share:{id}:state` (≤ 60 s, purged on edit/revoke, so revocation is immediate).

These routes are `@public` for the access-token dependency: a viewer has no account,
and a signed-in user's access cookie (which also reaches /api/v1/shared) must not turn
a share view into an org session. Responses are class `SH` (api.md §5.1): the data
routes' validator is the org data version + the share's `updatedAt` + path and query
(`caching.sh_revalidate`), checked right after the share state, flags and asset scope,
so a current copy is answered 304 before any asset data is read.
"""

from __future__ import annotations

import hmac
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from api import caching
from api.auth.principal import public
from api.auth.share_tokens import (
    MAX_TTL_S,
    SHARE_COOKIE,
    SHARE_SCOPE,
    ShareClaims,
    cache_state,
    cached_state,
    decode_share_token,
    issue_share_token,
    set_share_cookie,
)
from api.auth.tokens import TokenError
from api.deps import AppSettings, Redis
from api.errors import ErrorEnvelope, Forbidden, Gone, NotFound, Unauthorized
from api.pagination import keyset_page
from api.schemas.assets import DiagramPayload
from api.schemas.common import CursorInfo, CursorPage, Envelope
from api.schemas.shares import (
    SharedAsset,
    SharedConnection,
    SharedEntry,
    SharedParty,
    SharePermissions,
)
from db.repos import asset_reads
from db.repos import shares as repo
from db.session import tenant_session
from db.tenant import TenantContext

router = APIRouter(
    prefix="/shared",
    tags=["shared"],
    responses={
        404: {"model": ErrorEnvelope, "description": "Unknown or revoked link, or not shared."},
        410: {"model": ErrorEnvelope, "description": "Expired or out of uses."},
    },
)
_VIEWER_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorEnvelope, "description": "No share session for this link."},
    403: {"model": ErrorEnvelope, "description": "The link does not allow this view."},
}

SH_CACHE = "private, no-cache"  # R15 / D11: never CDN-public, so revocation is immediate
VARY = "Origin, Cookie"
SHARED_MAX_LIMIT = 25  # api.md §1.4: max 25 on /shared/*
_NOT_FOUND = "This share link does not exist or was revoked."
CodePath = Annotated[str, Path(description="The share code (20-40 characters)")]


def _check_code(code: str) -> None:
    # §3.6 #60: the path accepts 20-40 characters; anything else cannot be a code.
    if not (20 <= len(code) <= 40) or not code.isascii() or not code.isalnum():
        raise NotFound(_NOT_FOUND)


def _client(request: Request) -> tuple[str | None, str | None]:
    ip = request.client.host if request.client else None
    agent = request.headers.get("user-agent")
    return ip, agent[:500] if agent else None


def _perms(p: dict[str, Any]) -> SharePermissions:
    return SharePermissions(
        diagram=bool(p.get("diagram")),
        asset_list=bool(p.get("assetList")),
        connections=bool(p.get("connections")),
    )


def _session_required() -> Unauthorized:
    return Unauthorized(
        "Open the share link again to continue.", details={"reason": "share_session_required"}
    )


def _held_token(request: Request, link_id: uuid.UUID) -> ShareClaims | None:
    """A valid share token for this very link, if the visitor holds one."""
    token = request.cookies.get(SHARE_COOKIE)
    if not token:
        return None
    try:
        claims = decode_share_token(request.app.state.settings, token)
    except TokenError:
        return None
    return claims if claims.link_id == link_id else None


def _sh_headers(response: Response) -> None:
    response.headers["Cache-Control"] = SH_CACHE
    response.headers["Vary"] = VARY


@router.get(
    "/{code}",
    operation_id="shared_entry",
    response_model=Envelope[SharedEntry],
)
@public
async def entry(
    code: CodePath, request: Request, response: Response, settings: AppSettings
) -> Envelope[SharedEntry]:
    """§2.7 entry: unknown/revoked → 404, expired → 410 `share_expired`, out of uses →
    410 `share_exhausted`; every attempt on a known link is logged (BR-047); only a
    visitor without a valid token for this link burns a use and gets a token."""
    _check_code(code)
    sessions = request.app.state.sessionmaker
    async with tenant_session(sessions, TenantContext.anonymous()) as db:
        found = await repo.lookup_code(db, code)
    if found is None:
        raise NotFound(_NOT_FOUND)
    link_id, org_id = found
    held = _held_token(request, link_id)
    ip, agent = _client(request)
    # The bookkeeping (count, log) is the server's, written in the link's org; the
    # visitor's own reads happen in share sessions below.
    async with tenant_session(sessions, TenantContext.for_org(org_id)) as db:
        row = await repo.visit(db, link_id, consume=held is None)
        if row is None:
            outcome = await repo.refusal(db, link_id)
        else:
            outcome = "ok" if held is None else "reload"
        await repo.log_access(
            db, org_id=org_id, link_id=link_id, ip=ip, user_agent=agent, outcome=outcome
        )
        name = await repo.org_name(db, org_id) if row is not None else ""
    if row is None:
        if outcome == "revoked":
            raise NotFound(_NOT_FOUND)
        raise Gone(
            "This share link has expired."
            if outcome == "expired"
            else "This share link has been used up.",
            details={"reason": f"share_{outcome}"},
        )
    if held is None:
        left = int((row.expires_at - datetime.now(UTC)).total_seconds())
        ttl = max(1, min(left, MAX_TTL_S))  # §2.1: min(link life left, 24 h)
        perms = [k for k, v in row.permissions.items() if v]
        token = issue_share_token(settings, link_id=link_id, org_id=org_id, perms=perms, ttl_s=ttl)
        set_share_cookie(response, settings, token, ttl)
    _sh_headers(response)
    return Envelope(
        data=SharedEntry(
            organization_name=name,
            logo_url=None,  # organizations carry no logo yet
            permissions=_perms(row.permissions),
            asset_count=row.asset_count,
            expires_at=row.expires_at,
        )
    )


@dataclass(frozen=True)
class ShareAccess:
    """A verified share session for one live link."""

    link_id: uuid.UUID
    org_id: uuid.UUID
    perms: dict[str, Any]
    asset_ids: frozenset[str]
    updated_at: str

    def require(self, flag: str) -> None:
        if not self.perms.get(flag):
            raise Forbidden(
                "This share link does not allow this view.",
                details={"reason": "share_permission"},
            )

    def require_asset(self, asset_id: uuid.UUID) -> None:
        if str(asset_id) not in self.asset_ids:
            raise NotFound("This asset is not part of the share.")


def _viewer_context(link_id: uuid.UUID) -> TenantContext:
    # §11.3 (6): never an org; only the scope and the link.
    return TenantContext(access_scope=SHARE_SCOPE, share_link_id=link_id)


async def _viewer(request: Request, redis: Redis, code: CodePath) -> ShareAccess:
    """§2.7: the token's link must be this code's, then revocation, then expiry."""
    _check_code(code)
    token = request.cookies.get(SHARE_COOKIE)
    if not token:
        raise _session_required()
    try:
        claims = decode_share_token(request.app.state.settings, token)
    except TokenError as exc:
        raise _session_required() from exc
    state = await cached_state(redis, claims.link_id)
    if state is None:
        sessions = request.app.state.sessionmaker
        async with tenant_session(sessions, _viewer_context(claims.link_id)) as db:
            state = await repo.viewer_state(db, claims.link_id)
        if state is None:
            raise NotFound(_NOT_FOUND)
        await cache_state(redis, claims.link_id, state)
    # A token for another link: the viewer repeats the entry call for this code
    # (frontend.md §3.12), which issues a token for it. Constant-time on the code.
    if not hmac.compare_digest(str(state["code"]).encode(), code.encode()):
        raise _session_required()
    if state["deleted"]:
        raise NotFound(_NOT_FOUND)
    if datetime.fromisoformat(state["expiresAt"]) <= datetime.now(UTC):
        raise Gone("This share link has expired.", details={"reason": "share_expired"})
    return ShareAccess(
        link_id=claims.link_id,
        org_id=uuid.UUID(state["orgId"]),
        perms=state["perms"],
        asset_ids=frozenset(state["assetIds"]),
        updated_at=state["updatedAt"],
    )


Viewer = Annotated[ShareAccess, Depends(_viewer)]


async def _viewer_db(request: Request, access: Viewer) -> AsyncIterator[AsyncSession]:
    async with tenant_session(
        request.app.state.sessionmaker, _viewer_context(access.link_id)
    ) as db:
        yield db


# Declared after the SH views in every route: a 304 never opens the viewer's session.
ViewerDb = Annotated[AsyncSession, Depends(_viewer_db, scope="function")]
IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]


async def _revalidated(
    request: Request,
    access: ShareAccess,
    flag: str,
    asset_id: uuid.UUID | None,
    if_none_match: str | None,
) -> ShareAccess:
    # §2.7 checks first (all from the share state): a flag turned off, an asset taken out
    # of the link or a revocation answers 403/404, never 304, whatever the client holds.
    access.require(flag)
    if asset_id is not None:
        access.require_asset(asset_id)
    await caching.sh_revalidate(
        request,
        org_id=access.org_id,
        share_updated_at=access.updated_at,
        if_none_match=if_none_match,
    )
    return access


async def _list_view(
    request: Request, access: Viewer, if_none_match: IfNoneMatch = None
) -> ShareAccess:
    return await _revalidated(request, access, "assetList", None, if_none_match)


async def _diagram_view(
    request: Request, access: Viewer, asset_id: uuid.UUID, if_none_match: IfNoneMatch = None
) -> ShareAccess:
    return await _revalidated(request, access, "diagram", asset_id, if_none_match)


async def _connection_view(
    request: Request, access: Viewer, asset_id: uuid.UUID, if_none_match: IfNoneMatch = None
) -> ShareAccess:
    return await _revalidated(request, access, "connections", asset_id, if_none_match)


ListView = Annotated[ShareAccess, Depends(_list_view)]
DiagramView = Annotated[ShareAccess, Depends(_diagram_view)]
ConnectionView = Annotated[ShareAccess, Depends(_connection_view)]


_NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified (If-None-Match matched the ETag)."}
}


@router.get(
    "/{code}/assets",
    operation_id="shared_assets",
    response_model=CursorPage[SharedAsset],
    responses={**_VIEWER_ERRORS, **_NOT_MODIFIED},
    dependencies=[caching.SH],
)
@public
async def shared_assets(
    access: ListView,
    db: ViewerDb,
    settings: AppSettings,
    limit: Annotated[int, Query(ge=1, le=SHARED_MAX_LIMIT)] = SHARED_MAX_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[SharedAsset]:
    """§3.6 #61: the shared assets by application number (needs `assetList`)."""
    page, total = await keyset_page(
        settings,
        {"shared": str(access.link_id)},
        cursor,
        limit,
        lambda after: repo.shared_assets(
            db, access.org_id, access.link_id, limit=limit, after=after
        ),
    )
    return CursorPage[SharedAsset](
        data=[
            SharedAsset(
                id=r.id,
                grant_number=r.grant_number,
                application_number=r.application_number,
                title=r.title,
                status=r.status,
                current_assignee="; ".join(r.holders) or None,
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )


@router.get(
    "/{code}/assets/{asset_id}/diagram",
    operation_id="shared_diagram",
    response_model=Envelope[DiagramPayload],
    responses={**_VIEWER_ERRORS, **_NOT_MODIFIED},
    dependencies=[caching.SH],
)
@public
async def shared_diagram(
    asset_id: uuid.UUID, access: DiagramView, db: ViewerDb
) -> Envelope[DiagramPayload]:
    """§3.6 #62: the asset's stored diagram payload, as `/assets/{id}/diagram` (D16)."""
    diagram = await asset_reads.get_diagram(db, access.org_id, asset_id)
    if diagram is None:
        raise NotFound("No diagram for this asset yet.")
    return Envelope(data=diagram.payload)


@router.get(
    "/{code}/assets/{asset_id}/connections",
    operation_id="shared_connections",
    response_model=Envelope[SharedConnection],
    responses={**_VIEWER_ERRORS, **_NOT_MODIFIED},
    dependencies=[caching.SH],
)
@public
async def shared_connection(
    asset_id: uuid.UUID,
    access: ConnectionView,
    db: ViewerDb,
    rf_id: Annotated[str, Query(alias="rfId", min_length=1, max_length=50)],
) -> Envelope[SharedConnection]:
    """§3.6 #63 / R25: one conveyance of the shared asset (needs `connections`)."""
    chain = await asset_reads.chain_of_title(db, access.org_id, asset_id)
    row = next((r for r in chain if r["rf_id"] == rf_id), None)
    if row is None:
        raise NotFound("No such conveyance on this asset.")
    # Type and colour as the diagram draws them (D16), the one classification a viewer
    # sees; the org's own classification rows stay invisible to a share session.
    diagram = await asset_reads.get_diagram(db, access.org_id, asset_id)
    # frontend.md §4.4 names the edges `connections` (older payloads: `links`).
    payload = diagram.payload if diagram else {}
    links = payload.get("connections") or payload.get("links") or []
    drawn: dict[str, Any] = next((lk for lk in links if lk.get("rfId") == rf_id), {})
    out = SharedConnection(
        rf_id=row["rf_id"],
        conveyance_text=row["convey_text"],
        conveyance_type=row["effective_type"] or drawn.get("conveyanceType"),
        record_date=row["record_dt"],
        execution_date=row["exec_dt"],
        assignors=[SharedParty(name=p["name"]) for p in row["assignors"] if p.get("name")],
        assignees=[SharedParty(name=p["name"]) for p in row["assignees"] if p.get("name")],
        color=drawn.get("color"),
    )
    return Envelope[SharedConnection](data=out)
