"""Per-user SSE stream slots (api.md §1.6: at most two concurrent streams per user), shared
by the org feed (routes/events_stream.py) and the admin streams (routes/admin_events.py).

Counted in Redis as leases that expire unless the stream's heartbeat renews them, so a
crashed API process cannot hold a user's slots for ever.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import anyio
from redis.asyncio import Redis
from sse_starlette import EventSourceResponse, ServerSentEvent

from api.errors import RateLimited

MAX_STREAMS = 2  # api.md §1.6: concurrent streams per user
RETRY_AFTER_S = 5
_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}

# Leases: a sorted set per user, member = stream id, score = expiry (ms, Redis clock).
# Expired leases are dropped before counting; acquiring is one atomic step.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
redis.call('PEXPIRE', KEYS[1], ttl)
return 1
"""
_RENEW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[1])
redis.call('ZADD', KEYS[1], 'XX', now + ttl, ARGV[2])
redis.call('PEXPIRE', KEYS[1], ttl)
return 1
"""

Renew = Callable[[], Awaitable[None]]


def lease_key(user_id: uuid.UUID) -> str:
    return f"sse:streams:{user_id}"


def lease_ttl_ms(heartbeat_s: float) -> int:
    # Three missed heartbeats (and never under 5 s) before a dead stream's slot frees.
    return max(5000, math.ceil(heartbeat_s * 3000))


async def leased_stream(
    redis: Redis,
    user_id: uuid.UUID,
    *,
    heartbeat_s: float,
    items: Callable[[Renew], AsyncIterator[ServerSentEvent]],
) -> EventSourceResponse:
    """Take one of the user's stream slots (429 RATE_LIMITED when both are taken) and stream
    `items(renew)`; `items` calls `renew` with every heartbeat, and the slot is freed when
    the stream ends (client disconnect included)."""
    ttl_ms = lease_ttl_ms(heartbeat_s)
    key = lease_key(user_id)
    stream_id = uuid.uuid4().hex
    acquired = await redis.eval(_ACQUIRE, 1, key, str(MAX_STREAMS), str(ttl_ms), stream_id)  # type: ignore[misc]
    if not int(acquired):
        raise RateLimited(
            f"At most {MAX_STREAMS} event streams may be open at once.",
            details={"retryAfter": RETRY_AFTER_S},
            headers={"Retry-After": str(RETRY_AFTER_S)},
        )

    async def renew() -> None:
        await redis.eval(_RENEW, 1, key, str(ttl_ms), stream_id)  # type: ignore[misc]

    async def stream() -> AsyncIterator[ServerSentEvent]:
        try:
            async for item in items(renew):
                yield item
        finally:
            with anyio.move_on_after(5, shield=True):
                await redis.zrem(key, stream_id)

    # Our own heartbeat (api/sse.py) renews the lease with each ping; the library's is off.
    return EventSourceResponse(stream(), ping=0, headers=_HEADERS)
