"""Redis sliding-window rate limits (api.md §1.6), one ASGI middleware for every API call.

Buckets `rl:{bucket}:{subject}`: per user by role (SA 1000, A 300, M 100 a minute), per
tenant as a whole (1000), per IP when unauthenticated (10), and tighter per-route limits
on the pre-session auth endpoints (R31). All of a request's buckets are checked and
counted atomically in one Lua call; a refused request is not counted. Every response
carries `X-RateLimit-*` for its tightest bucket; a 429 adds `Retry-After`.

issue 7 (hot path): the same script call also reads, for a signed-in caller, the keys
the request will need next: the session family and the user's revocation mark (read by
`authenticate`, api.md §2.3) and the org data version (the PV ETag, §5.1). They are
handed on in the ASGI scope (`Prefetched`), so an authenticated read costs one Redis
round trip before its cache check instead of three. Reading them a moment earlier, in
the same request, changes nothing: a revocation that lands after this read would have
been just as missed by a read a millisecond later.
"""

from __future__ import annotations

import hashlib
import logging
import math
import uuid
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import NoScriptError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth.cookies import ACCESS_COOKIE
from api.auth.sessions import live_keys
from api.auth.tokens import AccessClaims, TokenError, decode_access_token_once
from api.errors import error_response
from db.repos import org_data_version
from patentrack.settings import Settings

log = logging.getLogger("patentrack.ratelimit")

WINDOW_S = 60
ROLE_LIMITS = {"super_admin": 1000, "org_admin": 300, "org_member": 100, "share": 30}
TENANT_LIMIT = 1000
ANONYMOUS_LIMIT = 10
# R31: per-IP limits for the pre-session endpoints override the blanket 10/min.
ROUTE_LIMITS = {
    "/api/v1/auth/login": ("login", 5),
    "/api/v1/auth/register": ("register", 3),
    "/api/v1/auth/forgot-password": ("forgot", 3),
    "/api/v1/auth/resend-verification": ("resend", 3),
    "/api/v1/auth/verify-email": ("verify", 5),
    "/api/v1/auth/reset-password": ("reset", 5),
    "/api/v1/auth/mfa/verify": ("mfa", 5),
    "/api/v1/auth/accept-invite": ("invite", 5),
    "/api/v1/auth/refresh": ("refresh", 10),
}
SHARED_PREFIX = "/api/v1/shared/"
# A per-IP ceiling over all codes, so cycling through made-up codes (each its own
# IP+code bucket) cannot flood the share entry's code lookup.
SHARED_IP_LIMIT = 300
# Probes and the contract must stay reachable for load balancers and SDK generators.
EXEMPT_PREFIXES = ("/api/v1/health", "/api/v1/openapi.json", "/api/v1/docs")

# KEYS = the buckets, then keys only read (their values are appended to the reply);
# ARGV = window ms, bucket count, one limit per bucket, the request's member id.
_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
local counts = {}
local allowed = 1
for i = 1, n do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  counts[i] = redis.call('ZCARD', KEYS[i])
  if counts[i] >= tonumber(ARGV[i + 2]) then allowed = 0 end
end
local out = {allowed, now}
for i = 1, n do
  if allowed == 1 then
    redis.call('ZADD', KEYS[i], now, ARGV[n + 3])
    redis.call('PEXPIRE', KEYS[i], window)
    counts[i] = counts[i] + 1
  end
  local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
  local reset = now + window
  if oldest[2] then reset = tonumber(oldest[2]) + window end
  table.insert(out, tonumber(ARGV[i + 2]) - counts[i])
  table.insert(out, reset)
end
for i = n + 1, #KEYS do
  table.insert(out, redis.call('GET', KEYS[i]))
end
return out
"""
_SCRIPT_SHA = hashlib.sha1(_SCRIPT.encode()).hexdigest()  # noqa: S324 (Redis's script id)
PREFETCH_KEY = "patentrack.prefetch"


@dataclass(frozen=True, slots=True)
class Prefetched:
    """What the limiter's round trip read for a verified access token (issue 7)."""

    sid: str
    user_id: uuid.UUID
    session_raw: Any  # auth:session:{sid}
    revoked_before: Any  # auth:revoked_before:{userId}
    org_id: uuid.UUID
    org_version: Any  # orgver:{orgId} (None when missing: the reader reloads it)


def prefetched(scope: Any) -> Prefetched | None:
    found = scope.get(PREFETCH_KEY)
    return found if isinstance(found, Prefetched) else None


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers") or []:
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                k, _, v = part.strip().partition("=")
                if k == name:
                    return v
    return None


