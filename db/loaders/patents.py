"""Bulk loader for grants and publications: COPY into TEMP staging, set-based merges.

Per batch (ingestion.md §1.1 steps 6-7, §2.2/§2.3 upsert rules):
1. COPY documents and their children into TEMP stagings (db/loaders/patent_rows.py);
2. one `INSERT … ON CONFLICT … DO UPDATE … WHERE <newer or changed>` per key path
   (application number, else grant number); its RETURNING rows are the accepted set;
3. children of accepted documents are replaced as a set (§2.2 "children replaced per
   document"); CPC from weekly XML only for documents the monthly MCF does not cover yet
   (§2.4: "Rows added from weekly XML between snapshots are superseded at the next swap").

An identical replay matches the stored hash and is not accepted: a re-run writes nothing.
Runs inside the caller's transaction and never commits.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import asyncpg

from db.loaders.copy_merge import copy_rows, merge_isolating, prepare
from db.loaders.patent_rows import (
    ALL_STAGINGS,
    STG_DOC_CPC,
    STG_INVENTORS,
    STG_PARTIES,
    STG_PATENTS,
    STG_PRIORITY,
    STG_RELATIONS,
    dedupe_documents,
    stage_documents,
)
from domain.ingestion.biblio_records import PatentDocumentRecord

_GRANT_SET = """
    grant_doc_num = excluded.grant_doc_num, title = excluded.title,
    appno_date = coalesce(excluded.appno_date, p.appno_date),
    grant_date = excluded.grant_date, grant_kind = excluded.grant_kind,
    appl_type = coalesce(excluded.appl_type, p.appl_type),
    series_code = coalesce(excluded.series_code, p.series_code),
    claims_count = excluded.claims_count,
    independent_claims_count = excluded.independent_claims_count,
    term_extension_days = excluded.term_extension_days,
    length_of_grant = excluded.length_of_grant, disclaimer = excluded.disclaimer,
    dtd_version = excluded.dtd_version, layout_id = 15, grant_hash = excluded.grant_hash,
    ingestion_job_id = excluded.ingestion_job_id, updated_at = now()
"""
# §2.2: update when the incoming document is at least as new as the stored one, and only
# if it differs (identical replays are no-ops).
_GRANT_WHERE = """
    p.grant_hash IS DISTINCT FROM excluded.grant_hash
    AND coalesce(excluded.grant_date, '-infinity'::date)
        >= coalesce(p.grant_date, '-infinity'::date)
"""
_GRANT_INSERT = """
INSERT INTO patents AS p (
    appno_doc_num, grant_doc_num, title, appno_date, grant_date, grant_kind, appl_type,
    series_code, claims_count, independent_claims_count, term_extension_days,
    length_of_grant, disclaimer, dtd_version, layout_id, grant_hash, ingestion_job_id)
SELECT appno_doc_num, grant_doc_num, title, appno_date, doc_date, kind, appl_type,
       series_code, claims_count, independent_claims_count, term_extension_days,
       length_of_grant, coalesce(disclaimer, false), dtd_version, 15, content_hash, $1::uuid
FROM stg_ref_patents
"""
_MERGE_GRANTS_BY_APPNO = f"""
WITH up AS ({_GRANT_INSERT}
    WHERE patent_type = 'grant' AND appno_doc_num IS NOT NULL
    ON CONFLICT (appno_doc_num) DO UPDATE SET {_GRANT_SET} WHERE {_GRANT_WHERE}
    RETURNING p.id, p.appno_doc_num, p.grant_doc_num, (p.xmax = 0) AS inserted)
INSERT INTO stg_ref_accepted
SELECT s.ordinal, up.id, up.grant_doc_num, up.inserted
FROM up JOIN stg_ref_patents s ON s.patent_type = 'grant' AND s.appno_doc_num = up.appno_doc_num
"""  # noqa: S608 (constant fragments)
_MERGE_GRANTS_BY_GRANT = f"""
WITH up AS ({_GRANT_INSERT}
    WHERE patent_type = 'grant' AND appno_doc_num IS NULL
    ON CONFLICT (grant_doc_num) DO UPDATE SET {_GRANT_SET} WHERE {_GRANT_WHERE}
    RETURNING p.id, p.grant_doc_num, (p.xmax = 0) AS inserted)
INSERT INTO stg_ref_accepted
SELECT s.ordinal, up.id, up.grant_doc_num, up.inserted
FROM up JOIN stg_ref_patents s
  ON s.patent_type = 'grant' AND s.appno_doc_num IS NULL AND s.grant_doc_num = up.grant_doc_num
