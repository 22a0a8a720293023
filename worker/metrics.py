"""Worker-side Prometheus metrics, kept in Redis and exposed by the API's `/metrics` (issue 9).

Why Redis and not `prometheus_client.start_http_server` in the worker: the API and the
workers are separate processes, there may be several workers (and a worker is restarted
at every deploy), and arq jobs end before anything would scrape them. Pushing the few
job-level numbers into Redis hashes (HINCRBY, atomic across processes) gives one scrape
target — the API — whose totals survive worker restarts and add up over all workers.
Values that are state rather than events (queue depth, data freshness) are not pushed
at all: api/metrics.py reads them from Redis and PostgreSQL at scrape time.

Series (rendered by api/metrics.py):
- patentrack_job_runs_total{task,status}              counter, status success|failure
- patentrack_job_duration_seconds{task}               histogram
- patentrack_records_ingested_total{source}           counter
- patentrack_pipeline_step_duration_seconds{step}     histogram
"""

from __future__ import annotations

import bisect
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from arq import Retry
from redis.asyncio import Redis

log = logging.getLogger("patentrack.metrics")

JOB_RUNS = "metrics:job_runs"  # field "{task}|{status}"
JOB_DURATION = "metrics:job_duration"  # histogram fields, see _observe
RECORDS = "metrics:records_ingested"  # field "{source}"
STEP_DURATION = "metrics:pipeline_step_duration"

JOB_BUCKETS = (0.1, 0.5, 1, 5, 15, 60, 300, 900, 1800, 3600, 6 * 3600)
STEP_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900)

# Hash fields of a histogram: "{label}|b{i}" = observations in bucket i (not cumulative;
# i == len(buckets) is +Inf), "{label}|sum", "{label}|count".


def _observe(pipe: Any, key: str, label: str, seconds: float, buckets: tuple[float, ...]) -> None:
    index = bisect.bisect_left(buckets, seconds)
    pipe.hincrby(key, f"{label}|b{index}", 1)
    pipe.hincrbyfloat(key, f"{label}|sum", seconds)
    pipe.hincrby(key, f"{label}|count", 1)


async def _safely(action: Callable[[], Awaitable[Any]]) -> None:
    # Metrics never fail a job: a Redis hiccup loses a sample, not the work.
    try:
        await action()
    except Exception:
        log.warning("metrics update failed", exc_info=True)


async def record_job(redis: Redis, task: str, status: str, seconds: float) -> None:
    async def write() -> None:
        pipe = redis.pipeline(transaction=False)
        pipe.hincrby(JOB_RUNS, f"{task}|{status}", 1)
        _observe(pipe, JOB_DURATION, task, seconds, JOB_BUCKETS)
        await pipe.execute()

    await _safely(write)


async def count_records(redis: Redis, source: str, records: int) -> None:
    if records > 0:
        await _safely(lambda: redis.hincrby(RECORDS, source, records))  # type: ignore[arg-type,return-value]


async def record_steps(redis: Redis, steps: Iterable[tuple[str, float]]) -> None:
    async def write() -> None:
        pipe = redis.pipeline(transaction=False)
        for step, seconds in steps:
            _observe(pipe, STEP_DURATION, step, seconds, STEP_BUCKETS)
        await pipe.execute()

    await _safely(write)


async def _pipeline_steps(ctx: Any, run_ids: Any, since: datetime) -> None:
    """Step durations of the runs a `pipeline.run` job made, read back from
    processing_steps (the runner records every step's start and end there)."""
    from db.repos.pipeline_history import step_durations
    from db.session import tenant_session
    from db.tenant import TenantContext

    ids = [uuid.UUID(str(r)) for r in run_ids or ()]
    if not ids:
        return
    async with tenant_session(ctx.sessionmaker, TenantContext.super_admin()) as session:
        durations = await step_durations(session, ids, since=since)
    await record_steps(ctx.redis, durations)


def instrumented(task: str, fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """The worker's view of a declared task (worker/jobs.py `task()`): honour a paused
    queue (worker/queue_pause.py), then count the run, its outcome and its duration."""
    from worker import queue_pause
    from worker.task_names import PIPELINE_RUN

    async def run(ctx: Any, **kwargs: Any) -> Any:
        await queue_pause.hold_if_paused(ctx.redis, task, ctx.job_id)
        started, wall = time.perf_counter(), datetime.now(UTC)
        try:
            result = await fn(ctx, **kwargs)
        except Retry:
            raise  # re-queued on purpose, neither a success nor a failure
        except BaseException:
            await record_job(ctx.redis, task, "failure", time.perf_counter() - started)
            raise
        await record_job(ctx.redis, task, "success", time.perf_counter() - started)
        if task == PIPELINE_RUN and isinstance(result, list):
            await _safely(lambda: _pipeline_steps(ctx, result, wall))
        return result

    run.__wrapped__ = fn  # type: ignore[attr-defined]
    run.__qualname__ = getattr(fn, "__qualname__", task)
    return run
