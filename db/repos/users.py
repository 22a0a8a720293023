"""Users of an organization (always read through RLS: the session's tenant decides)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.tenancy import User


async def get_user(
    session: AsyncSession, user_id: uuid.UUID, *, organization_id: uuid.UUID | None = None
) -> User | None:
    stmt = select(User).where(User.id == user_id, User.deleted_at.is_(None))
    if organization_id is not None:
        stmt = stmt.where(User.organization_id == organization_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_users(
    session: AsyncSession, organization_id: uuid.UUID, *, limit: int, offset: int
) -> tuple[list[User], int]:
    base = select(User).where(User.organization_id == organization_id, User.deleted_at.is_(None))
    total = (await session.execute(select(func.count()).select_from(base.subquery()))).scalar_one()
    rows = (
        await session.execute(base.order_by(User.created_at, User.id).limit(limit).offset(offset))
    ).scalars()
    return list(rows), int(total)


async def active_admin_ids_for_update(
    session: AsyncSession, organization_id: uuid.UUID
) -> list[uuid.UUID]:
    """The org's active admins, row-locked so two demotions cannot both pass the guard."""
    stmt = (
        select(User.id)
        .where(
            User.organization_id == organization_id,
            User.role == "org_admin",
            User.status == "active",
            User.deleted_at.is_(None),
        )
        .with_for_update()
    )
    return list((await session.execute(stmt)).scalars())


async def update_user(session: AsyncSession, user_id: uuid.UUID, **values: Any) -> None:
    await session.execute(update(User).where(User.id == user_id).values(**values))


async def count_users(session: AsyncSession, organization_id: uuid.UUID) -> int:
    stmt = select(func.count()).where(
        User.organization_id == organization_id, User.deleted_at.is_(None)
    )
    return int((await session.execute(stmt)).scalar_one())


async def user_ids_of_org(session: AsyncSession, organization_id: uuid.UUID) -> list[uuid.UUID]:
    stmt = select(User.id).where(User.organization_id == organization_id)
    return list((await session.execute(stmt)).scalars())
