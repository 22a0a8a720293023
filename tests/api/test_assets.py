"""The asset API (api.md §3.2; D2, D10, D16) over a real-data org after a real pipeline run
(tests/worker/pipeline/sample_org.py: the USPTO daily file ad20160101.xml)."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from api.errors import BadRequest
from api.pagination import CursorCodec, Keyset
from db.engine import make_engine, make_sessionmaker
from patentrack.settings import Settings
from tests.api.auth_support import Account, account, seed_user, sign_in
from tests.api.test_rbac import _api_routes
from tests.conftest import client_for
from tests.worker.pipeline.sample_org import ASSETS, create_sample_org, load_sample
from worker.pipeline.runner import PipelineRunner

pytestmark = pytest.mark.usefixtures("clean_tables")

BASE = "/api/v1/assets"


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


async def _member(app: FastAPI, engine: AsyncEngine, org: uuid.UUID, role: str) -> Account:
    return await seed_user(engine, org, role=role)


async def _client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _all_pages(c: httpx.AsyncClient, params: dict[str, str]) -> tuple[list[str], int]:
    ids: list[str] = []
    pages = 0
    cursor: str | None = None
    while True:
        r = await c.get(BASE, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["total"] == len(ASSETS) and body["totalIsApproximate"] is False
        ids += [a["id"] for a in body["data"]]
        pages += 1
        cursor = body["cursor"]["next"]
        assert body["cursor"]["hasMore"] is (cursor is not None)
        if cursor is None:
            return ids, pages


async def test_list_filters_sort_and_cursor_paging(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, a = sample
    member = await _member(app, admin_engine, org, "org_member")
    async with admin_engine.connect() as conn:
        survivalink = (
            await conn.execute(
                text("SELECT id FROM companies WHERE organization_id = :o AND name = :n"),
                {"o": org, "n": "SURVIVALINK CORPORATION"},
            )
        ).scalar_one()
    async with client_for(app) as anon:
        assert (await anon.get(BASE)).status_code == 401
    async with await _client(app, member) as c:
        r = await c.get(BASE)
        assert r.status_code == 200
        body = r.json()
        # D10: default limit 50 holds all 13; exact total; no next page.
        assert body["total"] == 13 and body["totalIsApproximate"] is False
        assert body["cursor"] == {"next": None, "hasMore": False}
        assert {x["id"] for x in body["data"]} == {str(v) for v in a.values()}
        # Default sort: application number, descending.
        numbers = [x["applicationNumber"] for x in body["data"]]
        assert numbers == sorted(ASSETS, reverse=True)
        by_no = {x["applicationNumber"]: x for x in body["data"]}
        assert by_no["10760040"]["company"]["name"] == "SURVIVALINK CORPORATION"
        assert by_no["10760040"]["status"] == "complete"
        assert by_no["14729229"]["status"] == "broken"
        assert by_no["14441716"]["company"] is None

        # Keyset paging (api.md §1.4) equals the unpaged set, no duplicates, any sort.
        for sort, order in (("applicationNumber", "asc"), ("title", "desc"), ("grantDate", "asc")):
            ids, pages = await _all_pages(c, {"limit": "5", "sort": sort, "order": order})
            assert len(ids) == len(set(ids)) == 13 and pages == 3
            assert set(ids) == {str(v) for v in a.values()}
        asc, _ = await _all_pages(c, {"limit": "4", "order": "asc"})
        assert asc == [str(a[n]) for n in sorted(ASSETS)]

        async def ids_for(**params: object) -> set[str]:
            r = await c.get(BASE, params=params)
            assert r.status_code == 200, r.text
            assert r.json()["total"] == len(r.json()["data"])
            return {x["id"] for x in r.json()["data"]}

        assert await ids_for(hasOpenLiens="true") == {str(a["13923786"])}
        assert str(a["13923786"]) not in await ids_for(hasOpenLiens="false")
        assert await ids_for(companyId=str(survivalink)) == {
            str(a["10760040"]),
            str(a["10255988"]),
        }
        broken = await ids_for(status="broken")
        assert {str(a[n]) for n in ("10255988", "14729229", "11067312", "13890380")} <= broken
        assert str(a["10760040"]) not in broken
        assert str(a["10760040"]) in await ids_for(status="complete")
        assert await ids_for(search=" 10760040 ") == {str(a["10760040"])}
        assert await ids_for(search="zz-no-such-thing") == set()
        # Only 13923786 and 13890380 carry a security interest (0696).
        assert await ids_for(conveyanceType="security") == {
            str(a["13923786"]),
            str(a["13890380"]),
        }
        # 14729229 was filed 2014-05-13... whatever it was, the inclusive range on its own
        # application date finds it.
        henkel = (await c.get(f"{BASE}/{a['14729229']}")).json()["data"]
        day = henkel["applicationDate"]
        assert day is not None
        assert str(a["14729229"]) in await ids_for(dateFrom=day, dateTo=day)
        assert await ids_for(dateFrom="2100-01-01") == set()

        # Validation (D9): 400 VALIDATION_ERROR naming the field.
        for params, field in (
            ({"sort": "bogus"}, "sort"),
            ({"limit": "101"}, "limit"),
            ({"limit": "0"}, "limit"),
            ({"status": "weird"}, "status"),
            ({"search": "x" * 256}, "search"),
            ({"companyId": "not-a-uuid"}, "companyId"),
        ):
            r = await c.get(BASE, params=params)
            assert r.status_code == 400, params
            err = r.json()["error"]
            assert err["code"] == "VALIDATION_ERROR"
            assert {k.split(".")[0] for k in err["details"]["fieldErrors"]} == {field}
        r = await c.get(BASE, params={"dateFrom": "2020-01-02", "dateTo": "2020-01-01"})
        assert r.status_code == 400 and "dateFrom" in r.json()["error"]["details"]["fieldErrors"]

        # Cursors: tampered, forged, or replayed against another query -> invalid_cursor.
        first = (await c.get(BASE, params={"limit": "5"})).json()["cursor"]["next"]
        body_part, sig = first.split(".")
        flipped = body_part[:-2] + ("A" if body_part[-2] != "A" else "B") + body_part[-1]
        for bad, params in (
            (f"{flipped}.{sig}", {"limit": "5"}),
            (f"{body_part}.{sig[:-3]}abc", {"limit": "5"}),
            ("garbage", {"limit": "5"}),
            (first, {"limit": "5", "sort": "title"}),
            (first, {"limit": "5", "hasOpenLiens": "false"}),
        ):
            r = await c.get(BASE, params={**params, "cursor": bad})
            assert r.status_code == 400, bad
            err = r.json()["error"]
            assert err["code"] == "BAD_REQUEST" and err["details"]["reason"] == "invalid_cursor"
        # The untouched cursor still works (the failures above are about the cursor).
        assert (await c.get(BASE, params={"limit": "5", "cursor": first})).status_code == 200


async def test_detail_chain_of_title_and_diagram(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, a = sample
    member = await _member(app, admin_engine, org, "org_member")
    async with await _client(app, member) as c:
        # D2 owner with its supporting chain (values from test_pipeline_sample_data).
        d = (await c.get(f"{BASE}/{a['10760040']}")).json()["data"]
        assert d["applicationNumber"] == "10760040"
        assert d["company"]["name"] == "SURVIVALINK CORPORATION"
        assert d["currentOwner"] == {
            "holders": ["Cardiac Science, Inc."],
            "supportingRfIds": ["037389-0892", "037389-0928"],
            "status": "complete",
        }
        assert d["titleVerdict"] == {"status": "complete", "reasons": [], "breakPoint": None}
        assert d["openLiens"] == [] and d["inventorSource"] == "inferred"
        assert d["rulesetVersion"] and d["computedAt"]

        # BR-033 break point of 14729229.
        d = (await c.get(f"{BASE}/{a['14729229']}")).json()["data"]
        verdict = d["titleVerdict"]
        assert verdict["status"] == "broken" and verdict["reasons"] == ["chain_break"]
        bp = verdict["breakPoint"]
        assert bp["seq"] == 2 and bp["afterRfId"] == "037390-0916"
        assert bp["expected"] == ["Henkel Ip & Holding Gmbh"]
        assert bp["beforeRfId"] == "037390-0838"
        assert d["currentOwner"]["holders"] == ["Henkel Ag & Co. Kgaa"]

        # D2 open lien of 13923786.
        d = (await c.get(f"{BASE}/{a['13923786']}")).json()["data"]
        assert [(x["rfId"], x["securedParty"]) for x in d["openLiens"]] == [
            ("037389-0696", "Wells Fargo Bank, National Association, London Branch, As Agent")
        ]

        # Before the BR-039 floor: an owner but no verdict (null, not an error).
        d = (await c.get(f"{BASE}/{a['08978704']}")).json()["data"]
        assert d["titleVerdict"] is None
        assert d["currentOwner"]["holders"] == ["John Zink Company, Llc"]

        # Chain of title in P5 order with parties and the org's classification.
        r = await c.get(f"{BASE}/{a['10760040']}/assignments")
        assert r.status_code == 200
        chain = r.json()["data"]
        assert [(x["seq"], x["rfId"]) for x in chain] == [(1, "037389-0892"), (2, "037389-0928")]
        first, second = chain
        # Reel/frame as recorded; rf_id is their padded form (BR-059).
        assert (first["reel"], first["frame"]) == ("37389", "892")
        assert all(x["rfId"] == f"{int(x['reel']):06d}-{int(x['frame']):04d}" for x in chain)
        assert first["isEmployerAssignment"] is True and first["conveyanceType"] == "employee"
        assert {p["name"] for p in first["assignees"]} == {"SURVIVALINK CORPORATION"}
        assert len(first["assignors"]) == 3
        assert [p["name"] for p in second["assignors"]] == ["SURVIVALINK CORPORATION"]
        assert second["isEmployerAssignment"] is False
        assert second["recordDate"] and second["conveyanceText"]
        effective = [x["effectiveDate"] for x in chain]
        assert effective == sorted(effective)
        r = await c.get(f"{BASE}/{a['14729229']}/assignments")
        assert [x["rfId"] for x in r.json()["data"]] == ["037390-0838", "037390-0916"]

        # D16: the stored payload as stored; ETag + private, no-cache; 304 on a match.
        async with admin_engine.connect() as conn:
            stored = (
                await conn.execute(
                    text("SELECT diagram_json FROM asset_diagrams WHERE asset_id = :a"),
                    {"a": a["14729229"]},
                )
            ).scalar_one()
        r = await c.get(f"{BASE}/{a['14729229']}/diagram")
        assert r.status_code == 200
        assert r.json() == {"data": stored}
        assert r.headers["cache-control"] == "private, no-cache"
        etag = r.headers["etag"]
        assert re.fullmatch(r'W/"v\d+-[0-9a-f]{32}"', etag)  # api.md §5.1 PV
        r304 = await c.get(f"{BASE}/{a['14729229']}/diagram", headers={"If-None-Match": etag})
        assert r304.status_code == 304 and r304.content == b""
        assert r304.headers["etag"] == etag
        weak = await c.get(
            f"{BASE}/{a['14729229']}/diagram",
            headers={"If-None-Match": f'"x", {etag.removeprefix("W/")}'},
        )
        assert weak.status_code == 304
        other = await c.get(f"{BASE}/{a['14729229']}/diagram", headers={"If-None-Match": '"x"'})
        assert other.status_code == 200 and other.json() == {"data": stored}
        # Another asset, another diagram, another ETag.
        r2 = await c.get(f"{BASE}/{a['10760040']}/diagram")
        assert r2.status_code == 200 and r2.headers["etag"] != etag


async def test_assets_without_conveyances_or_pipeline_give_empty_not_errors(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    admin = await account(admin_engine, "org_admin")
    async with admin_engine.begin() as conn:
        asset = (
            await conn.execute(
                text(
                    "INSERT INTO assets (organization_id, appno_doc_num) VALUES (:o, '99000001')"
                    " RETURNING id"
                ),
                {"o": admin.org_id},
            )
        ).scalar_one()
    async with await _client(app, admin) as c:
        listed = (await c.get(BASE)).json()
        assert [x["id"] for x in listed["data"]] == [str(asset)] and listed["total"] == 1
        assert listed["data"][0]["title"] is None and listed["data"][0]["status"] is None
        d = (await c.get(f"{BASE}/{asset}")).json()["data"]
        assert d["currentOwner"] is None and d["titleVerdict"] is None and d["openLiens"] == []
        r = await c.get(f"{BASE}/{asset}/assignments")
        assert r.status_code == 200 and r.json() == {"data": []}
        # No pipeline run yet: nothing stored to draw.
        assert (await c.get(f"{BASE}/{asset}/diagram")).status_code == 404


async def test_validate_normalises_and_reports_membership(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, a = sample
    admin = await _member(app, admin_engine, org, "org_admin")
    member = await _member(app, admin_engine, org, "org_member")
    async with admin_engine.begin() as conn:
        await conn.execute(
            text("INSERT INTO patents (appno_doc_num, title) VALUES ('77000001', 'Known')")
        )
    url = f"{BASE}/validate"
    async with await _client(app, admin) as c:
        r = await c.post(
            url, json={"patentNumbers": ["10/760,040", "US 14729229", "77000001", "nonsense"]}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        first, second, third, fourth = body["data"]
        assert first["input"] == "10/760,040" and first["applicationNumber"] == "10760040"
        assert first["found"] is True and first["assetId"] == str(a["10760040"])
        assert second["applicationNumber"] == "14729229" and second["found"] is True
        assert second["assetId"] == str(a["14729229"])
        assert third == {
            "input": "77000001",
            "valid": True,
            "applicationNumber": "77000001",
            "grantNumber": "77000001",
            "found": False,
            "assetId": None,
            "inPatents": True,
        }
        assert fourth["valid"] is False and fourth["found"] is False
        assert fourth["applicationNumber"] is None and fourth["grantNumber"] is None
        assert body["totalFound"] == 2 and body["totalNotFound"] == 2
        # The brief's spelling of the field is accepted too.
        r = await c.post(url, json={"numbers": ["10760040"]})
        assert r.status_code == 200 and r.json()["data"][0]["found"] is True
        for bad in ({"patentNumbers": []}, {"patentNumbers": ["1"] * 101}, {}):
            r = await c.post(url, json=bad)
            assert r.status_code == 400, bad
            err = r.json()["error"]
            assert err["code"] == "VALIDATION_ERROR"
            assert any(
                "patentNumbers" in f or "numbers" in f for f in err["details"]["fieldErrors"]
            )
    # api.md §3.2 #22 is an admin route.
    async with await _client(app, member) as c:
        assert (await c.post(url, json={"patentNumbers": ["10760040"]})).status_code == 403


def _asset_id_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every API route taking an asset id, enumerated from the app."""
    found = [
        (method, path)
        for path, route in _api_routes(app)
        # The org's own asset routes; /shared/{code}/assets/... has its own tests.
        if "{asset_id}" in path and path.startswith(BASE)
        for method in route.methods
    ]
    assert len(found) >= 3
    return sorted(set(found))


