"""Bulk loader for the assignment feed: COPY into TEMP staging, set-based merges (BR-059).

Per batch (ingestion.md §1.1 steps 6-7), one indexed look-up of the batch's rf_ids
splits it three ways:
- rf_ids not stored yet (a daily file is almost all new): their party names are upserted
  into `entities` and resolved to ids in one statement, and parents and children are
  COPYed straight into the target tables with ids assigned up front. No staging, no
  ON CONFLICT, no joins: PostgreSQL only writes rows and indexes. If another writer
  inserts one of these rf_ids meanwhile, the unique violation rolls back to a savepoint
  and the records take the general merge below instead;
- stored rows that this record would not replace (same last-update date and content
  hash, or a newer stored date) are skipped without writing anything;
- the rest go the general way: COPY into session-local TEMP tables, one
  `INSERT … ON CONFLICT (rf_id) DO UPDATE … WHERE <newer or changed>` merge whose
  RETURNING rows (inserted or updated parents) are the "accepted" set, the children of
  accepted parents that already existed are deleted and re-inserted (positions are not
  stable across corrections, §2.1), party names upserted into `entities` on lower(name).

An identical replay matches the stored `content_hash` and is not accepted, so a re-run
(or a job killed and run again) writes nothing for rows it already loaded: the end state
depends only on the records, never on how many times or in what pieces they were loaded.
The loader runs inside the caller's transaction and never commits.
"""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession

from db.loaders.assignment_rows import (
    ASSIGNMENT_COLUMNS,
    DOCUMENT_COLUMNS,
    PARTY_COLUMNS,
    StagedBatch,
    stage,
)
from domain.ingestion.records import AssignmentRecord

# ON COMMIT DELETE ROWS: staging never outlives the batch's transaction, even on a pooled
# connection reused by the next job.
_STAGING_DDL = [
    """CREATE TEMP TABLE IF NOT EXISTS stg_assignments (
        rf_id text, reel_no text, frame_no text, convey_text text, record_dt date,
        exec_dt date, cname text, correspondent text, page_count int, status text,
        purge_indicator text, last_update_dt date, transaction_date date, source text,
        content_hash text) ON COMMIT DELETE ROWS""",
    """CREATE TEMP TABLE IF NOT EXISTS stg_document_ids (
        rf_id text, seq int, appno_doc_num text, appno_date date, pgpub_doc_num text,
        pgpub_date date, grant_doc_num text, grant_date date, pct_doc_num text, title text,
        title_lang text, raw_ids text) ON COMMIT DELETE ROWS""",
    """CREATE TEMP TABLE IF NOT EXISTS stg_parties (
        rf_id text, role text, seq int, name text, exec_dt date, ack_dt date,
        address_1 text, address_2 text, city text, state text, postcode text,
        country text) ON COMMIT DELETE ROWS""",
    """CREATE TEMP TABLE IF NOT EXISTS stg_accepted (
        id uuid, rf_id text, inserted boolean) ON COMMIT DELETE ROWS""",
    """CREATE TEMP TABLE IF NOT EXISTS stg_entity_delta (
        entity_id uuid, n int) ON COMMIT DELETE ROWS""",
]
_TRUNCATE = (
    "TRUNCATE stg_assignments, stg_document_ids, stg_parties, stg_accepted, stg_entity_delta"
)

