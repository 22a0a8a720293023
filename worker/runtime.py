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


def _cron_source(task: str) -> str | None:
    """The data source a scheduled task loads (its SourceSpec name), if any."""
    from worker.ingestion.assignments import DAILY_SOURCE
    from worker.ingestion.biblio import APPLICATIONS_SOURCE, GRANTS_SOURCE
    from worker.ingestion.families import EPO_SOURCE
    from worker.ingestion.snapshots import CPC_MCF_SOURCE, CPC_SCHEME_SOURCE, MAINT_FEE_SOURCE
    from worker.task_names import (
        INGEST_APPLICATIONS,
        INGEST_ASSIGNMENTS,
        INGEST_CPC_MASTER,
        INGEST_CPC_SCHEME,
        INGEST_EPO_FAMILIES,
        INGEST_GRANTS,
        INGEST_MAINTENANCE_FEES,
    )

    return {
        INGEST_ASSIGNMENTS: DAILY_SOURCE.name,
        INGEST_GRANTS: GRANTS_SOURCE.name,
        INGEST_APPLICATIONS: APPLICATIONS_SOURCE.name,
        INGEST_CPC_MASTER: CPC_MCF_SOURCE.name,
        INGEST_CPC_SCHEME: CPC_SCHEME_SOURCE.name,
        INGEST_MAINTENANCE_FEES: MAINT_FEE_SOURCE.name,
        INGEST_EPO_FAMILIES: EPO_SOURCE.name,
    }.get(task)


async def _source_paused(ctx: dict[str, Any], task: str) -> bool:
    source = _cron_source(task)
    if source is None:
        return False
    from db.repos.ingestion_admin import source_is_active
    from db.session import tenant_session
    from db.tenant import TenantContext

    async with tenant_session(ctx["sessionmaker"], TenantContext.anonymous()) as session:
        return not await source_is_active(session, source)


def _scheduled_enqueue(entry: jobs.Schedule) -> WorkerCoroutine:
    async def fire(ctx: dict[str, Any]) -> None:
        # issue 9 (api.md §3.5 pause/resume): a paused data source is not scheduled.
        if await _source_paused(ctx, entry.task):
            log.info("source paused; scheduled run skipped", extra={"task": entry.task})
            return
        # One job per firing slot: a second scheduler (or a restart) cannot double it.
        slot = datetime.now(UTC).strftime("%Y%m%dT%H%M")
        queue: jobs.JobQueue = ctx["queue"]
        await queue.enqueue(entry.task, job_id=f"cron:{entry.task}:{slot}", **entry.kwargs)

    fire.__qualname__ = f"cron:{entry.task}"
    return fire


def _make_startup(settings: Settings, *, warm_caches: bool = False) -> Any:
    async def startup(ctx: dict[str, Any]) -> None:
        engine = make_engine(settings.worker_db_url(), pool_size=settings.db_pool_size)
        ctx["engine"] = engine
        ctx["sessionmaker"] = make_sessionmaker(engine)
        ctx["queue"] = jobs.JobQueue(ctx["redis"])
        ctx["settings"] = settings
        if warm_caches:
            # api.md §5.2: warm the active orgs' dashboards at start-up, as a queued job
            # (start-up itself stays fast; the API's start-up path is not involved).
            from worker.maintenance_jobs import enqueue_warm_up

            await enqueue_warm_up(ctx["queue"])

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
        # A burst worker (tests, one-off drains) only runs what is already queued.
        "on_startup": _make_startup(settings, warm_caches=not burst),
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
