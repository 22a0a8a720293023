"""Helpers for the SSE tests (test_events_stream, test_admin_ops_stream,
test_live_data_events): the real app under uvicorn on loopback, a signed-in access
cookie, and a parser of the `text/event-stream` wire format."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from redis.asyncio import Redis

from api.app import create_app
from api.auth.sessions import SessionStore
from api.auth.tokens import issue_access_token
from patentrack.embedded import free_port
from patentrack.settings import Settings
from tests.api.auth_support import Account


@contextmanager
def serve(settings: Settings) -> Iterator[str]:
    """The real app under uvicorn on 127.0.0.1 in a background thread (its own loop);
    yields its base URL and checks that it shut down."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=2,
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(15)
    assert not thread.is_alive()


async def access_cookie(settings: Settings, redis: Redis, who: Account) -> str:
    """A signed-in session's access cookie, minted exactly as login does."""
    sid, _ = await SessionStore(redis).create(
        user_id=who.user_id, org_id=who.org_id, role=who.role, mfa=True
    )
    access, _ = issue_access_token(
        settings, user_id=who.user_id, org_id=who.org_id, role=who.role, sid=sid, mfa=True
    )
    return f"access_token={access}"


async def sse_frames(
    response: httpx.Response, comments: list[str] | None = None
) -> AsyncIterator[dict[str, str]]:
    """Each event of the stream as its fields (`event`, `id`, `data`, `retry`); comment
    lines (`: ping`) go to `comments` when given."""
    current: dict[str, str] = {}
    async for line in response.aiter_lines():
        if line.startswith(":"):
            if comments is not None:
                comments.append(line[1:].strip())
        elif line:
            name, _, value = line.partition(":")
            current[name] = value[1:] if value.startswith(" ") else value
        elif current:
            yield current
            current = {}
