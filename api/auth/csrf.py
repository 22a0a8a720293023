"""CSRF double submit (api.md §1.9): cookie + header, bound to the session by an HMAC.

The token is `nonce.HMAC(key, sid|nonce)`: a value planted by another site (or taken
from another session) fails even when cookie and header agree.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from patentrack.settings import Settings

COOKIE = "csrf_token"
HEADER = "X-CSRF-Token"
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _key(settings: Settings) -> bytes:
    # A key of its own, derived from the signing secret (never the secret itself).
    return hmac.new(settings.jwt_secret_value().encode(), b"patentrack-csrf-v1", "sha256").digest()


def _mac(settings: Settings, sid: str, nonce: str) -> str:
    digest = hmac.new(_key(settings), f"{sid}|{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def issue(settings: Settings, sid: str) -> str:
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_mac(settings, sid, nonce)}"


def is_valid(settings: Settings, sid: str, cookie: str | None, header: str | None) -> bool:
    """Header equals cookie (constant time) and the token was minted for this session."""
    if not cookie or not header or not hmac.compare_digest(cookie, header):
        return False
    nonce, _, mac = header.partition(".")
    return bool(nonce and mac) and hmac.compare_digest(mac, _mac(settings, sid, nonce))
