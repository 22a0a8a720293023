"""Tenant settings never leak through the connection pool (domain-model §11.3 (2))."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import make_engine, make_sessionmaker
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.factories import create_org, create_user

pytestmark = pytest.mark.usefixtures("clean_tables")


@pytest.fixture
async def one_connection_engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(settings.app_db_url(), pool_size=1, max_overflow=0)
    yield engine
    await engine.dispose()


async def test_alternating_tenants_on_one_pooled_connection(
    admin_engine: AsyncEngine, one_connection_engine: AsyncEngine
) -> None:
    async with admin_engine.begin() as conn:
        org_a = await create_org(conn)
        org_b = await create_org(conn)
        users = {
            org_a: {await create_user(conn, org_a) for _ in range(2)},
            org_b: {await create_user(conn, org_b) for _ in range(3)},
        }

    sessions = make_sessionmaker(one_connection_engine)
    backend_pids: set[int] = set()
    sequence: list[uuid.UUID | None] = [org_a, org_b, None, org_a, None, org_b, org_b, org_a]
    for org in sequence:
        ctx = TenantContext.for_org(org) if org else TenantContext.anonymous()
        async with tenant_session(sessions, ctx) as session:
            backend_pids.add((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one())
            visible = set((await session.execute(text("SELECT id FROM users"))).scalars())
            orgs = set((await session.execute(text("SELECT id FROM organizations"))).scalars())
        if org is None:
            assert visible == set() and orgs == set()
        else:
            assert visible == users[org]
            assert orgs == {org}
    # The same physical connection served every request, so the isolation is real.
    assert len(backend_pids) == 1


async def test_settings_are_gone_after_the_transaction(one_connection_engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(one_connection_engine)
    async with tenant_session(sessions, TenantContext.for_org(uuid.uuid4(), "org_admin")):
        pass
    async with one_connection_engine.connect() as conn:
        leftovers = (
            await conn.execute(
                text(
                    "SELECT coalesce(current_setting('app.current_org_id', true), ''),"
                    " coalesce(current_setting('app.user_role', true), '')"
                )
            )
        ).one()
    assert tuple(leftovers) == ("", "")


async def test_a_failed_request_leaves_no_context_behind(
    admin_engine: AsyncEngine, one_connection_engine: AsyncEngine
) -> None:
    async with admin_engine.begin() as conn:
        org_a = await create_org(conn)
        await create_user(conn, org_a)
    sessions = make_sessionmaker(one_connection_engine)
    with pytest.raises(RuntimeError):
        async with tenant_session(sessions, TenantContext.for_org(org_a)) as session:
            assert (await session.execute(text("SELECT count(*) FROM users"))).scalar() == 1
            raise RuntimeError("request failed")
    async with tenant_session(sessions, TenantContext.anonymous()) as session:
        assert (await session.execute(text("SELECT count(*) FROM users"))).scalar() == 0
