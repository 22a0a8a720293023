"""A tenant's own organization (api.md §3.4 #33-34): members read it, admins change it.

The profile is cached (api.md §5.2 `org:{orgId}:detail`, 24 h): filled on a read, dropped
after an org PATCH, a user or company change and at pipeline completion (its counts are
pipeline-derived). Cached and fresh answers are the same bytes, so the class `PE` body
ETag (§5.1) does not change when the cache is filled or dropped.
"""

from __future__ import annotations

import logging
import uuid

from fastapi import APIRouter, Request, Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api import caching
from api.auth import audit
from api.deps import DbSession, OrgAdminOf, OrgMemberOf, Redis
from api.errors import Conflict, NotFound
from api.schemas.organizations import OrgDetail, OrgPatch, OrgSettings
from db.models.tenancy import Organization
from db.repos import org_data_version
from db.repos import organizations as orgs_repo
from db.repos.entity_reads import org_counts
from db.repos.users import count_users

log = logging.getLogger("patentrack.caching")

router = APIRouter(prefix="/organizations", tags=["organizations"])


async def org_detail(db: AsyncSession, org: Organization) -> OrgDetail:
    assets, entities = await org_counts(db, org.id)  # api.md #33 (issue 7)
    return OrgDetail(
        id=org.id,
        name=org.name,
        slug=org.slug,
        status=org.status,  # type: ignore[arg-type]
        mfa_required=org.mfa_required,
        user_count=await count_users(db, org.id),
        created_at=org.created_at,
        entity_count=entities,
        asset_count=assets,
        settings=OrgSettings(),
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


@router.get(
    "/{org_id}",
    operation_id="organizations_get",
    response_model=OrgDetail,
    dependencies=[caching.PE],
)
async def get_organization(
    org_id: uuid.UUID, _: OrgMemberOf, db: DbSession, redis: Redis
) -> OrgDetail | Response:
    """The caller's organization (another tenant's id is 404)."""
    # OrgMemberOf has already answered 404 for an org the caller may not read.
    epoch = None
    try:
        cached, epoch = await org_data_version.lookup_detail(redis, org_id)
    except Exception:  # the cache is an optimisation: Redis trouble must not fail the read
        log.warning("org detail lookup failed", exc_info=True)
        cached = None
    if cached is not None:
        return Response(content=cached, media_type="application/json")
    body = (await org_detail(db, await load_org(db, org_id))).model_dump_json(by_alias=True)
    if epoch is not None:
        try:
            await org_data_version.store_detail(redis, org_id, epoch, body.encode())
        except Exception:
            log.warning("org detail store failed", exc_info=True)
    return Response(content=body, media_type="application/json")


@router.patch("/{org_id}", operation_id="organizations_update", response_model=OrgDetail)
async def update_organization(
    org_id: uuid.UUID,
    body: OrgPatch,
    actor: OrgAdminOf,
    request: Request,
    db: DbSession,
    redis: Redis,
) -> OrgDetail:
    """Rename the organization or require MFA of its users (D13)."""
    org = await load_org(db, org_id)
    org_data_version.drop_detail_after_commit(db, redis, org_id)  # api.md §5.2
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
