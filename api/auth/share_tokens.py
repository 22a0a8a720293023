"""The share token (api.md §2.1, §2.7; BR-045): a signed JWT for one share link.

It lives in the `share_token` cookie, scoped to `/api/v1/shared`, and is useless anywhere
else: its audience is `patentrack-share` and its `typ` is `share`, so the access-token
decoder (api/auth/tokens.py, aud `patentrack-api`, typ `access`) rejects it, and this
decoder rejects access tokens the same way. No asset list travels in the token (100
UUIDs would overflow a 4 KB cookie); it comes from the link's state (`share:{id}:state`).
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from starlette.responses import Response

from api.auth.tokens import TokenError, sign, verified_claims
from patentrack.settings import Settings

SHARE_AUDIENCE = "patentrack-share"
SHARE_COOKIE = "share_token"
SHARE_PATH = "/api/v1/shared"
SHARE_SCOPE = "share:read"
MAX_TTL_S = 24 * 3600  # §2.1: min(link life left, 24 h)
REQUIRED_CLAIMS = ["sid", "org", "perms", "iat", "exp", "aud", "iss", "jti", "typ", "scope"]


@dataclass(frozen=True, slots=True)
class ShareClaims:
    link_id: uuid.UUID
    org_id: uuid.UUID
    perms: tuple[str, ...]
    iat: int
    exp: int


def issue_share_token(
    settings: Settings,
    *,
    link_id: uuid.UUID,
    org_id: uuid.UUID,
    perms: list[str],
    ttl_s: int,
    now: int | None = None,
) -> str:
    """A share token for one link, valid `ttl_s` seconds (the caller caps it, §2.1)."""
    issued = int(time.time()) if now is None else now
    claims: dict[str, Any] = {
        "typ": "share",
        "scope": SHARE_SCOPE,
        "sid": str(link_id),
        "org": str(org_id),
        "perms": sorted(perms),
        "iss": settings.jwt_issuer,
        "aud": SHARE_AUDIENCE,
        "iat": issued,
        "exp": issued + ttl_s,
        "jti": uuid.uuid4().hex,
    }
    return sign(settings, claims)


def decode_share_token(settings: Settings, token: str) -> ShareClaims:
    """Verify a share token; anything else (an access token included) is TokenError."""
    claims = verified_claims(settings, token, audience=SHARE_AUDIENCE, required=REQUIRED_CLAIMS)
    try:
        if claims["typ"] != "share" or claims["scope"] != SHARE_SCOPE:
            raise TokenError("token_invalid")
        return ShareClaims(
            link_id=uuid.UUID(str(claims["sid"])),
            org_id=uuid.UUID(str(claims["org"])),
            perms=tuple(str(p) for p in claims["perms"]),
            iat=int(claims["iat"]),
            exp=int(claims["exp"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise TokenError("token_invalid") from exc


def set_share_cookie(response: Response, settings: Settings, token: str, max_age: int) -> None:
    """§2.1: HttpOnly, Secure (except plain-http localhost), SameSite=Strict, host-only."""
    response.set_cookie(
        SHARE_COOKIE,
        token,
        max_age=max_age,
        path=SHARE_PATH,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="strict",
    )


# --- share:{id}:state (api.md §2.3): what each viewer call checks, cached ≤ 60 s --------

STATE_TTL_S = 60


def state_key(link_id: uuid.UUID) -> str:
    return f"share:{link_id}:state"


async def cached_state(redis: Redis, link_id: uuid.UUID) -> dict[str, Any] | None:
    raw = await redis.get(state_key(link_id))
    return json.loads(raw) if raw else None


async def cache_state(redis: Redis, link_id: uuid.UUID, state: dict[str, Any]) -> None:
    await redis.set(state_key(link_id), json.dumps(state), ex=STATE_TTL_S)


async def purge_state(redis: Redis, link_id: uuid.UUID) -> None:
    """§2.7 Manage: an edit or revocation takes effect on the viewer's next call."""
    await redis.delete(state_key(link_id))
