"""Issue 6 / BR-041..043: summary rows from per-asset facts equal `summary_metrics` as step 7
(worker/pipeline/steps_late.py `_summaries`) computes them over the whole org.

`random_org` and `reference_rows` are shared with tests/db/test_summary_facts_sql.py."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.titles.dashboard import SummaryAsset, SummaryMetrics, summary_metrics
from domain.titles.parties import alias_keys
from domain.titles.summary_facts import AssetFacts, asset_facts, metrics_from_facts
from domain.titles.tree import build_activities
from domain.titles.types import (
    Conveyance,
    ConveyanceType,
    DocumentRef,
    OrgCompany,
    Party,
    TypedConveyance,
)
from worker.pipeline.scoping import activities, by_company

TODAY = date(2026, 11, 22)
# The window moves on 1 January (pitfall 13); 2024 puts 2001 filings inside it.
TODAYS = (TODAY, date(2027, 1, 1), date(2024, 6, 1), date(2025, 12, 31))
COMPANY_NAMES = (
    "Acme Corp",
    "ACME CORPORATION",
    "Beta Inc",
    "Beta Incorporated",
    "Gamma LLC",
    "Omega Holdings",
)
# Inventors in both spellings (person keys equal), a one-token name and an empty one.
PEOPLE = ("Smith John", "SMITH, JOHN", "Lee Ann", "ANN LEE", "Roe Richard", "Doe Jane", "Jane", "")
OTHERS = ("Delta Bank", "Epsilon Holdings Ltd", "Zeta GmbH", "First Bank NA", "Beta Inc")
# Step 2a group ids: different names can share one party id.
GROUPS = (None, None, None, "g:delta", "g:smith", "g:acme")
KEYS = ("10000001", "10000002", "10000003", "10000004", "")
DATES = (
    None,
    date(1997, 12, 31),
    date(1998, 1, 1),
    date(1999, 6, 1),
    date(2000, 3, 3),
    date(2001, 12, 31),
    date(2002, 12, 31),
    date(2003, 1, 1),
    date(2003, 6, 1),
    date(2010, 5, 5),
    date(2026, 1, 1),
)


@dataclass(frozen=True)
class OrgAsset:
    id: uuid.UUID
    company_id: str | None
    summary: SummaryAsset


@dataclass(frozen=True)
class Org:
    companies: list[OrgCompany]
    # In asset id order, as db/repos/pipeline_inputs.py reads them.
    assets: list[OrgAsset]

    @property
    def org_keys(self) -> frozenset[str]:
        return frozenset(k for c in self.companies for k in alias_keys(c))

    def facts(self) -> list[AssetFacts]:
        return [
            asset_facts(a.id, a.company_id, a.summary, self.org_keys, self.companies)
            for a in self.assets
        ]


def _uuid(rng: random.Random, taken: set[uuid.UUID]) -> uuid.UUID:
    """A fresh id in random order (company and asset ids are keys: never two equal ones)."""
    found = uuid.UUID(int=rng.getrandbits(120) << 8 | len(taken))
    taken.add(found)
    return found


def _party(rng: random.Random, pool: tuple[str, ...]) -> Party:
    return Party(rng.choice(pool), entity_id=rng.choice(GROUPS))


def _conveyance(rng: random.Random, rf: str, names: tuple[str, ...]) -> TypedConveyance:
    def side() -> tuple[Party, ...]:
        return tuple(_party(rng, names) for _ in range(rng.randint(0, 3)))

    ctype = rng.choice(list(ConveyanceType))
    conv = Conveyance(
        rf_id=rf,
        reel_no=rng.randint(1, 9),
        frame_no=rng.randint(1, 99),
        convey_text=ctype.value.upper(),
        record_dt=rng.choice(DATES),
        assignors=side(),
        assignees=side(),
        documents=(DocumentRef(appno=rng.choice(KEYS) or None),),
    )
    return TypedConveyance(conv, ctype, rng.random() < 0.25)


def random_org(rng: random.Random, *, max_assets: int = 10) -> Org:
    """Companies with overlapping names, assets sharing keys and conveyances, every edge."""
    taken: set[uuid.UUID] = set()
    companies = [
        OrgCompany(str(_uuid(rng, taken)), tuple(rng.sample(COMPANY_NAMES, rng.randint(1, 2))))
        for _ in range(rng.randint(1, 3))
    ]
    names = (*COMPANY_NAMES, *PEOPLE, *OTHERS)
    pool = [_conveyance(rng, f"{n}-{rng.randint(0, 9)}", names) for n in range(rng.randint(0, 8))]
    pool = list({tc.rf_id: tc for tc in pool}.values())
    # Assets filed under an org company, under none, or under a company not in the list.
    owners = [*(c.company_id for c in companies), None, str(_uuid(rng, taken))]
    assets = [
        OrgAsset(
            _uuid(rng, taken),
            rng.choice(owners),
            SummaryAsset(
                rng.choice(KEYS),
                rng.choice(DATES),
                rng.choice((15, 15, 15, 14)),
                tuple(rng.sample(PEOPLE, rng.randint(0, 3))),
                tuple(sorted(rng.sample(pool, rng.randint(0, len(pool))), key=lambda t: t.rf_id)),
            ),
        )
        for _ in range(rng.randint(0, max_assets))
    ]
    return Org(companies, sorted(assets, key=lambda a: a.id))


def reference_rows(org: Org, today: date) -> list[SummaryMetrics]:
    """The company rows then the org row, as `_summaries` builds them (steps_late.py)."""
    all_assets = [a.summary for a in org.assets]
    by_owner: dict[str, list[SummaryAsset]] = {}
    for a in org.assets:
        by_owner.setdefault(str(a.company_id), []).append(a.summary)
    every = sorted({tc.rf_id: tc for sa in all_assets for tc in sa.conveyances}.values(), key=rf)
    rows = []
    for company, on_company in by_company(every, org.companies):
        mine = by_owner.get(company.company_id, [])
        rfs = {tc.rf_id for sa in mine for tc in sa.conveyances}
        typed = [tc for tc in on_company if tc.rf_id in rfs]
        acts = activities(typed, [company])
        rows.append(summary_metrics(company.company_id, mine, acts, org.org_keys, today))
    org_acts = activities(
        list({tc.rf_id: tc for sa in all_assets for tc in sa.conveyances}.values()),
        org.companies,
    )
    rows.append(
        summary_metrics(
            None, all_assets, org_acts, org.org_keys, today, companies=len(org.companies)
        )
    )
    return rows


def rf(tc: TypedConveyance) -> str:
    return tc.rf_id


def facts_rows(org: Org, today: date) -> list[SummaryMetrics]:
    facts = org.facts()
    rows = [metrics_from_facts(facts, c.company_id, today) for c in org.companies]
    return [*rows, metrics_from_facts(facts, None, today, companies=len(org.companies))]


@settings(max_examples=400, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from(TODAYS))
def test_metrics_from_facts_equal_summary_metrics(rng: random.Random, today: date) -> None:
    org = random_org(rng)
    assert facts_rows(org, today) == reference_rows(org, today)


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False))
def test_company_activities_are_the_company_slice_of_all_activities(rng: random.Random) -> None:
    # `_summaries` builds a company's activities from its own conveyances with [company];
    # the facts store them for every company and the aggregation keeps the company's.
    org = random_org(rng)
    convs = sorted(
        {tc.rf_id: tc for a in org.assets for tc in a.summary.conveyances}.values(), key=rf
    )
    every = build_activities(convs, org.companies)
    for company in org.companies:
        mine = build_activities(convs, [company])
        assert set(mine) == {a for a in every if a.company_id == company.company_id}
        assert set(activities(convs, [company])) == set(mine)


def _tc(rf_id: str, ctype: str, ors: list[str], ees: list[str], **kw: bool) -> TypedConveyance:
    conv = Conveyance(
        rf_id,
        1,
        1,
        ctype.upper(),
        date(2010, 1, 1),
        assignors=tuple(Party(n) for n in ors),
        assignees=tuple(Party(n) for n in ees),
    )
    return TypedConveyance(conv, ConveyanceType(ctype), kw.get("employer", False))


def test_worked_example_with_duplicate_keys_backfill_and_inventor_parties() -> None:
    acme = OrgCompany("c1", ("Acme Corp",))
    beta = OrgCompany("c2", ("Beta Inc",))
    sale = _tc("1-1", "assignment", ["Acme Corp"], ["Delta Bank", "Smith John"])
    hire = _tc("2-2", "employee", ["SMITH, JOHN", "Roe Richard"], ["Acme Corp"])
    loan = _tc("3-3", "security", ["Beta Inc"], ["First Bank NA"])
    ids = [uuid.UUID(int=i) for i in range(1, 6)]
    org = Org(
        [acme, beta],
        [
            OrgAsset(ids[0], "c1", SummaryAsset("A1", date(2001, 1, 1), conveyances=(hire,))),
            # Same key, greater id: this one counts for "A1" (in the window).
            OrgAsset(
                ids[1],
                "c1",
                SummaryAsset(
                    "A1", date(2010, 1, 1), inventors=("Smith John",), conveyances=(sale,)
                ),
            ),
            OrgAsset(ids[2], "c1", SummaryAsset("A2", date(1999, 1, 1), conveyances=(hire,))),
            OrgAsset(ids[3], "c2", SummaryAsset("B1", date(2015, 1, 1), conveyances=(loan, sale))),
            OrgAsset(ids[4], "c2", SummaryAsset("B2", None, layout_id=14, conveyances=(hire,))),
        ],
    )
    rows = facts_rows(org, TODAY)
    assert rows == reference_rows(org, TODAY)
    c1, c2, whole = rows
    # A1 (2010) only; Smith John is an inventor, so only Delta Bank is a third party;
    # employees: smith john + the 1999 backfill of A2 (john smith, richard roe).
    assert (c1.assets, c1.transactions, c1.entities, c1.employees) == (1, 1, 1, 2)
    # Arrows 1 x 2; parties: Delta Bank and Smith John (the employee activity 10 is not).
    assert (c1.arrows, c1.parties) == (2, 2)
    assert (c2.assets, c2.transactions, c2.employees) == (1, 2, 0)
    assert (whole.assets, whole.companies) == (2, 2)
