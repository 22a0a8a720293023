"""The e-mail digest settings API (D2, issue 7): any member subscribes and unsubscribes
themselves; org admins list their org's subscribers; 400 names the field; 401 without a
session; another org's subscribers are invisible."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.auth_support import account, seed_user, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")

ME = "/api/v1/me/alert-digest"
SUBSCRIBERS = "/api/v1/alert-digest/subscribers"


async def _rows(admin_engine: AsyncEngine) -> list[tuple[object, str]]:
    async with admin_engine.connect() as conn:
        found = await conn.execute(text("SELECT user_id, frequency FROM digest_subscriptions"))
        return [(u, f) for u, f in found.all()]


async def test_a_member_subscribes_and_unsubscribes_themselves(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    admin = await account(admin_engine, "org_admin")
    member = await seed_user(admin_engine, admin.org_id)
    async with client_for(app) as c:
        await sign_in(app, c, member)
        before = await c.get(ME)
        on = await c.put(ME, json={"enabled": True, "frequency": "daily"})
        again = await c.put(ME, json={"enabled": True})  # idempotent; frequency defaults
        shown = await c.get(ME)
        assert await _rows(admin_engine) == [(member.user_id, "daily")]
        off = await c.put(ME, json={"enabled": False})
        after = await c.get(ME)
    assert before.status_code == 200
    assert before.json()["data"] == {
        "enabled": False,
        "frequency": "daily",
        "lastSentAt": None,
        "subscribedAt": None,
    }
    assert on.status_code == 200 and on.json()["data"]["enabled"] is True
    assert on.json()["data"]["subscribedAt"] is not None
    assert again.json()["data"]["subscribedAt"] == on.json()["data"]["subscribedAt"]
    assert shown.json()["data"]["enabled"] is True
    assert off.status_code == 200 and off.json()["data"]["enabled"] is False
    assert after.json()["data"]["enabled"] is False
    assert await _rows(admin_engine) == []


async def test_validation_errors_name_the_field(app: FastAPI, admin_engine: AsyncEngine) -> None:
    member = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        await sign_in(app, c, member)
        weekly = await c.put(ME, json={"enabled": True, "frequency": "weekly"})
        maybe = await c.put(ME, json={"enabled": "maybe"})
        missing = await c.put(ME, json={"frequency": "daily"})
    for r, field in ((weekly, "frequency"), (maybe, "enabled"), (missing, "enabled")):
        assert r.status_code == 400, r.text
        error = r.json()["error"]
        assert error["code"] == "VALIDATION_ERROR"
        assert field in error["details"]["fieldErrors"], error
    assert await _rows(admin_engine) == []


async def test_without_a_session_every_digest_route_is_401(app: FastAPI) -> None:
    async with client_for(app) as c:
        calls = [
            await c.get(ME),
            await c.put(ME, json={"enabled": True}),
            await c.get(SUBSCRIBERS),
        ]
    assert [r.status_code for r in calls] == [401, 401, 401]
    assert all(r.json()["error"]["code"] == "UNAUTHORIZED" for r in calls)


async def test_admins_list_their_orgs_subscribers_only(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    admin = await account(admin_engine, "org_admin")
    first = await seed_user(admin_engine, admin.org_id)
    second = await seed_user(admin_engine, admin.org_id)
    other = await account(admin_engine, "org_admin")
    for who in (first, second, other):
        async with client_for(app) as c:
            await sign_in(app, c, who)
            assert (await c.put(ME, json={"enabled": True})).status_code == 200
    async with client_for(app) as c:
        await sign_in(app, c, admin)
        page1 = (await c.get(SUBSCRIBERS, params={"limit": 1})).json()
        nxt = page1["cursor"]["next"]
        page2 = (await c.get(SUBSCRIBERS, params={"limit": 1, "cursor": nxt})).json()
        forged = await c.get(SUBSCRIBERS, params={"cursor": "forged"})
    async with client_for(app) as c:
        await sign_in(app, c, first)
        forbidden = await c.get(SUBSCRIBERS)
    assert page1["total"] == 2 and page1["cursor"]["hasMore"] is True
    assert page2["cursor"]["hasMore"] is False
    listed = page1["data"] + page2["data"]
    assert sorted(s["userId"] for s in listed) == sorted([str(first.user_id), str(second.user_id)])
    assert {s["email"] for s in listed} == {first.email, second.email}
    assert str(other.user_id) not in str(listed) and other.email not in str(listed)
    assert forged.status_code == 400
    assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "FORBIDDEN"
