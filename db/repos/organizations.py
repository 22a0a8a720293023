"""Organizations as the platform sees them (super admins) and as a tenant sees itself."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.tenancy import Organization, User


async def get_org(session: AsyncSession, org_id: uuid.UUID) -> Organization | None:
    stmt = select(Organization).where(Organization.id == org_id, Organization.deleted_at.is_(None))
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_orgs(
    session: AsyncSession,
    *,
    search: str | None,
    statuses: tuple[str, ...] | None,
    limit: int,
    offset: int,
) -> tuple[list[tuple[Organization, int]], int]:
    """Customer organizations with their user counts (the platform org is not a customer)."""
    users = (
        select(func.count(User.id))
        .where(User.organization_id == Organization.id, User.deleted_at.is_(None))
        .correlate(Organization)
        .scalar_subquery()
    )
    stmt = select(Organization, users).where(
        Organization.deleted_at.is_(None), Organization.is_platform.is_(False)
    )
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = "%" + escaped + "%"
        stmt = stmt.where(or_(Organization.name.ilike(pattern), Organization.slug.ilike(pattern)))
    if statuses:
        stmt = stmt.where(Organization.status.in_(statuses))
    total = (await session.execute(select(func.count()).select_from(stmt.subquery()))).scalar_one()
    rows = await session.execute(
        stmt.order_by(Organization.created_at, Organization.id).limit(limit).offset(offset)
    )
    return [(org, int(count)) for org, count in rows.all()], int(total)


async def slug_or_name_taken(session: AsyncSession, *, name: str, slug: str) -> bool:
    stmt = select(func.count()).where(
        Organization.deleted_at.is_(None),
        or_(func.lower(Organization.name) == name.lower(), Organization.slug == slug),
    )
    return bool((await session.execute(stmt)).scalar_one())


async def update_org(session: AsyncSession, org_id: uuid.UUID, **values: Any) -> None:
    await session.execute(update(Organization).where(Organization.id == org_id).values(**values))
