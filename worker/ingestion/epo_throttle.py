"""The EPO OPS request rate, shared by every worker process through Redis (§2.7).

Every OPS response carries `X-Throttling-Control` (a colour and an allowed requests per
minute per service). `observe()` stores the latest colour/rate of our service in Redis;
`acquire()` reserves the next request slot atomically (one Lua script, Redis clock), so
N processes together never exceed the allowed rate. The interval between slots is
60 s / rpm, stretched by the colour (yellow x2, red x4); `black` (or an `overloaded`
system) pauses everyone for at least `black_pause_s` (§2.7: ≥ 60 s); a 403 quota
rejection pauses everyone until the window resets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

from domain.ingestion.epo_ops import parse_throttling_control

PREFIX = "epo:ops"
COLOUR_FACTOR = {"green": 1, "yellow": 2, "red": 4}

# KEYS: state hash, next-slot key, pause key. ARGV: default rpm.
# Returns {wait_ms, paused (0/1), interval_ms, slot_ms}.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = redis.call('PTTL', KEYS[3])
if pause > 0 then
  return {pause, 1, 0, 0}
end
local rpm = tonumber(redis.call('HGET', KEYS[1], 'rpm') or ARGV[1]) or tonumber(ARGV[1])
local colour = redis.call('HGET', KEYS[1], 'colour') or 'green'
local factor = 1
if colour == 'yellow' then factor = 2 elseif colour == 'red' then factor = 4 end
if rpm < 1 then rpm = 1 end
local interval = math.floor(60000 * factor / rpm)
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = now
if nxt > now then slot = nxt end
redis.call('SET', KEYS[2], slot + interval, 'PX', 600000)
return {slot - now, 0, interval, slot}
"""


@dataclass(frozen=True)
class Slot:
    """One reservation: wait this long; or, when `paused`, the pause still remaining."""

    wait_s: float
    paused: bool
    interval_s: float
    slot_ms: int


class SharedThrottle:
    """The per-service OPS throttle state in Redis (one per service, all processes)."""

    def __init__(self, redis: Redis, *, service: str = "inpadoc", default_rpm: int = 60) -> None:
        self.redis = redis
        self.service = service
        self.default_rpm = default_rpm
        self.state_key = f"{PREFIX}:throttle:{service}"
        self.slot_key = f"{PREFIX}:next:{service}"
        self.pause_key = f"{PREFIX}:pause"
        self._acquire: Any = redis.register_script(_ACQUIRE)

    async def acquire(self) -> Slot:
        wait_ms, paused, interval_ms, slot = await self._acquire(
            keys=[self.state_key, self.slot_key, self.pause_key], args=[self.default_rpm]
        )
        return Slot(int(wait_ms) / 1000, bool(paused), int(interval_ms) / 1000, int(slot))

    async def observe(self, header: str | None, *, black_pause_s: float) -> str | None:
        """Re-rate from one response's header; returns the colour seen for our service."""
        control = parse_throttling_control(header)
        if control is None:
            return None
        entry = control.services.get(self.service)
        if entry is not None:
            mapping: dict[str, str | int] = {"colour": entry.colour}
            if entry.requests_per_minute:
                mapping["rpm"] = entry.requests_per_minute
            await self.redis.hset(self.state_key, mapping=mapping)  # type: ignore[misc]
        colour = None if entry is None else entry.colour
        if colour == "black" or control.overall == "overloaded":
            await self.pause(black_pause_s)
        return colour

    async def pause(self, seconds: float) -> None:
        """Pause every process for `seconds` (never shortens a longer pause)."""
        ms = max(1, int(seconds * 1000))
        current = await self.redis.pttl(self.pause_key)
        if current is None or current < ms:
            await self.redis.set(self.pause_key, "1", px=ms)

    async def interval_s(self) -> float:
        """The interval new slots are currently spaced by (for operators and tests)."""
        state = await self.redis.hgetall(self.state_key)  # type: ignore[misc]
        colour = (state.get(b"colour") or b"green").decode()
        rpm = int(state.get(b"rpm") or self.default_rpm)
        return 60 * COLOUR_FACTOR.get(colour, 1) / max(rpm, 1)
