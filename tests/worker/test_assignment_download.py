"""Dated downloads from a fake USPTO server on loopback over real HTTP (ingestion.md §4.3):
429 backoff, 5xx retries, truncated ZIPs, a malformed record, 401/403 pausing the source,
empty weekend files, the annual backfile and the key never leaving its host or the logs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path

import pytest
from pydantic import SecretStr
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from patentrack.settings import Settings
from tests.factories import create_asset, create_org
from tests.ingest_helpers import (
    SAMPLE_ZIP,
    FakeUspto,
    Reply,
    build_xml,
    build_zip,
    empty_day_xml,
    split_sample,
    table_counts,
)
from worker import jobs
from worker.ingestion.download import (
    DownloadConfig,
    Downloader,
    DownloadError,
    NotPublished,
)
from worker.ingestion.run import catch_up_days, run_assignments
from worker.task_names import pipeline_job_id

pytestmark = pytest.mark.usefixtures("clean_tables")

API_KEY = "test-key-must-never-be-logged-0123456789"
DAY = date(2016, 1, 1)
NAME = "ad20160101.zip"


@pytest.fixture
def server() -> Iterator[FakeUspto]:
    with FakeUspto() as fake:
        yield fake


@pytest.fixture
def uspto_settings(settings: Settings, server: FakeUspto, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={
            "uspto_assignment_base_url": server.base_url,
            "uspto_api_key": SecretStr(API_KEY),
            "uspto_backoff_base_s": 0.01,
            "uspto_network_retry_s": 0.01,
            "ingest_workdir": tmp_path / "work",
        }
    )


@pytest.fixture
async def sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=2)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def _rows(engine: AsyncEngine, sql: str) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        return [tuple(r) for r in await conn.execute(text(sql))]


_JOBS = "SELECT status, records_processed, file_name, error_message FROM ingestion_jobs"
_SOURCE = "SELECT is_active, last_status, last_error FROM data_sources"


async def test_429_twice_then_200_loads_the_file(
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    throttled = Reply(429, b"slow down", {"Retry-After": "0"})
    server.serve(NAME, throttled, throttled, Reply(200, SAMPLE_ZIP.read_bytes()))
    with caplog.at_level(logging.DEBUG):
        result = await run_assignments(sessions, uspto_settings, None, days=[DAY])
    assert result.status == "success"
    hits = server.hits(NAME)
    assert len(hits) == 3
    assert {h.headers.get("x-api-key") for h in hits} == {API_KEY}  # BR-054
    assert API_KEY not in caplog.text
    assert sum("rate limited" in r.getMessage() for r in caplog.records) == 2
    assert await _rows(admin_engine, _JOBS) == [("success", 199, NAME, None)]
    assert (await table_counts(admin_engine))["assignments"] == 199
    assert not list((uspto_settings.ingest_workdir or Path()).glob("*.part"))


async def test_persistent_429_gives_up_after_five_tries(server: FakeUspto, tmp_path: Path) -> None:
    server.serve(NAME, Reply(429, b"", {"Retry-After": "0"}))
    downloader = Downloader(DownloadConfig(server.base_url, backoff_base_s=0.001, max_tries=5))
    with pytest.raises(DownloadError, match="429"):
        await downloader.fetch_daily(DAY, tmp_path)
    assert len(server.hits(NAME)) == 5


async def test_server_errors_retry_then_fail_the_job(
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
) -> None:
    server.serve(NAME, Reply(500, b"boom"), Reply(503, b"busy"), Reply(502, b"bad gateway"))
    with pytest.raises(DownloadError, match="HTTP 502"):
        await run_assignments(sessions, uspto_settings, None, days=[DAY])
    assert len(server.hits(NAME)) == 5
    ((status, processed, name, error),) = await _rows(admin_engine, _JOBS)
    assert (status, processed, name) == ("failed", 0, NAME)
    assert "failed after 5 tries" in str(error)
    # A transient failure is not a credentials problem: the source stays active.
    assert (await _rows(admin_engine, _SOURCE))[0][:2] == (True, "failed")


async def test_500_then_200_recovers(
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    server.serve(NAME, Reply(500, b"boom"), Reply(200, SAMPLE_ZIP.read_bytes()))
    result = await run_assignments(sessions, uspto_settings, None, days=[DAY])
    assert [(f.status, f.inserted) for f in result.files] == [("success", 199)]


async def test_truncated_zip_is_fetched_again(
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
) -> None:
    whole = SAMPLE_ZIP.read_bytes()
    server.serve(NAME, Reply(200, whole[: len(whole) // 2]), Reply(200, whole))
    result = await run_assignments(sessions, uspto_settings, None, days=[DAY])
    assert result.status == "success"
    assert len(server.hits(NAME)) == 2
    assert (await table_counts(admin_engine))["assignments"] == 199


async def test_always_truncated_zip_fails_clearly(server: FakeUspto, tmp_path: Path) -> None:
    whole = SAMPLE_ZIP.read_bytes()
    server.serve(NAME, Reply(200, whole[:-100]))
    downloader = Downloader(DownloadConfig(server.base_url, network_retry_s=0.001))
    with pytest.raises(DownloadError, match="truncated or corrupt ZIP"):
        await downloader.fetch_daily(DAY, tmp_path)
    assert not any(await asyncio.to_thread(lambda: list(tmp_path.glob("*"))))  # no leftovers


async def test_downloaded_file_with_one_malformed_record(
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
) -> None:
    _, records, _ = split_sample()
    records[120] = records[120].replace("<reel-no>", "<reel-no>x", 1)
    server.serve(NAME, Reply(200, build_zip(build_xml(records), "ad20160101.xml")))
    result = await run_assignments(sessions, uspto_settings, None, days=[DAY])
    assert result.status == "partial"
    assert await _rows(
        admin_engine,
        "SELECT status, records_processed, records_inserted, records_failed FROM ingestion_jobs",
    ) == [("partial", 199, 198, 1)]
    (error,) = await _rows(
        admin_engine,
        "SELECT file_name, record_position, error_type, error_message FROM ingestion_errors",
    )
    assert error[:3] == (NAME, 121, "validation")
    assert "reel-no is not an integer" in str(error[3])


@pytest.mark.parametrize("status", [401, 403])
async def test_refused_key_fails_the_job_and_pauses_the_source(
    status: int,
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
) -> None:
    server.serve(NAME, Reply(status, b"forbidden"))
    result = await run_assignments(sessions, uspto_settings, None, days=[DAY])
    assert result.status == "failed"
    assert f"refused the API key (HTTP {status})" in str(result.error)
    assert len(server.hits(NAME)) == 1  # no retries against a refused key
    ((job_status, _, _, job_error),) = await _rows(admin_engine, _JOBS)
    assert job_status == "failed" and "USPTO_API_KEY" in str(job_error)
    ((active, last_status, last_error),) = await _rows(admin_engine, _SOURCE)
    assert (active, last_status) == (False, "failed")
    assert API_KEY not in str(last_error)
    # A paused source downloads nothing until an operator re-activates it.
    paused = await run_assignments(sessions, uspto_settings, None, days=[DAY])
    assert paused.status == "paused"
    assert len(server.hits(NAME)) == 1


async def test_empty_weekend_file_is_a_success(
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
) -> None:
    server.serve(
        "ad20240106.zip", Reply(200, build_zip(empty_day_xml("20240106"), "ad20240106.xml"))
    )
    result = await run_assignments(sessions, uspto_settings, None, days=[date(2024, 1, 6)])
    assert [(f.status, f.processed) for f in result.files] == [("success", 0)]
    assert await _rows(admin_engine, "SELECT last_business_date::text FROM data_sources") == [
        ("2024-01-06",)
    ]


async def test_unpublished_day_stops_the_catch_up(
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    server.serve(NAME, Reply(200, SAMPLE_ZIP.read_bytes()))
    days = [DAY, date(2016, 1, 2), date(2016, 1, 3)]
    result = await run_assignments(sessions, uspto_settings, None, days=days)
    assert [(f.file_name, f.status) for f in result.files] == [
        (NAME, "success"),
        ("ad20160102.zip", "failed"),
    ]
    assert server.hits("ad20160103.zip") == []


async def test_backfile_fetches_every_part(server: FakeUspto, tmp_path: Path) -> None:
    body = SAMPLE_ZIP.read_bytes()
    server.serve("ad19800101-20231231-01.zip", Reply(200, body))
    server.serve("ad19800101-20231231-02.zip", Reply(200, body))
    downloader = Downloader(DownloadConfig(server.base_url))
    parts = await downloader.fetch_backfile(2023, tmp_path)
    assert [p.path.name for p in parts] == [
        "ad19800101-20231231-01.zip",
        "ad19800101-20231231-02.zip",
    ]
    assert {p.size for p in parts} == {len(body)}
    assert len(server.hits("ad19800101-20231231-03.zip")) == 1
    with pytest.raises(NotPublished):
        await downloader.fetch_backfile(1999, tmp_path)


async def test_key_is_not_sent_to_another_host_on_redirect(tmp_path: Path) -> None:
    with FakeUspto() as origin, FakeUspto() as mirror:
        mirror.serve(NAME, Reply(200, SAMPLE_ZIP.read_bytes()))
        origin.serve(NAME, Reply(302, b"", {"Location": mirror.base_url + NAME}))
        downloader = Downloader(DownloadConfig(origin.base_url, api_key=API_KEY))
        got = await downloader.fetch_daily(DAY, tmp_path)
    assert got.size == SAMPLE_ZIP.stat().st_size
    assert origin.hits(NAME)[0].headers.get("x-api-key") == API_KEY
    assert "x-api-key" not in mirror.hits(NAME)[0].headers


def test_catch_up_runs_from_the_day_after_the_last_load_to_yesterday() -> None:
    assert catch_up_days(date(2024, 1, 5), date(2024, 1, 8)) == [
        date(2024, 1, 6),
        date(2024, 1, 7),
    ]
    assert catch_up_days(None, date(2024, 1, 8)) == [date(2024, 1, 7)]
    assert catch_up_days(date(2024, 1, 7), date(2024, 1, 8)) == []
    assert len(catch_up_days(date(2023, 1, 1), date(2024, 1, 8))) == 31


async def test_days_loaded_before_a_failing_day_are_still_fanned_out(
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    redis: Redis,
) -> None:
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        await create_asset(conn, org, appno="14678893")
    server.serve(NAME, Reply(200, SAMPLE_ZIP.read_bytes()))
    server.serve("ad20160102.zip", Reply(500, b"boom"))
    assert uspto_settings.redis_url
    arq_redis = await jobs.connect_redis(uspto_settings.redis_url)
    queue = jobs.JobQueue(arq_redis)
    try:
        with pytest.raises(DownloadError):
            await run_assignments(sessions, uspto_settings, queue, days=[DAY, date(2016, 1, 2)])
        assert await queue.status(pipeline_job_id(org)) == "queued"
    finally:
        await arq_redis.aclose()


def test_cli_date_downloads_through_the_configured_base_url(
    server: FakeUspto,
    admin_url: str,
    redis_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from patentrack.cli import app

    server.serve(NAME, Reply(200, SAMPLE_ZIP.read_bytes()))
    for name, value in {
        "DATABASE_URL": admin_url,
        "REDIS_URL": redis_url,
        "ENVIRONMENT": "development",
        "USPTO_ASSIGNMENT_BASE_URL": server.base_url,
        "USPTO_API_KEY": API_KEY,
        "INGEST_WORKDIR": str(tmp_path),
    }.items():
        monkeypatch.setenv(name, value)
    out = CliRunner().invoke(app, ["ingest", "assignments", "--date", "2016-01-01"])
    assert out.exit_code == 0, out.output
    assert f"{NAME}: success  processed 199  inserted 199" in out.output
    assert API_KEY not in out.output
    assert server.hits(NAME)[0].headers.get("x-api-key") == API_KEY
    bad = CliRunner().invoke(app, ["ingest", "assignments", "--date", "01/01/2016"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
