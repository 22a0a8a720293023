"""HTTP cache classes (api.md §5.1) and the Redis cache-aside of the heavy reads (§5.2).

A route declares its class with one dependency, e.g.
`@router.get(..., dependencies=[caching.PV])`; everything unmarked is `NS` (`no-store`),
the safe default, so a new route can never be cached by accident. Route-level
dependencies run before the endpoint's own parameters, so the `PV` check below runs
after authentication and before the request's DB session is opened: a matching
`If-None-Match` is answered 304 from Redis alone ("before any DB access").

- `PV`: `ETag: W/"v{orgDataVersion}-{hash}"`, the hash over org + path + sorted query.
  The org is in the hash so a super admin switching the acting org never revalidates
  another org's copy. `pv_cached(...)` adds the cache-aside: a hit is served from Redis
  (`org:{orgId}:v{ver}:...`) without touching Postgres; a 200 miss is stored.
- `SH` (`/shared/{code}/…`): `ETag: W/"v{orgDataVersion}-{shareUpdatedAt}-{hash}"` from
  `sh_revalidate(...)`, called by the share viewer once it knows the link's org (from the
  cached share state), so a match is 304 before any asset data is read.
- `PE`, `R1H`, `R1D`, `PUB` (and `SH` without a validator): a strong ETag over the body
  (the middleware buffers those responses, compares `If-None-Match`, answers 304).
- Every API response carries `Vary: Origin, Cookie`; errors are `no-store`.

The middleware applies the headers; the dependency only records the decision in the
ASGI scope (and, for PV, raises the 304 / cache hit early).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from fastapi import Depends, FastAPI, Header, Request
from fastapi.params import Depends as DependsParam
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth.principal import Principal, require_role
from api.auth.ratelimit import prefetched
from db.repos import org_data_version

log = logging.getLogger("patentrack.caching")

SCOPE_KEY = "patentrack.cache"
CACHE_TTL_S = org_data_version.CACHE_TTL_S  # api.md §5.2: 24 h safety net


class CacheClass(StrEnum):
    NS = "NS"
    PV = "PV"
    PE = "PE"
    R1H = "R1h"
    R1D = "R1d"
    SH = "SH"
    PUB = "PUB"


CACHE_CONTROL = {
    CacheClass.NS: "no-store",
    CacheClass.PV: "private, no-cache",
    CacheClass.PE: "private, no-cache",
    CacheClass.R1H: "private, max-age=3600",
    CacheClass.R1D: "private, max-age=86400",
    CacheClass.SH: "private, no-cache",
    CacheClass.PUB: "public, max-age=300",
}
# Classes whose validator is a hash of the body (computed by the middleware).
BODY_ETAG = frozenset(
    {CacheClass.PE, CacheClass.R1H, CacheClass.R1D, CacheClass.SH, CacheClass.PUB}
)
VARY = ("Origin", "Cookie")


@dataclass
class Decision:
    """What a route's dependency decided; read by the middleware at response time."""

    kind: CacheClass
    etag: str | None = None  # PV: the version ETag of a 200
    store_key: str | None = None  # PV cache-aside: where a 200 body goes
    ttl: int = CACHE_TTL_S
    hit: bool = False
    index_key: str | None = None  # a set the stored key joins (dropped at pipeline end)
    filling: bool = False  # this request holds the entry's single-flight fill lock


class NotModified(Exception):
    def __init__(self, etag: str) -> None:
        self.etag = etag


class CacheHit(Exception):
    def __init__(self, body: bytes, etag: str | None) -> None:
        self.body = body
        self.etag = etag


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def query_hash(request: Request) -> str:
    """Path + query, order-insensitive (`a=1&b=2` == `b=2&a=1`), repeated values kept."""
    items = sorted(request.query_params.multi_items())
    return _digest(request.url.path, *(f"{k}={v}" for k, v in items))


def version_etag(org_id: uuid.UUID, version: int, request: Request) -> str:
    return f'W/"v{version}-{_digest(str(org_id), query_hash(request))}"'


def body_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def etag_matches(if_none_match: str | None, etag: str, *, star: bool = True) -> bool:
    """RFC 9110 §13.1.2: weak comparison; `*` matches any current representation, so it
    is honoured only where the representation is known to exist (`star`)."""
    if not if_none_match:
        return False
    opaque = etag.removeprefix("W/")
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return (star and "*" in tags) or opaque in tags


def _mark(kind: CacheClass) -> DependsParam:
    def mark(request: Request) -> None:
        request.scope[SCOPE_KEY] = Decision(kind)

    mark.__name__ = f"cache_{kind.value}"
    return Depends(mark)


KeyFn = Callable[[Request], "str | None"]


async def _org_version(request: Request, org_id: uuid.UUID) -> int:
    """The org data version: as the rate limiter read it for this request (issue 7; it
    reads `orgver:{orgId}` of the token's org along with its counters), else from Redis
    now; a missing key is reloaded from Postgres either way (`org_data_version.current`)."""
    pre = prefetched(request.scope)
    if pre is not None and pre.org_id == org_id and pre.org_version is not None:
        return int(pre.org_version)
    app = request.app
    return await org_data_version.current(app.state.redis, app.state.sessionmaker, org_id)


