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
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

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


R = TypeVar("R")


@dataclass(frozen=True)
class PageSlice(Generic[R]):
    rows: list[R]
    next_cursor: str | None
    has_more: bool


class Pager:
    """One list request's keyset paging: where its page starts and the cursor after it."""

    def __init__(self, settings: Settings, query: Mapping[str, Any], cursor: str | None) -> None:
        self._codec = CursorCodec.from_settings(settings)
        self._query = query_hash(query)
        self.after = self._codec.decode(cursor, self._query) if cursor else None

    def slice(self, rows: Sequence[R], limit: int, position: Callable[[R], Keyset]) -> PageSlice[R]:
        """Repositories fetch `limit + 1` rows; the extra one only says another page exists."""
        has_more = len(rows) > limit
        page = list(rows[:limit])
        next_cursor = self._codec.encode(position(page[-1]), self._query) if has_more else None
        return PageSlice(page, next_cursor, has_more)


After = tuple[str, uuid.UUID] | None


def by_sort_key(row: Any) -> Keyset:
    """The position of a row that carries its own `sort_key` and `id` (most lists)."""
    return Keyset(key=row.sort_key, id=row.id)


async def keyset_page(
    settings: Settings,
    query: Mapping[str, Any],
    cursor: str | None,
    limit: int,
    read: Callable[[After], Awaitable[tuple[Sequence[R], int]]],
    position: Callable[[R], Keyset] = by_sort_key,
) -> tuple[PageSlice[R], int]:
    """One keyset page (§1.4): `read(after)` fetches up to `limit + 1` rows after the
    cursor's position and the exact total; the cursor is bound to `query`."""
    pager = Pager(settings, query, cursor)
    after = pager.after
    rows, total = await read((after.key, after.id) if after else None)
    return pager.slice(rows, limit, position), total
