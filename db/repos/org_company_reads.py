"""Monitored companies of an organization, as api.md §3.4 #38 lists them: keyset pages by
name with each company's asset count and the org entity its name is grouped under."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from db.repos.entity_reads import ENTITY_ID
from db.repos.keyset_sql import keyset_page


@dataclass(frozen=True)
class CompanyRow:
    id: uuid.UUID
    name: str
    domain: str | None
    aliases: list[str]
    enrichment_data: dict[str, Any] | None
    logo_storage_key: str | None
    created_at: datetime
    asset_count: int
    sort_key: str


async def list_companies(
    session: AsyncSession,
    org_id: uuid.UUID,
    *,
    search: str | None,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[CompanyRow], int]:
    """Live companies by name; `search` matches the name, an alias or the domain."""
    params: dict[str, Any] = {"org": org_id}
    where = ["c.organization_id = :org", "c.deleted_at IS NULL"]
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["term"] = f"%{escaped}%"
        where.append(
            "(c.name ILIKE :term OR c.domain ILIKE :term"
            " OR EXISTS (SELECT 1 FROM unnest(c.aliases) a WHERE a ILIKE :term))"
        )
    filtered = f"""
        SELECT c.id, c.name, c.domain, c.aliases, c.enrichment_data, c.logo_storage_key,
               c.created_at, lower(c.name) COLLATE "C" AS sort_key
        FROM companies c WHERE {" AND ".join(where)}"""  # noqa: S608
    page = await keyset_page(
        session, filtered, params, descending=descending, limit=limit, after=after
    )
    # Asset counts for the page's rows only.
    sql = f"""
        SELECT p.*, (SELECT count(*) FROM assets s WHERE s.organization_id = :org
                     AND s.company_id = p.id AND s.deleted_at IS NULL) AS asset_count
        FROM ({page.sql}) p ORDER BY p.sort_key {page.direction}, p.id {page.direction}"""  # noqa: S608
    rows = (await session.execute(text(sql), params)).mappings().all()
    return [CompanyRow(**r) for r in rows], page.total


async def entity_ids_by_name_key(
    session: AsyncSession, org_id: uuid.UUID, keys: Sequence[str]
) -> dict[str, uuid.UUID]:
    """name_key -> the org entity id of the group holding that key (entity_reads.ENTITY_ID)."""
    if not keys:
        return {}
    rows = await session.execute(
        text(
            f"SELECT g.name_key, {ENTITY_ID} FROM org_entity_groups g"  # noqa: S608
            " WHERE g.organization_id = :org AND g.name_key = ANY(:keys)"
        ),
        {"org": org_id, "keys": list(keys)},
    )
    return {r[0]: r[1] for r in rows.all()}


async def name_taken(session: AsyncSession, org_id: uuid.UUID, name: str) -> bool:
    """A live company of the org already has this name (case-insensitive): 409 (#39)."""
    found = await session.execute(
        text(
            "SELECT 1 FROM companies WHERE organization_id = :org AND deleted_at IS NULL"
            " AND lower(name) = lower(:name) LIMIT 1"
        ),
        {"org": org_id, "name": name},
    )
    return found.first() is not None
