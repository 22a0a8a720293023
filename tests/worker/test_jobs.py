"""The job facade end to end: real Redis, a real Arq worker, real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from arq.worker import Worker
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import make_engine, make_sessionmaker
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.api.auth_support import account, sign_in
from worker import jobs
from worker.runtime import build_worker
from worker.task_names import SYSTEM_PROBE

pytestmark = pytest.mark.usefixtures("clean_tables")


async def _drain(settings: Settings) -> Worker:
    """Run a real Arq worker until the queue is empty."""
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    return worker


@pytest.fixture
async def queue(redis: Redis, settings: Settings) -> AsyncIterator[jobs.JobQueue]:
    assert settings.redis_url
    arq_redis = await jobs.connect_redis(settings.redis_url)
    yield jobs.JobQueue(arq_redis)
    await arq_redis.aclose()


async def _probe_rows(admin_engine: AsyncEngine) -> list[tuple[str, str, str | None]]:
    async with admin_engine.connect() as conn:
        rows = await conn.execute(text("SELECT job_id, worker_role, request_id FROM worker_probes"))
        return [tuple(r) for r in rows]


async def test_round_trip_endpoint_to_worker_to_postgres(
    client: httpx.AsyncClient,
    app: FastAPI,
    settings: Settings,
    admin_engine: AsyncEngine,
    redis: Redis,
) -> None:
    # Probes are platform operations: a super admin asks for one (D5).
    await sign_in(app, client, await account(admin_engine, "super_admin"))
    created = await client.post(
        "/api/v1/system/probes", json={"note": "hello"}, headers={"X-Request-ID": "probe-req-0001"}
    )
    assert created.status_code == 202
    job_id = created.json()["data"]["jobId"]
    pending = await client.get(f"/api/v1/system/probes/{job_id}")
    assert pending.json()["data"]["status"] == "queued"

    worker = await _drain(settings)
    assert worker.jobs_complete == 1 and worker.jobs_failed == 0

    done = (await client.get(f"/api/v1/system/probes/{job_id}")).json()["data"]
    assert done["status"] == "complete"
    assert done["workerRole"] == "patentrack_worker"  # the worker's own non-owner role
    assert await _probe_rows(admin_engine) == [(job_id, "patentrack_worker", "probe-req-0001")]


async def test_job_enqueued_in_a_rolled_back_transaction_never_runs(
    settings: Settings, queue: jobs.JobQueue, admin_engine: AsyncEngine
) -> None:
    engine = make_engine(settings.app_db_url(), pool_size=1)
    sessions = make_sessionmaker(engine)
    with pytest.raises(RuntimeError):
        async with tenant_session(sessions, TenantContext.anonymous()) as session:
            job_id = queue.enqueue_after_commit(session, SYSTEM_PROBE, note="never")
            raise RuntimeError("the request failed after asking for the job")
    await engine.dispose()
    assert await queue.status(job_id) == "not_found"
    worker = await _drain(settings)
    assert worker.jobs_complete == 0
    assert await _probe_rows(admin_engine) == []


async def test_job_is_enqueued_only_after_commit(settings: Settings, queue: jobs.JobQueue) -> None:
    engine = make_engine(settings.app_db_url(), pool_size=1)
    sessions = make_sessionmaker(engine)
    async with tenant_session(sessions, TenantContext.anonymous()) as session:
        job_id = queue.enqueue_after_commit(session, SYSTEM_PROBE, note="later")
        # Still inside the transaction: nothing is on the queue yet.
        assert await queue.status(job_id) == "not_found"
    await engine.dispose()
    assert await queue.status(job_id) == "queued"


async def test_unique_job_id_deduplicates(
    queue: jobs.JobQueue, settings: Settings, admin_engine: AsyncEngine
) -> None:
    first = await queue.enqueue(SYSTEM_PROBE, job_id="probe-once")
    second = await queue.enqueue(SYSTEM_PROBE, job_id="probe-once")
    assert first == "probe-once" and second is None
    await _drain(settings)
    assert len(await _probe_rows(admin_engine)) == 1


async def test_unknown_task_is_refused(queue: jobs.JobQueue) -> None:
    with pytest.raises(jobs.UnknownTask):
        await queue.enqueue("no.such.task")


async def test_failing_task_is_retried_then_succeeds(
    queue: jobs.JobQueue,
    settings: Settings,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts: list[int] = []
    original = jobs.TASKS[SYSTEM_PROBE]

    async def flaky(ctx: jobs.JobContext, *, note: str | None = None) -> str:
        attempts.append(ctx.job_try)
        if ctx.job_try < 2:
            raise ConnectionError("transient")
        return str(await original.fn(ctx, note=note))

    monkeypatch.setitem(
        jobs.TASKS, SYSTEM_PROBE, jobs.TaskDef(SYSTEM_PROBE, flaky, 2, 30, backoff_s=0.01)
    )
    await queue.enqueue(SYSTEM_PROBE, job_id="flaky-1")
    worker = await _drain(settings)
    assert attempts == [1, 2]
    assert worker.jobs_retried == 1 and worker.jobs_complete == 1
    assert len(await _probe_rows(admin_engine)) == 1


def test_schedule_hook_registers_the_heartbeat() -> None:
    import worker.tasks  # noqa: F401
    from worker.runtime import build_scheduler

    assert any(s.task == "system.heartbeat" for s in jobs.SCHEDULES)
    scheduler = build_scheduler(
        Settings(
            environment="development",
            redis_url="redis://127.0.0.1:6379/0",
            database_url="postgresql://x@localhost/x",
        ),
        handle_signals=False,
    )
    names = {c.name for c in scheduler.cron_jobs}
    assert {"cron:system.heartbeat", "cron:ingest.assignments"} <= names


async def test_permanent_failure_is_not_retried(
    queue: jobs.JobQueue, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[int] = []

    async def misconfigured(ctx: jobs.JobContext, *, note: str | None = None) -> str:
        attempts.append(ctx.job_try)
        raise jobs.PermanentJobError("credentials are not configured")

    monkeypatch.setitem(
        jobs.TASKS, SYSTEM_PROBE, jobs.TaskDef(SYSTEM_PROBE, misconfigured, 3, 30, backoff_s=0.01)
    )
    await queue.enqueue(SYSTEM_PROBE, job_id="permanent-1")
    worker = await _drain(settings)
    assert attempts == [1]
    assert (worker.jobs_failed, worker.jobs_retried) == (1, 0)