# BR-059 / §2.1: the newer last-update-date wins (NULL counts as oldest); on an equal date
# the later file wins only if the record actually differs, so identical replays are no-ops.
_MERGE_PARENTS = """
WITH up AS (
    INSERT INTO assignments AS a (
        rf_id, reel_no, frame_no, convey_text, record_dt, exec_dt, cname, correspondent,
        page_count, status, purge_indicator, last_update_dt, transaction_date, source,
        content_hash, ingestion_job_id)
    SELECT rf_id, reel_no, frame_no, convey_text, record_dt, exec_dt, cname,
           correspondent::jsonb, page_count, status, purge_indicator, last_update_dt,
           transaction_date, source, content_hash, $1::uuid
    FROM stg_assignments
    ON CONFLICT (rf_id) DO UPDATE SET
        reel_no = excluded.reel_no, frame_no = excluded.frame_no,
        convey_text = excluded.convey_text, record_dt = excluded.record_dt,
        exec_dt = excluded.exec_dt, cname = excluded.cname,
        correspondent = excluded.correspondent, page_count = excluded.page_count,
        status = excluded.status, purge_indicator = excluded.purge_indicator,
        last_update_dt = excluded.last_update_dt,
        transaction_date = excluded.transaction_date, source = excluded.source,
        content_hash = excluded.content_hash, ingestion_job_id = excluded.ingestion_job_id,
        updated_at = now()
    WHERE coalesce(excluded.last_update_dt, '-infinity'::date)
              > coalesce(a.last_update_dt, '-infinity'::date)
       OR (coalesce(excluded.last_update_dt, '-infinity'::date)
              = coalesce(a.last_update_dt, '-infinity'::date)
           AND excluded.content_hash <> a.content_hash)
    RETURNING a.id, a.rf_id, (a.xmax = 0) AS inserted
)
INSERT INTO stg_accepted SELECT id, rf_id, inserted FROM up
"""

# Children of updated parents go; each removed party reference is -1 on its entity.
_DELETE_CHILDREN = [
    """DELETE FROM document_ids t USING stg_accepted acc
       WHERE t.assignment_id = acc.id AND NOT acc.inserted""",
    """WITH gone AS (
           DELETE FROM assignors t USING stg_accepted acc
           WHERE t.assignment_id = acc.id AND NOT acc.inserted RETURNING t.entity_id)
       INSERT INTO stg_entity_delta SELECT entity_id, -1 FROM gone""",
    """WITH gone AS (
           DELETE FROM assignees t USING stg_accepted acc
           WHERE t.assignment_id = acc.id AND NOT acc.inserted RETURNING t.entity_id)
       INSERT INTO stg_entity_delta SELECT entity_id, -1 FROM gone""",
]

# Sorted, so concurrent loaders take entity row locks in the same order (no deadlocks).
_UPSERT_ENTITIES = """
INSERT INTO entities (name, instances)
SELECT DISTINCT ON (lower(p.name)) p.name, 0
FROM stg_parties p JOIN stg_accepted acc USING (rf_id)
ORDER BY lower(p.name), p.name
ON CONFLICT ((lower(name))) DO NOTHING
"""

_INSERT_DOCUMENTS = """
INSERT INTO document_ids (
    assignment_id, seq, appno_doc_num, appno_date, pgpub_doc_num, pgpub_date,
    grant_doc_num, grant_date, pct_doc_num, title, title_lang, raw_ids)
SELECT acc.id, d.seq, d.appno_doc_num, d.appno_date, d.pgpub_doc_num, d.pgpub_date,
       d.grant_doc_num, d.grant_date, d.pct_doc_num, d.title, d.title_lang, d.raw_ids::jsonb
FROM stg_document_ids d JOIN stg_accepted acc USING (rf_id)
ORDER BY acc.id, d.seq
ON CONFLICT ON CONSTRAINT uq_document_ids_assignment_id_appno_doc_num_grant_doc_num
DO NOTHING
"""

_INSERT_ASSIGNORS = """
WITH added AS (
    INSERT INTO assignors (assignment_id, entity_id, seq, or_name, exec_dt, ack_dt)
    SELECT acc.id, e.id, p.seq, p.name, p.exec_dt, p.ack_dt
    FROM stg_parties p JOIN stg_accepted acc USING (rf_id)
    JOIN entities e ON lower(e.name) = lower(p.name)
    WHERE p.role = 'or'
    RETURNING entity_id)
INSERT INTO stg_entity_delta SELECT entity_id, 1 FROM added
"""

_INSERT_ASSIGNEES = """
WITH added AS (
    INSERT INTO assignees (
        assignment_id, entity_id, seq, ee_name, ee_address_1, ee_address_2, ee_city,
        ee_state, ee_postcode, ee_country)
    SELECT acc.id, e.id, p.seq, p.name, p.address_1, p.address_2, p.city, p.state,
           p.postcode, p.country
    FROM stg_parties p JOIN stg_accepted acc USING (rf_id)
    JOIN entities e ON lower(e.name) = lower(p.name)
    WHERE p.role = 'ee'
    RETURNING entity_id)
INSERT INTO stg_entity_delta SELECT entity_id, 1 FROM added
"""

