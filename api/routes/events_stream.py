"""`GET /events/stream`: the caller's organization feed as Server-Sent Events (api.md §4).

Pipeline progress from Redis pub/sub (worker.pipeline.events) with `Last-Event-ID` resume
and heartbeats; at most two concurrent streams per user (§1.6), counted in Redis as
leases that expire unless the stream's heartbeat renews them, so a crashed API process
cannot hold a user's slots for ever.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated

import anyio
from fastapi import APIRouter, Header, Query
from sse_starlette import EventSourceResponse, ServerSentEvent

from api import sse
from api.deps import OrgMember, Redis
from api.errors import ErrorEnvelope, RateLimited
from api.request_context import current_request_id

router = APIRouter(prefix="/events", tags=["events"])

HEARTBEAT_S = 15.0  # a `: ping` comment this often; read per request so tests can shorten it
MAX_STREAMS = 2  # api.md §1.6: concurrent streams per user
_RETRY_AFTER_S = 5

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


def _lease_key(user_id: uuid.UUID) -> str:
    return f"sse:streams:{user_id}"


def _lease_ttl_ms(heartbeat_s: float) -> int:
    # Three missed heartbeats (and never under 5 s) before a dead stream's slot frees.
    return max(5000, math.ceil(heartbeat_s * 3000))


@router.get(
    "/stream",
    operation_id="events_stream",
    response_class=EventSourceResponse,
    summary="Organization event stream (SSE)",
    description="Server-Sent Events of the caller's organization: `connected`, then the "
    "pipeline events (`run.started`, `step.started`, `step.finished`, `step.failed`, "
    "`run.finished`, ...) each with `id:` = its event id and `data:` = its JSON body. "
    "`Last-Event-ID` (or `lastEventId`, for EventSource reconnects) first replays the "
    "stored events after that id. A `: ping` comment is sent every 15 s. When the access "
    "token expires the stream sends `session-expired` and ends.",
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "The event stream."},
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
        429: {"model": ErrorEnvelope, "description": "Already 2 open streams for this user."},
    },
)
async def events_stream(
    who: OrgMember,
    redis: Redis,
    last_event_id: Annotated[int | None, Header(alias="Last-Event-ID", ge=0)] = None,
    last_event_id_query: Annotated[int | None, Query(alias="lastEventId", ge=0)] = None,
) -> EventSourceResponse:
    heartbeat_s = HEARTBEAT_S
    ttl_ms = _lease_ttl_ms(heartbeat_s)
    key = _lease_key(who.user_id)
    stream_id = uuid.uuid4().hex
    acquired = await redis.eval(_ACQUIRE, 1, key, str(MAX_STREAMS), str(ttl_ms), stream_id)  # type: ignore[misc]
    if not int(acquired):
        raise RateLimited(
            f"At most {MAX_STREAMS} event streams may be open at once.",
            details={"retryAfter": _RETRY_AFTER_S},
            headers={"Retry-After": str(_RETRY_AFTER_S)},
        )
    org_id = who.tenant_org_id
    after_id = last_event_id if last_event_id is not None else last_event_id_query
    connected = {
        "userId": str(who.user_id),
        "orgId": str(org_id),
        "requestId": current_request_id(),
        "serverTime": datetime.now(UTC).isoformat(),
    }

    async def renew() -> None:
        await redis.eval(_RENEW, 1, key, str(ttl_ms), stream_id)  # type: ignore[misc]

    async def stream() -> AsyncIterator[ServerSentEvent]:
        try:
            async for item in sse.relay(
                redis,
                org_id,
                connected=connected,
                after_id=after_id,
                heartbeat_s=heartbeat_s,
                on_heartbeat=renew,
                expires_at=who.exp,
            ):
                yield item
        finally:
            with anyio.move_on_after(5, shield=True):
                await redis.zrem(key, stream_id)

    return EventSourceResponse(
        stream(),
        # Our own heartbeat (sse.relay) renews the lease with each ping; the library's is off.
        ping=0,
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
