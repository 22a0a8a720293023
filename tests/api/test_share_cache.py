"""Class SH (api.md §5.1) on the share viewer's data routes: the validator is the org data
version + the share's `updatedAt` + path and query, answered 304 before any asset data
is read; a pipeline run or a share PATCH changes it; revocation wins over a match."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from api.auth.share_tokens import cached_state
from api.caching import _digest
from db.repos import org_data_version
from tests.api.auth_support import Account, seed_org, seed_user, sign_in
from tests.conftest import client_for
from tests.factories import create_asset

pytestmark = pytest.mark.usefixtures("clean_tables")

SHARES = "/api/v1/shares"
SHARED = "/api/v1/shared"
SH_ETAG = re.compile(r'W/"v(\d+)-(\d+)-[0-9a-f]{32}"')


class _NoDatabase:
    """Stands in for the app's sessionmaker: any DB access fails the request loudly."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the database was touched")


async def _member(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _setup(app: FastAPI, engine: AsyncEngine, **flags: object) -> tuple[Account, dict]:
    org = await seed_org(engine)
    member = await seed_user(engine, org)
    async with engine.begin() as conn:
        assets = [await create_asset(conn, org, appno=f"{16000000 + i}") for i in range(2)]
    async with await _member(app, member) as c:
        r = await c.post(SHARES, json={"name": "S", "assetIds": [str(a) for a in assets], **flags})
    assert r.status_code == 201, r.text
    return member, r.json()["data"]


def _vary(r: httpx.Response) -> set[str]:
    return {v.strip() for v in r.headers.get("vary", "").split(",") if v.strip()}


async def test_sh_etag_is_answered_304_before_any_database_access(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    _, link = await _setup(app, admin_engine)
    base = f"{SHARED}/{link['code']}/assets"
    async with client_for(app) as viewer:
        assert (await viewer.get(f"{SHARED}/{link['code']}")).status_code == 200
        r = await viewer.get(base)
        assert r.status_code == 200 and r.json()["total"] == 2
        etag = r.headers["etag"]
        match = SH_ETAG.fullmatch(etag)
        assert match and match.group(1) == "0", etag
        assert r.headers["cache-control"] == "private, no-cache"
        assert {"Origin", "Cookie"} <= _vary(r)
        # Path and query are in the validator (order-insensitive).
        a = await viewer.get(base, params={"limit": 1})
        b = await viewer.get(f"{base}?limit=1")
        assert a.headers["etag"] == b.headers["etag"] != etag

        real = app.state.sessionmaker
        app.state.sessionmaker = _NoDatabase()
        try:
            r304 = await viewer.get(base, headers={"If-None-Match": f'"x", {etag}'})
            assert r304.status_code == 304 and r304.content == b""
            assert r304.headers["etag"] == etag
            assert r304.headers["cache-control"] == "private, no-cache"
            assert {"Origin", "Cookie"} <= _vary(r304)
            # Without a match the data is read: proof the 304 was decided before that.
            r500 = await viewer.get(base, headers={"If-None-Match": '"nope"'})
            assert r500.status_code == 500
        finally:
            app.state.sessionmaker = real
        # `*` is not honoured: the resource might not exist (here: no diagram yet).
        assets = [x["id"] for x in r.json()["data"]]
        star = await viewer.get(f"{base}/{assets[0]}/diagram", headers={"If-None-Match": "*"})
        assert star.status_code == 404 and star.headers["cache-control"] == "no-store"


async def test_a_pipeline_run_or_a_share_patch_changes_the_etag_and_revocation_wins(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    member, link = await _setup(app, admin_engine)
    org = member.org_id
    base = f"{SHARED}/{link['code']}/assets"
    async with client_for(app) as viewer, await _member(app, member) as c:
        assert (await viewer.get(f"{SHARED}/{link['code']}")).status_code == 200
        v0 = (await viewer.get(base)).headers["etag"]
        assert (await viewer.get(base, headers={"If-None-Match": v0})).status_code == 304

        # Pipeline completion bumps the org data version: the old copy is stale.
        assert await org_data_version.bump(app.state.sessionmaker, redis, org) == 1
        r = await viewer.get(base, headers={"If-None-Match": v0})
        assert r.status_code == 200
        v1 = r.headers["etag"]
        m0, m1 = SH_ETAG.fullmatch(v0), SH_ETAG.fullmatch(v1)
        assert m0 and m1 and m1.group(1) == "1" and m1.group(2) == m0.group(2)
        # After a Redis flush of the version, it is reloaded from Postgres: same ETag.
        await redis.delete(org_data_version.key(org))
        assert (await viewer.get(base, headers={"If-None-Match": v1})).status_code == 304

        # A share PATCH moves updatedAt (and purges the cached state): stale again.
        r = await c.patch(f"{SHARES}/{link['id']}", json={"name": "Renamed"})
        assert r.status_code == 200, r.text
        r = await viewer.get(base, headers={"If-None-Match": v1})
        assert r.status_code == 200
        v2 = r.headers["etag"]
        m2 = SH_ETAG.fullmatch(v2)
        assert m2 and m2.group(1) == "1" and m2.group(2) != m1.group(2)
        assert (await viewer.get(base, headers={"If-None-Match": v2})).status_code == 304

        # Revoked: 404 even with the current validator (revocation is immediate, D11).
        assert (await c.delete(f"{SHARES}/{link['id']}")).status_code == 200
        r = await viewer.get(base, headers={"If-None-Match": v2})
        assert r.status_code == 404 and "etag" not in r.headers
        assert r.headers["cache-control"] == "no-store"


async def test_a_view_the_link_does_not_allow_is_never_304(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis
) -> None:
    """Flags and the asset scope are checked before the validator: a client holding (or
    guessing) the current ETag of a view it may not see still gets 403 / 404."""
    _, link = await _setup(app, admin_engine)  # connections are off by default
    async with client_for(app) as viewer:
        assert (await viewer.get(f"{SHARED}/{link['code']}")).status_code == 200
        page = (await viewer.get(f"{SHARED}/{link['code']}/assets")).json()
        asset = page["data"][0]["id"]
        state = await cached_state(redis, uuid.UUID(link["id"]))
        assert state is not None
        path = f"{SHARED}/{link['code']}/assets/{asset}/connections"
        updated = datetime.fromisoformat(state["updatedAt"])
        micros = (updated - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
        guessed = f'W/"v0-{micros}-{_digest(path, "rfId=1-1")}"'
        r = await viewer.get(path, params={"rfId": "1-1"}, headers={"If-None-Match": guessed})
        assert r.status_code == 403
        assert r.json()["error"]["details"]["reason"] == "share_permission"
        # An asset outside the link: 404, not 304, for its would-be validator.
        outside = uuid.uuid4()
        path = f"{SHARED}/{link['code']}/assets/{outside}/diagram"
        guessed = f'W/"v0-{micros}-{_digest(path)}"'
        r = await viewer.get(path, headers={"If-None-Match": guessed})
        assert r.status_code == 404
        # The guessed formula is the real one: for an allowed view it would match.
        listing = f"{SHARED}/{link['code']}/assets"
        guessed = f'W/"v0-{micros}-{_digest(listing)}"'
        assert (await viewer.get(listing, headers={"If-None-Match": guessed})).status_code == 304