# domain-model §3 "instances" = references from assignors and assignees. Applied as the
# net delta of the references this batch removed and added: only accepted parents touch
# children, so a replay adds nothing, and the delta commits or rolls back with the rows.
# Hot names (a bank in thousands of records) cost one row update per batch, not a recount.
_APPLY_ENTITY_DELTA = """
UPDATE entities e SET instances = e.instances + d.n, updated_at = now()
FROM (SELECT entity_id, sum(n)::int AS n FROM stg_entity_delta
      GROUP BY entity_id HAVING sum(n) <> 0) d
WHERE e.id = d.entity_id
"""


_EXISTING = """
SELECT rf_id, last_update_dt, content_hash FROM assignments WHERE rf_id = ANY($1::text[])
"""


# Party names → entity ids in one statement. New names are inserted exactly as
# _UPSERT_ENTITIES does (sorted for lock order; the first spelling of a lower(name) wins);
# every input spelling is mapped through PostgreSQL's own lower(), never Python's.
# A name another transaction inserts after this statement's snapshot is in neither join
# (its insert conflicted, the snapshot cannot see it): `resolve_entities` re-reads those.
_RESOLVE_ENTITIES = """
WITH input AS (SELECT DISTINCT n FROM unnest($1::text[]) AS u(n)),
ins AS (
    INSERT INTO entities (name, instances)
    SELECT DISTINCT ON (lower(n)) n, 0 FROM input ORDER BY lower(n), n
    ON CONFLICT ((lower(name))) DO NOTHING
    RETURNING id, name)
SELECT i.n, coalesce(ins.id, e.id) FROM input i
LEFT JOIN ins ON lower(ins.name) = lower(i.n)
LEFT JOIN entities e ON lower(e.name) = lower(i.n)
"""
_FIND_ENTITIES = """
SELECT u.n, e.id FROM unnest($1::text[]) AS u(n) JOIN entities e ON lower(e.name) = lower(u.n)
"""

# The references a batch of new parents adds (domain-model §3 "instances"), sorted by id.
_ADD_INSTANCES = """
UPDATE entities e SET instances = e.instances + d.n, updated_at = now()
FROM unnest($1::uuid[], $2::int[]) AS d(id, n) WHERE e.id = d.id
"""

_NEW_ASSIGNMENT_COLUMNS = ("id", *ASSIGNMENT_COLUMNS, "ingestion_job_id")
_NEW_DOCUMENT_COLUMNS = ("id", "assignment_id", *DOCUMENT_COLUMNS[1:])
_NEW_ASSIGNOR_COLUMNS = ("id", "assignment_id", "entity_id", "seq", "or_name", "exec_dt", "ack_dt")
_NEW_ASSIGNEE_COLUMNS = (
    "id",
    "assignment_id",
    "entity_id",
    "seq",
    "ee_name",
    "ee_address_1",
    "ee_address_2",
    "ee_city",
    "ee_state",
    "ee_postcode",
    "ee_country",
)
_LU = ASSIGNMENT_COLUMNS.index("last_update_dt")
_HASH = ASSIGNMENT_COLUMNS.index("content_hash")
_NO_DATE = date.min  # NULL last-update counts as the oldest, like '-infinity' in SQL


