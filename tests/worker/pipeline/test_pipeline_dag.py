"""DAG behaviour through a real Arq worker: concurrency of the parallel pairs, failure and
resume, dirty-flag follow-ups, progress events, ruleset bumps (D15, business-rules §10)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

import worker.tasks  # noqa: F401  (registers pipeline.run)
from db.engine import make_engine, make_sessionmaker
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.worker.pipeline.sample_org import create_sample_org, derived_digest, load_sample
from worker import jobs
from worker.pipeline import dag, events, runner
from worker.pipeline.env import RunEnv, StepResult
from worker.pipeline.triggers import request_pipeline
from worker.runtime import build_worker
from worker.task_names import PIPELINE_RUN

pytestmark = pytest.mark.usefixtures("clean_tables")

ALL_STEPS = list(dag.STEPS)


async def _drain(settings: Settings) -> Worker:
    """Run a real Arq worker until the queue (deferred retries included) is empty."""
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    return worker


@pytest.fixture(autouse=True)
def no_slow_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected failure fails the test now instead of after 30/60/120 s of retries."""
    task = jobs.TASKS[PIPELINE_RUN]
    monkeypatch.setitem(
        jobs.TASKS,
        PIPELINE_RUN,
        jobs.TaskDef(PIPELINE_RUN, task.fn, 0, task.timeout_s, 0.01, task.keep_result_s),
    )


@pytest.fixture
async def queue(redis: Redis, settings: Settings) -> AsyncIterator[jobs.JobQueue]:
    assert settings.redis_url
    arq_redis = await jobs.connect_redis(settings.redis_url)
    yield jobs.JobQueue(arq_redis)
    await arq_redis.aclose()


@pytest.fixture
async def org(admin_engine: AsyncEngine) -> uuid.UUID:
    assert await load_sample(admin_engine) == 199
    org_id, _ = await create_sample_org(admin_engine)
    return org_id


async def _trigger(settings: Settings, queue: jobs.JobQueue, org: uuid.UUID, reason: str) -> None:
    """What an org admin's rebuild request does: dirty flag + enqueue after commit."""
    engine = make_engine(settings.app_db_url(), pool_size=1)
    try:
        ctx = TenantContext.for_org(org, role="org_admin")
        async with tenant_session(make_sessionmaker(engine), ctx) as session:
            await request_pipeline(queue, session, org, reason)
    finally:
        await engine.dispose()


async def _jobs(engine: AsyncEngine, org: uuid.UUID) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT id, status, attempts, reason FROM processing_jobs"
                " WHERE organization_id = :o ORDER BY created_at, id"
            ),
            {"o": org},
        )
        return [tuple(r) for r in rows]


async def _steps(engine: AsyncEngine, job_id: object) -> dict[str, tuple[object, ...]]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT step_name, status, attempts, started_at, completed_at, error_message"
                " FROM processing_steps WHERE processing_job_id = :j"
            ),
            {"j": job_id},
        )
        return {r[0]: tuple(r[1:]) for r in rows}


def _wrap(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    before: Callable[[RunEnv], Awaitable[None]],
) -> None:
    original = dag.STEPS[name]

    async def wrapped(env: RunEnv) -> StepResult:
        await before(env)
        return await original(env)

    monkeypatch.setitem(dag.STEPS, name, wrapped)