async def test_tenant_isolation_matrix_and_unknown_ids(
    app: FastAPI, admin_engine: AsyncEngine, sample: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    org, a = sample
    owner = await _member(app, admin_engine, org, "org_member")
    stranger = await account(admin_engine, "org_admin")
    routes = _asset_id_routes(app)
    assert ("GET", "/api/v1/assets/{asset_id}/diagram") in routes
    victim = a["14729229"]
    async with await _client(app, stranger) as c:
        for method, path in routes:
            r = await c.request(method, path.replace("{asset_id}", str(victim)))
            assert r.status_code == 404, f"{method} {path}: {r.status_code}"
            body = r.json()
            assert set(body) == {"error"} and body["error"]["code"] == "NOT_FOUND"
            assert "14729229" not in r.text and "Henkel" not in r.text.title()
        # Nor does the stranger's list or validate reveal the asset.
        assert (await c.get(BASE)).json()["total"] == 0
        v = (await c.post(f"{BASE}/validate", json={"patentNumbers": ["14729229"]})).json()
        assert v["data"][0]["found"] is False and v["data"][0]["assetId"] is None
    async with await _client(app, owner) as c:
        for method, path in routes:
            assert (
                await c.request(method, path.replace("{asset_id}", str(victim)))
            ).status_code == 200
            r = await c.request(method, path.replace("{asset_id}", str(uuid.uuid4())))
            assert r.status_code == 404 and set(r.json()) == {"error"}
            assert (await c.request(method, path.replace("{asset_id}", "nope"))).status_code == 400
    async with client_for(app) as anon:
        for method, path in [*routes, ("GET", BASE), ("POST", f"{BASE}/validate")]:
            r = await anon.request(method, path.replace("{asset_id}", str(victim)))
            assert r.status_code == 401 and "data" not in r.json()


def test_cursor_codec_round_trips_long_keys_and_rejects_foreign_cursors() -> None:
    codec, other = CursorCodec("secret-one"), CursorCodec("secret-two")
    position = Keyset(key="é" * 600, id=uuid.uuid4())  # a long title sort key
    cursor = codec.encode(position, "q1")
    assert len(cursor) < 4096  # the list route's cursor length cap
    assert codec.decode(cursor, "q1") == position
    for decoder, query, bad in (
        (other, "q1", cursor),  # signed with another key
        (codec, "q2", cursor),  # issued for another query
        (codec, "q1", cursor + "x"),
        (codec, "q1", "a.b.c"),
    ):
        with pytest.raises(BadRequest) as caught:
            decoder.decode(bad, query)
        assert caught.value.details == {"reason": "invalid_cursor"}
