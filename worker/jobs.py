"""Our small job facade over Arq (D17): declare, enqueue after commit, schedule.

Callers never touch Arq directly, so the queue library stays replaceable. A task is a
plain `async def fn(ctx: JobContext, **kwargs)`; every task must be idempotent because
Arq may run a job twice (a worker killed mid-job re-runs it).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from arq import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.session import after_commit, tenant_session
from db.tenant import TenantContext
from worker import task_names

log = logging.getLogger("patentrack.jobs")

DEFAULT_QUEUE = "patentrack:queue"
SCHEDULER_QUEUE = "patentrack:scheduler"
_REQUEST_ID_KWARG = "_patentrack_request_id"

TaskFn = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class TaskDef:
    name: str
    fn: TaskFn
    retries: int
    timeout_s: float
    backoff_s: float
    # None: the worker default; 0: keep no result, so the unique id is free once it ends.
    keep_result_s: float | None = None


@dataclass(frozen=True)
class Schedule:
    """Enqueue `task` on the cron spec given as Arq fields (minute=, hour=, weekday=, ...)."""

    task: str
    cron: dict[str, Any]
    kwargs: dict[str, Any] = field(default_factory=dict)


TASKS: dict[str, TaskDef] = {}
SCHEDULES: list[Schedule] = []


def task(
    name: str,
    *,
    retries: int = 3,
    timeout: float = 600,
    backoff: float = 2.0,
    keep_result: float | None = None,
) -> Callable[[TaskFn], TaskFn]:
    """Declare a job: its queue name, how often a failure is retried, its time limit."""

    def register(fn: TaskFn) -> TaskFn:
        if name not in task_names.ALL:
            raise ValueError(f"task {name!r} is missing from worker/task_names.py")
        if name in TASKS and getattr(TASKS[name].fn, "__wrapped__", TASKS[name].fn) is not fn:
            raise ValueError(f"task {name!r} is declared twice")
        # issue 9: the worker runs the task through the metrics/queue-pause wrapper; the
        # decorated function itself stays plain for direct calls.
        from worker.metrics import instrumented

        TASKS[name] = TaskDef(name, instrumented(name, fn), retries, timeout, backoff, keep_result)
        return fn

    return register


def schedule(task_name: str, *, kwargs: dict[str, Any] | None = None, **cron: Any) -> None:
    """Register a cron entry; the scheduler process enqueues the task when it fires."""
    SCHEDULES.append(Schedule(task_name, cron, kwargs or {}))


@dataclass
class JobContext:
    """What a task receives: its identity and the worker's shared resources."""

    job_id: str
    job_try: int
    redis: ArqRedis
    sessionmaker: async_sessionmaker[AsyncSession]
    queue: JobQueue
    request_id: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    @asynccontextmanager
    async def session(self, ctx: TenantContext) -> AsyncIterator[AsyncSession]:
        """The job boundary's transaction, with the tenant context it was given explicitly."""
        async with tenant_session(self.sessionmaker, ctx) as session:
            yield session


class UnknownTask(LookupError):
    pass


class PermanentJobError(Exception):
    """A failure that retrying cannot fix (missing credentials, a refused key): the job
    fails at once with this message instead of burning its retries."""


class JobQueue:
    """Enqueue declared tasks on Redis."""

    def __init__(self, redis: ArqRedis, queue_name: str = DEFAULT_QUEUE) -> None:
        self.redis = redis
        self.queue_name = queue_name

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_by: float | None = None,
        request_id: str | None = None,
        **kwargs: Any,
    ) -> str | None:
        """Queue `name` now; returns the job id, or None when that unique id is already queued."""
        if name not in task_names.ALL:
            raise UnknownTask(name)
        if request_id:
            kwargs[_REQUEST_ID_KWARG] = request_id
        job = await self.redis.enqueue_job(
            name,
            _job_id=job_id,
            _queue_name=self.queue_name,
            _defer_by=defer_by,
            **kwargs,
        )
        return job.job_id if job else None

    def enqueue_after_commit(
        self,
        session: AsyncSession,
        name: str,
        *,
        job_id: str | None = None,
        request_id: str | None = None,
        **kwargs: Any,
    ) -> str:
        """D17: queue `name` only once `session`'s transaction commits; never on rollback."""
        if name not in task_names.ALL:
            raise UnknownTask(name)
        job_id = job_id or uuid.uuid4().hex

        async def _enqueue() -> None:
            await self.enqueue(name, job_id=job_id, request_id=request_id, **kwargs)

        after_commit(session, _enqueue)
        return job_id

    def enqueue_coalesced_after_commit(
        self,
        session: AsyncSession,
        name: str,
        *,
        job_id: str,
        follow_up: dict[str, Any],
        **kwargs: Any,
    ) -> None:
        """D15/D17: after commit, queue `name` under the unique `job_id`; when that id is
        held by a job already running (or just ended), queue a follow-up under a fresh id
        with `follow_up` merged into its kwargs. The task itself decides, from state the
        caller committed, whether the follow-up still has work (never a queue of repeats)."""
        if name not in task_names.ALL:
            raise UnknownTask(name)

        async def _enqueue() -> None:
            if await self.enqueue(name, job_id=job_id, **kwargs) is not None:
                return
            if await self.status(job_id) in ("queued", "deferred"):
                return  # not started yet: it will see the committed trigger
            await self.enqueue(
                name, job_id=f"{job_id}:follow-up:{uuid.uuid4().hex}", **kwargs, **follow_up
            )

        after_commit(session, _enqueue)

    async def status(self, job_id: str) -> str:
        """Arq's view of a job: queued, deferred, in_progress, complete or not_found."""
        from arq.jobs import Job

        return str((await Job(job_id, self.redis, _queue_name=self.queue_name).status()).value)


async def connect_redis(url: str) -> ArqRedis:
    """One lazy Redis pool (ArqRedis is a redis.asyncio.Redis) for jobs, cache and auth state.

    Lazy on purpose: the API must start, and report itself not ready, while Redis is down.
    """
    return cast(
        ArqRedis, ArqRedis.from_url(url, socket_connect_timeout=2, health_check_interval=30)
    )
