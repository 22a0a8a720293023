"""HTTP cache classes (api.md §5.1), the org data version and the Redis cache-aside (§5.2),
over the real app, Postgres and Redis."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from api.caching import CacheClass, cache_class_of, etag_matches
from db.engine import make_engine, make_sessionmaker
from db.repos import org_data_version
from patentrack.settings import Settings
from tests.api.auth_support import Account, account, seed_user, sign_in
from tests.api.test_rbac import _api_routes
from tests.conftest import client_for
from tests.worker.pipeline.sample_org import create_sample_org, load_sample
from worker.pipeline.runner import PipelineRunner

pytestmark = pytest.mark.usefixtures("clean_tables")

API = "/api/v1"
SUMMARY = f"{API}/dashboards/summary"
PV_ETAG = re.compile(r'W/"v(\d+)-[0-9a-f]{32}"')
BODY_ETAG = re.compile(r'"[0-9a-f]{32}"')


async def _client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _summary_row(engine: AsyncEngine, org: uuid.UUID, assets: int) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO summary_metrics (organization_id, asset_count, ruleset_version,"
                " run_id) VALUES (:o, :n, 'test', gen_random_uuid())"
            ),
            {"o": org, "n": assets},
        )


async def _set_assets(engine: AsyncEngine, org: uuid.UUID, assets: int) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text("UPDATE summary_metrics SET asset_count = :n WHERE organization_id = :o"),
            {"o": org, "n": assets},
        )


def _total_assets(r: httpx.Response) -> int:
    assert r.status_code == 200, r.text
    return int(r.json()["data"]["metrics"][0]["totalAssets"])


def _vary(r: httpx.Response) -> set[str]:
    return {v.strip() for v in r.headers.get("vary", "").split(",") if v.strip()}


class _NoDatabase:
    """Stands in for the app's sessionmaker: any DB access fails the request loudly."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the database was touched")


