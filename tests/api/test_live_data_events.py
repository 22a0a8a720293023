"""api.md §4 data events on `GET /api/v1/events/stream`, end to end over real HTTP: a real
ingestion of the sample file brings `new-assignments`, the pipeline it queues runs in a
real Arq worker and ends with `run.finished`, `dashboard-refresh`, `pipeline-complete`;
a failing run ends with `run.failed`, `pipeline-complete` (status failed). Every body
validates against its OpenAPI component schema (api/schemas/sse.py)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from api.schemas.sse import (
    SseDashboardRefresh,
    SseNewAssignments,
    SsePipelineComplete,
    SsePipelineProgress,
)
from db.engine import make_engine, make_sessionmaker
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.api.auth_support import account
from tests.api.sse_support import access_cookie, sse_frames
from tests.api.test_events_stream import (  # noqa: F401  (fixtures: server, fast heartbeat)
    STREAM,
    fast_heartbeat,
    no_slow_retries,
    server,
)
from tests.factories import create_asset
from tests.ingest_helpers import SAMPLE_ZIP
from worker import jobs
from worker.ingestion.run import run_assignments
from worker.pipeline import dag
from worker.pipeline.env import RunEnv, StepResult
from worker.pipeline.triggers import request_pipeline
from worker.runtime import build_worker

pytestmark = pytest.mark.usefixtures("clean_tables")

APPNO = "14678893"  # an application in the sample file (reel/frame 037388-0092)


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


async def _listen(
    base: str, cookie: str, into: list[tuple[int, str, dict]], ready: asyncio.Event
) -> None:
    """An SSE client: (id, event, data) of every stored event until `pipeline-complete`."""
    async with (
        httpx.AsyncClient(base_url=base, timeout=60) as client,
        client.stream("GET", STREAM, headers={"Cookie": cookie}) as r,
    ):
        assert r.status_code == 200
        async for frame in sse_frames(r):
            if frame.get("event") == "connected":
                ready.set()
            elif "id" in frame:
                body = json.loads(frame["data"])
                assert body["id"] == int(frame["id"]) and body["event"] == frame["event"]
                into.append((int(frame["id"]), frame["event"], body))
                if frame["event"] == "pipeline-complete":
                    return


async def _drain(settings: Settings) -> int:
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    return worker.jobs_failed


async def test_ingestion_then_pipeline_publish_the_data_events_in_order(
    server: str,  # noqa: F811  (the fixture imported above)
    settings: Settings,
    redis: Redis,
    admin_engine: AsyncEngine,
    sessions: async_sessionmaker[AsyncSession],
    queue: jobs.JobQueue,
) -> None:
    member = await account(admin_engine, "org_member")
    other = await account(admin_engine, "org_member")
    async with admin_engine.begin() as conn:
        await create_asset(conn, member.org_id, appno=APPNO)
    seen: list[tuple[int, str, dict]] = []
    ready = asyncio.Event()
    listener = asyncio.create_task(
        _listen(server, await access_cookie(settings, redis, member), seen, ready)
    )
    await asyncio.wait_for(ready.wait(), 10)

    result = await run_assignments(sessions, settings, queue, files=[SAMPLE_ZIP])
    assert result.organizations == [member.org_id]
    assert await _drain(settings) == 0
    await asyncio.wait_for(listener, 60)

    async with admin_engine.connect() as conn:
        conveyances = (
            await conn.execute(
                text(
                    "SELECT count(DISTINCT a.rf_id) FROM assignments a"
                    " JOIN document_ids d ON d.assignment_id = a.id WHERE d.appno_doc_num = :n"
                ),
                {"n": APPNO},
            )
        ).scalar_one()
    assert conveyances >= 1
    ids = [i for i, _, _ in seen]
    assert ids == sorted(set(ids))
    names = [n for _, n, _ in seen]
    # The load's notice first, then the queued run, then the run's data events.
    assert names[0] == "new-assignments" and names[1] == "run.started", names
    assert names[-3:] == ["run.finished", "dashboard-refresh", "pipeline-complete"], names
    assert names.count("pipeline-complete") == 1 and names.count("dashboard-refresh") == 1

    new = SseNewAssignments.model_validate(seen[0][2])
    assert (new.org_id, new.count, new.refresh_needed) == (member.org_id, conveyances, True)
    refresh = SseDashboardRefresh.model_validate(seen[-2][2])
    assert (refresh.org_id, refresh.data_type) == (member.org_id, "summary")
    done = SsePipelineComplete.model_validate(seen[-1][2])
    run_id = SsePipelineProgress.model_validate(seen[1][2]).run_id
    assert (done.org_id, done.status, done.trigger, done.run_id) == (
        member.org_id,
        "completed",
        "ingestion",
        run_id,
    )
    async with admin_engine.connect() as conn:
        took = (
            await conn.execute(
                text(
                    "SELECT (extract(epoch FROM completed_at - started_at) * 1000)::bigint"
                    " FROM processing_jobs WHERE id = :i"
                ),
                {"i": run_id},
            )
        ).scalar_one()
    assert abs(done.duration - took) <= 1 and done.duration > 0
    for _, name, body in seen[1:-2]:
        assert SsePipelineProgress.model_validate(body).event == name

    # The other org's replay list holds none of it.
    assert await redis.llen(f"pipeline:org:{other.org_id}:events") == 0  # type: ignore[misc]


async def test_failed_run_ends_with_pipeline_complete_failed(
    server: str,  # noqa: F811  (the fixture imported above)
    settings: Settings,
    redis: Redis,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    member = await account(admin_engine, "org_member")

    async def broken(env: RunEnv) -> StepResult:
        raise RuntimeError("tree step broke")

    monkeypatch.setitem(dag.STEPS, "tree", broken)
    seen: list[tuple[int, str, dict]] = []
    ready = asyncio.Event()
    listener = asyncio.create_task(
        _listen(server, await access_cookie(settings, redis, member), seen, ready)
    )
    await asyncio.wait_for(ready.wait(), 10)

    assert settings.redis_url
    arq_redis = await jobs.connect_redis(settings.redis_url)
    engine = make_engine(settings.app_db_url(), pool_size=1)
    try:
        ctx = TenantContext.for_org(member.org_id, role="org_admin")
        async with tenant_session(make_sessionmaker(engine), ctx) as session:
            await request_pipeline(
                jobs.JobQueue(arq_redis), session, member.org_id, "company added"
            )
    finally:
        await engine.dispose()
        await arq_redis.aclose()
    assert await _drain(settings) == 1
    await asyncio.wait_for(listener, 60)

    names = [n for _, n, _ in seen]
    assert names[-2:] == ["run.failed", "pipeline-complete"], names
    assert "dashboard-refresh" not in names
    done = SsePipelineComplete.model_validate(seen[-1][2])
    assert (done.status, done.trigger, done.org_id) == ("failed", "companies", member.org_id)
    assert str(done.run_id) == seen[0][2]["runId"]
    assert isinstance(done.run_id, uuid.UUID) and done.duration >= 0
