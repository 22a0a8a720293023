"""An organization's companies (D8: the names it owns, with aliases); minimal CRUD."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.portfolio import Company


async def list_companies(session: AsyncSession, org_id: uuid.UUID) -> list[Company]:
    stmt = (
        select(Company)
        .where(Company.organization_id == org_id, Company.deleted_at.is_(None))
        .order_by(Company.name, Company.id)
    )
    return list((await session.execute(stmt)).scalars())


async def create_company(
    session: AsyncSession, org_id: uuid.UUID, name: str, aliases: Sequence[str]
) -> Company:
    company = Company(
        id=uuid.uuid4(),
        organization_id=org_id,
        name=name,
        original_name=name,
        aliases=list(aliases),
    )
    session.add(company)
    await session.flush()
    await session.refresh(company)
    return company


async def soft_delete_company(
    session: AsyncSession, org_id: uuid.UUID, company_id: uuid.UUID
) -> bool:
    """Soft delete (the API's companies are user-curated, domain-model §7); False if absent."""
    result = await session.execute(
        update(Company)
        .where(
            Company.id == company_id,
            Company.organization_id == org_id,
            Company.deleted_at.is_(None),
        )
        .values(deleted_at=func.now())
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
