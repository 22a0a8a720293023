"""Cross-tenant transaction review and fix-items (issue 9; api.md §3.5 #50, #51). SA only."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, status

from api.deps import AppSettings, DbSession, Queue, SuperAdmin
from api.errors import BadRequest, ErrorEnvelope
from api.idempotency import IDEMPOTENT
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keyset, Pager
from api.routes.admin_pipeline import guard_and_queue
from api.schemas.admin_transactions import (
    ConveyanceFilter,
    FixItemsQueued,
    FixItemsRequest,
    TransactionItem,
)
from api.schemas.common import CursorInfo, CursorPage, Envelope
from db.repos import admin_transactions as repo

router = APIRouter(
    prefix="/admin",
    tags=["admin"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Not a super admin."},
    },
)

# fix type → the pipeline step that recomputes what it fixes (domain-model §12.6):
# reclassification is step 1, name normalisation (grouping) step 2a, broken chains step 5,
# the dashboard step 6.
FIX_START_STEP = {
    "reclass": "classify",
    "renormalize": "flag",
    "fix_broken_chain": "broken_title",
    "rebuild_dashboard": "dashboard",
}


@router.get(
    "/transactions",
    operation_id="admin_list_transactions",
    response_model=CursorPage[TransactionItem],
)
async def list_transactions(
    _: SuperAdmin,
    db: DbSession,
    settings: AppSettings,
    org_id: Annotated[uuid.UUID | None, Query(alias="orgId")] = None,
    conveyance_type: Annotated[ConveyanceFilter, Query(alias="conveyanceType")] = "all",
    date_from: Annotated[date | None, Query(alias="dateFrom")] = None,
    date_to: Annotated[date | None, Query(alias="dateTo")] = None,
    flagged: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[TransactionItem]:
    """Every tenant's classified conveyances, newest record date first (§3.5 #50); the
    date range bounds the record date, both ends inclusive (§1.1)."""
    ctype = None if conveyance_type == "all" else conveyance_type
    query = {"list": "admin_transactions", "org": org_id, "type": ctype,
             "from": date_from, "to": date_to, "flagged": flagged}  # fmt: skip
    pager = Pager(settings, query, cursor)
    after = pager.after
    try:
        keyset = (date.fromisoformat(after.key), after.id) if after else None
    except ValueError as exc:
        raise BadRequest("The cursor is invalid.", details={"reason": "invalid_cursor"}) from exc
    rows, total = await repo.list_transactions(
        db, org_id=org_id, conveyance_type=ctype, date_from=date_from, date_to=date_to,
        flagged=flagged, limit=limit, after=keyset,
    )  # fmt: skip
    page = pager.slice(
        rows, limit, lambda r: Keyset(key=(r.record_date or repo.NO_DATE).isoformat(), id=r.id)
    )
    return CursorPage[TransactionItem](
        data=[TransactionItem(**vars(r)) for r in page.rows],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )


@router.post(
    "/fix-items",
    operation_id="admin_fix_items",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        404: {"model": ErrorEnvelope, "description": "No such organization."},
        409: {"model": ErrorEnvelope, "description": "`job_running` with `details.jobId`."},
    },
    response_model=Envelope[FixItemsQueued],
    dependencies=[IDEMPOTENT],  # api.md §1.10
)
async def fix_items(
    body: FixItemsRequest, who: SuperAdmin, db: DbSession, queue: Queue
) -> Envelope[FixItemsQueued]:
    """Queue the org's pipeline from the step that recomputes `fixType` (§3.5 #51); the
    named targets (rf_ids, entity or asset ids; omitted = all) are counted and recorded
    in the run's trigger. 409 `job_running` while the org's run is queued or running."""
    start = FIX_START_STEP[body.fix_type]
    targets = f" ({len(body.target_ids)} targets)" if body.target_ids else ""
    reason = f"fix-items {body.fix_type}{targets} from {start}"
    job_id = await guard_and_queue(db, queue, body.org_id, reason, who.user_id)
    count = (
        len(body.target_ids)
        if body.target_ids
        else await repo.fix_item_count(db, body.org_id, body.fix_type)
    )
    return Envelope(
        data=FixItemsQueued(
            job_id=job_id, fix_type=body.fix_type, item_count=count, start_from_step=start
        )
    )