# Single flight for cache-aside misses: the first miss of an entry takes a short lock
# and computes; concurrent misses poll for its result for up to FILL_WAIT_S, then
# compute themselves (a failed or slow filler never blocks anyone for longer).
FILL_LOCK_MS = 10_000
FILL_WAIT_S = 3.0
_FILL_POLL_S = (0.01, 0.02, 0.05, 0.1)


def fill_lock(store_key: str) -> str:
    return f"{store_key}:filling"


async def _await_fill(redis: Any, store_key: str) -> bytes | None:
    waited = 0.0
    step = 0
    while waited < FILL_WAIT_S:
        pause = _FILL_POLL_S[min(step, len(_FILL_POLL_S) - 1)]
        await asyncio.sleep(pause)
        waited += pause
        step += 1
        body = await redis.get(store_key)
        if body is not None:
            return bytes(body)
    return None


def _pv(cache: str | None, key: KeyFn | None, ttl: int) -> DependsParam:
    # Plain defaults, not Annotated: a closure's names are invisible to string annotations.
    async def revalidate(
        request: Request,
        principal: Principal = Depends(require_role("org_member")),
        if_none_match: str | None = Header(default=None, alias="If-None-Match"),
    ) -> None:
        org_id = principal.tenant_org_id
        path_org = request.path_params.get("org_id")
        # /organizations/{o}/...: another tenant's org must reach the route and its 404.
        foreign = path_org is not None and str(path_org) != str(org_id)
        decision = Decision(CacheClass.PV, ttl=ttl)
        request.scope[SCOPE_KEY] = decision
        if foreign:
            return
        app = request.app
        version = await _org_version(request, org_id)
        decision.etag = version_etag(org_id, version, request)
        # No `*` here: before the route runs, nobody knows the resource exists (an unknown
        # or foreign id must still get its 404).
        if etag_matches(if_none_match, decision.etag, star=False):
            raise NotModified(decision.etag)
        if cache is None:
            return
        name = (key(request) if key else None) or f"q:{cache}:{query_hash(request)}"
        decision.store_key = org_data_version.versioned_key(org_id, version, name)
        if cache in org_data_version.DROPPED_AT_COMPLETION:
            decision.index_key = org_data_version.index_key(org_id, cache)
        redis = app.state.redis
        body = await redis.get(decision.store_key)
        if body is None:
            decision.filling = bool(
                await redis.set(fill_lock(decision.store_key), "1", nx=True, px=FILL_LOCK_MS)
            )
            if not decision.filling:
                # Another request is computing this entry: wait for it rather than repeat
                # the same expensive read (a cold or just-bumped org under load).
                body = await _await_fill(redis, decision.store_key)
        if body is not None:
            decision.hit = True
            raise CacheHit(bytes(body), decision.etag)

    revalidate.__name__ = f"cache_PV_{cache}" if cache else "cache_PV"
    return Depends(revalidate)


# The declarations routes use: `dependencies=[caching.PV]` and friends.
NS = _mark(CacheClass.NS)
PE = _mark(CacheClass.PE)
R1H = _mark(CacheClass.R1H)
R1D = _mark(CacheClass.R1D)
SH = _mark(CacheClass.SH)
PUB = _mark(CacheClass.PUB)
PV = _pv(None, None, CACHE_TTL_S)


def pv_cached(endpoint: str, *, key: KeyFn | None = None, ttl: int = CACHE_TTL_S) -> Any:
    """PV plus cache-aside under `org:{orgId}:v{ver}:{key}`; `key(request)` may name the
    entry (`dashboard`, `tree:{assetId}`); otherwise (or when it returns None) the entry
    is the page `q:{endpoint}:{hash(path+query)}` (api.md §5.2)."""
    return _pv(endpoint, key, ttl)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def sh_etag(version: int, share_updated_at: str, request: Request) -> str:
    """§5.1 SH: `W/"v{orgDataVersion}-{shareUpdatedAt µs}-{hash(path+query)}"`. The code
    is in the path, so two links never share a validator."""
    updated = datetime.fromisoformat(share_updated_at)
    if updated.tzinfo is None:
        updated = updated.replace(tzinfo=UTC)
    micros = (updated - _EPOCH) // timedelta(microseconds=1)
    return f'W/"v{version}-{micros}-{query_hash(request)}"'


async def sh_revalidate(
    request: Request, *, org_id: uuid.UUID, share_updated_at: str, if_none_match: str | None
) -> None:
    """SH for a verified share session: record the validator and answer 304 on a match.

    The caller checks revocation, expiry, flags and the asset scope first (from the
    cached share state), so a revoked link stays 404 whatever the client sends; the
    org data version comes from Redis (Postgres only after a flush). A share PATCH
    changes `updatedAt`, a pipeline run the version: either changes the ETag."""
    app = request.app
    version = await org_data_version.current(app.state.redis, app.state.sessionmaker, org_id)
    decision = Decision(CacheClass.SH, etag=sh_etag(version, share_updated_at, request))
    request.scope[SCOPE_KEY] = decision
    assert decision.etag is not None
    # No `*`: the resource (e.g. an asset's diagram) may not exist; it must get its 404.
    if etag_matches(if_none_match, decision.etag, star=False):
        raise NotModified(decision.etag)


