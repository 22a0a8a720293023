"""Read side of the org's event feeds (api.md §3.3 #29-31): the merged feed, the
maintenance-fee events of its grants and its recent conveyances.

Every query runs in the caller's tenant session (RLS: only the caller's assets, runs and
classifications); the reference rows (fee events, assignments) are shared and reached
through the org's own assets. Lists are keyset-paged on `(sort_key, id)` (api.md §1.4).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from db.repos.asset_reads import _BASE as ASSET_BASE
from db.repos.dashboard_reads import _page as keyset_page
from db.repos.reference_reads import fee_event_kind

# The org's live assets with their grant number and title (asset_reads' fallbacks).
_ORG_GRANTS = f"""
    SELECT b.id AS asset_id, b.grant_no, b.title, b.company_id
    FROM ({ASSET_BASE}) b WHERE b.grant_no IS NOT NULL {{company}}
"""  # noqa: S608  (constant fragments)

# Org assets touched by a conveyance (through its document_ids), optionally per company.
_TOUCHED = """
    SELECT count(DISTINCT s.id) AS n, (array_agg(s.id ORDER BY s.id))[1] AS first_asset
    FROM document_ids di
    JOIN assets s ON s.organization_id = :org AND s.deleted_at IS NULL
     AND ((s.appno_doc_num IS NOT NULL AND s.appno_doc_num = di.appno_doc_num)
       OR (s.grant_doc_num IS NOT NULL AND s.grant_doc_num = di.grant_doc_num))
     {company}
    WHERE di.assignment_id = a.id
"""


def _company(params: dict[str, Any], company_ids: Sequence[uuid.UUID], alias: str) -> str:
    if not company_ids:
        return ""
    params["company_ids"] = list(company_ids)
    return f"AND {alias}.company_id = ANY(:company_ids)"


async def _fee_kinds(
    session: AsyncSession, org_grants_sql: str, params: dict[str, Any]
) -> dict[str, list[Any]]:
    """Window and status of every fee-event code the org's grants carry, from the loaded
    code table (ingestion.md §2.6: codes are loaded, never hard-coded), as bind arrays."""
    rows = await session.execute(
        text(
            f"""SELECT DISTINCT e.event_code, c.description
                FROM ({org_grants_sql}) g
                JOIN maintenance_fee_events e ON e.grant_doc_num = g.grant_no
                LEFT JOIN maintenance_event_codes c ON c.code = e.event_code"""  # noqa: S608
        ),
        params,
    )
    codes, windows, statuses = [], [], []
    for code, description in rows.all():
        window, status = fee_event_kind(code, description)
        codes.append(code)
        windows.append(window)
        statuses.append(status)
    return {"k_codes": codes, "k_windows": windows, "k_statuses": statuses}


_KINDS = (
    "unnest(CAST(:k_codes AS text[]), CAST(:k_windows AS text[]),"
    " CAST(:k_statuses AS text[])) AS k(code, fee_window, status)"
)


# --------------------------------------------------------------------------- #30


@dataclass(frozen=True)
class MaintenanceFilters:
    company_ids: Sequence[uuid.UUID] = ()
    status: str | None = None
    fee_window: str | None = None


@dataclass(frozen=True)
class MaintenanceEventRow:
    id: uuid.UUID
    asset_id: uuid.UUID
    grant_number: str
    title: str | None
    event_code: str
    event_date: date
    description: str | None
    fee_window: str | None
    status: str | None
    due_date: date | None
    sort_key: str


async def maintenance_events(
    session: AsyncSession,
    org_id: uuid.UUID,
    filters: MaintenanceFilters,
    *,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[MaintenanceEventRow], int]:
    """Fee events of the org's grants by event date, with their window, status and the
    window's due date from the D2 status row (maintenance_fee_statuses.windows)."""
    params: dict[str, Any] = {"org": org_id}
    grants = _ORG_GRANTS.format(company=_company(params, filters.company_ids, "b"))
    params.update(await _fee_kinds(session, grants, params))
    where = []
    if filters.status:
        where.append("k.status = :status")
        params["status"] = filters.status
    if filters.fee_window:
        where.append("k.fee_window = :fee_window")
        params["fee_window"] = filters.fee_window
    filtered = f"""
        SELECT e.id, g.asset_id, g.grant_no AS grant_number, g.title, e.event_code,
               e.event_date, COALESCE(e.event_description, c.description) AS description,
               k.fee_window, k.status,
               (SELECT (w->>'dueDate')::date FROM maintenance_fee_statuses st,
                       jsonb_array_elements(st.windows) w
                WHERE st.grant_doc_num = g.grant_no AND w->>'label' = k.fee_window
                LIMIT 1) AS due_date,
               (to_char(e.event_date, 'YYYY-MM-DD') || ':' || g.grant_no) COLLATE "C"
                 AS sort_key
        FROM ({grants}) g
        JOIN maintenance_fee_events e ON e.grant_doc_num = g.grant_no
        LEFT JOIN maintenance_event_codes c ON c.code = e.event_code
        JOIN {_KINDS} ON k.code = e.event_code
        {"WHERE " + " AND ".join(where) if where else ""}"""  # noqa: S608
    rows, total = await keyset_page(
        session, filtered, params, descending=descending, limit=limit, after=after
    )
    return [MaintenanceEventRow(**r) for r in rows], total


# --------------------------------------------------------------------------- #29


