"""Share link management (api.md §2.7 Manage, §3.6 #56-59 + access log; BR-044..047).

D5 wins over api.md R11: members and admins create links; a member manages the links
they created, an admin every link of the org (another member's link is 403 for a
member; another org's is 404, §1.3). Responses are `NS` (no-store, api.md §5.1).
"""

from __future__ import annotations

import secrets
import string
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.auth import audit
from api.auth.principal import ROLE_RANK
from api.auth.share_tokens import purge_state
from api.deps import AppSettings, DbSession, OrgMember, Redis
from api.errors import ErrorEnvelope, Forbidden, NotFound, ValidationFailed
from api.idempotency import IDEMPOTENT
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keyset, Pager
from api.schemas.common import CursorInfo, CursorPage, Envelope, Success
from api.schemas.shares import (
    AccessLogItem,
    ShareCreate,
    ShareItem,
    ShareListItem,
    SharePermissions,
    ShareState,
    ShareUpdate,
)
from db.repos import shares as repo
from db.session import after_commit
from patentrack.settings import Settings

router = APIRouter(
    prefix="/shares",
    tags=["shares"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Not the creator and not an admin (D5)."},
    },
)
_ID_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorEnvelope, "description": "No such live link in the caller's org."}
}
_NOT_FOUND = "No such share link."

# BR-044: CUID2 format — lower-case alphanumeric, starting with a letter, 24 characters,
# from the OS CSPRNG (36^23 ≈ 2^119 codes: unguessable, collisions negligible).
CODE_LENGTH = 24
_ALPHABET = string.ascii_lowercase + string.digits


def new_code() -> str:
    return secrets.choice(string.ascii_lowercase) + "".join(
        secrets.choice(_ALPHABET) for _ in range(CODE_LENGTH - 1)
    )


def share_url(settings: Settings, code: str) -> str:
    """api.md §2.7: `SHARE_URL/<code>`; without a share host the SPA's `/shared/<code>`
    route (frontend.md §2) serves the viewer."""
    if settings.share_url:
        return f"{settings.share_url.rstrip('/')}/{code}"
    return f"{settings.app_url.rstrip('/')}/shared/{code}"


def _permissions(row: repo.ShareRow) -> SharePermissions:
    p = row.permissions
    return SharePermissions(
        diagram=bool(p.get("diagram")),
        asset_list=bool(p.get("assetList")),
        connections=bool(p.get("connections")),
    )


def _state(row: repo.ShareRow) -> ShareState:
    if row.expires_at <= datetime.now(UTC):
        return ShareState.expired
    if row.max_uses is not None and row.use_count >= row.max_uses:
        return ShareState.used_up
    return ShareState.active


def _list_item(settings: Settings, row: repo.ShareRow) -> ShareListItem:
    state = _state(row)
    return ShareListItem(
        id=row.id,
        code=row.code,
        name=row.name,
        url=share_url(settings, row.code),
        asset_count=row.asset_count,
        expires_at=row.expires_at,
        max_uses=row.max_uses,
        current_uses=row.use_count,
        is_active=state is ShareState.active,
        state=state,
        permissions=_permissions(row),
        created_by=row.created_by,
        created_at=row.created_at,
        last_accessed_at=row.last_accessed_at,
    )


async def _item(db: DbSession, settings: Settings, row: repo.ShareRow) -> ShareItem:
    return ShareItem(
        **_list_item(settings, row).model_dump(),
        asset_ids=await repo.link_asset_ids(db, row.id),
    )


def _is_admin(who: OrgMember) -> bool:
    return ROLE_RANK[who.role] >= ROLE_RANK["org_admin"]


async def _managed(db: DbSession, who: OrgMember, share_id: uuid.UUID) -> repo.ShareRow:
    """The live link if the caller may manage it (D5); another org's is 404 (§1.3)."""
    row = await repo.get_link(db, who.tenant_org_id, share_id)
    if row is None:
        raise NotFound(_NOT_FOUND)
    if not _is_admin(who) and row.created_by != who.user_id:
        raise Forbidden("Only the link's creator or an admin can manage it.")
    return row


async def _check_assets(db: DbSession, org_id: uuid.UUID, asset_ids: list[uuid.UUID]) -> None:
    # D9 wins over api.md's "422 asset outside org": a 400 naming the field. Another
    # org's asset is indistinguishable from a missing one (no existence oracle).
    found = await repo.org_assets(db, org_id, asset_ids)
    missing = [str(a) for a in asset_ids if a not in found]
    if missing:
        raise ValidationFailed(
            "Some assets are not assets of your organization.",
            field_errors={"assetIds": [f"not an asset of your organization: {a}" for a in missing]},
            reason="asset_not_in_org",
        )


def _purge_after_commit(db: DbSession, redis: Redis, link_id: uuid.UUID) -> None:
    # After the commit, so a viewer call between purge and commit cannot refill the
    # cache with the old state (api.md §2.3: purged on edit).
    async def purge() -> None:
        await purge_state(redis, link_id)

    after_commit(db, purge)


