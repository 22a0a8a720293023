"""The assignment ingestion job end to end: job rows, error rows, kill-and-resume,
affected organizations and their queued pipelines, the Arq task, the CLI, the demo."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from db.loaders import assignments as loader_module
from db.loaders.assignment_rows import StagedBatch
from patentrack.settings import Settings
from tests.factories import create_asset, create_org
from tests.ingest_helpers import (
    SAMPLE_ZIP,
    natural_checksum,
    split_sample,
    table_counts,
    truncate_ingestion,
    write_xml,
)
from worker import jobs
from worker.ingestion.assignments import AssignmentIngest
from worker.ingestion.run import run_assignments
from worker.runtime import build_worker
from worker.task_names import INGEST_ASSIGNMENTS, epo_families_job_id, pipeline_job_id

pytestmark = pytest.mark.usefixtures("clean_tables")


@pytest.fixture
async def sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=2)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def queue(redis: Redis, settings: Settings) -> AsyncIterator[jobs.JobQueue]:
    assert settings.redis_url
    arq_redis = await jobs.connect_redis(settings.redis_url)
    yield jobs.JobQueue(arq_redis)
    await arq_redis.aclose()


async def _rows(engine: AsyncEngine, sql: str) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        return [tuple(r) for r in await conn.execute(text(sql))]


_JOB = (
    "SELECT status, records_processed, records_inserted, records_updated, records_failed,"
    " file_name, file_size_bytes, error_message FROM ingestion_jobs ORDER BY created_at"
)


async def test_sample_zip_job_rows_and_source_freshness(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, admin_engine: AsyncEngine
) -> None:
    result = await run_assignments(sessions, settings, None, files=[SAMPLE_ZIP])
    assert result.status == "success"
    assert await _rows(admin_engine, _JOB) == [
        ("success", 199, 199, 0, 0, "ad20160101.zip", SAMPLE_ZIP.stat().st_size, None)
    ]
    source = await _rows(
        admin_engine,
        "SELECT name, last_status, last_run_at IS NOT NULL, last_success_at IS NOT NULL,"
        " last_record_count, last_business_date::text, is_active FROM data_sources",
    )
    # A local file of an old day does not move the daily download cursor.
    assert source == [("USPTO_PASDL_DAILY", "success", True, True, 199, None, True)]
    counts = await table_counts(admin_engine)
    assert (counts["assignments"], counts["document_ids"]) == (199, 578)


async def test_reingest_is_skipped_and_forced_reingest_changes_nothing(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, admin_engine: AsyncEngine
) -> None:
    await run_assignments(sessions, settings, None, files=[SAMPLE_ZIP])
    before = (await table_counts(admin_engine), await natural_checksum(admin_engine))
    again = await run_assignments(sessions, settings, None, files=[SAMPLE_ZIP])
    assert [f.status for f in again.files] == ["skipped"]  # same name + sha256 (§1.1 step 3)
    forced = await run_assignments(sessions, settings, None, files=[SAMPLE_ZIP], force=True)
    assert [(f.status, f.inserted, f.updated, f.unchanged) for f in forced.files] == [
        ("success", 0, 0, 199)
    ]
    assert (await table_counts(admin_engine), await natural_checksum(admin_engine)) == before


async def test_malformed_record_in_the_middle_is_logged_and_the_rest_loads(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    admin_engine: AsyncEngine,
    tmp_path: Path,
) -> None:
    _, records, _ = split_sample()
    bad = records[99]
    records[99] = re.sub(r"<patent-assignees>.*</patent-assignees>\n", "", bad, flags=re.S)
    path = write_xml(tmp_path / "ad20160101.xml", records)
    result = await run_assignments(sessions, settings, None, files=[path])
    assert result.status == "partial"
    (job,) = await _rows(admin_engine, _JOB)
    assert job[:5] == ("partial", 199, 198, 0, 1)
    reel = re.search(r"<reel-no>(\d+)</reel-no>", bad)
    frame = re.search(r"<frame-no>(\d+)</frame-no>", bad)
    assert reel and frame
    (error,) = await _rows(
        admin_engine,
        "SELECT file_name, record_position, record_identifier, error_type, error_message,"
        " raw_data->>'member', (raw_data->>'line')::int > 0,"
        " raw_data->>'xml' LIKE '<patent-assignment>%' FROM ingestion_errors",
    )
    assert error == (
        "ad20160101.xml",
        100,
        f"{reel.group(1)}-{frame.group(1)}",
        "validation",
        "no assignee",
        str(path),
        True,
        True,
    )
    assert (await table_counts(admin_engine))["assignments"] == 198


async def _load_killed_then_resumed(sessions: async_sessionmaker[AsyncSession], path: Path) -> None:
    async def kill_after_two(committed: int) -> None:
        if committed == 2:
            raise RuntimeError("worker killed")

    killed = AssignmentIngest(sessions, batch_size=40, after_batch=kill_after_two)
    with pytest.raises(RuntimeError, match="worker killed"):
        await killed.load_path(path)
    await AssignmentIngest(sessions, batch_size=40).load_path(path)


async def test_kill_between_batches_and_resume_converges(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine
) -> None:
    await _load_killed_then_resumed(sessions, SAMPLE_ZIP)
    jobs_seen = await _rows(
        admin_engine,
        "SELECT status, records_processed, records_inserted FROM ingestion_jobs"
        " ORDER BY created_at",
    )
    assert jobs_seen == [("failed", 80, 80), ("success", 199, 119)]
    resumed = await natural_checksum(admin_engine)
    await truncate_ingestion(admin_engine)
    await AssignmentIngest(sessions, batch_size=1000).load_path(SAMPLE_ZIP)
    assert await natural_checksum(admin_engine) == resumed
    assert resumed["assignments"][0] == 199 and resumed["document_ids"][0] == 578


async def test_kill_inside_a_batch_rolls_it_back_and_resume_converges(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_merge = loader_module.AssignmentLoader.merge_staged
    calls = {"n": 0}

    async def dies_in_third_merge(
        self: loader_module.AssignmentLoader, batch: StagedBatch
    ) -> loader_module.MergeCounts:
        counts = await real_merge(self, batch)  # parents and children written...
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("killed mid-batch")  # ...but never committed
        return counts

    monkeypatch.setattr(loader_module.AssignmentLoader, "merge_staged", dies_in_third_merge)
    with pytest.raises(RuntimeError, match="killed mid-batch"):
        await AssignmentIngest(sessions, batch_size=50).load_path(SAMPLE_ZIP)
    assert (await table_counts(admin_engine))["assignments"] == 100  # two whole batches
    monkeypatch.setattr(loader_module.AssignmentLoader, "merge_staged", real_merge)
    await AssignmentIngest(sessions, batch_size=50).load_path(SAMPLE_ZIP)
    resumed = await natural_checksum(admin_engine)
    await truncate_ingestion(admin_engine)
    await AssignmentIngest(sessions, batch_size=500).load_path(SAMPLE_ZIP)
    assert await natural_checksum(admin_engine) == resumed


async def test_affected_organizations_get_their_pipeline_queued(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    admin_engine: AsyncEngine,
    queue: jobs.JobQueue,
) -> None:
    async with admin_engine.begin() as conn:
        by_appno = await create_org(conn)
        by_grant = await create_org(conn)
        unrelated = await create_org(conn)
        await create_asset(conn, by_appno, appno="14678893")  # 037388-0092's application
        await create_asset(conn, by_grant, appno=None, grant="D701988")  # design, as B1
        await create_asset(conn, unrelated, appno="99999999")
        deleted = await create_org(conn)
        gone = await create_asset(conn, deleted, appno="14434207")
        await conn.execute(text("UPDATE assets SET deleted_at = now() WHERE id = :i"), {"i": gone})
    result = await run_assignments(sessions, settings, queue, files=[SAMPLE_ZIP])
    assert result.organizations == sorted([by_appno, by_grant])
    for org in (by_appno, by_grant):
        assert await queue.status(pipeline_job_id(org)) == "queued"
        # ...and one batch of EPO family look-ups for its new assets (ingestion.md §2.7).
        assert await queue.status(epo_families_job_id(org)) == "queued"
    for org in (unrelated, deleted):
        assert await queue.status(pipeline_job_id(org)) == "not_found"
        assert await queue.status(epo_families_job_id(org)) == "not_found"
    # A replay changes no conveyance, so it queues nobody.
    again = await run_assignments(sessions, settings, queue, files=[SAMPLE_ZIP], force=True)
    assert again.organizations == []


async def test_resumed_run_still_fans_out_rows_of_the_killed_run(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    admin_engine: AsyncEngine,
) -> None:
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        await create_asset(conn, org, appno="14678893")  # in the first batch
    await _load_killed_then_resumed(sessions, SAMPLE_ZIP)
    async with admin_engine.connect() as conn:
        jobs_ids = [
            r[0]
            for r in await conn.execute(text("SELECT id FROM ingestion_jobs ORDER BY created_at"))
        ]
    from worker.ingestion.fanout import fan_out

    assert await fan_out(sessions, None, jobs_ids[1:]) == []  # the resumed run alone...
    assert await fan_out(sessions, None, jobs_ids) == [org]  # ...plus the run it superseded
    result = await run_assignments(sessions, settings, None, files=[SAMPLE_ZIP])
    assert [f.status for f in result.files] == ["skipped"]


async def test_job_runs_through_the_arq_worker_as_the_worker_role(
    settings: Settings, queue: jobs.JobQueue, admin_engine: AsyncEngine
) -> None:
    job_id = await queue.enqueue(INGEST_ASSIGNMENTS, files=[str(SAMPLE_ZIP)])
    assert job_id is not None
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    assert (worker.jobs_complete, worker.jobs_failed) == (1, 0)
    assert await queue.status(job_id) == "complete"
    assert (await _rows(admin_engine, _JOB))[0][:3] == ("success", 199, 199)


def test_daily_schedule_is_registered_at_two_utc() -> None:
    import worker.tasks  # noqa: F401

    entries = [s for s in jobs.SCHEDULES if s.task == INGEST_ASSIGNMENTS]
    assert [e.cron for e in entries] == [{"hour": 2, "minute": 0, "second": 0}]


def test_cli_loads_files_with_a_progress_summary(
    settings: Settings, admin_url: str, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from patentrack.cli import app

    monkeypatch.setenv("DATABASE_URL", admin_url)
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("ENVIRONMENT", "development")
    runner = CliRunner()
    out = runner.invoke(app, ["ingest", "assignments", "--file", str(SAMPLE_ZIP)])
    assert out.exit_code == 0, out.output
    assert "ad20160101.zip: success  processed 199  inserted 199" in out.output
    refused = runner.invoke(app, ["ingest", "assignments"])
    assert refused.exit_code == 2
    assert "either --date" in refused.output
    both = runner.invoke(
        app, ["ingest", "assignments", "--date", "2016-01-01", "--file", str(SAMPLE_ZIP)]
    )
    assert both.exit_code == 2


async def test_demo_start_loads_the_sample_once(
    settings: Settings, admin_engine: AsyncEngine
) -> None:
    from patentrack.demo import DEMO_ASSIGNMENTS, load_demo_assignments

    assert DEMO_ASSIGNMENTS.read_bytes() == SAMPLE_ZIP.read_bytes()
    await load_demo_assignments(settings)
    first = await table_counts(admin_engine)
    await load_demo_assignments(settings)  # a restart
    assert await table_counts(admin_engine) == first
    assert first["assignments"] == 199
    statuses = await _rows(admin_engine, "SELECT status FROM ingestion_jobs")
    assert statuses == [("success",)]


async def test_a_second_concurrent_run_of_the_source_is_refused(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, admin_engine: AsyncEngine
) -> None:
    holder = AssignmentIngest(sessions)
    async with holder.exclusive() as mine:
        assert mine
        result = await run_assignments(sessions, settings, None, files=[SAMPLE_ZIP])
    assert (result.status, result.files) == ("busy", [])
    assert "in progress" in str(result.error)
    assert (await table_counts(admin_engine))["assignments"] == 0
    after = await run_assignments(sessions, settings, None, files=[SAMPLE_ZIP])
    assert after.status == "success"  # the lock died with its transaction


async def test_big_files_parse_in_a_child_process_with_the_same_result(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine
) -> None:
    child = AssignmentIngest(sessions, batch_size=60, parse_process_min_bytes=0)
    outcome = await child.load_path(SAMPLE_ZIP)
    assert (outcome.status, outcome.processed, outcome.inserted) == ("success", 199, 199)
    via_child = await natural_checksum(admin_engine)
    await truncate_ingestion(admin_engine)
    await AssignmentIngest(sessions).load_path(SAMPLE_ZIP)
    assert await natural_checksum(admin_engine) == via_child


async def test_a_parser_process_failure_fails_the_job(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine, tmp_path: Path
) -> None:
    # The archive's directory is intact (sizes readable) but the member's data is garbage,
    # so the failure happens inside the child while it decompresses.
    data = bytearray(SAMPLE_ZIP.read_bytes())
    data[2000:2400] = bytes(400)
    broken = tmp_path / "ad20160101.zip"
    broken.write_bytes(bytes(data))
    child = AssignmentIngest(sessions, parse_process_min_bytes=0)
    with pytest.raises(RuntimeError, match="assignment parser failed"):
        await child.load_path(broken)
    ((status, error),) = await _rows(
        admin_engine, "SELECT status, error_message FROM ingestion_jobs"
    )
    assert status == "failed" and "assignment parser failed" in str(error)


async def test_a_garbage_reel_number_is_recorded_not_fatal(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    admin_engine: AsyncEngine,
    tmp_path: Path,
) -> None:
    _, records, _ = split_sample()
    records[5] = re.sub(
        r"<reel-no>\d+</reel-no>", "<reel-no>" + "Z" * 300 + "</reel-no>", records[5]
    )
    path = write_xml(tmp_path / "ad20160101.xml", records)
    result = await run_assignments(sessions, settings, None, files=[path])
    assert result.status == "partial"
    ((identifier, position),) = await _rows(
        admin_engine, "SELECT record_identifier, record_position FROM ingestion_errors"
    )
    assert position == 6 and str(identifier) == ("Z" * 300 + "-")[:100]
    assert (await table_counts(admin_engine))["assignments"] == 198
