"""Bibliographic inventors of an organization's assets, for the flag step (BR-021, D19, D20).

One set-based query per run: the org's live assets joined to `patents` on their
normalised application or grant number (pitfall 18: plain joins), then to `inventors`.
Every source counts as bibliographic: grant XML, application XML and the assignment
search API (D20). Per asset one document's list is used, never a union of duplicates:
BR-021 prefers the application record, then the grant record; the search API's
heuristically split names come last; a patent matched by application number wins over
one matched by grant number only.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from domain.titles.inventors import parse_inventor
from domain.titles.types import Inventor

_INVENTORS = text(
    """
    WITH linked AS (
        SELECT a.id AS asset_id, p.id AS patent_id, true AS by_appno
        FROM assets a JOIN patents p ON p.appno_doc_num = a.appno_doc_num
        WHERE a.organization_id = :org AND a.deleted_at IS NULL
          AND a.appno_doc_num IS NOT NULL
          AND (CAST(:assets AS uuid[]) IS NULL OR a.id = ANY(CAST(:assets AS uuid[])))
        UNION
        SELECT a.id, p.id, false
        FROM assets a JOIN patents p ON p.grant_doc_num = a.grant_doc_num
        WHERE a.organization_id = :org AND a.deleted_at IS NULL
          AND a.grant_doc_num IS NOT NULL
          AND (CAST(:assets AS uuid[]) IS NULL OR a.id = ANY(CAST(:assets AS uuid[])))
    ), ranked AS (
        SELECT l.asset_id, i.sequence, i.name, i.first_name, i.middle_name, i.last_name,
               dense_rank() OVER (
                   PARTITION BY l.asset_id
                   ORDER BY CASE i.source WHEN 'application_xml' THEN 0
                                          WHEN 'grant_xml' THEN 1 ELSE 2 END,
                            l.by_appno DESC, i.patent_id
               ) AS pick
        FROM linked l JOIN inventors i ON i.patent_id = l.patent_id
    )
    SELECT asset_id, name, first_name, middle_name, last_name FROM ranked
    WHERE pick = 1 ORDER BY asset_id, sequence, name
    """
)


def to_inventor(
    name: str, first: str | None, middle: str | None, last: str | None
) -> Inventor | None:
    """BR-021: structured (family, given, middle); the "Family, Given Middle" string fallback."""
    if last:
        inv = parse_inventor(f"{last}, {' '.join(x for x in (first, middle) if x)}")
    else:
        inv = parse_inventor(name)
    return inv if inv.family or inv.given else None


async def load_bibliographic_inventors(
    session: AsyncSession, org_id: uuid.UUID, assets: Collection[uuid.UUID] | None = None
) -> dict[uuid.UUID, tuple[Inventor, ...]]:
    """asset id -> its bibliographic inventors in document order (assets without: absent).
    `assets`: only these (issue 6 scoped runs)."""
    found: dict[uuid.UUID, list[Inventor]] = defaultdict(list)
    only = None if assets is None else sorted(assets)
    for asset_id, name, first, middle, last in (
        await session.execute(_INVENTORS, {"org": org_id, "assets": only})
    ).all():
        inv = to_inventor(name, first, middle, last)
        if inv is not None:
            found[asset_id].append(inv)
    return {asset_id: tuple(invs) for asset_id, invs in found.items()}
