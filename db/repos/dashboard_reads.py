"""Read side of the org's dashboards for the customer API (api.md §3.3; D10).

Every query runs in the caller's tenant session, so RLS confines it to the caller's org;
the explicit `organization_id` predicates are there for the indexes, not for isolation.
A `company_ids` filter naming another org's company therefore matches nothing.
Lists are keyset-paged on `(sort_key, id)` (api.md §1.4) with an exact total.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from db.repos.asset_reads import _BASE as ASSET_BASE
from db.repos.keyset_sql import keyset_page


@dataclass(frozen=True)
class SummaryRow:
    company_id: uuid.UUID | None
    company_count: int
    activity_count: int
    entity_count: int
    party_count: int
    employee_count: int
    transaction_count: int
    asset_count: int
    arrow_count: int
    ruleset_version: str
    calculated_at: datetime


@dataclass(frozen=True)
class Summary:
    metrics: list[SummaryRow]
    broken_titles: int
    open_liens: int


async def summary(
    session: AsyncSession, org_id: uuid.UUID, company_ids: Sequence[uuid.UUID]
) -> Summary:
    """BR-042/043 KPIs: the org row (company_id NULL) when no company is selected, else the
    selected companies' rows; plus the broken-title and open-lien counts of the same scope
    (an asset's company is `assets.company_id`)."""
    params: dict[str, Any] = {"org": org_id, "company_ids": list(company_ids)}
    scoped = bool(company_ids)
    metric_where = "company_id = ANY(:company_ids)" if scoped else "company_id IS NULL"
    # Only constant fragments are interpolated; values are bound.
    metrics_sql = f"""
        SELECT company_id, company_count, activity_count, entity_count, party_count,
               employee_count, transaction_count, asset_count, arrow_count,
               ruleset_version, calculated_at
        FROM summary_metrics WHERE organization_id = :org AND {metric_where}
        ORDER BY company_id"""  # noqa: S608
    rows = (await session.execute(text(metrics_sql), params)).mappings().all()
    asset_scope = "AND s.company_id = ANY(:company_ids)" if scoped else ""
    counts_sql = f"""
        SELECT
          (SELECT count(*) FROM broken_title_chains b
           JOIN assets s ON s.id = b.asset_id AND s.deleted_at IS NULL
           WHERE b.organization_id = :org AND b.status = 'broken' {asset_scope}) AS broken,
          (SELECT count(*) FROM open_liens l
           JOIN assets s ON s.id = l.asset_id AND s.deleted_at IS NULL
           WHERE l.organization_id = :org {asset_scope}) AS liens"""  # noqa: S608
    counts = (await session.execute(text(counts_sql), params)).mappings().one()
    return Summary(
        metrics=[SummaryRow(**r) for r in rows],
        broken_titles=int(counts["broken"]),
        open_liens=int(counts["liens"]),
    )


@dataclass(frozen=True)
class BrokenTitleRow:
    asset_id: uuid.UUID
    application_number: str | None
    grant_number: str | None
    company_id: uuid.UUID | None
    company_name: str | None
    reason_code: str | None
    reasons: list[str]
    break_seq: int | None
    break_point_rf_id: str | None
    missing_link_from: str | None
    missing_link_to: str | None
    current_holders: list[str]
    detected_at: datetime
    sort_key: str


_BROKEN = """
    SELECT b.asset_id, s.appno_doc_num AS application_number,
           s.grant_doc_num AS grant_number, s.company_id, c.name AS company_name,
           b.reason_code, b.reasons, b.break_seq, b.break_point_rf_id,
           b.missing_link_from, b.missing_link_to, b.current_holders, b.detected_at,
           (COALESCE(s.appno_doc_num, s.grant_doc_num, '')) COLLATE "C" AS sort_key
    FROM broken_title_chains b
    JOIN assets s ON s.id = b.asset_id AND s.deleted_at IS NULL
    LEFT JOIN companies c ON c.id = s.company_id
    WHERE b.organization_id = :org AND b.status = 'broken'
"""


async def _page(
    session: AsyncSession,
    filtered: str,
    params: dict[str, Any],
    *,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[Any], int]:
    """Up to `limit + 1` rows of `filtered` (columns `id`, `sort_key`) after the keyset, and
    the exact total of the filtered set (db/repos/keyset_sql.py)."""
    page = await keyset_page(
        session, filtered, params, descending=descending, limit=limit, after=after
    )
    rows = (await session.execute(text(page.sql), params)).mappings().all()
    return list(rows), page.total


async def broken_titles(
    session: AsyncSession,
    org_id: uuid.UUID,
    company_ids: Sequence[uuid.UUID],
    *,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[BrokenTitleRow], int]:
    """BR-032..036 broken verdicts, keyset-paged by application number (then asset id)."""
    params: dict[str, Any] = {"org": org_id}
    sql = _BROKEN
    if company_ids:
        sql += " AND s.company_id = ANY(:company_ids)"
        params["company_ids"] = list(company_ids)
    filtered = f"SELECT x.*, x.asset_id AS id FROM ({sql}) x"  # noqa: S608
    rows, total = await _page(
        session, filtered, params, descending=descending, limit=limit, after=after
    )
    return [BrokenTitleRow(**{k: v for k, v in r.items() if k != "id"}) for r in rows], total


@dataclass(frozen=True)
class TreeNodeRow:
    id: uuid.UUID
    company_id: uuid.UUID
    tree_type: int
    tab: int
    entity_key: str | None
    display_name: str
    color: str
    asset_count: int
    last_activity_date: date | None
    rf_ids: list[str]


async def tree_nodes(
    session: AsyncSession,
    org_id: uuid.UUID,
    company_ids: Sequence[uuid.UUID],
    *,
    tab: int | None,
    tree_type: int | None,
) -> list[TreeNodeRow]:
    """BR-024..031 counterparty nodes, ordered by tab, tree type, size, name."""
    params: dict[str, Any] = {"org": org_id}
    where = ["organization_id = :org"]
    if company_ids:
        where.append("company_id = ANY(:company_ids)")
        params["company_ids"] = list(company_ids)
    if tab is not None:
        where.append("tab = :tab")
        params["tab"] = tab
    if tree_type is not None:
        where.append("tree_type = :tree_type")
        params["tree_type"] = tree_type
    nodes_sql = f"""
        SELECT id, company_id, tree_type, tab, entity_key, display_name, color,
               asset_count, last_activity_date, rf_ids
        FROM ownership_tree_nodes WHERE {" AND ".join(where)}
        ORDER BY tab, tree_type, asset_count DESC, display_name COLLATE "C", id"""  # noqa: S608
    rows = (await session.execute(text(nodes_sql), params)).mappings().all()
    return [TreeNodeRow(**r) for r in rows]


@dataclass(frozen=True)
class TimelineFilters:
    company_ids: Sequence[uuid.UUID] = ()
    role: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class TimelineRow:
    id: uuid.UUID
    company_id: uuid.UUID
    assignment_id: uuid.UUID
    rf_id: str
    reel_no: str
    frame_no: str
    record_dt: date | None
    exec_dt: date | None
    party_role: str
    original_name: str
    canonical_name: str
    convey_ty: str
    employer_assign: bool
    category: str
    color: str
    convey_text: str | None
    asset_count: int
    sequence: int
    sort_key: str


# Record date, then the step-4 sequence, as total fixed-width text (api.md §1.4).
_TIMELINE_KEY = (
    "(COALESCE(to_char(t.record_dt, 'YYYY-MM-DD'), '') || ':'"
    " || lpad(t.sequence::text, 10, '0')) COLLATE \"C\""
)


async def timeline(
    session: AsyncSession,
    org_id: uuid.UUID,
    filters: TimelineFilters,
    *,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[TimelineRow], int]:
    """Step-4 timeline entries, keyset-paged by record date and sequence."""
    params: dict[str, Any] = {"org": org_id}
    where = ["t.organization_id = :org"]
    if filters.company_ids:
        where.append("t.company_id = ANY(:company_ids)")
        params["company_ids"] = list(filters.company_ids)
    if filters.role:
        where.append("t.party_role = :role")
        params["role"] = filters.role
    if filters.date_from:
        where.append("t.record_dt >= :date_from")  # api.md §1.1: inclusive ranges
        params["date_from"] = filters.date_from
    if filters.date_to:
        where.append("t.record_dt <= :date_to")
        params["date_to"] = filters.date_to
    filtered = f"""
        SELECT t.id, t.company_id, t.assignment_id, t.rf_id, t.reel_no, t.frame_no,
               t.record_dt, t.exec_dt, t.party_role, t.original_name, t.canonical_name,
               t.convey_ty, t.employer_assign, t.category, t.color, t.convey_text,
               t.asset_count, t.sequence, {_TIMELINE_KEY} AS sort_key
        FROM timeline_entries t WHERE {" AND ".join(where)}"""  # noqa: S608
    rows, total = await _page(
        session, filtered, params, descending=descending, limit=limit, after=after
    )
    return [TimelineRow(**r) for r in rows], total


# --------------------------------------------------------------------------- issue 7: #25, #28


@dataclass(frozen=True)
class TreeAssetRow:
    id: uuid.UUID
    application_number: str | None
    grant_number: str | None
    title: str | None
    status: str | None


@dataclass(frozen=True)
class TreeDetailRow:
    node: TreeNodeRow
    assets: list[TreeAssetRow]
    total_assignments: int
    total_assignors: int
    total_assignees: int
    earliest: date | None
    latest: date | None


async def tree_detail(
    session: AsyncSession, org_id: uuid.UUID, tree_id: uuid.UUID
) -> TreeDetailRow | None:
    """One BR-024..031 tree node with the node company's assets its conveyances touch and
    a summary of those conveyances; None when the id is no node of the caller's org."""
    params: dict[str, Any] = {"org": org_id, "id": tree_id}
    node = (
        (
            await session.execute(
                text(
                    "SELECT id, company_id, tree_type, tab, entity_key, display_name, color,"
                    " asset_count, last_activity_date, rf_ids FROM ownership_tree_nodes"
                    " WHERE organization_id = :org AND id = :id"
                ),
                params,
            )
        )
        .mappings()
        .one_or_none()
    )
    if node is None:
        return None
    params.update({"rfs": list(node["rf_ids"]), "company": node["company_id"]})
    assets_sql = f"""
        SELECT b.id, b.appno, b.grant_no, b.title, b.status FROM ({ASSET_BASE}) b
        WHERE b.company_id = :company AND EXISTS (
            SELECT 1 FROM assignments a JOIN document_ids di ON di.assignment_id = a.id
            WHERE a.rf_id = ANY(:rfs)
              AND ((b.appno IS NOT NULL AND di.appno_doc_num = b.appno)
                OR (b.grant_no IS NOT NULL AND di.grant_doc_num = b.grant_no)))
        ORDER BY b.appno NULLS LAST, b.grant_no NULLS LAST, b.id"""  # noqa: S608
    assets = (await session.execute(text(assets_sql), params)).all()
    summary = (
        await session.execute(
            text(
                """SELECT count(*),
                          (SELECT count(DISTINCT lower(r.or_name)) FROM assignors r
                           JOIN assignments x ON x.id = r.assignment_id WHERE x.rf_id = ANY(:rfs)),
                          (SELECT count(DISTINCT lower(e.ee_name)) FROM assignees e
                           JOIN assignments x ON x.id = e.assignment_id WHERE x.rf_id = ANY(:rfs)),
                          min(a.record_dt), max(a.record_dt)
                   FROM assignments a WHERE a.rf_id = ANY(:rfs)"""
            ),
            {"rfs": params["rfs"]},
        )
    ).one()
    return TreeDetailRow(
        node=TreeNodeRow(**node),
        assets=[TreeAssetRow(*r) for r in assets],
        total_assignments=int(summary[0]),
        total_assignors=int(summary[1]),
        total_assignees=int(summary[2]),
        earliest=summary[3],
        latest=summary[4],
    )


CPC_PREFIX = {"section": 1, "class": 3, "subclass": 4}


@dataclass(frozen=True)
class CpcCountRow:
    code: str
    description: str | None
    count: int


async def cpc_wordcloud(
    session: AsyncSession,
    org_id: uuid.UUID,
    company_ids: Sequence[uuid.UUID],
    *,
    level: str,
    year: int | None,
) -> tuple[list[CpcCountRow], int]:
    """Distinct org assets per CPC section/class/subclass (grant codes, else the
    publication's), optionally for one application year; and the assets counted."""
    params: dict[str, Any] = {"org": org_id, "n": CPC_PREFIX[level]}
    where = []
    if company_ids:
        where.append("b.company_id = ANY(:company_ids)")
        params["company_ids"] = list(company_ids)
    if year is not None:
        where.append("EXTRACT(YEAR FROM b.appno_date) = :year")
        params["year"] = year
    sql = f"""
        WITH org_assets AS (
            SELECT b.id, b.appno, b.grant_no, p.pgpub_doc_num AS pgpub
            FROM ({ASSET_BASE}) b
            LEFT JOIN patents p ON p.appno_doc_num = b.appno
            {"WHERE " + " AND ".join(where) if where else ""}
        ), coded AS (
            SELECT DISTINCT o.id, left(c.cpc_code, :n) AS code
            FROM org_assets o JOIN patent_cpc_codes c
              ON (c.patent_type = 'grant' AND c.patent_doc_num = o.grant_no)
              OR (c.patent_type = 'application' AND c.patent_doc_num IN (o.pgpub, o.appno))
        )
        SELECT x.code, k.title, x.n, (SELECT count(DISTINCT id) FROM coded) AS assets
        FROM (SELECT code, count(*) AS n FROM coded GROUP BY code) x
        LEFT JOIN cpc_classifications k ON k.cpc_code = x.code
        ORDER BY x.n DESC, x.code"""  # noqa: S608
    rows = (await session.execute(text(sql), params)).all()
    total = int(rows[0][3]) if rows else 0
    return [CpcCountRow(r[0], r[1], int(r[2])) for r in rows], total
