"""The reference-data tasks through a real Arq worker: local-directory sources (§4.1),
re-polling of unpublished files (§1.2) and the cron schedules (domain-model §9)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from patentrack.settings import Settings
from tests.worker.reference_fixtures import FIXTURES, queue, rows
from worker import jobs
from worker.runtime import build_scheduler, build_worker
from worker.task_names import INGEST_GRANTS, INGEST_MAINTENANCE_FEES
from worker.tasks.ingest_reference import latest_weekday

pytestmark = pytest.mark.usefixtures("clean_tables")
__all__ = ["queue"]


async def _drain(settings: Settings) -> None:
    # One job: a deferred re-poll would otherwise keep a burst worker waiting for it.
    worker = build_worker(settings, burst=True, handle_signals=False, max_burst_jobs=1)
    await worker.async_run()
    await worker.close()


async def test_grants_task_loads_the_dated_file_from_the_local_directory(
    queue: jobs.JobQueue,
    settings: Settings,
    admin_engine: AsyncEngine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutil.copy(FIXTURES / "grants/ipgb20221025_wk43.zip", tmp_path)
    monkeypatch.setenv("PT_SRC_GRANTS_BIBLIO_LOCAL_DIR", str(tmp_path))
    await queue.enqueue(INGEST_GRANTS, job_id="grants-1", day="2022-10-25")
    await _drain(settings)
    assert await rows(admin_engine, "SELECT count(*) FROM patents") == [(10,)]
    assert await rows(
        admin_engine, "SELECT status, last_business_date::text FROM ingestion_jobs, data_sources"
    ) == [("success", "2022-10-25")]


async def test_an_unpublished_file_is_polled_again_later(
    queue: jobs.JobQueue,
    settings: Settings,
    admin_engine: AsyncEngine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PT_SRC_MAINT_FEE_LOCAL_DIR", str(tmp_path))
    await queue.enqueue(INGEST_MAINTENANCE_FEES, job_id="fees-1", day="2020-01-06")
    await _drain(settings)
    name = "MaintFeeEvents_20200106.zip"
    assert await queue.status(f"repoll:{INGEST_MAINTENANCE_FEES}:{name}:1") == "deferred"
    assert await rows(admin_engine, "SELECT count(*) FROM ingestion_jobs") == [(0,)]


def test_schedules_follow_the_domain_model() -> None:
    import worker.tasks  # noqa: F401

    crons = {s.task: s.cron for s in jobs.SCHEDULES}
    assert crons["ingest.grants"] == {"weekday": 1, "hour": 4, "minute": 0, "second": 0}
    assert crons["ingest.cpc_master"] == {"day": 1, "hour": 3, "minute": 0, "second": 0}
    assert crons["ingest.maintenance_fees"] == {"weekday": 3, "hour": 5, "minute": 0, "second": 0}
    assert crons["ingest.epo_families"] == {"hour": 6, "minute": 0, "second": 0}
    scheduler = build_scheduler(
        Settings(
            environment="development",
            redis_url="redis://127.0.0.1:6379/0",
            database_url="postgresql://x@localhost/x",
        ),
        handle_signals=False,
    )
    names = {c.name for c in scheduler.cron_jobs}
    assert {"cron:ingest.grants", "cron:ingest.epo_families"} <= names


def test_latest_weekday() -> None:
    from datetime import date

    assert latest_weekday(date(2022, 10, 27), 1) == date(2022, 10, 25)
    assert latest_weekday(date(2022, 10, 25), 1) == date(2022, 10, 25)
    assert latest_weekday(date(2022, 10, 24), 1) == date(2022, 10, 18)
