"""Scheduled reference-data jobs (ingestion.md §2.2-2.6; domain-model §9 schedules, UTC):
bibliographic grants Tue 04:00, publications Thu 04:00, CPC monthly on the 1st at 03:00,
maintenance fees Thu 05:00.

Each takes `file=` (a local path: the CLI and air-gapped installs, §4.1) or a business
date (default: the latest one due). Idempotent (Arq may run a job twice): a file already
loaded is skipped and a replayed record changes nothing (BR-059). A dated file that is
not published yet is re-polled every 3 hours for up to 48 hours (§1.2), then fails.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from patentrack.settings import Settings, get_settings
from worker.ingestion.biblio import APPLICATIONS, GRANTS, BiblioKind, load_biblio_file
from worker.ingestion.download import NotPublished
from worker.ingestion.job_record import RunOutcome
from worker.ingestion.progress import IngestionProgress, tracked
from worker.ingestion.reference_sources import SourceLocation, fetch_dated
from worker.ingestion.snapshots import (
    CPC_MCF_SOURCE,
    CPC_SCHEME_SOURCE,
    MAINT_FEE_SOURCE,
    load_cpc_master_file,
    load_cpc_scheme_file,
    load_maintenance_file,
)
from worker.jobs import JobContext, schedule, task
from worker.task_names import (
    INGEST_APPLICATIONS,
    INGEST_CPC_MASTER,
    INGEST_CPC_SCHEME,
    INGEST_GRANTS,
    INGEST_MAINTENANCE_FEES,
)

REPOLL_S = 3 * 3600
REPOLL_TRIES = 16  # 16 polls, 3 h apart = 48 h (§1.2)


def _settings(ctx: JobContext) -> Settings:
    settings = ctx.extras.get("settings")
    return settings if isinstance(settings, Settings) else get_settings()


def latest_weekday(today: date, weekday: int) -> date:
    """The most recent `weekday` (Mon=0) on or before `today`."""
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def summary(outcome: RunOutcome) -> dict[str, Any]:
    data = asdict(outcome)
    data["job_id"] = str(outcome.job_id) if outcome.job_id else None
    data["appnos"], data["grants"] = len(outcome.appnos), len(outcome.grants)
    data["organizations"] = [str(o) for o in outcome.organizations]
    return data


async def _dated_file(
    ctx: JobContext, task_name: str, location_name: str, file_name: str, day: date, repoll: int
) -> Path | None:
    """The dated file, or None after queueing a re-poll in 3 h (at most 48 h; §1.2)."""
    settings = _settings(ctx)
    workdir = (settings.ingest_workdir or settings.data_dir / "ingest") / location_name.lower()
    try:
        return await fetch_dated(
            SourceLocation.from_env(location_name), settings, file_name, day, workdir
        )
    except NotPublished:
        if repoll < REPOLL_TRIES:
            # A new job, not Arq's retry: retries of real failures keep their own budget.
            await ctx.queue.enqueue(
                task_name,
                job_id=f"repoll:{task_name}:{file_name}:{repoll + 1}",
                defer_by=REPOLL_S,
                day=day.isoformat(),
                repoll=repoll + 1,
            )
        return None


async def _biblio(
    ctx: JobContext, name: str, kind: BiblioKind, location: str, weekday: int,
    day: str | None, file: str | None, force: bool, repoll: int,
) -> dict[str, Any]:  # fmt: skip
    batch = _settings(ctx).ingest_batch_size
    async with tracked(ctx, name, kind.source.name) as progress:  # issue 9: live progress
        if file:
            path = Path(file)
            business = None
        else:
            business = (
                date.fromisoformat(day)
                if day
                else latest_weekday(datetime.now(UTC).date(), weekday)
            )
            fetched = await _dated_file(
                ctx, name, location, kind.weekly_file_name(business), business, repoll
            )
            if fetched is None:
                error = f"{kind.weekly_file_name(business)} not published"
                await progress.complete("failed", error=error, will_retry=repoll < REPOLL_TRIES)
                return {"status": "failed", "error": error}
            path = fetched
        outcome = await load_biblio_file(
            ctx.sessionmaker, kind, path, queue=ctx.queue, force=force,
            batch_size=min(batch, 2000), business_date=business, progress=progress.on_records,
        )  # fmt: skip
        await _finished(progress, outcome, ctx.job_try)
    return summary(outcome)


@task(INGEST_GRANTS, retries=3, timeout=6 * 3600, backoff=60)
async def ingest_grants(
    ctx: JobContext,
    *,
    day: str | None = None,
    file: str | None = None,
    force: bool = False,
    repoll: int = 0,
) -> dict[str, Any]:
    """Weekly bibliographic grants (`ipgbYYYYMMDD_wkNN.zip`, issued on Tuesdays; §2.2)."""
    return await _biblio(ctx, INGEST_GRANTS, GRANTS, "GRANTS_BIBLIO", 1, day, file, force, repoll)


@task(INGEST_APPLICATIONS, retries=3, timeout=6 * 3600, backoff=60)
async def ingest_applications(
    ctx: JobContext,
    *,
    day: str | None = None,
    file: str | None = None,
    force: bool = False,
    repoll: int = 0,
) -> dict[str, Any]:
    """Weekly bibliographic publications (`ipabYYYYMMDD_wkNN.zip`, Thursdays; §2.3)."""
    return await _biblio(
        ctx, INGEST_APPLICATIONS, APPLICATIONS, "APPLICATIONS", 3, day, file, force, repoll
    )


async def _finished(progress: IngestionProgress, outcome: RunOutcome, attempts: int) -> None:
    await progress.complete(
        "success" if outcome.status == "skipped" and outcome.job_id is None else outcome.status,
        inserted=outcome.inserted, updated=outcome.updated, failed=outcome.failed,
        error=outcome.error, attempts=attempts,
    )  # fmt: skip


async def _load_snapshot(
    ctx: JobContext, task_name: str, location_name: str, what: str, *,
    file: str | None, dated: Callable[[], tuple[str, date]], repoll: int,
    load: Callable[[Path, IngestionProgress], Awaitable[RunOutcome]], source: str,
) -> dict[str, Any]:  # fmt: skip
    """Load `file` if given (CLI, air-gapped; §4.1), else the dated file `dated()` names.

    `dated` is only called without `file`, so a bad `day` fails only when it is used.
    """
    async with tracked(ctx, task_name, source) as progress:  # issue 9: live progress
        if file:
            path: Path | None = Path(file)
        else:
            file_name, day = dated()
            path = await _dated_file(ctx, task_name, location_name, file_name, day, repoll)
        if path is None:
            error = f"{what} not published"
            await progress.complete("failed", error=error, will_retry=repoll < REPOLL_TRIES)
            return {"status": "failed", "error": error}
        outcome = await load(path, progress)
        await _finished(progress, outcome, ctx.job_try)
    return summary(outcome)


@task(INGEST_CPC_MASTER, retries=2, timeout=6 * 3600, backoff=300)
async def ingest_cpc_master(
    ctx: JobContext,
    *,
    day: str | None = None,
    file: str | None = None,
    force: bool = False,
    repoll: int = 0,
) -> dict[str, Any]:
    """The monthly CPC master classification snapshot, full replacement (§2.4, BR-056)."""

    def dated() -> tuple[str, date]:
        first = date.fromisoformat(day) if day else datetime.now(UTC).date().replace(day=1)
        return f"US_Grant_CPC_MCF_XML_{first:%Y-%m-%d}.zip", first

    return await _load_snapshot(
        ctx, INGEST_CPC_MASTER, "CPC_MCF", "CPC master file", file=file, dated=dated,
        repoll=repoll, source=CPC_MCF_SOURCE.name,
        load=lambda path, progress: load_cpc_master_file(
            ctx.sessionmaker, path, force=force, progress=progress.on_records
        ),
    )  # fmt: skip


@task(INGEST_CPC_SCHEME, retries=2, timeout=3600, backoff=300)
async def ingest_cpc_scheme(
    ctx: JobContext,
    *,
    month: str | None = None,
    file: str | None = None,
    force: bool = False,
    day: str | None = None,
    repoll: int = 0,
) -> dict[str, Any]:
    """CPC scheme hierarchy and titles from the title list (§2.5); `month` is YYYYMM."""

    def dated() -> tuple[str, date]:
        today = datetime.now(UTC).date()
        stamp = month or (day[:7].replace("-", "") if day else f"{today:%Y%m}")
        return f"CPCTitleList{stamp}.zip", date(int(stamp[:4]), int(stamp[4:6]), 1)

    return await _load_snapshot(
        ctx, INGEST_CPC_SCHEME, "CPC_SCHEME", "CPC title list", file=file, dated=dated,
        repoll=repoll, source=CPC_SCHEME_SOURCE.name,
        load=lambda path, _progress: load_cpc_scheme_file(ctx.sessionmaker, path, force=force),
    )  # fmt: skip


@task(INGEST_MAINTENANCE_FEES, retries=3, timeout=3 * 3600, backoff=300)
async def ingest_maintenance_fees(
    ctx: JobContext,
    *,
    day: str | None = None,
    file: str | None = None,
    force: bool = False,
    repoll: int = 0,
) -> dict[str, Any]:
    """Weekly cumulative `MaintFeeEvents_YYYYMMDD.zip` (YYYYMMDD a Monday; §2.6)."""

    def dated() -> tuple[str, date]:
        monday = date.fromisoformat(day) if day else latest_weekday(datetime.now(UTC).date(), 0)
        return f"MaintFeeEvents_{monday:%Y%m%d}.zip", monday

    return await _load_snapshot(
        ctx, INGEST_MAINTENANCE_FEES, "MAINT_FEE", "maintenance fee file", file=file,
        dated=dated, repoll=repoll, source=MAINT_FEE_SOURCE.name,
        load=lambda path, progress: load_maintenance_file(
            ctx.sessionmaker, path, queue=ctx.queue, force=force, progress=progress.on_records
        ),
    )  # fmt: skip


schedule(INGEST_GRANTS, weekday=1, hour=4, minute=0, second=0)
schedule(INGEST_APPLICATIONS, weekday=3, hour=4, minute=0, second=0)
schedule(INGEST_CPC_MASTER, day=1, hour=3, minute=0, second=0)
schedule(INGEST_CPC_SCHEME, day=1, hour=3, minute=30, second=0)
schedule(INGEST_MAINTENANCE_FEES, weekday=3, hour=5, minute=0, second=0)
