"""Live ingestion progress over SSE, queue pause/resume and the operations metrics (issue 9;
api.md §3.5, §4): a real Arq worker loads the sample assignment file while a client on
`GET /admin/ingestion/stream` (uvicorn on loopback) receives the progress in order, a
second client resumes with Last-Event-ID, a trimmed gap gets `resync`; a paused queue
holds a job without spending its retries and a resume runs it; `/metrics` exposes the
job, queue, ingestion, pipeline-step and freshness series with the run's values."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from arq.constants import retry_key_prefix
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

import worker.tasks  # noqa: F401  (registers every task)
from api.routes import admin_events
from patentrack.settings import Settings
from tests.api.auth_support import account, sign_in
from tests.api.sse_support import access_cookie, serve, sse_frames
from tests.conftest import client_for
from tests.ingest_helpers import SAMPLE_ZIP
from worker import jobs, queue_pause
from worker.ingestion import progress, progress_stream
from worker.runtime import build_worker
from worker.task_names import INGEST_ASSIGNMENTS, PIPELINE_RUN

pytestmark = pytest.mark.usefixtures("clean_tables")

STREAM = "/api/v1/admin/ingestion/stream"
SOURCE = "USPTO_PASDL_DAILY"


@pytest.fixture(autouse=True)
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(admin_events, "HEARTBEAT_S", 0.3)
    monkeypatch.setattr(progress, "MIN_INTERVAL_S", 0.0)  # every batch publishes
    monkeypatch.setattr(queue_pause, "PAUSED_RECHECK_S", 0.2)


@pytest.fixture
async def queue(settings: Settings, redis: Redis) -> AsyncIterator[jobs.JobQueue]:
    assert settings.redis_url
    arq_redis = await jobs.connect_redis(settings.redis_url)
    yield jobs.JobQueue(arq_redis)
    await arq_redis.aclose()


@pytest.fixture
def small_batches(settings: Settings) -> Settings:
    return settings.model_copy(update={"ingest_batch_size": 40})


@pytest.fixture
def server(small_batches: Settings, redis: Redis) -> Iterator[str]:
    with serve(small_batches) as base:
        yield base


@dataclass
class Received:
    events: list[dict[str, str]] = field(default_factory=list)
    connected: asyncio.Event = field(default_factory=asyncio.Event)

    def named(self, *names: str) -> list[dict[str, str]]:
        return [e for e in self.events if e.get("event") in names]


async def _listen(
    base: str, cookie: str, into: Received, *, query: str = "", last_id: str | None = None,
    until: str = "ingestion-complete",
) -> None:  # fmt: skip
    headers = {"Cookie": cookie}
    if last_id:
        headers["Last-Event-ID"] = last_id
    async with (
        httpx.AsyncClient(base_url=base, timeout=60) as client,
        client.stream("GET", STREAM + query, headers=headers) as r,
    ):
        assert r.status_code == 200, await r.aread()
        assert r.headers["content-type"].startswith("text/event-stream")
        async for frame in sse_frames(r):
            into.events.append(frame)
            if frame.get("event") == "connected":
                into.connected.set()
            if frame.get("event") == until:
                return


async def _drain(settings: Settings) -> tuple[int, int]:
    w = build_worker(settings, burst=True, handle_signals=False)
    await w.async_run()
    await w.close()
    return w.jobs_complete, w.jobs_failed


async def test_an_admin_watches_a_real_ingestion_and_resumes_after_a_disconnect(
    server: str,
    small_batches: Settings,
    redis: Redis,
    admin_engine: AsyncEngine,
    queue: jobs.JobQueue,
) -> None:
    sa = await account(admin_engine, "super_admin")
    cookie = await access_cookie(small_batches, redis, sa)
    live = Received()
    listener = asyncio.create_task(_listen(server, cookie, live, query=f"?source={SOURCE}"))
    await asyncio.wait_for(live.connected.wait(), 15)

    job_id = await queue.enqueue(INGEST_ASSIGNMENTS, files=[str(SAMPLE_ZIP)])
    assert await _drain(small_batches) == (1, 0)
    await asyncio.wait_for(listener, 30)

    async with admin_engine.connect() as conn:
        row = (
            await conn.execute(text("SELECT id, records_processed, status FROM ingestion_jobs"))
        ).one()
    ingestion_id, processed, status = row
    assert status == "success" and processed > 150

    relayed = [e for e in live.events if e.get("event") != "connected"]
    ids = [progress_stream.parse_id(e["id"]) for e in relayed]
    assert ids == sorted(set(ids))  # stream order, no duplicates
    bodies = [json.loads(e["data"]) for e in relayed]
    assert all(b["jobId"] == job_id and b["source"] == SOURCE for b in bodies)
    moving = [b for b in bodies if b["event"] == "ingestion-progress" and b["step"] == "load"]
    assert bodies[0]["event"] == "ingestion-progress" and bodies[0]["step"] == "start"
    assert len(moving) >= 3  # a batch of 40 records each, one event per batch here
    counts = [b["recordsProcessed"] for b in moving]
    assert counts == sorted(counts) and counts[-1] == processed
    percents = [b["progress"] for b in moving]
    assert percents == sorted(percents) and 0 < percents[0] < 100 and percents[-1] >= 99
    assert all(b["currentFile"] == SAMPLE_ZIP.name for b in moving)
    assert all(b["ingestionJobId"] == str(ingestion_id) for b in moving)
    assert moving[-1]["bytesRead"] > 0 and moving[-1]["recordsPerSecond"] > 0
    done = bodies[-1]
    assert done["event"] == "ingestion-complete" and done["status"] == "success"
    assert done["recordsProcessed"] == processed and done["duration"] >= 0

    # A client that dropped after the second event reconnects with Last-Event-ID and gets
    # exactly the rest, in order, from the stream's replay.
    resumed = Received()
    await asyncio.wait_for(_listen(server, cookie, resumed, last_id=relayed[1]["id"]), 30)
    again = [e for e in resumed.events if e.get("event") != "connected"]
    assert [e["id"] for e in again] == [e["id"] for e in relayed[2:]]
    assert [e["data"] for e in again] == [e["data"] for e in relayed[2:]]

    # Redis trimmed the gap: the client is told to resync instead of getting a partial replay.
    await redis.xtrim(progress_stream.ADMIN_STREAM, maxlen=0, approximate=False)
    trimmed = Received()
    await asyncio.wait_for(
        _listen(server, cookie, trimmed, last_id=relayed[1]["id"], until="resync"), 30
    )
    assert [e["event"] for e in trimmed.events] == ["connected", "resync"]


async def test_a_member_or_org_admin_cannot_open_the_ingestion_stream(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    for role in ("org_member", "org_admin"):
        async with client_for(app) as c:
            await sign_in(app, c, await account(admin_engine, role))
            assert (await c.get(STREAM)).status_code == 403
    async with client_for(app) as c:
        await sign_in(app, c, await account(admin_engine, "super_admin"))
        bad = await c.get(STREAM, headers={"Last-Event-ID": "not-an-id"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "VALIDATION_ERROR"


async def test_pause_stops_consumption_and_resume_restarts_it(
    app: FastAPI,
    small_batches: Settings,
    redis: Redis,
    admin_engine: AsyncEngine,
    queue: jobs.JobQueue,
) -> None:
    async with client_for(app) as c:
        await sign_in(app, c, await account(admin_engine, "super_admin"))
        paused = await c.patch(
            "/api/v1/admin/ingestion/queues/ingestion",
            json={"paused": True, "reason": "maintenance"},
        )
        assert paused.status_code == 200, paused.text
        body = paused.json()["data"]
        assert body["paused"] is True and body["reason"] == "maintenance" and body["pausedAt"]
        # Pausing twice keeps the first pause (and announces it once).
        assert (
            await c.patch("/api/v1/admin/ingestion/queues/ingestion", json={"paused": True})
        ).json()["data"]["pausedAt"] == body["pausedAt"]
        unknown = await c.patch("/api/v1/admin/ingestion/queues/nope", json={"paused": True})
        assert unknown.status_code == 400

        job_id = await queue.enqueue(INGEST_ASSIGNMENTS, files=[str(SAMPLE_ZIP)])
        assert job_id is not None
        w = build_worker(small_batches, burst=True, handle_signals=False)
        running = asyncio.create_task(w.async_run())
        # The worker took the job and put it back: deferred, its try given back, no load.
        for _ in range(600):
            if await redis.exists(retry_key_prefix + job_id) and (
                await queue.status(job_id) == "deferred"
            ):
                break
            await asyncio.sleep(0.05)
        assert await queue.status(job_id) == "deferred"
        assert int(await redis.get(retry_key_prefix + job_id) or 0) == 0
        async with admin_engine.connect() as conn:
            n = (await conn.execute(text("SELECT count(*) FROM ingestion_jobs"))).scalar()
        assert n == 0 and w.jobs_complete == 0

        resumed = await c.patch("/api/v1/admin/ingestion/queues/ingestion", json={"paused": False})
        assert resumed.json()["data"] == {
            "queue": "ingestion", "paused": False, "pausedAt": None, "reason": None,
        }  # fmt: skip
    await asyncio.wait_for(running, 60)  # the burst worker ends once the job ran
    await w.close()
    assert w.jobs_complete == 1 and w.jobs_failed == 0
    async with admin_engine.connect() as conn:
        status = (await conn.execute(text("SELECT status FROM ingestion_jobs"))).scalar()
    assert status == "success"
    announced = await progress_stream.after(redis, "0-0")
    queue_events = [e for e in announced if e.event.startswith("queue-")]
    assert [(e.event, e.data["queue"]) for e in queue_events] == [
        ("queue-paused", "ingestion"),
        ("queue-resumed", "ingestion"),
    ]
    assert queue_events[0].data["reason"] == "maintenance" and queue_events[0].data["at"]


def _samples(body: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(body):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


async def test_metrics_expose_jobs_queues_records_steps_and_freshness(
    app: FastAPI,
    small_batches: Settings,
    redis: Redis,
    admin_engine: AsyncEngine,
    queue: jobs.JobQueue,
) -> None:
    org = await account(admin_engine, "org_admin")
    await queue.enqueue(INGEST_ASSIGNMENTS, files=[str(SAMPLE_ZIP)])
    await queue.enqueue(PIPELINE_RUN, job_id=f"pipeline:org:{org.org_id}",
                        organization_id=str(org.org_id), reason="metrics test")  # fmt: skip
    assert await _drain(small_batches) == (2, 0)
    await queue.enqueue(INGEST_ASSIGNMENTS, job_id="waiting", defer_by=3600)

    async with client_for(app) as c:
        r = await c.get("/metrics")
    assert r.status_code == 200
    m = _samples(r.text)
    async with admin_engine.connect() as conn:
        sql = text("SELECT records_processed FROM ingestion_jobs")
        processed = (await conn.execute(sql)).scalar()

    def v(name: str, **labels: str) -> float:
        return m[(name, tuple(sorted(labels.items())))]

    assert v("patentrack_job_runs_total", task=INGEST_ASSIGNMENTS, status="success") == 1
    assert v("patentrack_job_runs_total", task=PIPELINE_RUN, status="success") == 1
    assert v("patentrack_job_duration_seconds_count", task=INGEST_ASSIGNMENTS) == 1
    assert v("patentrack_job_duration_seconds_sum", task=INGEST_ASSIGNMENTS) > 0
    assert v("patentrack_job_duration_seconds_bucket", task=INGEST_ASSIGNMENTS, le="+Inf") == 1
    assert v("patentrack_records_ingested_total", source=SOURCE) == processed
    for step in ("classify", "flag", "tree", "timeline", "broken_title", "dashboard",
                 "summary", "generate_json"):  # fmt: skip
        assert v("patentrack_pipeline_step_duration_seconds_count", step=step) == 1
    assert v("patentrack_queue_depth", queue=jobs.DEFAULT_QUEUE) == 1
    assert v("patentrack_queue_paused", queue="ingestion") == 0
    age = v("patentrack_data_freshness_seconds", source=SOURCE)
    assert 0 <= age < 3600  # loaded moments ago
    assert v("patentrack_data_stale_after_seconds", source=SOURCE) == 48 * 3600
    assert any(name == "patentrack_http_requests_total" for name, _ in m)
