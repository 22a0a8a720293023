"""Admin Server-Sent Event streams (issue 9; api.md §4): ingestion progress and one
organization's pipeline progress.

- `GET /admin/ingestion/stream` (SA): the Redis Stream `events:admin`
  (worker/ingestion/progress_stream.py) — `ingestion-progress`, `ingestion-complete`,
  `ingestion-failed`, `queue-paused`, `queue-resumed` — optionally narrowed to one job
  (`jobId`: the Arq job id or an ingestion job row id) or one source. Event ids are
  stream entry ids; `Last-Event-ID` replays the gap with XRANGE, and `resync` is sent
  when Redis has trimmed part of it.
- `GET /admin/organizations/{orgId}/pipeline/stream` (SA; org admins for their own org,
  issue 9): the org's pipeline events (worker/pipeline/events.py) through the same relay
  as the org feed (api/sse.py), plus `resync` when the resume gap left the replay list.

Both open with `retry: 5000` and `connected`, send `: ping` every HEARTBEAT_S, end with
`session-expired` when the access token expires, and count against the 2-streams-per-user
limit (§1.6) with the org feed's leases.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query
from redis.asyncio import Redis as AsyncRedis
from sse_starlette import EventSourceResponse, ServerSentEvent

from api import sse
from api.deps import OrgAdminOf, Redis, SuperAdmin
from api.errors import ErrorEnvelope
from api.sse_leases import Renew, leased_stream
from worker.ingestion import progress_stream
from worker.ingestion.progress_stream import StreamEvent
from worker.pipeline import events as pipeline_events

router = APIRouter(tags=["admin"])

HEARTBEAT_S = 15.0  # as the org feed; module-level so tests can shorten it
STREAM_ID = r"^\d{1,20}-\d{1,20}$"
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/event-stream": {}}, "description": "The event stream."},
    401: {"model": ErrorEnvelope, "description": "No valid session."},
    403: {"model": ErrorEnvelope, "description": "Role too low."},
    429: {"model": ErrorEnvelope, "description": "Already 2 open streams for this user."},
}


def _sse(e: StreamEvent) -> ServerSentEvent:
    return ServerSentEvent(id=e.id, event=e.event, data=e.raw)


async def relay_admin(
    redis: AsyncRedis,
    *,
    connected: dict[str, Any],
    after: str | None,
    keep: Callable[[StreamEvent], bool],
    heartbeat_s: float,
    on_heartbeat: Callable[[], Awaitable[None]],
    expires_at: float,
) -> AsyncIterator[ServerSentEvent]:
    """`connected`, the replay after `after` (or `resync` if it was trimmed), then live
    entries of `events:admin` that `keep` accepts, with heartbeats, until expiry."""
    yield ServerSentEvent(event="connected", data=json.dumps(connected), retry=sse.RETRY_MS)
    if after is not None and await progress_stream.trimmed_after(redis, after):
        yield ServerSentEvent(event="resync", data="{}")
        after = None
    if after is None:
        cursor = await progress_stream.last_id(redis)
    else:
        cursor = after
        while batch := await progress_stream.after(redis, cursor):
            for e in batch:
                cursor = e.id
                if keep(e):
                    yield _sse(e)

    async def receive(wait_s: float) -> list[ServerSentEvent]:
        nonlocal cursor
        out = []
        for e in await progress_stream.wait(redis, cursor, block_ms=int(wait_s * 1000)):
            cursor = e.id
            if keep(e):
                out.append(_sse(e))
        return out

    async for item in sse.live(
        receive, heartbeat_s=heartbeat_s, on_heartbeat=on_heartbeat, expires_at=expires_at
    ):
        yield item


@router.get(
    "/admin/ingestion/stream",
    operation_id="admin_ingestion_stream",
    response_class=EventSourceResponse,
    summary="Ingestion progress stream (SSE)",
    description="`connected`, then `ingestion-progress` (jobId, ingestionJobId, source, step, "
    "progress %, recordsProcessed, recordsPerSecond, bytesRead, currentFile), "
    "`ingestion-complete`, `ingestion-failed`, `queue-paused` and `queue-resumed`, each with "
    "`id:` = its Redis stream entry id. `jobId` / `source` narrow the ingestion events (queue "
    "events always pass). `Last-Event-ID` (or `lastEventId`) replays what followed that id; "
    "`resync` means part of it was trimmed. `: ping` every 15 s; `session-expired` at expiry.",
    responses=_RESPONSES,
)
async def ingestion_stream(
    who: SuperAdmin,
    redis: Redis,
    job_id: Annotated[str | None, Query(alias="jobId", max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=100)] = None,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID", pattern=STREAM_ID)] = None,
    last_event_id_query: Annotated[
        str | None, Query(alias="lastEventId", pattern=STREAM_ID)
    ] = None,
) -> EventSourceResponse:
    def keep(e: StreamEvent) -> bool:
        ids = (e.data.get("jobId"), e.data.get("ingestionJobId"))
        if job_id is not None and "jobId" in e.data and job_id not in ids:
            return False
        return source is None or e.data.get("source", source) == source

    connected = sse.connected_body(who, who.tenant_org_id)
    after = last_event_id if last_event_id is not None else last_event_id_query

    def items(renew: Renew) -> AsyncIterator[ServerSentEvent]:
        return relay_admin(
            redis, connected=connected, after=after, keep=keep, heartbeat_s=HEARTBEAT_S,
            on_heartbeat=renew, expires_at=who.exp,
        )  # fmt: skip

    return await leased_stream(redis, who.user_id, heartbeat_s=HEARTBEAT_S, items=items)


async def pipeline_gap_trimmed(redis: AsyncRedis, org_id: uuid.UUID, after_id: int) -> bool:
    """True when events after `after_id` are no longer in the org's replay list
    (worker/pipeline/events.py keeps the last REPLAY_LENGTH)."""
    name = pipeline_events.channel(org_id)
    first = await redis.lindex(f"{name}:events", 0)  # type: ignore[misc]
    if first is not None:
        return after_id < int(json.loads(first)["id"]) - 1
    latest = await redis.get(f"{name}:seq")
    return latest is not None and int(latest) > after_id


@router.get(
    "/admin/organizations/{org_id}/pipeline/stream",
    operation_id="admin_pipeline_stream",
    response_class=EventSourceResponse,
    summary="One organization's pipeline progress (SSE)",
    description="`connected`, then the org's pipeline events (`run.started`, `step.started`, "
    "`step.finished`, `step.failed`, `run.finished`, ...) with `id:` = the event id. "
    "`Last-Event-ID` replays the stored events after it, or sends `resync` when they were "
    "trimmed. Super admins for any org, org admins for their own (others: 404).",
    responses=_RESPONSES,
)
async def pipeline_stream(
    org_id: uuid.UUID,
    who: OrgAdminOf,
    redis: Redis,
    last_event_id: Annotated[int | None, Header(alias="Last-Event-ID", ge=0)] = None,
    last_event_id_query: Annotated[int | None, Query(alias="lastEventId", ge=0)] = None,
) -> EventSourceResponse:
    after_id = last_event_id if last_event_id is not None else last_event_id_query
    connected = sse.connected_body(who, org_id)

    async def items(renew: Renew) -> AsyncIterator[ServerSentEvent]:
        trimmed = after_id is not None and await pipeline_gap_trimmed(redis, org_id, after_id)
        relay = sse.relay(
            redis, org_id, connected=connected, after_id=after_id, heartbeat_s=HEARTBEAT_S,
            on_heartbeat=renew, expires_at=who.exp,
        )  # fmt: skip
        first = True
        async for item in relay:
            yield item
            if first and trimmed:
                yield ServerSentEvent(event="resync", data="{}")
            first = False

    return await leased_stream(redis, who.user_id, heartbeat_s=HEARTBEAT_S, items=items)