@dataclass(frozen=True)
class EventFilters:
    company_ids: Sequence[uuid.UUID] = ()
    types: Sequence[str] = ("assignment", "maintenance", "pipeline")
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class EventRow:
    id: uuid.UUID
    type: str
    date: date | None
    title: str
    description: str | None
    asset_id: uuid.UUID | None
    metadata: dict[str, Any]
    sort_key: str


async def events(
    session: AsyncSession,
    org_id: uuid.UUID,
    filters: EventFilters,
    *,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[EventRow], int]:
    """One feed of the org's conveyances, fee events and pipeline runs by date (#29)."""
    params: dict[str, Any] = {"org": org_id}
    parts: list[str] = []
    if "assignment" in filters.types:
        company = _company(params, filters.company_ids, "s")
        parts.append(
            f"""SELECT a.id, 'assignment' AS type, a.record_dt AS date,
                       COALESCE(NULLIF(a.convey_text, ''), 'Conveyance') AS title,
                       'Reel/frame ' || a.rf_id AS description, t.first_asset AS asset_id,
                       jsonb_build_object('rfId', a.rf_id, 'conveyanceType', oa.effective_type,
                                          'affectedAssets', t.n) AS metadata
                FROM org_assignments oa
                JOIN assignments a ON a.id = oa.assignment_id AND a.status = 'active'
                JOIN LATERAL ({_TOUCHED.format(company=company)}) t ON true
                WHERE oa.organization_id = :org AND t.n > 0"""  # noqa: S608
        )
    if "maintenance" in filters.types:
        grants = _ORG_GRANTS.format(company=_company(params, filters.company_ids, "b"))
        params.update(await _fee_kinds(session, grants, params))
        parts.append(
            f"""SELECT e.id, 'maintenance' AS type, e.event_date AS date,
                       COALESCE(e.event_description, c.description, e.event_code) AS title,
                       'Patent ' || g.grant_no AS description, g.asset_id,
                       jsonb_build_object('eventCode', e.event_code, 'grantNumber', g.grant_no,
                                          'feeWindow', k.fee_window, 'status', k.status)
                         AS metadata
                FROM ({grants}) g
                JOIN maintenance_fee_events e ON e.grant_doc_num = g.grant_no
                LEFT JOIN maintenance_event_codes c ON c.code = e.event_code
                JOIN {_KINDS} ON k.code = e.event_code"""  # noqa: S608
        )
    if "pipeline" in filters.types:
        parts.append(
            """SELECT j.id, 'pipeline' AS type,
                      (COALESCE(j.completed_at, j.started_at, j.created_at)
                       AT TIME ZONE 'UTC')::date AS date,
                      'Pipeline run ' || j.status AS title, j.reason AS description,
                      NULL::uuid AS asset_id,
                      jsonb_build_object('status', j.status, 'jobType', j.job_type,
                                         'currentStep', j.current_step) AS metadata
               FROM processing_jobs j WHERE j.organization_id = :org"""
        )
    where = []
    if filters.date_from:
        where.append("u.date >= :date_from")  # api.md §1.1: inclusive ranges
        params["date_from"] = filters.date_from
    if filters.date_to:
        where.append("u.date <= :date_to")
        params["date_to"] = filters.date_to
    union = " UNION ALL ".join(f"({p})" for p in parts)
    filtered = f"""
        SELECT u.*, (COALESCE(to_char(u.date, 'YYYY-MM-DD'), '') || ':' || u.type)
                    COLLATE "C" AS sort_key
        FROM ({union}) u {"WHERE " + " AND ".join(where) if where else ""}"""  # noqa: S608
    rows, total = await keyset_page(
        session, filtered, params, descending=descending, limit=limit, after=after
    )
    return [EventRow(**r) for r in rows], total


# --------------------------------------------------------------------------- #31


@dataclass(frozen=True)
class RecentAssignmentRow:
    id: uuid.UUID
    rf_id: str
    record_date: date | None
    conveyance_type: str
    employer_assign: bool
    conveyance_text: str | None
    assignor_name: str | None
    assignee_name: str | None
    affected_assets: int
    sort_key: str


async def recent_assignments(
    session: AsyncSession,
    org_id: uuid.UUID,
    company_ids: Sequence[uuid.UUID],
    *,
    days: int,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[RecentAssignmentRow], int]:
    """Conveyances on the org's assets recorded in the last `days` days, newest first."""
    params: dict[str, Any] = {"org": org_id, "days": days}
    company = _company(params, company_ids, "s")
    filtered = f"""
        SELECT a.id, a.rf_id, a.record_dt AS record_date, oa.effective_type AS conveyance_type,
               oa.employer_assign, a.convey_text AS conveyance_text,
               (SELECT r.or_name FROM assignors r WHERE r.assignment_id = a.id
                ORDER BY r.seq LIMIT 1) AS assignor_name,
               (SELECT e.ee_name FROM assignees e WHERE e.assignment_id = a.id
                ORDER BY e.seq LIMIT 1) AS assignee_name,
               t.n AS affected_assets,
               (to_char(a.record_dt, 'YYYY-MM-DD') || ':' || a.rf_id) COLLATE "C" AS sort_key
        FROM org_assignments oa
        JOIN assignments a ON a.id = oa.assignment_id AND a.status = 'active'
        JOIN LATERAL ({_TOUCHED.format(company=company)}) t ON true
        WHERE oa.organization_id = :org AND t.n > 0
          AND a.record_dt >= current_date - CAST(:days AS integer)"""  # noqa: S608
    rows, total = await keyset_page(
        session, filtered, params, descending=True, limit=limit, after=after
    )
    return [RecentAssignmentRow(**r) for r in rows], total
