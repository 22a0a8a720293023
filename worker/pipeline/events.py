"""Progress events on Redis pub/sub for the SSE streams (D15, business-rules §10).

Channel `pipeline:org:{orgId}`; every event is JSON with an `id` that increases
monotonically per organization (Redis INCR), so an SSE client can resume with
Last-Event-ID from the capped replay list kept next to the channel.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis

REPLAY_LENGTH = 200

# One atomic step: take the next id, append to the replay list, publish. Done as separate
# commands, the parallel steps (tree || timeline) interleave, and the list or the channel
# can carry id 13 before id 12. ARGV[1] is the event as a JSON object without its id.
_PUBLISH = """
local id = redis.call('INCR', KEYS[1])
local body = '{"id": ' .. id .. ', ' .. string.sub(ARGV[1], 2)
redis.call('RPUSH', KEYS[2], body)
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
redis.call('PUBLISH', ARGV[2], body)
return id
"""


def channel(org_id: uuid.UUID | str) -> str:
    return f"pipeline:org:{org_id}"


async def publish(redis: Redis, org_id: uuid.UUID, event: str, **data: Any) -> dict[str, Any]:
    """Publish one event (`step.started`, `step.finished`, `step.failed`, `run.finished`...)."""
    name = channel(org_id)
    payload: dict[str, Any] = {
        "event": event,
        "organizationId": str(org_id),
        "at": datetime.now(UTC).isoformat(),
        **data,
    }
    body = json.dumps(payload, default=str, sort_keys=True)
    event_id = await redis.eval(  # type: ignore[misc]
        _PUBLISH, 2, f"{name}:seq", f"{name}:events", body, name, str(REPLAY_LENGTH)
    )
    return {"id": int(event_id), **payload}


async def replay(redis: Redis, org_id: uuid.UUID, after_id: int = 0) -> list[dict[str, Any]]:
    """Events still in the replay list with an id above `after_id` (SSE Last-Event-ID)."""
    raw: list[bytes] = await redis.lrange(f"{channel(org_id)}:events", 0, -1)  # type: ignore[misc]
    events = [json.loads(r) for r in raw]
    return [e for e in events if int(e["id"]) > after_id]
