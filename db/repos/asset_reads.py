"""Read side of the org's assets for the customer API (api.md §3.2; D2, D10, D16).

Every query runs in the caller's tenant session, so RLS confines it to the caller's org;
the explicit `organization_id` predicates are there for the indexes, not for isolation.
Lists are keyset-paged on `(sort_key, id)` (api.md §1.4); every per-asset read is a fixed
number of statements whatever the chain length (no N+1).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

# The asset's bibliographic face: the shared patents row when ingested, else the newest
# document_ids row naming it (assignment data), else nothing (empty, not an error).
_BASE = """
    SELECT s.id, s.company_id, c.name AS company_name,
           s.appno_doc_num AS appno,
           COALESCE(s.grant_doc_num, p.grant_doc_num, d.grant_doc_num) AS grant_no,
           COALESCE(p.title, d.title) AS title,
           COALESCE(p.appno_date, d.appno_date) AS appno_date,
           COALESCE(p.grant_date, d.grant_date) AS grant_date,
           o.status AS status
    FROM assets s
    LEFT JOIN companies c ON c.id = s.company_id
    LEFT JOIN LATERAL (
        SELECT pa.grant_doc_num, pa.title, pa.appno_date, pa.grant_date FROM patents pa
        WHERE (s.appno_doc_num IS NOT NULL AND pa.appno_doc_num = s.appno_doc_num)
           OR (s.appno_doc_num IS NULL AND pa.grant_doc_num = s.grant_doc_num)
        LIMIT 1
    ) p ON true
    LEFT JOIN LATERAL (
        SELECT di.grant_doc_num, di.title, di.appno_date, di.grant_date FROM document_ids di
        WHERE (s.appno_doc_num IS NOT NULL AND di.appno_doc_num = s.appno_doc_num)
           OR (s.appno_doc_num IS NULL AND di.grant_doc_num = s.grant_doc_num)
        ORDER BY di.title IS NULL, di.grant_doc_num IS NULL, di.created_at DESC, di.id
        LIMIT 1
    ) d ON true
    LEFT JOIN asset_ownership o ON o.asset_id = s.id AND o.organization_id = s.organization_id
    WHERE s.organization_id = :org AND s.deleted_at IS NULL
"""

# Conveyances of one asset: document_ids by application number, else by grant number.
_ASSET_DOCS = """
    SELECT DISTINCT di.assignment_id FROM document_ids di
    WHERE (s.appno_doc_num IS NOT NULL AND di.appno_doc_num = s.appno_doc_num)
       OR (s.grant_doc_num IS NOT NULL AND di.grant_doc_num = s.grant_doc_num)
"""

# api.md §1.4: sort keys are total (never NULL) C-collated text, so one (key, id) row
# comparison works for every sort and the cursor is stable. They are stored in
# `asset_listing` (migration 0012), one index per sort; the expressions that fill them
# live in its `asset_listing_refresh` function.
SORT_KEYS = {
    "applicationNumber": "sk_application_number",
    "grantNumber": "sk_grant_number",
    "applicationDate": "sk_application_date",
    "grantDate": "sk_grant_date",
    "title": "sk_title",
}

# The list's read model: one row per live asset, kept current by triggers (migration 0012).
_LISTING = """
    SELECT l.asset_id AS id, l.company_id, l.appno, l.grant_no, l.title, l.appno_date,
           l.grant_date, l.status, l.{key} AS sort_key
    FROM asset_listing l
    WHERE l.organization_id = :org
