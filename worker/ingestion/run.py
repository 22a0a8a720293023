"""One assignment ingestion run: dated downloads or local files → load → fan-out.

Shared by the scheduled job, the CLI and the demo start, so all three take the same
code path (ingestion.md §4.1: `patentrack ingest … --file` loads "through the scheduled
job's code path").
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from patentrack.settings import Settings
from worker.ingestion.assignments import AfterBatch, AssignmentIngest, FileOutcome, Progress
from worker.ingestion.download import (
    DownloadConfig,
    Downloader,
    DownloadError,
    NotPublished,
    SourceAuthError,
    daily_file_name,
)
from worker.ingestion.fanout import fan_out
from worker.jobs import JobQueue

log = logging.getLogger("patentrack.ingest.assignments")

# A long outage is caught up over several runs rather than in one unbounded job.
MAX_CATCH_UP_DAYS = 31


@dataclass
class RunResult:
    status: str  # success | partial | failed | paused | busy
    files: list[FileOutcome] = field(default_factory=list)
    organizations: list[uuid.UUID] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["organizations"] = [str(o) for o in self.organizations]
        for f in data["files"]:
            f["job_id"] = str(f["job_id"]) if f["job_id"] else None
            f["related_jobs"] = [str(j) for j in f["related_jobs"]]
            f["business_date"] = f["business_date"].isoformat() if f["business_date"] else None
        return data


def download_config(settings: Settings) -> DownloadConfig:
    key = settings.uspto_api_key.get_secret_value() if settings.uspto_api_key else None
    return DownloadConfig(
        base_url=settings.uspto_assignment_base_url,
        backfile_base_url=settings.uspto_assignment_backfile_base_url,
        api_key=key,
        backoff_base_s=settings.uspto_backoff_base_s,
        max_tries=settings.uspto_max_tries,
        network_retry_s=settings.uspto_network_retry_s,
    )


def workdir(settings: Settings) -> Path:
    return settings.ingest_workdir or settings.data_dir / "ingest" / "assignments"


async def last_business_date(ingest: AssignmentIngest) -> date | None:
    from db.repos.ingestion import ensure_source

    async with ingest.session() as s:
        return (await ensure_source(s, ingest.source)).last_business_date


def catch_up_days(last: date | None, today: date) -> list[date]:
    """§2.1 schedule: from the last loaded transaction-date + 1 through yesterday."""
    yesterday = today - timedelta(days=1)
    start = last + timedelta(days=1) if last else yesterday
    days = [start + timedelta(days=n) for n in range((yesterday - start).days + 1)]
    return days[:MAX_CATCH_UP_DAYS]


async def run_assignments(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    queue: JobQueue | None,
    *,
    days: list[date] | None = None,
    files: list[Path] | None = None,
    force: bool = False,
    progress: Progress | None = None,
    after_batch: AfterBatch | None = None,
) -> RunResult:
    """Load `files`, or download and load `days` (default: catch up to yesterday)."""
    ingest = AssignmentIngest(
        sessionmaker,
        batch_size=settings.ingest_batch_size,
        progress=progress,
        after_batch=after_batch,
    )
    result = RunResult("success")
    async with ingest.exclusive() as mine:
        if not mine:
            result.status = "busy"
            result.error = f"another {ingest.source.name} run is in progress"
            return result
        try:
            if files:
                for path in files:
                    result.files.append(await ingest.load_path(path, force=force))
            else:
                _, active = await ingest.source_row()
                if not active:
                    result.status = "paused"
                    result.error = f"data source {ingest.source.name} is paused"
                    return result
                if days is None:
                    today = datetime.now(UTC).date()
                    days = catch_up_days(await last_business_date(ingest), today)
                await _download_and_load(ingest, settings, days, force, result)
        finally:
            # Also when a later file fails: what earlier files committed is fanned out now,
            # since their (successful) jobs are not revisited by the next run.
            related = [j for f in result.files for j in f.related_jobs]
            result.organizations = await fan_out(sessionmaker, queue, related)
    if result.status == "success" and any(f.status == "partial" for f in result.files):
        result.status = "partial"
    return result


async def _download_and_load(
    ingest: AssignmentIngest,
    settings: Settings,
    days: list[date],
    force: bool,
    result: RunResult,
) -> None:
    downloader = Downloader(download_config(settings))
    target = workdir(settings)
    for day in days:
        name = daily_file_name(day)
        job = await ingest.open_job(name, metadata={"business_date": day.isoformat()})
        try:
            fetched = await downloader.fetch_daily(day, target)
        except SourceAuthError as exc:
            # BR-054: a refused key will not fix itself; pause the source, no retries.
            await ingest.fail_job(job[0], str(exc), pause=True)
            result.status, result.error = "failed", str(exc)
            result.files.append(FileOutcome(name, job[0], "failed", error=str(exc)))
            return
        except NotPublished as exc:
            await ingest.fail_job(job[0], str(exc))
            result.files.append(FileOutcome(name, job[0], "failed", error=str(exc)))
            return  # later days cannot be loaded before this one (§2.1: date order)
        except DownloadError as exc:
            await ingest.fail_job(job[0], str(exc))
            raise
        outcome = await ingest.load_path(fetched.path, force=force, job=job, business_date=day)
        result.files.append(outcome)
        fetched.path.unlink(missing_ok=True)
