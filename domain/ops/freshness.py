"""Data freshness per ingestion source (issue 9, api.md §3.5 ingestion control).

Thresholds from the issue (the system design's monitoring section): assignments are
stale 48 h after their last success; grants, applications and maintenance fees after
9 days; CPC after 35 days.

`warning` is our definition (the issue only says "warning before stale"): a source is in
warning once its age has passed 75% of its stale threshold, i.e. `age > 0.75 * threshold`.
Exactly at 75% it is still fresh; exactly at the threshold it is still warning; strictly
past the threshold it is stale. A source that never succeeded is stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

WARNING_FRACTION = 0.75

# data_sources.name → stale threshold (issue 9). Names are the SourceSpec names the
# worker registers (worker/ingestion/*.py).
STALE_AFTER: dict[str, timedelta] = {
    "USPTO_PASDL_DAILY": timedelta(hours=48),
    "USPTO_GRANTS_BIBLIO": timedelta(days=9),
    "USPTO_APPLICATIONS_BIBLIO": timedelta(days=9),
    "USPTO_MAINT_FEE_EVENTS": timedelta(days=9),
    "USPTO_CPC_MCF": timedelta(days=35),
    "CPC_SCHEME": timedelta(days=35),
}


class Staleness(StrEnum):
    FRESH = "fresh"
    WARNING = "warning"
    STALE = "stale"


@dataclass(frozen=True)
class Freshness:
    status: Staleness
    threshold: timedelta
    age: timedelta | None  # None: never succeeded


def threshold_for(source: str) -> timedelta | None:
    """The stale threshold of a source, or None for sources the issue gives none
    (on-demand look-ups such as EPO families or company enrichment)."""
    return STALE_AFTER.get(source)


def freshness(
    source_or_threshold: str | timedelta, last_success: datetime | None, now: datetime
) -> Freshness | None:
    """fresh / warning / stale of a source whose last success was at `last_success`.

    Returns None when `source_or_threshold` names a source without a threshold.
    """
    if isinstance(source_or_threshold, timedelta):
        threshold: timedelta | None = source_or_threshold
    else:
        threshold = threshold_for(source_or_threshold)
    if threshold is None:
        return None
    if threshold <= timedelta(0):
        raise ValueError("a stale threshold must be positive")
    if last_success is None:
        return Freshness(Staleness.STALE, threshold, None)
    age = now - last_success
    if age > threshold:
        status = Staleness.STALE
    elif age > threshold * WARNING_FRACTION:
        status = Staleness.WARNING
    else:
        status = Staleness.FRESH
    return Freshness(status, threshold, age)
