"""Async engines and session factories for the runtime roles."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

# A pooled connection idle for longer than this is pinged before it is handed out.
IDLE_PING_S = 1.0
_LAST_USED = "patentrack_last_used"


def make_engine(url: URL | str, *, pool_size: int = 10, max_overflow: int = 5) -> AsyncEngine:
    engine = create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        # Stale connections (a Postgres restart, an idle timeout, a killed backend) are
        # still caught before use, but not by `pool_pre_ping`: for asyncpg that costs three
        # round trips (BEGIN, `;`, ROLLBACK) on every checkout, the largest share of a
        # one-statement read (issue 7). Instead a connection that has sat in the pool for
        # more than IDLE_PING_S is pinged on checkout (below): the ones that can have gone
        # stale unnoticed. One reused within the second skips it; should it have died all
        # the same, `db.session.tenant_session` retries its first statement once on a
        # fresh connection (nothing has run yet, so that is safe), and SQLAlchemy
        # invalidates the rest of the pool on that disconnect. A ping never guaranteed
        # more: the server can go away between the ping and the query.
        pool_pre_ping=False,
        # Named connections make pg_stat_activity show which process holds them.
        connect_args={"server_settings": {"application_name": "patentrack"}},
    )
    pool_events = engine.sync_engine.pool

    @event.listens_for(pool_events, "connect")
    @event.listens_for(pool_events, "checkin")
    def _used(dbapi_connection: Any, record: Any) -> None:
        record.info[_LAST_USED] = time.monotonic()

    @event.listens_for(pool_events, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        last = record.info.get(_LAST_USED)
        if last is not None and time.monotonic() - last <= IDLE_PING_S:
            return
        try:
            dbapi_connection.ping()  # the dialect's own ping (runs in the greenlet)
        except Exception as error:
            # The pool discards this connection and checks out a fresh one.
            raise exc.DisconnectionError() from error

    return engine


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
