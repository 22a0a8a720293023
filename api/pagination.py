"""Opaque keyset cursors shared by every cursor-paginated list (api.md §1.4, D10).

A cursor is base64url(JSON `{k, id, q}`) + "." + base64url(HMAC-SHA256): `k` is the last
row's sort value, `id` its id (the keyset is `(sortKey, id)`), `q` a hash of the query
(filters + sort + order) it was issued for. A tampered cursor, or one replayed against a
different query, is 400 BAD_REQUEST with `details.reason = invalid_cursor` (§1.3).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from api.errors import BadRequest
from patentrack.settings import Settings

DEFAULT_LIMIT = 50  # D10
MAX_LIMIT = 100  # D10


@dataclass(frozen=True)
class Keyset:
    """The position after which the next page starts."""

    key: str
    id: uuid.UUID


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def query_hash(params: Mapping[str, Any]) -> str:
    """A stable digest of everything that shapes the result order and membership."""
    canonical = json.dumps(params, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


class CursorCodec:
    """Signs and verifies cursors with a key derived from the JWT secret (never the secret)."""

    def __init__(self, secret: str) -> None:
        self._key = hmac.new(secret.encode(), b"patentrack/cursor/v1", hashlib.sha256).digest()

    @classmethod
    def from_settings(cls, settings: Settings) -> CursorCodec:
        return cls(settings.jwt_secret_value())

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()

    def encode(self, position: Keyset, query: str) -> str:
        payload = json.dumps(
            {"k": position.key, "id": str(position.id), "q": query},
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode()
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def decode(self, cursor: str, query: str) -> Keyset:
        """The keyset of a cursor issued for `query`; anything else is invalid_cursor."""
        try:
            body, sig = cursor.split(".")
            payload = _unb64(body)
            if not hmac.compare_digest(_unb64(sig), self._sign(payload)):
                raise ValueError("signature")
            data = json.loads(payload)
            if data["q"] != query or not isinstance(data["k"], str):
                raise ValueError("query")
            return Keyset(key=data["k"], id=uuid.UUID(data["id"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise BadRequest(
                "The cursor is invalid or belongs to a different query.",
                details={"reason": "invalid_cursor"},
            ) from exc
