"""The org profile cache `org:{orgId}:detail` and the pipeline-completion drops (api.md
§5.2 step 3: `detail` and the word cloud), over the real app, Postgres and Redis."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repos import org_data_version
from tests.api.auth_support import Account, account, seed_user, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")

API = "/api/v1"


async def _client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _rename_in_db(engine: AsyncEngine, org: uuid.UUID, name: str) -> None:
    """A change behind the API's back: only a drop makes the profile show it."""
    async with engine.begin() as conn:
        await conn.execute(
            text("UPDATE organizations SET name = :n WHERE id = :o"), {"n": name, "o": org}
        )


async def test_profile_is_cached_and_dropped_on_org_patch_and_user_changes(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    admin = await account(admin_engine, "org_admin")
    org = admin.org_id
    url = f"{API}/organizations/{org}"
    key = org_data_version.detail_key(org)
    async with await _client(app, admin) as c:
        first = await c.get(url)
        assert first.status_code == 200, first.text
        assert first.json()["userCount"] == 1 and first.json()["id"] == str(org)
        assert await redis.get(key) == first.content  # the very bytes served
        assert 0 < await redis.ttl(key) <= 24 * 3600
        etag = first.headers["etag"]

        # Served from Redis: a change made behind the API's back is not seen ...
        await _rename_in_db(admin_engine, org, "Renamed Behind")
        hit = await c.get(url)
        assert hit.content == first.content and hit.headers["etag"] == etag
        # ... and the class PE body ETag still revalidates the cached bytes.
        assert (await c.get(url, headers={"If-None-Match": etag})).status_code == 304

        # Org PATCH drops it (after its commit): the next read is fresh.
        r = await c.patch(url, json={"mfaRequired": True})
        assert r.status_code == 200, r.text
        assert await redis.get(key) is None
        fresh = (await c.get(url)).json()
        assert fresh["name"] == "Renamed Behind" and fresh["mfaRequired"] is True

        # A user change (here: an invitation) drops it too; the count moves.
        await _rename_in_db(admin_engine, org, "Second Rename")
        r = await c.post(
            f"{url}/users",
            json={"email": f"new-{uuid.uuid4().hex[:8]}@example.com", "name": "New User"},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
        assert r.status_code == 201, r.text
        assert await redis.get(key) is None
        after = (await c.get(url)).json()
        assert after["userCount"] == 2 and after["name"] == "Second Rename"

        # A failed PATCH (a rolled-back transaction) leaves the cache alone.
        assert await redis.get(key) is not None
        other = await account(admin_engine, "org_admin")
        async with admin_engine.connect() as conn:
            taken = (
                await conn.execute(
                    text("SELECT name FROM organizations WHERE id = :o"), {"o": other.org_id}
                )
            ).scalar_one()
        assert (await c.patch(url, json={"name": taken})).status_code == 409
        assert await redis.get(key) is not None


async def test_super_admin_patch_drops_the_tenant_profile(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    member = await account(admin_engine, "org_member")
    sa = await account(admin_engine, "super_admin")
    key = org_data_version.detail_key(member.org_id)
    async with await _client(app, member) as c:
        assert (await c.get(f"{API}/organizations/{member.org_id}")).status_code == 200
    assert await redis.exists(key)
    async with await _client(app, sa) as c:
        r = await c.patch(f"{API}/admin/organizations/{member.org_id}", json={"name": "By SA"})
        assert r.status_code == 200, r.text
    assert not await redis.exists(key)
    async with await _client(app, member) as c:
        assert (await c.get(f"{API}/organizations/{member.org_id}")).json()["name"] == "By SA"


async def test_a_store_that_raced_a_drop_is_discarded(redis: Redis) -> None:
    """A reader that loaded the old row before a change committed must not cache it."""
    org = uuid.uuid4()
    body, epoch = await org_data_version.lookup_detail(redis, org)
    assert body is None
    await org_data_version.drop_detail(redis, org)  # the writer commits and drops
    assert not await org_data_version.store_detail(redis, org, epoch, b'{"stale":1}')
    assert await redis.get(org_data_version.detail_key(org)) is None
    _, current = await org_data_version.lookup_detail(redis, org)
    assert current != epoch
    assert await org_data_version.store_detail(redis, org, current, b'{"fresh":1}')
    assert await org_data_version.lookup_detail(redis, org) == (b'{"fresh":1}', current)


async def test_pipeline_completion_drops_detail_and_word_cloud_but_not_other_caches(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    member = await account(admin_engine, "org_member")
    other = await seed_user(admin_engine, (await account(admin_engine, "org_member")).org_id)
    org = member.org_id
    async with await _client(app, member) as c:
        assert (await c.get(f"{API}/organizations/{org}")).status_code == 200
        for params in ({}, {"level": "section"}):
            r = await c.get(f"{API}/dashboards/cpc-wordcloud", params=params)
            assert r.status_code == 200, r.text
        assert (await c.get(f"{API}/dashboards/summary")).status_code == 200
    async with await _client(app, other) as c:
        assert (await c.get(f"{API}/organizations/{other.org_id}")).status_code == 200
        assert (await c.get(f"{API}/dashboards/cpc-wordcloud")).status_code == 200

    index = org_data_version.index_key(org, "cpc-wordcloud")
    clouds = {k.decode() for k in await redis.smembers(index)}  # type: ignore[misc]
    assert len(clouds) == 2
    assert all(k.startswith(f"org:{org}:v0:q:cpc-wordcloud:") for k in clouds)
    assert await redis.exists(*clouds) == 2
    summary = org_data_version.dashboard_key(org, 0)
    assert await redis.exists(summary)

    # The pipeline's finish calls bump(): +1, publish, then §5.2 step 3.
    assert await org_data_version.bump(app.state.sessionmaker, redis, org) == 1
    assert not await redis.exists(org_data_version.detail_key(org), index, *clouds)
    # Versioned entries are not deleted, just unreachable (step 2: no SCAN deletion).
    assert await redis.exists(summary)
    # Another org's caches are untouched.
    assert await redis.exists(org_data_version.detail_key(other.org_id))
    other_index = org_data_version.index_key(other.org_id, "cpc-wordcloud")
    assert await redis.scard(other_index) == 1  # type: ignore[misc]
