"""Bulk loader for the assignment feed: COPY into TEMP staging, set-based merges (BR-059).

Per batch (ingestion.md §1.1 steps 6-7):
1. COPY parents, properties and parties into session-local TEMP tables;
2. one `INSERT … ON CONFLICT (rf_id) DO UPDATE … WHERE <newer or changed>` merge, whose
   RETURNING rows (inserted or updated parents) are the "accepted" set;
3. the children of accepted parents that already existed are deleted and re-inserted
   (positions are not stable across corrections, §2.1); party names are upserted into
   `entities` on lower(name) first.

An identical replay matches the stored `content_hash` and is not accepted, so a re-run
(or a job killed and run again) writes nothing for rows it already loaded: the end state
depends only on the records, never on how many times or in what pieces they were loaded.
The loader runs inside the caller's transaction and never commits.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
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
        await self.conn.execute(_TRUNCATE)
        await self._copy(batch)
        await self.conn.execute(_MERGE_PARENTS, self.job_id)
        rows = await self.conn.fetch("SELECT inserted, count(*) FROM stg_accepted GROUP BY 1")
        by_kind = {r[0]: r[1] for r in rows}
        counts = MergeCounts(by_kind.get(True, 0), by_kind.get(False, 0))
        counts.unchanged = len(batch) - counts.inserted - counts.updated
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
