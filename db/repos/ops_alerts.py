"""Operations alerts [P] (issue 9; migration 0008) and the ingestion facts they judge.

The partial unique index `uq_ops_alerts_condition_key_open` allows one open row per
condition key: opening an already-open condition inserts nothing, which is what makes a
condition notify once however often the evaluator runs (or however many run at once).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.alerts import OpsAlert
from domain.alerts.conditions import Condition, SourceFacts


async def open_keys(session: AsyncSession) -> list[str]:
    stmt = select(OpsAlert.condition_key).where(OpsAlert.status == "open")
    return list((await session.execute(stmt)).scalars())


async def open_alert(session: AsyncSession, condition: Condition) -> OpsAlert | None:
    """Open `condition`; None when it is already open (another evaluator won the race)."""
    stmt = (
        insert(OpsAlert)
        .values(
            condition_key=condition.key,
            kind=condition.kind,
            title=condition.title,
            details=condition.details,
        )
        .on_conflict_do_nothing(
            index_elements=["condition_key"], index_where=text("status = 'open'")
        )
        .returning(OpsAlert.id)
    )
    alert_id = (await session.execute(stmt)).scalar_one_or_none()
    return await session.get(OpsAlert, alert_id) if alert_id else None


async def resolve(session: AsyncSession, condition_key: str) -> OpsAlert | None:
    """Resolve the open alert of `condition_key`; None when none is open."""
    stmt = (
        update(OpsAlert)
        .where(OpsAlert.condition_key == condition_key, OpsAlert.status == "open")
        .values(status="resolved", resolved_at=func.now())
        .returning(OpsAlert.id)
    )
    alert_id = (await session.execute(stmt)).scalar_one_or_none()
    if alert_id is None:
        return None
    alert = await session.get(OpsAlert, alert_id)
    if alert is not None:
        await session.refresh(alert)
    return alert


async def mark_notified(session: AsyncSession, alert_id: uuid.UUID) -> None:
    await session.execute(
        update(OpsAlert)
        .where(OpsAlert.id == alert_id)
        .values(last_notified_at=func.now(), notify_count=OpsAlert.notify_count + 1)
    )


async def list_alerts(
    session: AsyncSession,
    *,
    status: str | None,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> tuple[list[OpsAlert], int]:
    """Up to `limit` + 1 alerts, newest opened first (keyset `(opened_at, id)`), and total."""
    where = [OpsAlert.status == status] if status else []
    stmt = select(OpsAlert).where(*where)
    if after is not None:
        stmt = stmt.where(tuple_(OpsAlert.opened_at, OpsAlert.id) < tuple_(*after))
    stmt = stmt.order_by(OpsAlert.opened_at.desc(), OpsAlert.id.desc()).limit(limit + 1)
    counted = select(func.count()).select_from(OpsAlert).where(*where)
    rows = list((await session.execute(stmt)).scalars())
    return rows, int((await session.execute(counted)).scalar_one())


# Per source: its latest job, and the records processed/failed by its jobs of the last
# 24 h (or by its latest job when none ran in that window).
_FACTS = text(
    """
    SELECT s.name, s.schedule_cron, s.expected_interval_hours, s.created_at,
           s.last_success_at, j.status, j.completed_at, j.error_message,
           coalesce(w.processed, j.records_processed, 0), coalesce(w.failed, j.records_failed, 0)
    FROM data_sources s
    LEFT JOIN LATERAL (
        SELECT status, coalesce(completed_at, created_at) AS completed_at, error_message,
               records_processed, records_failed
        FROM ingestion_jobs WHERE data_source_id = s.id
        ORDER BY created_at DESC, id DESC LIMIT 1) j ON true
    LEFT JOIN LATERAL (
        SELECT sum(records_processed) AS processed, sum(records_failed) AS failed
        FROM ingestion_jobs WHERE data_source_id = s.id AND created_at >= :since
        HAVING count(*) > 0) w ON true
    ORDER BY s.name
    """
)


async def source_facts(session: AsyncSession, *, since: datetime) -> list[SourceFacts]:
    rows = (await session.execute(_FACTS, {"since": since})).all()
    return [
        SourceFacts(
            name=r[0],
            schedule_cron=r[1],
            expected_interval_hours=r[2],
            created_at=r[3],
            last_success_at=r[4],
            latest_job_status=r[5],
            latest_job_finished_at=r[6],
            latest_job_error=r[7],
            window_processed=int(r[8]),
            window_failed=int(r[9]),
        )
        for r in rows
    ]


def as_dict(alert: OpsAlert) -> dict[str, Any]:
    return {
        "key": alert.condition_key,
        "kind": alert.kind,
        "title": alert.title,
        "details": alert.details or {},
    }
