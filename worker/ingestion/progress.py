"""Live progress of an ingestion job for the admin stream (issue 9; api.md §4 ingestion events).

The loaders already report progress to a synchronous callback (the CLI's progress bar:
`worker.ingestion.assignments.Progress` = (uncompressed bytes read in the file, records
so far), the reference loaders' `(records so far)`). `IngestionProgress` is such a
callback: it keeps the latest numbers and publishes an `ingestion-progress` event to
`events:admin` at most once per MIN_INTERVAL_S (so an admin watching a 1 GB file sees it
move every second, and a fast loop does not flood the capped stream), then
`ingestion-complete` or `ingestion-failed` when the job ends.

The callbacks carry no file name, so the current file (its job row, name and, for
assignment XML, its uncompressed size for the percentage) is read from the source's
`running` ingestion_jobs row when an event is published: one run per source at a time
(§1.2) makes that row this run's. Publishing never fails the load: a Redis or database
hiccup loses an event, not the data.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.repos.ingestion_admin import running_job
from db.session import tenant_session
from db.tenant import TenantContext
from worker import metrics
from worker.ingestion import progress_stream
from worker.jobs import TASKS, JobContext, PermanentJobError

log = logging.getLogger("patentrack.ingest.progress")

MIN_INTERVAL_S = 1.0  # issue 9: about one progress event per second per job


@dataclass(frozen=True)
class _File:
    ingestion_job_id: uuid.UUID
    name: str | None
    total_bytes: int | None  # uncompressed XML size (assignments); None: unknown


class IngestionProgress:
    """Progress of one Arq job loading one source (one or more files)."""

    def __init__(
        self,
        redis: Redis,
        sessionmaker: async_sessionmaker[AsyncSession] | None,
        *,
        job_id: str,
        source: str,
        step: str = "load",
    ) -> None:
        self.redis = redis
        self.sessions = sessionmaker
        self.job_id = job_id
        self.source = source
        self.step = step
        self._t0 = time.monotonic()
        self._file_bytes = 0
        self._file_records = 0
        self._prior_bytes = 0
        self._prior_records = 0
        self._touched = False
        self._last_sent: float | None = None
        self._counted = 0  # records already added to patentrack_records_ingested_total
        self._file: _File | None = None
        self._totals: dict[uuid.UUID, int | None] = {}
        self._lock = asyncio.Lock()
        self._pending: asyncio.Task[None] | None = None
        self.finished = False

    # -- the loaders' synchronous callbacks --------------------------------------------

    def on_assignment_batch(self, bytes_read: int, records: int) -> None:
        """`worker.ingestion.assignments.Progress`: numbers restart with each file."""
        if bytes_read < self._file_bytes or records < self._file_records:
            self._next_file()
        self._file_bytes, self._file_records = bytes_read, records
        self._kick()

    def on_records(self, processed: int) -> None:
        """The reference loaders' progress: records of the current file so far."""
        if processed < self._file_records:
            self._next_file()
        self._file_records = processed
        self._kick()

    def _next_file(self) -> None:
        self._prior_bytes += self._file_bytes
        self._prior_records += self._file_records
        self._file_bytes = self._file_records = 0

    @property
    def records_processed(self) -> int:
        return self._prior_records + self._file_records

    def _due(self) -> bool:
        return self._last_sent is None or time.monotonic() - self._last_sent >= MIN_INTERVAL_S

    def _kick(self) -> None:
        self._touched = True
        if self.finished or not self._due():
            return
        if self._pending is not None and not self._pending.done():
            return  # one publish in flight at a time keeps the events in order
        self._pending = asyncio.get_running_loop().create_task(self.publish())

    # -- publishing ---------------------------------------------------------------------

    async def _current_file(self) -> _File | None:
        if self.sessions is None:
            return self._file
        async with tenant_session(self.sessions, TenantContext.anonymous()) as s:
            row = await running_job(s, self.source)
            if row is None:  # just finished: keep naming the file we last saw
                return self._file
            if row.id not in self._totals:
                path = (row.metadata_ or {}).get("path")
                self._totals[row.id] = await asyncio.to_thread(_xml_total, path)
            self._file = _File(row.id, row.file_name, self._totals[row.id])
        return self._file

    async def publish(self, *, force: bool = False) -> None:
        """One `ingestion-progress` event with the numbers as they are now."""
        async with self._lock:
            if not force and not self._due():
                return
            self._last_sent = time.monotonic()
            try:
                current = await self._current_file()
            except Exception:
                log.warning("could not read the current ingestion job", exc_info=True)
                current = self._file
            elapsed = max(time.monotonic() - self._t0, 1e-6)
            records = self.records_processed
            percent = None
            if current is not None and current.total_bytes:
                percent = round(min(100.0, 100.0 * self._file_bytes / current.total_bytes), 1)
            await self._send(
                "ingestion-progress",
                jobId=self.job_id,
                ingestionJobId=str(current.ingestion_job_id) if current else None,
                source=self.source,
                step=self.step,
                progress=percent,
                recordsProcessed=records,
                recordsPerSecond=round(records / elapsed, 1),
                bytesRead=self._prior_bytes + self._file_bytes,
                currentFile=current.name if current else None,
            )
            await metrics.count_records(self.redis, self.source, records - self._counted)
            self._counted = records

    async def _send(self, event: str, **data: Any) -> None:
        try:
            await progress_stream.publish(self.redis, event, **data)
        except Exception:
            log.warning("could not publish %s", event, exc_info=True)

    async def _settle(self) -> None:
        self.finished = True
        if self._pending is not None:
            await asyncio.gather(self._pending, return_exceptions=True)
        if self._touched:
            await self.publish(force=True)  # the final numbers, whatever the throttle

    def _duration_ms(self) -> int:
        return int((time.monotonic() - self._t0) * 1000)

    async def start(self) -> None:
        """A first event at once, so the job shows up before its first batch."""
        self._last_sent = time.monotonic()
        await self._send(
            "ingestion-progress",
            jobId=self.job_id,
            ingestionJobId=None,
            source=self.source,
            step="start",
            progress=None,
            recordsProcessed=0,
            recordsPerSecond=0.0,
            bytesRead=0,
            currentFile=None,
        )

    async def complete(
        self,
        status: str,
        *,
        inserted: int = 0,
        updated: int = 0,
        failed: int = 0,
        error: str | None = None,
        will_retry: bool = False,
        attempts: int = 1,
    ) -> None:
        """`ingestion-complete`, or `ingestion-failed` for a run that ended `failed`."""
        if self.finished:
            return
        await self._settle()
        if status == "failed":
            await self._failed_event(error or "failed", attempts=attempts, will_retry=will_retry)
            return
        await self._send(
            "ingestion-complete",
            jobId=self.job_id,
            source=self.source,
            status=status,
            recordsProcessed=self.records_processed,
            recordsInserted=inserted,
            recordsUpdated=updated,
            recordsFailed=failed,
            duration=self._duration_ms(),
        )

    async def fail(self, reason: str, *, attempts: int, will_retry: bool) -> None:
        if self.finished:
            return
        await self._settle()
        await self._failed_event(reason, attempts=attempts, will_retry=will_retry)

    async def _failed_event(self, reason: str, *, attempts: int, will_retry: bool) -> None:
        await self._send(
            "ingestion-failed",
            jobId=self.job_id,
            source=self.source,
            attemptsMade=attempts,
            failedReason=reason[:2000],
            willRetry=will_retry,
        )


