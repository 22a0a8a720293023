"""Super-admin ingestion control (issue 9, api.md §3.5): sources with freshness, the job
history with filters and cursor paging, job detail with paged errors, retry of a failed
job (idempotent against a fake USPTO server on loopback), trigger, pause / resume, and
the Arq queue depth. Org admins and members get 403 on all of it (also in test_rbac)."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from api.routes.admin_ingestion import SOURCE_TASKS
from db.engine import make_engine, make_sessionmaker
from patentrack.settings import Settings
from tests.api.auth_support import account, sign_in
from tests.conftest import client_for
from tests.ingest_helpers import (
    SAMPLE_ZIP,
    FakeUspto,
    Reply,
    natural_checksum,
    table_counts,
    truncate_ingestion,
)
from worker.ingestion.download import DownloadError
from worker.ingestion.run import run_assignments
from worker.jobs import JobQueue, Schedule
from worker.runtime import _cron_source, _scheduled_enqueue, build_worker
from worker.task_names import INGEST_ASSIGNMENTS, INGEST_CPC_MASTER, INGEST_GRANTS

pytestmark = pytest.mark.usefixtures("clean_tables")

BASE = "/api/v1/admin/ingestion"
DAY = date(2016, 1, 1)
NAME = "ad20160101.zip"


@pytest.fixture
async def sa(app: FastAPI, admin_engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    who = await account(admin_engine, "super_admin")
    async with client_for(app) as c:
        await sign_in(app, c, who)
        yield c


@pytest.fixture
def server() -> Iterator[FakeUspto]:
    with FakeUspto() as fake:
        yield fake


@pytest.fixture
def uspto_settings(settings: Settings, server: FakeUspto, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={
            "uspto_assignment_base_url": server.base_url,
            "uspto_api_key": SecretStr("test-key-0123456789"),
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


async def _sql(engine: AsyncEngine, sql: str, **params: object) -> list[tuple[object, ...]]:
    async with engine.begin() as conn:
        result = await conn.execute(text(sql), params)
        return [tuple(r) for r in result] if result.returns_rows else []


async def _source(
    engine: AsyncEngine,
    name: str,
    *,
    cron: str | None = "0 2 * * *",
    last_success: datetime | None = None,
    active: bool = True,
) -> uuid.UUID:
    rows = await _sql(
        engine,
        "INSERT INTO data_sources (name, source_type, schedule_type, schedule_cron, format,"
        " is_active, last_success_at, last_run_at, last_status, last_record_count)"
        " VALUES (:n, 'bulk_download', 'daily', :c, 'zip', :a, CAST(:s AS timestamptz),"
        " CAST(:s AS timestamptz), CASE WHEN CAST(:s AS timestamptz) IS NULL THEN NULL"
        " ELSE 'success' END, 7) RETURNING id",
        n=name,
        c=cron,
        a=active,
        s=last_success,
    )
    return rows[0][0]  # type: ignore[return-value]


async def _job(
    engine: AsyncEngine,
    source_id: uuid.UUID,
    *,
    status: str = "success",
    created: datetime,
    processed: int = 0,
    metadata: dict[str, object] | None = None,
    errors: int = 0,
) -> uuid.UUID:
    rows = await _sql(
        engine,
        "INSERT INTO ingestion_jobs (data_source_id, status, started_at, completed_at,"
        " records_processed, records_failed, file_name, metadata, created_at)"
        " VALUES (:s, :st, CAST(:c AS timestamptz), CAST(:c AS timestamptz)"
        " + interval '1.5 seconds', :p, :e, 'f.zip', CAST(:m AS jsonb), CAST(:c AS timestamptz))"
        " RETURNING id",
        s=source_id,
        st=status,
        c=created,
        p=processed,
        e=errors,
        m=json.dumps(metadata or {}),
    )
    job_id = rows[0][0]
    for n in range(errors):
        await _sql(
            engine,
            "INSERT INTO ingestion_errors (ingestion_job_id, record_position, error_type,"
            " error_message) VALUES (:j, :p, 'parse', :m)",
            j=job_id,
            p=n,
            m=f"bad record {n}",
        )
    return job_id  # type: ignore[return-value]


# ------------------------------------------------------------------------------- sources


async def test_sources_show_runs_schedule_and_staleness(
    sa: httpx.AsyncClient, admin_engine: AsyncEngine
) -> None:
    now = datetime.now(UTC)
    daily = await _source(admin_engine, "USPTO_PASDL_DAILY", last_success=now - timedelta(hours=1))
    await _job(admin_engine, daily, created=now - timedelta(days=2), processed=5)
    latest = await _job(admin_engine, daily, created=now - timedelta(hours=1), processed=199)
    await _source(
        admin_engine, "USPTO_GRANTS_BIBLIO", cron="0 4 * * 2", last_success=now - timedelta(days=8)
    )
    await _source(admin_engine, "USPTO_CPC_MCF", cron="0 3 1 * *", last_success=None)
    await _source(admin_engine, "EPO_OPS_FAMILIES", cron=None, last_success=now)

    r = await sa.get(f"{BASE}/sources")
    assert r.status_code == 200
    by_name = {s["name"]: s for s in r.json()["data"]}
    assert list(by_name) == sorted(by_name)

    d = by_name["USPTO_PASDL_DAILY"]
    assert (d["staleness"], d["staleAfterSeconds"], d["task"]) == (
        "fresh",
        48 * 3600,
        INGEST_ASSIGNMENTS,
    )
    assert 3590 <= d["ageSeconds"] <= 3700
    assert (d["lastRecordsProcessed"], d["lastJobId"]) == (199, str(latest))
    assert (d["schedule"], d["paused"], d["lastStatus"]) == ("0 2 * * *", False, "success")
    next_run = datetime.fromisoformat(d["nextRunAt"])
    assert (next_run.hour, next_run.minute) == (2, 0) and now < next_run <= now + timedelta(days=1)

    g = by_name["USPTO_GRANTS_BIBLIO"]  # 8 of 9 days: past 75%
    assert (g["staleness"], g["staleAfterSeconds"]) == ("warning", 9 * 86400)
    assert datetime.fromisoformat(g["nextRunAt"]).weekday() == 1  # Tuesday
    assert g["lastJobId"] is None and g["lastRecordsProcessed"] is None

    c = by_name["USPTO_CPC_MCF"]  # never succeeded
    assert (c["staleness"], c["ageSeconds"], c["lastSuccessAt"]) == ("stale", None, None)
    assert datetime.fromisoformat(c["nextRunAt"]).day == 1

    e = by_name["EPO_OPS_FAMILIES"]  # the issue gives no threshold for on-demand sources
    assert (e["staleness"], e["staleAfterSeconds"], e["nextRunAt"]) == (None, None, None)


async def test_org_admins_and_members_are_refused(app: FastAPI, admin_engine: AsyncEngine) -> None:
    for role in ("org_admin", "org_member"):
        who = await account(admin_engine, role)
        async with client_for(app) as c:
            await sign_in(app, c, who)
            for method, path in [
                ("GET", "/sources"),
                ("GET", "/jobs"),
                ("GET", "/queues"),
                ("POST", "/sources/USPTO_PASDL_DAILY/pause"),
                ("POST", f"/jobs/{uuid.uuid4()}/retry"),
            ]:
                r = await c.request(method, BASE + path)
                assert r.status_code == 403, f"{role} {method} {path}"


# ---------------------------------------------------------------------------------- jobs


async def test_jobs_filter_and_page_with_cursors(
    sa: httpx.AsyncClient, admin_engine: AsyncEngine
) -> None:
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    daily = await _source(admin_engine, "USPTO_PASDL_DAILY")
    grants = await _source(admin_engine, "USPTO_GRANTS_BIBLIO")
    ids = [
        await _job(admin_engine, daily, created=t0 + timedelta(days=n), status=st)
        for n, st in enumerate(["success", "failed", "success", "partial", "failed"])
    ]
    await _job(admin_engine, grants, created=t0 + timedelta(days=2, hours=1))

    r = await sa.get(f"{BASE}/jobs", params={"limit": 2, "source": "USPTO_PASDL_DAILY"})
    body = r.json()
    assert r.status_code == 200 and body["total"] == 5
    assert [j["id"] for j in body["data"]] == [str(ids[4]), str(ids[3])]
    assert body["cursor"]["hasMore"] is True
    seen = [j["id"] for j in body["data"]]
    while body["cursor"]["hasMore"]:
        body = (
            await sa.get(
                f"{BASE}/jobs",
                params={
                    "limit": 2,
                    "source": "USPTO_PASDL_DAILY",
                    "cursor": body["cursor"]["next"],
                },
            )
        ).json()
        seen += [j["id"] for j in body["data"]]
    assert seen == [str(i) for i in reversed(ids)]

    failed = (await sa.get(f"{BASE}/jobs", params={"status": "failed"})).json()
    assert [j["id"] for j in failed["data"]] == [str(ids[4]), str(ids[1])]
    assert (
        failed["data"][0]["durationMs"] == 1500
        and failed["data"][0]["source"] == "USPTO_PASDL_DAILY"
    )

    # dateFrom/dateTo are inclusive at both ends (api.md §1.1)
    window = {
        "dateFrom": (t0 + timedelta(days=1)).isoformat(),
        "dateTo": (t0 + timedelta(days=2)).isoformat(),
    }
    ranged = (await sa.get(f"{BASE}/jobs", params=window)).json()
    assert [j["id"] for j in ranged["data"]] == [str(ids[2]), str(ids[1])]
    assert ranged["total"] == 2

    everything = (await sa.get(f"{BASE}/jobs")).json()
    assert everything["total"] == 6 and everything["cursor"] == {"next": None, "hasMore": False}

    # A cursor replayed against another query (or tampered with) is invalid_cursor.
    first = (await sa.get(f"{BASE}/jobs", params={"limit": 1})).json()["cursor"]["next"]
    other = await sa.get(f"{BASE}/jobs", params={"limit": 1, "status": "failed", "cursor": first})
    assert other.status_code == 400
    assert other.json()["error"]["details"]["reason"] == "invalid_cursor"
    bad = await sa.get(f"{BASE}/jobs", params={"limit": 1, "cursor": first[:-2] + "xx"})
    assert bad.status_code == 400


async def test_job_detail_pages_its_errors(
    sa: httpx.AsyncClient, admin_engine: AsyncEngine
) -> None:
    daily = await _source(admin_engine, "USPTO_PASDL_DAILY")
    job = await _job(
        admin_engine, daily, status="partial", created=datetime.now(UTC), processed=30,
        errors=7, metadata={"sha256": "abc", "path": "/tmp/x.zip"},
    )  # fmt: skip
    r = await sa.get(f"{BASE}/jobs/{job}", params={"errorsLimit": 3, "errorsOffset": 3})
    assert r.status_code == 200
    d = r.json()["data"]
    assert (d["recordsProcessed"], d["recordsFailed"], d["errorsTotal"]) == (30, 7, 7)
    assert [e["errorMessage"] for e in d["errors"]] == [
        "bad record 3",
        "bad record 4",
        "bad record 5",
    ]
    assert d["metadata"] == {"sha256": "abc", "path": "/tmp/x.zip"}
    assert d["retryable"] is False  # partial, not failed
    assert (await sa.get(f"{BASE}/jobs/{uuid.uuid4()}")).status_code == 404


async def test_retry_refuses_jobs_that_are_not_failed_or_not_rebuildable(
    sa: httpx.AsyncClient, admin_engine: AsyncEngine, redis: object
) -> None:
    daily = await _source(admin_engine, "USPTO_PASDL_DAILY")
    epo = await _source(admin_engine, "EPO_OPS_FAMILIES", cron=None)
    now = datetime.now(UTC)
    ok = await _job(admin_engine, daily, created=now, metadata={"business_date": "2016-01-01"})
    no_args = await _job(admin_engine, daily, status="failed", created=now, metadata={})
    on_demand = await _job(admin_engine, epo, status="failed", created=now, metadata={"keys": 3})

    r = await sa.post(f"{BASE}/jobs/{ok}/retry")
    assert r.status_code == 409 and r.json()["error"]["details"]["reason"] == "job_not_failed"
    for job in (no_args, on_demand):
        r = await sa.post(f"{BASE}/jobs/{job}/retry")
        assert (
            r.status_code == 409 and r.json()["error"]["details"]["reason"] == "job_not_retryable"
        )
    assert (await sa.post(f"{BASE}/jobs/{uuid.uuid4()}/retry")).status_code == 404
    listed = (await sa.get(f"{BASE}/jobs", params={"status": "failed"})).json()["data"]
    assert {j["retryable"] for j in listed} == {False}
    depth = (await sa.get(f"{BASE}/queues")).json()["data"][0]["depth"]
    assert depth == 0  # nothing was queued by the refusals


async def _run_worker(settings: Settings) -> tuple[int, int]:
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    return worker.jobs_complete, worker.jobs_failed


async def test_retrying_a_failed_download_ends_as_a_clean_run(
    sa: httpx.AsyncClient,
    app: FastAPI,
    server: FakeUspto,
    uspto_settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
) -> None:
    # A clean run first: the state a retry must reproduce.
    server.serve(NAME, Reply(200, SAMPLE_ZIP.read_bytes()))
    assert (await run_assignments(sessions, uspto_settings, None, days=[DAY])).status == "success"
    clean = await natural_checksum(admin_engine)
    assert clean["assignments"][0] == 199
    await truncate_ingestion(admin_engine)

    # The USPTO server fails: the job row is failed and nothing is loaded.
    server.serve(NAME, Reply(500, b"boom"))
    with pytest.raises(DownloadError):
        await run_assignments(sessions, uspto_settings, None, days=[DAY])
    assert (await table_counts(admin_engine))["assignments"] == 0
    (failed,) = (await sa.get(f"{BASE}/jobs", params={"status": "failed"})).json()["data"]
    assert failed["retryable"] is True and failed["fileName"] == NAME

    # Fixed; the retry queues the same task with the same day, and the worker loads it.
    server.serve(NAME, Reply(200, SAMPLE_ZIP.read_bytes()))
    r = await sa.post(f"{BASE}/jobs/{failed['id']}/retry")
    assert r.status_code == 202
    queued = r.json()["data"]
    assert (queued["task"], queued["retryOf"], queued["status"]) == (
        INGEST_ASSIGNMENTS, failed["id"], "queued",
    )  # fmt: skip
    queue: JobQueue = app.state.queue
    assert await queue.status(queued["jobId"]) == "queued"
    assert (await sa.get(f"{BASE}/queues")).json()["data"][0]["depth"] == 1
    assert await _run_worker(uspto_settings) == (1, 0)
    assert await natural_checksum(admin_engine) == clean
    statuses = (await sa.get(f"{BASE}/jobs")).json()["data"]
    assert [(j["status"], j["recordsProcessed"]) for j in statuses] == [
        ("success", 199),
        ("failed", 0),
    ]

    # Retrying the same failed job again changes nothing (the file is already loaded).
    assert (await sa.post(f"{BASE}/jobs/{failed['id']}/retry")).status_code == 202
    assert await _run_worker(uspto_settings) == (1, 0)
    assert await natural_checksum(admin_engine) == clean


# ------------------------------------------------------------- trigger, pause, resume


async def test_trigger_queues_the_sources_task_once(
    sa: httpx.AsyncClient, app: FastAPI, admin_engine: AsyncEngine
) -> None:
    await _source(admin_engine, "USPTO_GRANTS_BIBLIO", cron="0 4 * * 2")
    await _source(admin_engine, "SOMETHING_ELSE")
    r = await sa.post(f"{BASE}/sources/USPTO_GRANTS_BIBLIO/trigger")
    assert r.status_code == 202
    data = r.json()["data"]
    assert (data["task"], data["source"], data["status"]) == (
        INGEST_GRANTS,
        "USPTO_GRANTS_BIBLIO",
        "queued",
    )
    queue: JobQueue = app.state.queue
    assert await queue.status(data["jobId"]) == "queued"

    again = await sa.post(f"{BASE}/sources/USPTO_GRANTS_BIBLIO/trigger")
    assert again.status_code == 409
    assert again.json()["error"]["details"] == {"reason": "job_running", "jobId": data["jobId"]}
    q = (await sa.get(f"{BASE}/queues")).json()["data"]
    assert q == [{"queue": queue.queue_name, "depth": 1, "inProgress": 0}]

    assert (await sa.post(f"{BASE}/sources/NOPE/trigger")).status_code == 404
    assert (await sa.post(f"{BASE}/sources/SOMETHING_ELSE/trigger")).status_code == 404


async def test_paused_source_does_nothing_and_resume_restores_it(
    sa: httpx.AsyncClient,
    app: FastAPI,
    server: FakeUspto,
    uspto_settings: Settings,
    admin_engine: AsyncEngine,
) -> None:
    await _source(admin_engine, "USPTO_PASDL_DAILY")
    server.serve(NAME, Reply(200, SAMPLE_ZIP.read_bytes()))
    queue: JobQueue = app.state.queue

    r = await sa.post(f"{BASE}/sources/USPTO_PASDL_DAILY/pause")
    assert r.status_code == 200
    assert (r.json()["data"]["paused"], r.json()["data"]["nextRunAt"]) == (True, None)
    assert await _sql(admin_engine, "SELECT is_active FROM data_sources") == [(False,)]
    trigger = await sa.post(f"{BASE}/sources/USPTO_PASDL_DAILY/trigger")
    assert trigger.status_code == 409
    assert trigger.json()["error"]["details"]["reason"] == "source_paused"

    # What the 02:00 cron entry queues: the task runs, and does nothing.
    await queue.enqueue(INGEST_ASSIGNMENTS, day=DAY.isoformat())
    assert await _run_worker(uspto_settings) == (1, 0)
    assert server.hits(NAME) == []
    assert await _sql(admin_engine, "SELECT count(*) FROM ingestion_jobs") == [(0,)]
    assert (await table_counts(admin_engine))["assignments"] == 0

    r = await sa.post(f"{BASE}/sources/USPTO_PASDL_DAILY/resume")
    assert r.status_code == 200 and r.json()["data"]["paused"] is False
    assert r.json()["data"]["nextRunAt"] is not None
    await queue.enqueue(INGEST_ASSIGNMENTS, day=DAY.isoformat())
    assert await _run_worker(uspto_settings) == (1, 0)
    assert len(server.hits(NAME)) == 1
    assert (await table_counts(admin_engine))["assignments"] == 199

    assert (await sa.post(f"{BASE}/sources/NOPE/pause")).status_code == 404
    assert (await sa.post(f"{BASE}/sources/NOPE/resume")).status_code == 404


async def test_the_scheduler_skips_a_paused_source(
    sa: httpx.AsyncClient,
    app: FastAPI,
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
) -> None:
    await _source(admin_engine, "USPTO_GRANTS_BIBLIO", cron="0 4 * * 2")
    queue: JobQueue = app.state.queue
    ctx = {"queue": queue, "sessionmaker": sessions}
    grants_cron = _scheduled_enqueue(Schedule(INGEST_GRANTS, {"weekday": 1, "hour": 4}))
    cpc_cron = _scheduled_enqueue(Schedule(INGEST_CPC_MASTER, {"day": 1, "hour": 3}))

    assert (await sa.post(f"{BASE}/sources/USPTO_GRANTS_BIBLIO/pause")).status_code == 200
    await grants_cron(ctx)
    await cpc_cron(ctx)  # no row yet (never ran): never paused, so scheduled
    queued = [k.decode() for k in await queue.redis.zrange(queue.queue_name, 0, -1)]
    assert [k.split(":")[1] for k in queued] == [INGEST_CPC_MASTER]

    assert (await sa.post(f"{BASE}/sources/USPTO_GRANTS_BIBLIO/resume")).status_code == 200
    await grants_cron(ctx)
    queued = [k.decode() for k in await queue.redis.zrange(queue.queue_name, 0, -1)]
    assert sorted(k.split(":")[1] for k in queued) == sorted([INGEST_CPC_MASTER, INGEST_GRANTS])


def test_the_apis_source_names_are_the_workers() -> None:
    for source, task in SOURCE_TASKS.items():
        assert _cron_source(task) == source
