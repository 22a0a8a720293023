"""Relay an organization's pipeline events from Redis pub/sub as Server-Sent Events (§4).

The order of operations is what makes a resume gapless and duplicate-free: subscribe to
`pipeline:org:{orgId}` first, then read the replay list, then relay live messages whose
id is above the last one sent. An event published between the subscription and the
replay read is in both; the id filter drops the live copy. Ids come from one atomic
INCR+RPUSH+PUBLISH (worker.pipeline.events), so the channel delivers them in id order.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import anyio
from redis.asyncio import Redis
from sse_starlette import ServerSentEvent

from api.auth.principal import Principal
from api.request_context import current_request_id
from worker.pipeline import events

RETRY_MS = 5000  # api.md §4: the stream opens with `retry: 5000`
_CLEANUP_S = 5.0


def connected_body(who: Principal, org_id: uuid.UUID) -> dict[str, Any]:
    """The `connected` event's data (api.md §4), the first event of every stream."""
    return {
        "userId": str(who.user_id),
        "orgId": str(org_id),
        "requestId": current_request_id(),
        "serverTime": datetime.now(UTC).isoformat(),
    }


async def live(
    receive: Callable[[float], Awaitable[Iterable[ServerSentEvent]]],
    *,
    heartbeat_s: float,
    on_heartbeat: Callable[[], Awaitable[None]],
    expires_at: float,
) -> AsyncIterator[ServerSentEvent]:
    """The live part of a stream: what `receive(wait_s)` returns (it waits at most `wait_s`
    seconds), with a `: ping` comment (and an `on_heartbeat` call) every `heartbeat_s`
    seconds, until `expires_at` (the access token's expiry, epoch seconds), where it sends
    `session-expired` and ends: the client refreshes its session and reconnects with
    Last-Event-ID (§4)."""
    next_beat = time.monotonic() + heartbeat_s
    while True:
        if time.time() >= expires_at:
            yield ServerSentEvent(event="session-expired", data="{}")
            return
        if time.monotonic() >= next_beat:
            await on_heartbeat()
            yield ServerSentEvent(comment="ping")
            next_beat = time.monotonic() + heartbeat_s
            continue
        wait = min(next_beat - time.monotonic(), expires_at - time.time())
        for item in await receive(max(wait, 0.0)):
            yield item


def _event(body: dict[str, Any], raw: str | None = None) -> ServerSentEvent:
    return ServerSentEvent(
        id=str(body["id"]),
        event=str(body["event"]),
        data=raw if raw is not None else json.dumps(body, default=str, sort_keys=True),
    )


async def relay(
    redis: Redis,
    org_id: uuid.UUID,
    *,
    connected: dict[str, Any],
    after_id: int | None,
    heartbeat_s: float,
    on_heartbeat: Callable[[], Awaitable[None]],
    expires_at: float,
) -> AsyncIterator[ServerSentEvent]:
    """`connected` (once subscribed), the replay after `after_id`, then live events with
    heartbeats until `expires_at` (see `live`)."""
    pubsub = redis.pubsub(ignore_subscribe_messages=True)
    try:
        await pubsub.subscribe(events.channel(org_id))
        yield ServerSentEvent(event="connected", data=json.dumps(connected), retry=RETRY_MS)
        last = 0
        if after_id is not None:
            last = after_id
            for body in await events.replay(redis, org_id, after_id):
                if int(body["id"]) > last:
                    last = int(body["id"])
                    yield _event(body)

        async def receive(wait_s: float) -> list[ServerSentEvent]:
            nonlocal last
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=wait_s)
            if message is None or message.get("type") != "message":
                return []
            raw = message["data"]
            text = raw.decode() if isinstance(raw, bytes) else str(raw)
            body = json.loads(text)
            if int(body["id"]) <= last:  # already sent from the replay list
                return []
            last = int(body["id"])
            return [_event(body, text)]

        async for item in live(
            receive, heartbeat_s=heartbeat_s, on_heartbeat=on_heartbeat, expires_at=expires_at
        ):
            yield item
    finally:
        # Runs on client disconnect (cancellation): shield it so the connection goes back.
        with anyio.move_on_after(_CLEANUP_S, shield=True):
            await pubsub.aclose()