def cache_class_of(route: Any) -> CacheClass:
    """The class a route declared (NS when unmarked) — for tests and docs."""
    for dep in getattr(route, "dependencies", []):
        name = getattr(dep.dependency, "__name__", "")
        if name.startswith("cache_"):
            return CacheClass(name.removeprefix("cache_").split("_")[0])
    return CacheClass.NS


async def _not_modified(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotModified)
    return Response(status_code=304, headers={"ETag": exc.etag})


async def _hit(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, CacheHit)
    headers = {"ETag": exc.etag} if exc.etag else None
    return Response(content=exc.body, media_type="application/json", headers=headers)


def _merge_vary(headers: MutableHeaders) -> None:
    present = [v.strip() for v in headers.get("vary", "").split(",") if v.strip()]
    lowered = {v.lower() for v in present}
    merged = present + [v for v in VARY if v.lower() not in lowered]
    headers["Vary"] = ", ".join(merged)


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers") or []:
        if k == name:
            return str(v.decode("latin-1"))
    return None


class HttpCacheMiddleware:
    """Applies each response's class headers (api.md §5.1) and fills the cache-aside."""

    def __init__(
        self, app: ASGIApp, *, prefix: str, fixed: dict[str, CacheClass] | None = None
    ) -> None:
        self.app = app
        self.prefix = prefix
        self.fixed = fixed or {}  # routes FastAPI owns (openapi.json): path -> class

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        held: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                decision = scope.get(SCOPE_KEY)
                fixed = self.fixed.get(scope.get("path", ""))
                if decision is None and fixed is not None:
                    decision = scope[SCOPE_KEY] = Decision(fixed)
                if self._start(message, decision):
                    held["start"], held["decision"] = message, decision
                    return
                await send(message)
                return
            if message["type"] == "http.response.body" and "start" in held:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                await self._finish(scope, send, held["start"], held["decision"], b"".join(chunks))
                return
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            decision = scope.get(SCOPE_KEY)
            if isinstance(decision, Decision) and decision.filling and decision.store_key:
                # Nothing stored (an error, a 404, a failed store): the next miss must
                # compute at once instead of waiting for a fill that never comes.
                with contextlib.suppress(Exception):
                    await scope["app"].state.redis.delete(fill_lock(decision.store_key))

    @staticmethod
    def _start(message: Message, decision: Decision | None) -> bool:
        """Set the class headers; True when the body must be held (hashed or stored)."""
        headers = MutableHeaders(scope=message)
        status = message["status"]
        _merge_vary(headers)
        ok = status in (200, 304)
        if decision is None or decision.kind is CacheClass.NS or not ok:
            # Unmarked, NS and every error: no-store, unless the route chose (SSE no-cache).
            if "cache-control" not in headers:
                headers["Cache-Control"] = CACHE_CONTROL[CacheClass.NS]
            return False
        headers["Cache-Control"] = CACHE_CONTROL[decision.kind]
        if decision.etag and "etag" not in headers:
            headers["ETag"] = decision.etag
        if status != 200:
            return False
        store = decision.store_key is not None and not decision.hit
        return store or (decision.kind in BODY_ETAG and "etag" not in headers)

    @staticmethod
    async def _finish(
        scope: Scope, send: Send, start: Message, decision: Decision, body: bytes
    ) -> None:
        headers = MutableHeaders(scope=start)
        if decision.store_key is not None and not decision.hit:
            try:
                redis = scope["app"].state.redis
                async with redis.pipeline(transaction=True) as pipe:
                    pipe.set(decision.store_key, body, ex=decision.ttl)
                    if decision.index_key is not None:
                        pipe.sadd(decision.index_key, decision.store_key)
                        pipe.expire(decision.index_key, decision.ttl)
                    pipe.delete(fill_lock(decision.store_key))
                    await pipe.execute()
                decision.filling = False
            except Exception:  # a cache that cannot be filled must not fail the request
                log.warning("cache-aside store failed", exc_info=True)
        if decision.kind in BODY_ETAG and "etag" not in headers:
            headers["ETag"] = body_etag(body)
            if etag_matches(_header(scope, b"if-none-match"), headers["etag"]):
                del headers["content-length"]
                if "content-type" in headers:
                    del headers["content-type"]
                await send({**start, "status": 304})
                await send({"type": "http.response.body", "body": b""})
                return
        await send(start)
        await send({"type": "http.response.body", "body": body})


def install(app: FastAPI, *, prefix: str, fixed: dict[str, CacheClass] | None = None) -> None:
    """Register the 304 / cache-hit renderers and the header middleware (one call)."""
    app.add_exception_handler(NotModified, _not_modified)
    app.add_exception_handler(CacheHit, _hit)
    app.add_middleware(HttpCacheMiddleware, prefix=prefix, fixed=fixed)
