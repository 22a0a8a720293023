"""Ranked search over the org's assets (api.md §3.2 #21, R32: `/assets?search=` is the cheap
filter, this is the ranked one).

Ranking is done by PostgreSQL: per asset, each requested field yields a score — an exact
number 1.0, a number substring 0.8; a title gets `ts_rank_cd` over its English full-text
vector plus 0.5 for a substring hit; assignee (current holders, D2), inventor and
conveyance-text substring hits 0.45 / 0.4 / 0.3 — and the asset's best field decides its
score and `matchField`. Pages are keyed on (score, id), best first.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from db.repos.asset_reads import _BASE as ASSET_BASE

# One scored candidate per field; only constant fragments, values are bound.
_FIELDS = {
    "number": """
        SELECT 'number' AS field,
               CASE WHEN b.appno = :digits OR b.appno ILIKE :term THEN b.appno
                    ELSE b.grant_no END AS txt,
               CASE WHEN b.appno = :digits OR b.grant_no = :digits THEN 1.0
                    WHEN b.appno ILIKE :term OR b.grant_no ILIKE :term THEN 0.8
                    ELSE 0 END AS score""",
    "title": """
        SELECT 'title', b.title,
               CASE WHEN b.title ILIKE :term THEN 0.5 ELSE 0 END
               + ts_rank_cd(to_tsvector('english', COALESCE(b.title, '')),
                            websearch_to_tsquery('english', :q))""",
    "assignee": """
        SELECT 'assignee', h, 0.45 FROM asset_ownership o, unnest(o.holders) h
        WHERE o.organization_id = :org AND o.asset_id = b.id AND h ILIKE :term""",
    "inventor": """
        SELECT 'inventor', i.name, 0.4 FROM inventors i
        WHERE i.patent_type = 'grant' AND i.patent_doc_num = b.grant_no
          AND i.name ILIKE :term""",
    "conveyanceText": """
        SELECT 'conveyanceText', a.convey_text, 0.3 FROM document_ids di
        JOIN assignments a ON a.id = di.assignment_id AND a.status = 'active'
        WHERE ((b.appno IS NOT NULL AND di.appno_doc_num = b.appno)
            OR (b.grant_no IS NOT NULL AND di.grant_doc_num = b.grant_no))
          AND a.convey_text ILIKE :term""",
}
FIELDS = tuple(_FIELDS)


@dataclass(frozen=True)
class SearchRow:
    id: uuid.UUID
    application_number: str | None
    grant_number: str | None
    title: str | None
    match_field: str
    match_text: str | None
    score: float
    sort_key: str


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def search_assets(
    session: AsyncSession,
    org_id: uuid.UUID,
    q: str,
    fields: Sequence[str],
    *,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[SearchRow], int]:
    """Matching assets best first (score, then id), up to `limit + 1`, and the total."""
    digits = "".join(ch for ch in q if ch.isalnum()).upper()
    params: dict[str, Any] = {
        "org": org_id,
        "q": q,
        "term": f"%{_escape_like(q)}%",
        "digits": digits,
    }
    candidates = " UNION ALL ".join(f"({_FIELDS[f]})" for f in fields)
    # Score as fixed-width text so one (key, id) keyset works (api.md §1.4).
    filtered = f"""
        SELECT b.id, b.appno AS application_number, b.grant_no AS grant_number, b.title,
               m.field AS match_field, m.txt AS match_text, m.score::float AS score,
               lpad(((m.score * 1000000)::bigint)::text, 15, '0') COLLATE "C" AS sort_key
        FROM ({ASSET_BASE}) b
        CROSS JOIN LATERAL (
            SELECT c.field, c.txt, c.score FROM ({candidates}) c(field, txt, score)
            WHERE c.score > 0 ORDER BY c.score DESC, c.field LIMIT 1
        ) m"""  # noqa: S608
    total = (
        await session.execute(text(f"SELECT count(*) FROM ({filtered}) f"), params)  # noqa: S608
    ).scalar_one()
    page_sql = f"SELECT * FROM ({filtered}) f"  # noqa: S608
    if after is not None:
        page_sql += " WHERE (f.sort_key, f.id) < (:after_k, :after_id)"
        params["after_k"], params["after_id"] = after
    page_sql += " ORDER BY f.sort_key DESC, f.id DESC LIMIT :limit"
    params["limit"] = limit + 1
    rows = (await session.execute(text(page_sql), params)).mappings().all()
    return [SearchRow(**r) for r in rows], int(total)
