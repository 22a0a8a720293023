"""A pooled connection that died unnoticed (Postgres restart, killed backend) never fails
a request or job (db/engine.py, db/session.py; issue 7 dropped `pool_pre_ping`)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db import engine as engine_module
from db.engine import make_engine, make_sessionmaker
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.factories import create_org


@pytest.fixture
async def one_connection_engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(settings.app_db_url(), pool_size=1, max_overflow=0)
    yield engine
    await engine.dispose()


async def _kill_pooled_backend(admin_engine: AsyncEngine, engine: AsyncEngine) -> int:
    sessions = make_sessionmaker(engine)
    async with tenant_session(sessions, TenantContext.anonymous()) as s:
        pid = int((await s.execute(text("SELECT pg_backend_pid()"))).scalar_one())
    async with admin_engine.begin() as conn:
        killed = (await conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})).scalar()
    assert killed is True
    for _ in range(100):  # the signal is asynchronous: wait until the backend is gone
        async with admin_engine.connect() as conn:
            alive = (
                await conn.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE pid = :p"), {"p": pid}
                )
            ).scalar_one()
        if not alive:
            return pid
        await asyncio.sleep(0.05)
    raise AssertionError("the backend did not exit")


def _invalidations(engine: AsyncEngine) -> list[object]:
    seen: list[object] = []
    event.listen(engine.sync_engine.pool, "invalidate", lambda *args: seen.append(args))
    return seen


async def _tenant_sees_its_org(engine: AsyncEngine, org: object) -> int:
    sessions = make_sessionmaker(engine)
    async with tenant_session(sessions, TenantContext.for_org(org)) as s:  # type: ignore[arg-type]
        orgs = set((await s.execute(text("SELECT id FROM organizations"))).scalars())
        pid = int((await s.execute(text("SELECT pg_backend_pid()"))).scalar_one())
    assert orgs == {org}  # the retried transaction has the tenant settings too
    return pid


@pytest.mark.usefixtures("clean_tables")
async def test_a_connection_killed_just_after_use_is_retried_once(
    admin_engine: AsyncEngine, one_connection_engine: AsyncEngine
) -> None:
    # Reused within IDLE_PING_S: no ping, so the first statement meets the dead backend
    # and the unit of work retries it on a fresh connection.
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
    dead = await _kill_pooled_backend(admin_engine, one_connection_engine)
    invalidated = _invalidations(one_connection_engine)
    assert await _tenant_sees_its_org(one_connection_engine, org) != dead
    assert len(invalidated) == 1  # the dead one was met, dropped, and the work retried


@pytest.mark.usefixtures("clean_tables")
async def test_an_idle_connection_is_pinged_and_replaced(
    admin_engine: AsyncEngine, one_connection_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
    dead = await _kill_pooled_backend(admin_engine, one_connection_engine)
    monkeypatch.setattr(engine_module, "IDLE_PING_S", -1.0)  # every checkout counts as idle
    invalidated = _invalidations(one_connection_engine)
    # Not only the unit of work: a plain connect() is protected by the checkout ping.
    async with one_connection_engine.connect() as conn:
        pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    assert pid != dead
    assert len(invalidated) == 1  # found by the ping, before any statement ran
    assert await _tenant_sees_its_org(one_connection_engine, org) == pid


async def test_other_errors_on_the_first_statement_are_not_retried(
    one_connection_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import ProgrammingError

    from db import session as session_module

    calls = 0
    real = session_module.apply_tenant_context

    async def broken(target, ctx):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        await target.execute(text("SELECT no_such_column FROM organizations"))
        await real(target, ctx)

    monkeypatch.setattr(session_module, "apply_tenant_context", broken)
    with pytest.raises(ProgrammingError):
        async with tenant_session(make_sessionmaker(one_connection_engine), TenantContext()):
            pass
    assert calls == 1
