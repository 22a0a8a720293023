"""Lockout tiers (D12, api.md §2.6), rate limits (§1.6) and no account enumeration."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from domain.auth.secrets import email_key
from tests.api.auth_support import PASSWORD, account, login, seed_user, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")


async def _attempt(app, email: str, password: str, n: int):
    # Each attempt from its own address: the per-IP login limit is a separate control.
    async with client_for(app, ip=f"10.9.{n // 250}.{n % 250 + 1}") as c:
        return await login(c, email, password)


async def _fail(app, email: str, start: int, count: int) -> None:
    for i in range(start, start + count):
        r = await _attempt(app, email, "Wrong-Password-1", i)
        assert r.status_code in (401, 403), r.text


async def test_lockout_tiers_and_admin_unlock(app, admin_engine, redis) -> None:
    admin = await account(admin_engine, "org_admin")
    victim = await seed_user(admin_engine, admin.org_id)
    await _fail(app, victim.email, 0, 5)
    locked = await _attempt(app, victim.email, PASSWORD, 100)
    assert locked.status_code == 403
    details = locked.json()["error"]["details"]
    assert details["reason"] == "account_locked" and 0 < details["retryAfter"] <= 60

    await redis.delete(f"auth:lock:{email_key(victim.email)}")  # a minute passes
    await _fail(app, victim.email, 5, 5)
    tier2 = (await _attempt(app, victim.email, PASSWORD, 101)).json()["error"]["details"]
    assert tier2["reason"] == "account_locked" and 60 < tier2["retryAfter"] <= 900

    await redis.delete(f"auth:lock:{email_key(victim.email)}")  # fifteen minutes pass
    await _fail(app, victim.email, 10, 10)
    tier3 = await _attempt(app, victim.email, PASSWORD, 102)
    assert tier3.json()["error"]["details"] == {"reason": "account_locked", "retryAfter": None}
    async with admin_engine.connect() as conn:
        locked_at = (
            await conn.execute(
                text("SELECT locked_at FROM users WHERE id = :u"), {"u": victim.user_id}
            )
        ).scalar()
    assert locked_at is not None
    # A Redis flush does not unlock: the admin lock lives in PostgreSQL.
    await redis.delete(f"auth:fail:{email_key(victim.email)}")
    assert (await _attempt(app, victim.email, PASSWORD, 103)).status_code == 403

    async with client_for(app) as admin_client:
        await sign_in(app, admin_client, admin)
        listed = await admin_client.get(f"/api/v1/organizations/{admin.org_id}/users")
        assert {u["id"]: u["status"] for u in listed.json()["data"]}[
            str(victim.user_id)
        ] == "locked"
        unlock = await admin_client.post(
            f"/api/v1/organizations/{admin.org_id}/users/{victim.user_id}/unlock"
        )
        assert unlock.status_code == 200
        actions = [
            e["action"]
            for e in (
                await admin_client.get(f"/api/v1/organizations/{admin.org_id}/audit-log?limit=100")
            ).json()["data"]
        ]
    assert {
        "auth.login_failed",
        "auth.account_locked",
        "auth.login_locked",
        "user.unlocked",
    } <= set(actions)
    assert (await _attempt(app, victim.email, PASSWORD, 104)).status_code == 200


async def test_unknown_email_behaves_like_a_known_one(app, admin_engine) -> None:
    known = await account(admin_engine, "org_member")
    unknown = "nobody-here@example.com"
    for who in (known.email, unknown):
        first = await _attempt(app, who, "Wrong-Password-1", 200)
        assert first.status_code == 401
        assert first.json()["error"]["details"] == {"reason": "invalid_credentials"}
    await _fail(app, known.email, 300, 4)
    await _fail(app, unknown, 400, 4)
    for who in (known.email, unknown):
        locked = (await _attempt(app, who, "Wrong-Password-1", 500)).json()["error"]
        assert locked["details"]["reason"] == "account_locked"
        assert 0 < locked["details"]["retryAfter"] <= 60


async def test_login_rate_limit_per_ip_answers_429_with_headers(app) -> None:
    async with client_for(app, ip="10.77.0.1") as c:
        statuses = []
        for _ in range(5):
            r = await login(c, "someone@example.com", "Wrong-Password-1")
            statuses.append(r.status_code)
            assert int(r.headers["X-RateLimit-Limit"]) == 5
        assert r.headers["X-RateLimit-Remaining"] == "0"
        blocked = await login(c, "someone@example.com", "Wrong-Password-1")
    assert statuses == [401] * 5
    assert blocked.status_code == 429
    error = blocked.json()["error"]
    assert error["code"] == "RATE_LIMITED"
    assert int(blocked.headers["Retry-After"]) == error["details"]["retryAfter"] > 0
    assert int(blocked.headers["X-RateLimit-Reset"]) > 0


async def test_role_limits_and_headers_on_every_api_response(app, admin_engine) -> None:
    member = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        anonymous = await c.get("/api/v1/me")
        assert anonymous.status_code == 401 and anonymous.headers["X-RateLimit-Limit"] == "10"
        await sign_in(app, c, member)
        ok = await c.get("/api/v1/me")
        assert ok.headers["X-RateLimit-Limit"] == "100"
        assert int(ok.headers["X-RateLimit-Remaining"]) == 99
        missing = await c.get("/api/v1/no-such-route")
        assert missing.status_code == 404 and "X-RateLimit-Limit" in missing.headers


async def test_unauthenticated_ip_limit_is_ten_per_minute(app) -> None:
    async with client_for(app, ip="10.78.0.1") as c:
        codes = [(await c.get("/api/v1/me")).status_code for _ in range(11)]
    assert codes == [401] * 10 + [429]
