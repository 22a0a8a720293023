"""Webhook delivery through a real Arq worker to a real HTTP receiver on loopback
(issue 7, D2): signatures, retries with backoff then `failed`, replay, Slack bodies,
SSRF refusal at delivery time, and the pipeline-finish diff that produces the events."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import worker.tasks  # noqa: F401  (registers webhooks.deliver)
from db.engine import make_engine, make_sessionmaker
from db.session import tenant_session
from db.tenant import TenantContext
from domain.alerts.signing import new_secret, seal_secret, verify_header
from patentrack.settings import Settings
from tests.alert_factories import create_webhook
from tests.api.auth_support import account, sign_in
from tests.conftest import client_for
from tests.http_receiver import http_receiver
from worker.alerts.delivery import enqueue_attempt
from worker.alerts.pipeline_events import emit_alert_events
from worker.jobs import JobQueue, connect_redis
from worker.runtime import build_worker

pytestmark = pytest.mark.usefixtures("clean_tables")
ALL_EVENTS = ["new_conveyance", "new_lien", "lien_released", "title_broken", "pipeline_finished"]


def _fast(settings: Settings, **extra: Any) -> Settings:
    return settings.model_copy(
        update={"webhook_backoff_base_s": 0.01, "webhook_max_attempts": 3, **extra}
    )


async def _drain(settings: Settings) -> None:
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()


@pytest.fixture
async def queue(redis: Redis, settings: Settings) -> AsyncIterator[JobQueue]:
    assert settings.redis_url
    arq = await connect_redis(settings.redis_url)
    yield JobQueue(arq)
    await arq.aclose()


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=2)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def _hook(
    admin_engine: AsyncEngine,
    settings: Settings,
    org: uuid.UUID,
    url: str,
    *,
    fmt: str = "standard",
    events: list[str] | None = None,
) -> tuple[uuid.UUID, str]:
    """A committed webhook whose secret is sealed exactly as the API seals it."""
    secret = new_secret()
    async with admin_engine.begin() as conn:
        hook_id = await create_webhook(conn, org, url=url, event_types=events or ALL_EVENTS)
        sealed = seal_secret(settings.jwt_secret_value(), secret, webhook_id=hook_id)
        await conn.execute(
            text("UPDATE webhooks SET secret_encrypted = :s, format = :f WHERE id = :id"),
            {"s": sealed, "f": fmt, "id": hook_id},
        )
    return hook_id, secret


async def _delivery(admin_engine: AsyncEngine, org: uuid.UUID, hook: uuid.UUID) -> uuid.UUID:
    item = {"asset": "US1", "rfId": "1-1", "securedParty": "Bank"}
    payload = {
        "id": str(uuid.uuid4()),
        "type": "new_lien",
        "organizationId": str(org),
        "createdAt": "2026-11-22T00:00:00+00:00",
        "data": {"runId": "r", "count": 1, "truncated": False, "items": [item]},
    }
    async with admin_engine.begin() as conn:
        delivery_id = (
            await conn.execute(
                text(
                    "INSERT INTO webhook_deliveries (organization_id, webhook_id, event_type,"
                    " event_id, payload) VALUES (:org, :hook, 'new_lien', :evt,"
                    " CAST(:payload AS jsonb)) RETURNING id"
                ),
                {"org": org, "hook": hook, "evt": uuid.uuid4(), "payload": json.dumps(payload)},
            )
        ).scalar_one()
    return uuid.UUID(str(delivery_id))


async def _row(admin_engine: AsyncEngine, delivery_id: uuid.UUID) -> dict[str, Any]:
    async with admin_engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT * FROM webhook_deliveries WHERE id = :id"), {"id": delivery_id}
            )
        ).mappings()
        return dict(row.one())


async def test_failing_receiver_gets_retries_then_failed_and_replay_succeeds(
    app: FastAPI, admin_engine: AsyncEngine, settings: Settings, queue: JobQueue
) -> None:
    admin = await account(admin_engine, "org_admin")
    with http_receiver(statuses=[500]) as receiver:
        hook, secret = await _hook(admin_engine, settings, admin.org_id, receiver.url)
        delivery = await _delivery(admin_engine, admin.org_id, hook)
        await enqueue_attempt(queue, admin.org_id, delivery, 0)
        await _drain(_fast(settings))
        failed = await _row(admin_engine, delivery)
        assert len(receiver.requests) == 3  # webhook_max_attempts
        assert failed["status"] == "failed" and failed["attempts"] == 3
        assert failed["last_status_code"] == 500 and failed["last_error"] == "HTTP 500"
        assert [a["statusCode"] for a in failed["attempt_log"]] == [500, 500, 500]
        assert [a["attempt"] for a in failed["attempt_log"]] == [1, 2, 3]
        assert failed["completed_at"] is not None and failed["next_attempt_at"] is None

        # The receiver recovers; an admin replays the delivery through the API.
        receiver.statuses = [200]
        async with client_for(app) as c:
            await sign_in(app, c, admin)
            r = await c.post(f"/api/v1/webhooks/{hook}/deliveries/{delivery}/replay")
            assert r.status_code == 202 and r.json()["data"]["status"] == "pending"
            await _drain(_fast(settings))
            shown = (await c.get(f"/api/v1/webhooks/{hook}/deliveries")).json()["data"][0]
    assert len(receiver.requests) == 4
    assert shown["status"] == "succeeded" and shown["attempts"] == 1
    assert [a["statusCode"] for a in shown["attemptLog"]] == [500, 500, 500, 200]
    now = int(time.time())
    for got in receiver.requests:  # every attempt signed, same delivery id
        assert verify_header(secret, got.headers["X-PatenTrack-Signature"], got.body, now=now)
        assert got.headers["X-PatenTrack-Delivery"] == str(delivery)
        assert got.headers["X-PatenTrack-Event"] == "new_lien"
    assert not verify_header("whsec_wrong", receiver.requests[0].headers[
        "X-PatenTrack-Signature"], receiver.requests[0].body, now=now)  # fmt: skip


async def test_slack_format_posts_text_and_blocks(
    admin_engine: AsyncEngine, settings: Settings, queue: JobQueue
) -> None:
    org = (await account(admin_engine, "org_admin")).org_id
    with http_receiver() as receiver:
        hook, _ = await _hook(admin_engine, settings, org, receiver.url, fmt="slack")
        delivery = await _delivery(admin_engine, org, hook)
        await enqueue_attempt(queue, org, delivery, 0)
        await _drain(_fast(settings))
    body = receiver.requests[0].json()
    assert set(body) == {"text", "blocks"}
    assert body["text"].startswith(":lock: 1 new lien")
    assert [b["type"] for b in body["blocks"]] == ["section", "section", "context"]
    assert body["blocks"][1]["text"]["type"] == "mrkdwn"
    assert "US1: Bank" in body["blocks"][1]["text"]["text"]
    assert (await _row(admin_engine, delivery))["status"] == "succeeded"


async def test_private_targets_are_refused_at_delivery_outside_development(
    admin_engine: AsyncEngine, settings: Settings, queue: JobQueue
) -> None:
    """A URL stored before a policy change, or a name re-pointed at an internal address
    (DNS rebinding), is re-checked when it is called: nothing reaches the receiver."""
    org = (await account(admin_engine, "org_admin")).org_id
    with http_receiver() as receiver:
        hook, _ = await _hook(
            admin_engine, settings, org, receiver.url.replace("127.0.0.1", "localhost")
        )
        delivery = await _delivery(admin_engine, org, hook)
        await enqueue_attempt(queue, org, delivery, 0)
        await _drain(_fast(settings, environment="production"))
    row = await _row(admin_engine, delivery)
    assert receiver.requests == []
    assert row["status"] == "failed" and row["attempts"] == 3
    assert "non-public address" in row["last_error"]


async def test_a_duplicate_job_does_not_deliver_or_record_twice(
    admin_engine: AsyncEngine, settings: Settings, queue: JobQueue
) -> None:
    org = (await account(admin_engine, "org_admin")).org_id
    with http_receiver() as receiver:
        hook, _ = await _hook(admin_engine, settings, org, receiver.url)
        delivery = await _delivery(admin_engine, org, hook)
        await enqueue_attempt(queue, org, delivery, 0)
        await enqueue_attempt(queue, org, delivery, 0)  # same job id: not queued again
        await _drain(_fast(settings))
        await enqueue_attempt(queue, org, delivery, 0)  # late duplicate: attempts moved on
        await _drain(_fast(settings))
    row = await _row(admin_engine, delivery)
    assert len(receiver.requests) == 1
    assert row["attempts"] == 1 and len(row["attempt_log"]) == 1


# --- the pipeline-finish diff (worker/alerts/pipeline_events.py) -----------------------


async def _asset(conn: Any, org: uuid.UUID, grant: str) -> uuid.UUID:
    asset_id = uuid.uuid4()
    await conn.execute(
        text("INSERT INTO assets (id, organization_id, grant_doc_num) VALUES (:id, :org, :g)"),
        {"id": asset_id, "org": org, "g": grant},
    )
    return asset_id


async def _conveyance(conn: Any, org: uuid.UUID, rf: str, grant: str) -> None:
    assignment = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO assignments (id, rf_id, reel_no, frame_no, content_hash, record_dt)"
            " VALUES (:id, :rf, '1', '1', 'x', DATE '2026-11-01')"
        ),
        {"id": assignment, "rf": rf},
    )
    await conn.execute(
        text("INSERT INTO document_ids (assignment_id, seq, grant_doc_num) VALUES (:a, 1, :g)"),
        {"a": assignment, "g": grant},
    )
    await conn.execute(
        text(
            "INSERT INTO org_assignments (organization_id, assignment_id, rf_id, rule_type,"
            " rule_employer_assign, matched_rule, effective_type, employer_assign, source,"
            " inventor_source, ruleset_version, run_id) VALUES (:org, :a, :rf, 'assignment',"
            " false, 'BR-009', 'assignment', false, 'rule', 'none', 'v', :run)"
        ),
        {"org": org, "a": assignment, "rf": rf, "run": uuid.uuid4()},
    )


async def _lien(conn: Any, org: uuid.UUID, asset: uuid.UUID, rf: str) -> None:
    await conn.execute(
        text(
            "INSERT INTO open_liens (organization_id, asset_id, rf_id, secured_party_key,"
            " secured_party_name, grantors, ruleset_version, run_id) VALUES (:org, :asset,"
            " :rf, 'key:bank', 'First Bank', ARRAY['Acme'], 'v', :run)"
        ),
        {"org": org, "asset": asset, "rf": rf, "run": uuid.uuid4()},
    )


async def _broken(conn: Any, org: uuid.UUID, asset: uuid.UUID, grant: str) -> None:
    await conn.execute(
        text(
            "INSERT INTO broken_title_chains (organization_id, asset_id, patent_doc_num, status,"
            " reason_code, reasons, breaks, has_employee_start, employee_links, chain_length,"
            " open_security_rf_ids, current_holders, inventor_source, ruleset_version, run_id)"
            " VALUES (:org, :asset, :g, 'broken', 'chain_break', ARRAY['chain_break'], '[]',"
            " false, 0, 1, ARRAY[]::text[], ARRAY[]::text[], 'none', 'v', :run)"
        ),
        {"org": org, "asset": asset, "g": grant, "run": uuid.uuid4()},
    )


async def _emit(
    sessions: async_sessionmaker[AsyncSession], org: uuid.UUID, queue: JobQueue | None = None
) -> tuple[uuid.UUID, dict[str, int]]:
    run = uuid.uuid4()
    async with tenant_session(sessions, TenantContext.for_org(org)) as s:
        counts = await emit_alert_events(s, org, run, queue=queue)
    return run, counts


async def _deliveries(admin_engine: AsyncEngine, org: uuid.UUID) -> dict[str, dict[str, Any]]:
    async with admin_engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT event_type, payload FROM webhook_deliveries WHERE organization_id = :o"
                " ORDER BY created_at"
            ),
            {"o": org},
        )
        return {r[0]: r[1] for r in rows}


async def test_pipeline_finish_diff_emits_only_news_on_watched_assets(
    admin_engine: AsyncEngine,
    settings: Settings,
    queue: JobQueue,
    worker_sessions: async_sessionmaker[AsyncSession],
) -> None:
    org = (await account(admin_engine, "org_admin")).org_id
    async with admin_engine.begin() as conn:
        a1 = await _asset(conn, org, "1000001")
        a2 = await _asset(conn, org, "1000002")
        await _conveyance(conn, org, "100-1", "1000001")
        await _lien(conn, org, a2, "100-1")
    # No webhook: no snapshot is kept, nothing is emitted.
    assert (await _emit(worker_sessions, org))[1] == {}
    async with admin_engine.connect() as conn:
        kept = await conn.execute(text("SELECT count(*) FROM alert_snapshots"))
        assert kept.scalar_one() == 0

    with http_receiver() as receiver:
        await _hook(admin_engine, settings, org, receiver.url)
        # First run with a webhook: the baseline, silently (only pipeline_finished).
        run1, counts = await _emit(worker_sessions, org)
        assert counts == {}
        first = await _deliveries(admin_engine, org)
        assert set(first) == {"pipeline_finished"}
        assert first["pipeline_finished"]["data"]["baseline"] is True

        async with admin_engine.begin() as conn:
            await _conveyance(conn, org, "200-1", "1000001")  # new, on a watched asset
            await _lien(conn, org, a1, "200-1")  # new lien on a watched asset
            await _broken(conn, org, a2, "1000002")  # a watched asset became broken
            await conn.execute(text("DELETE FROM open_liens WHERE asset_id = :a"), {"a": a2})
            a3 = await _asset(conn, org, "1000003")  # a new asset brings its history
            await _conveyance(conn, org, "300-1", "1000003")
            await _broken(conn, org, a3, "1000003")
        run2, counts = await _emit(worker_sessions, org, queue)
        assert counts == {
            "new_conveyance": 1,
            "new_lien": 1,
            "lien_released": 1,
            "title_broken": 1,
        }
        events = await _deliveries(admin_engine, org)
        conveyance = events["new_conveyance"]["data"]
        assert [i["rfId"] for i in conveyance["items"]] == ["200-1"]
        assert conveyance["items"][0]["assets"] == ["1000001"]
        assert conveyance["runId"] == str(run2) and conveyance["count"] == 1
        assert events["new_lien"]["data"]["items"][0]["asset"] == "1000001"
        assert events["lien_released"]["data"]["items"][0]["securedParty"] == "First Bank"
        assert events["title_broken"]["data"]["items"][0]["asset"] == "1000002"
        assert events["pipeline_finished"]["data"]["changes"]["new_lien"] == 1

        # Emitting the same run again adds no delivery (event ids are per run and type).
        async with tenant_session(worker_sessions, TenantContext.for_org(org)) as s:
            await emit_alert_events(s, org, run2, queue=queue)
        async with admin_engine.connect() as conn:
            total = await conn.execute(text("SELECT count(*) FROM webhook_deliveries"))
            assert total.scalar_one() == 6  # 1 baseline + 5 of run 2
        await _drain(_fast(settings))
    assert sorted(r.headers["X-PatenTrack-Event"] for r in receiver.requests) == sorted(ALL_EVENTS)
    assert run1 != run2


async def test_a_real_pipeline_run_notifies_pipeline_finished(
    app: FastAPI, admin_engine: AsyncEngine, settings: Settings, redis: Redis
) -> None:
    """The runner's finish calls emit_alert_events; the delivery job it queues after the
    commit is picked up by the same worker run."""
    admin = await account(admin_engine, "org_admin")
    with http_receiver() as receiver:
        await _hook(admin_engine, settings, admin.org_id, receiver.url, fmt="slack")
        async with client_for(app) as c:
            await sign_in(app, c, admin)
            queued = await c.post(f"/api/v1/organizations/{admin.org_id}/pipeline")
            assert queued.status_code == 202
        await _drain(_fast(settings))
    assert len(receiver.requests) == 1
    got = receiver.requests[0]
    assert got.headers["X-PatenTrack-Event"] == "pipeline_finished"
    assert got.json()["text"].startswith(":white_check_mark: PatenTrack finished")
    async with admin_engine.connect() as conn:
        baseline = await conn.execute(
            text(
                "SELECT count(*) FROM alert_snapshots WHERE organization_id = :o AND kind = '_meta'"
            ),
            {"o": admin.org_id},
        )
        assert baseline.scalar_one() == 1


async def test_disabled_webhook_or_unreadable_secret_fails_at_once_without_sending(
    admin_engine: AsyncEngine, settings: Settings, queue: JobQueue
) -> None:
    org = (await account(admin_engine, "org_admin")).org_id
    with http_receiver() as receiver:
        disabled, _ = await _hook(admin_engine, settings, org, receiver.url)
        async with admin_engine.begin() as conn:
            await conn.execute(
                text("UPDATE webhooks SET active = false WHERE id = :id"), {"id": disabled}
            )
            # Sealed under another server key (e.g. the key was rotated): unreadable.
            unreadable = await create_webhook(conn, org, url=receiver.url)
        first = await _delivery(admin_engine, org, disabled)
        second = await _delivery(admin_engine, org, unreadable)
        await enqueue_attempt(queue, org, first, 0)
        await enqueue_attempt(queue, org, second, 0)
        await _drain(_fast(settings))
    assert receiver.requests == []
    rows = [await _row(admin_engine, d) for d in (first, second)]
    assert [(r["status"], r["attempts"]) for r in rows] == [("failed", 1), ("failed", 1)]
    assert rows[0]["last_error"] == "webhook is disabled"
    assert rows[1]["last_error"].startswith("secret unreadable")
