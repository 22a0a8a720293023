"""Doc numbers → organizations tracking them (the caller's session must be super-admin).

ingestion.md §1.1 step 8: reference loads (grants, publications, fees, families) report
the application and grant numbers they changed; the orgs whose live assets carry one of
them re-run their pipelines (e.g. D19: real inventors replace inferred ones).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_AFFECTED = text(
    """
    SELECT DISTINCT organization_id FROM (
        SELECT organization_id FROM assets
        WHERE deleted_at IS NULL AND appno_doc_num = ANY(:appnos)
        UNION ALL
        SELECT organization_id FROM assets
        WHERE deleted_at IS NULL AND grant_doc_num = ANY(:grants)
    ) hits
    ORDER BY organization_id
    """
)


async def organizations_tracking(
    session: AsyncSession, *, appnos: Collection[str], grants: Collection[str]
) -> list[uuid.UUID]:
    """Organizations with a live asset whose application or grant number is given."""
    if not appnos and not grants:
        return []
    rows = await session.execute(_AFFECTED, {"appnos": list(appnos), "grants": list(grants)})
    return [r[0] for r in rows]


_ORG_GRANTS = text(
    """
    SELECT DISTINCT a.grant_doc_num, p.grant_kind
    FROM assets a LEFT JOIN patents p ON p.grant_doc_num = a.grant_doc_num
    WHERE a.deleted_at IS NULL AND a.grant_doc_num IS NOT NULL
      AND a.organization_id = :org
    ORDER BY a.grant_doc_num
    """
)
_FRESH_LOOKUPS = text(
    "SELECT query_key FROM family_lookups WHERE query_key = ANY(:keys) AND next_refresh_at > now()"
)
_DUE_LOOKUPS = text(
    "SELECT query_key FROM family_lookups WHERE next_refresh_at <= now()"
    " ORDER BY next_refresh_at LIMIT :limit"
)


async def granted_assets(session: AsyncSession, org_id: uuid.UUID) -> list[tuple[str, str | None]]:
    """(grant number, kind if its grant is loaded) of the org's live granted assets."""
    rows = await session.execute(_ORG_GRANTS, {"org": org_id})
    return [(r[0], r[1]) for r in rows]


async def due_family_lookups(session: AsyncSession, limit: int) -> list[str]:
    """OPS lookups older than their refresh date (ingestion.md §2.7: daily, > 30 days)."""
    return [r[0] for r in await session.execute(_DUE_LOOKUPS, {"limit": limit})]


async def fresh_family_lookups(session: AsyncSession, keys: Collection[str]) -> set[str]:
    """The keys among `keys` whose OPS answer is still fresh (not due for refresh)."""
    if not keys:
        return set()
    return {r[0] for r in await session.execute(_FRESH_LOOKUPS, {"keys": list(keys)})}