def time_ordered_ids(count: int) -> Iterator[str]:
    """`count` fresh UUIDs (version 7 layout: 48-bit milliseconds, then random bits and a
    counter), as hex. Assigned up front because children need their parent's id, and
    because COPY fills a volatile default (gen_random_uuid()) one row at a time while rows
    that carry every value are written in multi-row batches; time-ordered so each batch
    appends to the right edge of the primary-key indexes instead of touching random pages
    across them (what keeps a 10 M-row backfile load from thrashing)."""
    millis = time.time_ns() // 1_000_000
    rand_a, start = secrets.randbits(12), secrets.randbits(61)  # 2^61 leaves room to count
    base = (millis << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | start
    return ("%032x" % (base + i) for i in range(count))


def replaces(row: Sequence[Any], stored_update: date | None, stored_hash: str) -> bool:
    """Whether staged parent `row` would replace the stored one (_MERGE_PARENTS' WHERE)."""
    new, old = row[_LU] or _NO_DATE, stored_update or _NO_DATE
    return new > old or (new == old and row[_HASH] != stored_hash)


@dataclass
class MergeCounts:
    """What one merge did: parents inserted, updated, or left as they were."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: MergeCounts) -> None:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged


async def raw_connection(session: AsyncSession) -> asyncpg.Connection:
    """The asyncpg connection under `session`, in the session's transaction (for COPY)."""
    conn = await session.connection()
    raw = await conn.get_raw_connection()
    driver: Any = raw.driver_connection
    return driver


class AssignmentLoader:
    """Loads batches of parsed records through one asyncpg connection (the caller's)."""

    def __init__(self, conn: asyncpg.Connection, *, ingestion_job_id: uuid.UUID | None) -> None:
        self.conn = conn
        self.job_id = ingestion_job_id
        self._prepared = False

    async def prepare(self) -> None:
        if not self._prepared:
            for ddl in _STAGING_DDL:
                await self.conn.execute(ddl)
            self._prepared = True

    async def merge(self, records: list[AssignmentRecord]) -> MergeCounts:
        """Stage and merge `records` (validated, one per rf_id); raises on a database error."""
        return await self.merge_staged(stage(records))

    async def merge_staged(self, batch: StagedBatch) -> MergeCounts:
        """Merge rows staged by `assignment_rows.stage` (possibly built in another process)."""
        await self.prepare()
        if not batch:
            return MergeCounts()
        stored = {r[0]: (r[1], r[2]) for r in await self.conn.fetch(_EXISTING, batch.rf_ids())}
        fresh = [r[0] for r in batch.assignments if r[0] not in stored]
        changed = [r[0] for r in batch.assignments if r[0] in stored and replaces(r, *stored[r[0]])]
        counts = MergeCounts()
        if fresh:
            part = batch.subset(set(fresh)) if len(fresh) < len(batch) else batch
            if await self._insert_new(part):
                counts.inserted = len(fresh)
            else:
                changed += fresh
        if changed:
            counts.add(await self._merge_general(batch.subset(set(changed))))
        counts.unchanged = len(batch) - counts.inserted - counts.updated
        return counts

    async def _insert_new(self, batch: StagedBatch) -> bool:
        """COPY parents that are not stored yet, and their children, straight into the
        target tables; False (nothing written) if one of them was stored meanwhile."""
        await self.conn.execute("SAVEPOINT assignment_new")
        try:
            await self._copy_new(batch)
        except asyncpg.UniqueViolationError:
            await self.conn.execute("ROLLBACK TO SAVEPOINT assignment_new")
            await self.conn.execute("RELEASE SAVEPOINT assignment_new")
            return False
        await self.conn.execute("RELEASE SAVEPOINT assignment_new")
        return True

    async def _copy_new(self, batch: StagedBatch) -> None:
        entity_of = await self.resolve_entities([p[3] for p in batch.parties])
        ids = time_ordered_ids(len(batch.assignments) + len(batch.documents) + len(batch.parties))
        job = self.job_id
        parent: dict[str, Any] = {}
        parents = []
        for row in batch.assignments:
            parent[row[0]] = new_id = next(ids)
            parents.append((new_id, *row, job))
        documents = []
        seen: set[tuple[Any, ...]] = set()
        for d in batch.documents:
            # The natural key's ON CONFLICT DO NOTHING of the general path: the first
            # property of a record with a given (application, grant) pair wins.
            key = (d[0], d[2], d[6])
            if key not in seen:
                seen.add(key)
                documents.append((next(ids), parent[d[0]], *d[1:]))
        assignors = []
        assignees = []
        added: dict[Any, int] = {}
        for p in batch.parties:
            entity = entity_of[p[3]]
            added[entity] = added.get(entity, 0) + 1
            if p[1] == "or":
                assignors.append((next(ids), parent[p[0]], entity, p[2], p[3], p[4], p[5]))
            else:
                assignees.append((next(ids), parent[p[0]], entity, p[2], p[3], *p[6:]))
        copy = self.conn.copy_records_to_table
        await copy("assignments", records=parents, columns=_NEW_ASSIGNMENT_COLUMNS)
        if documents:
            await copy("document_ids", records=documents, columns=_NEW_DOCUMENT_COLUMNS)
        if assignors:
            await copy("assignors", records=assignors, columns=_NEW_ASSIGNOR_COLUMNS)
        if assignees:
            await copy("assignees", records=assignees, columns=_NEW_ASSIGNEE_COLUMNS)
        if added:
            delta = sorted(added.items())
            await self.conn.execute(_ADD_INSTANCES, [e for e, _ in delta], [n for _, n in delta])

    async def resolve_entities(self, names: list[str]) -> dict[str, Any]:
        """Entity id for every party name (inserted when new), keyed by the exact name."""
        distinct = list(dict.fromkeys(names))
        found: dict[str, Any] = {}
        if distinct:
            for name, entity in await self.conn.fetch(_RESOLVE_ENTITIES, distinct):
                if entity is not None:
                    found[name] = entity
        missing = [n for n in distinct if n not in found]
        if missing:  # inserted by a concurrent transaction after our snapshot: now visible
            found.update((r[0], r[1]) for r in await self.conn.fetch(_FIND_ENTITIES, missing))
        return found

    async def _merge_general(self, batch: StagedBatch) -> MergeCounts:
        await self.conn.execute(_TRUNCATE)
        await self._copy(batch)
        await self.conn.execute(_MERGE_PARENTS, self.job_id)
        rows = await self.conn.fetch("SELECT inserted, count(*) FROM stg_accepted GROUP BY 1")
        by_kind = {r[0]: r[1] for r in rows}
        counts = MergeCounts(by_kind.get(True, 0), by_kind.get(False, 0))
        if counts.inserted or counts.updated:
            for statement in _DELETE_CHILDREN:
                await self.conn.execute(statement)
            for statement in (
                _UPSERT_ENTITIES,
                _INSERT_DOCUMENTS,
                _INSERT_ASSIGNORS,
                _INSERT_ASSIGNEES,
                _APPLY_ENTITY_DELTA,
            ):
                await self.conn.execute(statement)
        return counts

    async def _copy(self, batch: StagedBatch) -> None:
        await self.conn.copy_records_to_table(
            "stg_assignments", records=batch.assignments, columns=ASSIGNMENT_COLUMNS
        )
        if batch.documents:
            await self.conn.copy_records_to_table(
                "stg_document_ids", records=batch.documents, columns=DOCUMENT_COLUMNS
            )
        if batch.parties:
            await self.conn.copy_records_to_table(
                "stg_parties", records=batch.parties, columns=PARTY_COLUMNS
            )


async def merge_isolating(
    loader: AssignmentLoader, batch: StagedBatch
) -> tuple[MergeCounts, list[tuple[str, str]]]:
    """Merge a batch; if the database rejects it, bisect under savepoints to skip only the
    offending records, returned as (rf_id, reason) (ingestion.md §1.2: never fatal)."""
    await loader.prepare()  # outside the savepoint: a rollback must not drop staging
    # Plain SAVEPOINT SQL: the transaction was begun by SQLAlchemy, which asyncpg's own
    # nested-transaction API does not know about (it would issue a second BEGIN).
    await loader.conn.execute("SAVEPOINT assignment_batch")
    try:
        counts = await loader.merge_staged(batch)
    except asyncpg.PostgresError as exc:
        await loader.conn.execute("ROLLBACK TO SAVEPOINT assignment_batch")
        await loader.conn.execute("RELEASE SAVEPOINT assignment_batch")
        rf_ids = batch.rf_ids()
        if len(rf_ids) == 1:
            return MergeCounts(), [(rf_ids[0], f"{type(exc).__name__}: {exc}")]
    else:
        await loader.conn.execute("RELEASE SAVEPOINT assignment_batch")
        return counts, []
    middle = len(rf_ids) // 2
    counts, rejected = await merge_isolating(loader, batch.subset(set(rf_ids[:middle])))
    more, also = await merge_isolating(loader, batch.subset(set(rf_ids[middle:])))
    counts.add(more)
    return counts, rejected + also