async def test_pv_etag_is_answered_304_before_any_database_access(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    member = await account(admin_engine, "org_member")
    await _summary_row(admin_engine, member.org_id, 7)
    async with await _client(app, member) as c:
        r = await c.get(SUMMARY)
        assert _total_assets(r) == 7
        assert r.headers["cache-control"] == "private, no-cache"
        assert {"Origin", "Cookie"} <= _vary(r)
        etag = r.headers["etag"]
        match = PV_ETAG.fullmatch(etag)
        assert match and match.group(1) == "0"
        # The same path with the query in another order is the same representation.
        a = await c.get(f"{API}/assets?sort=title&order=asc")
        b = await c.get(f"{API}/assets?order=asc&sort=title")
        assert a.headers["etag"] == b.headers["etag"] != etag
        real = app.state.sessionmaker
        app.state.sessionmaker = _NoDatabase()
        try:
            r304 = await c.get(SUMMARY, headers={"If-None-Match": f'"other", {etag}'})
            assert r304.status_code == 304 and r304.content == b""
            assert r304.headers["etag"] == etag
            assert r304.headers["cache-control"] == "private, no-cache"
            assert {"Origin", "Cookie"} <= _vary(r304)
            # Without a matching validator the request needs the database: proof that the
            # 304 above was decided before the request's session was opened.
            r500 = await c.get(f"{API}/assets", headers={"If-None-Match": '"nope"'})
            assert r500.status_code == 500
        finally:
            app.state.sessionmaker = real
        # `*` is not honoured before the route runs: an unknown asset is still a 404.
        missing = await c.get(f"{API}/assets/{uuid.uuid4()}", headers={"If-None-Match": "*"})
        assert missing.status_code == 404
        assert missing.headers["cache-control"] == "no-store" and "etag" not in missing.headers


async def test_summary_is_served_from_redis_until_the_version_bumps(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    member = await account(admin_engine, "org_member")
    org = member.org_id
    await _summary_row(admin_engine, org, 7)
    async with await _client(app, member) as c:
        first = await c.get(SUMMARY)
        assert _total_assets(first) == 7
        stored = await redis.get(f"org:{org}:v0:dashboard")
        assert stored is not None and json.loads(stored) == first.json()
        # Change the row underneath: the cached summary is still served (no DB read).
        await _set_assets(admin_engine, org, 99)
        cached = await c.get(SUMMARY)
        assert _total_assets(cached) == 7
        assert cached.headers["etag"] == first.headers["etag"]
        # A per-company summary is its own page entry, not the org-level key.
        scoped = await c.get(SUMMARY, params={"companyId": str(uuid.uuid4())})
        assert scoped.status_code == 200
        assert [k async for k in redis.scan_iter(f"org:{org}:v0:q:summary:*")]
        # The pipeline's bump: a new version, so a new key and a new ETag.
        assert await org_data_version.bump(app.state.sessionmaker, redis, org) == 1
        fresh = await c.get(SUMMARY)
        assert _total_assets(fresh) == 99
        assert PV_ETAG.fullmatch(fresh.headers["etag"]).group(1) == "1"  # type: ignore[union-attr]
        old = await c.get(SUMMARY, headers={"If-None-Match": first.headers["etag"]})
        assert old.status_code == 200 and _total_assets(old) == 99
        assert await redis.exists(f"org:{org}:v1:dashboard") == 1


async def test_diagram_and_pages_are_cached_per_version(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    member = await account(admin_engine, "org_member")
    org = member.org_id
    async with admin_engine.begin() as conn:
        asset = (
            await conn.execute(
                text(
                    "INSERT INTO assets (organization_id, appno_doc_num) VALUES (:o, '99000002')"
                    " RETURNING id"
                ),
                {"o": org},
            )
        ).scalar_one()
        await conn.execute(
            text(
                "INSERT INTO asset_diagrams (organization_id, asset_id, is_broken, chain_status,"
                " diagram_json, ruleset_version, run_id) VALUES (:o, :a, false, 'complete',"
                " CAST(:j AS jsonb), 'test', gen_random_uuid())"
            ),
            {"o": org, "a": asset, "j": json.dumps({"nodes": [{"id": "one"}]})},
        )
    url = f"{API}/assets/{asset}/diagram"
    async with await _client(app, member) as c:
        assert (await c.get(url)).json() == {"data": {"nodes": [{"id": "one"}]}}
        assert await redis.exists(f"org:{org}:v0:tree:{asset}") == 1
        async with admin_engine.begin() as conn:
            await conn.execute(
                text("UPDATE asset_diagrams SET diagram_json = '{\"nodes\": []}'"),
            )
        assert (await c.get(url)).json() == {"data": {"nodes": [{"id": "one"}]}}
        # Pages: the query is part of the key, so each filter is its own entry.
        for path in ("trees", "timeline", "broken-titles"):
            r = await c.get(f"{API}/dashboards/{path}", params={"order": "asc"})
            assert r.status_code == 200, r.text
            keys = [k async for k in redis.scan_iter(f"org:{org}:v0:q:{path}:*")]
            assert len(keys) == 1 and json.loads(await redis.get(keys[0])) == r.json()
        # A 404 is never cached: an unknown asset leaves no entry behind.
        ghost = uuid.uuid4()
        assert (await c.get(f"{API}/assets/{ghost}/diagram")).status_code == 404
        assert await redis.exists(f"org:{org}:v0:tree:{ghost}") == 0
        await org_data_version.bump(app.state.sessionmaker, redis, org)
        assert (await c.get(url)).json() == {"data": {"nodes": []}}


async def test_version_survives_a_redis_flush_and_never_goes_back(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    member = await account(admin_engine, "org_member")
    org = member.org_id
    sm = app.state.sessionmaker
    assert await org_data_version.current(redis, sm, org) == 0
    assert await org_data_version.bump(sm, redis, org) == 1
    assert await org_data_version.bump(sm, redis, org) == 2
    await redis.flushdb()
    assert await org_data_version.cached(redis, org) is None
    async with await _client(app, member) as c:
        r = await c.get(SUMMARY)
    assert PV_ETAG.fullmatch(r.headers["etag"]).group(1) == "2"  # type: ignore[union-attr]
    assert await org_data_version.cached(redis, org) == 2
    # A reload that read an older row never overwrites a newer published version.
    assert await org_data_version.publish(redis, org, 5) == 5
    assert await org_data_version.publish(redis, org, 3) == 5
    assert await org_data_version.cached(redis, org) == 5
    # Another org's version is its own.
    other = await account(admin_engine, "org_member")
    assert await org_data_version.current(redis, sm, other.org_id) == 0


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=4)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def test_a_pipeline_run_bumps_the_version_and_invalidates_the_summary(
    app: FastAPI,
    admin_engine: AsyncEngine,
    redis: Redis,
    worker_sessions: async_sessionmaker[AsyncSession],
) -> None:
    assert await load_sample(admin_engine) == 199
    org, _ = await create_sample_org(admin_engine)
    runner = PipelineRunner(worker_sessions, redis)
    assert len((await runner.run(org, reason="test")).runs) == 1
    assert await org_data_version.cached(redis, org) == 1
    member = await seed_user(admin_engine, org, role="org_member")
    async with await _client(app, member) as c:
        before = await c.get(SUMMARY)
        real = _total_assets(before)
        await _set_assets(admin_engine, org, real + 1000)
        assert _total_assets(await c.get(SUMMARY)) == real  # cached under v1
        await runner.run(org, reason="again")
        async with admin_engine.connect() as conn:
            persisted = (
                await conn.execute(
                    text("SELECT data_version FROM org_pipeline_state WHERE organization_id = :o"),
                    {"o": org},
                )
            ).scalar_one()
        assert persisted == 2 and await org_data_version.cached(redis, org) == 2
        after = await c.get(SUMMARY)
        # The rerun recomputed the row (back to the real count) and the cache followed.
        assert _total_assets(after) == real
        assert after.headers["etag"] != before.headers["etag"]
        assert (
            await c.get(SUMMARY, headers={"If-None-Match": before.headers["etag"]})
        ).status_code == 200


async def test_pe_body_etag_ns_default_and_public_openapi(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    admin = await account(admin_engine, "org_admin")
    org_url = f"{API}/organizations/{admin.org_id}"
    async with await _client(app, admin) as c:
        r = await c.get(org_url)
        assert r.status_code == 200 and r.headers["cache-control"] == "private, no-cache"
        etag = r.headers["etag"]
        assert BODY_ETAG.fullmatch(etag) and {"Origin", "Cookie"} <= _vary(r)
        r304 = await c.get(org_url, headers={"If-None-Match": etag})
        assert r304.status_code == 304 and r304.content == b"" and r304.headers["etag"] == etag
        assert "content-length" not in r304.headers or r304.headers["content-length"] == "0"
        # A change of the body is a new ETag: the old validator gets the new body.
        patched = await c.patch(org_url, json={"name": f"Renamed {uuid.uuid4().hex[:6]}"})
        assert patched.status_code == 200, patched.text
        assert patched.headers["cache-control"] == "no-store"  # writes are NS
        again = await c.get(org_url, headers={"If-None-Match": etag})
        assert again.status_code == 200 and again.headers["etag"] != etag
        companies = await c.get(f"{API}/companies")
        assert companies.status_code == 200 and BODY_ETAG.fullmatch(companies.headers["etag"])
        # NS: the default for everything unmarked, and for every error.
        me = await c.get(f"{API}/me")
        assert me.headers["cache-control"] == "no-store" and "etag" not in me.headers
        assert {"Origin", "Cookie"} <= _vary(me)
        foreign = await c.get(f"{API}/organizations/{uuid.uuid4()}", headers={"If-None-Match": "*"})
        assert foreign.status_code == 404 and foreign.headers["cache-control"] == "no-store"
    async with client_for(app) as anon:
        doc = await anon.get(f"{API}/openapi.json")
        assert doc.headers["cache-control"] == "public, max-age=300"
        assert BODY_ETAG.fullmatch(doc.headers["etag"])
        cached = await anon.get(
            f"{API}/openapi.json", headers={"If-None-Match": doc.headers["etag"]}
        )
        assert cached.status_code == 304
        health = await anon.get(f"{API}/health/live")
        assert health.headers["cache-control"] == "no-store"


def test_every_route_declares_the_class_of_api_md_5_1(app: FastAPI) -> None:
    """The PV and PE routes of §3 are marked; writes and everything else default to NS."""
    classes: dict[str, CacheClass] = {}
    for _, route in _api_routes(app):
        assert isinstance(route, APIRoute)
        kind = cache_class_of(route)
        classes[route.operation_id or route.name] = kind
        if kind is not CacheClass.NS:
            assert route.methods == {"GET"}, f"{route.operation_id}: only reads are cacheable"
    expected_pv = {
        "assets_list",
        "assets_get",
        "assets_assignments",
        "assets_diagram",
        "dashboards_summary",
        "dashboards_trees",
        "dashboards_timeline",
        "dashboards_broken_titles",
    }
    assert expected_pv <= {op for op, k in classes.items() if k is CacheClass.PV}
    assert {"organizations_get", "companies_list"} <= {
        op for op, k in classes.items() if k is CacheClass.PE
    }
    for ns in ("me_get", "auth_login", "users_list", "admin_list_organizations", "pipeline_status"):
        assert classes[ns] is CacheClass.NS


def test_etag_comparison_is_weak_and_star_is_opt_in() -> None:
    assert etag_matches('W/"a"', '"a"') and etag_matches('"b", "a"', 'W/"a"')
    assert not etag_matches('"b"', '"a"') and not etag_matches(None, '"a"')
    assert etag_matches("*", '"a"') and not etag_matches("*", '"a"', star=False)


async def test_concurrent_misses_of_one_entry_compute_it_once(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Single flight (api/caching.py): ten cold requests for one org's summary run the
    summary queries once; the others wait for the stored body instead of repeating them."""
    import asyncio

    from db.repos import dashboard_reads

    member = await account(admin_engine, "org_member")
    await _summary_row(admin_engine, member.org_id, 5)
    real, calls = dashboard_reads.summary, []

    async def slow_summary(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        await asyncio.sleep(0.3)  # long enough for every other request to miss too
        return await real(*args, **kwargs)

    monkeypatch.setattr(dashboard_reads, "summary", slow_summary)
    async with await _client(app, member) as c:
        answers = await asyncio.gather(*(c.get(SUMMARY) for _ in range(10)))
    assert [r.status_code for r in answers] == [200] * 10
    assert {_total_assets(r) for r in answers} == {5}
    assert len(calls) == 1
    assert not [k async for k in redis.scan_iter("*:filling")]  # released once stored


async def test_a_response_that_is_not_stored_releases_the_fill_lock(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    """A miss that ends in a 404 stores nothing, so the next request must not wait."""
    member = await account(admin_engine, "org_member")
    async with await _client(app, member) as c:
        missing = await c.get(f"{API}/assets/{uuid.uuid4()}/diagram")
        assert missing.status_code == 404
    assert not [k async for k in redis.scan_iter("*:filling")]
