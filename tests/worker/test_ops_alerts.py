"""Operations alerts (issue 9): a failing source produces exactly one alert per condition
at a real HTTP receiver on loopback and by e-mail (aiosmtpd), one resolution when it
clears, nothing while it stays open; the admin API lists what was recorded."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.message import Message

import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import worker.tasks  # noqa: F401  (registers ops.alerts_evaluate)
from db.engine import make_engine, make_sessionmaker
from patentrack.settings import Settings
from tests.api.auth_support import Mailbox, account, sign_in
from tests.conftest import client_for
from tests.http_receiver import Receiver, http_receiver
from worker.alerts.ops import evaluate_once
from worker.jobs import DEFAULT_QUEUE, JobContext, JobQueue, connect_redis
from worker.runtime import build_worker
from worker.task_names import OPS_ALERTS_EVALUATE

pytestmark = pytest.mark.usefixtures("clean_tables")
SOURCE = "USPTO_PASDL_DAILY"  # daily at 06:00: stale beyond 2 x 24 h


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=2)
    yield make_sessionmaker(engine)
    await engine.dispose()


def _ops_settings(settings: Settings, receiver: Receiver, smtp_port: int) -> Settings:
    return settings.model_copy(
        update={
            "ops_alert_webhook_url": receiver.url,
            "ops_alert_emails": ["ops@example.com"],
            "ops_alert_failure_grace_s": 0.0,
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_port,
        }
    )


async def _failing_source(admin_engine: AsyncEngine) -> uuid.UUID:
    """A source created 10 days ago that never succeeded; its last job failed with 10 of
    100 records bad (10 % > 5 %)."""
    source_id = uuid.uuid4()
    async with admin_engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO data_sources (id, name, source_type, schedule_type, schedule_cron,"
                " created_at) VALUES (:id, :name, 'bulk_download', 'daily', '0 6 * * *',"
                " now() - interval '10 days')"
            ),
            {"id": source_id, "name": SOURCE},
        )
        await conn.execute(
            text(
                "INSERT INTO ingestion_jobs (data_source_id, status, started_at, completed_at,"
                " records_processed, records_failed, error_message, created_at) VALUES (:s,"
                " 'failed', now() - interval '1 hour', now() - interval '50 minutes', 100, 10,"
                " 'connection reset', now() - interval '1 hour')"
            ),
            {"s": source_id},
        )
    return source_id


async def _recover(admin_engine: AsyncEngine, source_id: uuid.UUID) -> None:
    async with admin_engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO ingestion_jobs (data_source_id, status, started_at, completed_at,"
                " records_processed, records_failed) VALUES (:s, 'success', now(), now(),"
                " 1000, 0)"
            ),
            {"s": source_id},
        )
        await conn.execute(
            text("UPDATE data_sources SET last_success_at = now() WHERE id = :s"),
            {"s": source_id},
        )


async def _drain(settings: Settings) -> None:
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    assert worker.jobs_failed == 0


def _subject(message: Message) -> str:
    return " ".join(str(message["Subject"]).split())  # unfold long headers


def _titles(receiver: Receiver) -> list[str]:
    return sorted(r.json()["text"] for r in receiver.requests)


async def _alerts(admin_engine: AsyncEngine) -> list[tuple[str, str, int]]:
    async with admin_engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT condition_key, status, notify_count FROM ops_alerts ORDER BY 1")
        )
        return [(r[0], r[1], r[2]) for r in rows]


async def test_a_failing_source_alerts_once_per_condition_and_once_when_it_clears(
    admin_engine: AsyncEngine,
    settings: Settings,
    redis: Redis,
    smtp_server: tuple[int, Mailbox],
    mailbox: Mailbox,
) -> None:
    source_id = await _failing_source(admin_engine)
    assert settings.redis_url
    arq = await connect_redis(settings.redis_url)
    queue = JobQueue(arq)
    try:
        with http_receiver() as receiver:
            ops = _ops_settings(settings, receiver, smtp_server[0])
            for _ in range(2):  # evaluated twice (the cron runs it every minute)
                await queue.enqueue(OPS_ALERTS_EVALUATE)
                await _drain(ops)
            opened = _titles(receiver)
            assert len(opened) == 3, opened
            assert all(t.startswith(":red_circle: ALERT") for t in opened)
            assert any("failed after its retries" in t for t in opened)
            assert any("has not loaded successfully for over 48 h" in t for t in opened)
            assert any("10.0% of records failed" in t for t in opened)
            assert await _alerts(admin_engine) == [
                (f"error_rate:{SOURCE}", "open", 1),
                (f"job_failed:{SOURCE}", "open", 1),
                (f"source_stale:{SOURCE}", "open", 1),
            ]
            mails = await mailbox.wait_for("ops@example.com", 3)
            assert len(mails) == 3
            assert all(_subject(m).startswith("[PatenTrack ALERT]") for m in mails)

            await _recover(admin_engine, source_id)
            for _ in range(2):
                await queue.enqueue(OPS_ALERTS_EVALUATE)
                await _drain(ops)
            resolved = [r.json()["text"] for r in receiver.requests[3:]]
        assert len(resolved) == 3
        assert all(t.startswith(":large_green_circle: RESOLVED") for t in resolved)
        assert await _alerts(admin_engine) == [
            (f"error_rate:{SOURCE}", "resolved", 2),
            (f"job_failed:{SOURCE}", "resolved", 2),
            (f"source_stale:{SOURCE}", "resolved", 2),
        ]
        mails = await mailbox.wait_for("ops@example.com", 6)
        assert len(mails) == 6
        assert sum(_subject(m).startswith("[PatenTrack resolved]") for m in mails) == 3
    finally:
        await arq.aclose()


async def test_queue_depth_and_a_failed_send_is_retried_not_repeated(
    admin_engine: AsyncEngine,
    settings: Settings,
    redis: Redis,
    worker_sessions: async_sessionmaker[AsyncSession],
) -> None:
    assert settings.redis_url
    arq = await connect_redis(settings.redis_url)
    # 1,001 waiting jobs (members of the Arq queue's sorted set; no worker runs here).
    await redis.zadd(DEFAULT_QUEUE, {f"job-{i}": i for i in range(1001)})
    ctx = JobContext(
        job_id="t", job_try=1, redis=arq, sessionmaker=worker_sessions, queue=JobQueue(arq)
    )
    try:
        with http_receiver(statuses=[503, 200]) as receiver:
            ops = settings.model_copy(update={"ops_alert_webhook_url": receiver.url})
            first = await evaluate_once(ctx, ops)  # the receiver is down: not notified
            second = await evaluate_once(ctx, ops)  # retried once, now delivered
            third = await evaluate_once(ctx, ops)  # still open: nothing more
            texts = [r.json()["text"] for r in receiver.requests]
        assert first == {"holding": 1, "opened": 1, "resolved": 0, "notified": 0}
        assert second == {"holding": 1, "opened": 0, "resolved": 0, "notified": 1}
        assert third == {"holding": 1, "opened": 0, "resolved": 0, "notified": 0}
        assert len(texts) == 2 and texts[0] == texts[1]
        assert "Queue patentrack:queue holds 1001 jobs" in texts[1]
    finally:
        await redis.delete(DEFAULT_QUEUE)
        await arq.aclose()


async def test_admin_alerts_api_lists_and_filters(
    app: FastAPI, admin_engine: AsyncEngine, settings: Settings
) -> None:
    now = datetime.now(UTC)
    async with admin_engine.begin() as conn:
        for i, state in enumerate(["open", "resolved", "resolved"]):
            await conn.execute(
                text(
                    "INSERT INTO ops_alerts (condition_key, kind, status, title, details,"
                    " opened_at, resolved_at) VALUES (:k, 'queue_depth', :s, :t,"
                    " CAST('{\"depth\": 1}' AS jsonb), :at, :resolved_at)"
                ),
                {
                    "k": f"queue_depth:q{i}",
                    "s": state,
                    "t": f"alert {i}",
                    "resolved_at": now if state == "resolved" else None,
                    "at": now - timedelta(minutes=i),
                },
            )
    sa = await account(admin_engine, "super_admin")
    org_admin = await account(admin_engine, "org_admin")
    async with client_for(app) as c:
        await sign_in(app, c, sa)
        everything = (await c.get("/api/v1/admin/alerts")).json()
        resolved = (await c.get("/api/v1/admin/alerts?status=resolved&limit=1")).json()
        rest = (
            await c.get(
                f"/api/v1/admin/alerts?status=resolved&limit=1&cursor={resolved['cursor']['next']}"
            )
        ).json()
        bad = await c.get("/api/v1/admin/alerts?status=closed")
    async with client_for(app) as c:
        await sign_in(app, c, org_admin)
        forbidden = await c.get("/api/v1/admin/alerts")
    assert everything["total"] == 3
    assert [a["title"] for a in everything["data"]] == ["alert 0", "alert 1", "alert 2"]
    assert everything["data"][0]["details"] == {"depth": 1}
    assert resolved["total"] == 2 and resolved["cursor"]["hasMore"] is True
    assert [a["title"] for a in resolved["data"] + rest["data"]] == ["alert 1", "alert 2"]
    assert bad.status_code == 400 and "status" in bad.json()["error"]["details"]["fieldErrors"]
    assert forbidden.status_code == 403
