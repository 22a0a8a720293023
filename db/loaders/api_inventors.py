"""Inventors listed by the assignment search API, kept as bibliographic inventors (D20).

Each API property names its inventors; they are stored in `inventors` with
`source = 'search_api'` against the property's `patents` row (created minimally, keyed
by application number, when no grant/publication has been loaded yet; the weekly XML
later fills it in). Rows are diffed, not rewritten, so a replay changes nothing.
Never commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import asyncpg

from domain.ingestion.records import AssignmentRecord

_ENSURE_PATENTS = """
INSERT INTO patents (appno_doc_num, grant_doc_num, pgpub_doc_num, title, appno_date,
    grant_date, pgpub_date, layout_id)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[],
    $7::date[], $8::int[])
ON CONFLICT DO NOTHING
"""
_RESOLVE = """
SELECT n.ord, p.id FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS n(appno, grant_no, ord)
JOIN LATERAL (
    SELECT id FROM patents p
    WHERE (n.appno IS NOT NULL AND p.appno_doc_num = n.appno)
       OR (n.grant_no IS NOT NULL AND p.grant_doc_num = n.grant_no)
    ORDER BY (p.appno_doc_num = n.appno) DESC NULLS LAST LIMIT 1) p ON true
"""
_SYNC = """
WITH incoming AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[],
        $6::text[], $7::text[]) AS n(patent_id, patent_doc_num, patent_type, sequence, name,
        first_name, last_name)
), gone AS (
    DELETE FROM inventors i
    WHERE i.source = 'search_api' AND i.patent_id = ANY($1::uuid[])
      AND NOT EXISTS (SELECT 1 FROM incoming n WHERE n.patent_id = i.patent_id
          AND n.sequence = i.sequence AND n.name = i.name
          AND n.patent_doc_num = i.patent_doc_num AND n.patent_type = i.patent_type)
    RETURNING 1
)
INSERT INTO inventors (patent_id, patent_doc_num, patent_type, source, sequence, name,
    first_name, last_name)
SELECT n.patent_id, n.patent_doc_num, n.patent_type, 'search_api', n.sequence, n.name,
       n.first_name, n.last_name
FROM incoming n
WHERE NOT EXISTS (SELECT 1 FROM inventors i WHERE i.source = 'search_api'
    AND i.patent_id = n.patent_id AND i.sequence = n.sequence AND i.name = n.name
    AND i.patent_doc_num = n.patent_doc_num AND i.patent_type = n.patent_type)
"""


@dataclass
class InventorSync:
    properties: int = 0
    inventors: int = 0
    appnos: set[str] = field(default_factory=set)
    grants: set[str] = field(default_factory=set)


def split_name(name: str) -> tuple[str | None, str | None]:
    """(first, last) of `Last, First` or `First Middle Last` (the API uses both)."""
    if "," in name:
        last, first = (part.strip() for part in name.split(",", 1))
        return first or None, last or None
    parts = name.split()
    return (" ".join(parts[:-1]) or None, parts[-1]) if parts else (None, None)


async def sync_api_inventors(
    conn: asyncpg.Connection, records: list[AssignmentRecord]
) -> InventorSync:
    """Store the inventors every property of `records` lists (D20)."""
    props = [
        p
        for r in records
        for p in r.properties
        if p.inventors and (p.appno_doc_num or p.grant_doc_num)
    ]
    result = InventorSync(len(props))
    if not props:
        return result
    await conn.execute(
        _ENSURE_PATENTS,
        [p.appno_doc_num for p in props if p.appno_doc_num],
        [p.grant_doc_num for p in props if p.appno_doc_num],
        [p.pgpub_doc_num for p in props if p.appno_doc_num],
        [p.title for p in props if p.appno_doc_num],
        [p.appno_date for p in props if p.appno_doc_num],
        [p.grant_date for p in props if p.appno_doc_num],
        [p.pgpub_date for p in props if p.appno_doc_num],
        [15 if p.grant_doc_num else 14 for p in props if p.appno_doc_num],
    )
    resolved = dict(
        await conn.fetch(
            _RESOLVE, [p.appno_doc_num for p in props], [p.grant_doc_num for p in props]
        )
    )
    columns: list[list[object]] = [[] for _ in range(7)]
    for ordinal, prop in enumerate(props, 1):
        patent_id = resolved.get(ordinal)
        if patent_id is None:
            continue
        grant = prop.grant_doc_num
        doc = grant or prop.pgpub_doc_num or prop.appno_doc_num
        for seq, name in enumerate(prop.inventors, 1):
            first, last = split_name(name)
            for column, value in zip(
                columns,
                (patent_id, doc, "grant" if grant else "application", seq, name, first, last),
                strict=True,
            ):
                column.append(value)
        if prop.appno_doc_num:
            result.appnos.add(prop.appno_doc_num)
        if grant:
            result.grants.add(grant)
    await conn.execute(_SYNC, *columns)
    result.inventors = len(columns[0])
    return result