def _xml_total(path: object) -> int | None:
    """Uncompressed XML bytes of an assignment file (the CLI bar's total), else None."""
    if not isinstance(path, str):
        return None
    from worker.ingestion.batches import xml_bytes

    try:
        return xml_bytes(Path(path)) or None
    except OSError:
        return None


@asynccontextmanager
async def tracked(
    ctx: JobContext, task: str, source: str, *, step: str = "load"
) -> AsyncIterator[IngestionProgress]:
    """Progress events around one ingestion task body: a start event, the body (which
    passes the yielded object to its loader and calls `complete`), and `ingestion-failed`
    with `willRetry` when it raises (the job facade retries while tries remain)."""
    defn = TASKS.get(task)
    retries = defn.retries if defn is not None else 0
    progress = IngestionProgress(
        ctx.redis, ctx.sessionmaker, job_id=ctx.job_id, source=source, step=step
    )
    await progress.start()
    try:
        yield progress
    except PermanentJobError as exc:
        await asyncio.shield(progress.fail(str(exc), attempts=ctx.job_try, will_retry=False))
        raise
    except BaseException as exc:
        retry = ctx.job_try <= retries
        reason = f"{type(exc).__name__}: {exc}"
        await asyncio.shield(progress.fail(reason, attempts=ctx.job_try, will_retry=retry))
        raise
    if not progress.finished:
        await progress.complete("success")
