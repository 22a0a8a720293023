"""Turn declared tasks into an Arq worker: retries with backoff, timeouts, shared resources."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from arq import Retry, cron
from arq.connections import RedisSettings
from arq.typing import WorkerCoroutine
from arq.worker import Function, Worker, func

from db.engine import make_engine, make_sessionmaker
from patentrack.settings import Settings
from worker import jobs

log = logging.getLogger("patentrack.worker")

# How long a stopping worker lets running jobs finish before cancelling them
# (a cancelled job is retried by the next worker; every task is idempotent).
GRACEFUL_SHUTDOWN_S = 25


def _wrap(defn: jobs.TaskDef) -> WorkerCoroutine:
    async def run(ctx: dict[str, Any], **kwargs: Any) -> Any:
        request_id = kwargs.pop(jobs._REQUEST_ID_KWARG, None)
        job_ctx = jobs.JobContext(
            job_id=ctx["job_id"],
            job_try=ctx["job_try"],
            redis=ctx["redis"],
            sessionmaker=ctx["sessionmaker"],
            queue=ctx["queue"],
            request_id=request_id,
            extras=ctx,
        )
        try:
            return await defn.fn(job_ctx, **kwargs)
        except Retry:
            raise
        except jobs.PermanentJobError:
            log.error("job failed permanently", extra={"task": defn.name, "job_id": ctx["job_id"]})
            raise
        except Exception as exc:
            if ctx["job_try"] <= defn.retries:
                delay = defn.backoff_s * 2 ** (ctx["job_try"] - 1)
                log.warning(
                    "job failed, retrying",
                    extra={
                        "task": defn.name,
                        "job_id": ctx["job_id"],
                        "try": ctx["job_try"],
                        "retry_in_s": delay,
                        "error": type(exc).__name__,
                    },
                )
                raise Retry(defer=delay) from exc
            log.exception(
                "job failed after retries", extra={"task": defn.name, "job_id": ctx["job_id"]}
            )
            raise

    run.__qualname__ = defn.name
    return run


def arq_functions() -> list[Function]:
    return [
        func(
            _wrap(d),
            name=d.name,
            max_tries=d.retries + 1,
            timeout=d.timeout_s,
            keep_result=d.keep_result_s,
        )
        for d in jobs.TASKS.values()
    ]


def _scheduled_enqueue(entry: jobs.Schedule) -> WorkerCoroutine:
    async def fire(ctx: dict[str, Any]) -> None:
        # One job per firing slot: a second scheduler (or a restart) cannot double it.
        slot = datetime.now(UTC).strftime("%Y%m%dT%H%M")
        queue: jobs.JobQueue = ctx["queue"]
        await queue.enqueue(entry.task, job_id=f"cron:{entry.task}:{slot}", **entry.kwargs)

    fire.__qualname__ = f"cron:{entry.task}"
    return fire


def _make_startup(settings: Settings) -> Any:
    async def startup(ctx: dict[str, Any]) -> None:
        engine = make_engine(settings.worker_db_url(), pool_size=settings.db_pool_size)
        ctx["engine"] = engine
        ctx["sessionmaker"] = make_sessionmaker(engine)
        ctx["queue"] = jobs.JobQueue(ctx["redis"])
        ctx["settings"] = settings

    return startup


async def _shutdown(ctx: dict[str, Any]) -> None:
    engine = ctx.get("engine")
    if engine is not None:
        await engine.dispose()


def build_worker(settings: Settings, *, burst: bool = False, **overrides: Any) -> Worker:
    """The job worker: consumes the main queue."""
    import worker.tasks  # noqa: F401  (registers every task)

    assert settings.redis_url
    options: dict[str, Any] = {
        "functions": arq_functions(),
        "redis_settings": RedisSettings.from_dsn(settings.redis_url),
        "queue_name": jobs.DEFAULT_QUEUE,
        "on_startup": _make_startup(settings),
        "on_shutdown": _shutdown,
        "burst": burst,
        "job_completion_wait": GRACEFUL_SHUTDOWN_S,
        "keep_result": 3600,
        "max_jobs": 10,
        "poll_delay": 0.2,
    }
    options.update(overrides)
    return Worker(**options)


def build_scheduler(settings: Settings, **overrides: Any) -> Worker:
    """The scheduler: runs only cron entries, each of which enqueues a task on the main queue."""
    import worker.tasks  # noqa: F401

    assert settings.redis_url
    options: dict[str, Any] = {
        "functions": [],
        "cron_jobs": [
            cron(_scheduled_enqueue(e), name=f"cron:{e.task}", **e.cron) for e in jobs.SCHEDULES
        ],
        "redis_settings": RedisSettings.from_dsn(settings.redis_url),
        "queue_name": jobs.SCHEDULER_QUEUE,
        "on_startup": _make_startup(settings),
        "on_shutdown": _shutdown,
    }
    options.update(overrides)
    return Worker(**options)
