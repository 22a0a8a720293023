"""The audit log (domain-model §10): insert-only; reads are limited by RLS and the route."""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlalchemy import Table, func, insert, null, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.tenancy import AuditLog


async def add_event(
    session: AsyncSession,
    *,
    action: str,
    organization_id: uuid.UUID | None,
    actor_type: str,
    actor_user_id: uuid.UUID | None,
    resource_type: str | None = None,
    resource_id: str | None = None,
    request_id: str | None = None,
    ip_address: str | None = None,
    user_agent: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    # Core INSERT without RETURNING: a platform event (NULL org) may be written but not
    # read back by a tenant session, and RETURNING would need read access (RLS USING).
    await session.execute(
        insert(cast(Table, AuditLog.__table__)).values(
            # A client-side id: with the key known, no RETURNING is emitted.
            id=uuid.uuid4(),
            organization_id=organization_id,
            actor_type=actor_type,
            actor_user_id=actor_user_id,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            request_id=request_id,
            ip_address=ip_address,
            user_agent=user_agent,
            before=before if before is not None else null(),
            after=after if after is not None else null(),
        )
    )


async def list_events(
    session: AsyncSession,
    *,
    organization_id: uuid.UUID | None,
    action: str | None,
    limit: int,
    offset: int,
) -> tuple[list[AuditLog], int]:
    """Newest first, with the exact total; `organization_id` None = every org RLS shows."""
    stmt = select(AuditLog)
    if organization_id is not None:
        stmt = stmt.where(AuditLog.organization_id == organization_id)
    if action:
        stmt = stmt.where(AuditLog.action == action)
    total = (await session.execute(select(func.count()).select_from(stmt.subquery()))).scalar_one()
    stmt = stmt.order_by(AuditLog.created_at.desc(), AuditLog.id).limit(limit).offset(offset)
    return list((await session.execute(stmt)).scalars()), int(total)
