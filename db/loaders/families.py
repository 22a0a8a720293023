"""EPO OPS family loader (ingestion.md §2.7; domain-model §5).

A fresh response replaces the family's members (and their priority claims) in one
transaction; an identical response (same content hash) changes nothing. Every query is
recorded in `family_lookups` with its HTTP status, so a 404 "no family" is cached too and
the daily refresh picks lookups older than 30 days. Never commits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

import asyncpg

from domain.ingestion.biblio_records import EpoFamily

REFRESH_AFTER = timedelta(days=30)

_UPSERT_FAMILY = """
INSERT INTO patent_families AS f (family_id, family_type, total_result_count, content_hash,
    fetched_at)
VALUES ($1, 'simple', $2, $3, $4)
ON CONFLICT (family_id) DO UPDATE SET total_result_count = excluded.total_result_count,
    content_hash = excluded.content_hash, fetched_at = excluded.fetched_at, updated_at = now()
WHERE f.content_hash IS DISTINCT FROM excluded.content_hash
RETURNING id
"""
_INSERT_MEMBER = """
INSERT INTO patent_family_members (patent_family_id, country_code, doc_num, kind_code,
    publication_date, epodoc_number, app_country, app_doc_num, app_kind, app_date,
    is_representative, us_doc_num, us_appno_doc_num, patent_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text, $13::text,
    (SELECT id FROM patents p
     WHERE ($12::text IS NOT NULL AND (p.grant_doc_num = $12::text OR p.pgpub_doc_num = $12::text))
        OR ($13::text IS NOT NULL AND p.appno_doc_num = $13::text)
     LIMIT 1))
ON CONFLICT ON CONSTRAINT uq_patent_family_members_natural_key DO NOTHING
RETURNING id
"""
_INSERT_PRIORITY = """
INSERT INTO family_priority_claims (member_id, sequence, kind, country, doc_number, doc_kind,
    claim_date, active, linkage_type)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
"""
_UPSERT_LOOKUP = """
INSERT INTO family_lookups AS l (query_key, family_id, http_status, member_count, fetched_at,
    next_refresh_at)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (query_key) DO UPDATE SET family_id = excluded.family_id,
    http_status = excluded.http_status, member_count = excluded.member_count,
    fetched_at = excluded.fetched_at, next_refresh_at = excluded.next_refresh_at,
    updated_at = now()
"""


@dataclass
class FamilyLoadResult:
    family_id: str | None
    replaced: bool  # members were (re)written
    members: int
    us_grants: set[str]
    us_appnos: set[str]


def family_hash(family: EpoFamily) -> str:
    """Content hash of a parsed response (order of members included: it is the OPS order)."""
    return hashlib.sha256(repr(family).encode("utf-8")).hexdigest()


async def record_lookup(
    conn: asyncpg.Connection,
    query_key: str,
    *,
    http_status: int,
    family_id: str | None,
    member_count: int | None,
    fetched_at: datetime,
) -> None:
    await conn.execute(
        _UPSERT_LOOKUP, query_key, family_id, http_status, member_count, fetched_at,
        fetched_at + REFRESH_AFTER,
    )  # fmt: skip


async def replace_family(
    conn: asyncpg.Connection, query_key: str, family: EpoFamily, *, fetched_at: datetime
) -> FamilyLoadResult:
    """Store one parsed family response (§2.7) and record the lookup."""
    us_grants = {m.us_doc_num for m in family.members if m.us_doc_num}
    us_appnos = {m.us_appno_doc_num for m in family.members if m.us_appno_doc_num}
    if family.family_id is None:
        await record_lookup(
            conn, query_key, http_status=200, family_id=None, member_count=0, fetched_at=fetched_at
        )
        return FamilyLoadResult(None, False, 0, set(), set())
    family_pk = await conn.fetchval(
        _UPSERT_FAMILY, family.family_id, family.total_result_count, family_hash(family),
        fetched_at,
    )  # fmt: skip
    replaced = family_pk is not None
    if replaced:
        await conn.execute(
            "DELETE FROM patent_family_members WHERE patent_family_id = $1", family_pk
        )
        for m in family.members:
            pub, app = m.publication, m.application
            member_id = await conn.fetchval(
                _INSERT_MEMBER, family_pk, pub.country, pub.doc_number, pub.kind, pub.date,
                m.epodoc_number, app.country if app else None, app.doc_number if app else None,
                app.kind if app else None, app.date if app else None, m.is_representative,
                m.us_doc_num, m.us_appno_doc_num,
            )  # fmt: skip
            if member_id is None:  # the same publication listed twice in one response
                continue
            for c in m.priority_claims:
                doc = c.document
                await conn.execute(
                    _INSERT_PRIORITY, member_id, c.sequence, c.kind, doc.country,
                    doc.doc_number, doc.kind, doc.date, c.active, c.linkage_type,
                )  # fmt: skip
    await record_lookup(
        conn, query_key, http_status=200, family_id=family.family_id,
        member_count=len(family.members), fetched_at=fetched_at,
    )  # fmt: skip
    return FamilyLoadResult(family.family_id, replaced, len(family.members), us_grants, us_appnos)
