"""CPC loaders: the monthly master classification (MCF) as a full replacement, and the
scheme hierarchy with titles (ingestion.md §2.4, §2.5; BR-056).

BR-056 asks that readers never see a half-loaded table. The snapshot is COPYed into a
TEMP staging table first; the replacement itself is then a few set-based statements in
the caller's ONE transaction (delete what the snapshot no longer has, insert what is new).
PostgreSQL MVCC makes that atomic for readers: until the commit every reader sees the old
rows, after it the new ones, and a failure anywhere rolls back to the old data.

Why not TRUNCATE + reload or a rename swap: TRUNCATE is not MVCC-safe (a reader whose
snapshot predates the commit sees an EMPTY table, neither old nor new), and both need
table ownership, which the worker role deliberately lacks (domain-model §11.3 (1)).
The diff form also keeps unchanged rows (and their ids) untouched, so a re-run of the
same snapshot writes nothing. Runs inside the caller's transaction; never commits.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Iterable
from dataclasses import dataclass

import asyncpg

from db.loaders.copy_merge import Staging, copy_rows, prepare
from domain.ingestion.biblio_records import CpcClassificationRecord, CpcMasterRecord

STG_MCF = Staging(
    "stg_cpc_mcf",
    (
        ("patent_doc_num", "text"),
        ("patent_type", "text"),
        ("cpc_code", "text"),
        ("cpc_level", "int"),
        ("is_inventive", "boolean"),
        ("is_main", "boolean"),
        ("position", "int"),
        ("version_date", "date"),
    ),
)
_MCF_COLUMNS = "patent_doc_num, patent_type, cpc_code, cpc_level, is_inventive, is_main, position"
_SAME_ROW = """
    t.patent_doc_num = s.patent_doc_num AND t.patent_type = s.patent_type
    AND t.cpc_code = s.cpc_code AND t.cpc_level = s.cpc_level
    AND t.is_inventive = s.is_inventive AND t.is_main = s.is_main
    AND t.position = s.position AND t.version_date IS NOT DISTINCT FROM s.version_date
"""
_DELETE_GONE = f"""
DELETE FROM patent_cpc_codes t
WHERE t.source = 'mcf' AND t.patent_type = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM stg_cpc_mcf s WHERE {_SAME_ROW})
"""  # noqa: S608 (constant fragments)
# §2.4: weekly-XML rows of documents the snapshot now covers are superseded.
_DELETE_SUPERSEDED = """
DELETE FROM patent_cpc_codes t
WHERE t.source <> 'mcf' AND t.patent_type = ANY($1::text[])
  AND EXISTS (SELECT 1 FROM stg_cpc_mcf s
              WHERE s.patent_doc_num = t.patent_doc_num AND s.patent_type = t.patent_type)
"""
_INSERT_NEW = f"""
INSERT INTO patent_cpc_codes ({_MCF_COLUMNS}, version_date, source)
SELECT DISTINCT {_MCF_COLUMNS}, version_date, 'mcf' FROM stg_cpc_mcf s
WHERE NOT EXISTS (SELECT 1 FROM patent_cpc_codes t WHERE t.source = 'mcf' AND {_SAME_ROW})
"""  # noqa: S608 (constant fragments)


@dataclass
class ReplaceCounts:
    staged: int = 0
    inserted: int = 0
    deleted: int = 0
    superseded: int = 0


def mcf_rows(record: CpcMasterRecord) -> list[tuple[object, ...]]:
    """patent_cpc_codes staging rows of one MCF record."""
    doc = record.grant_doc_num or record.pgpub_doc_num
    return [
        (doc, record.patent_type, c.code, c.level, c.is_inventive, c.is_main, c.position,
         c.version_date)
        for c in record.codes
    ]  # fmt: skip


class CpcMasterReplacement:
    """Stage a whole MCF snapshot batch by batch, then apply it in one go (BR-056)."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn
        self.counts = ReplaceCounts()
        self.patent_types: set[str] = set()
        self._prepared = False

    async def stage(self, records: Iterable[CpcMasterRecord]) -> None:
        if not self._prepared:
            await prepare(self.conn, STG_MCF)
            self._prepared = True
        rows: list[tuple[object, ...]] = []
        for record in records:
            self.patent_types.add(record.patent_type)
            rows += mcf_rows(record)
        self.counts.staged += await copy_rows(self.conn, STG_MCF, rows)

    async def apply(self) -> ReplaceCounts:
        """Replace the rows of the staged patent types with the snapshot."""
        if not self.patent_types:
            return self.counts
        types = sorted(self.patent_types)
        await self.conn.execute("CREATE INDEX ON stg_cpc_mcf (patent_doc_num, patent_type)")
        await self.conn.execute("ANALYZE stg_cpc_mcf")
        self.counts.deleted = _count(await self.conn.execute(_DELETE_GONE, types))
        self.counts.superseded = _count(await self.conn.execute(_DELETE_SUPERSEDED, types))
        self.counts.inserted = _count(await self.conn.execute(_INSERT_NEW))
        await self.conn.execute("DROP INDEX IF EXISTS stg_cpc_mcf_patent_doc_num_patent_type_idx")
        return self.counts


