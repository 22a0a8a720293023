"""Admin operations API (issue 9; api.md §3.5): per-org pipeline history (SA, and org
admins for their own org only), rebuilds with 409 job_running, cross-tenant transaction
review, fix-items, ingestion status / freshness and the dated trigger."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

import worker.tasks  # noqa: F401  (registers pipeline.run)
from patentrack.settings import Settings
from tests.api.auth_support import account, seed_user, sign_in
from tests.conftest import client_for
from tests.pipeline_factories import _insert, _org_assignment
from worker.runtime import build_worker

pytestmark = pytest.mark.usefixtures("clean_tables")

ADMIN = "/api/v1/admin"


@pytest.fixture
async def sa(app: FastAPI, admin_engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app) as c:
        await sign_in(app, c, await account(admin_engine, "super_admin"))
        yield c


async def _drain(settings: Settings) -> None:
    w = build_worker(settings, burst=True, handle_signals=False)
    await w.async_run()
    await w.close()
    assert w.jobs_failed == 0


async def test_pipeline_history_for_super_admins_and_own_org_admins(
    app: FastAPI, sa: httpx.AsyncClient, settings: Settings, admin_engine: AsyncEngine
) -> None:
    a = await account(admin_engine, "org_admin")
    b = await account(admin_engine, "org_admin")
    queued = await sa.post(
        f"{ADMIN}/organizations/{a.org_id}/rebuild-pipeline", json={"startFromStep": "tree"}
    )
    assert queued.status_code == 202, queued.text
    body = queued.json()["data"]
    assert body["pipelineId"] == f"pipeline:org:{a.org_id}" and body["status"] == "queued"
    assert body["steps"] == [
        "tree", "timeline", "broken_title", "dashboard", "summary", "generate_json",
    ]  # fmt: skip
    # Queued and not yet run: a second trigger is refused with the running job's id.
    again = await sa.post(f"{ADMIN}/organizations/{a.org_id}/rebuild-tree")
    assert again.status_code == 409
    assert again.json()["error"]["details"] == {
        "reason": "job_running", "jobId": f"pipeline:org:{a.org_id}",
    }  # fmt: skip
    await _drain(settings)

    runs = await sa.get(f"{ADMIN}/organizations/{a.org_id}/pipeline/runs")
    assert runs.status_code == 200
    page = runs.json()
    assert page["total"] == 1 and len(page["data"]) == 1
    run = page["data"][0]
    assert run["status"] == "success" and run["trigger"] == "admin rebuild from tree"
    assert run["durationMs"] is not None and run["durationMs"] >= 0
    detail = await sa.get(f"{ADMIN}/organizations/{a.org_id}/pipeline/runs/{run['id']}")
    steps = detail.json()["data"]["steps"]
    assert [s["number"] for s in steps] == list(range(1, 9))
    assert all(s["status"] == "success" and s["durationMs"] is not None for s in steps)
    absent = await sa.get(f"{ADMIN}/organizations/{a.org_id}/pipeline/runs/{uuid.uuid4()}")
    assert absent.status_code == 404
    # A later rebuild is estimated from the history.
    est = await sa.post(f"{ADMIN}/organizations/{a.org_id}/rebuild-pipeline")
    assert est.status_code == 202 and est.json()["data"]["estimatedDuration"] is not None

    async with client_for(app) as c:
        await sign_in(app, c, a)
        own = await c.get(f"{ADMIN}/organizations/{a.org_id}/pipeline/runs")
        assert own.status_code == 200 and own.json()["total"] == 1
        mine = await c.get(f"{ADMIN}/organizations/{a.org_id}/pipeline/runs/{run['id']}")
        assert mine.status_code == 200
        # Rebuilds stay super-admin only (R12).
        assert (await c.post(f"{ADMIN}/organizations/{a.org_id}/rebuild-tree")).status_code == 403
    async with client_for(app) as c:
        await sign_in(app, c, b)  # another org's admin: not found, never forbidden
        assert (await c.get(f"{ADMIN}/organizations/{a.org_id}/pipeline/runs")).status_code == 404
        other = await c.get(f"{ADMIN}/organizations/{a.org_id}/pipeline/runs/{run['id']}")
        assert other.status_code == 404
    async with client_for(app) as c:
        await sign_in(app, c, await seed_user(admin_engine, a.org_id, role="org_member"))
        assert (await c.get(f"{ADMIN}/organizations/{a.org_id}/pipeline/runs")).status_code == 403


async def test_transactions_review_and_fix_items(
    app: FastAPI, sa: httpx.AsyncClient, admin_engine: AsyncEngine
) -> None:
    a = await account(admin_engine, "org_admin")
    b = await account(admin_engine, "org_admin")
    async with admin_engine.begin() as conn:
        await _org_assignment(conn, a.org_id)
        await _org_assignment(conn, b.org_id)
        await conn.execute(
            text("UPDATE assignments SET record_dt = '2020-05-01', convey_text = 'ASSIGNMENT'")
        )
        await conn.execute(
            text("UPDATE org_assignments SET employer_assign = true WHERE organization_id = :o"),
            {"o": b.org_id},
        )
        await _insert(conn, "assignors", {
            "assignment_id": (await conn.execute(text("SELECT id FROM assignments"))).scalar(),
            "entity_id": (await conn.execute(text(
                "INSERT INTO entities (name) VALUES ('JOHN DOE') RETURNING id"))).scalar(),
            "seq": 1, "or_name": "JOHN DOE",
        })  # fmt: skip

    every = (await sa.get(f"{ADMIN}/transactions")).json()
    assert every["total"] == 2
    assert {t["orgId"] for t in every["data"]} == {str(a.org_id), str(b.org_id)}
    first = every["data"][0]
    assert first["assignorName"] == "JOHN DOE" and first["recordDate"] == "2020-05-01"
    assert first["conveyanceType"] == "assignment" and first["conveyanceText"] == "ASSIGNMENT"
    only_a = (await sa.get(f"{ADMIN}/transactions", params={"orgId": str(a.org_id)})).json()
    assert [t["orgId"] for t in only_a["data"]] == [str(a.org_id)]
    flagged = (await sa.get(f"{ADMIN}/transactions", params={"flagged": "true"})).json()
    assert [t["orgId"] for t in flagged["data"]] == [str(b.org_id)]
    later = await sa.get(f"{ADMIN}/transactions", params={"dateFrom": "2020-05-02"})
    assert later.json()["total"] == 0
    paged = (await sa.get(f"{ADMIN}/transactions", params={"limit": 1})).json()
    nxt = await sa.get(
        f"{ADMIN}/transactions", params={"limit": 1, "cursor": paged["cursor"]["next"]}
    )
    assert nxt.json()["data"][0]["id"] != paged["data"][0]["id"]
    bad = await sa.get(f"{ADMIN}/transactions", params={"conveyanceType": "gift"})
    assert (
        bad.status_code == 400 and "conveyanceType" in bad.json()["error"]["details"]["fieldErrors"]
    )

    fixed = await sa.post(f"{ADMIN}/fix-items", json={"orgId": str(a.org_id), "fixType": "reclass"})
    assert fixed.status_code == 202, fixed.text
    assert fixed.json()["data"] == {
        "jobId": f"pipeline:org:{a.org_id}", "fixType": "reclass", "itemCount": 1,
        "startFromStep": "classify", "status": "queued",
    }  # fmt: skip
    busy = await sa.post(
        f"{ADMIN}/fix-items",
        json={"orgId": str(a.org_id), "fixType": "renormalize", "targetIds": ["x"]},
    )
    assert busy.status_code == 409 and busy.json()["error"]["details"]["reason"] == "job_running"
    wrong = await sa.post(f"{ADMIN}/fix-items", json={"orgId": str(a.org_id), "fixType": "zap"})
    assert wrong.status_code == 400
    assert "fixType" in wrong.json()["error"]["details"]["fieldErrors"]
    missing = await sa.post(
        f"{ADMIN}/fix-items", json={"orgId": str(uuid.uuid4()), "fixType": "reclass"}
    )
    assert missing.status_code == 404
    async with client_for(app) as c:
        await sign_in(app, c, a)
        assert (await c.get(f"{ADMIN}/transactions")).status_code == 403


async def test_status_freshness_and_dated_trigger(
    sa: httpx.AsyncClient, admin_engine: AsyncEngine
) -> None:
    now = datetime.now(UTC)
    async with admin_engine.begin() as conn:
        for name, last, status in (
            ("USPTO_PASDL_DAILY", now - timedelta(hours=10), "success"),
            ("USPTO_GRANTS_BIBLIO", now - timedelta(days=10), "success"),
            ("USPTO_CPC_MCF", now - timedelta(days=71), "success"),
            ("USPTO_MAINT_FEE_EVENTS", now - timedelta(days=1), "failed"),
        ):
            await conn.execute(
                text(
                    "INSERT INTO data_sources (name, source_type, schedule_type, schedule_cron,"
                    " last_success_at, last_status, last_record_count, last_business_date)"
                    " VALUES (:n, 'bulk_download', 'daily', '0 2 * * *', :s, :st, 5,"
                    " '2026-01-01')"
                ),
                {"n": name, "s": last, "st": status},
            )
    fresh = {f["source"]: f for f in (await sa.get(f"{ADMIN}/ingestion/freshness")).json()["data"]}
    assert fresh["USPTO_PASDL_DAILY"]["status"] == "fresh"
    assert fresh["USPTO_GRANTS_BIBLIO"]["status"] == "stale"  # 10 d > 9 d
    assert fresh["USPTO_CPC_MCF"]["status"] == "critical"  # 71 d > 2 x 35 d
    assert fresh["USPTO_PASDL_DAILY"]["lastDataDate"] == "2026-01-01"
    assert 0.4 < fresh["USPTO_PASDL_DAILY"]["staleDays"] < 0.5
    state = (await sa.get(f"{ADMIN}/ingestion/status")).json()["data"]
    health = {s["name"]: s["status"] for s in state["sources"]}
    assert health == {
        "USPTO_PASDL_DAILY": "healthy", "USPTO_GRANTS_BIBLIO": "stale",
        "USPTO_CPC_MCF": "stale", "USPTO_MAINT_FEE_EVENTS": "failing",
    }  # fmt: skip
    assert state["queueDepth"] == 0 and state["activeJobs"] == 0

    r = await sa.post(
        f"{ADMIN}/ingestion/trigger",
        json={"source": "assignments", "dateFrom": "2026-01-01", "dateTo": "2026-01-03"},
    )
    assert r.status_code == 202, r.text
    assert len(r.json()["data"]["jobIds"]) == 3
    assert (await sa.get(f"{ADMIN}/ingestion/status")).json()["data"]["queueDepth"] == 3
    dup = await sa.post(f"{ADMIN}/ingestion/trigger", json={"source": "assignments"})
    assert dup.status_code == 409 and dup.json()["error"]["details"]["reason"] == "job_running"
    backwards = await sa.post(
        f"{ADMIN}/ingestion/trigger",
        json={"source": "cpc", "dateFrom": "2026-01-03", "dateTo": "2026-01-01"},
    )
    assert backwards.status_code == 400
    assert backwards.json()["error"]["details"]["fieldErrors"] == {
        "dateTo": ["must be on or after dateFrom"]
    }
