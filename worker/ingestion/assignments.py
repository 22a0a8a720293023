"""Load local assignment files: one `ingestion_jobs` row per file, one transaction per batch.

Each batch commits its merged rows, its error rows and its counter increments together,
so a run killed at any point leaves only whole batches behind. Re-running the file skips
nothing and duplicates nothing: already merged records match their stored content hash
and are left alone (BR-059), and the unfinished job row is closed as superseded.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.loaders.assignments import AssignmentLoader, MergeCounts, merge_isolating, raw_connection
from db.repos import ingestion as repo
from db.session import tenant_session
from db.tenant import TenantContext
from domain.ingestion.records import ParseError
from worker.ingestion.batches import (
    ParsedBatch,
    batches_in_background,
    batches_in_subprocess,
    xml_bytes,
)

DAILY_SOURCE = repo.SourceSpec(
    name="USPTO_PASDL_DAILY",
    source_type="bulk_download",
    schedule_type="daily",
    schedule_cron="0 2 * * *",  # domain-model §9: assignments daily 02:00 UTC
    endpoint_url="https://api.uspto.gov/api/v1/datasets/products/files/PASDL/",
    file_pattern="adYYYYMMDD.zip",
    format="zip",
    expected_interval_hours=24,
)

Progress = Callable[[int, int], None]  # (uncompressed bytes read so far, records so far)
AfterBatch = Callable[[int], Awaitable[None]]  # called with the number of committed batches

# Below this much XML a child process costs more to start than it saves (a median daily
# file is ~1.5 MB); above it the parser gets a core of its own.
PARSE_PROCESS_MIN_BYTES = 16 * 1024 * 1024

_ERROR_TYPES = {"invalid_record": "validation", "xml_syntax": "parse"}


@dataclass
class FileOutcome:
    file_name: str
    job_id: uuid.UUID | None
    status: str  # success | partial | failed | skipped
    processed: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    business_date: date | None = None
    error: str | None = None
    # This run and earlier unfinished runs of the same file: their rows need fan-out.
    related_jobs: list[uuid.UUID] = field(default_factory=list)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    targets = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for target in targets:
        with target.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


class AssignmentIngest:
    """Loads files for one data source through the worker's sessions (no Arq needed)."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        source: repo.SourceSpec = DAILY_SOURCE,
        batch_size: int = 5000,
        progress: Progress | None = None,
        after_batch: AfterBatch | None = None,
        parse_process_min_bytes: int = PARSE_PROCESS_MIN_BYTES,
    ) -> None:
        self.parse_process_min_bytes = parse_process_min_bytes
        self.sessions = sessionmaker
        self.source = source
        self.batch_size = batch_size
        self.progress = progress
        self.after_batch = after_batch

    @asynccontextmanager
    async def exclusive(self) -> AsyncIterator[bool]:
        """§1.2: one run per source at a time. A transaction-scoped advisory lock on its own
        connection, held for the whole run; PostgreSQL drops it if the process dies."""
        async with self.sessions() as s:
            key = f"ingest:{self.source.name}"
            got = await s.execute(
                text("SELECT pg_try_advisory_xact_lock(hashtext(:k))"), {"k": key}
            )
            yield bool(got.scalar_one())
            await s.rollback()

    def session(self) -> Any:
        # Shared [S] and platform [P] tables: no tenant context, the worker role's grants.
        return tenant_session(self.sessions, TenantContext.anonymous())

    async def source_row(self) -> tuple[uuid.UUID, bool]:
        async with self.session() as s:
            row = await repo.ensure_source(s, self.source)
            return row.id, row.is_active

    async def open_job(
        self, file_name: str, *, size: int | None = None, metadata: dict[str, Any] | None = None
    ) -> tuple[uuid.UUID, list[uuid.UUID]]:
        """A running job row for `file_name`, committed at once (visible while it runs)."""
        async with self.session() as s:
            source = await repo.ensure_source(s, self.source)
            job_id = await repo.start_job(
                s, source.id, file_name=file_name, file_size=size, metadata=metadata or {}
            )
            earlier = await repo.supersede_unfinished(s, source.id, file_name, job_id)
        return job_id, [job_id, *earlier]

    async def fail_job(self, job_id: uuid.UUID, error: str, *, pause: bool = False) -> None:
        async with self.session() as s:
            source = await repo.ensure_source(s, self.source)
            await repo.finish_job(s, job_id, status="failed", error=error)
            await repo.record_source_run(s, source.id, status="failed", error=error, pause=pause)

    async def load_path(
        self,
        path: Path,
        *,
        force: bool = False,
        job: tuple[uuid.UUID, list[uuid.UUID]] | None = None,
        business_date: date | None = None,
    ) -> FileOutcome:
        """Load one local XML/ZIP file (or a folder, as one job) into the shared tables."""
        file_name = path.name
        sha = await asyncio.to_thread(sha256_file, path)
        size = _size(path)
        meta = {"sha256": sha, "path": str(path)}
        if not force:
            async with self.session() as s:
                source = await repo.ensure_source(s, self.source)
                if await repo.already_loaded(s, source.id, file_name, sha):
                    if job is not None:  # a downloaded file we already have: close its row
                        await repo.set_file(s, job[0], file_size=size, metadata=meta)
                        await repo.finish_job(s, job[0], status="success")
                    return FileOutcome(file_name, job[0] if job else None, "skipped")
        if job is None:
            job = await self.open_job(file_name, size=size, metadata=meta)
        else:
            async with self.session() as s:
                await repo.set_file(s, job[0], file_size=size, metadata=meta)
        outcome = FileOutcome(file_name, job[0], "running", related_jobs=job[1])
        outcome.business_date = business_date
        try:
            await self._load_batches(path, outcome)
        except BaseException as exc:
            # Cancellation or a crash: record what we know; committed batches stay valid.
            await asyncio.shield(self.fail_job(job[0], f"{type(exc).__name__}: {exc}"))
            raise
        outcome.status = "partial" if outcome.failed else "success"
        async with self.session() as s:
            source = await repo.ensure_source(s, self.source)
            await repo.finish_job(s, job[0], status=outcome.status)
            # Only dated downloads move the catch-up cursor (§2.1 schedule); a local file of
            # an old day (the demo's 2016 sample) must not make the cron fetch ten years.
            await repo.record_source_run(
                s,
                source.id,
                status=outcome.status,
                record_count=outcome.processed,
                business_date=business_date,
            )
        return outcome

    async def _load_batches(self, path: Path, outcome: FileOutcome) -> None:
        assert outcome.job_id is not None
        committed = 0
        big = await asyncio.to_thread(xml_bytes, path) >= self.parse_process_min_bytes
        produce = batches_in_subprocess if big else batches_in_background
        async for batch in produce(path, self.batch_size):
            async with self.session() as s:
                # Do not wait for the WAL flush at each batch commit. A crash can lose only
                # the last batches committed (never part of one: rows, error rows and the
                # job's counters commit together), so the job row never claims more than
                # the tables hold, and the re-run BR-059 makes safe loads them again. The
                # job's final status commits in its own, synchronous transaction.
                await s.execute(text("SET LOCAL synchronous_commit = off"))
                loader = AssignmentLoader(await raw_connection(s), ingestion_job_id=outcome.job_id)
                counts, rejected = await merge_isolating(loader, batch.staged)
                errors = [self._error_row(path, batch, e) for e in batch.errors]
                errors += [
                    repo.ErrorRow(
                        path.name, None, rf_id, "constraint", reason, {"member": batch.member}
                    )
                    for rf_id, reason in rejected
                ]
                await repo.add_errors(s, outcome.job_id, errors)
                failed = len(batch.errors) + len(rejected)
                processed = batch.records + len(batch.errors)
                await repo.add_counts(
                    s,
                    outcome.job_id,
                    processed=processed,
                    inserted=counts.inserted,
                    updated=counts.updated,
                    failed=failed,
                )
            committed += 1
            self._tally(outcome, counts, processed, failed)
            if self.progress is not None:
                self.progress(batch.bytes_read, outcome.processed)
            if self.after_batch is not None:
                await self.after_batch(committed)

    @staticmethod
    def _tally(outcome: FileOutcome, counts: MergeCounts, processed: int, failed: int) -> None:
        outcome.processed += processed
        outcome.inserted += counts.inserted
        outcome.updated += counts.updated
        outcome.unchanged += processed - failed - counts.inserted - counts.updated
        outcome.failed += failed

    @staticmethod
    def _error_row(path: Path, batch: ParsedBatch, err: ParseError) -> repo.ErrorRow:
        raw = {"member": batch.member, "line": err.line, "xml": err.raw}
        return repo.ErrorRow(
            path.name,
            err.ordinal,
            err.record_identifier,
            _ERROR_TYPES.get(err.error_type, "other"),
            err.reason,
            raw,
        )
