"""Customer webhooks API (D2, issue 7): admin-only management, secret shown once, URL
rules (SSRF), cross-tenant 404, deliveries, replay and the test ping end to end."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

import worker.tasks  # noqa: F401  (registers webhooks.deliver)
from domain.alerts.signing import verify_header
from patentrack.settings import Settings
from tests.api.auth_support import Account, account, seed_user, sign_in
from tests.conftest import client_for
from tests.http_receiver import http_receiver
from worker.runtime import build_worker

pytestmark = pytest.mark.usefixtures("clean_tables")

BASE = "/api/v1/webhooks"
EVENTS = ["new_conveyance", "new_lien", "lien_released", "title_broken", "pipeline_finished"]


async def _drain(settings: Settings) -> None:
    fast = settings.model_copy(update={"webhook_backoff_base_s": 0.01, "webhook_max_attempts": 3})
    worker = build_worker(fast, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()


async def _admin_client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


async def _create(c: httpx.AsyncClient, **body: object) -> dict[str, object]:
    payload = {"url": "https://hooks.example.com/in", "eventTypes": EVENTS, **body}
    r = await c.post(BASE, json=payload)
    assert r.status_code == 201, r.text
    data: dict[str, object] = r.json()["data"]
    return data


async def test_admin_registers_a_webhook_and_sees_the_secret_only_once(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    admin = await account(admin_engine, "org_admin")
    async with await _admin_client(app, admin) as c:
        created = await _create(c, format="slack", description="ops channel")
        secret = str(created["secret"])
        assert secret.startswith("whsec_") and len(secret) > 40
        assert created["format"] == "slack" and created["eventTypes"] == EVENTS
        assert created["createdBy"] == str(admin.user_id)
        listed = (await c.get(BASE)).json()
        one = (await c.get(f"{BASE}/{created['id']}")).json()["data"]
    assert listed["total"] == 1 and listed["cursor"]["hasMore"] is False
    assert listed["data"][0]["id"] == created["id"]
    for shown in (listed["data"][0], one):
        assert "secret" not in shown and secret not in str(shown)
    async with admin_engine.connect() as conn:
        stored = (
            await conn.execute(
                text("SELECT secret_encrypted FROM webhooks WHERE id = :id"), {"id": created["id"]}
            )
        ).scalar_one()
    # At rest only sealed (AES-GCM), never the secret itself.
    assert stored.startswith("v1:") and secret not in stored


async def test_validation_errors_name_the_field(app: FastAPI, admin_engine: AsyncEngine) -> None:
    admin = await account(admin_engine, "org_admin")
    async with await _admin_client(app, admin) as c:
        bad_type = await c.post(BASE, json={"url": "https://x.example", "eventTypes": ["nope"]})
        no_types = await c.post(BASE, json={"url": "https://x.example", "eventTypes": []})
        # http is only for a loopback receiver, and only in development/test.
        plain = await c.post(BASE, json={"url": "http://hooks.example.com/", "eventTypes": EVENTS})
        ftp = await c.post(BASE, json={"url": "ftp://hooks.example.com/", "eventTypes": EVENTS})
        creds = await c.post(BASE, json={"url": "https://u:p@example.com/", "eventTypes": EVENTS})
        created = await _create(c)
        patch_null = await c.patch(f"{BASE}/{created['id']}", json={"url": None})
        patch_bad = await c.patch(f"{BASE}/{created['id']}", json={"url": "http://example.com"})
        loopback = await c.post(BASE, json={"url": "http://127.0.0.1:9/x", "eventTypes": EVENTS})
    for r in (bad_type, no_types):
        assert r.status_code == 400 and r.json()["error"]["code"] == "VALIDATION_ERROR"
        assert any(k.startswith("eventTypes") for k in r.json()["error"]["details"]["fieldErrors"])
    for r in (plain, ftp, creds, patch_null, patch_bad):
        assert r.status_code == 400, r.text
        assert "url" in r.json()["error"]["details"]["fieldErrors"]
    assert loopback.status_code == 201


async def test_members_cannot_manage_or_read_webhooks(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    admin = await account(admin_engine, "org_admin")
    member = await seed_user(admin_engine, admin.org_id)
    async with await _admin_client(app, admin) as c:
        hook = await _create(c)
    async with await _admin_client(app, member) as c:
        calls = [
            await c.get(BASE),
            await c.post(BASE, json={"url": "https://x.example", "eventTypes": EVENTS}),
            await c.get(f"{BASE}/{hook['id']}"),
            await c.patch(f"{BASE}/{hook['id']}", json={"active": False}),
            await c.delete(f"{BASE}/{hook['id']}"),
            await c.get(f"{BASE}/{hook['id']}/deliveries"),
            await c.post(f"{BASE}/{hook['id']}/test"),
        ]
    assert [r.status_code for r in calls] == [403] * len(calls)
    assert all(r.json()["error"]["code"] == "FORBIDDEN" for r in calls)


async def test_another_tenants_webhook_is_not_found(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    a_admin = await account(admin_engine, "org_admin")
    b_admin = await account(admin_engine, "org_admin")
    async with await _admin_client(app, a_admin) as c:
        hook = await _create(c)
        delivery = (await c.post(f"{BASE}/{hook['id']}/test")).json()["data"]
    base = f"{BASE}/{hook['id']}"
    async with await _admin_client(app, b_admin) as c:
        calls = [
            await c.get(base),
            await c.patch(base, json={"active": False}),
            await c.delete(base),
            await c.get(f"{base}/deliveries"),
            await c.post(f"{base}/test"),
            await c.post(f"{base}/deliveries/{delivery['id']}/replay"),
        ]
        listed = (await c.get(BASE)).json()
    assert [r.status_code for r in calls] == [404] * len(calls)
    assert all(str(hook["id"]) not in r.text for r in calls)
    assert listed["total"] == 0 and listed["data"] == []


async def test_update_and_delete(app: FastAPI, admin_engine: AsyncEngine) -> None:
    admin = await account(admin_engine, "org_admin")
    async with await _admin_client(app, admin) as c:
        hook = await _create(c)
        r = await c.patch(
            f"{BASE}/{hook['id']}",
            json={"active": False, "eventTypes": ["new_lien", "new_lien"], "format": "slack"},
        )
        assert r.status_code == 200
        updated = r.json()["data"]
        assert updated["active"] is False and updated["eventTypes"] == ["new_lien"]
        assert updated["format"] == "slack" and updated["url"] == hook["url"]
        assert (await c.patch(f"{BASE}/{uuid.uuid4()}", json={"active": True})).status_code == 404
        assert (await c.delete(f"{BASE}/{hook['id']}")).status_code == 204
        assert (await c.delete(f"{BASE}/{hook['id']}")).status_code == 404
        assert (await c.get(f"{BASE}/{hook['id']}")).status_code == 404


async def test_ping_is_signed_delivered_and_recorded(
    app: FastAPI, admin_engine: AsyncEngine, settings: Settings, redis: Redis
) -> None:
    admin = await account(admin_engine, "org_admin")
    with http_receiver() as receiver:
        async with await _admin_client(app, admin) as c:
            hook = await _create(c, url=receiver.url)
            queued = await c.post(f"{BASE}/{hook['id']}/test")
            assert queued.status_code == 202
            assert queued.json()["data"]["status"] == "pending"
            await _drain(settings)
            page = (await c.get(f"{BASE}/{hook['id']}/deliveries")).json()
    assert len(receiver.requests) == 1
    got = receiver.requests[0]
    assert verify_header(
        str(hook["secret"]), got.headers["X-PatenTrack-Signature"], got.body, now=int(time.time())
    )
    assert got.headers["X-PatenTrack-Event"] == "ping"
    delivery = page["data"][0]
    assert got.headers["X-PatenTrack-Delivery"] == delivery["id"]
    assert got.json()["type"] == "ping" and got.json()["organizationId"] == str(admin.org_id)
    assert delivery["status"] == "succeeded" and delivery["attempts"] == 1
    assert delivery["lastStatusCode"] == 200
    assert [a["statusCode"] for a in delivery["attemptLog"]] == [200]


async def test_replay_of_a_pending_delivery_conflicts_and_unknown_is_404(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    admin = await account(admin_engine, "org_admin")
    async with await _admin_client(app, admin) as c:
        hook = await _create(c)
        delivery = (await c.post(f"{BASE}/{hook['id']}/test")).json()["data"]
        pending = await c.post(f"{BASE}/{hook['id']}/deliveries/{delivery['id']}/replay")
        missing = await c.post(f"{BASE}/{hook['id']}/deliveries/{uuid.uuid4()}/replay")
        by_status = (await c.get(f"{BASE}/{hook['id']}/deliveries?status=failed")).json()
        bad_status = await c.get(f"{BASE}/{hook['id']}/deliveries?status=bogus")
    assert pending.status_code == 409
    assert pending.json()["error"]["details"]["reason"] == "delivery_pending"
    assert missing.status_code == 404
    assert by_status["total"] == 0
    assert bad_status.status_code == 400
    assert "status" in bad_status.json()["error"]["details"]["fieldErrors"]


async def test_webhook_list_is_cursor_paginated(app: FastAPI, admin_engine: AsyncEngine) -> None:
    admin = await account(admin_engine, "org_admin")
    async with await _admin_client(app, admin) as c:
        ids = {str((await _create(c))["id"]) for _ in range(3)}
        first = (await c.get(f"{BASE}?limit=2")).json()
        second = (await c.get(f"{BASE}?limit=2&cursor={first['cursor']['next']}")).json()
        tampered = await c.get(f"{BASE}?limit=2&cursor={first['cursor']['next']}x")
    assert first["total"] == 3 and first["cursor"]["hasMore"] is True
    assert second["cursor"]["hasMore"] is False
    assert {h["id"] for h in first["data"] + second["data"]} == ids
    assert tampered.status_code == 400
