"""`GET /api/v1/events/stream` over real HTTP (uvicorn on loopback): pipeline events from a
real Arq worker arrive in order, resume with Last-Event-ID without gaps or duplicates,
stay inside the org, and a user gets at most 2 concurrent streams (api.md §4, §1.6)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

import worker.tasks  # noqa: F401  (registers pipeline.run)
from api.auth.sessions import SessionStore
from api.auth.tokens import ACCESS_TTL_S, issue_access_token
from api.routes import events_stream
from db.engine import make_engine, make_sessionmaker
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.api.auth_support import account, seed_user
from tests.api.sse_support import access_cookie, serve, sse_frames
from worker import jobs
from worker.pipeline import dag, events
from worker.pipeline.env import RunEnv, StepResult
from worker.pipeline.triggers import request_pipeline
from worker.runtime import build_worker
from worker.task_names import PIPELINE_RUN

pytestmark = pytest.mark.usefixtures("clean_tables")

STREAM = "/api/v1/events/stream"


@pytest.fixture(autouse=True)
def fast_heartbeat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_stream, "HEARTBEAT_S", 0.2)


@pytest.fixture(autouse=True)
def no_slow_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    task = jobs.TASKS[PIPELINE_RUN]
    monkeypatch.setitem(
        jobs.TASKS,
        PIPELINE_RUN,
        jobs.TaskDef(PIPELINE_RUN, task.fn, 0, task.timeout_s, 0.01, task.keep_result_s),
    )


@pytest.fixture
def server(settings: Settings, redis: Redis) -> Iterator[str]:
    with serve(settings) as base:
        yield base


@dataclass
class Received:
    """What one SSE client saw, parsed from the wire."""

    events: list[dict[str, object]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    status: int | None = None
    headers: httpx.Headers | None = None
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def ids(self) -> list[int]:
        return [int(str(e["id"])) for e in self.events if "id" in e]

    def pipeline(self) -> list[tuple[int, str, str | None]]:
        out = []
        for e in self.events:
            if "id" in e:
                body = json.loads(str(e["data"]))
                assert body["id"] == int(str(e["id"])) and body["event"] == e["event"]
                out.append((int(str(e["id"])), str(e["event"]), body.get("step")))
        return out


async def _listen(
    base: str, cookie: str, into: Received, headers: dict[str, str] | None = None, query: str = ""
) -> None:
    """Read the stream until `run.finished` (or until cancelled)."""
    async with (
        httpx.AsyncClient(base_url=base, timeout=30) as client,
        client.stream("GET", STREAM + query, headers={"Cookie": cookie, **(headers or {})}) as r,
    ):
        into.status, into.headers = r.status_code, r.headers
        if r.status_code != 200:
            into.events.append(json.loads(await r.aread()))
            into.connected.set()
            return
        async for frame in sse_frames(r, into.comments):
            into.events.append(dict(frame))
            if frame.get("event") == "connected":
                into.connected.set()
            if frame.get("event") == "run.finished":
                into.done.set()
                return


async def _trigger(settings: Settings, org: uuid.UUID) -> None:
    """What an org admin's rebuild does: dirty flag + enqueue after commit."""
    assert settings.redis_url
    arq_redis = await jobs.connect_redis(settings.redis_url)
    engine = make_engine(settings.app_db_url(), pool_size=1)
    try:
        ctx = TenantContext.for_org(org, role="org_admin")
        async with tenant_session(make_sessionmaker(engine), ctx) as session:
            await request_pipeline(jobs.JobQueue(arq_redis), session, org, "sse test")
    finally:
        await engine.dispose()
        await arq_redis.aclose()


async def _drain(settings: Settings) -> None:
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    assert worker.jobs_failed == 0 and worker.jobs_complete == 1


def _assert_run_order(seen: list[tuple[int, str, str | None]]) -> None:
    ids = [i for i, _, _ in seen]
    assert ids == sorted(set(ids)), ids
    names = [n for _, n, _ in seen]
    assert names[0] == "run.started" and names[-1] == "run.finished", names
    assert names.count("run.started") == 1 and names.count("run.finished") == 1
    for step in dag.STEPS:
        started = [k for k, (_, n, s) in enumerate(seen) if n == "step.started" and s == step]
        finished = [k for k, (_, n, s) in enumerate(seen) if n == "step.finished" and s == step]
        assert len(started) == 1 and len(finished) == 1, (step, seen)
        assert started[0] < finished[0], (step, seen)
    assert len(seen) == 2 + 2 * len(dag.STEPS)


