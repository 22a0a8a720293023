"""Assets of the caller's organization (api.md §3.2): list, detail, chain of title,
diagram (D16) and number validation. Another org's asset is 404, never 403 (§1.3)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api import caching
from api.deps import AppSettings, DbSession, OrgAdmin, OrgMember
from api.errors import ErrorEnvelope, NotFound, ValidationFailed
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, keyset_page
from api.schemas.assets import (
    AssetDetail,
    AssetListItem,
    AssetSort,
    BreakPoint,
    CompanyRef,
    Conveyance,
    ConveyanceType,
    CurrentOwner,
    DiagramPayload,
    OpenLien,
    Party,
    SortOrder,
    TitleStatusFilter,
    TitleVerdict,
    ValidatedNumber,
    ValidateRequest,
    ValidateResult,
)
from api.schemas.common import CursorInfo, CursorPage, Envelope
from db.repos import asset_reads
from domain.ingestion.normalize import normalize_application_number, normalize_grant_number

# api.md §1.1: each route documents the §1.3 errors it can answer with.
router = APIRouter(
    prefix="/assets",
    tags=["assets"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
    },
)
# §1.3: another tenant's asset is "not found", never 403.
_ID_ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorEnvelope, "description": "No such asset in the caller's org."}
}

_NOT_FOUND = "No such asset."


def _item(r: asset_reads.AssetRow) -> AssetListItem:
    company = (
        CompanyRef(id=r.company_id, name=r.company_name)
        if r.company_id is not None and r.company_name is not None
        else None
    )
    return AssetListItem(
        id=r.id,
        application_number=r.application_number,
        grant_number=r.grant_number,
        title=r.title,
        application_date=r.application_date,
        grant_date=r.grant_date,
        company=company,
        status=r.status,
    )


@router.get(
    "",
    operation_id="assets_list",
    response_model=CursorPage[AssetListItem],
    dependencies=[caching.PV],
)
async def list_assets(
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    company_id: Annotated[list[uuid.UUID] | None, Query(alias="companyId")] = None,
    status: TitleStatusFilter = TitleStatusFilter.all,
    conveyance_type: Annotated[ConveyanceType | None, Query(alias="conveyanceType")] = None,
    has_open_liens: Annotated[bool | None, Query(alias="hasOpenLiens")] = None,
    date_from: Annotated[date | None, Query(alias="dateFrom")] = None,
    date_to: Annotated[date | None, Query(alias="dateTo")] = None,
    search: Annotated[str | None, Query(max_length=255)] = None,
    sort: AssetSort = AssetSort.application_number,
    order: SortOrder = SortOrder.desc,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    # A title sort key can be a few hundred characters; its cursor grows by 4/3.
    cursor: Annotated[str | None, Query(max_length=4096)] = None,
) -> CursorPage[AssetListItem]:
    """The org's assets, filtered and keyset-paged (api.md §1.4, §1.5; D10)."""
    if date_from and date_to and date_from > date_to:
        raise ValidationFailed(
            "dateFrom is after dateTo.",
            field_errors={"dateFrom": ["must not be after dateTo"]},
            reason="date_range",
        )
    term = (search or "").strip() or None  # §1.5: free text is trimmed
    filters = asset_reads.AssetFilters(
        company_ids=sorted(set(company_id or [])),
        status=None if status is TitleStatusFilter.all else status.value,
        conveyance_type=conveyance_type.value if conveyance_type else None,
        has_open_liens=has_open_liens,
        date_from=date_from,
        date_to=date_to,
        search=term,
    )
    # §1.4: the cursor is bound to everything that decides membership and order.
    page, total = await keyset_page(
        settings,
        {
            "org": who.tenant_org_id,
            "filters": filters.__dict__,
            "sort": sort.value,
            "order": order.value,
        },
        cursor,
        limit,
        lambda after: asset_reads.list_assets(
            db,
            who.tenant_org_id,
            filters,
            sort=sort.value,
            descending=order is SortOrder.desc,
            limit=limit,
            after=after,
        ),
    )
    return CursorPage[AssetListItem](
        data=[_item(r) for r in page.rows],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )


@router.post("/validate", operation_id="assets_validate", response_model=ValidateResult)
async def validate_numbers(body: ValidateRequest, who: OrgAdmin, db: DbSession) -> ValidateResult:
    """Normalise patent/application numbers and say which the org tracks (api.md §3.2 #22).

    A bare 8-digit number is both a possible application and a possible grant number, so
    both readings are checked."""
    candidates = [
        (normalize_application_number(raw), normalize_grant_number(raw))
        for raw in body.patent_numbers
    ]
    matches = await asset_reads.match_numbers(db, who.tenant_org_id, candidates)
    out = [
        ValidatedNumber(
            input=raw,
            valid=appno is not None or grant is not None,
            application_number=appno,
            grant_number=grant,
            found=m.asset_id is not None,
            asset_id=m.asset_id,
            in_patents=m.in_patents,
        )
        for raw, (appno, grant), m in zip(body.patent_numbers, candidates, matches, strict=True)
    ]
    found = sum(1 for v in out if v.found)
    return ValidateResult(data=out, totalFound=found, totalNotFound=len(out) - found)


