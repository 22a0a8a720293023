"""`Idempotency-Key` on the creating POSTs (api.md §1.10); a route opts in with one line:
`@router.post(..., dependencies=[IDEMPOTENT])`.

Stored in Redis as `idem:{userId}:{METHOD}:{path}:{key}` → `{requestHash, status, ...}`:
- first use: an `in_progress` record is claimed atomically (SET NX) before the endpoint
  runs (the dependency runs before the DB session opens); the middleware replaces it with
  the response once the endpoint has committed (2xx), or drops it (any failure), so a
  failed attempt can be retried with the same key;
- same key, same request → the stored response, plus `Idempotent-Replayed: true`;
- same key, different request (body, query) → 409 `idempotency_key_reused`;
- same key while the first is still running → 409 `idempotency_in_progress`.
Records live 24 h; a claim that never completes (a crashed process) expires after
IN_FLIGHT_TTL_S. Keys are scoped per user, so two users never share a record.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, Header, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth.principal import OptionalPrincipal
from api.errors import Conflict

log = logging.getLogger("patentrack.idempotency")

SCOPE_KEY = "patentrack.idempotency"
HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
RECORD_TTL_S = 24 * 3600
IN_FLIGHT_TTL_S = 300
# Response headers worth replaying (the body's type and where a created thing lives).
_KEPT_HEADERS = ("content-type", "location")


@dataclass(frozen=True)
class Claim:
    key: str
    request_hash: str


class Replay(Exception):
    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record


def record_key(user_id: object, method: str, path: str, key: str) -> str:
    return f"idem:{user_id}:{method}:{path}:{key}"


def request_hash(method: str, path: str, query: list[tuple[str, str]], body: bytes) -> str:
    """What "the same request" means: method, path, query (any order) and the JSON body
    compared as data, so key order and whitespace do not make a retry "different"."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        canonical = body
    h = hashlib.sha256()
    for part in (method, path, json.dumps(sorted(query))):
        h.update(part.encode() + b"\x1f")
    h.update(canonical)
    return h.hexdigest()


async def idempotency(
    request: Request,
    principal: OptionalPrincipal,
    idempotency_key: str | None = Header(
        default=None,
        alias=HEADER,
        min_length=1,
        max_length=255,
        description="api.md §1.10: retry-safe creation; the same key replays the response.",
    ),
) -> None:
    if idempotency_key is None or principal is None:
        return
    redis = request.app.state.redis
    key = record_key(principal.user_id, request.method, request.url.path, idempotency_key)
    digest = request_hash(
        request.method,
        request.url.path,
        list(request.query_params.multi_items()),
        await request.body(),
    )
    claim = json.dumps({"requestHash": digest, "status": "in_progress"})
    for _ in range(2):  # a record that expires between SET NX and GET: claim again
        if await redis.set(key, claim, nx=True, ex=IN_FLIGHT_TTL_S):
            request.scope[SCOPE_KEY] = Claim(key, digest)
            return
        raw = await redis.get(key)
        if raw is None:
            continue
        record = json.loads(raw)
        if record.get("requestHash") != digest:
            raise Conflict(
                "This Idempotency-Key was used for a different request.",
                details={"reason": "idempotency_key_reused"},
            )
        if record.get("status") != "done":
            raise Conflict(
                "A request with this Idempotency-Key is still in progress.",
                details={"reason": "idempotency_in_progress"},
            )
        raise Replay(record)
    raise Conflict(  # pragma: no cover - two expiries in a row
        "A request with this Idempotency-Key is still in progress.",
        details={"reason": "idempotency_in_progress"},
    )


IDEMPOTENT = Depends(idempotency)


async def _replay(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, Replay)
    rec = exc.record
    headers = dict(rec.get("headers") or {})
    headers[REPLAYED_HEADER] = "true"
    return Response(
        content=base64.b64decode(rec["body"]), status_code=int(rec["code"]), headers=headers
    )


class IdempotencyMiddleware:
    """Completes (2xx) or releases (anything else) the claim the dependency made."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        held: dict[str, Any] = {}
        chunks: list[bytes] = []
        settled = False

        async def send_wrapper(message: Message) -> None:
            nonlocal settled
            claim: Claim | None = scope.get(SCOPE_KEY)
            if claim is None or settled:
                await send(message)
                return
            if message["type"] == "http.response.start":
                held["start"] = message
                return
            if message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                settled = True
                start = held["start"]
                body = b"".join(chunks)
                await self._settle(scope, claim, start, body)
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            claim = scope.get(SCOPE_KEY)
            if claim is not None and not settled:  # no response at all (crash): release
                await self._release(scope, claim)

    @staticmethod
    async def _settle(scope: Scope, claim: Claim, start: Message, body: bytes) -> None:
        status = int(start["status"])
        if not 200 <= status < 300:
            await IdempotencyMiddleware._release(scope, claim)
            return
        headers = {
            k.decode("latin-1"): v.decode("latin-1")
            for k, v in start.get("headers", [])
            if k.decode("latin-1").lower() in _KEPT_HEADERS
        }
        record = {
            "requestHash": claim.request_hash,
            "status": "done",
            "code": status,
            "headers": headers,
            "body": base64.b64encode(body).decode(),
        }
        try:
            await scope["app"].state.redis.set(claim.key, json.dumps(record), ex=RECORD_TTL_S)
        except Exception:  # the work is committed; a lost record only loses the replay
            log.warning("idempotency record not stored", exc_info=True)

    @staticmethod
    async def _release(scope: Scope, claim: Claim) -> None:
        try:
            await scope["app"].state.redis.delete(claim.key)
        except Exception:
            log.warning("idempotency claim not released", exc_info=True)


def install(app: FastAPI) -> None:
    """Register the replay renderer and the middleware (one call from create_app)."""
    app.add_exception_handler(Replay, _replay)
    app.add_middleware(IdempotencyMiddleware)
