"""Super-admin reads and controls over ingestion bookkeeping (issue 9, api.md §3.5).

The API role reads data_sources / ingestion_jobs / ingestion_errors and may update only
data_sources.is_active (pause/resume, migration 0006); the worker writes everything else.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import func, select, tuple_, update
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db.models.ingestion import DataSource, IngestionError, IngestionJob


async def list_sources(session: AsyncSession) -> list[tuple[DataSource, IngestionJob | None]]:
    """Every source with its most recent job row (None when it never ran)."""
    latest = (
        select(IngestionJob)
        .ext(distinct_on(IngestionJob.data_source_id))
        .order_by(IngestionJob.data_source_id, IngestionJob.created_at.desc(), IngestionJob.id)
        .subquery()
    )
    job = aliased(IngestionJob, latest)
    stmt = (
        select(DataSource, job)
        .outerjoin(job, job.data_source_id == DataSource.id)
        .order_by(DataSource.name)
    )
    return [(s, j) for s, j in (await session.execute(stmt)).all()]


async def get_source(session: AsyncSession, name: str) -> DataSource | None:
    stmt = select(DataSource).where(DataSource.name == name)
    return (await session.execute(stmt)).scalar_one_or_none()


async def source_is_active(session: AsyncSession, name: str) -> bool:
    """False only for an existing, paused source (an unknown source has never been paused)."""
    stmt = select(DataSource.is_active).where(DataSource.name == name)
    return (await session.execute(stmt)).scalar_one_or_none() is not False


async def set_source_active(session: AsyncSession, name: str, active: bool) -> DataSource | None:
    """Pause (False) or resume (True) a source; None when no source has that name."""
    stmt = (
        update(DataSource)
        .where(DataSource.name == name)
        .values(is_active=active, updated_at=func.now())
        .returning(DataSource.id)
    )
    if (await session.execute(stmt)).scalar_one_or_none() is None:
        return None
    return await get_source(session, name)


async def list_jobs(
    session: AsyncSession,
    *,
    source: str | None,
    statuses: Collection[str] | None,
    date_from: datetime | None,
    date_to: datetime | None,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> tuple[list[tuple[IngestionJob, str]], int]:
    """Up to `limit` + 1 job rows newest first (keyset `(created_at, id)` after `after`),
    with their source's name, and the exact total of the filtered set."""
    conditions = []
    if source is not None:
        conditions.append(DataSource.name == source)
    if statuses is not None:
        conditions.append(IngestionJob.status.in_(tuple(statuses)))
    if date_from is not None:
        conditions.append(IngestionJob.created_at >= date_from)
    if date_to is not None:
        conditions.append(IngestionJob.created_at <= date_to)
    base = select(IngestionJob, DataSource.name).join(
        DataSource, DataSource.id == IngestionJob.data_source_id
    )
    counted = (
        select(func.count())
        .select_from(IngestionJob)
        .join(DataSource, DataSource.id == IngestionJob.data_source_id)
    )
    if conditions:
        base = base.where(*conditions)
        counted = counted.where(*conditions)
    if after is not None:
        base = base.where(tuple_(IngestionJob.created_at, IngestionJob.id) < tuple_(*after))
    stmt = base.order_by(IngestionJob.created_at.desc(), IngestionJob.id.desc()).limit(limit + 1)
    rows = [(j, name) for j, name in (await session.execute(stmt)).all()]
    return rows, (await session.execute(counted)).scalar_one()


async def get_job(session: AsyncSession, job_id: uuid.UUID) -> tuple[IngestionJob, str] | None:
    stmt = (
        select(IngestionJob, DataSource.name)
        .join(DataSource, DataSource.id == IngestionJob.data_source_id)
        .where(IngestionJob.id == job_id)
    )
    row = (await session.execute(stmt)).first()
    return (row[0], row[1]) if row else None


async def job_errors(
    session: AsyncSession, job_id: uuid.UUID, *, limit: int, offset: int
) -> tuple[Sequence[IngestionError], int]:
    """A job's error rows in file order, and how many there are."""
    where = IngestionError.ingestion_job_id == job_id
    stmt = (
        select(IngestionError)
        .where(where)
        .order_by(
            IngestionError.record_position.asc().nulls_last(),
            IngestionError.created_at,
            IngestionError.id,
        )
        .limit(limit)
        .offset(offset)
    )
    total = select(func.count()).select_from(IngestionError).where(where)
    return (
        (await session.execute(stmt)).scalars().all(),
        (await session.execute(total)).scalar_one(),
    )


async def running_job(session: AsyncSession, source: str) -> IngestionJob | None:
    """The source's newest `running` job row: the file a worker is loading now (one run
    per source at a time, ingestion.md §1.2), for live progress (issue 9)."""
    stmt = (
        select(IngestionJob)
        .join(DataSource, DataSource.id == IngestionJob.data_source_id)
        .where(DataSource.name == source, IngestionJob.status == "running")
        .order_by(IngestionJob.created_at.desc(), IngestionJob.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def job_counts(session: AsyncSession, *, failed_since: datetime) -> tuple[int, int]:
    """(jobs running now, jobs failed since `failed_since`) over every source."""
    running = func.count().filter(IngestionJob.status == "running")
    failed = func.count().filter(
        IngestionJob.status == "failed", IngestionJob.created_at >= failed_since
    )
    row = (await session.execute(select(running, failed).select_from(IngestionJob))).one()
    return int(row[0]), int(row[1])
