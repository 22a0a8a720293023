"""Operations alert conditions and their deduplication (issue 9).

The evaluator gathers facts (sources, their recent jobs, queue depths) and asks
`firing(...)` which conditions hold now; `transitions(...)` compares that with the
alerts already open: a condition that starts holding opens (one notification), one
that stops holding resolves (one notification), one that keeps holding does nothing.

Conditions (issue 9, the system design's monitoring section):
- `job_failed:{source}` — the source's latest ingestion job failed and no retry followed
  within the grace period (Arq retries create a new job row, so a failed row that is
  still the latest after the grace has exhausted its retries);
- `source_stale:{source}` — no success for more than twice the source's schedule
  interval (its cron period; the freshness threshold when it has no cron);
- `error_rate:{source}` — more than 5 % of the records of its jobs in the last 24 h
  failed (or of its last job, when none ran in 24 h);
- `queue_depth:{queue}` — a queue holds more than 1,000 jobs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from domain.ops.freshness import threshold_for
from domain.ops.schedule import next_run

ERROR_RATE_THRESHOLD = 0.05
QUEUE_DEPTH_THRESHOLD = 1000
STALE_FACTOR = 2


@dataclass(frozen=True)
class SourceFacts:
    name: str
    schedule_cron: str | None
    expected_interval_hours: int | None
    created_at: datetime
    last_success_at: datetime | None
    latest_job_status: str | None
    latest_job_finished_at: datetime | None
    latest_job_error: str | None
    # Records processed / failed over the error-rate window (24 h, or the last job).
    window_processed: int
    window_failed: int


@dataclass(frozen=True)
class Condition:
    key: str
    kind: str
    title: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Thresholds:
    failure_grace: timedelta = timedelta(minutes=5)
    error_rate: float = ERROR_RATE_THRESHOLD
    queue_depth: int = QUEUE_DEPTH_THRESHOLD


def schedule_interval(
    cron: str | None, expected_hours: int | None, now: datetime
) -> timedelta | None:
    """How often a source is meant to run: its explicit interval, else the gap between its
    next two cron firings, else None."""
    if expected_hours:
        return timedelta(hours=expected_hours)
    first = next_run(cron, now)
    second = next_run(cron, first) if first else None
    return second - first if first and second else None


def stale_after(source: SourceFacts, now: datetime) -> timedelta | None:
    """Twice the schedule interval; sources without a cron use their freshness threshold."""
    interval = schedule_interval(source.schedule_cron, source.expected_interval_hours, now)
    if interval is not None:
        return interval * STALE_FACTOR
    return threshold_for(source.name)


def _source_conditions(s: SourceFacts, now: datetime, t: Thresholds) -> list[Condition]:
    found: list[Condition] = []
    if (
        s.latest_job_status == "failed"
        and s.latest_job_finished_at is not None
        and now - s.latest_job_finished_at >= t.failure_grace
    ):
        found.append(
            Condition(
                f"job_failed:{s.name}",
                "job_failed",
                f"Ingestion of {s.name} failed after its retries",
                {"source": s.name, "error": (s.latest_job_error or "")[:300]},
            )
        )
    limit = stale_after(s, now)
    since = s.last_success_at or s.created_at
    if limit is not None and now - since > limit:
        found.append(
            Condition(
                f"source_stale:{s.name}",
                "source_stale",
                f"{s.name} has not loaded successfully for over {_human(limit)}",
                {
                    "source": s.name,
                    "lastSuccessAt": s.last_success_at.isoformat() if s.last_success_at else None,
                    "staleAfterHours": round(limit.total_seconds() / 3600, 1),
                },
            )
        )
    if s.window_processed > 0 and s.window_failed / s.window_processed > t.error_rate:
        rate = s.window_failed / s.window_processed
        found.append(
            Condition(
                f"error_rate:{s.name}",
                "error_rate",
                f"{s.name}: {rate:.1%} of records failed to load",
                {"source": s.name, "failed": s.window_failed, "processed": s.window_processed},
            )
        )
    return found


def _human(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours:.0f} h" if hours < 72 else f"{hours / 24:.0f} days"


def firing(
    sources: Iterable[SourceFacts],
    queue_depths: dict[str, int],
    now: datetime,
    thresholds: Thresholds | None = None,
) -> list[Condition]:
    """Every condition that holds now, ordered by key."""
    t = thresholds or Thresholds()
    found = [c for s in sources for c in _source_conditions(s, now, t)]
    for queue, depth in queue_depths.items():
        if depth > t.queue_depth:
            found.append(
                Condition(
                    f"queue_depth:{queue}",
                    "queue_depth",
                    f"Queue {queue} holds {depth} jobs",
                    {"queue": queue, "depth": depth, "threshold": t.queue_depth},
                )
            )
    return sorted(found, key=lambda c: c.key)


def transitions(
    open_keys: Iterable[str], now_firing: Sequence[Condition]
) -> tuple[list[Condition], list[str]]:
    """(conditions to open, open keys to resolve); a condition still firing does nothing."""
    opened = set(open_keys)
    firing_keys = {c.key for c in now_firing}
    to_open = [c for c in now_firing if c.key not in opened]
    to_resolve = sorted(opened - firing_keys)
    return to_open, to_resolve
