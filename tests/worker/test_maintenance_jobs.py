"""Housekeeping jobs (worker/maintenance_jobs.py): share access-log retention
(domain-model §8) and the start-up dashboard warm-up (api.md §5.2), run as the worker's
own database role against real Postgres and Redis."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from arq import ArqRedis
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from db.repos import org_data_version
from patentrack.settings import Settings
from tests.api.auth_support import seed_org, seed_user, sign_in
from tests.conftest import client_for
from tests.factories import create_share_link
from worker import jobs, maintenance_jobs
from worker.jobs import JobContext, JobQueue, connect_redis
from worker.runtime import _shutdown, build_scheduler, build_worker
from worker.task_names import SHARE_ACCESS_LOG_RETENTION, WARM_DASHBOARDS

pytestmark = pytest.mark.usefixtures("clean_tables")


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=2)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def arq(settings: Settings) -> AsyncIterator[ArqRedis]:
    assert settings.redis_url
    client = await connect_redis(settings.redis_url)
    yield client
    await client.aclose()


def _ctx(
    arq: ArqRedis, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> JobContext:
    return JobContext(
        job_id="t",
        job_try=1,
        redis=arq,
        sessionmaker=sessions,
        queue=JobQueue(arq),
        extras={"settings": settings},
    )


async def _log(
    conn: AsyncConnection, org: uuid.UUID, link: uuid.UUID, days_ago: float
) -> uuid.UUID:
    row = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO share_access_logs (id, organization_id, share_link_id, ip_address,"
            " user_agent, outcome, accessed_at)"
            " VALUES (:id, :org, :link, '203.0.113.9', 'ua', 'ok',"
            "         now() - make_interval(secs => :secs))"
        ),
        {"id": row, "org": org, "link": link, "secs": days_ago * 86400},
    )
    return row


async def _ids(engine: AsyncEngine, sql: str) -> set[uuid.UUID]:
    async with engine.connect() as conn:
        return set((await conn.execute(text(sql))).scalars())


async def test_retention_deletes_old_access_logs_in_every_org_and_nothing_else(
    admin_engine: AsyncEngine,
    arq: ArqRedis,
    worker_sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    assert settings.share_access_log_retention_days == 90  # the documented default
    orgs = [await seed_org(admin_engine), await seed_org(admin_engine)]
    old, recent, links = set(), set(), set()
    async with admin_engine.begin() as conn:
        for org in orgs:
            link = await create_share_link(conn, org)
            links.add(link)
            old |= {await _log(conn, org, link, 91), await _log(conn, org, link, 400)}
            recent |= {await _log(conn, org, link, 89), await _log(conn, org, link, 0)}
    assets_before = await _ids(admin_engine, "SELECT id FROM assets")

    ctx = _ctx(arq, worker_sessions, settings)
    assert await maintenance_jobs.share_access_log_retention(ctx) == 4
    assert await _ids(admin_engine, "SELECT id FROM share_access_logs") == recent
    # The links, their assets and everything else stay.
    assert await _ids(admin_engine, "SELECT id FROM share_links") == links
    assert await _ids(admin_engine, "SELECT id FROM assets") == assets_before
    assert await maintenance_jobs.share_access_log_retention(ctx) == 0  # idempotent

    # The period is the setting's.
    short = settings.model_copy(update={"share_access_log_retention_days": 1})
    assert await maintenance_jobs.share_access_log_retention(_ctx(arq, worker_sessions, short)) == 2
    assert len(await _ids(admin_engine, "SELECT id FROM share_access_logs")) == 2


def test_retention_runs_daily_through_the_job_facade(settings: Settings) -> None:
    entries = [s for s in jobs.SCHEDULES if s.task == SHARE_ACCESS_LOG_RETENTION]
    assert [e.cron for e in entries] == [{"hour": 3, "minute": 15, "second": 0}]
    assert SHARE_ACCESS_LOG_RETENTION in jobs.TASKS and WARM_DASHBOARDS in jobs.TASKS
    scheduler = build_scheduler(settings)
    assert f"cron:{SHARE_ACCESS_LOG_RETENTION}" in {c.name for c in scheduler.cron_jobs}


async def _recently_run(
    engine: AsyncEngine, org: uuid.UUID, *, days_ago: float, assets: int
) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO org_pipeline_state (organization_id, last_success_at)"
                " VALUES (:o, now() - make_interval(secs => :secs))"
            ),
            {"o": org, "secs": days_ago * 86400},
        )
        await conn.execute(
            text(
                "INSERT INTO summary_metrics (organization_id, asset_count, ruleset_version,"
                " run_id) VALUES (:o, :n, 'test', gen_random_uuid())"
            ),
            {"o": org, "n": assets},
        )


async def test_warm_up_fills_the_summary_of_recently_run_live_orgs_only(
    app: FastAPI,
    admin_engine: AsyncEngine,
    redis: Redis,
    arq: ArqRedis,
    worker_sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    fresh, older = await seed_org(admin_engine), await seed_org(admin_engine)
    stale, suspended = await seed_org(admin_engine), await seed_org(admin_engine)
    idle = await seed_org(admin_engine)  # never run: nothing to warm
    await _recently_run(admin_engine, fresh, days_ago=0.1, assets=7)
    await _recently_run(admin_engine, older, days_ago=3, assets=5)
    await _recently_run(admin_engine, stale, days_ago=8, assets=3)
    await _recently_run(admin_engine, suspended, days_ago=1, assets=2)
    async with admin_engine.begin() as conn:
        await conn.execute(
            text("UPDATE organizations SET status = 'suspended' WHERE id = :o"),
            {"o": suspended},
        )
    # A Redis flush: no orgver, no dashboards. orgver of `older` is 4 in Postgres.
    async with admin_engine.begin() as conn:
        await conn.execute(
            text("UPDATE org_pipeline_state SET data_version = 4 WHERE organization_id = :o"),
            {"o": older},
        )
    ctx = _ctx(arq, worker_sessions, settings)

    # The cap keeps the most recently run orgs.
    assert await maintenance_jobs.warm_dashboards(ctx, limit=1) == 1
    assert await redis.exists(org_data_version.dashboard_key(fresh, 0))
    assert not await redis.exists(org_data_version.dashboard_key(older, 4))

    assert await maintenance_jobs.warm_dashboards(ctx) == 1  # `fresh` is already warm
    warm_older = await redis.get(org_data_version.dashboard_key(older, 4))
    assert warm_older is not None  # under the version reloaded from Postgres
    assert await org_data_version.cached(redis, older) == 4
    for org in (stale, suspended, idle):
        assert not [k async for k in redis.scan_iter(f"org:{org}:*")], org

    # What the API serves from the warmed key is what it would have computed itself.
    member = await seed_user(admin_engine, fresh)
    warm = await redis.get(org_data_version.dashboard_key(fresh, 0))
    assert warm is not None and json.loads(warm)["data"]["metrics"][0]["totalAssets"] == 7
    async with client_for(app) as c:
        await sign_in(app, c, member)
        served = await c.get("/api/v1/dashboards/summary")
        assert served.status_code == 200 and served.content == warm  # a cache hit
        await redis.delete(org_data_version.dashboard_key(fresh, 0))
        computed = await c.get("/api/v1/dashboards/summary")
    assert computed.status_code == 200
    assert computed.json() == json.loads(warm)  # the worker's body matches the API's
    assert computed.content == warm


async def test_worker_start_up_queues_one_warm_up(settings: Settings, redis: Redis) -> None:
    assert settings.redis_url
    contexts: list[dict[str, Any]] = []

    async def start(worker: Any) -> dict[str, Any]:
        assert settings.redis_url
        ctx: dict[str, Any] = {"redis": await connect_redis(settings.redis_url)}
        contexts.append(ctx)
        await worker.on_startup(ctx)
        return ctx

    try:
        # A burst worker (tests, one-off drains) and the scheduler queue nothing.
        await start(build_worker(settings, burst=True))
        await start(build_scheduler(settings))
        assert await redis.zcard(jobs.DEFAULT_QUEUE) == 0
        # Long-running workers do; two starting together queue one job.
        first = await start(build_worker(settings))
        await start(build_worker(settings))
        queue: JobQueue = first["queue"]
        assert await queue.status(maintenance_jobs.WARM_JOB_ID) == "queued"
        assert await redis.zcard(jobs.DEFAULT_QUEUE) == 1
    finally:
        for ctx in contexts:
            await _shutdown(ctx)
            await ctx["redis"].aclose()
