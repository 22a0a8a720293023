"""Staleness at each threshold boundary (issue 9: "Staleness computed correctly at each
threshold"); warning = past 75% of the stale threshold (domain/ops/freshness.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.ops.freshness import Staleness, freshness, threshold_for
from domain.ops.schedule import next_run

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
TICK = timedelta(microseconds=1)

SOURCES = [
    ("USPTO_PASDL_DAILY", timedelta(hours=48)),
    ("USPTO_GRANTS_BIBLIO", timedelta(days=9)),
    ("USPTO_APPLICATIONS_BIBLIO", timedelta(days=9)),
    ("USPTO_MAINT_FEE_EVENTS", timedelta(days=9)),
    ("USPTO_CPC_MCF", timedelta(days=35)),
    ("CPC_SCHEME", timedelta(days=35)),
]


@pytest.mark.parametrize(("source", "threshold"), SOURCES)
def test_thresholds_are_the_issues(source: str, threshold: timedelta) -> None:
    assert threshold_for(source) == threshold


@pytest.mark.parametrize(("source", "threshold"), SOURCES)
def test_each_boundary(source: str, threshold: timedelta) -> None:
    def status(age: timedelta) -> Staleness:
        result = freshness(source, NOW - age, NOW)
        assert result is not None and result.threshold == threshold and result.age == age
        return result.status

    warn_at = threshold * 3 / 4
    assert status(timedelta(0)) is Staleness.FRESH
    assert status(warn_at - TICK) is Staleness.FRESH
    assert status(warn_at) is Staleness.FRESH  # exactly 75%: not yet past it
    assert status(warn_at + TICK) is Staleness.WARNING
    assert status(threshold - TICK) is Staleness.WARNING
    assert status(threshold) is Staleness.WARNING  # exactly at the threshold: not past it
    assert status(threshold + TICK) is Staleness.STALE
    assert status(threshold * 10) is Staleness.STALE


def test_assignment_boundaries_in_hours() -> None:
    def status(hours: float) -> Staleness:
        result = freshness("USPTO_PASDL_DAILY", NOW - timedelta(hours=hours), NOW)
        assert result is not None
        return result.status

    assert [status(h) for h in (35.99, 36, 36.01, 47.99, 48, 48.01)] == [
        Staleness.FRESH,
        Staleness.FRESH,
        Staleness.WARNING,
        Staleness.WARNING,
        Staleness.WARNING,
        Staleness.STALE,
    ]


@pytest.mark.parametrize(("source", "threshold"), SOURCES)
def test_never_succeeded_is_stale(source: str, threshold: timedelta) -> None:
    result = freshness(source, None, NOW)
    assert result is not None
    assert (result.status, result.threshold, result.age) == (Staleness.STALE, threshold, None)


def test_an_explicit_threshold_works_without_a_source_name() -> None:
    day = timedelta(days=1)
    assert freshness(day, NOW - timedelta(hours=18), NOW).status is Staleness.FRESH  # type: ignore[union-attr]
    assert freshness(day, NOW - timedelta(hours=19), NOW).status is Staleness.WARNING  # type: ignore[union-attr]
    assert freshness(day, NOW - timedelta(hours=25), NOW).status is Staleness.STALE  # type: ignore[union-attr]
    assert freshness(day, None, NOW).status is Staleness.STALE  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        freshness(timedelta(0), NOW, NOW)


def test_a_source_without_a_threshold_has_no_staleness() -> None:
    assert threshold_for("EPO_OPS_FAMILIES") is None
    assert freshness("EPO_OPS_FAMILIES", NOW, NOW) is None


@pytest.mark.parametrize(
    ("cron", "after", "expected"),
    [
        # daily 02:00: later today, or tomorrow once it has passed (strictly after)
        ("0 2 * * *", datetime(2026, 11, 22, 1, 59, tzinfo=UTC), datetime(2026, 11, 22, 2, 0)),
        ("0 2 * * *", datetime(2026, 11, 22, 2, 0, tzinfo=UTC), datetime(2026, 11, 23, 2, 0)),
        # Tuesdays 04:00 (cron dow 2); 2026-11-22 is a Sunday
        ("0 4 * * 2", datetime(2026, 11, 22, 12, 0, tzinfo=UTC), datetime(2026, 11, 24, 4, 0)),
        # Sunday as 0 and as 7
        ("30 5 * * 0", datetime(2026, 11, 22, 12, 0, tzinfo=UTC), datetime(2026, 11, 29, 5, 30)),
        ("30 5 * * 7", datetime(2026, 11, 22, 12, 0, tzinfo=UTC), datetime(2026, 11, 29, 5, 30)),
        # monthly on the 1st at 03:30, across a year end
        ("30 3 1 * *", datetime(2026, 12, 1, 3, 30, tzinfo=UTC), datetime(2027, 1, 1, 3, 30)),
    ],
)
def test_next_run_from_cron(cron: str, after: datetime, expected: datetime) -> None:
    assert next_run(cron, after) == expected.replace(tzinfo=UTC)


@pytest.mark.parametrize("cron", [None, "", "*/5 * * * *", "0 2 * *", "61 2 * * *"])
def test_next_run_refuses_what_it_cannot_compute(cron: str | None) -> None:
    assert next_run(cron, NOW) is None
