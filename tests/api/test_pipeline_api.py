"""Pipeline rebuild/status and companies: each change queues the org's pipeline (D15)."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

import worker.tasks  # noqa: F401  (registers pipeline.run)
from patentrack.settings import Settings
from tests.api.auth_support import account, seed_user, sign_in
from tests.conftest import client_for
from worker.jobs import JobQueue
from worker.runtime import build_worker

pytestmark = pytest.mark.usefixtures("clean_tables")


async def _drain(settings: Settings) -> None:
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    assert worker.jobs_failed == 0


async def test_admin_rebuild_is_queued_after_commit_and_status_shows_the_run(
    app, admin_engine: AsyncEngine, settings: Settings, redis: Redis
) -> None:
    admin = await account(admin_engine, "org_admin")
    base = f"/api/v1/organizations/{admin.org_id}/pipeline"
    queue: JobQueue = app.state.queue
    async with client_for(app) as c:
        await sign_in(app, c, admin)
        r = await c.post(base)
        assert r.status_code == 202
        job_id = r.json()["data"]["jobId"]
        assert job_id == f"pipeline:org:{admin.org_id}"
        assert await queue.status(job_id) == "queued"
        pending = (await c.get(base)).json()["data"]
        assert pending["dirty"] is True and pending["latestRun"] is None
        # A second request while one is queued does not queue a duplicate (D15).
        assert (await c.post(base)).status_code == 202
        await _drain(settings)
        done = (await c.get(base)).json()["data"]
    run = done["latestRun"]
    assert done["dirty"] is False and run["status"] == "success" and run["jobType"] == "manual"
    assert [s["name"] for s in run["steps"]] == [
        "classify",
        "flag",
        "tree",
        "timeline",
        "broken_title",
        "dashboard",
        "summary",
        "generate_json",
    ]
    assert {s["status"] for s in run["steps"]} == {"success"}
    async with admin_engine.connect() as conn:
        runs = (
            await conn.execute(
                text("SELECT count(*) FROM processing_jobs WHERE organization_id = :o"),
                {"o": admin.org_id},
            )
        ).scalar_one()
    assert runs == 1


async def test_member_watches_but_cannot_rebuild(app, admin_engine: AsyncEngine, redis) -> None:
    admin = await account(admin_engine, "org_admin")
    member = await seed_user(admin_engine, admin.org_id)
    async with client_for(app) as c:
        await sign_in(app, c, member)
        base = f"/api/v1/organizations/{admin.org_id}/pipeline"
        assert (await c.post(base)).status_code == 403
        assert (await c.get(base)).status_code == 200
        # Another tenant's pipeline does not exist for this member.
        other = await account(admin_engine, "org_admin")
        assert (await c.get(f"/api/v1/organizations/{other.org_id}/pipeline")).status_code == 404


async def test_company_create_list_delete_each_trigger_the_pipeline(
    app, admin_engine: AsyncEngine, settings: Settings, redis: Redis
) -> None:
    admin = await account(admin_engine, "org_admin")
    queue: JobQueue = app.state.queue
    job_id = f"pipeline:org:{admin.org_id}"
    async with client_for(app) as c:
        await sign_in(app, c, admin)
        created = await c.post(
            "/api/v1/companies",
            json={"name": "SURVIVALINK CORPORATION", "aliases": ["SURVIVA LINK CORPORATION"]},
        )
        assert created.status_code == 201
        company = created.json()["data"]
        assert company["aliases"] == ["SURVIVA LINK CORPORATION"]
        assert await queue.status(job_id) == "queued"
        listed = (await c.get("/api/v1/companies")).json()["data"]
        assert [x["name"] for x in listed] == ["SURVIVALINK CORPORATION"]
        await _drain(settings)  # the run ends and frees its id: the delete queues a new one
        assert await queue.status(job_id) == "not_found"
        assert (await c.delete(f"/api/v1/companies/{company['id']}")).status_code == 204
        assert await queue.status(job_id) == "queued"
        assert (await c.get("/api/v1/companies")).json()["data"] == []
        assert (await c.delete(f"/api/v1/companies/{company['id']}")).status_code == 404
        invalid = await c.post("/api/v1/companies", json={"name": ""})
        assert invalid.status_code == 400


async def test_member_cannot_change_companies_and_tenants_do_not_mix(
    app, admin_engine: AsyncEngine, redis: Redis
) -> None:
    admin = await account(admin_engine, "org_admin")
    member = await seed_user(admin_engine, admin.org_id)
    other = await account(admin_engine, "org_admin")
    async with client_for(app) as a, client_for(app) as m, client_for(app) as o:
        await sign_in(app, a, admin)
        await sign_in(app, m, member)
        await sign_in(app, o, other)
        made = (await a.post("/api/v1/companies", json={"name": "INCYTE CORPORATION"})).json()
        assert (await m.post("/api/v1/companies", json={"name": "X"})).status_code == 403
        assert [x["name"] for x in (await m.get("/api/v1/companies")).json()["data"]] == [
            "INCYTE CORPORATION"
        ]
        # RLS: the other org neither sees nor deletes it.
        assert (await o.get("/api/v1/companies")).json()["data"] == []
        assert (await o.delete(f"/api/v1/companies/{made['data']['id']}")).status_code == 404
