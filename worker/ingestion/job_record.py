"""Generic bookkeeping for one reference-data run: a job row per file, errors, freshness.

Wraps db/repos/ingestion.py (shared with the assignment feed) in one small object so
every source records its runs the same way (ingestion.md §1.1 steps 3 and 9, §1.2):
a `running` row committed at once, errors and counters committed with each batch, the
final status (`success`, `partial` when some records failed, `failed`) and the
data_sources freshness fields. Also the doc-number fan-out to affected organizations.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.repos import ingestion as repo
from db.repos.reference_assets import organizations_tracking
from db.session import tenant_session
from db.tenant import TenantContext
from worker.jobs import JobQueue
from worker.pipeline.triggers import request_pipeline

ErrorRow = repo.ErrorRow
SourceSpec = repo.SourceSpec


@dataclass
class RunOutcome:
    """What one file (or one on-demand fetch) did."""

    file_name: str
    job_id: uuid.UUID | None
    status: str = "running"  # success | partial | failed | skipped
    processed: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    appnos: set[str] = field(default_factory=set)
    grants: set[str] = field(default_factory=set)
    organizations: list[uuid.UUID] = field(default_factory=list)
    error: str | None = None


class JobRecorder:
    """One data source's job rows, written through the worker's sessions."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], source: SourceSpec):
        self.sessions = sessionmaker
        self.source = source

    def session(self) -> Any:
        # Shared [S] and platform [P] tables: no tenant context, the worker role's grants.
        return tenant_session(self.sessions, TenantContext.anonymous())

    async def is_active(self) -> bool:
        async with self.session() as s:
            return (await repo.ensure_source(s, self.source)).is_active

    async def already_loaded(self, file_name: str, sha256: str) -> bool:
        async with self.session() as s:
            source = await repo.ensure_source(s, self.source)
            return await repo.already_loaded(s, source.id, file_name, sha256)

    async def start(
        self, file_name: str, *, size: int | None = None, metadata: dict[str, Any] | None = None
    ) -> RunOutcome:
        """A `running` job row, committed at once so operators see it while it runs."""
        async with self.session() as s:
            source = await repo.ensure_source(s, self.source)
            job_id = await repo.start_job(
                s, source.id, file_name=file_name, file_size=size, metadata=metadata or {}
            )
            await repo.supersede_unfinished(s, source.id, file_name, job_id)
        return RunOutcome(file_name, job_id)

    async def record_batch(
        self,
        session: AsyncSession,
        outcome: RunOutcome,
        *,
        processed: int,
        inserted: int,
        updated: int,
        errors: list[ErrorRow],
    ) -> None:
        """Counters and error rows, in the same transaction as the batch they describe."""
        assert outcome.job_id is not None
        await repo.add_errors(session, outcome.job_id, errors)
        await repo.add_counts(
            session,
            outcome.job_id,
            processed=processed,
            inserted=inserted,
            updated=updated,
            failed=len(errors),
        )
        outcome.processed += processed
        outcome.inserted += inserted
        outcome.updated += updated
        outcome.failed += len(errors)
        outcome.unchanged += processed - len(errors) - inserted - updated

    async def finish(
        self, outcome: RunOutcome, *, business_date: date | None = None, error: str | None = None
    ) -> None:
        """Close the job row and update the source's freshness (§1.1 step 9)."""
        assert outcome.job_id is not None
        if error is not None:
            outcome.status, outcome.error = "failed", error
        else:
            outcome.status = "partial" if outcome.failed else "success"
        async with self.session() as s:
            source = await repo.ensure_source(s, self.source)
            await repo.finish_job(s, outcome.job_id, status=outcome.status, error=error)
            await repo.record_source_run(
                s,
                source.id,
                status=outcome.status,
                error=error,
                record_count=outcome.processed,
                business_date=business_date if error is None else None,
            )


async def fan_out_documents(
    sessionmaker: async_sessionmaker[AsyncSession],
    queue: JobQueue | None,
    *,
    appnos: Collection[str],
    grants: Collection[str],
) -> list[uuid.UUID]:
    """Mark every org tracking one of the numbers dirty and queue its `pipeline.run` (job id
    `pipeline:org:{id}`) after the lookup's transaction commits (D15, D17), exactly as
    worker/ingestion/fanout.py: a load during a running pipeline gets one follow-up run
    (D19: inferred inventors are recomputed). Reading every org's assets is the audited
    super-admin path (domain-model §11.3 (4)).
    """
    async with tenant_session(sessionmaker, TenantContext.super_admin()) as session:
        orgs = await organizations_tracking(session, appnos=appnos, grants=grants)
        if queue is not None:
            for org in orgs:
                await request_pipeline(queue, session, org, "ingestion")
    return orgs