@router.get(
    "/{asset_id}",
    operation_id="assets_get",
    response_model=Envelope[AssetDetail],
    responses=_ID_ERRORS,
    dependencies=[caching.PV],
)
async def get_asset(asset_id: uuid.UUID, who: OrgMember, db: DbSession) -> Envelope[AssetDetail]:
    """One asset with its D2 current owner, open liens and title verdict."""
    found = await asset_reads.get_asset(db, who.tenant_org_id, asset_id)
    if found is None:
        raise NotFound(_NOT_FOUND)
    base = _item(found.asset)
    own, ver = found.ownership, found.verdict
    head = (ver or {}).get("headline_break")
    verdict = (
        TitleVerdict(
            status=ver["status"],
            reasons=list(ver["reasons"]),
            break_point=BreakPoint(
                seq=head["seq"],
                before_rf_id=head.get("beforeRfId"),
                after_rf_id=head["afterRfId"],
                expected=list(head.get("expected", [])),
                actual=list(head.get("actual", [])),
                reason=head.get("reason"),
            )
            if head
            else None,
        )
        if ver
        else None
    )
    source = ver or own
    computed_at = ver["detected_at"] if ver else (own["created_at"] if own else None)
    return Envelope(
        data=AssetDetail(
            **base.model_dump(),
            current_owner=CurrentOwner(
                holders=list(own["holders"]),
                supporting_rf_ids=list(own["supporting_rf_ids"]),
                status=own["status"],
            )
            if own
            else None,
            open_liens=[
                OpenLien(
                    rf_id=lien.rf_id,
                    secured_party=lien.secured_party_name,
                    grantors=lien.grantors,
                    record_date=lien.record_dt,
                    effective_date=lien.effective_dt,
                )
                for lien in found.liens
            ],
            title_verdict=verdict,
            inventor_source=source["inventor_source"] if source else None,
            ruleset_version=source["ruleset_version"] if source else None,
            computed_at=computed_at,
        )
    )


@router.get(
    "/{asset_id}/assignments",
    operation_id="assets_assignments",
    response_model=Envelope[list[Conveyance]],
    responses=_ID_ERRORS,
    dependencies=[caching.PV],
)
async def list_assignments(
    asset_id: uuid.UUID, who: OrgMember, db: DbSession
) -> Envelope[list[Conveyance]]:
    """The chain of title in P5 order, oldest first; empty when nothing is recorded yet."""
    if not await asset_reads.asset_visible(db, who.tenant_org_id, asset_id):
        raise NotFound(_NOT_FOUND)
    rows = await asset_reads.chain_of_title(db, who.tenant_org_id, asset_id)
    return Envelope(
        data=[
            Conveyance(
                id=r["id"],
                seq=i,
                rf_id=r["rf_id"],
                reel=r["reel_no"],
                frame=r["frame_no"],
                record_date=r["record_dt"],
                execution_date=r["exec_dt"],
                effective_date=r["effective_dt"],
                conveyance_text=r["convey_text"],
                conveyance_type=r["effective_type"],
                is_employer_assignment=r["employer_assign"],
                assignors=[Party.model_validate(p) for p in r["assignors"]],
                assignees=[Party.model_validate(p) for p in r["assignees"]],
            )
            for i, r in enumerate(rows, start=1)
        ]
    )


@router.get(
    "/{asset_id}/diagram",
    operation_id="assets_diagram",
    response_model=Envelope[DiagramPayload],
    responses={
        **_ID_ERRORS,
        304: {"description": "Not modified (If-None-Match matched the ETag)."},
    },
    # api.md §5: PV ETag (304 before any DB access) and `org:{o}:v{ver}:tree:{assetId}`.
    dependencies=[caching.pv_cached("diagram", key=lambda r: f"tree:{r.path_params['asset_id']}")],
)
async def get_diagram(
    asset_id: uuid.UUID, who: OrgMember, db: DbSession
) -> Envelope[DiagramPayload]:
    """D16: the diagram payload exactly as generate_json stored it."""
    diagram = await asset_reads.get_diagram(db, who.tenant_org_id, asset_id)
    if diagram is None:
        # Not visible, or not computed yet (the pipeline has not run): nothing to draw.
        raise NotFound(_NOT_FOUND)
    return Envelope(data=diagram.payload)