async def test_stream_relays_the_run_in_order_and_resumes_without_gaps(
    server: str,
    settings: Settings,
    redis: Redis,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    member = await account(admin_engine, "org_member")
    outsider = await account(admin_engine, "org_member")
    cookie = await access_cookie(settings, redis, member)
    outsider_cookie = await access_cookie(settings, redis, outsider)

    # broken_title waits until a second client has resumed mid-run, so that client's
    # replay and live relay really overlap with the run still publishing.
    resumed = asyncio.Event()
    original = dag.STEPS["broken_title"]

    async def gated(env: RunEnv) -> StepResult:
        await asyncio.wait_for(resumed.wait(), timeout=60)
        return await original(env)

    monkeypatch.setitem(dag.STEPS, "broken_title", gated)

    live, other = Received(), Received()
    live_task = asyncio.create_task(_listen(server, cookie, live))
    other_task = asyncio.create_task(_listen(server, outsider_cookie, other))
    await asyncio.wait_for(live.connected.wait(), 10)
    await asyncio.wait_for(other.connected.wait(), 10)
    assert live.status == 200 and live.headers is not None
    assert live.headers["content-type"].startswith("text/event-stream")
    assert live.headers["cache-control"] == "no-cache"
    assert live.headers["x-accel-buffering"] == "no"
    connected = json.loads(str(live.events[0]["data"]))
    assert connected["userId"] == str(member.user_id)
    assert connected["orgId"] == str(member.org_id)
    assert live.events[0]["retry"] == "5000"

    await _trigger(settings, member.org_id)
    drain = asyncio.create_task(_drain(settings))

    # Resume mid-run from the id of `flag`'s step.finished (the run is held before
    # broken_title): replay up to now, then live, through the same client code.
    async def flag_finished() -> int:
        while True:
            for i, name, step in live.pipeline():
                if name == "step.finished" and step == "flag":
                    return i
            await asyncio.sleep(0.01)

    middle = await asyncio.wait_for(flag_finished(), 30)
    mid = Received()
    mid_task = asyncio.create_task(
        _listen(server, cookie, mid, headers={"Last-Event-ID": str(middle)})
    )
    await asyncio.wait_for(mid.connected.wait(), 10)
    resumed.set()

    await asyncio.wait_for(drain, 120)
    await asyncio.wait_for(live_task, 30)
    await asyncio.wait_for(mid_task, 30)

    seen = live.pipeline()
    _assert_run_order(seen)
    # Exactly the events after `middle`: no gap, no duplicate, across replay and live.
    assert mid.pipeline() == [e for e in seen if e[0] > middle]
    assert mid.pipeline()[0][0] == middle + 1

    # After the run: an EventSource-style reconnect (query parameter) replays the rest.
    later = Received()
    third = seen[len(seen) // 2 + 3][0]
    await asyncio.wait_for(
        _listen(server, cookie, later, query=f"?lastEventId={third}"), timeout=30
    )
    assert later.pipeline() == [e for e in seen if e[0] > third]

    # Another org's member saw nothing of it, only heartbeats.
    other_task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await other_task
    assert other.ids() == [] and [e["event"] for e in other.events] == ["connected"]
    # Heartbeats: the other member's stream stayed open for the whole run. (The live
    # stream may close on run.finished before its first heartbeat on a fast machine.)
    assert "ping" in other.comments


async def test_third_concurrent_stream_is_rate_limited_and_slots_free_on_close(
    server: str, settings: Settings, redis: Redis, admin_engine: AsyncEngine
) -> None:
    member = await account(admin_engine, "org_member")
    colleague = await seed_user(admin_engine, member.org_id)
    cookie = await access_cookie(settings, redis, member)
    first, second = Received(), Received()
    tasks = [asyncio.create_task(_listen(server, cookie, r)) for r in (first, second)]
    for r in (first, second):
        await asyncio.wait_for(r.connected.wait(), 10)
        assert r.status == 200

    third = Received()
    await asyncio.wait_for(_listen(server, cookie, third), 10)
    assert third.status == 429 and third.headers is not None
    assert third.headers["retry-after"] == "5"
    error = third.events[0]["error"]
    assert isinstance(error, dict)
    assert error["code"] == "RATE_LIMITED" and error["details"] == {"retryAfter": 5}
    assert error["requestId"]

    # The limit is per user: a colleague in the same org still gets a stream.
    mate = Received()
    mate_task = asyncio.create_task(
        _listen(server, await access_cookie(settings, redis, colleague), mate)
    )
    await asyncio.wait_for(mate.connected.wait(), 10)
    assert mate.status == 200

    # Closing a stream frees its slot (the server notices the disconnect).
    tasks[0].cancel()
    with pytest.raises(asyncio.CancelledError):
        await tasks[0]

    for _ in range(500):
        if await redis.zcard(f"sse:streams:{member.user_id}") == 1:
            break
        await asyncio.sleep(0.02)
    assert await redis.zcard(f"sse:streams:{member.user_id}") == 1
    again = Received()
    again_task = asyncio.create_task(_listen(server, cookie, again))
    await asyncio.wait_for(again.connected.wait(), 10)
    assert again.status == 200
    for t in (tasks[1], mate_task, again_task):
        t.cancel()
        with pytest.raises(asyncio.CancelledError):
            await t


async def test_invalid_last_event_id_and_no_session(
    server: str, settings: Settings, redis: Redis, admin_engine: AsyncEngine
) -> None:
    member = await account(admin_engine, "org_member")
    cookie = await access_cookie(settings, redis, member)
    async with httpx.AsyncClient(base_url=server, timeout=10) as client:
        r = await client.get(STREAM, headers={"Cookie": cookie, "Last-Event-ID": "abc"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "VALIDATION_ERROR"
        r = await client.get(STREAM)
        assert r.status_code == 401 and r.json()["error"]["code"] == "UNAUTHORIZED"
    # A refused request holds no slot.
    assert await redis.zcard(f"sse:streams:{member.user_id}") == 0


async def test_event_published_between_subscribe_and_replay_is_sent_once(
    server: str,
    settings: Settings,
    redis: Redis,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The race the ordering exists for: an event lands after the subscription but before
    the replay read, so it is both in the replay list and on the channel."""
    member = await account(admin_engine, "org_member")
    cookie = await access_cookie(settings, redis, member)
    first = await events.publish(redis, member.org_id, "step.started", step="classify")
    original = events.replay
    raced = threading.Event()  # set on the server's thread

    async def racing_replay(r: Redis, org_id: uuid.UUID, after_id: int = 0) -> list[dict]:
        await events.publish(r, org_id, "step.finished", step="classify")
        replayed = await original(r, org_id, after_id)
        raced.set()
        return replayed

    monkeypatch.setattr(events, "replay", racing_replay)
    got = Received()
    task = asyncio.create_task(
        _listen(server, cookie, got, headers={"Last-Event-ID": str(first["id"] - 1)})
    )
    await asyncio.wait_for(got.connected.wait(), 10)
    assert await asyncio.to_thread(raced.wait, 10)
    await events.publish(redis, member.org_id, "run.finished")
    await asyncio.wait_for(task, 10)
    base = first["id"]
    assert got.pipeline() == [
        (base, "step.started", "classify"),
        (base + 1, "step.finished", "classify"),
        (base + 2, "run.finished", None),
    ]


async def test_stream_sends_session_expired_when_the_access_token_expires(
    server: str, settings: Settings, redis: Redis, admin_engine: AsyncEngine
) -> None:
    member = await account(admin_engine, "org_member")
    sid, _ = await SessionStore(redis).create(
        user_id=member.user_id, org_id=member.org_id, role=member.role, mfa=True
    )
    # A token issued long enough ago that it has 2 s left.
    access, expires = issue_access_token(
        settings,
        user_id=member.user_id,
        org_id=member.org_id,
        role=member.role,
        sid=sid,
        mfa=True,
        now=int(time.time()) - ACCESS_TTL_S + 2,
    )
    got = Received()
    await asyncio.wait_for(_listen(server, f"access_token={access}", got), 15)
    assert got.status == 200
    assert [e["event"] for e in got.events] == ["connected", "session-expired"]
    assert time.time() >= expires
    assert await redis.zcard(f"sse:streams:{member.user_id}") == 0
