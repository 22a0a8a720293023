"""Event feeds (api.md §3.3 #29-31), tree detail (#25) and the CPC word cloud (#28) over
the real-data sample org after a real pipeline run."""

from __future__ import annotations

import uuid

import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.routes.events import recent_key
from tests.api.auth_support import account, seed_user, sign_in
from tests.api.test_assets import sample, worker_sessions  # noqa: F401  (fixtures)
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")
Sample = tuple[uuid.UUID, dict[str, uuid.UUID]]


async def test_feeds_tree_detail_and_wordcloud(
    app: FastAPI,
    admin_engine: AsyncEngine,
    redis: Redis,
    sample: Sample,  # noqa: F811
) -> None:
    org, _ = sample
    member = await seed_user(admin_engine, org, role="org_member")
    async with admin_engine.begin() as conn:
        # The sample file's conveyances are from 2015; make one recent for #31.
        await conn.execute(
            text("UPDATE assignments SET record_dt = current_date - 3 WHERE rf_id = '037389-0928'")
        )
        node = (
            await conn.execute(
                text(
                    "SELECT id, display_name, rf_ids FROM ownership_tree_nodes"
                    " WHERE organization_id = :o ORDER BY asset_count DESC, id LIMIT 1"
                ),
                {"o": org},
            )
        ).one()
        await conn.execute(
            text(
                "INSERT INTO patent_cpc_codes (patent_doc_num, patent_type, cpc_code, cpc_level,"
                " is_inventive, is_main, position, source) SELECT s.appno_doc_num,"
                " 'application', 'A61N1/39', 5, true, true, 1, 'mcf' FROM assets s"
                " WHERE s.organization_id = :o AND s.appno_doc_num IN ('10760040', '10255988')"
            ),
            {"o": org},
        )
        await conn.execute(
            text(
                "INSERT INTO cpc_classifications (cpc_code, section, class, subclass, title,"
                " level) VALUES ('A61N', 'A', '61', 'N', 'ELECTROTHERAPY', 3)"
            )
        )
    async with client_for(app) as c:
        await sign_in(app, c, member)
        # #29: the merged feed, newest first, every item typed; paging is stable.
        r = await c.get("/api/v1/events", params={"limit": 5})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["total"] > 5 and body["cursor"]["hasMore"] is True
        kinds = {e["type"] for e in body["data"]}
        assert kinds <= {"assignment", "pipeline", "maintenance"}
        r2 = await c.get("/api/v1/events", params={"limit": 5, "cursor": body["cursor"]["next"]})
        assert not {e["id"] for e in body["data"]} & {e["id"] for e in r2.json()["data"]}
        only = await c.get("/api/v1/events", params={"type": "pipeline"})
        assert only.json()["total"] == 1 and only.json()["data"][0]["type"] == "pipeline"
        rng = await c.get("/api/v1/events", params={"type": "assignment", "dateFrom": "2100-01-01"})
        assert rng.json()["total"] == 0
        assignment = (await c.get("/api/v1/events", params={"type": "assignment"})).json()
        assert all(e["metadata"]["rfId"] for e in assignment["data"])
        assert assignment["total"] >= 10
        # Company scope narrows (api.md §1.5).
        async with admin_engine.connect() as conn:
            survivalink = (
                await conn.execute(
                    text("SELECT id FROM companies WHERE organization_id = :o AND name = :n"),
                    {"o": org, "n": "SURVIVALINK CORPORATION"},
                )
            ).scalar_one()
        scoped = await c.get(
            "/api/v1/events", params={"type": "assignment", "companyId": str(survivalink)}
        )
        scoped_rfs = {e["metadata"]["rfId"] for e in scoped.json()["data"]}
        # 10760040's chain is in; other companies' conveyances are not.
        assert {"037389-0892", "037389-0928"} <= scoped_rfs
        assert "037390-0916" not in scoped_rfs  # Henkel's (14729229)
        assert scoped.json()["total"] < assignment["total"]
        # #30: no fee data ingested for the sample grants -> an empty page, not an error.
        r = await c.get("/api/v1/events/maintenance", params={"status": "due"})
        assert r.status_code == 200 and r.json()["total"] == 0

        # #31: recent conveyances, cached for 5 minutes under the api.md §5.2 key.
        r = await c.get("/api/v1/events/assignments", params={"days": 7})
        assert r.status_code == 200, r.text
        data = r.json()["data"]
        assert [x["rfId"] for x in data] == ["037389-0928"]
        assert data[0]["affectedAssets"] >= 1 and data[0]["color"].startswith("#")
        assert r.headers["x-cache"] == "miss"
        key = recent_key(org, 7)
        assert 0 < await redis.ttl(key) <= 300
        again = await c.get("/api/v1/events/assignments", params={"days": 7})
        assert again.headers["x-cache"] == "hit" and again.json() == r.json()

        # #25 one tree: the node, its company's touched assets, a conveyance summary.
        t = await c.get(f"/api/v1/dashboards/trees/{node.id}")
        assert t.status_code == 200, t.text
        tree = t.json()["data"]
        assert tree["entityName"] == node.display_name and tree["rfIds"] == list(node.rf_ids)
        summary = tree["transactionSummary"]
        assert summary["totalAssignments"] == len(node.rf_ids)
        assert summary["dateRange"]["earliest"] <= summary["dateRange"]["latest"]
        assert len(tree["assets"]) >= 1
        assert (await c.get(f"/api/v1/dashboards/trees/{uuid.uuid4()}")).status_code == 404

        # #28 word cloud per subclass, with weights relative to the largest.
        w = await c.get("/api/v1/dashboards/cpc-wordcloud")
        assert w.status_code == 200, w.text
        assert w.json()["data"] == [
            {"code": "A61N", "description": "ELECTROTHERAPY", "count": 2, "weight": 1.0}
        ]
        section = await c.get("/api/v1/dashboards/cpc-wordcloud", params={"level": "section"})
        assert section.json()["data"][0]["code"] == "A"
        none = await c.get("/api/v1/dashboards/cpc-wordcloud", params={"year": 1990})
        assert none.json()["data"] == [] and none.json()["totalAssets"] == 0

        # 400 naming the field.
        for url, params, field in (
            ("/api/v1/events", {"type": "bogus"}, "type"),
            ("/api/v1/events", {"dateFrom": "2020-01-02", "dateTo": "2020-01-01"}, "dateFrom"),
            ("/api/v1/events/maintenance", {"feeWindow": "5_year"}, "feeWindow"),
            ("/api/v1/events/maintenance", {"status": "late"}, "status"),
            ("/api/v1/events/assignments", {"days": "0"}, "days"),
            ("/api/v1/events/assignments", {"days": "366"}, "days"),
            ("/api/v1/dashboards/cpc-wordcloud", {"level": "group"}, "level"),
            ("/api/v1/dashboards/trees/nope", {}, "tree_id"),
        ):
            r = await c.get(url, params=params)
            assert r.status_code == 400, (url, params)
            assert field in r.json()["error"]["details"]["fieldErrors"], r.json()

    # Another org sees none of it: its feeds are empty, the tree id is 404.
    stranger = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        await sign_in(app, c, stranger)
        assert (await c.get("/api/v1/events")).json()["total"] == 0
        assert (await c.get("/api/v1/events/assignments")).json()["total"] == 0
        r = await c.get(f"/api/v1/dashboards/trees/{node.id}")
        assert r.status_code == 404 and node.display_name not in r.text
    async with client_for(app) as anon:
        assert (await anon.get("/api/v1/events")).status_code == 401