async def test_parallel_pairs_really_overlap(
    org: uuid.UUID,
    settings: Settings,
    queue: jobs.JobQueue,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each step of a pair waits until its sibling has started too: if the pair ran one
    # after the other this would never happen (the guard turns a deadlock into a failure).
    for pair in (("tree", "timeline"), ("dashboard", "summary")):
        started = {n: asyncio.Event() for n in pair}
        for name in pair:
            other = pair[1] if name == pair[0] else pair[0]

            async def rendezvous(
                env: RunEnv, me: str = name, sibling: str = other, flags: dict = started
            ) -> None:
                flags[me].set()
                await asyncio.wait_for(flags[sibling].wait(), timeout=60)

            _wrap(monkeypatch, name, rendezvous)

    await _trigger(settings, queue, org, "overlap test")
    worker = await _drain(settings)
    assert worker.jobs_failed == 0
    [(job_id, status, _, _)] = await _jobs(admin_engine, org)
    assert status == "success"
    steps = await _steps(admin_engine, job_id)
    for a, b in (("tree", "timeline"), ("dashboard", "summary")):
        a_start, a_end = steps[a][2], steps[a][3]
        b_start, b_end = steps[b][2], steps[b][3]
        # The recorded intervals intersect: each started before the other completed.
        assert a_start < b_end and b_start < a_end, (a, b, steps[a], steps[b])
    # Stages are ordered: nothing of stage n+1 starts before stage n completed.
    assert steps["flag"][3] <= min(steps["tree"][2], steps["timeline"][2])
    assert max(steps["tree"][3], steps["timeline"][3]) <= steps["broken_title"][2]


async def test_failure_in_tree_stops_dependants_and_resume_runs_only_the_rest(
    org: uuid.UUID,
    settings: Settings,
    queue: jobs.JobQueue,
    admin_engine: AsyncEngine,
    redis: Redis,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    for name in ALL_STEPS:

        async def record(env: RunEnv, me: str = name) -> None:
            calls.append(me)

        _wrap(monkeypatch, name, record)

    failures: list[str] = []

    async def fail_once(env: RunEnv) -> None:
        if not failures:
            failures.append("tree")
            raise RuntimeError("injected failure in tree")

    # Wraps the recording wrapper: a failed attempt is recorded too (it ran and failed).
    _wrap(monkeypatch, "tree", fail_once)
    # One retry, quickly: the retry is the resume.
    task = jobs.TASKS[PIPELINE_RUN]
    monkeypatch.setitem(
        jobs.TASKS,
        PIPELINE_RUN,
        jobs.TaskDef(PIPELINE_RUN, task.fn, 1, task.timeout_s, 0.01, task.keep_result_s),
    )
    await _trigger(settings, queue, org, "failure test")
    worker = await _drain(settings)
    assert worker.jobs_retried == 1 and worker.jobs_complete == 1

    # Try 1: classify, flag, then tree (failed before it recorded) alongside timeline and
    # nothing after them. Try 2 (the resume): only what was left, in DAG order.
    assert calls[:3] == ["classify", "flag", "timeline"]
    resumed = calls[3:]
    assert resumed[:2] == ["tree", "broken_title"]
    assert sorted(resumed[2:4]) == ["dashboard", "summary"]
    assert resumed[4:] == ["generate_json"]

    [(job_id, status, attempts, _)] = await _jobs(admin_engine, org)
    assert (status, attempts) == ("success", 2)
    steps = await _steps(admin_engine, job_id)
    assert {n: (s[0], s[1]) for n, s in steps.items()} == {
        "classify": ("success", 1),
        "flag": ("success", 1),
        "tree": ("success", 2),
        "timeline": ("success", 1),
        "broken_title": ("success", 1),
        "dashboard": ("success", 1),
        "summary": ("success", 1),
        "generate_json": ("success", 1),
    }
    history = [e["event"] + ":" + e.get("step", "") for e in await events.replay(redis, org)]
    assert "step.failed:tree" in history and "run.failed:" in history
    assert history.index("run.failed:") < history.index("run.resumed:")
    # The dependants were marked skipped at the failure, before the resume ran them.
    failed_at = history.index("run.failed:")
    assert "step.started:broken_title" not in history[:failed_at]


async def test_two_triggers_during_a_run_cause_exactly_one_follow_up(
    org: uuid.UUID,
    settings: Settings,
    queue: jobs.JobQueue,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fired: list[str] = []

    async def trigger_twice(env: RunEnv) -> None:
        if not fired:  # during the first run only
            for n in (1, 2):
                fired.append(f"during-run-{n}")
                await _trigger(settings, queue, org, f"trigger {n} during the run")

    _wrap(monkeypatch, "tree", trigger_twice)
    await _trigger(settings, queue, org, "initial")
    worker = await _drain(settings)
    assert fired == ["during-run-1", "during-run-2"] and worker.jobs_failed == 0
    runs = await _jobs(admin_engine, org)
    # Exactly two runs: the first and one follow-up for both triggers.
    assert [r[1] for r in runs] == ["success", "success"]
    assert runs[0][3] == "initial" and runs[1][3] == "trigger 2 during the run"
    async with admin_engine.connect() as conn:
        dirty = (
            await conn.execute(
                text(
                    "SELECT dirty, running_job_id FROM org_pipeline_state"
                    " WHERE organization_id = :o"
                ),
                {"o": org},
            )
        ).one()
    assert tuple(dirty) == (False, None)


async def test_progress_events_on_pubsub_with_increasing_ids(
    org: uuid.UUID, settings: Settings, queue: jobs.JobQueue, redis: Redis
) -> None:
    pubsub = redis.pubsub()
    await pubsub.subscribe(events.channel(org))
    await _trigger(settings, queue, org, "events test")
    await _drain(settings)
    received: list[dict] = []
    # Everything was published during the drain; read until the run's last event (the
    # guard only turns a missing event into a failure instead of a hang).
    async with asyncio.timeout(30):
        while not received or received[-1]["event"] != "run.finished":
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1)
            if message is not None:
                received.append(json.loads(message["data"]))
    await pubsub.aclose()
    ids = [e["id"] for e in received]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    kinds = [(e["event"], e.get("step")) for e in received]
    assert kinds[0] == ("run.started", None) and kinds[-1] == ("run.finished", None)
    for step in ALL_STEPS:
        assert kinds.index(("step.started", step)) < kinds.index(("step.finished", step))
    # The replay list (SSE Last-Event-ID) holds the same events.
    # ...followed by the run's api.md §4 data events (worker/pipeline/data_events.py).
    replayed = await events.replay(redis, org, after_id=ids[0])
    assert [e["id"] for e in replayed] == [*ids[1:], ids[-1] + 1, ids[-1] + 2]
    assert [e["event"] for e in replayed[-2:]] == ["dashboard-refresh", "pipeline-complete"]


async def test_ruleset_change_forces_a_full_recompute(
    org: uuid.UUID,
    settings: Settings,
    queue: jobs.JobQueue,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await _trigger(settings, queue, org, "first")
    await _drain(settings)
    before = await derived_digest(admin_engine, org)
    monkeypatch.setattr(runner, "RULESET_VERSION", "br-next")
    await _trigger(settings, queue, org, "ruleset bump")
    await _drain(settings)
    async with admin_engine.connect() as conn:
        summary = (
            await conn.execute(
                text(
                    "SELECT summary FROM processing_jobs WHERE organization_id = :o"
                    " ORDER BY created_at DESC LIMIT 1"
                ),
                {"o": org},
            )
        ).scalar_one()
        stamped = (
            (
                await conn.execute(
                    text(
                        "SELECT DISTINCT ruleset_version FROM asset_diagrams"
                        " WHERE organization_id = :o"
                    ),
                    {"o": org},
                )
            )
            .scalars()
            .all()
        )
    assert summary["rulesetChanged"] is True and summary["previousRuleset"] != "br-next"
    # Every derived row was rewritten under the new version (P7).
    assert stamped == ["br-next"]
    after = await derived_digest(admin_engine, org)
    assert {t: n for t, (n, _) in after.items()} == {t: n for t, (n, _) in before.items()}
