"""The org's entities (api.md §3.4 #35-37): the pipeline's step-2a grouping of the party
names on its conveyances (BR-018..020, `org_entity_groups`), one entity per group.

An entity's id is derived from (org, group key) — `md5(org || ':' || group_key)::uuid` —
so it is stable across pipeline runs (the group rows themselves are replaced every run)
and computable both in SQL and when reading one entity back. Asset counts and activity
join the group's recorded spellings to the shared `entities` rows (one per spelling,
unique on lower(name)), then to the conveyances naming them, then to the org's assets.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz.distance import Levenshtein
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from db.repos.keyset_sql import keyset_page

ENTITY_ID = "md5(g.organization_id::text || ':' || g.group_key)::uuid"

# Per group: its canonical name, spellings and the shared entity rows of those spellings.
_GROUPS = f"""
    SELECT {ENTITY_ID} AS id, g.group_key, min(g.canonical_name) AS canonical_name,
           array_agg(g.raw_name ORDER BY g.occurrences DESC, g.raw_name) AS names,
           count(*) AS alias_count, sum(g.occurrences) AS occurrences
    FROM org_entity_groups g WHERE g.organization_id = :org
    GROUP BY g.organization_id, g.group_key
"""  # noqa: S608  (constant fragments)

# The org's assets touched by conveyances naming any of `x.names`, and as what.
_ASSET_ROLES = """
    SELECT s.id AS asset_id, bool_or(p.role = 'assignee') AS as_assignee,
           bool_or(p.role = 'assignor') AS as_assignor, max(a.record_dt) AS last_date
    FROM entities en
    JOIN LATERAL (
        SELECT r.assignment_id, 'assignor' AS role FROM assignors r WHERE r.entity_id = en.id
        UNION ALL
        SELECT e.assignment_id, 'assignee' FROM assignees e WHERE e.entity_id = en.id
    ) p ON true
    JOIN assignments a ON a.id = p.assignment_id AND a.status = 'active'
    JOIN document_ids di ON di.assignment_id = a.id
    JOIN assets s ON s.organization_id = :org AND s.deleted_at IS NULL
     AND ((s.appno_doc_num IS NOT NULL AND s.appno_doc_num = di.appno_doc_num)
       OR (s.grant_doc_num IS NOT NULL AND s.grant_doc_num = di.grant_doc_num))
    WHERE lower(en.name) = ANY(SELECT lower(n) FROM unnest(x.names) n)
    GROUP BY s.id
"""


@dataclass(frozen=True)
class EntityRow:
    id: uuid.UUID
    canonical_name: str
    representative_id: uuid.UUID | None
    alias_count: int
    asset_count: int
    last_activity_date: date | None
    sort_key: str


async def list_entities(
    session: AsyncSession,
    org_id: uuid.UUID,
    *,
    search: str | None,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[EntityRow], int]:
    """The org's entity groups by canonical name; `search` matches any spelling. Asset
    counts are computed for the page's rows only (after the LIMIT): one statement."""
    params: dict[str, Any] = {"org": org_id}
    where = ""
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["term"] = f"%{escaped}%"
        where = (
            "WHERE x.canonical_name ILIKE :term"
            " OR EXISTS (SELECT 1 FROM unnest(x.names) n WHERE n ILIKE :term)"
        )
    filtered = f"""
        SELECT x.id, x.canonical_name, x.names, x.alias_count,
               lower(x.canonical_name) COLLATE "C" AS sort_key
        FROM ({_GROUPS}) x {where}"""  # noqa: S608
    page = await keyset_page(
        session, filtered, params, descending=descending, limit=limit, after=after
    )
    stats_sql = f"""
        SELECT x.id, x.canonical_name, x.alias_count, x.sort_key,
               (SELECT en.representative_id FROM entities en
                WHERE lower(en.name) = lower(x.names[1])) AS representative_id,
               COALESCE(st.n, 0) AS asset_count, st.last_date
        FROM ({page.sql}) x
        LEFT JOIN LATERAL (SELECT count(*) AS n, max(ar.last_date) AS last_date
                           FROM ({_ASSET_ROLES}) ar) st ON true
        ORDER BY x.sort_key {page.direction}, x.id {page.direction}"""  # noqa: S608
    rows = (await session.execute(text(stats_sql), params)).mappings().all()
    return [
        EntityRow(
            id=r["id"],
            canonical_name=r["canonical_name"],
            representative_id=r["representative_id"],
            alias_count=int(r["alias_count"]),
            asset_count=int(r["asset_count"]),
            last_activity_date=r["last_date"],
            sort_key=r["sort_key"],
        )
        for r in rows
    ], page.total


@dataclass(frozen=True)
class AliasRow:
    name: str
    occurrences: int
    distance: int


