"""Every task's queue name, so callers can enqueue without importing the worker's code."""

from __future__ import annotations

SYSTEM_PROBE = "system.probe"
SYSTEM_HEARTBEAT = "system.heartbeat"

ALL = frozenset({SYSTEM_PROBE, SYSTEM_HEARTBEAT})
