"""Reference data of one org asset (api.md §3.2 #15-17; D2, D7): EPO family, CPC hierarchy,
maintenance-fee events and status. Another org's asset is 404 (§1.3); a source that has
no rows for the asset answers an empty list, not an error (issue 7).

#18 citations is not served: no citation source is ingested in v1 (D3 defers claims and
full text; ingestion.md has no citation feed), so there is no data to return."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from api import caching
from api.deps import DbSession, OrgMember
from api.errors import ErrorEnvelope, NotFound
from api.schemas.asset_reference import (
    CpcList,
    CpcNode,
    FamilyList,
    FamilyMember,
    FeeEvent,
    FeeStatus,
    MaintenanceList,
    fee_windows,
)
from db.repos import reference_reads as refs

router = APIRouter(
    prefix="/assets",
    tags=["assets"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
        404: {"model": ErrorEnvelope, "description": "No such asset in the caller's org."},
    },
)
# api.md §5.1: R1h (family), R1d (CPC); maintenance is PV (declared per route).


async def _numbers(db: DbSession, who: OrgMember, asset_id: uuid.UUID) -> refs.AssetNumbers:
    found = await refs.asset_numbers(db, who.tenant_org_id, asset_id)
    if found is None:
        raise NotFound("No such asset.")
    return found


@router.get(
    "/{asset_id}/family",
    operation_id="assets_family",
    response_model=FamilyList,
    dependencies=[caching.R1H],
)
async def get_family(asset_id: uuid.UUID, who: OrgMember, db: DbSession) -> FamilyList:
    """The EPO family members (ingestion.md §2.7) of the asset, by family and date."""
    rows = await refs.family(db, await _numbers(db, who, asset_id))
    return FamilyList(
        data=[
            FamilyMember(
                id=r.id,
                family_id=r.family_id,
                application_number=r.application_number,
                publication_number=r.publication_number,
                country=r.country,
                kind=r.kind,
                title=r.title,
                filing_date=r.filing_date,
                publication_date=r.publication_date,
                is_representative=r.is_representative,
            )
            for r in rows
        ],
        familyIds=sorted({r.family_id for r in rows}),
        totalMembers=len(rows),
        countries=sorted({r.country for r in rows if r.country}),
    )


@router.get(
    "/{asset_id}/cpc",
    operation_id="assets_cpc",
    response_model=CpcList,
    dependencies=[caching.R1D],
)
async def get_cpc(asset_id: uuid.UUID, who: OrgMember, db: DbSession) -> CpcList:
    """The asset's CPC codes with every ancestor (section → subgroup), by code."""
    assigned, nodes = await refs.cpc(db, await _numbers(db, who, asset_id))
    flags = {a.code: a for a in assigned}
    return CpcList(
        data=[
            CpcNode(
                code=n.code,
                level=refs.level_name(n.level),  # type: ignore[arg-type]
                description=n.title,
                parent_code=n.parent_code,
                assigned=n.code in flags,
                is_main=flags[n.code].is_main if n.code in flags else None,
                is_inventive=flags[n.code].is_inventive if n.code in flags else None,
            )
            for n in sorted(nodes.values(), key=lambda n: (n.code.split("/")[0], n.level, n.code))
        ],
        totalAssigned=len(assigned),
    )


@router.get(
    "/{asset_id}/maintenance",
    operation_id="assets_maintenance",
    response_model=MaintenanceList,
    dependencies=[caching.PV],
)
async def get_maintenance(asset_id: uuid.UUID, who: OrgMember, db: DbSession) -> MaintenanceList:
    """Fee events of the asset's grant (api.md #17) and its D2 fee status; an asset
    without a grant (an application) has neither."""
    numbers = await _numbers(db, who, asset_id)
    if numbers.grant is None:
        return MaintenanceList(data=[], grantNumber=None, feeStatus=None)
    events = await refs.fee_events(db, numbers.grant)
    status = await refs.fee_status(db, numbers.grant)
    out = []
    for e in events:
        window, kind = refs.fee_event_kind(e.event_code, e.description)
        out.append(
            FeeEvent(
                id=e.id,
                event_code=e.event_code,
                event_date=e.event_date,
                description=e.description,
                fee_window=window,  # type: ignore[arg-type]
                status=kind,  # type: ignore[arg-type]
                entity_status=e.entity_status,
            )
        )
    return MaintenanceList(
        data=out,
        grantNumber=numbers.grant,
        feeStatus=FeeStatus(
            status=status.status,
            as_of=status.as_of,
            paid_through=status.paid_through,
            next_window=status.next_window,
            window_open=status.window_open,
            due_date=status.due_date,
            grace_end=status.grace_end,
            expired_on=status.expired_on,
            windows=fee_windows(status.windows),
        )
        if status
        else None,
    )
