"""The public share viewer (api.md §2.7, §3.6 #60-63; BR-044..047, D5, D11, R14, R15).

Viewers are plain clients without an account; links are made through the management
API by a member, as the SPA does.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from api.auth.share_tokens import SHARE_COOKIE, state_key
from db.engine import make_engine, make_sessionmaker
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.api.auth_support import JAR_DOMAIN, Account, seed_org, seed_user, sign_in
from tests.conftest import client_for
from tests.factories import create_asset, create_org, create_share_link
from tests.rls import act_as
from tests.worker.pipeline.sample_org import create_sample_org, load_sample
from worker.pipeline.runner import PipelineRunner

pytestmark = pytest.mark.usefixtures("clean_tables")

SHARES = "/api/v1/shares"
SHARED = "/api/v1/shared"


async def _assets(engine: AsyncEngine, org: uuid.UUID, n: int) -> list[uuid.UUID]:
    async with engine.begin() as conn:
        return [await create_asset(conn, org, appno=f"{15000000 + i}") for i in range(n)]


async def _member_client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _link(app: FastAPI, who: Account, assets: list[uuid.UUID], **extra: object) -> dict:
    async with await _member_client(app, who) as c:
        r = await c.post(
            SHARES, json={"name": "Shared", "assetIds": [str(a) for a in assets], **extra}
        )
    assert r.status_code == 201, r.text
    return r.json()["data"]


async def _uses(engine: AsyncEngine, link_id: str) -> int:
    async with engine.connect() as conn:
        return int(
            (
                await conn.execute(
                    text("SELECT use_count FROM share_links WHERE id = :id"), {"id": link_id}
                )
            ).scalar_one()
        )


@pytest.fixture
async def setup(app: FastAPI, admin_engine: AsyncEngine) -> tuple[Account, list[uuid.UUID]]:
    org = await seed_org(admin_engine)
    return await seed_user(admin_engine, org), await _assets(admin_engine, org, 3)


async def test_entry_counts_once_per_visitor_logs_every_visit_and_sets_the_cookie(
    app: FastAPI, admin_engine: AsyncEngine, setup: tuple[Account, list[uuid.UUID]]
) -> None:
    member, assets = setup
    link = await _link(app, member, assets[:2], maxUses=2)
    entry = f"{SHARED}/{link['code']}"
    async with client_for(app, ip="198.51.100.7") as viewer:
        r = await viewer.get(entry, headers={"User-Agent": "viewer-agent/1"})
        assert r.status_code == 200, r.text
        body = r.json()["data"]
        assert body["organizationName"].startswith("Org ")
        assert body["assetCount"] == 2 and body["logoUrl"] is None
        assert body["permissions"] == {"diagram": True, "assetList": True, "connections": False}
        cookie = r.headers["set-cookie"]
        for attr in ("HttpOnly", "Path=/api/v1/shared", "SameSite=strict", "Secure"):
            assert attr.lower() in cookie.lower(), cookie
        max_age = int(cookie.lower().split("max-age=")[1].split(";")[0])
        assert 86000 < max_age <= 86400  # §2.1: min(29+ days left, 24 h)
        assert r.headers["cache-control"] == "private, no-cache"
        assert "Cookie" in r.headers["vary"]
        assert await _uses(admin_engine, link["id"]) == 1
        # Reloads with a valid token for this link do not burn uses (§2.7 step 3).
        for _ in range(3):
            assert (await viewer.get(entry)).status_code == 200
        assert await _uses(admin_engine, link["id"]) == 1
    async with client_for(app) as second:
        assert (await second.get(entry)).status_code == 200
    assert await _uses(admin_engine, link["id"]) == 2
    async with client_for(app) as third:
        r = await third.get(entry)
        assert r.status_code == 410
        assert r.json()["error"]["details"]["reason"] == "share_exhausted"
    assert await _uses(admin_engine, link["id"]) == 2

    async with await _member_client(app, member) as c:
        log = (await c.get(f"{SHARES}/{link['id']}/access-log", params={"limit": 100})).json()
    assert log["total"] == 6
    outcomes = [x["outcome"] for x in log["data"]]
    assert outcomes[0] == "exhausted" and outcomes.count("reload") == 3
    assert outcomes.count("ok") == 2
    first = log["data"][-1]
    assert first["ipAddress"] == "198.51.100.7" and first["userAgent"] == "viewer-agent/1"


async def test_unknown_bad_length_expired_and_revoked_codes(
    app: FastAPI,
    admin_engine: AsyncEngine,
    redis: Redis,
    setup: tuple[Account, list[uuid.UUID]],
) -> None:
    member, assets = setup
    link = await _link(app, member, assets)
    async with client_for(app) as viewer:
        for code in ("a" * 24, "short", "a" * 41, "a" * 23 + "!"):
            r = await viewer.get(f"{SHARED}/{code}")
            assert r.status_code == 404, code
            assert r.json()["error"]["code"] == "NOT_FOUND"
        entry = f"{SHARED}/{link['code']}"
        assert (await viewer.get(entry)).status_code == 200
        assert (await viewer.get(f"{entry}/assets")).status_code == 200
        assert await redis.exists(state_key(uuid.UUID(link["id"])))

        # Expiry: the entry says 410 share_expired, and so does the held session.
        async with admin_engine.begin() as conn:
            await conn.execute(
                text("UPDATE share_links SET expires_at = now() - interval '1 second'")
            )
        await redis.delete(state_key(uuid.UUID(link["id"])))
        for url in (entry, f"{entry}/assets"):
            r = await viewer.get(url)
            assert r.status_code == 410, url
            assert r.json()["error"]["details"]["reason"] == "share_expired"

        # Re-arming the link (PATCH restarts expiry) and then revoking it: the revocation
        # reaches a viewer whose state is cached, at once (§2.7 Manage, D11).
        async with await _member_client(app, member) as c:
            assert (
                await c.patch(f"{SHARES}/{link['id']}", json={"expiresIn": "1h"})
            ).status_code == 200
            assert (await viewer.get(f"{entry}/assets")).status_code == 200
            assert await redis.exists(state_key(uuid.UUID(link["id"])))
            assert (await c.delete(f"{SHARES}/{link['id']}")).status_code == 200
        assert not await redis.exists(state_key(uuid.UUID(link["id"])))
        for url in (f"{entry}/assets", entry):
            r = await viewer.get(url)
            assert r.status_code == 404, url
    async with admin_engine.connect() as conn:
        outcomes = set(
            (await conn.execute(text("SELECT outcome FROM share_access_logs"))).scalars()
        )
    assert {"ok", "expired", "revoked"} <= outcomes


async def test_share_token_is_useless_elsewhere_and_access_tokens_useless_here(
    app: FastAPI, admin_engine: AsyncEngine, setup: tuple[Account, list[uuid.UUID]]
) -> None:
    member, assets = setup
    link_a = await _link(app, member, assets[:1])
    link_b = await _link(app, member, assets[1:2])
    async with client_for(app) as viewer:
        assert (await viewer.get(f"{SHARED}/{link_a['code']}")).status_code == 200
        token = viewer.cookies.get(SHARE_COOKIE, domain=JAR_DOMAIN)
        assert token
        # The share token on the rest of the API, as share_token or as access_token.
        async with client_for(app) as other:
            other.cookies.set(SHARE_COOKIE, token, domain=JAR_DOMAIN, path="/api/v1")
            assert (await other.get("/api/v1/assets")).status_code == 401
            other.cookies.set("access_token", token, domain=JAR_DOMAIN, path="/api/v1")
            for url in ("/api/v1/assets", f"/api/v1/assets/{assets[0]}", SHARES):
                r = await other.get(url)
                assert r.status_code == 401, url
                assert r.json()["error"]["details"]["reason"] == "token_invalid"
        # Link A's token on link B: no session for B (the viewer re-enters B's code).
        r = await viewer.get(f"{SHARED}/{link_b['code']}/assets")
        assert r.status_code == 401
        assert r.json()["error"]["details"]["reason"] == "share_session_required"
        r = await viewer.get(f"{SHARED}/{link_b['code']}/assets/{assets[1]}/diagram")
        assert r.status_code == 401
    # A signed-in member's access token is no share session, in either cookie.
    async with await _member_client(app, member) as c:
        r = await c.get(f"{SHARED}/{link_a['code']}/assets")
        assert r.status_code == 401
        assert r.json()["error"]["details"]["reason"] == "share_session_required"
        access = c.cookies.get("access_token", domain=JAR_DOMAIN)
        assert access
        c.cookies.set(SHARE_COOKIE, access, domain=JAR_DOMAIN, path="/api/v1/shared")
        r = await c.get(f"{SHARED}/{link_a['code']}/assets")
        assert r.status_code == 401
        assert r.json()["error"]["details"]["reason"] == "share_session_required"
    async with client_for(app) as nobody:
        r = await nobody.get(f"{SHARED}/{link_a['code']}/assets")
        assert r.status_code == 401
        assert r.json()["error"]["details"]["reason"] == "share_session_required"


async def test_flags_asset_scope_and_list_paging(
    app: FastAPI, admin_engine: AsyncEngine, setup: tuple[Account, list[uuid.UUID]]
) -> None:
    member, assets = setup
    other_org = await seed_org(admin_engine)
    (foreign,) = await _assets(admin_engine, other_org, 1)
    link = await _link(app, member, assets[:2], allowAssetList=False)
    base = f"{SHARED}/{link['code']}"
    async with client_for(app) as viewer:
        assert (await viewer.get(base)).status_code == 200
        r = await viewer.get(f"{base}/assets")
        assert r.status_code == 403
        assert r.json()["error"]["details"]["reason"] == "share_permission"
        r = await viewer.get(f"{base}/assets/{assets[0]}/connections", params={"rfId": "1-1"})
        assert r.status_code == 403  # connections default off
        # Not in the link (same org, another org, unknown): 404, flags allowing.
        for asset in (assets[2], foreign, uuid.uuid4()):
            r = await viewer.get(f"{base}/assets/{asset}/diagram")
            assert r.status_code == 404, asset
        # No diagram computed yet for a shared asset: 404 too, never a 5xx.
        assert (await viewer.get(f"{base}/assets/{assets[0]}/diagram")).status_code == 404

        # Turning the list on takes effect at once (the state cache is purged on edit).
        async with await _member_client(app, member) as c:
            r = await c.patch(f"{SHARES}/{link['id']}", json={"allowAssetList": True})
            assert r.status_code == 200
        r = await viewer.get(f"{base}/assets", params={"limit": 1})
        assert r.status_code == 200, r.text
        page = r.json()
        assert page["total"] == 2 and page["cursor"]["hasMore"] is True
        assert r.headers["cache-control"] == "private, no-cache" and r.headers["etag"]
        assert "Cookie" in r.headers["vary"]
        again = await viewer.get(
            f"{base}/assets", params={"limit": 1}, headers={"If-None-Match": r.headers["etag"]}
        )
        assert again.status_code == 304
        rest = await viewer.get(
            f"{base}/assets", params={"limit": 1, "cursor": page["cursor"]["next"]}
        )
        ids = [page["data"][0]["id"], rest.json()["data"][0]["id"]]
        assert sorted(ids) == sorted(str(a) for a in assets[:2])
        assert {"grantNumber", "applicationNumber", "title", "status", "currentAssignee"} <= set(
            page["data"][0]
        )
        r = await viewer.get(f"{base}/assets", params={"limit": 26})  # §1.4: max 25 here
        assert r.status_code == 400
        assert "limit" in r.json()["error"]["details"]["fieldErrors"]


async def test_share_session_reads_only_its_links_assets(db: AsyncConnection) -> None:
    """domain-model §11.3 (6): RLS itself confines a share session to its live link."""
    org, other = await create_org(db), await create_org(db)
    shared, hidden = await create_asset(db, org), await create_asset(db, org, appno="11111111")
    foreign_link = await create_share_link(db, other)
    link = await create_share_link(db, org, [shared])
    await act_as(db, TenantContext(access_scope="share:read", share_link_id=link))
    assert set((await db.execute(text("SELECT id FROM assets"))).scalars()) == {shared}
    assert set((await db.execute(text("SELECT id FROM share_links"))).scalars()) == {link}
    for table in ("companies", "users", "organizations", "share_access_logs", "audit_log"):
        assert (await db.execute(text(f"SELECT count(*) FROM {table}"))).scalar() == 0, table
    assert hidden not in set((await db.execute(text("SELECT id FROM assets"))).scalars())
    # A viewer can write nothing, not even its own link.
    assert (
        await db.execute(text("UPDATE share_links SET use_count = 99 RETURNING id"))
    ).first() is None
    # The link id without the share scope is nothing; another link's id shows only its own.
    await act_as(db, TenantContext(share_link_id=link))
    assert (await db.execute(text("SELECT count(*) FROM assets"))).scalar() == 0
    await act_as(db, TenantContext(access_scope="share:read", share_link_id=foreign_link))
    assert shared not in set((await db.execute(text("SELECT id FROM assets"))).scalars())
    # Revoked: nothing, at the database too.
    await db.execute(text("RESET ROLE"))
    await db.execute(text("UPDATE share_links SET deleted_at = now() WHERE id = :id"), {"id": link})
    await act_as(db, TenantContext(access_scope="share:read", share_link_id=link))
    assert (await db.execute(text("SELECT count(*) FROM assets"))).scalar() == 0


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=4)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def test_diagram_and_connections_of_a_real_asset(
    app: FastAPI,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    assert await load_sample(admin_engine) == 199
    org, sample = await create_sample_org(admin_engine)
    await PipelineRunner(worker_sessions, redis).run(org, reason="test")
    member = await seed_user(admin_engine, org)
    asset = sample["13923786"]  # carries a security interest (two conveyances at least)
    link = await _link(app, member, [asset, sample["10760040"]], allowConnections=True)
    base = f"{SHARED}/{link['code']}/assets"
    async with await _member_client(app, member) as c:
        own = (await c.get(f"/api/v1/assets/{asset}/diagram")).json()["data"]
    async with client_for(app) as viewer:
        assert (await viewer.get(f"{SHARED}/{link['code']}")).status_code == 200
        r = await viewer.get(f"{base}/{asset}/diagram")
        assert r.status_code == 200, r.text
        assert r.json()["data"] == own  # the same payload as /assets/{id}/diagram (D16)
        assert r.headers["cache-control"] == "private, no-cache"
        etag = r.headers["etag"]
        assert (
            await viewer.get(f"{base}/{asset}/diagram", headers={"If-None-Match": etag})
        ).status_code == 304

        listed = (await viewer.get(base)).json()
        by_id = {x["id"]: x for x in listed["data"]}
        assert by_id[str(asset)]["applicationNumber"] == "13923786"
        # currentAssignee is the D2 current owner the member sees on the asset detail.
        async with await _member_client(app, member) as c:
            for asset_id, item in by_id.items():
                detail = (await c.get(f"/api/v1/assets/{asset_id}")).json()["data"]
                holders = (detail["currentOwner"] or {}).get("holders") or []
                assert item["currentAssignee"] == ("; ".join(holders) or None)
                assert item["status"] == detail["status"]
        assert any(x["currentAssignee"] for x in by_id.values())

        drawn = own["connections"][0]
        r = await viewer.get(f"{base}/{asset}/connections", params={"rfId": drawn["rfId"]})
        assert r.status_code == 200, r.text
        conn = r.json()["data"]
        assert conn["rfId"] == drawn["rfId"] and conn["color"] == drawn["color"]
        assert conn["conveyanceType"] == drawn["conveyanceType"]
        assert conn["assignors"] and conn["assignees"] and conn["recordDate"]
        r = await viewer.get(f"{base}/{asset}/connections", params={"rfId": "999999-9999"})
        assert r.status_code == 404
        r = await viewer.get(f"{base}/{asset}/connections")
        assert r.status_code == 400
        assert "rfId" in r.json()["error"]["details"]["fieldErrors"]
