"""The DAG: classify -> flag -> [tree || timeline] -> broken_title -> [dashboard || summary]
-> generate_json (D15, BR-060). Parallel pairs run concurrently (asyncio.gather, each step
in its own session and transaction); a failed step stops its dependants, and a resumed run
executes only the steps not yet successful.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis
from sqlalchemy import func

from db.repos import pipeline_runs as runs
from worker.pipeline import events
from worker.pipeline.env import NeedFullRun, RunEnv, StepResult
from worker.pipeline.steps_early import classify_step, flag_step, timeline_step, tree_step
from worker.pipeline.steps_late import (
    broken_title_step,
    dashboard_step,
    generate_json_step,
    summary_step,
)

log = logging.getLogger("patentrack.pipeline")

StepFn = Callable[[RunEnv], Awaitable[StepResult]]

# Looked up at call time, so tests can inject a failing or slow step.
STEPS: dict[str, StepFn] = {
    "classify": classify_step,
    "flag": flag_step,
    "tree": tree_step,
    "timeline": timeline_step,
    "broken_title": broken_title_step,
    "dashboard": dashboard_step,
    "summary": summary_step,
    "generate_json": generate_json_step,
}
STAGES: tuple[tuple[str, ...], ...] = (
    ("classify",),
    ("flag",),
    ("tree", "timeline"),
    ("broken_title",),
    ("dashboard", "summary"),
    ("generate_json",),
)
STEP_NUMBER = {name: n for n, name in enumerate(STEPS, start=1)}


class StepFailed(RuntimeError):
    """A step of the run failed; later stages were skipped (the run can be resumed)."""

    def __init__(self, steps: list[str], cause: BaseException) -> None:
        super().__init__(f"pipeline step(s) failed: {', '.join(steps)}: {cause!r}")
        self.steps = steps


async def run_step(env: RunEnv, redis: Redis, name: str) -> StepResult:
    """One step: mark running (own commit), run it, record success with its outputs' commit."""
    async with env.session() as s:
        await runs.start_step(s, env.run_id, name)
        await runs.update_job(s, env.run_id, current_step=STEP_NUMBER[name])
    await events.publish(redis, env.org_id, "step.started", runId=str(env.run_id), step=name)
    began = time.perf_counter()
    try:
        result = await STEPS[name](env)
    except NeedFullRun:
        # Issue 6: not a failure; the runner re-executes the whole DAG as a full run.
        async with env.session() as s:
            await runs.update_step(s, env.run_id, name, status="pending", started_at=None)
        raise
    except Exception as exc:
        async with env.session() as s:
            await runs.update_step(
                s,
                env.run_id,
                name,
                status="failed",
                completed_at=func.clock_timestamp(),
                error_message=f"{type(exc).__name__}: {exc}"[:2000],
            )
        await events.publish(
            redis, env.org_id, "step.failed", runId=str(env.run_id), step=name, error=str(exc)
        )
        raise
    seconds = round(time.perf_counter() - began, 3)
    async with env.session() as s:
        await runs.update_step(
            s,
            env.run_id,
            name,
            status="success",
            completed_at=func.clock_timestamp(),
            records_processed=result.records,
            metrics={**result.metrics, "seconds": seconds},
        )
    await events.publish(
        redis,
        env.org_id,
        "step.finished",
        runId=str(env.run_id),
        step=name,
        records=result.records,
        seconds=seconds,
    )
    return result


async def execute(env: RunEnv, redis: Redis, done: set[str]) -> list[str]:
    """Run every stage in order, skipping steps in `done`; returns the steps executed."""
    executed: list[str] = []
    for stage in STAGES:
        todo = [name for name in stage if name not in done]
        if not todo:
            continue
        failures: list[tuple[str, BaseException]] = []
        if env.sequential or len(todo) == 1:
            for name in todo:
                try:
                    await run_step(env, redis, name)
                except NeedFullRun:
                    raise
                except Exception as exc:
                    failures.append((name, exc))
                    break
        else:
            # Really concurrent: separate sessions (connections) and transactions.
            results = await asyncio.gather(
                *(run_step(env, redis, name) for name in todo), return_exceptions=True
            )
            for res in results:
                if isinstance(res, NeedFullRun):
                    raise res
            for name, res in zip(todo, results, strict=True):
                if isinstance(res, BaseException):
                    if not isinstance(res, Exception):
                        raise res  # cancellation and the like are not step failures
                    failures.append((name, res))
        executed += [n for n in todo if n not in {f for f, _ in failures}]
        if failures:
            await _skip_rest(env, stage)
            raise StepFailed([n for n, _ in failures], failures[0][1])
    return executed


async def _skip_rest(env: RunEnv, failed_stage: tuple[str, ...]) -> None:
    """Dependants of a failed stage never start; they stay resumable as `skipped`."""
    later = [n for stage in STAGES[STAGES.index(failed_stage) + 1 :] for n in stage]
    async with env.session() as s:
        for name in later:
            await runs.update_step(s, env.run_id, name, status="skipped")