"""  # noqa: S608 (constant fragments)
# §2.3: a publication fills pgpub_*, the title only while no grant exists, layout 14 until
# granted; an A2/A9 (same or later date) refreshes the A1 data.
_MERGE_APPLICATIONS = """
WITH up AS (
    INSERT INTO patents AS p (
        appno_doc_num, pgpub_doc_num, title, appno_date, pgpub_date, pgpub_kind, appl_type,
        series_code, dtd_version, layout_id, pgpub_hash, ingestion_job_id)
    SELECT appno_doc_num, pgpub_doc_num, title, appno_date, doc_date, kind, appl_type,
           series_code, dtd_version, 14, content_hash, $1::uuid
    FROM stg_ref_patents WHERE patent_type = 'application'
    ON CONFLICT (appno_doc_num) DO UPDATE SET
        pgpub_doc_num = excluded.pgpub_doc_num, pgpub_date = excluded.pgpub_date,
        pgpub_kind = excluded.pgpub_kind,
        appno_date = coalesce(p.appno_date, excluded.appno_date),
        title = CASE WHEN p.grant_doc_num IS NULL THEN excluded.title ELSE p.title END,
        appl_type = coalesce(p.appl_type, excluded.appl_type),
        series_code = coalesce(p.series_code, excluded.series_code),
        dtd_version = CASE WHEN p.grant_doc_num IS NULL THEN excluded.dtd_version
                           ELSE p.dtd_version END,
        layout_id = CASE WHEN p.grant_doc_num IS NULL THEN 14 ELSE 15 END,
        pgpub_hash = excluded.pgpub_hash, ingestion_job_id = excluded.ingestion_job_id,
        updated_at = now()
    WHERE p.pgpub_hash IS DISTINCT FROM excluded.pgpub_hash
      AND coalesce(excluded.pgpub_date, '-infinity'::date)
          >= coalesce(p.pgpub_date, '-infinity'::date)
    RETURNING p.id, p.appno_doc_num, (p.xmax = 0) AS inserted)
INSERT INTO stg_ref_accepted
SELECT s.ordinal, up.id, s.pgpub_doc_num, up.inserted
FROM up JOIN stg_ref_patents s
  ON s.patent_type = 'application' AND s.appno_doc_num = up.appno_doc_num
"""

_CHILD_TABLES = ("inventors", "document_parties", "patent_priority_claims", "application_relations")
_DELETE_CHILD = (
    "DELETE FROM {table} t USING stg_ref_accepted a"
    " WHERE t.patent_id = a.patent_id AND t.patent_type = $1 AND t.source = $2"
    " AND NOT a.inserted"
)
_INSERT_CHILDREN = [
    """INSERT INTO inventors (patent_id, patent_doc_num, patent_type, source, sequence, name,
        first_name, middle_name, last_name, suffix, city, state, country)
    SELECT a.patent_id, a.patent_doc_num, $1::text, $2::text, i.sequence, i.name, i.first_name,
           i.middle_name, i.last_name, i.suffix, i.city, i.state, i.country
    FROM stg_ref_inventors i JOIN stg_ref_accepted a USING (ordinal)""",
    """INSERT INTO document_parties (patent_id, patent_doc_num, patent_type, source, sequence,
        role, name, orgname, first_name, last_name, city, state, country, app_type,
        authority_category, assignee_type)
    SELECT a.patent_id, a.patent_doc_num, $1::text, $2::text, d.sequence, d.role, d.name, d.orgname,
           d.first_name, d.last_name, d.city, d.state, d.country, d.app_type,
           d.authority_category, d.assignee_type
    FROM stg_ref_parties d JOIN stg_ref_accepted a USING (ordinal)""",
    """INSERT INTO patent_priority_claims (patent_id, patent_doc_num, patent_type, source,
        sequence, country, doc_number, kind, claim_date)
    SELECT a.patent_id, a.patent_doc_num, $1::text, $2::text, c.sequence, c.country, c.doc_number,
           c.kind, c.claim_date
    FROM stg_ref_priority c JOIN stg_ref_accepted a USING (ordinal)""",
    """INSERT INTO application_relations (patent_id, patent_doc_num, patent_type, source,
        sequence, relation, child_appno, parent_appno, parent_appno_raw, parent_country,
        parent_kind, parent_date, parent_status, parent_grant_doc_num)
    SELECT a.patent_id, a.patent_doc_num, $1::text, $2::text, r.sequence, r.relation, r.child_appno,
           r.parent_appno, r.parent_appno_raw, r.parent_country, r.parent_kind,
           r.parent_date, r.parent_status, r.parent_grant_doc_num
    FROM stg_ref_relations r JOIN stg_ref_accepted a USING (ordinal)""",
]
_DELETE_XML_CPC = """
DELETE FROM patent_cpc_codes t USING stg_ref_accepted a
WHERE t.patent_doc_num = a.patent_doc_num AND t.patent_type = $1 AND t.source = $2
"""
_INSERT_XML_CPC = """
INSERT INTO patent_cpc_codes (patent_doc_num, patent_type, cpc_code, cpc_level, is_inventive,
    is_main, position, version_date, source)
