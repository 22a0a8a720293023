"""Share link management (api.md §2.7 Manage, §3.6; BR-044, BR-046, D5, D9, D11)."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.auth_support import Account, seed_org, seed_user, sign_in
from tests.conftest import client_for
from tests.factories import create_asset

pytestmark = pytest.mark.usefixtures("clean_tables")

BASE = "/api/v1/shares"


async def _assets(engine: AsyncEngine, org: uuid.UUID, n: int) -> list[uuid.UUID]:
    async with engine.begin() as conn:
        return [await create_asset(conn, org, appno=f"{14000000 + i}") for i in range(n)]


async def _client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _create(c: httpx.AsyncClient, assets: list[uuid.UUID], **extra: object) -> dict:
    r = await c.post(
        BASE, json={"name": "For counsel", "assetIds": [str(a) for a in assets], **extra}
    )
    assert r.status_code == 201, r.text
    return r.json()["data"]


async def test_member_creates_lists_updates_and_revokes(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    org = await seed_org(admin_engine)
    member = await seed_user(admin_engine, org, role="org_member")
    assets = await _assets(admin_engine, org, 3)
    async with await _client(app, member) as c:
        r = await c.post(
            BASE,
            json={"name": "  For counsel ", "assetIds": [str(a) for a in assets[:2]], "maxUses": 5},
        )
        assert r.status_code == 201, r.text
        assert r.headers["cache-control"] == "no-store"
        link = r.json()["data"]
        # BR-044: CUID2-format code (lower-case alphanumeric, starts with a letter, 24).
        assert re.fullmatch(r"[a-z][a-z0-9]{23}", link["code"])
        assert link["url"] == f"http://testserver/shared/{link['code']}"
        assert link["name"] == "For counsel" and link["assetCount"] == 2
        assert set(link["assetIds"]) == {str(a) for a in assets[:2]}
        # §2.7 defaults: diagram and list on, connections off; D11 default 30 days.
        assert link["permissions"] == {"diagram": True, "assetList": True, "connections": False}
        assert link["maxUses"] == 5 and link["currentUses"] == 0
        assert link["state"] == "active" and link["isActive"] is True
        assert link["createdBy"] == str(member.user_id)
        async with admin_engine.connect() as conn:
            days = (
                await conn.execute(
                    text("SELECT expires_at - now() FROM share_links WHERE id = :id"),
                    {"id": link["id"]},
                )
            ).scalar_one()
        assert 29 < days.total_seconds() / 86400 <= 30

        second = await _create(c, assets[2:], expiresIn="1h", allowConnections=True)
        page = (await c.get(BASE, params={"limit": 1})).json()
        assert page["total"] == 2 and page["cursor"]["hasMore"] is True
        assert page["data"][0]["id"] == second["id"]  # newest first
        rest = (await c.get(BASE, params={"limit": 1, "cursor": page["cursor"]["next"]})).json()
        assert [x["id"] for x in rest["data"]] == [link["id"]]
        assert rest["cursor"] == {"next": None, "hasMore": False}

        r = await c.patch(
            f"{BASE}/{link['id']}",
            json={
                "name": "Renamed",
                "assetIds": [str(assets[2])],
                "allowDiagram": False,
                "expiresIn": "7d",
                "maxUses": None,
            },
        )
        assert r.status_code == 200, r.text
        changed = r.json()["data"]
        assert changed["name"] == "Renamed" and changed["assetIds"] == [str(assets[2])]
        assert changed["permissions"]["diagram"] is False and changed["maxUses"] is None
        assert changed["expiresAt"] < link["expiresAt"]  # 7 d from now < 30 d from before

        r = await c.delete(f"{BASE}/{link['id']}")
        assert r.status_code == 200 and r.json() == {"success": True}
        assert (await c.delete(f"{BASE}/{link['id']}")).status_code == 404  # §1.10
        assert (await c.get(f"{BASE}/{link['id']}")).status_code == 404
        assert (await c.patch(f"{BASE}/{link['id']}", json={"name": "x"})).status_code == 404
        assert [x["id"] for x in (await c.get(BASE)).json()["data"]] == [second["id"]]
    async with admin_engine.connect() as conn:
        actions = (
            (
                await conn.execute(
                    text(
                        "SELECT action FROM audit_log WHERE organization_id = :o"
                        " AND resource_type = 'share_link' ORDER BY created_at"
                    ),
                    {"o": org},
                )
            )
            .scalars()
            .all()
        )
    assert actions.count("share.create") == 2
    assert "share.update" in actions and "share.revoke" in actions


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"assetIds": []}, "assetIds"),
        ({"assetIds": [str(uuid.uuid4()) for _ in range(101)]}, "assetIds"),
        ({"expiresIn": "never"}, "expiresIn"),
        ({"expiresIn": "365d"}, "expiresIn"),
        ({"maxUses": 0}, "maxUses"),
        ({"maxUses": 10001}, "maxUses"),
        ({"name": "   "}, "name"),
    ],
)
async def test_create_validation_names_the_field(
    app: FastAPI, admin_engine: AsyncEngine, body: dict, field: str
) -> None:
    org = await seed_org(admin_engine)
    member = await seed_user(admin_engine, org)
    (asset,) = await _assets(admin_engine, org, 1)
    async with await _client(app, member) as c:
        r = await c.post(BASE, json={"name": "n", "assetIds": [str(asset)], **body})
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["code"] == "VALIDATION_ERROR" and field in error["details"]["fieldErrors"]


async def test_assets_outside_the_org_are_a_400_on_assetIds(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    org, other = await seed_org(admin_engine), await seed_org(admin_engine)
    member = await seed_user(admin_engine, org)
    (mine,) = await _assets(admin_engine, org, 1)
    (theirs,) = await _assets(admin_engine, other, 1)
    async with await _client(app, member) as c:
        for ids in ([mine, theirs], [uuid.uuid4()]):
            r = await c.post(BASE, json={"name": "n", "assetIds": [str(a) for a in ids]})
            assert r.status_code == 400, r.text
            assert "assetIds" in r.json()["error"]["details"]["fieldErrors"]
        link = await _create(c, [mine])
        r = await c.patch(f"{BASE}/{link['id']}", json={"assetIds": [str(theirs)]})
        assert r.status_code == 400 and "assetIds" in r.json()["error"]["details"]["fieldErrors"]
    async with admin_engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM share_links"))).scalar() == 1


async def test_members_manage_only_their_links_admins_all(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    org = await seed_org(admin_engine)
    alice = await seed_user(admin_engine, org, role="org_member")
    bob = await seed_user(admin_engine, org, role="org_member")
    admin = await seed_user(admin_engine, org, role="org_admin")
    assets = await _assets(admin_engine, org, 1)
    async with await _client(app, alice) as c:
        link = await _create(c, assets)
    url = f"{BASE}/{link['id']}"
    async with await _client(app, bob) as c:
        # D5: another member's link is off limits (same org, so 403 rather than 404).
        assert (await c.patch(url, json={"name": "mine now"})).status_code == 403
        assert (await c.delete(url)).status_code == 403
        assert (await c.get(f"{url}/access-log")).status_code == 403
        assert (await c.get(url)).status_code == 403
        assert (await c.get(BASE)).json()["total"] == 0
    async with await _client(app, admin) as c:
        assert (await c.get(BASE)).json()["total"] == 1
        r = await c.patch(url, json={"name": "Checked by admin"})
        assert r.status_code == 200 and r.json()["data"]["name"] == "Checked by admin"
        assert (await c.get(f"{url}/access-log")).status_code == 200
        assert (await c.delete(url)).status_code == 200


async def test_another_orgs_link_is_not_found(app: FastAPI, admin_engine: AsyncEngine) -> None:
    org, other = await seed_org(admin_engine), await seed_org(admin_engine)
    member = await seed_user(admin_engine, org)
    stranger = await seed_user(admin_engine, other, role="org_admin")
    link_id = None
    async with await _client(app, member) as c:
        link_id = (await _create(c, await _assets(admin_engine, org, 1)))["id"]
    async with await _client(app, stranger) as c:
        for method, path in (
            ("GET", f"{BASE}/{link_id}"),
            ("PATCH", f"{BASE}/{link_id}"),
            ("DELETE", f"{BASE}/{link_id}"),
            ("GET", f"{BASE}/{link_id}/access-log"),
            ("GET", f"{BASE}/{uuid.uuid4()}"),
        ):
            r = await c.request(method, path, json={"name": "x"} if method == "PATCH" else None)
            assert r.status_code == 404, f"{method} {path}: {r.status_code}"
            assert link_id not in r.text
        assert (await c.get(BASE)).json()["total"] == 0
    async with client_for(app) as anon:
        assert (await anon.get(BASE)).status_code == 401
        assert (await anon.post(BASE, json={})).status_code == 401