async def replace_cpc_master(
    conn: asyncpg.Connection, batches: AsyncIterable[list[CpcMasterRecord]]
) -> ReplaceCounts:
    """Stage every batch of the snapshot, then replace (the caller commits once)."""
    replacement = CpcMasterReplacement(conn)
    async for batch in batches:
        await replacement.stage(batch)
    return await replacement.apply()


def _count(status: str) -> int:
    # asyncpg returns the command tag, e.g. "DELETE 12" / "INSERT 0 7".
    return int(status.rsplit(" ", 1)[-1])


# --------------------------------------------------------------------------- scheme (§2.5)

STG_SCHEME = Staging(
    "stg_cpc_scheme",
    (
        ("cpc_code", "text"),
        ("section", "text"),
        ("class", "text"),
        ("subclass", "text"),
        ("main_group", "text"),
        ("subgroup", "text"),
        ("parent_code", "text"),
        ("title", "text"),
        ("level", "int"),
        ("dot_level", "int"),
        ("title_cpc_only", "boolean"),
        ("not_allocatable", "boolean"),
        ("scheme_version", "text"),
    ),
)
_SCHEME_COLS = (
    "section, class, subclass, main_group, subgroup, title, level, dot_level,"
    " title_cpc_only, not_allocatable, scheme_version"
)
_UPSERT_SCHEME = f"""
INSERT INTO cpc_classifications AS c (cpc_code, {_SCHEME_COLS})
SELECT cpc_code, {_SCHEME_COLS} FROM stg_cpc_scheme
ON CONFLICT (cpc_code) DO UPDATE SET
    section = excluded.section, class = excluded.class, subclass = excluded.subclass,
    main_group = excluded.main_group, subgroup = excluded.subgroup, title = excluded.title,
    level = excluded.level, dot_level = excluded.dot_level,
    title_cpc_only = excluded.title_cpc_only, not_allocatable = excluded.not_allocatable,
    scheme_version = excluded.scheme_version, updated_at = now()
WHERE (c.section, c.class, c.subclass, c.main_group, c.subgroup, c.title, c.level,
       c.dot_level, c.title_cpc_only, c.not_allocatable, c.scheme_version)
      IS DISTINCT FROM
      (excluded.section, excluded.class, excluded.subclass, excluded.main_group,
       excluded.subgroup, excluded.title, excluded.level, excluded.dot_level,
       excluded.title_cpc_only, excluded.not_allocatable, excluded.scheme_version)
"""  # noqa: S608 (constant fragments)
_RESOLVE_PARENTS = """
UPDATE cpc_classifications c SET parent_id = p.id, updated_at = now()
FROM stg_cpc_scheme s LEFT JOIN cpc_classifications p ON p.cpc_code = s.parent_code
WHERE c.cpc_code = s.cpc_code AND c.parent_id IS DISTINCT FROM p.id
"""
# A snapshot replaces whole sections: a code of a loaded section missing from it is gone.
_DELETE_MISSING = """
DELETE FROM cpc_classifications c
WHERE c.section IN (SELECT DISTINCT section FROM stg_cpc_scheme)
  AND NOT EXISTS (SELECT 1 FROM stg_cpc_scheme s WHERE s.cpc_code = c.cpc_code)
"""


def scheme_row(r: CpcClassificationRecord) -> tuple[object, ...]:
    return (
        r.cpc_code, r.section, r.cpc_class, r.subclass, r.main_group, r.subgroup,
        r.parent_code, r.title, r.level, r.dot_level, r.title_cpc_only, r.not_allocatable,
        r.scheme_version,
    )  # fmt: skip


async def replace_cpc_scheme(
    conn: asyncpg.Connection, records: Iterable[CpcClassificationRecord]
) -> ReplaceCounts:
    """Replace the sections present in `records` (title list or scheme XML, §2.5)."""
    by_code: dict[str, CpcClassificationRecord] = {}
    for record in records:
        kept = by_code.get(record.cpc_code)
        # Quirk 19: duplicate symbols; the titled one wins.
        if kept is None or (kept.title is None and record.title is not None):
            by_code[record.cpc_code] = record
    await prepare(conn, STG_SCHEME)
    counts = ReplaceCounts()
    counts.staged = await copy_rows(conn, STG_SCHEME, [scheme_row(r) for r in by_code.values()])
    counts.deleted = _count(await conn.execute(_DELETE_MISSING))
    counts.inserted = _count(await conn.execute(_UPSERT_SCHEME))
    await conn.execute(_RESOLVE_PARENTS)
    return counts
