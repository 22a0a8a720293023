"""The dashboard API (api.md §3.3; D9, D10) over a real-data org after a real pipeline run
(tests/worker/pipeline/sample_org.py: the USPTO daily file ad20160101.xml). The concrete
values below were read from summary_metrics, broken_title_chains, open_liens,
ownership_tree_nodes and timeline_entries after that run."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from patentrack.settings import Settings
from tests.api.auth_support import Account, account, seed_user, sign_in
from tests.conftest import client_for
from tests.worker.pipeline.sample_org import create_sample_org, load_sample
from worker.pipeline.runner import PipelineRunner

pytestmark = pytest.mark.usefixtures("clean_tables")

BASE = "/api/v1/dashboards"
ROUTES = ("summary", "broken-titles", "trees", "timeline")


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=4)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def sample(
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    assert await load_sample(admin_engine) == 199
    org, assets = await create_sample_org(admin_engine)
    outcome = await PipelineRunner(worker_sessions, redis).run(org, reason="test")
    assert len(outcome.runs) == 1
    return org, assets


async def _client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _company(engine: AsyncEngine, org: uuid.UUID, name: str) -> str:
    async with engine.connect() as conn:
        found = (
            await conn.execute(
                text("SELECT id FROM companies WHERE organization_id = :o AND name = :n"),
                {"o": org, "n": name},
            )
        ).scalar_one()
    return str(found)


async def _all_pages(
    c: httpx.AsyncClient, path: str, params: dict[str, Any]
) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    pages = 0
    cursor: str | None = None
    while True:
        r = await c.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["totalIsApproximate"] is False
        items += body["data"]
        pages += 1
        cursor = body["cursor"]["next"]
        assert body["cursor"]["hasMore"] is (cursor is not None)
        if cursor is None:
            return items, pages


def _assert_400(r: httpx.Response, field: str) -> None:
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["code"] == "VALIDATION_ERROR"
    assert field in {k.split(".")[0] for k in err["details"]["fieldErrors"]}


async def test_summary_org_row_and_per_company_rows(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, _ = sample
    member = await seed_user(admin_engine, org, role="org_member")
    survivalink = await _company(admin_engine, org, "SURVIVALINK CORPORATION")
    logicnow = await _company(admin_engine, org, "LOGICNOW LIMITED")
    async with admin_engine.connect() as conn:
        run_id, ruleset = (
            await conn.execute(
                text(
                    "SELECT run_id, ruleset_version FROM summary_metrics"
                    " WHERE organization_id = :o AND company_id IS NULL"
                ),
                {"o": org},
            )
        ).one()
    assert run_id is not None
    kpi_keys = {
        "totalAssets",
        "totalEntities",
        "totalCompanies",
        "totalTransactions",
        "totalEmployees",
        "totalParties",
        "totalActivities",
        "totalArrows",
    }
    async with await _client(app, member) as c:
        r = await c.get(f"{BASE}/summary")
        assert r.status_code == 200, r.text
        assert r.headers["cache-control"] == "private, no-cache"
        d = r.json()["data"]
        assert d["scope"] == "organization"
        # Six broken verdicts (10079118, 10255988, 11067312, 13890380, 13923786,
        # 14729229) and the one open Wells Fargo lien on 13923786.
        assert d["brokenTitles"] == 6 and d["openLiens"] == 1
        [row] = d["metrics"]
        assert row["companyId"] is None and row["rulesetVersion"] == ruleset
        assert row["calculatedAt"]
        assert {k: row[k] for k in kpi_keys} == {
            "totalAssets": 10,
            "totalEntities": 10,
            "totalCompanies": 6,
            "totalTransactions": 19,
            "totalEmployees": 23,
            "totalParties": 12,
            "totalActivities": 5,
            "totalArrows": 39,
        }

        r = await c.get(f"{BASE}/summary", params={"companyId": survivalink})
        d = r.json()["data"]
        assert d["scope"] == "companies"
        [row] = d["metrics"]
        assert row["companyId"] == survivalink
        assert {k: row[k] for k in kpi_keys} == {
            "totalAssets": 1,
            "totalEntities": 1,
            "totalCompanies": 1,
            "totalTransactions": 2,
            "totalEmployees": 3,
            "totalParties": 3,
            "totalActivities": 3,
            "totalArrows": 4,
        }
        # 10255988 is SURVIVALINK's broken title; it holds no lien.
        assert d["brokenTitles"] == 1 and d["openLiens"] == 0

        r = await c.get(
            f"{BASE}/summary", params=[("companyId", survivalink), ("companyId", logicnow)]
        )
        d = r.json()["data"]
        assert {m["companyId"] for m in d["metrics"]} == {survivalink, logicnow}
        # + LOGICNOW's two no_transactions verdicts and its lien.
        assert d["brokenTitles"] == 3 and d["openLiens"] == 1

        _assert_400(await c.get(f"{BASE}/summary", params={"companyId": "nope"}), "companyId")


async def test_broken_titles_values_filters_and_cursor_paging(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, a = sample
    member = await seed_user(admin_engine, org, role="org_member")
    logicnow = await _company(admin_engine, org, "LOGICNOW LIMITED")
    url = f"{BASE}/broken-titles"
    broken = ["14729229", "13923786", "13890380", "11067312", "10255988", "10079118"]
    async with admin_engine.connect() as conn:
        in_db = (
            await conn.execute(
                text(
                    "SELECT asset_id FROM broken_title_chains"
                    " WHERE organization_id = :o AND status = 'broken'"
                ),
                {"o": org},
            )
        ).scalars()
        assert {str(x) for x in in_db} == {str(a[n]) for n in broken}
    async with await _client(app, member) as c:
        r = await c.get(url)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["total"] == 6 and body["totalIsApproximate"] is False
        assert body["cursor"] == {"next": None, "hasMore": False}
        # Default order: application number, descending (api.md §1.4).
        assert [x["applicationNumber"] for x in body["data"]] == broken
        assert [x["assetId"] for x in body["data"]] == [str(a[n]) for n in broken]
        by_no = {x["applicationNumber"]: x for x in body["data"]}
        henkel = by_no["14729229"]
        assert henkel["company"]["name"] == "HENKEL AG & CO. KGAA"
        assert henkel["reasonCode"] == "chain_break" and henkel["reasons"] == ["chain_break"]
        assert henkel["breakPoint"] == {
            "seq": 2,
            "rfId": "037390-0916",
            "missingLinkFrom": "Henkel Ip & Holding Gmbh",
            "missingLinkTo": "Li, Zhiming Pasing, Zhang, Yong, Li, Jinyou",
        }
        assert henkel["currentHolders"] == ["Henkel Ag & Co. Kgaa"]
        assert henkel["detectedAt"] and henkel["grantNumber"] is None
        nothing = by_no["13890380"]
        assert nothing["reasonCode"] == "no_transactions" and nothing["breakPoint"] is None
        assert nothing["currentHolders"] == [] and nothing["company"]["name"] == "LOGICNOW LIMITED"
        assert by_no["10255988"]["reasonCode"] == "no_employee_start"
        assert by_no["10255988"]["currentHolders"] == ["Cardiac Science, Inc."]
        assert by_no["10079118"]["company"] is None
        # A complete title is not listed.
        assert str(a["10760040"]) not in {x["assetId"] for x in body["data"]}

        r = await c.get(url, params={"companyId": logicnow})
        assert r.json()["total"] == 2
        assert [x["applicationNumber"] for x in r.json()["data"]] == ["13923786", "13890380"]

        # Keyset paging (api.md §1.4, D10) equals the unpaged set, in both orders.
        paged, pages = await _all_pages(c, url, {"limit": "4"})
        assert pages == 2 and paged == body["data"]
        asc, pages = await _all_pages(c, url, {"limit": "1", "order": "asc"})
        assert pages == 6 and [x["applicationNumber"] for x in asc] == broken[::-1]

        for params, field in (
            ({"limit": "101"}, "limit"),
            ({"limit": "0"}, "limit"),
            ({"order": "sideways"}, "order"),
            ({"companyId": "not-a-uuid"}, "companyId"),
        ):
            _assert_400(await c.get(url, params=params), field)

        first = (await c.get(url, params={"limit": "2"})).json()["cursor"]["next"]
        timeline_cursor = (await c.get(f"{BASE}/timeline", params={"limit": "2"})).json()["cursor"][
            "next"
        ]
        for bad, params in (
            (first[:-3] + "abc", {"limit": "2"}),
            (first, {"limit": "2", "order": "asc"}),
            (first, {"limit": "2", "companyId": logicnow}),
            (timeline_cursor, {"limit": "2"}),
        ):
            r = await c.get(url, params={**params, "cursor": bad})
            assert r.status_code == 400
            err = r.json()["error"]
            assert err["code"] == "BAD_REQUEST" and err["details"]["reason"] == "invalid_cursor"
        assert (await c.get(url, params={"limit": "2", "cursor": first})).status_code == 200


async def test_trees_grouped_per_tab(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, _ = sample
    member = await seed_user(admin_engine, org, role="org_member")
    logicnow = await _company(admin_engine, org, "LOGICNOW LIMITED")
    survivalink = await _company(admin_engine, org, "SURVIVALINK CORPORATION")
    url = f"{BASE}/trees"
    async with admin_engine.connect() as conn:
        per_tab = dict(
            (
                await conn.execute(
                    text(
                        "SELECT tab, count(*) FROM ownership_tree_nodes"
                        " WHERE organization_id = :o GROUP BY tab"
                    ),
                    {"o": org},
                )
            ).all()
        )
    assert per_tab == {0: 19, 1: 12, 2: 2}
    async with await _client(app, member) as c:
        r = await c.get(url)
        assert r.status_code == 200, r.text
        assert r.headers["cache-control"] == "private, no-cache"
        tabs = r.json()["data"]
        # Every tab is present, the administrative one (3) empty for this org.
        assert [(t["tab"], len(t["nodes"])) for t in tabs] == [(0, 19), (1, 12), (2, 2), (3, 0)]
        assert all(n["tab"] == t["tab"] for t in tabs for n in t["nodes"])

        r = await c.get(url, params={"companyId": logicnow})
        tabs = r.json()["data"]
        assert [len(t["nodes"]) for t in tabs] == [0, 0, 2, 0]
        wells, pacific = tabs[2]["nodes"]
        assert wells == {
            "id": wells["id"],
            "companyId": logicnow,
            "treeType": 5,
            "tab": 2,
            "entityName": "Wells Fargo Bank, National Association, London Branch, As Agent",
            "entityKey": wells["entityKey"],
            "color": "#ffaa00",
            "assetCount": 2,
            "lastActivityDate": "2015-12-31",
            "rfIds": ["037389-0696"],
        }
        assert pacific["treeType"] == 7 and pacific["color"] == "#70A800"
        assert pacific["entityName"].startswith("Pacific Western Bank")
        assert pacific["rfIds"] == ["037391-0918"] and pacific["assetCount"] == 1

        # SURVIVALINK: three inventors (tab 0); two assignors and Cardiac Science (tab 1).
        r = await c.get(url, params={"companyId": survivalink, "tab": "1"})
        [tab] = r.json()["data"]
        assert tab["tab"] == 1
        assert [(n["treeType"], n["entityName"], n["assetCount"]) for n in tab["nodes"]] == [
            (1, "Brewer, James E.", 1),
            (1, "Groenke, Allen W.", 1),
            (2, "Cardiac Science, Inc.", 2),
        ]
        r = await c.get(url, params={"companyId": survivalink, "treeType": "2"})
        assert [[n["entityName"] for n in t["nodes"]] for t in r.json()["data"]] == [
            [],
            ["Cardiac Science, Inc."],
            [],
            [],
        ]

        for params, field in (
            ({"tab": "4"}, "tab"),
            ({"tab": "-1"}, "tab"),
            ({"treeType": "14"}, "treeType"),
            ({"companyId": "x"}, "companyId"),
        ):
            _assert_400(await c.get(url, params=params), field)


async def test_timeline_filters_and_cursor_paging(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, _ = sample
    member = await seed_user(admin_engine, org, role="org_member")
    survivalink = await _company(admin_engine, org, "SURVIVALINK CORPORATION")
    url = f"{BASE}/timeline"
    async with admin_engine.connect() as conn:
        in_db = (
            await conn.execute(
                text("SELECT count(*) FROM timeline_entries WHERE organization_id = :o"),
                {"o": org},
            )
        ).scalar_one()
    assert in_db == 39
    async with await _client(app, member) as c:
        r = await c.get(url, params={"limit": "100"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["total"] == 39 and len(body["data"]) == 39
        assert body["cursor"] == {"next": None, "hasMore": False}
        everything = body["data"]
        # Default order: newest record date first, then the step-4 sequence, descending.
        keys = [(x["recordDate"], x["sequence"]) for x in everything]
        assert keys == sorted(keys, reverse=True)

        # Keyset paging equals the unpaged list, in the same order, without duplicates.
        paged, pages = await _all_pages(c, url, {"limit": "7"})
        assert pages == 6 and paged == everything
        assert len({x["id"] for x in paged}) == 39

        # SURVIVALINK's assignee side: Cardiac Science, Inc. on 037389-0928 and 037390-0047.
        r = await c.get(url, params={"companyId": survivalink, "role": "assignee"})
        body = r.json()
        assert body["total"] == 2
        assert [(x["rfId"], x["sequence"]) for x in body["data"]] == [
            ("037390-0047", 4),
            ("037389-0928", 3),
        ]
        first = body["data"][1]
        assert first["companyId"] == survivalink and first["role"] == "assignee"
        assert first["originalName"] == "CARDIAC SCIENCE, INC."
        assert first["conveyanceType"] == "assignment" and first["recordDate"] == "2015-12-31"
        assert (first["reel"], first["frame"]) == ("37389", "928")
        assert first["isEmployerAssignment"] is False and first["assetCount"] == 1
        r = await c.get(url, params={"companyId": survivalink, "role": "assignor"})
        # Three inventors on 037389-0892, two assignors on 037389-0970.
        assert r.json()["total"] == 5
        assert {x["role"] for x in r.json()["data"]} == {"assignor"}
        assert (
            sorted(x["rfId"] for x in r.json()["data"]) == ["037389-0892"] * 3 + ["037389-0970"] * 2
        )
        r = await c.get(url, params={"companyId": survivalink, "role": "all"})
        assert r.json()["total"] == 7

        # Inclusive date range (api.md §1.1): every conveyance was recorded 2015-12-31.
        r = await c.get(url, params={"dateFrom": "2015-12-31", "dateTo": "2015-12-31"})
        assert r.json()["total"] == 39
        assert (await c.get(url, params={"dateTo": "2015-12-30"})).json()["total"] == 0
        assert (await c.get(url, params={"dateFrom": "2016-01-01"})).json()["total"] == 0

        for params, field in (
            ({"role": "lender"}, "role"),
            ({"dateFrom": "2015-13-01"}, "dateFrom"),
            ({"dateFrom": "2016-01-02", "dateTo": "2016-01-01"}, "dateFrom"),
            ({"limit": "101"}, "limit"),
            ({"companyId": "nope"}, "companyId"),
        ):
            _assert_400(await c.get(url, params=params), field)

        cursor = (await c.get(url, params={"limit": "5"})).json()["cursor"]["next"]
        r = await c.get(url, params={"limit": "5", "role": "assignor", "cursor": cursor})
        assert r.status_code == 400 and r.json()["error"]["details"]["reason"] == "invalid_cursor"


async def test_other_orgs_companies_and_anonymous_callers_see_nothing(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, _ = sample
    owner = await seed_user(admin_engine, org, role="org_member")
    stranger = await account(admin_engine, "org_member")
    survivalink = await _company(admin_engine, org, "SURVIVALINK CORPORATION")

    def assert_empty(route: str, r: httpx.Response) -> None:
        assert r.status_code == 200, r.text
        assert "SURVIVALINK" not in r.text.upper() and "CARDIAC" not in r.text.upper()
        body = r.json()
        if route == "summary":
            assert body["data"]["metrics"] == []
            assert body["data"]["brokenTitles"] == 0 and body["data"]["openLiens"] == 0
        elif route == "trees":
            assert all(t["nodes"] == [] for t in body["data"])
        else:
            assert body["data"] == [] and body["total"] == 0

    async with await _client(app, stranger) as c:
        for route in ROUTES:
            # Another org's company id, or no filter at all: RLS leaves nothing to show.
            assert_empty(route, await c.get(f"{BASE}/{route}", params={"companyId": survivalink}))
            assert_empty(route, await c.get(f"{BASE}/{route}"))
    async with await _client(app, owner) as c:
        for route in ROUTES:
            r = await c.get(f"{BASE}/{route}", params={"companyId": str(uuid.uuid4())})
            assert_empty(route, r)
            assert (await c.get(f"{BASE}/{route}")).status_code == 200
    async with client_for(app) as anon:
        for route in ROUTES:
            r = await anon.get(f"{BASE}/{route}")
            assert r.status_code == 401 and "data" not in r.json()
            assert r.json()["error"]["code"] == "UNAUTHORIZED"


def test_routes_are_documented_with_operation_ids(app: FastAPI) -> None:
    ops = {
        path: item["get"]["operationId"]
        for path, item in app.openapi()["paths"].items()
        if path.startswith(BASE)
    }
    assert ops == {
        f"{BASE}/summary": "dashboards_summary",
        f"{BASE}/broken-titles": "dashboards_broken_titles",
        f"{BASE}/trees": "dashboards_trees",
        f"{BASE}/timeline": "dashboards_timeline",
        f"{BASE}/trees/{{tree_id}}": "dashboards_tree",  # issue 7 #25
        f"{BASE}/cpc-wordcloud": "dashboards_cpc_wordcloud",  # issue 7 #28
    }
