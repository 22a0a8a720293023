"""A tenant's own organization (api.md §3.4 #33-34): members read it, admins change it."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.auth import audit
from api.deps import DbSession, OrgAdminOf, OrgMemberOf
from api.errors import Conflict, NotFound
from api.schemas.organizations import OrgDetail, OrgPatch
from db.models.tenancy import Organization
from db.repos import organizations as orgs_repo
from db.repos.users import count_users

router = APIRouter(prefix="/organizations", tags=["organizations"])


async def org_detail(db: AsyncSession, org: Organization) -> OrgDetail:
    return OrgDetail(
        id=org.id,
        name=org.name,
        slug=org.slug,
        status=org.status,  # type: ignore[arg-type]
        mfa_required=org.mfa_required,
        user_count=await count_users(db, org.id),
        created_at=org.created_at,
    )


async def load_org(db: AsyncSession, org_id: uuid.UUID) -> Organization:
    org = await orgs_repo.get_org(db, org_id)
    if org is None:
        raise NotFound("No such organization.")
    return org


async def rename(db: AsyncSession, org_id: uuid.UUID, name: str) -> None:
    try:
        async with db.begin_nested():
            await orgs_repo.update_org(db, org_id, name=name)
    except IntegrityError as exc:
        raise Conflict("Another organization has this name.") from exc


@router.get("/{org_id}", operation_id="organizations_get", response_model=OrgDetail)
async def get_organization(org_id: uuid.UUID, _: OrgMemberOf, db: DbSession) -> OrgDetail:
    """The caller's organization (another tenant's id is 404)."""
    return await org_detail(db, await load_org(db, org_id))


@router.patch("/{org_id}", operation_id="organizations_update", response_model=OrgDetail)
async def update_organization(
    org_id: uuid.UUID, body: OrgPatch, actor: OrgAdminOf, request: Request, db: DbSession
) -> OrgDetail:
    """Rename the organization or require MFA of its users (D13)."""
    org = await load_org(db, org_id)
    before = {"name": org.name, "mfaRequired": org.mfa_required}
    if body.name is not None and body.name != org.name:
        await rename(db, org_id, body.name)
    if body.mfa_required is not None and body.mfa_required != org.mfa_required:
        await orgs_repo.update_org(db, org_id, mfa_required=body.mfa_required)
    await db.refresh(org)
    after = {"name": org.name, "mfaRequired": org.mfa_required}
    if after != before:
        await audit.record(
            db,
            request,
            "organization.updated",
            organization_id=org_id,
            actor_user_id=actor.user_id,
            actor_role=actor.role,
            resource_type="organization",
            resource_id=org_id,
            before=before,
            after=after,
        )
    return await org_detail(db, org)