@dataclass(frozen=True)
class EntityAssetRow:
    id: uuid.UUID
    application_number: str | None
    grant_number: str | None
    title: str | None
    relationship: str


@dataclass(frozen=True)
class EntityDetail:
    id: uuid.UUID
    canonical_name: str
    aliases: list[AliasRow]
    assets: list[EntityAssetRow]


async def get_entity(
    session: AsyncSession, org_id: uuid.UUID, entity_id: uuid.UUID, *, max_assets: int
) -> tuple[EntityDetail, int] | None:
    """One group with its spellings (and their edit distance to the canonical name) and
    the org assets it appears on; None when the id is no group of the caller's org."""
    group = (
        (
            await session.execute(
                text(f"SELECT * FROM ({_GROUPS}) x WHERE x.id = :id"),  # noqa: S608
                {"org": org_id, "id": entity_id},
            )
        )
        .mappings()
        .one_or_none()
    )
    if group is None:
        return None
    names = list(group["names"])
    aliases = (
        await session.execute(
            text(
                "SELECT g.raw_name, g.occurrences FROM org_entity_groups g"
                " WHERE g.organization_id = :org AND g.group_key = :gk"
                " ORDER BY g.occurrences DESC, g.raw_name"
            ),
            {"org": org_id, "gk": group["group_key"]},
        )
    ).all()
    assets_sql = f"""
        SELECT ar.asset_id AS id, b.appno, b.grant_no, b.title,
               CASE WHEN ar.as_assignee AND ar.as_assignor THEN 'both'
                    WHEN ar.as_assignee THEN 'assignee' ELSE 'assignor' END AS relationship
        FROM (SELECT CAST(:names AS text[]) AS names) x
        CROSS JOIN LATERAL ({_ASSET_ROLES}) ar
        JOIN LATERAL (
            SELECT s.appno_doc_num AS appno, COALESCE(s.grant_doc_num, di.grant_doc_num)
                     AS grant_no, di.title
            FROM assets s LEFT JOIN LATERAL (
                SELECT d.grant_doc_num, d.title FROM document_ids d
                WHERE (s.appno_doc_num IS NOT NULL AND d.appno_doc_num = s.appno_doc_num)
                   OR (s.appno_doc_num IS NULL AND d.grant_doc_num = s.grant_doc_num)
                ORDER BY d.title IS NULL, d.created_at DESC, d.id LIMIT 1) di ON true
            WHERE s.id = ar.asset_id) b ON true
        ORDER BY b.appno NULLS LAST, b.grant_no, ar.asset_id"""  # noqa: S608
    rows = (
        (await session.execute(text(assets_sql), {"org": org_id, "names": names})).mappings().all()
    )
    canonical = str(group["canonical_name"])

    return (
        EntityDetail(
            id=group["id"],
            canonical_name=canonical,
            aliases=[
                AliasRow(n, int(o), Levenshtein.distance(n.lower(), canonical.lower()))
                for n, o in aliases
            ],
            assets=[
                EntityAssetRow(r["id"], r["appno"], r["grant_no"], r["title"], r["relationship"])
                for r in rows[:max_assets]
            ],
        ),
        len(rows),
    )


async def name_counts(session: AsyncSession, org_id: uuid.UUID) -> tuple[int, int]:
    """(spellings, groups) of the org's current grouping."""
    row = (
        await session.execute(
            text(
                "SELECT count(*), count(DISTINCT group_key) FROM org_entity_groups"
                " WHERE organization_id = :org"
            ),
            {"org": org_id},
        )
    ).one()
    return int(row[0]), int(row[1])


async def last_run_seconds(session: AsyncSession, org_id: uuid.UUID) -> float | None:
    """Duration of the org's latest successful pipeline run (the normalize estimate)."""
    value = (
        await session.execute(
            text(
                "SELECT extract(epoch FROM completed_at - started_at) FROM processing_jobs"
                " WHERE organization_id = :org AND status = 'success'"
                " AND started_at IS NOT NULL AND completed_at IS NOT NULL"
                " ORDER BY completed_at DESC LIMIT 1"
            ),
            {"org": org_id},
        )
    ).scalar()
    return None if value is None else round(float(value), 3)


async def org_counts(session: AsyncSession, org_id: uuid.UUID) -> tuple[int, int]:
    """(live assets, entity groups) of the org, for its profile (api.md #33)."""
    row = (
        await session.execute(
            text(
                "SELECT (SELECT count(*) FROM assets WHERE organization_id = :org"
                "        AND deleted_at IS NULL),"
                "       (SELECT count(DISTINCT group_key) FROM org_entity_groups"
                "        WHERE organization_id = :org)"
            ),
            {"org": org_id},
        )
    ).one()
    return int(row[0]), int(row[1])
