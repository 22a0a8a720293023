"""Issue 6 / BR-042..043: the SQL aggregation over stored facts (db/repos/summary_facts.py)
equals `metrics_from_facts` and `summary_metrics`, and sees only the caller's org (RLS)."""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from db.repos.pipeline_outputs import insert_rows, replace_rows
from db.repos.summary_facts import facts_rows, summary_from_facts
from db.roles import WORKER_ROLE
from db.tenant import TenantContext
from domain.titles.dashboard import SummaryMetrics
from domain.titles.summary_facts import AssetFacts, metrics_from_facts
from tests.domain.titles.test_summary_facts import TODAYS, Org, random_org, reference_rows
from tests.factories import create_org
from tests.rls import act_as, back_to_admin

RUN = uuid.UUID(int=7)


@pytest.fixture
async def session(db: AsyncConnection) -> AsyncIterator[AsyncSession]:
    """A session on the test's connection and transaction (rolled back after the test)."""
    async with AsyncSession(bind=db) as s:
        yield s


def _derived(org: uuid.UUID) -> dict[str, object]:
    return {"organization_id": org, "ruleset_version": "test-ruleset", "run_id": RUN}


async def _assets(db: AsyncConnection, org: uuid.UUID, ids: Sequence[uuid.UUID]) -> None:
    await db.execute(
        text(
            "INSERT INTO assets (id, organization_id, appno_doc_num)"
            " SELECT i, :org, left(replace(i::text, '-', ''), 12)"
            " FROM unnest(CAST(:ids AS uuid[])) AS i"
        ),
        {"org": org, "ids": list(ids)},
    )


async def _store(db: AsyncConnection, session: AsyncSession, org_id: uuid.UUID, org: Org) -> None:
    """The org's assets (as admin) and its facts, written as the worker in the org."""
    await _assets(db, org_id, [a.id for a in org.assets])
    await act_as(db, TenantContext.for_org(org_id), WORKER_ROLE)
    await insert_rows(session, "summary_asset_facts", facts_rows(org.facts(), _derived(org_id)))
    await back_to_admin(db)


def _expected(
    facts: Sequence[AssetFacts], company_ids: Sequence[str], today: date, companies: int
) -> list[SummaryMetrics]:
    rows = [metrics_from_facts(facts, c, today) for c in company_ids]
    return [*rows, metrics_from_facts(facts, None, today, companies=companies)]


def _requested(org: Org, rng: random.Random) -> list[str]:
    """The org's companies, owners outside the list, and a company without facts."""
    ids = [c.company_id for c in org.companies]
    ids += sorted({a.company_id for a in org.assets if a.company_id and a.company_id not in ids})
    ids.append(str(uuid.UUID(int=rng.getrandbits(128))))
    return ids


@pytest.mark.parametrize("seed", range(12))
async def test_sql_summary_equals_the_python_aggregation(
    db: AsyncConnection, session: AsyncSession, seed: int
) -> None:
    rng = random.Random(seed)
    org = random_org(rng, max_assets=60 if seed % 4 == 0 else 12)
    org_id = await create_org(db)
    await _store(db, session, org_id, org)
    facts = org.facts()
    wanted = _requested(org, rng)
    n = len(org.companies)
    await act_as(db, TenantContext.for_org(org_id), WORKER_ROLE)
    for today in TODAYS:
        got = await summary_from_facts(session, org_id, wanted, today, companies=n)
        assert got == _expected(facts, wanted, today, n), today
        # And the rows step 7 computes today from the whole org (company rows, org row).
        ours = {m.company_id: m for m in got}
        assert [ours[c.company_id] for c in org.companies] + [got[-1]] == reference_rows(org, today)
    # Another layout, and no company rows at all: the org row alone.
    got = await summary_from_facts(session, org_id, [], TODAYS[0], companies=n, layout_id=14)
    assert got == [metrics_from_facts(facts, None, TODAYS[0], layout_id=14, companies=n)]


async def test_an_org_without_facts_gets_zero_rows(
    db: AsyncConnection, session: AsyncSession
) -> None:
    org_id = await create_org(db)
    company = str(uuid.uuid4())
    await act_as(db, TenantContext.for_org(org_id), WORKER_ROLE)
    got = await summary_from_facts(session, org_id, [company, company], TODAYS[0], companies=3)
    assert got == [
        SummaryMetrics(company, 0, 0, 0, 0, 0, 0, 0, 1),
        _expected([], [], TODAYS[0], 3)[0],
    ]
    assert got[-1].companies == 3


