"""Super admins manage tenants (D5, api.md §3.5 #45-47 + PATCH): create, list, get, update."""

from __future__ import annotations

import re
import secrets
import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, status
from sqlalchemy.exc import IntegrityError

from api.auth import audit
from api.auth.sessions import SessionStore
from api.deps import AppSettings, DbSession, Redis, SuperAdmin
from api.errors import Conflict
from api.idempotency import IDEMPOTENT
from api.routes.organizations import load_org, org_detail, rename
from api.routes.users import create_invitation, user_item
from api.schemas.common import Page, PageLimit
from api.schemas.organizations import (
    AdminOrgCreate,
    AdminOrgCreated,
    AdminOrgDetail,
    AdminOrgPatch,
    OrgDetail,
)
from db.models.tenancy import Organization
from db.repos import org_data_version
from db.repos import organizations as orgs_repo
from db.repos import users as users_repo

router = APIRouter(prefix="/admin/organizations", tags=["admin"])

STATUS_FILTER = {
    "all": None,
    "active": ("active",),
    "trial": ("trial",),
    "suspended": ("suspended",),
    "cancelled": ("cancelled",),
    "inactive": ("suspended", "cancelled"),  # R23
}
INACTIVE = ("suspended", "cancelled")


@router.get("", operation_id="admin_list_organizations", response_model=Page[OrgDetail])
async def list_organizations(
    _: SuperAdmin,
    db: DbSession,
    search: Annotated[str | None, Query(max_length=255)] = None,
    status_: Annotated[
        Literal["all", "active", "trial", "suspended", "cancelled", "inactive"],
        Query(alias="status"),
    ] = "all",
    limit: Annotated[PageLimit, Query()] = 25,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[OrgDetail]:
    """Every customer organization."""
    rows, total = await orgs_repo.list_orgs(
        db,
        search=search.strip() if search else None,
        statuses=STATUS_FILTER[status_],
        limit=limit,
        offset=offset,
    )
    items = [
        OrgDetail(
            id=o.id,
            name=o.name,
            slug=o.slug,
            status=o.status,  # type: ignore[arg-type]
            mfa_required=o.mfa_required,
            user_count=count,
            created_at=o.created_at,
        )
        for o, count in rows
    ]
    return Page[OrgDetail](data=items, total=total)


@router.post(
    "",
    operation_id="admin_create_organization",
    response_model=AdminOrgCreated,
    status_code=status.HTTP_201_CREATED,
    dependencies=[IDEMPOTENT],
)
async def create_organization(
    body: AdminOrgCreate,
    actor: SuperAdmin,
    request: Request,
    db: DbSession,
    settings: AppSettings,
) -> AdminOrgCreated:
    """Provision a tenant and invite its first admin."""
    base = re.sub(r"[^a-z0-9]+", "-", body.name.lower()).strip("-")[:80] or "org"
    org = Organization(
        id=uuid.uuid4(),
        name=body.name.strip(),
        slug=f"{base}-{secrets.token_hex(3)}",
        status=body.status,
    )
    try:
        async with db.begin_nested():
            db.add(org)
            await db.flush()
    except IntegrityError as exc:
        raise Conflict("An organization with this name already exists.") from exc
    await audit.record(
        db,
        request,
        "organization.created",
        organization_id=org.id,
        actor_user_id=actor.user_id,
        actor_role=actor.role,
        resource_type="organization",
        resource_id=org.id,
        after={"name": org.name, "status": org.status},
    )
    admin_id = await create_invitation(
        db,
        request,
        settings,
        org=org,
        email=body.admin_email,
        name=body.admin_name,
        role="org_admin",
        actor=actor,
    )
    return AdminOrgCreated(
        id=org.id,
        name=org.name,
        admin_user_id=admin_id,
        status=org.status,  # type: ignore[arg-type]
    )


async def _admin_detail(db: DbSession, org: Organization) -> AdminOrgDetail:
    users, _ = await users_repo.list_users(db, org.id, limit=100, offset=0)
    detail = await org_detail(db, org)
    return AdminOrgDetail(**detail.model_dump(), users=[user_item(u) for u in users])


@router.get("/{org_id}", operation_id="admin_get_organization", response_model=AdminOrgDetail)
async def get_organization(org_id: uuid.UUID, _: SuperAdmin, db: DbSession) -> AdminOrgDetail:
    """One tenant with its users."""
    return await _admin_detail(db, await load_org(db, org_id))


@router.patch("/{org_id}", operation_id="admin_update_organization", response_model=AdminOrgDetail)
async def update_organization(
    org_id: uuid.UUID,
    body: AdminOrgPatch,
    actor: SuperAdmin,
    request: Request,
    db: DbSession,
    redis: Redis,
) -> AdminOrgDetail:
    """Rename, require MFA, or change the status; suspending ends every session of the org."""
    org = await load_org(db, org_id)
    org_data_version.drop_detail_after_commit(db, redis, org_id)  # api.md §5.2 detail
    before = {"name": org.name, "status": org.status, "mfaRequired": org.mfa_required}
    if body.name is not None and body.name != org.name:
        await rename(db, org_id, body.name)
    values = {
        k: v
        for k, v in (("status", body.status), ("mfa_required", body.mfa_required))
        if v is not None
    }
    if values:
        await orgs_repo.update_org(db, org_id, **values)
    await db.refresh(org)
    after = {"name": org.name, "status": org.status, "mfaRequired": org.mfa_required}
    if after != before:
        action = (
            "organization.status_changed"
            if after["status"] != before["status"]
            else "organization.updated"
        )
        await audit.record(
            db,
            request,
            action,
            organization_id=org_id,
            actor_user_id=actor.user_id,
            actor_role=actor.role,
            resource_type="organization",
            resource_id=org_id,
            before=before,
            after=after,
        )
    if org.status in INACTIVE and before["status"] not in INACTIVE:
        sessions = SessionStore(redis)
        for user_id in await users_repo.user_ids_of_org(db, org_id):
            await sessions.revoke_all(user_id)
    return await _admin_detail(db, org)
