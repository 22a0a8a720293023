"""`Annotated` dependency aliases shared by every route."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from arq import ArqRedis
from fastapi import Depends, Path, Request
from sqlalchemy.ext.asyncio import AsyncSession

from api.auth import audit
from api.auth.principal import (
    ACTING_ORG_HEADER,
    CurrentUser,
    OptionalPrincipal,
    OrgAdmin,
    OrgMember,
    Principal,
    SuperAdmin,
    require_role,
)
from api.errors import NotFound
from db.repos.organizations import get_org
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from worker.jobs import JobQueue

__all__ = [
    "AppSettings",
    "CurrentUser",
    "DbSession",
    "OrgAdmin",
    "OrgAdminOf",
    "OrgMember",
    "OrgMemberOf",
    "Queue",
    "Redis",
    "SuperAdmin",
]


# async on purpose (issue 7): FastAPI runs a plain `def` dependency in the thread pool,
# a thread hand-off per request for what is an attribute read.
async def _settings(request: Request) -> Settings:
    return request.app.state.settings


async def _redis(request: Request) -> ArqRedis:
    return request.app.state.redis


async def _queue(request: Request) -> JobQueue:
    return request.app.state.queue


async def _db(request: Request, principal: OptionalPrincipal) -> AsyncIterator[AsyncSession]:
    # One session and one transaction per request, opened with the caller's tenant
    # context (api.md §1.1); commits once when the endpoint returns.
    ctx = principal.tenant_context() if principal else TenantContext.anonymous()
    async with tenant_session(request.app.state.sessionmaker, ctx) as s:
        if principal and principal.acting_org_id:
            # D6: acting on another org is audited, in that org's log, on every request.
            if await get_org(s, principal.acting_org_id) is None:
                raise NotFound(f"{ACTING_ORG_HEADER} names no organization.")
            await audit.record(
                s,
                request,
                "super_admin.acting_org",
                organization_id=principal.acting_org_id,
                actor_user_id=principal.user_id,
                actor_role=principal.role,
                resource_type="route",
                resource_id=f"{request.method} {request.url.path}",
            )
        yield s


AppSettings = Annotated[Settings, Depends(_settings)]
Redis = Annotated[ArqRedis, Depends(_redis)]
Queue = Annotated[JobQueue, Depends(_queue)]
# scope="function": the commit happens before the response is sent, so a client never
# sees success for a transaction that then fails to commit.
DbSession = Annotated[AsyncSession, Depends(_db, scope="function")]


def _org_in_path(min_role: str) -> Callable[..., Any]:
    role_check = require_role(min_role)

    # Plain defaults, not Annotated: a closure's names are invisible to string annotations.
    async def scoped(
        request: Request,
        db: DbSession,
        org_id: uuid.UUID = Path(description="Organization id"),
        principal: Principal = Depends(role_check),
    ) -> Principal:
        if org_id == principal.org_id:
            return principal
        # R21 / §2.8: another tenant's org is "not found" for A and M, never 403.
        if not principal.is_super_admin or await get_org(db, org_id) is None:
            raise NotFound("No such organization.")
        # domain-model §10: every super-admin cross-tenant request is audited.
        await audit.record(
            db,
            request,
            "super_admin.org_access",
            organization_id=org_id,
            actor_user_id=principal.user_id,
            actor_role=principal.role,
            resource_type="route",
            resource_id=f"{request.method} {request.url.path}",
        )
        return principal

    scoped.min_role = min_role  # type: ignore[attr-defined]  # read by the RBAC test
    return scoped


# Routes under /organizations/{org_id}: the role check and the own-org rule in one alias.
OrgMemberOf = Annotated[Principal, Depends(_org_in_path("org_member"))]
OrgAdminOf = Annotated[Principal, Depends(_org_in_path("org_admin"))]