def _share_code(path: str) -> str | None:
    """The share code of a `/api/v1/shared/{code}[/...]` path (at most 40 chars kept)."""
    if not path.startswith(SHARED_PREFIX):
        return None
    return path[len(SHARED_PREFIX) :].split("/", 1)[0][:40] or None


def _claims(scope: Scope, settings: Settings) -> AccessClaims | None:
    token = _cookie(scope, ACCESS_COOKIE)
    if not token:
        return None
    try:
        # Verified once per request: `authenticate` reuses the outcome (issue 7).
        return decode_access_token_once(scope, settings, token)
    except TokenError:
        return None


def buckets_for(
    scope: Scope, settings: Settings, claims: AccessClaims | None = None
) -> list[tuple[str, int]]:
    """The buckets one request counts against (most specific first)."""
    ip = (scope.get("client") or ("unknown", 0))[0]
    path = scope.get("path", "")
    buckets: list[tuple[str, int]] = []
    route = ROUTE_LIMITS.get(path)
    if route and scope.get("method") == "POST":
        buckets.append((f"rl:{route[0]}:{ip}", route[1]))
    if claims is None:
        claims = _claims(scope, settings)
    share_code = _share_code(path)
    if share_code is not None:
        # §1.6: share viewers count per IP + code (SV 30/min), not against the
        # unauthenticated 10/min (one viewer session is an entry plus list and diagrams).
        buckets.append((f"rl:share:{ip}:{share_code}", ROLE_LIMITS["share"]))
        buckets.append((f"rl:share-ip:{ip}", SHARED_IP_LIMIT))
    elif claims is None:
        buckets.append((f"rl:anon:{ip}", ANONYMOUS_LIMIT))
    else:
        buckets.append((f"rl:user:{claims.user_id}", ROLE_LIMITS[claims.role]))
        if claims.role != "super_admin":
            buckets.append((f"rl:tenant:{claims.org_id}", TENANT_LIMIT))
    scale = settings.rate_limit_scale
    return [(key, max(1, round(limit * scale))) for key, limit in buckets]


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") == "OPTIONS"
            or not path.startswith("/api/")
            or path.startswith(EXEMPT_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        redis: Redis = scope["app"].state.redis
        claims = _claims(scope, self.settings)
        buckets = buckets_for(scope, self.settings, claims)
        # Read along (issue 7): the session family, the revocation mark, the org version.
        reads: tuple[str, ...] = ()
        if claims is not None and _share_code(path) is None:
            reads = (*live_keys(claims.sid, claims.user_id), org_data_version.key(claims.org_id))
        numkeys = len(buckets) + len(reads)
        args = [
            *[b for b, _ in buckets],
            *reads,
            str(WINDOW_S * 1000),
            str(len(buckets)),
            *[str(limit) for _, limit in buckets],
            uuid.uuid4().hex,
        ]
        try:
            try:
                result = await redis.evalsha(_SCRIPT_SHA, numkeys, *args)  # type: ignore[misc]
            except NoScriptError:  # first call on this Redis (or after SCRIPT FLUSH)
                result = await redis.eval(_SCRIPT, numkeys, *args)  # type: ignore[misc]
        except Exception:  # Redis down: serve (fail open) rather than take the API down.
            log.warning("rate limiter unavailable", exc_info=True)
            await self.app(scope, receive, send)
            return
        allowed, now = int(result[0]), int(result[1])
        pairs = [(int(result[2 + 2 * i]), int(result[3 + 2 * i])) for i in range(len(buckets))]
        if reads and claims is not None:
            session_raw, revoked_before, version = result[2 + 2 * len(buckets) :]
            scope[PREFETCH_KEY] = Prefetched(
                sid=claims.sid,
                user_id=claims.user_id,
                session_raw=session_raw,
                revoked_before=revoked_before,
                org_id=claims.org_id,
                org_version=version,
            )
        tightest = min(range(len(buckets)), key=lambda i: (pairs[i][0], -pairs[i][1]))
        remaining, reset_ms = pairs[tightest]
        headers = [
            (b"x-ratelimit-limit", str(buckets[tightest][1]).encode()),
            (b"x-ratelimit-remaining", str(max(remaining, 0)).encode()),
            (b"x-ratelimit-reset", str(math.ceil(reset_ms / 1000)).encode()),
        ]
        if not allowed:
            blocked = [i for i in range(len(buckets)) if pairs[i][0] <= 0]
            wait_ms = max(pairs[i][1] for i in blocked) - now if blocked else WINDOW_S * 1000
            retry_after = max(1, math.ceil(wait_ms / 1000))
            response = error_response(
                429,
                "RATE_LIMITED",
                "Too many requests; try again later.",
                details={"retryAfter": retry_after},
                headers={"Retry-After": str(retry_after)},
            )
            response.raw_headers.extend(headers)
            await response(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)
