"""GET /admin/ingestion/queue-controls: the pause state the admin banner shows on load
(frontend.md §3.11 "a paused queue shows a banner across admin")."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.auth_support import account, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")

BASE = "/api/v1/admin/ingestion"


async def test_queue_controls_follow_pause_and_resume(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    async with client_for(app) as c:
        await sign_in(app, c, await account(admin_engine, "super_admin"))
        first = await c.get(f"{BASE}/queue-controls")
        assert first.status_code == 200, first.text
        assert [(q["queue"], q["paused"]) for q in first.json()["data"]] == [
            ("ingestion", False), ("pipeline", False), ("enrichment", False),
        ]  # fmt: skip
        paused = await c.patch(
            f"{BASE}/queues/pipeline", json={"paused": True, "reason": "db maintenance"}
        )
        assert paused.status_code == 200, paused.text
        listed = {q["queue"]: q for q in (await c.get(f"{BASE}/queue-controls")).json()["data"]}
        assert listed["pipeline"]["paused"] is True
        assert listed["pipeline"]["reason"] == "db maintenance"
        assert listed["pipeline"]["pausedAt"] == paused.json()["data"]["pausedAt"]
        assert listed["ingestion"]["paused"] is False
        await c.patch(f"{BASE}/queues/pipeline", json={"paused": False})
        after = (await c.get(f"{BASE}/queue-controls")).json()["data"]
        assert all(q["paused"] is False for q in after)


async def test_queue_controls_are_super_admin_only(app: FastAPI, admin_engine: AsyncEngine) -> None:
    async with client_for(app) as c:
        await sign_in(app, c, await account(admin_engine, "org_admin"))
        assert (await c.get(f"{BASE}/queue-controls")).status_code == 403
