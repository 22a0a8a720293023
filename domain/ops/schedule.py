"""Next run of a source from its 5-field cron (data_sources.schedule_cron), issue 9.

The API cannot import the worker's task modules (one-way imports), so the source row's
cron string, which mirrors the worker's `schedule(...)` entry, is the input. Supported
fields: `*`, a number, or a comma list of numbers (all the sources use); anything else
gives None rather than a wrong answer.
"""

from __future__ import annotations

from datetime import datetime, timedelta

_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))  # minute hour dom month dow
_LOOKAHEAD_DAYS = 366 * 4 + 1  # covers any valid Feb-29 schedule


def _field(text: str, low: int, high: int) -> frozenset[int] | None:
    """The allowed values; an empty frozenset means `*` (any)."""
    if text == "*":
        return frozenset()
    values = set()
    for part in text.split(","):
        if not part.isdigit():
            return None
        value = int(part)
        if not low <= value <= high:
            return None
        values.add(value)
    return frozenset(values)


def next_run(cron: str | None, after: datetime) -> datetime | None:
    """The first minute strictly after `after` (tz-aware, UTC) matching `cron`."""
    if not cron:
        return None
    parts = cron.split()
    if len(parts) != 5:
        return None
    fields = [_field(p, lo, hi) for p, (lo, hi) in zip(parts, _RANGES, strict=True)]
    if any(f is None for f in fields):
        return None
    minutes, hours, doms, months, dows = (f or frozenset() for f in fields)
    dows = frozenset(d % 7 for d in dows)  # 7 is Sunday too
    start = after.replace(second=0, microsecond=0) + timedelta(minutes=1)
    day = start.replace(hour=0, minute=0)
    for _ in range(_LOOKAHEAD_DAYS):
        cron_dow = (day.weekday() + 1) % 7  # cron: Sunday=0
        # Vixie cron: when both day-of-month and day-of-week are restricted, either matches.
        if doms and dows:
            day_ok = day.day in doms or cron_dow in dows
        else:
            day_ok = (not doms or day.day in doms) and (not dows or cron_dow in dows)
        if day_ok and (not months or day.month in months):
            for hour in sorted(hours) if hours else range(24):
                for minute in sorted(minutes) if minutes else range(60):
                    candidate = day.replace(hour=hour, minute=minute)
                    if candidate >= start:
                        return candidate
        day += timedelta(days=1)
    return None
