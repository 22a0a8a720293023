"""The unit of work: one session, one transaction, tenant settings first, commit once.

The boundary (an API request or a job) opens it; nothing below commits. Work that must
only happen if the transaction commits (enqueueing jobs, D17) is registered with
`after_commit` and runs right after the commit, never after a rollback.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.tenant import TenantContext, apply_tenant_context

AfterCommit = Callable[[], Awaitable[None]]
_HOOKS_KEY = "after_commit_hooks"


def after_commit(session: AsyncSession, hook: AfterCommit) -> None:
    """Run `hook` once the boundary has committed this session's transaction."""
    session.info.setdefault(_HOOKS_KEY, []).append(hook)


async def _run_after_commit(session: AsyncSession) -> None:
    hooks: list[AfterCommit] = session.info.pop(_HOOKS_KEY, [])
    for hook in hooks:
        await hook()


async def _begin(
    sessionmaker: async_sessionmaker[AsyncSession], ctx: TenantContext
) -> AsyncSession:
    """A session in a new transaction whose first statement set `ctx`.

    The engine does not ping every checkout (db/engine.py), so a pooled connection that
    died unnoticed fails here, on the first statement. Nothing has run in the
    transaction yet, so that one case is retried once on a fresh connection (SQLAlchemy
    has invalidated the dead one, and the pool with it)."""
    for attempt in (1, 2):
        session = sessionmaker()
        try:
            await session.begin()
            await apply_tenant_context(session, ctx)
        except DBAPIError as error:
            await session.close()
            if attempt == 2 or not error.connection_invalidated:
                raise
            continue
        except BaseException:
            await session.close()
            raise
        return session
    raise AssertionError("unreachable")


@asynccontextmanager
async def tenant_session(
    sessionmaker: async_sessionmaker[AsyncSession], ctx: TenantContext
) -> AsyncIterator[AsyncSession]:
    """Open the boundary's session with `ctx` applied; commit on success, roll back on error."""
    session = await _begin(sessionmaker, ctx)
    async with session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        await session.commit()
    await _run_after_commit(session)
