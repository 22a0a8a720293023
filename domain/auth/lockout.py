"""Lockout tiers (D12, api.md §2.6): 5 failures → 1 min, 10 → 15 min, 20 → admin unlock."""

from __future__ import annotations

from dataclasses import dataclass

FAILURE_WINDOW_S = 24 * 3600  # failures are counted over 24 h (api.md §2.3 auth:fail TTL)
TIERS: tuple[tuple[int, int | None], ...] = ((20, None), (10, 15 * 60), (5, 60))
ADMIN_LOCK_THRESHOLD = 20


@dataclass(frozen=True, slots=True)
class LockDecision:
    """What a failure count means: no lock, a timed lock, or a lock only an admin lifts."""

    locked: bool
    seconds: int | None = None  # None with locked=True: until an admin unlocks

    @property
    def needs_admin(self) -> bool:
        return self.locked and self.seconds is None


def lock_after_failure(failures: int) -> LockDecision:
    """D12: the lock imposed when the failure counter reaches `failures` (exact tiers)."""
    if failures >= ADMIN_LOCK_THRESHOLD:
        return LockDecision(locked=True, seconds=None)
    for threshold, seconds in TIERS:
        if failures == threshold:
            return LockDecision(locked=True, seconds=seconds)
    return LockDecision(locked=False)
