"""Operations alerts for super admins (issue 9): what the evaluator opened and resolved.

Read-only: alerts open and resolve themselves as their conditions start and stop
holding (worker/alerts/ops.py); the list is the record of what operators were told.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AppSettings, DbSession, SuperAdmin
from api.errors import BadRequest, ErrorEnvelope
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keyset, Pager
from api.schemas.admin_alerts import OpsAlertOut, OpsAlertStatus
from api.schemas.common import CursorInfo, CursorPage
from db.models.alerts import OpsAlert
from db.repos import ops_alerts as repo

router = APIRouter(
    prefix="/admin/alerts",
    tags=["admin"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Not a super admin."},
    },
)


def _out(a: OpsAlert) -> OpsAlertOut:
    return OpsAlertOut(
        id=a.id,
        condition_key=a.condition_key,
        kind=a.kind,
        status=OpsAlertStatus(a.status),
        title=a.title,
        details=a.details or {},
        opened_at=a.opened_at,
        resolved_at=a.resolved_at,
        last_notified_at=a.last_notified_at,
        notify_count=a.notify_count,
    )


@router.get("", operation_id="admin_list_alerts", response_model=CursorPage[OpsAlertOut])
async def list_alerts(
    _: SuperAdmin,
    db: DbSession,
    settings: AppSettings,
    status_: Annotated[OpsAlertStatus | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> CursorPage[OpsAlertOut]:
    """Recorded operations alerts, most recently opened first; `status` filters."""
    wanted = status_.value if status_ else None
    pager = Pager(settings, {"list": "admin_alerts", "status": wanted}, cursor)
    after: tuple[datetime, uuid.UUID] | None = None
    if pager.after is not None:
        try:
            after = (datetime.fromisoformat(pager.after.key), pager.after.id)
        except ValueError as exc:
            raise BadRequest(
                "The cursor is invalid.", details={"reason": "invalid_cursor"}
            ) from exc
    rows, total = await repo.list_alerts(db, status=wanted, limit=limit, after=after)
    page = pager.slice(rows, limit, lambda a: Keyset(key=a.opened_at.isoformat(), id=a.id))
    return CursorPage[OpsAlertOut](
        data=[_out(a) for a in page.rows],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
    )
