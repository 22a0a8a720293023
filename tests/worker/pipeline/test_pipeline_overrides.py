"""BR-011 overrides through the pipeline (business-rules §1.2, worked example E23).

Precedence org > global > inventor match (BR-023) > keyword rules; overrides may use the
extended types and set employer_assign, and no step rewrites them. Two orgs track the
same real-data assets (ad20160101.xml), so an org-level override is seen by its org only.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from db.repos import classification_overrides as repo
from db.session import tenant_session
from db.tenant import TenantContext
from domain.titles.types import ConveyanceType as T
from domain.titles.types import Override
from patentrack.settings import Settings
from tests.worker.pipeline.sample_org import create_sample_org, load_sample
from worker.pipeline.runner import PipelineRunner

pytestmark = pytest.mark.usefixtures("clean_tables")

INVENTOR_MATCHED = "037389-0892"  # assignment -> employee by inventor match (BR-023)
PLAIN = "037389-0970"  # assignment, outside the flag window: stays a rule assignment


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=4)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def _classes(engine: AsyncEngine, org: uuid.UUID) -> dict[str, tuple[object, ...]]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT rf_id, rule_type, matched_rule, effective_type, employer_assign, source,"
                " evidence IS NULL FROM org_assignments WHERE organization_id = :o"
            ),
            {"o": org},
        )
        return {r[0]: tuple(r[1:]) for r in rows}


async def test_E23_and_precedence_org_over_global_over_inventor_match(
    admin_engine: AsyncEngine,
    settings: Settings,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    assert await load_sample(admin_engine) == 199
    org_a, _ = await create_sample_org(admin_engine)
    org_b, _ = await create_sample_org(admin_engine)
    # E23: text "CORRECTIVE ASSIGNMENT" (BR-001 -> correct), global override `assignment`.
    async with admin_engine.begin() as conn:
        await conn.execute(
            text("UPDATE assignments SET convey_text = 'CORRECTIVE ASSIGNMENT' WHERE rf_id = :rf"),
            {"rf": PLAIN},
        )
    app = make_engine(settings.app_db_url(), pool_size=1)
    try:
        admin = TenantContext.for_org(org_a, role="org_admin")
        async with tenant_session(make_sessionmaker(app), admin) as s:
            # Org A: extended type + employer flag, above the global override below.
            await repo.set_org_override(
                s, org_a, INVENTOR_MATCHED, T.PARTIALASSIGNMENT, employer_assign=True, note="x"
            )
            await repo.set_global_override(s, INVENTOR_MATCHED, T.LICENSE)
            await repo.set_global_override(s, PLAIN, T.ASSIGNMENT)
    finally:
        await app.dispose()

    runner = PipelineRunner(worker_sessions, redis)
    await runner.run(org_a, reason="test")
    await runner.run(org_b, reason="test")
    a, b = await _classes(admin_engine, org_a), await _classes(admin_engine, org_b)
    # E23 (both orgs): rule fields keep BR-001 `correct`; effective = assignment, no flag.
    for rows in (a, b):
        assert rows[PLAIN] == ("correct", "BR-001", "assignment", False, "override_global", True)
    # Org A: its own override wins over the global one and over the inventor match.
    assert a[INVENTOR_MATCHED] == (
        "assignment",
        "BR-009",
        "partialassignment",
        True,
        "override_org",
        True,
    )
    # Org B has no org override: the global one beats the inventor match (no evidence).
    assert b[INVENTOR_MATCHED] == (
        "assignment",
        "BR-009",
        "license",
        False,
        "override_global",
        True,
    )

    # Removing org A's override (no reclassification needed): the global one applies again.
    async with tenant_session(worker_sessions, TenantContext.for_org(org_a)) as s:
        assert await repo.list_org_overrides(s, org_a) != {}
    app = make_engine(settings.app_db_url(), pool_size=1)
    try:
        admin = TenantContext.for_org(org_a, role="org_admin")
        async with tenant_session(make_sessionmaker(app), admin) as s:
            assert await repo.delete_org_override(s, org_a, INVENTOR_MATCHED) is True
            assert await repo.delete_org_override(s, org_a, INVENTOR_MATCHED) is False
            await repo.delete_global_override(s, INVENTOR_MATCHED)
    finally:
        await app.dispose()
    await runner.run(org_a, reason="test")
    a = await _classes(admin_engine, org_a)
    # No override left on it: the inventor match (BR-023) decides again, with evidence.
    assert a[INVENTOR_MATCHED] == (
        "assignment",
        "BR-009",
        "employee",
        True,
        "inventor_match",
        False,
    )
    assert a[PLAIN][2:5] == ("assignment", False, "override_global")


async def test_org_override_is_invisible_to_other_orgs(
    admin_engine: AsyncEngine, worker_sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with admin_engine.begin() as conn:
        org_a = uuid.uuid4()
        org_b = uuid.uuid4()
        for org in (org_a, org_b):
            await conn.execute(
                text("INSERT INTO organizations (id, name, slug) VALUES (:id, :n, :n)"),
                {"id": org, "n": f"o-{org.hex[:10]}"},
            )
    async with tenant_session(worker_sessions, TenantContext.for_org(org_a)) as s:
        await repo.set_org_override(s, org_a, "000001-0001", T.COURTORDER)
    async with tenant_session(worker_sessions, TenantContext.for_org(org_b)) as s:
        assert await repo.list_org_overrides(s, org_a) == {}
        found = await repo.load_overrides(s, org_b, ["000001-0001"])
        assert found.org == {} and found.global_ == {}
    async with tenant_session(worker_sessions, TenantContext.for_org(org_a)) as s:
        found = await repo.load_overrides(s, org_a, ["000001-0001", "other"])
        assert found.org == {"000001-0001": Override(T.COURTORDER, False)}
