"""Per-asset reference reads (api.md §3.2 #15-17; D2): family, CPC hierarchy, maintenance.
Reference rows are inserted as the loaders write them; the asset is a real tenant row."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.auth_support import account, seed_user, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")

APPNO, GRANT = "13000001", "9000001"


async def _seed(engine: AsyncEngine, org: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    async with engine.begin() as conn:
        asset = (
            await conn.execute(
                text(
                    "INSERT INTO assets (organization_id, appno_doc_num, grant_doc_num)"
                    " VALUES (:o, :a, :g) RETURNING id"
                ),
                {"o": org, "a": APPNO, "g": GRANT},
            )
        ).scalar_one()
        bare = (
            await conn.execute(
                text(
                    "INSERT INTO assets (organization_id, appno_doc_num) VALUES (:o, '13000002')"
                    " RETURNING id"
                ),
                {"o": org},
            )
        ).scalar_one()
        fam = (
            await conn.execute(
                text(
                    "INSERT INTO patent_families (family_id, content_hash, fetched_at)"
                    " VALUES ('F-1', 'h', now()) RETURNING id"
                )
            )
        ).scalar_one()
        for country, doc, kind, us_grant, us_appno, day in (
            ("US", GRANT, "B2", GRANT, APPNO, "2015-03-03"),
            ("EP", "2000001", "A1", None, None, "2014-01-02"),
            ("JP", "2014500001", "A", None, None, None),
        ):
            await conn.execute(
                text(
                    "INSERT INTO patent_family_members (patent_family_id, country_code, doc_num,"
                    " kind_code, publication_date, us_doc_num, us_appno_doc_num, app_doc_num)"
                    " VALUES (:f, :c, :d, :k, :p, :ug, :ua, :ad)"
                ),
                {
                    "f": fam,
                    "c": country,
                    "d": doc,
                    "k": kind,
                    "p": date.fromisoformat(day) if day else None,
                    "ug": us_grant,
                    "ua": us_appno,
                    "ad": f"{country}-app",
                },
            )
        for code, main, pos in (("H04L9/32", True, 1), ("H04L63/08", False, 2)):
            await conn.execute(
                text(
                    "INSERT INTO patent_cpc_codes (patent_doc_num, patent_type, cpc_code,"
                    " cpc_level, is_inventive, is_main, position, source)"
                    " VALUES (:g, 'grant', :c, 5, true, :m, :p, 'mcf')"
                ),
                {"g": GRANT, "c": code, "m": main, "p": pos},
            )
        for code, title, level, section, klass, sub in (
            ("H", "ELECTRICITY", 1, "H", None, None),
            ("H04", "ELECTRIC COMMUNICATION TECHNIQUE", 2, "H", "04", None),
            ("H04L", "TRANSMISSION OF DIGITAL INFORMATION", 3, "H", "04", "L"),
            ("H04L9/00", "Cryptographic mechanisms", 4, "H", "04", "L"),
        ):
            await conn.execute(
                text(
                    "INSERT INTO cpc_classifications (cpc_code, section, class, subclass, title,"
                    " level) VALUES (:c, :s, :k, :u, :t, :l)"
                ),
                {"c": code, "s": section, "k": klass, "u": sub, "t": title, "l": level},
            )
        await conn.execute(
            text(
                "INSERT INTO maintenance_event_codes (code, description) VALUES"
                " ('M1551', 'Payment of Maintenance Fee, 4th Year, Large Entity'),"
                " ('REM.', 'Maintenance Fee Reminder Mailed'),"
                " ('EXP.', 'Patent Expired for Failure to Pay Maintenance Fees')"
            )
        )
        for code, day in (("M1551", "2018-08-01"), ("REM.", "2022-10-01"), ("EXP.", "2023-04-05")):
            await conn.execute(
                text(
                    "INSERT INTO maintenance_fee_events (grant_doc_num, event_code, event_date)"
                    " VALUES (:g, :c, :d)"
                ),
                {"g": GRANT, "c": code, "d": date.fromisoformat(day)},
            )
        windows = [
            {"label": "3.5_year", "windowOpen": "2018-03-03", "dueDate": "2018-09-03",
             "graceEnd": "2019-03-03", "paidOn": "2018-08-01", "status": "paid"},
            {"label": "7.5_year", "windowOpen": "2022-03-03", "dueDate": "2022-09-03",
             "graceEnd": "2023-03-03", "paidOn": None, "status": "expired"},
        ]  # fmt: skip
        await conn.execute(
            text(
                "INSERT INTO maintenance_fee_statuses (grant_doc_num, status, as_of,"
                " paid_through, next_window, due_date, grace_end, expired_on, windows)"
                " VALUES (:g, 'expired', '2024-01-01', '3.5_year', '7.5_year', '2022-09-03',"
                " '2023-03-03', '2023-03-03', CAST(:w AS jsonb))"
            ),
            {"g": GRANT, "w": json.dumps(windows)},
        )
    return asset, bare


async def test_family_cpc_and_maintenance_of_an_asset(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    member = await account(admin_engine, "org_member")
    asset, bare = await _seed(admin_engine, member.org_id)
    base = f"/api/v1/assets/{asset}"
    async with client_for(app) as c:
        await sign_in(app, c, member)
        r = await c.get(f"{base}/family")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["familyIds"] == ["F-1"] and body["totalMembers"] == 3
        assert body["countries"] == ["EP", "JP", "US"]
        # Oldest publication first, undated last.
        assert [m["country"] for m in body["data"]] == ["EP", "US", "JP"]
        us = body["data"][1]
        assert us["publicationNumber"] == GRANT and us["kind"] == "B2"
        assert us["publicationDate"] == "2015-03-03" and us["applicationNumber"] == "US-app"
        assert r.headers["cache-control"] == "private, max-age=3600"  # R1h

        r = await c.get(f"{base}/cpc")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["totalAssigned"] == 2
        nodes = {n["code"]: n for n in body["data"]}
        # The assigned codes with every ancestor, by shape when unlinked.
        assert set(nodes) == {"H", "H04", "H04L", "H04L9/00", "H04L9/32", "H04L63/00",
                              "H04L63/08"}  # fmt: skip
        assert nodes["H04L9/32"] == {
            "code": "H04L9/32",
            "level": "subgroup",
            "description": None,
            "parentCode": "H04L9/00",
            "assigned": True,
            "isMain": True,
            "isInventive": True,
        }
        assert nodes["H04L9/00"]["description"] == "Cryptographic mechanisms"
        assert nodes["H04L9/00"]["level"] == "main_group" and not nodes["H04L9/00"]["assigned"]
        assert nodes["H04L"]["parentCode"] == "H04" and nodes["H04"]["parentCode"] == "H"
        assert nodes["H"]["level"] == "section" and nodes["H"]["parentCode"] is None
        assert r.headers["cache-control"] == "private, max-age=86400"  # R1d

        r = await c.get(f"{base}/maintenance")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["grantNumber"] == GRANT
        assert [(e["eventCode"], e["feeWindow"], e["status"]) for e in body["data"]] == [
            ("M1551", "3.5_year", "paid"),
            ("REM.", None, "due"),
            ("EXP.", None, "expired"),
        ]
        fee = body["feeStatus"]
        assert fee["status"] == "expired" and fee["paidThrough"] == "3.5_year"
        assert fee["graceEnd"] == "2023-03-03" and len(fee["windows"]) == 2
        assert fee["windows"][0]["paidOn"] == "2018-08-01"

        # A source without rows: empty lists, not errors.
        for path, empty in (
            ("family", {"data": [], "familyIds": [], "totalMembers": 0, "countries": []}),
            ("cpc", {"data": [], "totalAssigned": 0}),
            ("maintenance", {"data": [], "grantNumber": None, "feeStatus": None}),
        ):
            r = await c.get(f"/api/v1/assets/{bare}/{path}")
            assert r.status_code == 200 and r.json() == empty, path
            # Unknown id 404; malformed id 400 naming the field.
            r = await c.get(f"/api/v1/assets/{uuid.uuid4()}/{path}")
            assert r.status_code == 404 and r.json()["error"]["code"] == "NOT_FOUND"
            r = await c.get(f"/api/v1/assets/nope/{path}")
            assert r.status_code == 400
            assert "asset_id" in r.json()["error"]["details"]["fieldErrors"]

    # Another org's member: 404 with no data; no session: 401.
    stranger = await account(admin_engine, "org_admin")
    async with client_for(app) as c:
        await sign_in(app, c, stranger)
        for path in ("family", "cpc", "maintenance"):
            r = await c.get(f"{base}/{path}")
            assert r.status_code == 404 and set(r.json()) == {"error"}
            assert GRANT not in r.text
    async with client_for(app) as anon:
        assert (await anon.get(f"{base}/family")).status_code == 401
    # Same-org admin sees it too (role M is the floor).
    admin = await seed_user(admin_engine, member.org_id, role="org_admin")
    async with client_for(app) as c:
        await sign_in(app, c, admin)
        assert (await c.get(f"{base}/family")).json()["totalMembers"] == 3
