"""D12 lockout tier math."""

from __future__ import annotations

import pytest

from domain.auth.lockout import lock_after_failure


@pytest.mark.parametrize(
    ("failures", "locked", "seconds"),
    [
        (1, False, None),
        (4, False, None),
        (5, True, 60),
        (6, False, None),
        (9, False, None),
        (10, True, 900),
        (19, False, None),
        (20, True, None),
        (27, True, None),
    ],
)
def test_tiers(failures: int, locked: bool, seconds: int | None) -> None:
    decision = lock_after_failure(failures)
    assert decision.locked is locked
    assert decision.seconds == seconds
    assert decision.needs_admin is (failures >= 20)
