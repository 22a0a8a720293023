"""Pause / resume a logical queue (api.md §3.5 `PATCH /admin/ingestion/queues/{queue}`).

All tasks share one Arq queue (worker/jobs.py), so a "queue" here is a class of tasks:
`ingestion` (the source loads), `pipeline` (per-org runs), `enrichment` (on-demand
look-ups). The flag is a Redis hash `queue:paused:{queue}` read by every worker before it
starts a task of that class. A held job is not dropped and does not spend a retry: it
goes back into the Arq queue under the same id (single-flight ids such as
`pipeline:org:{orgId}` stay taken) and is looked at again every PAUSED_RECHECK_S, so
cron firings and triggers made while paused simply wait; after a resume the next check
runs them. Consumption of the other classes continues.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from arq import Retry
from arq.constants import retry_key_prefix
from redis.asyncio import Redis

from worker import task_names

log = logging.getLogger("patentrack.jobs")

QUEUES = ("ingestion", "pipeline", "enrichment")
PAUSED_RECHECK_S = 5.0  # how soon a held job looks again (module-level so tests shorten it)
_KEY = "queue:paused:{queue}"

_ENRICHMENT = frozenset(
    {
        task_names.ENRICH_COMPANY,
        task_names.INGEST_EPO_FAMILIES,
        task_names.INGEST_ASSIGNMENT_HISTORY,
    }
)


def queue_of(task: str) -> str | None:
    """The pausable class of a task; None for system tasks (probes, heartbeats)."""
    if task in _ENRICHMENT or task.startswith("enrich."):
        return "enrichment"
    if task.startswith("ingest."):
        return "ingestion"
    if task.startswith("pipeline."):
        return "pipeline"
    return None


@dataclass(frozen=True)
class QueueState:
    queue: str
    paused: bool
    paused_at: datetime | None
    reason: str | None


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


async def state(redis: Redis, queue: str) -> QueueState:
    raw = await redis.hgetall(_KEY.format(queue=queue))  # type: ignore[misc]
    if not raw:
        return QueueState(queue, False, None, None)
    values = {_text(k): _text(v) for k, v in raw.items()}
    at = values.get("pausedAt")
    return QueueState(
        queue, True, datetime.fromisoformat(at) if at else None, values.get("reason") or None
    )


async def set_paused(redis: Redis, queue: str, paused: bool, reason: str | None) -> QueueState:
    """Pause (keeps the first pause time when already paused) or resume `queue`."""
    key = _KEY.format(queue=queue)
    if not paused:
        await redis.delete(key)
        return QueueState(queue, False, None, reason)
    current = await state(redis, queue)
    at = current.paused_at or datetime.now(UTC)
    await redis.hset(key, mapping={"pausedAt": at.isoformat(), "reason": reason or ""})  # type: ignore[misc]
    return QueueState(queue, True, at, reason)


async def hold_if_paused(redis: Redis, task: str, job_id: str) -> None:
    """Raise arq's Retry (back into the queue, same id) when `task`'s class is paused.

    Arq counts every start as a try (`arq:retry:{id}`); the count is given back first, so
    a pause of any length never exhausts a job's retries.
    """
    queue = queue_of(task)
    if queue is None or not await redis.exists(_KEY.format(queue=queue)):
        return
    await redis.decr(retry_key_prefix + job_id)
    log.info("queue paused; job held", extra={"task": task, "job_id": job_id, "queue": queue})
    raise Retry(defer=PAUSED_RECHECK_S)
