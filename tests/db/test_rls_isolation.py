"""Two organizations, a row of each in every tenant table: try to cross between them."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from db.roles import APP_ROLE, WORKER_ROLE
from db.tenant import TenantContext
from tests.db.test_rls_catalog import tenant_tables
from tests.factories import TENANT_ROW_FACTORIES
from tests.rls import act_as, back_to_admin


async def _seed_two_orgs(db: AsyncConnection) -> tuple[uuid.UUID, uuid.UUID]:
    org_a, org_b = uuid.uuid4(), uuid.uuid4()
    for org in (org_a, org_b):
        await TENANT_ROW_FACTORIES["organizations"][1](db, org)
    for table, (_, factory) in TENANT_ROW_FACTORIES.items():
        if table != "organizations":
            for org in (org_a, org_b):
                await factory(db, org)
    return org_a, org_b


async def _count(db: AsyncConnection, table: str, key: str, org: uuid.UUID | None = None) -> int:
    if org is None:
        return int((await db.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one())
    return int(
        (
            await db.execute(text(f"SELECT count(*) FROM {table} WHERE {key} = :o"), {"o": org})
        ).scalar_one()
    )


async def test_every_tenant_table_has_a_row_factory(db: AsyncConnection) -> None:
    missing = set(await tenant_tables(db)) - set(TENANT_ROW_FACTORIES)
    assert not missing, f"add a factory to tests/factories.py for: {sorted(missing)}"


@pytest.mark.parametrize("role", [APP_ROLE, WORKER_ROLE])
async def test_org_a_sees_none_of_org_b(db: AsyncConnection, role: str) -> None:
    org_a, org_b = await _seed_two_orgs(db)
    await act_as(db, TenantContext.for_org(org_a), role)
    for table, (key, _) in TENANT_ROW_FACTORIES.items():
        assert await _count(db, table, key, org_b) == 0, f"{table}: org B rows visible to A"
        assert await _count(db, table, key, org_a) >= 1, f"{table}: org A cannot see its own"
        # Nothing but A's rows at all (other tests' committed rows included).
        others = (
            await db.execute(
                text(f"SELECT count(*) FROM {table} WHERE {key} IS DISTINCT FROM :o"),
                {"o": org_a},
            )
        ).scalar_one()
        assert others == 0, f"{table}: rows of other tenants are visible"


@pytest.mark.parametrize("role", [APP_ROLE, WORKER_ROLE])
async def test_org_a_cannot_write_rows_for_org_b(db: AsyncConnection, role: str) -> None:
    org_a, org_b = await _seed_two_orgs(db)
    await act_as(db, TenantContext.for_org(org_a), role)
    for table, (_, factory) in TENANT_ROW_FACTORIES.items():
        target = uuid.uuid4() if table == "organizations" else org_b
        savepoint = await db.begin_nested()
        with pytest.raises(DBAPIError, match="row-level security"):
            await factory(db, target)
        await savepoint.rollback()


@pytest.mark.parametrize("role", [APP_ROLE, WORKER_ROLE])
async def test_org_a_cannot_move_its_rows_to_org_b(db: AsyncConnection, role: str) -> None:
    org_a, org_b = await _seed_two_orgs(db)
    await act_as(db, TenantContext.for_org(org_a), role)
    for table, (key, _) in TENANT_ROW_FACTORIES.items():
        if table == "organizations":
            continue
        savepoint = await db.begin_nested()
        # audit_log is insert-only: there the grant already refuses the UPDATE.
        with pytest.raises(DBAPIError, match=r"row-level security|permission denied"):
            await db.execute(
                text(f"UPDATE {table} SET {key} = :b WHERE {key} = :a"), {"a": org_a, "b": org_b}
            )
        await savepoint.rollback()


async def test_org_a_cannot_update_or_delete_org_b_rows(db: AsyncConnection) -> None:
    org_a, org_b = await _seed_two_orgs(db)
    await act_as(db, TenantContext.for_org(org_a))
    updated = await db.execute(
        text("UPDATE users SET first_name = 'pwned' WHERE organization_id = :b"), {"b": org_b}
    )
    deleted = await db.execute(text("DELETE FROM users WHERE organization_id = :b"), {"b": org_b})
    assert updated.rowcount == 0 and deleted.rowcount == 0
    await back_to_admin(db)
    assert await _count(db, "users", "organization_id", org_b) == 1


async def test_no_tenant_context_sees_no_tenant_rows(db: AsyncConnection) -> None:
    await _seed_two_orgs(db)
    await act_as(db, TenantContext.anonymous())
    for table, (key, _) in TENANT_ROW_FACTORIES.items():
        assert await _count(db, table, key) == 0, f"{table}: visible without a tenant"


async def test_forged_role_setting_without_super_admin_value_grants_nothing(
    db: AsyncConnection,
) -> None:
    org_a, org_b = await _seed_two_orgs(db)
    # A role text other than exactly 'super_admin' (e.g. the legacy code '9') is no bypass.
    await act_as(db, TenantContext(org_id=org_a, role="9"))
    assert await _count(db, "users", "organization_id", org_b) == 0


async def test_super_admin_path_sees_every_org(db: AsyncConnection) -> None:
    org_a, org_b = await _seed_two_orgs(db)
    await act_as(db, TenantContext.super_admin())
    assert await _count(db, "users", "organization_id", org_a) == 1
    assert await _count(db, "users", "organization_id", org_b) == 1


async def test_empty_string_setting_is_null_not_an_error(db: AsyncConnection) -> None:
    # §11.3 (3): after a local setting ends it reads '', which must not break ::uuid casts.
    await act_as(db, TenantContext.anonymous())
    assert (await db.execute(text("SELECT app.current_org()"))).scalar() is None


async def test_runtime_role_cannot_disable_rls(db: AsyncConnection) -> None:
    await act_as(db, TenantContext.anonymous())
    for statement in (
        "ALTER TABLE users DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE users NO FORCE ROW LEVEL SECURITY",
        "DROP POLICY tenant_isolation ON users",
    ):
        savepoint = await db.begin_nested()
        with pytest.raises(DBAPIError):
            await db.execute(text(statement))
        await savepoint.rollback()
    # row_security=off never disables RLS for a non-bypass role: the query errors instead.
    savepoint = await db.begin_nested()
    await db.execute(text("SET LOCAL row_security = off"))
    with pytest.raises(DBAPIError, match="row-level security"):
        await db.execute(text("SELECT count(*) FROM users"))
    await savepoint.rollback()