SELECT a.patent_doc_num, $1::text, c.cpc_code, c.cpc_level, c.is_inventive, c.is_main, c.position,
       c.version_date, $2::text
FROM stg_ref_doc_cpc c JOIN stg_ref_accepted a USING (ordinal)
WHERE NOT EXISTS (
    SELECT 1 FROM patent_cpc_codes m
    WHERE m.patent_doc_num = a.patent_doc_num AND m.patent_type = $1::text AND m.source = 'mcf')
"""


@dataclass
class PatentMergeCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    # Numbers of accepted documents: what the fan-out joins to assets (§1.1 step 8).
    appnos: set[str] = field(default_factory=set)
    grants: set[str] = field(default_factory=set)

    def add(self, other: PatentMergeCounts) -> PatentMergeCounts:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.appnos |= other.appnos
        self.grants |= other.grants
        return self


class PatentLoader:
    """Merges batches of one document type through the caller's asyncpg connection."""

    def __init__(
        self, conn: asyncpg.Connection, *, patent_type: str, ingestion_job_id: uuid.UUID | None
    ) -> None:
        if patent_type not in ("grant", "application"):
            raise ValueError(patent_type)
        self.conn = conn
        self.patent_type = patent_type
        self.source = "grant_xml" if patent_type == "grant" else "application_xml"
        self.job_id = ingestion_job_id

    async def merge(self, records: list[PatentDocumentRecord]) -> PatentMergeCounts:
        """Stage and merge keyed records of this loader's type (see dedupe_documents)."""
        records = [r for r in dedupe_documents(records) if r.patent_type == self.patent_type]
        if not records:
            return PatentMergeCounts()
        await prepare(self.conn, *ALL_STAGINGS)
        staged = stage_documents(records)
        await copy_rows(self.conn, STG_PATENTS, staged.patents)
        await copy_rows(self.conn, STG_INVENTORS, staged.inventors)
        await copy_rows(self.conn, STG_PARTIES, staged.parties)
        await copy_rows(self.conn, STG_PRIORITY, staged.priority)
        await copy_rows(self.conn, STG_RELATIONS, staged.relations)
        await copy_rows(self.conn, STG_DOC_CPC, staged.cpc)
        if self.patent_type == "grant":
            await self.conn.execute(_MERGE_GRANTS_BY_APPNO, self.job_id)
            await self.conn.execute(_MERGE_GRANTS_BY_GRANT, self.job_id)
        else:
            await self.conn.execute(_MERGE_APPLICATIONS, self.job_id)
        accepted = await self.conn.fetch("SELECT ordinal, inserted FROM stg_ref_accepted")
        counts = PatentMergeCounts()
        counts.inserted = sum(1 for r in accepted if r["inserted"])
        counts.updated = len(accepted) - counts.inserted
        counts.unchanged = len(records) - len(accepted)
        if accepted:
            for table in _CHILD_TABLES:
                await self.conn.execute(
                    _DELETE_CHILD.format(table=table), self.patent_type, self.source
                )
            for statement in _INSERT_CHILDREN:
                await self.conn.execute(statement, self.patent_type, self.source)
            await self.conn.execute(_DELETE_XML_CPC, self.patent_type, self.source)
            await self.conn.execute(_INSERT_XML_CPC, self.patent_type, self.source)
            for r in accepted:
                rec = records[r["ordinal"]]
                if rec.appno_doc_num:
                    counts.appnos.add(rec.appno_doc_num)
                if rec.grant_doc_num:
                    counts.grants.add(rec.grant_doc_num)
        return counts

    async def merge_isolating(
        self, records: list[PatentDocumentRecord]
    ) -> tuple[PatentMergeCounts, list[tuple[PatentDocumentRecord, str]]]:
        """Merge; a record the database rejects becomes one error, the rest loads (§1.2)."""
        return await merge_isolating(
            self.conn,
            dedupe_documents(records),
            self.merge,
            lambda a, b: PatentMergeCounts().add(a).add(b),
            PatentMergeCounts(),
        )
