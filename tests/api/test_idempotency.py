"""`Idempotency-Key` on the creating POSTs (api.md §1.10), over the real app and Redis."""

from __future__ import annotations

import asyncio
import json
import uuid

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.idempotency import RECORD_TTL_S, idempotency, record_key
from tests.api.auth_support import Account, account, seed_user, sign_in
from tests.api.test_rbac import _api_routes
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")

COMPANIES = "/api/v1/companies"


async def _client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _companies(engine: AsyncEngine, org: uuid.UUID) -> list[str]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT name FROM companies WHERE organization_id = :o ORDER BY name"),
            {"o": org},
        )
        return list(rows.scalars())


def _reason(r: httpx.Response) -> str:
    body = r.json()
    assert body["error"]["code"] == "CONFLICT", body
    return str(body["error"]["details"]["reason"])


async def test_same_key_same_body_replays_the_stored_response(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    admin = await account(admin_engine, "org_admin")
    key = {"Idempotency-Key": "create-acme-1"}
    async with await _client(app, admin) as c:
        first = await c.post(COMPANIES, json={"name": "Acme", "aliases": ["ACME INC"]}, headers=key)
        assert first.status_code == 201, first.text
        assert "idempotent-replayed" not in first.headers
        # The same data in another key order and spacing is the same request.
        again = await c.post(
            COMPANIES,
            content=b'{ "aliases": ["ACME INC"],  "name": "Acme" }',
            headers={**key, "Content-Type": "application/json"},
        )
        assert again.status_code == 201
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json() == first.json()
        assert again.headers["content-type"] == "application/json"
        # Different body, same key: refused, nothing created.
        other = await c.post(COMPANIES, json={"name": "Other"}, headers=key)
        assert other.status_code == 409 and _reason(other) == "idempotency_key_reused"
        # Without a key every POST creates (the key is optional).
        plain = await c.post(COMPANIES, json={"name": "Plain"})
        assert plain.status_code == 201 and "idempotent-replayed" not in plain.headers
    assert await _companies(admin_engine, admin.org_id) == ["Acme", "Plain"]
    stored = record_key(admin.user_id, "POST", COMPANIES, "create-acme-1")
    record = json.loads(await redis.get(stored))
    assert record["status"] == "done" and record["code"] == 201
    assert 0 < await redis.ttl(stored) <= RECORD_TTL_S


async def test_keys_are_scoped_per_user(app: FastAPI, admin_engine: AsyncEngine) -> None:
    one = await account(admin_engine, "org_admin")
    two = await seed_user(admin_engine, one.org_id, role="org_admin")
    key = {"Idempotency-Key": "shared-key"}
    async with await _client(app, one) as c:
        assert (await c.post(COMPANIES, json={"name": "One"}, headers=key)).status_code == 201
    async with await _client(app, two) as c:
        r = await c.post(COMPANIES, json={"name": "Two"}, headers=key)
        assert r.status_code == 201 and "idempotent-replayed" not in r.headers
    assert await _companies(admin_engine, one.org_id) == ["One", "Two"]


async def test_a_failed_attempt_releases_the_key(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    admin = await account(admin_engine, "org_admin")
    key = {"Idempotency-Key": "retry-me"}
    async with await _client(app, admin) as c:
        bad = await c.post(COMPANIES, json={"name": ""}, headers=key)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "VALIDATION_ERROR"
        assert await redis.exists(record_key(admin.user_id, "POST", COMPANIES, "retry-me")) == 0
        good = await c.post(COMPANIES, json={"name": "Fixed"}, headers=key)
        assert good.status_code == 201 and "idempotent-replayed" not in good.headers
        too_long = await c.post(
            COMPANIES, json={"name": "X"}, headers={"Idempotency-Key": "k" * 256}
        )
        assert too_long.status_code == 400
        assert any(
            "Idempotency-Key" in f for f in too_long.json()["error"]["details"]["fieldErrors"]
        )
    assert await _companies(admin_engine, admin.org_id) == ["Fixed"]


async def test_a_concurrent_request_with_the_key_in_flight_gets_409(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    admin = await account(admin_engine, "org_admin")
    key = {"Idempotency-Key": "in-flight"}
    stored = record_key(admin.user_id, "POST", COMPANIES, "in-flight")
    async with admin_engine.connect() as blocker:
        # Hold the org's pipeline latch row: the create's D15 trigger waits on it, so the
        # first request stays in flight (past its claim) until this transaction ends.
        tx = await blocker.begin()
        await blocker.execute(
            text("INSERT INTO org_pipeline_state (organization_id) VALUES (:o)"),
            {"o": admin.org_id},
        )
        await tx.commit()
        tx = await blocker.begin()
        await blocker.execute(
            text("SELECT 1 FROM org_pipeline_state WHERE organization_id = :o FOR UPDATE"),
            {"o": admin.org_id},
        )
        async with await _client(app, admin) as c1, await _client(app, admin) as c2:
            first = asyncio.create_task(c1.post(COMPANIES, json={"name": "Slow"}, headers=key))
            for _ in range(500):
                if await redis.exists(stored):
                    break
                await asyncio.sleep(0.01)
            assert json.loads(await redis.get(stored))["status"] == "in_progress"
            second = await c2.post(COMPANIES, json={"name": "Slow"}, headers=key)
            assert second.status_code == 409 and _reason(second) == "idempotency_in_progress"
            assert not first.done()
            await tx.rollback()
            done = await first
            assert done.status_code == 201, done.text
            replay = await c2.post(COMPANIES, json={"name": "Slow"}, headers=key)
            assert replay.status_code == 201 and replay.json() == done.json()
            assert replay.headers["idempotent-replayed"] == "true"
    assert await _companies(admin_engine, admin.org_id) == ["Slow"]


async def test_rebuild_and_org_provisioning_honour_the_key(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    admin = await account(admin_engine, "org_admin")
    url = f"/api/v1/organizations/{admin.org_id}/pipeline"
    async with await _client(app, admin) as c:
        a = await c.post(url, headers={"Idempotency-Key": "rebuild-1"})
        b = await c.post(url, headers={"Idempotency-Key": "rebuild-1"})
        assert a.status_code == b.status_code == 202
        assert b.headers["idempotent-replayed"] == "true" and a.json() == b.json()
    sa = await account(admin_engine, "super_admin")
    name = f"Tenant {uuid.uuid4().hex[:8]}"
    body = {"name": name, "adminEmail": f"a-{uuid.uuid4().hex[:8]}@example.com", "adminName": "A"}
    async with await _client(app, sa) as c:
        first = await c.post(
            "/api/v1/admin/organizations", json=body, headers={"Idempotency-Key": "p1"}
        )
        second = await c.post(
            "/api/v1/admin/organizations", json=body, headers={"Idempotency-Key": "p1"}
        )
        assert first.status_code == second.status_code == 201, first.text
        assert second.headers["idempotent-replayed"] == "true"
        assert second.json()["id"] == first.json()["id"]
    async with admin_engine.connect() as conn:
        count = (
            await conn.execute(
                text("SELECT count(*) FROM organizations WHERE name = :n"), {"n": name}
            )
        ).scalar_one()
    assert count == 1


# api.md §1.10: the POSTs that create orgs, companies, invites, shares, notifications,
# exports, fix-items, ingestion triggers, normalize and rebuilds.
CREATING_POSTS = {
    "companies_create",
    "org_companies_create",
    "users_invite",
    "admin_create_organization",
    "pipeline_rebuild",
    "admin_rebuild_pipeline",
    "admin_rebuild_tree",
    "admin_trigger_ingestion_source",
    "admin_trigger_ingestion",
    "admin_fix_items",
    "entities_normalize",
    "shares_create",
    "webhooks_create",
}


def test_the_creating_posts_opt_in(app: FastAPI) -> None:
    routes = {route.operation_id: route for _, route in _api_routes(app)}
    opted = {
        op
        for op, route in routes.items()
        if any(d.dependency is idempotency for d in route.dependencies)
    }
    present = CREATING_POSTS & set(routes)
    assert len(present) >= 8, present
    assert present <= opted, f"missing Idempotency-Key: {sorted(present - opted)}"
    assert all(routes[op].methods == {"POST"} for op in opted)
