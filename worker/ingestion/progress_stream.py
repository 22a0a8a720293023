"""The super-admin event stream `events:admin` on Redis Streams (api.md §4, issue 9).

Workers (ingestion progress) and the API (queue pause/resume) XADD here; every API
process reads it for `GET /admin/ingestion/stream`. An event's SSE id is its stream entry
id, so `Last-Event-ID` resumes with XRANGE/XREAD after that id, and the stream is capped
(`MAXLEN ~ 1000`, §4 "~1,000 entries") by Redis itself in the same XADD: no separate
trim step, no ordering race (Redis assigns ids in append order, unlike the pub/sub +
replay-list pair of worker/pipeline/events.py, which needs a Lua script for that).

Whether a resume gap was trimmed is read from XINFO STREAM (Redis ≥ 7: `entries-added`,
`first-entry`, `max-deleted-entry-id`); a client that may have missed events gets
`resync` (§4).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ResponseError

ADMIN_STREAM = "events:admin"
MAXLEN = 1000  # approximate (`~`): Redis trims whole macro nodes, cheaply


@dataclass(frozen=True)
class StreamEvent:
    id: str  # the stream entry id, `<ms>-<seq>`: the SSE `id:`
    event: str
    data: dict[str, Any]
    raw: str  # `data` as published (JSON), relayed verbatim


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def parse_id(entry_id: str) -> tuple[int, int]:
    """`<ms>-<seq>` (or `<ms>`) as a comparable tuple; ValueError when malformed."""
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)


async def publish(redis: Redis, event: str, *, stream: str = ADMIN_STREAM, **data: Any) -> str:
    """Append one event (`ingestion-progress`, `queue-paused`, ...); returns its id."""
    payload = {"event": event, "at": datetime.now(UTC).isoformat(), **data}
    raw = json.dumps(payload, default=str, sort_keys=True)
    entry_id = await redis.xadd(
        stream, {"event": event, "data": raw}, maxlen=MAXLEN, approximate=True
    )
    return _text(entry_id)


def _decode(entries: list[Any]) -> list[StreamEvent]:
    out = []
    for entry_id, fields in entries:
        values = {_text(k): _text(v) for k, v in fields.items()}
        raw = values.get("data", "{}")
        out.append(
            StreamEvent(_text(entry_id), values.get("event", "message"), json.loads(raw), raw)
        )
    return out


async def after(
    redis: Redis, last_id: str, *, stream: str = ADMIN_STREAM, count: int = 500
) -> list[StreamEvent]:
    """Stored events strictly after `last_id`, oldest first (the replay of a resume)."""
    entries = await redis.xrange(stream, min=f"({last_id}", max="+", count=count)
    return _decode(entries)


async def wait(
    redis: Redis, last_id: str, *, block_ms: int, stream: str = ADMIN_STREAM, count: int = 100
) -> list[StreamEvent]:
    """Events after `last_id`, waiting up to `block_ms` for the first one (XREAD BLOCK)."""
    reply = await redis.xread({stream: last_id}, count=count, block=max(block_ms, 1))
    return _decode(reply[0][1]) if reply else []


async def last_id(redis: Redis, *, stream: str = ADMIN_STREAM) -> str:
    """The id of the newest entry ever added (`0-0` for a stream that never existed):
    a fresh connection relays only what comes after it."""
    try:
        info = await redis.xinfo_stream(stream)
    except ResponseError:  # no such key
        return "0-0"
    return _text(info["last-generated-id"])


async def trimmed_after(redis: Redis, last_seen: str, *, stream: str = ADMIN_STREAM) -> bool:
    """True when events after `last_seen` may have been trimmed (or the stream was lost):
    the client cannot be replayed gaplessly and must resync. Trimming removes the oldest
    entries, so that is the case when entries were removed and the oldest one left (or,
    in an emptied stream, the newest ever added) is past `last_seen`; an XDEL after it
    shows as `max-deleted-entry-id`. (Conservative by at most one entry: when exactly the
    client's own last entry was the newest one trimmed, it resyncs needlessly.)"""
    try:
        info = await redis.xinfo_stream(stream)
    except ResponseError:
        return parse_id(last_seen) > (0, 0)  # it saw events that no longer exist
    seen = parse_id(last_seen)
    first = info.get("first-entry")
    oldest = _text(first[0]) if first else _text(info["last-generated-id"])
    if "entries-added" not in info:
        # Redis < 7 (D18 supports 6.2) does not count removals: resync whenever newer
        # events exist and the oldest one left (or, emptied, the newest ever) is past
        # `last_seen`. Conservative: a client whose very next event is the oldest left
        # resyncs needlessly, but a gap never goes unnoticed.
        newest = parse_id(_text(info["last-generated-id"]))
        return seen < newest and (not first or parse_id(oldest) > seen)
    if seen < parse_id(_text(info.get("max-deleted-entry-id") or "0-0")):
        return True
    removed = int(info.get("entries-added") or 0) > int(info.get("length") or 0)
    if not removed:
        return False
    return parse_id(oldest) > seen