@router.post(
    "",
    operation_id="shares_create",
    status_code=201,
    response_model=Envelope[ShareItem],
    dependencies=[IDEMPOTENT],  # api.md §1.10: share creation honours Idempotency-Key
    responses={400: {"model": ErrorEnvelope, "description": "Invalid field or foreign asset."}},
)
async def create_share(
    body: ShareCreate, who: OrgMember, db: DbSession, settings: AppSettings, request: Request
) -> Envelope[ShareItem]:
    """Create a link to 1-100 of the org's assets (D5: members and admins; D11 expiry)."""
    org_id = who.tenant_org_id
    await _check_assets(db, org_id, body.asset_ids)
    row = await repo.create_link(
        db,
        org_id=org_id,
        name=body.name,
        code=new_code(),
        permissions={
            "diagram": body.allow_diagram,
            "assetList": body.allow_asset_list,
            "connections": body.allow_connections,
        },
        expires_at=datetime.now(UTC) + body.expires_in.delta,
        max_uses=body.max_uses,
        created_by=who.user_id,
        asset_ids=body.asset_ids,
    )
    await audit.record(
        db,
        request,
        "share.create",
        organization_id=org_id,
        actor_user_id=who.user_id,
        actor_role=who.role,
        resource_type="share_link",
        resource_id=row.id,
        after={
            "name": row.name,
            "assetCount": row.asset_count,
            "expiresAt": row.expires_at.isoformat(),
            "maxUses": row.max_uses,
            "permissions": row.permissions,
        },
    )
    return Envelope(data=await _item(db, settings, row))


@router.get("", operation_id="shares_list", response_model=CursorPage[ShareListItem])
async def list_shares(
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[ShareListItem]:
    """The org's live links, newest first (a member sees the links they created, D5)."""
    mine = None if _is_admin(who) else who.user_id
    pager = Pager(settings, {"shares": str(who.tenant_org_id), "by": str(mine)}, cursor)
    after = pager.after
    rows, total = await repo.list_links(
        db,
        who.tenant_org_id,
        created_by=mine,
        limit=limit,
        after=(after.key, after.id) if after else None,
    )
    page = pager.slice(rows, limit, lambda r: Keyset(key=r.created_at.isoformat(), id=r.id))
    return CursorPage[ShareListItem](
        data=[_list_item(settings, r) for r in page.rows],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )


@router.get(
    "/{share_id}",
    operation_id="shares_get",
    response_model=Envelope[ShareItem],
    responses=_ID_ERRORS,
)
async def get_share(
    share_id: uuid.UUID, who: OrgMember, db: DbSession, settings: AppSettings
) -> Envelope[ShareItem]:
    return Envelope(data=await _item(db, settings, await _managed(db, who, share_id)))


@router.patch(
    "/{share_id}",
    operation_id="shares_update",
    response_model=Envelope[ShareItem],
    responses={
        **_ID_ERRORS,
        400: {"model": ErrorEnvelope, "description": "Invalid field or foreign asset."},
    },
)
async def update_share(
    share_id: uuid.UUID,
    body: ShareUpdate,
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    redis: Redis,
    request: Request,
) -> Envelope[ShareItem]:
    """Change any create field; a new `expiresIn` restarts the expiry from now (§2.7)."""
    row = await _managed(db, who, share_id)
    values: dict[str, Any] = {}
    sent = body.model_fields_set
    if body.name is not None:
        values["name"] = body.name
    if body.expires_in is not None:
        values["expires_at"] = datetime.now(UTC) + body.expires_in.delta
    if "max_uses" in sent:  # an explicit null lifts the limit
        values["max_uses"] = body.max_uses
    flags = {
        "diagram": body.allow_diagram,
        "assetList": body.allow_asset_list,
        "connections": body.allow_connections,
    }
    if any(v is not None for v in flags.values()):
        values["permissions"] = {
            **row.permissions,
            **{k: v for k, v in flags.items() if v is not None},
        }
    if body.asset_ids is not None:
        await _check_assets(db, who.tenant_org_id, body.asset_ids)
    updated = await repo.update_link(
        db, who.tenant_org_id, share_id, values=values, asset_ids=body.asset_ids
    )
    await audit.record(
        db,
        request,
        "share.update",
        organization_id=who.tenant_org_id,
        actor_user_id=who.user_id,
        actor_role=who.role,
        resource_type="share_link",
        resource_id=share_id,
        after={"fields": sorted(body.model_dump(exclude_unset=True, by_alias=True))},
    )
    _purge_after_commit(db, redis, share_id)
    return Envelope(data=await _item(db, settings, updated))


@router.delete(
    "/{share_id}",
    operation_id="shares_revoke",
    response_model=Success,
    responses=_ID_ERRORS,
)
async def revoke_share(
    share_id: uuid.UUID, who: OrgMember, db: DbSession, redis: Redis, request: Request
) -> Success:
    """Immediate revocation: soft delete and cache purge; the viewer's next call is 404."""
    await _managed(db, who, share_id)
    if not await repo.revoke_link(db, who.tenant_org_id, share_id):
        raise NotFound(_NOT_FOUND)
    await audit.record(
        db,
        request,
        "share.revoke",
        organization_id=who.tenant_org_id,
        actor_user_id=who.user_id,
        actor_role=who.role,
        resource_type="share_link",
        resource_id=share_id,
    )
    _purge_after_commit(db, redis, share_id)
    return Success()


@router.get(
    "/{share_id}/access-log",
    operation_id="shares_access_log",
    response_model=CursorPage[AccessLogItem],
    responses=_ID_ERRORS,
)
async def access_log(
    share_id: uuid.UUID,
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[AccessLogItem]:
    """BR-047: every visit of the link, newest first."""
    await _managed(db, who, share_id)
    pager = Pager(settings, {"share_log": str(share_id)}, cursor)
    after = pager.after
    rows, total = await repo.access_log(
        db,
        who.tenant_org_id,
        share_id,
        limit=limit,
        after=(after.key, after.id) if after else None,
    )
    page = pager.slice(rows, limit, lambda r: Keyset(key=r.accessed_at.isoformat(), id=r.id))
    return CursorPage[AccessLogItem](
        data=[
            AccessLogItem(
                accessed_at=r.accessed_at,
                ip_address=r.ip_address,
                user_agent=r.user_agent,
                outcome=r.outcome,
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )
