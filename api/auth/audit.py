"""Audit events (domain-model §10) with actor, org, ip, user agent and request id.

Never pass secrets, tokens or passwords in `after`: the audit log is readable by org
admins. `record` writes inside the request's transaction (atomic with the change);
`record_now` commits on its own, for failures whose request will roll back.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from api.request_context import current_request_id
from db.repos import audit as audit_repo
from db.session import tenant_session
from db.tenant import TenantContext


def _client(request: Request) -> tuple[str | None, str | None]:
    ip = request.client.host if request.client else None
    agent = request.headers.get("user-agent")
    return ip, agent[:500] if agent else None


def _actor_type(role: str | None) -> str:
    return "super_admin" if role == "super_admin" else "user"


async def record(
    db: AsyncSession,
    request: Request,
    action: str,
    *,
    organization_id: uuid.UUID | None,
    actor_user_id: uuid.UUID | None,
    actor_role: str | None,
    resource_type: str | None = None,
    resource_id: object | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    ip, agent = _client(request)
    await audit_repo.add_event(
        db,
        action=action,
        organization_id=organization_id,
        actor_type=_actor_type(actor_role),
        actor_user_id=actor_user_id,
        resource_type=resource_type,
        resource_id=str(resource_id) if resource_id is not None else None,
        request_id=current_request_id(),
        ip_address=ip,
        user_agent=agent,
        before=before,
        after=after,
    )


async def record_now(
    request: Request,
    action: str,
    *,
    organization_id: uuid.UUID | None,
    actor_user_id: uuid.UUID | None,
    actor_role: str | None,
    after: dict[str, Any] | None = None,
) -> None:
    """Commit the event in its own transaction (in the event's org, or as a platform event)."""
    ctx = (
        TenantContext(org_id=organization_id, role="org_member", user_id=actor_user_id)
        if organization_id
        else TenantContext.anonymous()
    )
    async with tenant_session(request.app.state.sessionmaker, ctx) as db:
        await record(
            db,
            request,
            action,
            organization_id=organization_id,
            actor_user_id=actor_user_id,
            actor_role=actor_role,
            resource_type="user" if actor_user_id else None,
            resource_id=actor_user_id,
            after=after,
        )
