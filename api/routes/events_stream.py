"""`GET /events/stream`: the caller's organization feed as Server-Sent Events (api.md §4).

Pipeline progress from Redis pub/sub (worker.pipeline.events, relayed by api/sse.py) with
`Last-Event-ID` resume and heartbeats; at most two concurrent streams per user (§1.6,
api/sse_leases.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query
from sse_starlette import EventSourceResponse, ServerSentEvent

from api import sse
from api.deps import OrgMember, Redis
from api.errors import ErrorEnvelope
from api.schemas.sse import SseOrgEvent
from api.sse_leases import Renew, leased_stream

router = APIRouter(prefix="/events", tags=["events"])

HEARTBEAT_S = 15.0  # a `: ping` comment this often; read per request so tests can shorten it


class _Documented(EventSourceResponse):
    """Only for OpenAPI: FastAPI files a response `model` under the response class's media
    type, so the data schemas (§4 "OpenAPI") land under text/event-stream, not JSON."""

    media_type = "text/event-stream"


@router.get(
    "/stream",
    operation_id="events_stream",
    response_class=_Documented,
    summary="Organization event stream (SSE)",
    description="Server-Sent Events of the caller's organization: `connected`, then the "
    "pipeline events (`run.started`, `step.started`, `step.finished`, `step.failed`, "
    "`run.finished`, ...) each with `id:` = its event id and `data:` = its JSON body. "
    "`Last-Event-ID` (or `lastEventId`, for EventSource reconnects) first replays the "
    "stored events after that id. A `: ping` comment is sent every 15 s. When the access "
    "token expires the stream sends `session-expired` and ends.\n\n"
    "Data events (api.md §4; `data:` schemas below):\n"
    "- `new-assignments` (SseNewAssignments): an ingestion load committed `count` new or "
    "changed conveyances on the org's assets; `refreshNeeded` is always true.\n"
    "- `dashboard-refresh` (SseDashboardRefresh): derived data was recomputed; a pipeline "
    "run sends one with `dataType: summary`, meaning all data types.\n"
    "- `pipeline-complete` (SsePipelineComplete): a run ended, `status` completed|failed, "
    "`duration` in ms, `trigger` ingestion|companies|follow-up|manual|other; sent after "
    "`run.finished` / `run.failed` (and after `dashboard-refresh`).",
    responses={
        200: {
            "content": {"text/event-stream": {}},
            "description": "The event stream; `data:` is one of these bodies.",
            "model": SseOrgEvent,
        },
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
    org_id = who.tenant_org_id
    after_id = last_event_id if last_event_id is not None else last_event_id_query
    connected = sse.connected_body(who, org_id)

    def items(renew: Renew) -> AsyncIterator[ServerSentEvent]:
        return sse.relay(
            redis, org_id, connected=connected, after_id=after_id, heartbeat_s=HEARTBEAT_S,
            on_heartbeat=renew, expires_at=who.exp,
        )  # fmt: skip

    return await leased_stream(redis, who.user_id, heartbeat_s=HEARTBEAT_S, items=items)
