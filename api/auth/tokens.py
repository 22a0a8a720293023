"""The access JWT (api.md §2.2): signed, 15 minutes, verification pins alg, aud and iss."""

from __future__ import annotations

import time
import uuid
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

import jwt

from patentrack.settings import Settings

ACCESS_TTL_S = 900
AUDIENCE = "patentrack-api"
REQUIRED_CLAIMS = ["sub", "org_id", "role", "sid", "iat", "exp", "aud", "iss", "jti", "typ"]
ROLES = ("super_admin", "org_admin", "org_member")  # D4


class TokenError(Exception):
    """A rejected token; `reason` is the api.md §1.3 sub-code (token_expired / token_invalid)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: uuid.UUID
    org_id: uuid.UUID
    role: str
    sid: str
    mfa: bool  # second factor satisfied, or not required for this user (api.md §2.2)
    iat: int
    exp: int
    jti: str


def _signing_key(settings: Settings) -> str:
    if settings.jwt_algorithm == "RS256":
        assert settings.jwt_private_key
        return settings.jwt_private_key.get_secret_value()
    return settings.jwt_secret_value()


def _verifying_key(settings: Settings) -> str:
    if settings.jwt_algorithm == "RS256":
        assert settings.jwt_public_key
        return settings.jwt_public_key
    return settings.jwt_secret_value()


def sign(settings: Settings, claims: dict[str, Any]) -> str:
    """`claims` signed with the configured algorithm and key (access and share tokens)."""
    return jwt.encode(claims, _signing_key(settings), algorithm=settings.jwt_algorithm)


def verified_claims(
    settings: Settings, token: str, *, audience: str, required: list[str]
) -> dict[str, Any]:
    """The claims of a token signed by us for `audience`, with `required` present. Only the
    configured algorithm is accepted (no `none`, no HS/RS swap); no leeway. Expiry is
    TokenError("token_expired"), anything else wrong TokenError("token_invalid") (§1.3)."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            _verifying_key(settings),
            algorithms=[settings.jwt_algorithm],
            audience=audience,
            issuer=settings.jwt_issuer,
            options={"require": required, "verify_iat": True},
            leeway=0,
        )
    except jwt.ExpiredSignatureError as exc:
        raise TokenError("token_expired") from exc
    except jwt.PyJWTError as exc:
        raise TokenError("token_invalid") from exc
    return claims


def issue_access_token(
    settings: Settings,
    *,
    user_id: uuid.UUID,
    org_id: uuid.UUID,
    role: str,
    sid: str,
    mfa: bool,
    now: int | None = None,
) -> tuple[str, int]:
    """A signed access token and its expiry (epoch seconds)."""
    issued = int(time.time()) if now is None else now
    expires = issued + ACCESS_TTL_S
    claims: dict[str, Any] = {
        "sub": str(user_id),
        "org_id": str(org_id),
        "role": role,
        "sid": sid,
        "mfa": mfa,
        "typ": "access",
        "iss": settings.jwt_issuer,
        "aud": AUDIENCE,
        "iat": issued,
        "exp": expires,
        "jti": uuid.uuid4().hex,
    }
    token = sign(settings, claims)
    return token, expires


# issue 7: the signature check of an access token is deterministic in (token bytes, key,
# algorithm, issuer); only the clock moves. So a token this process has verified is
# remembered under exactly those, and a later request presenting it again only repeats
# the time check (`exp`, exactly as PyJWT applies it with no leeway). A different key,
# algorithm or issuer is a different entry; nothing that failed is remembered. Bounded:
# at MAX entries the table starts over (at most the live tokens of 15 minutes).
_VERIFIED: dict[tuple[str, str, str, str], AccessClaims] = {}
_VERIFIED_MAX = 20_000


def decode_access_token(settings: Settings, token: str) -> AccessClaims:
    """Verify and decode; only the configured algorithm is accepted (no `none`, no HS/RS swap)."""
    memo = (token, settings.jwt_algorithm, _verifying_key(settings), settings.jwt_issuer)
    known = _VERIFIED.get(memo)
    if known is not None:
        if known.exp <= time.time():  # PyJWT: expired when exp <= now (leeway 0)
            del _VERIFIED[memo]
            raise TokenError("token_expired")
        return known
    decoded = _decode_access_token(settings, token)
    if len(_VERIFIED) >= _VERIFIED_MAX:
        _VERIFIED.clear()
    _VERIFIED[memo] = decoded
    return decoded


def _decode_access_token(settings: Settings, token: str) -> AccessClaims:
    claims = verified_claims(settings, token, audience=AUDIENCE, required=REQUIRED_CLAIMS)
    try:
        if claims["typ"] != "access" or claims["role"] not in ROLES:
            raise TokenError("token_invalid")
        return AccessClaims(
            user_id=uuid.UUID(str(claims["sub"])),
            org_id=uuid.UUID(str(claims["org_id"])),
            role=str(claims["role"]),
            sid=str(claims["sid"]),
            mfa=claims.get("mfa") is True,
            iat=int(claims["iat"]),
            exp=int(claims["exp"]),
            jti=str(claims["jti"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise TokenError("token_invalid") from exc


# issue 7: one verification per request. The rate limiter (outermost) and `authenticate`
# both need the access token's claims; the first to verify it leaves the outcome (claims
# or the TokenError) in the ASGI scope, keyed by the exact token and settings, and the
# second reuses it. The verification itself is the one above, unchanged.
SCOPE_KEY = "patentrack.access_claims"


def decode_access_token_once(
    scope: MutableMapping[str, Any], settings: Settings, token: str
) -> AccessClaims:
    """`decode_access_token`, at most once per request scope for a given token."""
    seen = scope.get(SCOPE_KEY)
    if seen is not None and seen[0] == token and seen[1] is settings:
        outcome = seen[2]
        if isinstance(outcome, TokenError):
            raise TokenError(outcome.reason)
        return outcome
    try:
        claims = decode_access_token(settings, token)
    except TokenError as exc:
        scope[SCOPE_KEY] = (token, settings, exc)
        raise
    scope[SCOPE_KEY] = (token, settings, claims)
    return claims
