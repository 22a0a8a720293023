"""Event feeds of the caller's organization (api.md §3.3 #29-31): the merged feed, the
maintenance-fee events of its grants and its recent conveyances; each narrowed by
repeatable `companyId` (§1.5). The SSE stream (#32) lives in events_stream.py."""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from api import caching
from api.deps import AppSettings, DbSession, OrgMember, Redis
from api.errors import ErrorEnvelope, ValidationFailed
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, keyset_page, query_hash
from api.schemas.assets import SortOrder
from api.schemas.common import CursorInfo, CursorPage
from api.schemas.events import (
    EventItem,
    EventType,
    FeeStatusFilter,
    FeeWindowFilter,
    MaintenanceEvent,
    RecentAssignment,
)
from db.repos import event_reads
from domain.titles.categories import line_style
from domain.titles.types import ConveyanceType

router = APIRouter(
    prefix="/events",
    tags=["events"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
    },
)
RECENT_TTL_S = 300  # api.md §5.2: org:{orgId}:recent-assignments:{days}, 5 min
# One hash per (org, days), one field per page variant; the hash's TTL starts with its
# first field and is never extended, so no variant outlives the 5 minutes. (EXPIRE ... NX
# would say this in one command but needs Redis 7; D18 supports 6.2.)
_STORE_VARIANT = """
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3])) end
return 1
"""

CompanyIds = Annotated[list[uuid.UUID] | None, Query(alias="companyId")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Cursor = Annotated[str | None, Query(max_length=4096)]


def _companies(company_id: list[uuid.UUID] | None) -> list[uuid.UUID]:
    return sorted(set(company_id or []))


def _check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise ValidationFailed(
            "dateFrom is after dateTo.",
            field_errors={"dateFrom": ["must not be after dateTo"]},
            reason="date_range",
        )


@router.get(
    "",
    operation_id="events_list",
    response_model=CursorPage[EventItem],
    dependencies=[caching.PV],
)
async def list_events(
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    company_id: CompanyIds = None,
    type: EventType = EventType.all,
    date_from: Annotated[date | None, Query(alias="dateFrom")] = None,
    date_to: Annotated[date | None, Query(alias="dateTo")] = None,
    order: SortOrder = SortOrder.desc,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> CursorPage[EventItem]:
    """Conveyances on the org's assets, fee events of its grants and its pipeline runs,
    by date (inclusive range); pipeline runs are org-wide and ignore companyId."""
    _check_range(date_from, date_to)
    types = ("assignment", "maintenance", "pipeline") if type is EventType.all else (type.value,)
    filters = event_reads.EventFilters(
        company_ids=_companies(company_id), types=types, date_from=date_from, date_to=date_to
    )
    page, total = await keyset_page(
        settings,
        {"org": who.tenant_org_id, "view": "events", "f": filters.__dict__, "o": order.value},
        cursor,
        limit,
        lambda after: event_reads.events(
            db,
            who.tenant_org_id,
            filters,
            descending=order is SortOrder.desc,
            limit=limit,
            after=after,
        ),
    )
    return CursorPage[EventItem](
        data=[
            EventItem(
                id=r.id,
                type=EventType(r.type),
                date=r.date,
                title=r.title,
                description=r.description,
                asset_id=r.asset_id,
                metadata=r.metadata,
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )


@router.get(
    "/maintenance",
    operation_id="events_maintenance",
    response_model=CursorPage[MaintenanceEvent],
    dependencies=[caching.PV],
)
async def list_maintenance_events(
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    company_id: CompanyIds = None,
    status: FeeStatusFilter = FeeStatusFilter.all,
    fee_window: Annotated[FeeWindowFilter, Query(alias="feeWindow")] = FeeWindowFilter.all,
    order: SortOrder = SortOrder.desc,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> CursorPage[MaintenanceEvent]:
    """D2: the fee events of the org's grants with window, status and the window's due
    date, by event date."""
    filters = event_reads.MaintenanceFilters(
        company_ids=_companies(company_id),
        status=None if status is FeeStatusFilter.all else status.value,
        fee_window=None if fee_window is FeeWindowFilter.all else fee_window.value,
    )
    page, total = await keyset_page(
        settings,
        {"org": who.tenant_org_id, "view": "fees", "f": filters.__dict__, "o": order.value},
        cursor,
        limit,
        lambda after: event_reads.maintenance_events(
            db,
            who.tenant_org_id,
            filters,
            descending=order is SortOrder.desc,
            limit=limit,
            after=after,
        ),
    )
    return CursorPage[MaintenanceEvent](
        data=[
            MaintenanceEvent(
                id=r.id,
                asset_id=r.asset_id,
                grant_number=r.grant_number,
                title=r.title,
                event_code=r.event_code,
                event_date=r.event_date,
                description=r.description,
                fee_window=r.fee_window,
                status=r.status,
                due_date=r.due_date,
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )


def _color(conveyance_type: str, employer_assign: bool) -> str:
    """BR-031 line colour of the conveyance (the timeline chip colour)."""
    try:
        ctype = ConveyanceType(conveyance_type)
    except ValueError:
        ctype = ConveyanceType.OTHER
    return line_style(ctype, employer_assign).color


def recent_key(org_id: uuid.UUID, days: int) -> str:
    return f"org:{org_id}:recent-assignments:{days}"


@router.get(
    "/assignments",
    operation_id="events_assignments",
    response_model=CursorPage[RecentAssignment],
    dependencies=[caching.PV],
)
async def list_recent_assignments(
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    redis: Redis,
    response: Response,
    company_id: CompanyIds = None,
    days: Annotated[int, Query(ge=1, le=365)] = 30,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> CursorPage[RecentAssignment] | Response:
    """Conveyances recorded on the org's assets in the last `days` days, newest first.

    api.md §5.2: cached 5 min under `org:{orgId}:recent-assignments:{days}` — a hash whose
    fields are the page variants (companies, limit, cursor), expiring together."""
    companies = _companies(company_id)
    key = recent_key(who.tenant_org_id, days)
    variant = query_hash({"c": companies, "l": limit, "k": cursor})
    cached: bytes | None = await redis.hget(key, variant)  # type: ignore[misc]
    if cached is not None:
        return Response(
            content=cached,
            media_type="application/json",
            headers={"X-Cache": "hit"},
        )
    page, total = await keyset_page(
        settings,
        {"org": who.tenant_org_id, "view": "recent", "c": companies, "d": days},
        cursor,
        limit,
        lambda after: event_reads.recent_assignments(
            db, who.tenant_org_id, companies, days=days, limit=limit, after=after
        ),
    )
    body = CursorPage[RecentAssignment](
        data=[
            RecentAssignment(
                id=r.id,
                rf_id=r.rf_id,
                record_date=r.record_date,
                conveyance_type=r.conveyance_type,
                conveyance_text=r.conveyance_text,
                assignor_name=r.assignor_name,
                assignee_name=r.assignee_name,
                affected_assets=r.affected_assets,
                color=_color(r.conveyance_type, r.employer_assign),
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )
    raw = json.dumps(body.model_dump(mode="json", by_alias=True), separators=(",", ":"))
    await redis.eval(_STORE_VARIANT, 1, key, variant, raw, str(RECENT_TTL_S))  # type: ignore[misc]
    response.headers["X-Cache"] = "miss"
    return body
