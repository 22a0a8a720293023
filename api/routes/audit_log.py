"""Reading the audit log (domain-model §10): org admins their org, super admins all."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import DbSession, OrgAdminOf, SuperAdmin
from api.schemas.common import Page, PageLimit
from api.schemas.organizations import AuditItem
from db.models.tenancy import AuditLog
from db.repos import audit as audit_repo

router = APIRouter(tags=["audit"])


def _item(row: AuditLog) -> AuditItem:
    return AuditItem(
        id=row.id,
        organization_id=row.organization_id,
        actor_type=row.actor_type,
        actor_user_id=row.actor_user_id,
        action=row.action,
        resource_type=row.resource_type,
        resource_id=row.resource_id,
        request_id=row.request_id,
        ip_address=str(row.ip_address) if row.ip_address else None,
        user_agent=row.user_agent,
        details={"before": row.before, "after": row.after} if row.before or row.after else None,
        created_at=row.created_at,
    )


@router.get(
    "/organizations/{org_id}/audit-log",
    operation_id="audit_list_org",
    response_model=Page[AuditItem],
)
async def org_audit_log(
    org_id: uuid.UUID,
    _: OrgAdminOf,
    db: DbSession,
    action: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[PageLimit, Query()] = 25,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[AuditItem]:
    """Security events of the organization, newest first."""
    rows, total = await audit_repo.list_events(
        db, organization_id=org_id, action=action, limit=limit, offset=offset
    )
    return Page[AuditItem](data=[_item(r) for r in rows], total=total)


@router.get("/admin/audit-log", operation_id="audit_list_all", response_model=Page[AuditItem])
async def platform_audit_log(
    _: SuperAdmin,
    db: DbSession,
    organization_id: Annotated[uuid.UUID | None, Query(alias="organizationId")] = None,
    action: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[PageLimit, Query()] = 25,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[AuditItem]:
    """Security events of every organization and of the platform, newest first."""
    rows, total = await audit_repo.list_events(
        db, organization_id=organization_id, action=action, limit=limit, offset=offset
    )
    return Page[AuditItem](data=[_item(r) for r in rows], total=total)