async def test_replace_rows_rewrites_the_org_facts(
    db: AsyncConnection, session: AsyncSession
) -> None:
    first, second = random_org(random.Random(101)), random_org(random.Random(102))
    org_id = await create_org(db)
    await _store(db, session, org_id, first)
    await _assets(db, org_id, [a.id for a in second.assets])
    await act_as(db, TenantContext.for_org(org_id), WORKER_ROLE)
    await replace_rows(
        session, "summary_asset_facts", org_id, facts_rows(second.facts(), _derived(org_id))
    )
    wanted = [c.company_id for c in second.companies]
    got = await summary_from_facts(
        session, org_id, wanted, TODAYS[0], companies=len(second.companies)
    )
    assert got == _expected(second.facts(), wanted, TODAYS[0], len(second.companies))


async def test_another_orgs_facts_never_count(db: AsyncConnection, session: AsyncSession) -> None:
    rng = random.Random(7)
    mine = random_org(rng, max_assets=20)
    while not mine.assets:
        mine = random_org(rng, max_assets=20)
    # The other org's facts name the same companies (the org filter alone must not decide).
    theirs = random_org(rng, max_assets=20)
    moved = Org(
        mine.companies,
        [
            type(a)(a.id, mine.companies[i % len(mine.companies)].company_id, a.summary)
            for i, a in enumerate(theirs.assets)
        ],
    )
    org_a, org_b = await create_org(db), await create_org(db)
    await _store(db, session, org_a, mine)
    await _store(db, session, org_b, moved)
    wanted = [c.company_id for c in mine.companies]
    n = len(mine.companies)
    for today in TODAYS:
        await act_as(db, TenantContext.for_org(org_a), WORKER_ROLE)
        got = await summary_from_facts(session, org_a, wanted, today, companies=n)
        assert got == _expected(mine.facts(), wanted, today, n)
        await back_to_admin(db)
        # As org B, org A's facts are invisible (RLS), whatever org id is asked for.
        await act_as(db, TenantContext.for_org(org_b), WORKER_ROLE)
        blind = await summary_from_facts(session, org_a, wanted, today, companies=n)
        assert blind == _expected([], wanted, today, n)
        got_b = await summary_from_facts(session, org_b, wanted, today, companies=n)
        assert got_b == _expected(moved.facts(), wanted, today, n)
        await back_to_admin(db)
    assert _expected(mine.facts(), wanted, TODAYS[0], n) != _expected([], wanted, TODAYS[0], n)


def _raw_facts(rng: random.Random, companies: Sequence[str]) -> list[AssetFacts]:
    """Facts as stored, not as asset_facts makes them: an rf with different arrows on two
    assets (facts of different runs), activity ids outside the category map, empty keys."""
    words = ("", "a", "b", "a b", "c")
    owners = [*companies, None]

    def some(pool: Sequence[str]) -> tuple[str, ...]:
        return tuple(sorted(set(rng.choices(pool, k=rng.randint(0, 3)))))

    facts = []
    for _ in range(rng.randint(1, 15)):
        rfs = sorted({f"{rng.randint(1, 6)}-1" for _ in range(rng.randint(0, 3))})
        facts.append(
            AssetFacts(
                asset_id=uuid.UUID(int=rng.getrandbits(128)),
                asset_key=rng.choice(("K1", "K2", "K3", "")),
                company_id=rng.choice(owners),
                layout_id=rng.choice((14, 15)),
                appno_date=rng.choice(
                    (None, date(1998, 1, 1), date(2001, 12, 31), date(2020, 2, 2))
                ),
                rf_arrows=tuple((rf, rng.randint(0, 4)) for rf in rfs),
                inventors=some(words),
                backfill=some(words),
                third=tuple(sorted({(f"key:{w}", w) for w in some(words)} | {("g:x", "b")})),
                activities=tuple(
                    sorted(
                        {
                            (
                                rng.choice([*companies, "other"]),
                                rng.choice((1, 5, 10, 11, 12, 99)),
                                w,
                            )
                            for w in some(words)
                        }
                    )
                ),
            )
        )
    return facts


@pytest.mark.parametrize("seed", range(6))
async def test_sql_summary_of_raw_facts(
    db: AsyncConnection, session: AsyncSession, seed: int
) -> None:
    rng = random.Random(1000 + seed)
    companies = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(2)]
    facts = _raw_facts(rng, companies)
    org_id = await create_org(db)
    await _assets(db, org_id, [f.asset_id for f in facts])
    await act_as(db, TenantContext.for_org(org_id), WORKER_ROLE)
    await insert_rows(session, "summary_asset_facts", facts_rows(facts, _derived(org_id)))
    for today in (date(2021, 1, 1), date(2024, 1, 1), date(2026, 6, 1)):
        got = await summary_from_facts(session, org_id, companies, today, companies=2)
        assert got == _expected(facts, companies, today, 2)
