"""Dashboards of the caller's organization (api.md §3.3): summary KPIs, broken titles,
ownership trees and the timeline, each narrowed by repeatable `companyId` (§1.5).

A companyId of another org matches nothing under RLS: the answer is empty, never its data."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api import caching
from api.deps import AppSettings, DbSession, OrgMember
from api.errors import ErrorEnvelope, NotFound, ValidationFailed
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keyset, keyset_page
from api.schemas.assets import CompanyRef, SortOrder
from api.schemas.common import CursorInfo, CursorPage, Envelope
from api.schemas.dashboard_trees import (
    CpcCloud,
    CpcCloudItem,
    CpcCloudLevel,
    DateRange,
    TransactionSummary,
    TreeAsset,
    TreeDetail,
)
from api.schemas.dashboards import (
    BrokenTitle,
    DashboardSummary,
    KpiSet,
    SummaryScope,
    TimelineEntry,
    TimelineRole,
    TitleBreak,
    TreeNode,
    TreeTab,
)
from db.repos import dashboard_reads

router = APIRouter(
    prefix="/dashboards",
    tags=["dashboards"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
    },
)
# api.md §5 class PV: pipeline-derived data always revalidates.
_TABS = range(4)

CompanyIds = Annotated[list[uuid.UUID] | None, Query(alias="companyId")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Cursor = Annotated[str | None, Query(max_length=4096)]


def _companies(company_id: list[uuid.UUID] | None) -> list[uuid.UUID]:
    return sorted(set(company_id or []))


def _summary_key(request: Request) -> str | None:
    return None if request.query_params.getlist("companyId") else "dashboard"


@router.get(
    "/summary",
    operation_id="dashboards_summary",
    response_model=Envelope[DashboardSummary],
    # api.md §5.2: the org-level summary is `org:{o}:v{ver}:dashboard`; per company a page key.
    dependencies=[caching.pv_cached("summary", key=_summary_key)],
)
async def get_summary(
    who: OrgMember, db: DbSession, response: Response, company_id: CompanyIds = None
) -> Envelope[DashboardSummary]:
    """BR-042/043 KPIs (the org row, or per selected company) with broken/lien counts."""
    companies = _companies(company_id)
    found = await dashboard_reads.summary(db, who.tenant_org_id, companies)
    return Envelope(
        data=DashboardSummary(
            scope=SummaryScope.companies if companies else SummaryScope.organization,
            metrics=[
                KpiSet(
                    company_id=m.company_id,
                    total_assets=m.asset_count,
                    total_entities=m.entity_count,
                    total_companies=m.company_count,
                    total_transactions=m.transaction_count,
                    total_employees=m.employee_count,
                    total_parties=m.party_count,
                    total_activities=m.activity_count,
                    total_arrows=m.arrow_count,
                    ruleset_version=m.ruleset_version,
                    calculated_at=m.calculated_at,
                )
                for m in found.metrics
            ],
            broken_titles=found.broken_titles,
            open_liens=found.open_liens,
        )
    )


def _broken(r: dashboard_reads.BrokenTitleRow) -> BrokenTitle:
    located = r.break_seq is not None or r.break_point_rf_id is not None
    return BrokenTitle(
        asset_id=r.asset_id,
        application_number=r.application_number,
        grant_number=r.grant_number,
        company=CompanyRef(id=r.company_id, name=r.company_name)
        if r.company_id is not None and r.company_name is not None
        else None,
        reason_code=r.reason_code,
        reasons=list(r.reasons),
        break_point=TitleBreak(
            seq=r.break_seq,
            rf_id=r.break_point_rf_id,
            missing_link_from=r.missing_link_from,
            missing_link_to=r.missing_link_to,
        )
        if located
        else None,
        current_holders=list(r.current_holders),
        detected_at=r.detected_at,
    )


@router.get(
    "/broken-titles",
    operation_id="dashboards_broken_titles",
    response_model=CursorPage[BrokenTitle],
    dependencies=[caching.pv_cached("broken-titles")],
)
async def list_broken_titles(
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    company_id: CompanyIds = None,
    order: SortOrder = SortOrder.desc,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> CursorPage[BrokenTitle]:
    """Assets with a broken chain of title, keyset-paged by application number (D10)."""
    companies = _companies(company_id)
    page, total = await keyset_page(
        settings,
        {"org": who.tenant_org_id, "view": "broken", "companies": companies, "order": order.value},
        cursor,
        limit,
        lambda after: dashboard_reads.broken_titles(
            db,
            who.tenant_org_id,
            companies,
            descending=order is SortOrder.desc,
            limit=limit,
            after=after,
        ),
        lambda r: Keyset(key=r.sort_key, id=r.asset_id),
    )
    return CursorPage[BrokenTitle](
        data=[_broken(r) for r in page.rows],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )


@router.get(
    "/trees",
    operation_id="dashboards_trees",
    response_model=Envelope[list[TreeTab]],
    dependencies=[caching.pv_cached("trees")],
)
async def list_trees(
    who: OrgMember,
    db: DbSession,
    company_id: CompanyIds = None,
    tab: Annotated[int | None, Query(ge=0, le=3)] = None,
    tree_type: Annotated[int | None, Query(alias="treeType", ge=0, le=13)] = None,
) -> Envelope[list[TreeTab]]:
    """BR-024..031 ownership tree nodes grouped per tab (every tab present, maybe empty)."""
    nodes = await dashboard_reads.tree_nodes(
        db, who.tenant_org_id, _companies(company_id), tab=tab, tree_type=tree_type
    )
    return Envelope(
        data=[
            TreeTab(
                tab=t,
                nodes=[
                    TreeNode(
                        id=n.id,
                        company_id=n.company_id,
                        tree_type=n.tree_type,
                        tab=n.tab,
                        entity_name=n.display_name,
                        entity_key=n.entity_key,
                        color=n.color,
                        asset_count=n.asset_count,
                        last_activity_date=n.last_activity_date,
                        rf_ids=list(n.rf_ids),
                    )
                    for n in nodes
                    if n.tab == t
                ],
            )
            for t in _TABS
            if tab is None or t == tab
        ]
    )


@router.get(
    "/timeline",
    operation_id="dashboards_timeline",
    response_model=CursorPage[TimelineEntry],
    dependencies=[caching.pv_cached("timeline")],
)
async def list_timeline(
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    company_id: CompanyIds = None,
    role: TimelineRole = TimelineRole.all,
    date_from: Annotated[date | None, Query(alias="dateFrom")] = None,
    date_to: Annotated[date | None, Query(alias="dateTo")] = None,
    order: SortOrder = SortOrder.desc,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> CursorPage[TimelineEntry]:
    """Step-4 timeline entries by record date (inclusive range) and sequence (D10)."""
    if date_from and date_to and date_from > date_to:
        raise ValidationFailed(
            "dateFrom is after dateTo.",
            field_errors={"dateFrom": ["must not be after dateTo"]},
            reason="date_range",
        )
    filters = dashboard_reads.TimelineFilters(
        company_ids=_companies(company_id),
        role=None if role is TimelineRole.all else role.value,
        date_from=date_from,
        date_to=date_to,
    )
    page, total = await keyset_page(
        settings,
        {
            "org": who.tenant_org_id,
            "view": "timeline",
            "filters": filters.__dict__,
            "order": order.value,
        },
        cursor,
        limit,
        lambda after: dashboard_reads.timeline(
            db,
            who.tenant_org_id,
            filters,
            descending=order is SortOrder.desc,
            limit=limit,
            after=after,
        ),
    )
    return CursorPage[TimelineEntry](
        data=[
            TimelineEntry(
                id=r.id,
                company_id=r.company_id,
                assignment_id=r.assignment_id,
                rf_id=r.rf_id,
                reel=r.reel_no,
                frame=r.frame_no,
                record_date=r.record_dt,
                execution_date=r.exec_dt,
                role=r.party_role,
                original_name=r.original_name,
                canonical_name=r.canonical_name,
                conveyance_type=r.convey_ty,
                is_employer_assignment=r.employer_assign,
                category=r.category,
                color=r.color,
                conveyance_text=r.convey_text,
                asset_count=r.asset_count,
                sequence=r.sequence,
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )


# --------------------------------------------------------------------------- issue 7: #25, #28


@router.get(
    "/trees/{tree_id}",
    operation_id="dashboards_tree",
    response_model=Envelope[TreeDetail],
    dependencies=[caching.PV],
    responses={404: {"model": ErrorEnvelope, "description": "No such tree in the caller's org."}},
)
async def get_tree(tree_id: uuid.UUID, who: OrgMember, db: DbSession) -> Envelope[TreeDetail]:
    """One ownership tree node (BR-024..031) with its assets and conveyance summary."""
    found = await dashboard_reads.tree_detail(db, who.tenant_org_id, tree_id)
    if found is None:
        raise NotFound("No such tree.")
    n = found.node
    return Envelope(
        data=TreeDetail(
            id=n.id,
            company_id=n.company_id,
            entity_name=n.display_name,
            tree_type=n.tree_type,
            tab=n.tab,
            color=n.color,
            asset_count=n.asset_count,
            last_activity_date=n.last_activity_date,
            rf_ids=list(n.rf_ids),
            assets=[
                TreeAsset(
                    id=a.id,
                    grant_number=a.grant_number,
                    application_number=a.application_number,
                    title=a.title,
                    status=a.status,
                )
                for a in found.assets
            ],
            transaction_summary=TransactionSummary(
                total_assignments=found.total_assignments,
                total_assignors=found.total_assignors,
                total_assignees=found.total_assignees,
                date_range=DateRange(earliest=found.earliest, latest=found.latest),
            ),
        )
    )


@router.get(
    "/cpc-wordcloud",
    operation_id="dashboards_cpc_wordcloud",
    response_model=CpcCloud,
    # api.md §5.2 lists `org:{orgId}:cpc-wordcloud:{level}:{year}`; the versioned page
    # cache drops it at the pipeline's version bump like the other dashboards.
    dependencies=[caching.pv_cached("cpc-wordcloud")],
)
async def get_cpc_wordcloud(
    who: OrgMember,
    db: DbSession,
    company_id: CompanyIds = None,
    level: CpcCloudLevel = CpcCloudLevel.subclass,
    year: Annotated[int | None, Query(ge=1790, le=2100)] = None,
) -> CpcCloud:
    """Assets per CPC section/class/subclass (default subclass) with a 0-1 weight
    relative to the largest; `year` narrows to one application year."""
    rows, assets = await dashboard_reads.cpc_wordcloud(
        db, who.tenant_org_id, _companies(company_id), level=level.value, year=year
    )
    top = max((r.count for r in rows), default=0)
    return CpcCloud(
        data=[
            CpcCloudItem(
                code=r.code,
                description=r.description,
                count=r.count,
                weight=round(r.count / top, 4) if top else 0.0,
            )
            for r in rows
        ],
        level=level,
        year=year,
        totalAssets=assets,
    )
