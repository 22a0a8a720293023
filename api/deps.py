"""`Annotated` dependency aliases shared by every route."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from arq import ArqRedis
from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from worker.jobs import JobQueue


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _redis(request: Request) -> ArqRedis:
    return request.app.state.redis


def _queue(request: Request) -> JobQueue:
    return request.app.state.queue


def request_tenant(request: Request) -> TenantContext:
    """The caller's tenant context; set by authentication, anonymous until then."""
    return getattr(request.state, "tenant", None) or TenantContext.anonymous()


async def _db(request: Request) -> AsyncIterator[AsyncSession]:
    # One session and one transaction per request; commits once when the endpoint returns.
    async with tenant_session(request.app.state.sessionmaker, request_tenant(request)) as s:
        yield s


AppSettings = Annotated[Settings, Depends(_settings)]
Redis = Annotated[ArqRedis, Depends(_redis)]
Queue = Annotated[JobQueue, Depends(_queue)]
# scope="function": the commit happens before the response is sent, so a client never
# sees success for a transaction that then fails to commit.
DbSession = Annotated[AsyncSession, Depends(_db, scope="function")]
