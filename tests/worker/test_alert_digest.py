"""The daily e-mail digest (D2, issue 7) end to end: the pipeline-finish diff records the
events (worker/alerts/pipeline_events.py), the 07:00 cron fans out through a real Arq
worker and the mails reach a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.message import Message
from typing import Any

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import worker.tasks  # noqa: F401  (registers the digest tasks)
from db.engine import make_engine, make_sessionmaker
from db.repos import alert_digests
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.alert_factories import create_webhook, subscribe_digest
from tests.api.auth_support import Mailbox
from tests.factories import create_org, create_user
from worker import task_names
from worker.alerts.digest import send_digest
from worker.alerts.pipeline_events import emit_alert_events
from worker.jobs import SCHEDULES, JobContext, JobQueue, connect_redis
from worker.runtime import build_worker

pytestmark = pytest.mark.usefixtures("clean_tables")

EVIL = "<script>alert(1)</script> & Sons"


@pytest.fixture
def mail_settings(settings: Settings, smtp_server: tuple[int, Mailbox]) -> Settings:
    return settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_server[0],
            "app_url": "https://app.patentrack.test/",
        }
    )


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


async def _cron(queue: JobQueue, settings: Settings) -> None:
    """What the scheduler does at 07:00 UTC, then a worker run until the queue is empty."""
    await queue.enqueue(task_names.DIGEST_DAILY, job_id=f"cron:{uuid.uuid4().hex}")
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()


def _ctx(queue: JobQueue, sessions: async_sessionmaker[AsyncSession]) -> JobContext:
    return JobContext(job_id="t", job_try=1, redis=queue.redis, sessionmaker=sessions, queue=queue)


async def _asset(conn: Any, org: uuid.UUID, grant: str) -> uuid.UUID:
    asset_id = uuid.uuid4()
    await conn.execute(
        text("INSERT INTO assets (id, organization_id, grant_doc_num) VALUES (:id, :org, :g)"),
        {"id": asset_id, "org": org, "g": grant},
    )
    return asset_id


async def _lien(conn: Any, org: uuid.UUID, asset: uuid.UUID, rf: str, party: str) -> None:
    await conn.execute(
        text(
            "INSERT INTO open_liens (organization_id, asset_id, rf_id, secured_party_key,"
            " secured_party_name, grantors, ruleset_version, run_id) VALUES (:org, :asset,"
            " :rf, :key, :party, ARRAY['Acme'], 'v', :run)"
        ),
        {"org": org, "asset": asset, "rf": rf, "key": f"key:{party}", "party": party,
         "run": uuid.uuid4()},
    )  # fmt: skip


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


async def _emit(sessions: async_sessionmaker[AsyncSession], org: uuid.UUID) -> dict[str, int]:
    async with tenant_session(sessions, TenantContext.for_org(org)) as s:
        return await emit_alert_events(s, org, uuid.uuid4())


async def _org_with_subscriber(
    admin_engine: AsyncEngine, grant: str
) -> tuple[uuid.UUID, uuid.UUID, str, uuid.UUID]:
    """(org, subscribed user, their e-mail, one watched asset)."""
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        email = f"digest-{uuid.uuid4().hex[:8]}@example.com"
        user = await create_user(conn, org, email=email)
        await subscribe_digest(conn, org, user)
        asset = await _asset(conn, org, grant)
    return org, user, email, asset


def _parts(message: Message) -> dict[str, str]:
    found = {}
    for part in message.walk():
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            found[part.get_content_type()] = payload.decode()
    return found


async def _count(admin_engine: AsyncEngine, sql: str, **params: Any) -> int:
    async with admin_engine.connect() as conn:
        return int((await conn.execute(text(sql), params)).scalar_one())


async def test_subscriber_gets_one_digest_of_the_runs_events_and_only_once(
    admin_engine: AsyncEngine,
    mail_settings: Settings,
    mailbox: Mailbox,
    queue: JobQueue,
    worker_sessions: async_sessionmaker[AsyncSession],
) -> None:
    org, _, email, a1 = await _org_with_subscriber(admin_engine, "1000001")
    async with admin_engine.begin() as conn:
        bystander = await create_user(conn, org, email=f"quiet-{uuid.uuid4().hex[:8]}@example.com")
        await create_webhook(conn, org, event_types=["new_lien"])
    # A subscriber alone makes the run keep a snapshot; the first run is the silent baseline.
    assert await _emit(worker_sessions, org) == {}
    assert await _count(admin_engine, "SELECT count(*) FROM alert_events") == 0
    async with admin_engine.begin() as conn:
        await _lien(conn, org, a1, "500-1", EVIL)
        await _conveyance(conn, org, "500-2", "1000001")
    counts = await _emit(worker_sessions, org)
    assert counts["new_lien"] == 1 and counts["new_conveyance"] == 1
    async with admin_engine.connect() as conn:
        recorded = dict(
            (await conn.execute(text("SELECT event_type, payload FROM alert_events"))).all()
        )
        webhook = (
            await conn.execute(
                text("SELECT payload FROM webhook_deliveries WHERE event_type = 'new_lien'")
            )
        ).scalar_one()
    assert set(recorded) == {"new_lien", "new_conveyance"}  # pipeline_finished is not news
    assert recorded["new_lien"]["items"][0]["assetRefs"] == [{"id": str(a1), "number": "1000001"}]
    # The webhook contract is unchanged: numbers, no internal ids.
    assert set(webhook["data"]["items"][0]) == {"asset", "rfId", "securedParty", "recordDate"}

    await _cron(queue, mail_settings)
    got = mailbox.to(email)
    assert len(got) == 1
    assert mailbox.to(await _email_of(admin_engine, bystander)) == []  # never subscribed
    mail = got[0]
    assert "2 ownership changes" in mail["Subject"]
    assert mail.get_content_type() == "multipart/alternative"
    parts = _parts(mail)
    plain, html = parts["text/plain"], parts["text/html"]
    assert f"1000001: security interest to {EVIL}" in plain
    assert "Assignment on 1000001 (reel/frame 500-2; recorded 2026-11-01)" in plain
    link = f"https://app.patentrack.test/assets/{a1}"
    assert link in plain and f'href="{link}"' in html
    # HTML-escaped: the lender's name is text in the HTML part, never markup.
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons" in html
    sent_at = await _last_sent(admin_engine, email)
    assert sent_at is not None

    # News after the digest, then the cron again the same day: the job id is taken, and
    # even once Redis forgot it (flushed, or the id expired) the subscription row says
    # today's digest went out: one digest a day, nothing mailed twice.
    async with admin_engine.begin() as conn:
        await _lien(conn, org, a1, "500-3", "Later Bank")
    assert (await _emit(worker_sessions, org))["new_lien"] == 1
    await _cron(queue, mail_settings)
    await queue.redis.flushdb()
    await _cron(queue, mail_settings)
    assert len(mailbox.to(email)) == 1
    assert await _last_sent(admin_engine, email) == sent_at

    # The next day's digest lists only what came after the first one.
    user = await _user_of(admin_engine, email)
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date()
    ctx = _ctx(queue, worker_sessions)
    assert await send_digest(ctx, mail_settings, org, user, tomorrow) == "sent"
    # A duplicate of that job: the watermark moved, nothing is news any more.
    assert await send_digest(ctx, mail_settings, org, user, tomorrow) == "no_events"
    second = mailbox.to(email)
    assert len(second) == 2 and "1 ownership change" in second[1]["Subject"]
    later = _parts(second[1])["text/plain"]
    assert "Later Bank" in later and "Sons" not in later and "500-2" not in later


async def _user_of(admin_engine: AsyncEngine, email: str) -> uuid.UUID:
    async with admin_engine.connect() as conn:
        found = await conn.execute(text("SELECT id FROM users WHERE email = :e"), {"e": email})
        return uuid.UUID(str(found.scalar_one()))


async def _email_of(admin_engine: AsyncEngine, user: uuid.UUID) -> str:
    async with admin_engine.connect() as conn:
        found = await conn.execute(text("SELECT email FROM users WHERE id = :u"), {"u": user})
        return str(found.scalar_one())


async def _last_sent(admin_engine: AsyncEngine, email: str) -> datetime | None:
    async with admin_engine.connect() as conn:
        found = await conn.execute(
            text(
                "SELECT d.last_sent_at FROM digest_subscriptions d JOIN users u"
                " ON u.id = d.user_id WHERE u.email = :e"
            ),
            {"e": email},
        )
        value: datetime | None = found.scalar_one()
        return value


async def test_no_events_and_unsubscribed_mean_no_mail(
    admin_engine: AsyncEngine,
    mail_settings: Settings,
    mailbox: Mailbox,
    queue: JobQueue,
    worker_sessions: async_sessionmaker[AsyncSession],
) -> None:
    quiet_org, quiet_user, quiet_email, _ = await _org_with_subscriber(admin_engine, "2000001")
    busy_org, leaver, _, asset = await _org_with_subscriber(admin_engine, "2000002")
    for org in (quiet_org, busy_org):
        await _emit(worker_sessions, org)  # baselines
    await _emit(worker_sessions, quiet_org)  # a run that changed nothing
    async with admin_engine.begin() as conn:
        await _lien(conn, busy_org, asset, "600-1", "Second Bank")
    assert (await _emit(worker_sessions, busy_org))["new_lien"] == 1
    async with admin_engine.begin() as conn:  # the only subscriber of busy_org leaves
        await conn.execute(
            text("DELETE FROM digest_subscriptions WHERE user_id = :u"), {"u": leaver}
        )

    await _cron(queue, mail_settings)
    assert mailbox.messages == []
    assert await _last_sent(admin_engine, quiet_email) is None  # nothing was sent to it
    # Once nobody listens, the org keeps no snapshot and records nothing.
    assert await _emit(worker_sessions, busy_org) == {}
    left = "SELECT count(*) FROM alert_snapshots WHERE organization_id = :o"
    assert await _count(admin_engine, left, o=busy_org) == 0
    # The send job itself, called directly for the quiet subscriber: nothing to tell.
    today = datetime.now(UTC).date()
    ctx = _ctx(queue, worker_sessions)
    assert await send_digest(ctx, mail_settings, quiet_org, quiet_user, today) == "no_events"
    assert mailbox.messages == []


async def test_members_of_another_org_never_receive_its_events(
    admin_engine: AsyncEngine,
    mail_settings: Settings,
    mailbox: Mailbox,
    queue: JobQueue,
    worker_sessions: async_sessionmaker[AsyncSession],
) -> None:
    org_a, _, email_a, asset_a = await _org_with_subscriber(admin_engine, "3000001")
    org_b, user_b, email_b, asset_b = await _org_with_subscriber(admin_engine, "3000002")
    for org in (org_a, org_b):
        await _emit(worker_sessions, org)
    async with admin_engine.begin() as conn:
        await _lien(conn, org_a, asset_a, "700-1", "Bank Of A")
        await _lien(conn, org_b, asset_b, "700-2", "Bank Of B")
    for org in (org_a, org_b):
        assert (await _emit(worker_sessions, org))["new_lien"] == 1

    await _cron(queue, mail_settings)
    body_a = _parts((await mailbox.wait_for(email_a))[0])["text/plain"]
    body_b = _parts((await mailbox.wait_for(email_b))[0])["text/plain"]
    assert "Bank Of A" in body_a and "Bank Of B" not in body_a and "3000002" not in body_a
    assert "Bank Of B" in body_b and "Bank Of A" not in body_b and "3000001" not in body_b
    assert len(mailbox.messages) == 2

    # RLS, not only the WHERE clause: inside org B's context org A's events do not exist,
    # and a job handed org A's id with B's user finds no subscription to mail.
    async with tenant_session(worker_sessions, TenantContext.for_org(org_b)) as s:
        seen = await alert_digests.events_between(
            s, org_a, after=datetime(2000, 1, 1, tzinfo=UTC), upto=datetime.now(UTC)
        )
        assert seen == []
        assert await alert_digests.lock_subscription(s, org_a, user_b) is None
    later = datetime.now(UTC).date().replace(year=datetime.now(UTC).year + 1)
    ctx = _ctx(queue, worker_sessions)
    assert await send_digest(ctx, mail_settings, org_a, user_b, later) == "unsubscribed"
    assert len(mailbox.messages) == 2


def test_the_digest_is_scheduled_daily_at_seven_utc() -> None:
    crons = [s.cron for s in SCHEDULES if s.task == task_names.DIGEST_DAILY]
    assert crons == [{"hour": 7, "minute": 0, "second": 0}]
