"""Entities (api.md §3.4 #35-37), ranked search (#21), org companies (#38-40) and the org
profile counts (#33) over the real-data sample org after a real pipeline run."""

from __future__ import annotations

import uuid

import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.auth_support import account, seed_user, sign_in
from tests.api.test_assets import sample, worker_sessions  # noqa: F401  (fixtures)
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")
Sample = tuple[uuid.UUID, dict[str, uuid.UUID]]


async def test_entities_search_companies_and_profile(
    app: FastAPI,
    admin_engine: AsyncEngine,
    sample: Sample,  # noqa: F811
) -> None:
    org, a = sample
    member = await seed_user(admin_engine, org, role="org_member")
    admin = await seed_user(admin_engine, org, role="org_admin")
    base = f"/api/v1/organizations/{org}"
    async with client_for(app) as c:
        await sign_in(app, c, member)
        r = await c.get(f"{base}/entities", params={"search": "survivalink"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["total"] >= 1
        ent = body["data"][0]
        assert "survivalink" in ent["canonicalName"].lower() and ent["assetCount"] >= 1
        d = await c.get(f"{base}/entities/{ent['id']}")
        assert d.status_code == 200, d.text
        detail = d.json()["data"]
        assert detail["totalAssets"] == len(detail["assets"]) == ent["assetCount"]
        assert {x["id"] for x in detail["assets"]} >= {str(a["10760040"])}
        assert all(al["levenshteinDistance"] >= 0 for al in detail["aliases"])
        assert (await c.get(f"{base}/entities/{uuid.uuid4()}")).status_code == 404
        paged = (await c.get(f"{base}/entities", params={"limit": 3})).json()
        assert len(paged["data"]) == 3 and paged["cursor"]["hasMore"] is True
        # Normalize is admin-only (D5).
        assert (await c.post(f"{base}/entities/normalize", json={})).status_code == 403

        # #21 ranked search: an exact number ranks 1.0; the snippet is escaped and marked.
        s = await c.get("/api/v1/assets/search", params={"q": "10760040"})
        assert s.status_code == 200, s.text
        hit = s.json()["data"][0]
        assert hit["id"] == str(a["10760040"]) and hit["matchField"] == "number"
        assert hit["score"] == 1.0 and "<mark>10760040</mark>" in hit["matchSnippet"]
        title = await c.get("/api/v1/assets/search", params={"q": "a", "fields": "title"})
        assert title.json()["total"] >= 1
        assert all(h["matchField"] == "title" for h in title.json()["data"])
        for params in ({"q": ""}, {"q": "x" * 256}, {"q": "a", "fields": "abstract"}, {}):
            r = await c.get("/api/v1/assets/search", params=params)
            assert r.status_code == 400, params

        # #33 profile with counts and settings.
        p = (await c.get(base)).json()
        assert p["assetCount"] == 13 and p["entityCount"] >= 1
        assert not any(p["settings"].values())
        assert set(p["settings"]) == {
            "darkMode",
            "slackConnected",
            "teamsConnected",
            "googleDriveConnected",
        }

        # #38 companies page.
        listed = (await c.get(f"{base}/companies")).json()
        names = {x["name"]: x for x in listed["data"]}
        assert names["SURVIVALINK CORPORATION"]["assetCount"] == 2
        assert names["SURVIVALINK CORPORATION"]["entityId"] is not None
        assert (await c.post(f"{base}/companies", json={"name": "X"})).status_code == 403

    async with client_for(app) as c:
        await sign_in(app, c, admin)
        r = await c.post(f"{base}/companies", json={"name": "Acme Robotics", "aliases": ["ACME"]})
        assert r.status_code == 201, r.text
        created = r.json()["data"]
        assert created["enrichmentJobId"] and created["pipelineJobId"]
        dup = await c.post(f"{base}/companies", json={"name": "acme robotics"})
        assert dup.status_code == 409
        bad = await c.post(f"{base}/companies", json={"name": ""})
        assert bad.status_code == 400 and "name" in bad.json()["error"]["details"]["fieldErrors"]
        # The add queued a run: normalize now meets job_running.
        n = await c.post(f"{base}/entities/normalize", json={"threshold": 3})
        assert n.status_code == 409 and n.json()["error"]["details"]["reason"] == "job_running"
        dry = await c.post(f"{base}/entities/normalize", json={"dryRun": True})
        assert dry.status_code == 202 and dry.json()["data"]["status"] == "dry_run"
        assert (
            await c.post(f"{base}/entities/normalize", json={"threshold": 11})
        ).status_code == 400
        d = await c.delete(f"{base}/companies/{created['id']}")
        assert d.status_code == 200 and d.json() == {"success": True}
        assert (await c.delete(f"{base}/companies/{created['id']}")).status_code == 404
        async with admin_engine.connect() as conn:
            await conn.execute(
                text("UPDATE org_pipeline_state SET dirty = false WHERE organization_id = :o"),
                {"o": org},
            )
            await conn.commit()
        q = await c.post(f"{base}/entities/normalize", json={})
        assert q.status_code == 202 and q.json()["data"]["status"] == "queued"

    stranger = await account(admin_engine, "org_admin")
    async with client_for(app) as c:
        await sign_in(app, c, stranger)
        for method, url in (
            ("GET", f"{base}/entities"),
            ("GET", f"{base}/entities/{ent['id']}"),
            ("POST", f"{base}/entities/normalize"),
            ("GET", f"{base}/companies"),
            ("DELETE", f"{base}/companies/{created['id']}"),
        ):
            r = await c.request(method, url, json={} if method == "POST" else None)
            assert r.status_code == 404, (method, url)
        s = await c.get("/api/v1/assets/search", params={"q": "10760040"})
        assert s.json()["total"] == 0
