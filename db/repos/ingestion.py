"""Ingestion bookkeeping: data sources, job rows, error rows (domain-model §9)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, cast, func, select, update
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.ingestion import DataSource, IngestionError, IngestionJob

# ingestion.md §1.2: raw_data holds at most 8 KB of the offending record.
RAW_LIMIT = 8 * 1024


@dataclass(frozen=True)
class SourceSpec:
    name: str
    source_type: str
    schedule_type: str
    schedule_cron: str | None
    endpoint_url: str | None
    file_pattern: str | None
    format: str
    expected_interval_hours: int | None = None


async def ensure_source(session: AsyncSession, spec: SourceSpec) -> DataSource:
    """The source's row, created on first use (concurrent creators race harmlessly)."""
    await session.execute(
        insert(DataSource)
        .values(
            name=spec.name,
            source_type=spec.source_type,
            schedule_type=spec.schedule_type,
            schedule_cron=spec.schedule_cron,
            endpoint_url=spec.endpoint_url,
            file_pattern=spec.file_pattern,
            format=spec.format,
            expected_interval_hours=spec.expected_interval_hours,
        )
        .on_conflict_do_nothing(index_elements=["name"])
    )
    stmt = select(DataSource).where(DataSource.name == spec.name)
    return (await session.execute(stmt)).scalar_one()


async def already_loaded(
    session: AsyncSession, source_id: uuid.UUID, file_name: str, sha256: str
) -> bool:
    """§1.1 step 3: the same file (source + name + sha256) already has a success job."""
    stmt = select(func.count()).where(
        IngestionJob.data_source_id == source_id,
        IngestionJob.file_name == file_name,
        IngestionJob.status.in_(("success", "partial")),
        IngestionJob.metadata_["sha256"].astext == sha256,
    )
    return bool((await session.execute(stmt)).scalar_one())


async def start_job(
    session: AsyncSession,
    source_id: uuid.UUID,
    *,
    file_name: str,
    file_size: int | None,
    metadata: dict[str, Any],
) -> uuid.UUID:
    job = IngestionJob(
        data_source_id=source_id,
        status="running",
        started_at=func.now(),
        file_name=file_name,
        file_size_bytes=file_size,
        metadata_=metadata,
    )
    session.add(job)
    await session.flush()
    return job.id


async def set_file(
    session: AsyncSession, job_id: uuid.UUID, *, file_size: int, metadata: dict[str, Any]
) -> None:
    """Record what was actually downloaded (size, sha256) once the file is on disk."""
    await session.execute(
        update(IngestionJob)
        .where(IngestionJob.id == job_id)
        .values(
            file_size_bytes=file_size,
            metadata_=func.coalesce(IngestionJob.metadata_, cast({}, JSONB)).op("||")(
                cast(metadata, JSONB)
            ),
        )
    )


async def supersede_unfinished(
    session: AsyncSession, source_id: uuid.UUID, file_name: str, current: uuid.UUID
) -> list[uuid.UUID]:
    """Close earlier runs of this file that never finished (a killed worker) and return
    every unsuccessful earlier run, whose rows still need their organizations fanned out."""
    same_file = and_(
        IngestionJob.data_source_id == source_id,
        IngestionJob.file_name == file_name,
        IngestionJob.id != current,
    )
    await session.execute(
        update(IngestionJob)
        .where(same_file, IngestionJob.status.in_(("pending", "running")))
        .values(
            status="failed",
            completed_at=func.now(),
            error_message="interrupted before completion; superseded by a later run",
        )
    )
    stmt = select(IngestionJob.id).where(same_file, IngestionJob.status == "failed")
    return list((await session.execute(stmt)).scalars())


async def add_counts(
    session: AsyncSession,
    job_id: uuid.UUID,
    *,
    processed: int,
    inserted: int,
    updated: int,
    failed: int,
) -> None:
    """Counts move in the same transaction as the batch they describe."""
    await session.execute(
        update(IngestionJob)
        .where(IngestionJob.id == job_id)
        .values(
            records_processed=IngestionJob.records_processed + processed,
            records_inserted=IngestionJob.records_inserted + inserted,
            records_updated=IngestionJob.records_updated + updated,
            records_failed=IngestionJob.records_failed + failed,
        )
    )


@dataclass(frozen=True)
class ErrorRow:
    file_name: str | None
    position: int | None
    record_identifier: str | None
    error_type: str
    message: str
    raw: dict[str, Any] | None


async def add_errors(session: AsyncSession, job_id: uuid.UUID, errors: list[ErrorRow]) -> None:
    if not errors:
        return
    await session.execute(
        insert(IngestionError),
        [
            {
                "ingestion_job_id": job_id,
                "file_name": e.file_name,
                "record_position": e.position,
                # A malformed record's reel/frame can be any text; never let it sink the batch.
                "record_identifier": e.record_identifier[:100] if e.record_identifier else None,
                "error_type": e.error_type,
                "error_message": e.message,
                "raw_data": e.raw,
            }
            for e in errors
        ],
    )


async def finish_job(
    session: AsyncSession, job_id: uuid.UUID, *, status: str, error: str | None = None
) -> None:
    await session.execute(
        update(IngestionJob)
        .where(IngestionJob.id == job_id)
        .values(status=status, completed_at=func.now(), error_message=error)
    )


async def record_source_run(
    session: AsyncSession,
    source_id: uuid.UUID,
    *,
    status: str,
    error: str | None = None,
    record_count: int | None = None,
    business_date: date | None = None,
    pause: bool = False,
) -> None:
    """Freshness fields of data_sources (§9); `pause` stops the schedule (BR-054 401/403)."""
    ok = status in ("success", "partial")
    values: dict[str, Any] = {
        "last_run_at": func.now(),
        "last_status": status,
        "last_error": error,
        "updated_at": func.now(),
    }
    if ok:
        values["last_success_at"] = func.now()
        values["last_record_count"] = record_count
    else:
        values["last_failure_at"] = func.now()
    if business_date is not None:
        values["last_business_date"] = func.greatest(
            func.coalesce(DataSource.last_business_date, business_date), business_date
        )
    if pause:
        values["is_active"] = False
    await session.execute(update(DataSource).where(DataSource.id == source_id).values(values))


async def job_summary(session: AsyncSession, job_id: uuid.UUID) -> IngestionJob:
    return (
        await session.execute(select(IngestionJob).where(IngestionJob.id == job_id))
    ).scalar_one()
