"""Per-asset summary facts BR-041..043 (issue 6: incremental summaries, step 7).

`summary_metrics` needs an org's whole asset list for the org row (BR-042). Everything one
asset contributes to the BR-043 metrics is a small set of values that does not depend on
the other assets, so it is computed once per asset (`asset_facts`) and stored; the
company rows and the org row are then an aggregation over the stored facts
(`metrics_from_facts` here, one SQL statement in db/repos/summary_facts.py).

What a fact depends on, and so when it must be rewritten: the asset's row (key, company,
layout, filing date), its inventors, its conveyances with their effective classification
and party groups, and the org's expanded companies (`org_keys` and the activities).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from domain.titles.categories import activity_group, is_employee_link
from domain.titles.dashboard import (
    DEFAULT_LAYOUT_ID,
    EMPLOYEE_BACKFILL_YEARS,
    SummaryAsset,
    SummaryMetrics,
    in_summary_window,
)
from domain.titles.names import name_key, person_key
from domain.titles.parties import arrows, party_id
from domain.titles.tree import build_activities
from domain.titles.types import OrgCompany


@dataclass(frozen=True)
class AssetFacts:
    """BR-043: what one asset contributes to its company's and the org's summary rows."""

    asset_id: uuid.UUID
    asset_key: str
    company_id: str | None
    layout_id: int
    appno_date: date | None
    # (rf_id, arrows) per conveyance of the asset (transactions, arrows).
    rf_arrows: tuple[tuple[str, int], ...] = ()
    # Person keys of the asset's inventors, "" dropped (employees).
    inventors: tuple[str, ...] = ()
    # BR-041: person keys of the assignors of its employee links (used for 1998-2001 filings).
    backfill: tuple[str, ...] = ()
    # (party_id, person_key) of the non-org parties of its non-employee conveyances; the
    # inventor exclusion needs the scope's inventor set, so it is applied when aggregating.
    third: tuple[tuple[str, str], ...] = ()
    # (company_id, activity_id, counterparty entity) of §4 activities, every org company.
    activities: tuple[tuple[str, int, str], ...] = ()


def asset_facts(
    asset_id: uuid.UUID,
    company_id: str | None,
    sa: SummaryAsset,
    org_keys: frozenset[str],
    companies: Sequence[OrgCompany],
) -> AssetFacts:
    """BR-043: the facts of one asset (`org_keys`: alias keys of every org company)."""
    convs = sa.conveyances
    return AssetFacts(
        asset_id=asset_id,
        asset_key=sa.key,
        company_id=company_id,
        layout_id=sa.layout_id,
        appno_date=sa.appno_date,
        rf_arrows=tuple(sorted({tc.rf_id: arrows(tc.conveyance) for tc in convs}.items())),
        inventors=tuple(sorted({person_key(n) for n in sa.inventors} - {""})),
        backfill=tuple(
            sorted(
                {
                    person_key(p.name)
                    for tc in convs
                    if is_employee_link(tc)
                    for p in tc.conveyance.assignors
                }
                - {""}
            )
        ),
        third=tuple(
            sorted(
                {
                    (party_id(p), person_key(p.name))
                    for tc in convs
                    if not is_employee_link(tc)
                    for p in (*tc.conveyance.assignors, *tc.conveyance.assignees)
                    if name_key(p.name) not in org_keys
                }
            )
        ),
        activities=tuple(
            sorted(
                {
                    (a.company_id, a.activity_id, a.counterparty_entity)
                    for a in build_activities(convs, companies)
                }
            )
        ),
    )


def metrics_from_facts(
    facts: Iterable[AssetFacts],
    company_id: str | None,
    today: date,
    *,
    layout_id: int = DEFAULT_LAYOUT_ID,
    companies: int = 1,
) -> SummaryMetrics:
    """BR-043 over stored facts (company_id None: the BR-042 org row); == summary_metrics."""
    subset = sorted(
        (f for f in facts if company_id is None or f.company_id == company_id),
        key=lambda f: f.asset_id,
    )
    # Assets are read in id order: among equal keys the last (greatest id) one counts.
    by_key = {f.asset_key: f for f in subset if f.layout_id == layout_id}
    scoped = [f for f in by_key.values() if in_summary_window(f.appno_date, today)]
    # One value per rf (the conveyance's); the greatest, should stored facts disagree.
    rf_arrows: dict[str, int] = {}
    for f in scoped:
        for rf, n in f.rf_arrows:
            rf_arrows[rf] = max(n, rf_arrows.get(rf, n))
    inventors = {k for f in scoped for k in f.inventors} - {""}
    backfill = {
        k
        for f in by_key.values()
        if f.appno_date is not None and f.appno_date.year in EMPLOYEE_BACKFILL_YEARS
        for k in f.backfill
    }
    entities = {pid for f in scoped for pid, pk in f.third if pk not in inventors}
    acts = {
        (act, cp)
        for f in subset
        for cid, act, cp in f.activities
        if company_id is None or cid == company_id
    }
    return SummaryMetrics(
        company_id=company_id,
        assets=len(scoped),
        transactions=len(rf_arrows),
        employees=len((inventors | backfill) - {""}),
        parties=len({cp for act, cp in acts if act != 10}),
        entities=len(entities),
        activities=len({activity_group(act) for act, _cp in acts}),
        arrows=sum(rf_arrows.values()),
        companies=companies,
    )