"""


@dataclass(frozen=True)
class AssetFilters:
    company_ids: Sequence[uuid.UUID] = ()
    status: str | None = None
    conveyance_type: str | None = None
    has_open_liens: bool | None = None
    date_from: date | None = None
    date_to: date | None = None
    search: str | None = None


@dataclass(frozen=True)
class AssetRow:
    id: uuid.UUID
    company_id: uuid.UUID | None
    company_name: str | None
    application_number: str | None
    grant_number: str | None
    title: str | None
    application_date: date | None
    grant_date: date | None
    status: str | None
    sort_key: str


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(f: AssetFilters, params: dict[str, Any]) -> list[str]:
    clauses: list[str] = []
    if f.company_ids:
        clauses.append("l.company_id = ANY(:company_ids)")
        params["company_ids"] = list(f.company_ids)
    if f.status:
        clauses.append("l.status = :status")
        params["status"] = f.status
    if f.date_from:
        clauses.append("l.appno_date >= :date_from")  # api.md §1.1: inclusive ranges
        params["date_from"] = f.date_from
    if f.date_to:
        clauses.append("l.appno_date <= :date_to")
        params["date_to"] = f.date_to
    if f.has_open_liens is not None:
        negate = "" if f.has_open_liens else "NOT "
        clauses.append(
            negate + "EXISTS (SELECT 1 FROM open_liens ol"  # noqa: S608  (constant fragments)
            " WHERE ol.organization_id = :org AND ol.asset_id = l.asset_id)"
        )
    if f.conveyance_type:
        clauses.append(
            f"""EXISTS (SELECT 1 FROM assets s JOIN LATERAL ({_ASSET_DOCS}) x ON true
                JOIN org_assignments oa ON oa.assignment_id = x.assignment_id
                  AND oa.organization_id = :org
                WHERE s.id = l.asset_id AND oa.effective_type = :conveyance_type)"""  # noqa: S608
        )
        params["conveyance_type"] = f.conveyance_type
    if f.search:
        clauses.append("(l.appno ILIKE :term OR l.grant_no ILIKE :term OR l.title ILIKE :term)")
        params["term"] = f"%{_escape_like(f.search)}%"
    return clauses


async def list_assets(
    session: AsyncSession,
    org_id: uuid.UUID,
    filters: AssetFilters,
    *,
    sort: str,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[AssetRow], int]:
    """One page (up to `limit + 1` rows, so the caller sees whether more follow) and the
    exact total of the filtered set (api.md §1.4: tenant lists count exactly).

    Both read `asset_listing`: the page is a range scan of the sort's
    (organization_id, key, asset_id) index, the total an index-only count, whatever the
    size of the portfolio (issue 7 benchmark: p95 ≤ 50 ms)."""
    # Only constant fragments (SORT_KEYS, _where) are interpolated; values are bound.
    params: dict[str, Any] = {"org": org_id}
    where = _where(filters, params)
    key = SORT_KEYS[sort]
    conditions = "".join(f" AND {c}" for c in where)
    listing = _LISTING.format(key=key) + conditions
    count_sql = "SELECT count(*) AS total FROM asset_listing l WHERE l.organization_id = :org"
    count_sql += conditions
    direction = "DESC" if descending else "ASC"
    if after is not None:
        # api.md §1.4: keyset on (sortKey, id), both in the page's direction.
        op = "<" if descending else ">"
        listing += f" AND (l.{key}, l.asset_id) {op} (:after_k, :after_id)"
        params["after_k"], params["after_id"] = after
    # Company names are joined for the page only, so a rename shows at once.
    page_sql = (
        f"SELECT f.*, c.name AS company_name FROM ({listing}"  # noqa: S608
        f" ORDER BY l.{key} {direction}, l.asset_id {direction} LIMIT :limit) f"
        " LEFT JOIN companies c ON c.id = f.company_id"
    )
    # The total and the page in one statement (issue 7: one round trip, one snapshot);
    # the total's row comes back alone (page columns NULL) when the page is empty.
    both_sql = (
        f"SELECT t.total, p.* FROM ({count_sql}) t"  # noqa: S608
        f" LEFT JOIN LATERAL ({page_sql}) p ON true"
        f" ORDER BY p.sort_key {direction}, p.id {direction}"
    )
    params["limit"] = limit + 1
    found = (await session.execute(text(both_sql), params)).mappings().all()
    total = found[0]["total"]
    rows = [r for r in found if r["id"] is not None]
    return [
        AssetRow(
            id=r["id"],
            company_id=r["company_id"],
            company_name=r["company_name"],
            application_number=r["appno"],
            grant_number=r["grant_no"],
            title=r["title"],
            application_date=r["appno_date"],
            grant_date=r["grant_date"],
            status=r["status"],
            sort_key=r["sort_key"],
        )
        for r in rows
    ], int(total)


@dataclass(frozen=True)
class LienRow:
    rf_id: str
    secured_party_name: str
    grantors: list[str]
    record_dt: date | None
    effective_dt: date | None


@dataclass
class AssetDetailRow:
    asset: AssetRow
    ownership: dict[str, Any] | None
    verdict: dict[str, Any] | None
    liens: list[LienRow] = field(default_factory=list)


# The whole detail in one statement (issue 7: one round trip instead of four): the face,
# the D2 ownership row, the title verdict (each at most one row per org and asset) and
# the open liens as one ordered JSON array. RLS applies to every table as before.
_DETAIL = text(
    f"""
    SELECT b.*,
           o.asset_id IS NOT NULL AS has_ownership, o.status AS o_status,
           o.holders AS o_holders, o.supporting_rf_ids AS o_supporting_rf_ids,
           o.open_lien_count AS o_open_lien_count, o.inventor_source AS o_inventor_source,
           o.ruleset_version AS o_ruleset_version, o.created_at AS o_created_at,
           v.asset_id IS NOT NULL AS has_verdict, v.status AS v_status,
           v.reasons AS v_reasons, v.headline_break AS v_headline_break,
           v.inventor_source AS v_inventor_source, v.ruleset_version AS v_ruleset_version,
           v.detected_at AS v_detected_at,
           (SELECT json_agg(json_build_object(
                       'rf_id', l.rf_id, 'secured_party_name', l.secured_party_name,
                       'grantors', l.grantors, 'record_dt', l.record_dt,
                       'effective_dt', l.effective_dt)
                    ORDER BY l.record_dt NULLS LAST, l.rf_id, l.secured_party_key)
            FROM open_liens l
            WHERE l.organization_id = :org AND l.asset_id = b.id) AS liens
    FROM ({_BASE}) b
    LEFT JOIN asset_ownership o ON o.organization_id = :org AND o.asset_id = b.id
    LEFT JOIN broken_title_chains v ON v.organization_id = :org AND v.asset_id = b.id
    WHERE b.id = :id
    """  # noqa: S608  (constant fragments only)
)
_OWNERSHIP_COLUMNS = (
    "status",
    "holders",
    "supporting_rf_ids",
    "open_lien_count",
    "inventor_source",
    "ruleset_version",
    "created_at",
)
_VERDICT_COLUMNS = (
    "status",
    "reasons",
    "headline_break",
    "inventor_source",
    "ruleset_version",
    "detected_at",
)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


async def get_asset(
    session: AsyncSession, org_id: uuid.UUID, asset_id: uuid.UUID
) -> AssetDetailRow | None:
    """The asset with its D2 owner, open liens and title verdict; None when not visible."""
    row = (await session.execute(_DETAIL, {"org": org_id, "id": asset_id})).mappings().one_or_none()
    if row is None:
        return None
    ownership = {c: row[f"o_{c}"] for c in _OWNERSHIP_COLUMNS} if row["has_ownership"] else None
    verdict = {c: row[f"v_{c}"] for c in _VERDICT_COLUMNS} if row["has_verdict"] else None
    return AssetDetailRow(
        asset=AssetRow(
            id=row["id"],
            company_id=row["company_id"],
            company_name=row["company_name"],
            application_number=row["appno"],
            grant_number=row["grant_no"],
            title=row["title"],
            application_date=row["appno_date"],
            grant_date=row["grant_date"],
            status=row["status"],
            sort_key="",
        ),
        ownership=ownership,
        verdict=verdict,
        liens=[
            LienRow(
                lien["rf_id"],
                lien["secured_party_name"],
                list(lien["grantors"]),
                _day(lien["record_dt"]),
                _day(lien["effective_dt"]),
            )
            for lien in row["liens"] or []
        ],
    )


async def asset_visible(session: AsyncSession, org_id: uuid.UUID, asset_id: uuid.UUID) -> bool:
    found = await session.execute(
        text(
            "SELECT 1 FROM assets WHERE id = :id AND organization_id = :org AND deleted_at IS NULL"
        ),
        {"id": asset_id, "org": org_id},
    )
    return found.first() is not None


# P5 order (domain/titles/order.py): effective date (earliest assignor exec date, else the
# row's exec date, else the record date), record date, reel, frame, rf_id; NULLs last.
# Void (purged) records are not part of the title (ingestion.md §2.1), as in the pipeline.
_CHAIN = text(
    f"""
    SELECT a.id, a.rf_id, a.reel_no, a.frame_no, a.convey_text, a.record_dt, a.exec_dt,
           oa.effective_type, oa.employer_assign,
           COALESCE((SELECT json_agg(json_build_object(
                        'name', r.or_name, 'executionDate', r.exec_dt) ORDER BY r.seq)
                     FROM assignors r WHERE r.assignment_id = a.id), '[]'::json) AS assignors,
           COALESCE((SELECT json_agg(json_build_object(
                        'name', e.ee_name, 'country', e.ee_country) ORDER BY e.seq)
                     FROM assignees e WHERE e.assignment_id = a.id), '[]'::json) AS assignees,
           COALESCE((SELECT min(r.exec_dt) FROM assignors r WHERE r.assignment_id = a.id),
                    a.exec_dt, a.record_dt) AS effective_dt
    FROM assets s
    JOIN LATERAL ({_ASSET_DOCS}) x ON true
    JOIN assignments a ON a.id = x.assignment_id AND a.status = 'active'
    LEFT JOIN org_assignments oa ON oa.organization_id = s.organization_id
         AND oa.assignment_id = a.id
    WHERE s.id = :id AND s.organization_id = :org AND s.deleted_at IS NULL
    ORDER BY effective_dt NULLS LAST, a.record_dt NULLS LAST,
             NULLIF(regexp_replace(a.reel_no, '\\D', '', 'g'), '')::bigint NULLS LAST,
             NULLIF(regexp_replace(a.frame_no, '\\D', '', 'g'), '')::bigint NULLS LAST,
             a.rf_id
    """  # noqa: S608
)


async def chain_of_title(
    session: AsyncSession, org_id: uuid.UUID, asset_id: uuid.UUID
) -> list[dict[str, Any]]:
    """The asset's conveyances in P5 order with parties and the org's classification."""
    rows = await session.execute(_CHAIN, {"org": org_id, "id": asset_id})
    return [dict(r) for r in rows.mappings()]


@dataclass(frozen=True)
class DiagramRow:
    payload: dict[str, Any]
    computed_at: datetime
    run_id: uuid.UUID


async def get_diagram(
    session: AsyncSession, org_id: uuid.UUID, asset_id: uuid.UUID
) -> DiagramRow | None:
    """D16: the stored diagram payload of the asset, as generate_json wrote it."""
    row = (
        await session.execute(
            text(
                "SELECT diagram_json, computed_at, run_id FROM asset_diagrams"
                " WHERE organization_id = :org AND asset_id = :id"
            ),
            {"org": org_id, "id": asset_id},
        )
    ).first()
    return None if row is None else DiagramRow(row[0], row[1], row[2])


@dataclass(frozen=True)
class NumberMatch:
    asset_id: uuid.UUID | None
    in_patents: bool


async def match_numbers(
    session: AsyncSession,
    org_id: uuid.UUID,
    candidates: Sequence[tuple[str | None, str | None]],
) -> list[NumberMatch]:
    """Per (application number, grant number) candidate: the org's live asset carrying
    either number, and whether the shared patents table knows it. One statement."""
    if not candidates:
        return []
    rows = await session.execute(
        text(
            """
            SELECT q.ord,
                   (SELECT s.id FROM assets s
                    WHERE s.organization_id = :org AND s.deleted_at IS NULL
                      AND (s.appno_doc_num = q.appno OR s.grant_doc_num = q.grant_no)
                    ORDER BY s.created_at, s.id LIMIT 1) AS asset_id,
                   EXISTS (SELECT 1 FROM patents p
                           WHERE p.appno_doc_num = q.appno OR p.grant_doc_num = q.grant_no)
                     AS in_patents
            FROM unnest(CAST(:appnos AS text[]), CAST(:grants AS text[]))
                 WITH ORDINALITY AS q(appno, grant_no, ord)
            ORDER BY q.ord
            """
        ),
        {
            "org": org_id,
            "appnos": [c[0] for c in candidates],
            "grants": [c[1] for c in candidates],
        },
    )
    return [NumberMatch(r[1], bool(r[2])) for r in rows]
