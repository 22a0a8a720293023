"""Company rows for enrichment (tenant data: the caller's session carries the org)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.portfolio import Company


async def company_name(session: AsyncSession, company_id: uuid.UUID) -> str | None:
    stmt = select(Company.name).where(Company.id == company_id, Company.deleted_at.is_(None))
    return (await session.execute(stmt)).scalar_one_or_none()


async def save_enrichment(
    session: AsyncSession,
    company_id: uuid.UUID,
    *,
    domain: str | None,
    logo_storage_key: str | None,
    data: dict[str, Any],
) -> None:
    """§2.11: domain, logo key, enrichment_data, enriched_at; an earlier domain/logo is
    kept when this run only produced a placeholder."""
    await session.execute(
        update(Company)
        .where(Company.id == company_id)
        .values(
            domain=func.coalesce(domain, Company.domain),
            logo_storage_key=func.coalesce(logo_storage_key, Company.logo_storage_key),
            enrichment_data=data,
            enriched_at=func.now(),
        )
    )
