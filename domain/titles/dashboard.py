"""Dashboard rows, counts, scopes and summary metrics BR-037..043 (§6, steps 6 and 7)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from domain.titles.categories import activity_group, is_employee_link
from domain.titles.names import name_key, person_key
from domain.titles.parties import arrows, party_id
from domain.titles.types import Activity, ChainBreak, ChainStatus, ChainVerdict, TypedConveyance

DASH_COMPLETE = 0
DASH_BROKEN = 1
DASH_ENCUMBRANCE = 18
DASH_LAW_FIRM = 20
DEFAULT_FLOOR_YEAR = 1999
DEFAULT_LAYOUT_ID = 15
SUMMARY_WINDOW_YEARS = 24
# BR-041: inventor bibliographic data is incomplete for filings of these years.
EMPLOYEE_BACKFILL_YEARS = range(1998, 2002)
_STATUS_RANK = {ChainStatus.BROKEN: 0, ChainStatus.ENCUMBERED: 1, ChainStatus.COMPLETE: 2}


@dataclass(frozen=True)
class DashboardItem:
    """BR-037 dashboard row (types 0, 1, 18, 20)."""

    asset_key: str
    type: int
    rf_id: str | None = None
    headline_break: ChainBreak | None = None
    law_firm: str | None = None


@dataclass(frozen=True)
class ItemCount:
    """BR-037 `dashboard_item_counts` row; company_id None = org level (BR-042)."""

    company_id: str | None
    type: int
    assets: int
    rows: int


@dataclass(frozen=True)
class SummaryAsset:
    """BR-043 input: one of the company's assets with its inventors and conveyances."""

    key: str
    appno_date: date | None
    layout_id: int = DEFAULT_LAYOUT_ID
    inventors: tuple[str, ...] = ()
    conveyances: tuple[TypedConveyance, ...] = ()


@dataclass(frozen=True)
class SummaryMetrics:
    """BR-043 `summary_metrics` row; company_id None = org row (BR-042)."""

    company_id: str | None
    assets: int
    transactions: int
    employees: int
    parties: int
    entities: int
    activities: int
    arrows: int
    companies: int


def in_floor_scope(appno_date: date | None, floor_year: int = DEFAULT_FLOOR_YEAR) -> bool:
    """BR-039 / P6: filed after the floor year (exclusive); NULL filing dates are out."""
    return appno_date is not None and appno_date.year > floor_year


def in_summary_window(appno_date: date | None, today: date) -> bool:
    """BR-043 / P6: year(appno_date) > current UTC year - 24; NULL is out."""
    return appno_date is not None and appno_date.year > today.year - SUMMARY_WINDOW_YEARS


def primary_status(verdict: ChainVerdict) -> ChainStatus:
    """BR-037: broken > encumbered > complete (the verdict status already ranks them)."""
    return verdict.status


def worst_status(statuses: Iterable[ChainStatus]) -> ChainStatus:
    """BR-037 filter order across several verdicts: broken > encumbered > complete."""
    return min(statuses, key=_STATUS_RANK.__getitem__, default=ChainStatus.COMPLETE)


def dashboard_items(
    asset_key: str,
    verdict: ChainVerdict,
    conveyances: Sequence[TypedConveyance] = (),
    law_firms: Mapping[str, str] | None = None,
) -> list[DashboardItem]:
    """BR-036/037: type 0 or 1 per asset, 18 per open security, 20 per matched law firm."""
    # `law_firms` maps a law-firm master record's name_key -> law-firm id (or name).
    broken = verdict.status is ChainStatus.BROKEN
    items = [
        DashboardItem(
            asset_key,
            DASH_BROKEN if broken else DASH_COMPLETE,
            verdict.headline_break.after_rf if broken and verdict.headline_break else None,
            verdict.headline_break if broken else None,
        )
    ]
    items += [DashboardItem(asset_key, DASH_ENCUMBRANCE, rf) for rf in verdict.open_security_rf_ids]
    if law_firms:
        found = {
            law_firms[k]
            for tc in conveyances
            if (k := name_key(tc.conveyance.correspondent)) and k in law_firms
        }
        items += [DashboardItem(asset_key, DASH_LAW_FIRM, law_firm=f) for f in sorted(found)]
    return items


def item_counts(company_id: str | None, items: Iterable[DashboardItem]) -> list[ItemCount]:
    """BR-037 `dashboard_item_counts`: distinct assets and rows per type for one scope."""
    assets: dict[int, set[str]] = defaultdict(set)
    rows: dict[int, int] = defaultdict(int)
    for it in items:
        assets[it.type].add(it.asset_key)
        rows[it.type] += 1
    return [ItemCount(company_id, t, len(assets[t]), rows[t]) for t in sorted(rows)]


def summary_metrics(
    company_id: str | None,
    assets: Sequence[SummaryAsset],
    activities: Sequence[Activity],
    org_keys: frozenset[str],
    today: date,
    *,
    layout_id: int = DEFAULT_LAYOUT_ID,
    companies: int = 1,
) -> SummaryMetrics:
    """BR-043: summary metrics of one company (or the org row over the union, BR-042)."""
    by_key = {a.key: a for a in assets if a.layout_id == layout_id}
    scoped = [a for a in by_key.values() if in_summary_window(a.appno_date, today)]
    convs = {tc.rf_id: tc for a in scoped for tc in a.conveyances}
    inventors = {person_key(n) for a in scoped for n in a.inventors} - {""}
    # BR-041: employee assignors of 1998-2001 filings augment the employee count.
    backfill = {
        person_key(p.name)
        for a in by_key.values()
        if a.appno_date is not None and a.appno_date.year in EMPLOYEE_BACKFILL_YEARS
        for tc in a.conveyances
        if is_employee_link(tc)
        for p in tc.conveyance.assignors
    }
    third_parties = {
        party_id(p)
        for tc in convs.values()
        if not is_employee_link(tc)
        for p in (*tc.conveyance.assignors, *tc.conveyance.assignees)
        if person_key(p.name) not in inventors and name_key(p.name) not in org_keys
    }
    return SummaryMetrics(
        company_id=company_id,
        assets=len(scoped),
        transactions=len(convs),
        employees=len((inventors | backfill) - {""}),
        parties=len({a.counterparty_entity for a in activities if a.activity_id != 10}),
        entities=len(third_parties),
        activities=len({activity_group(a.activity_id) for a in activities}),
        arrows=sum(arrows(tc.conveyance) for tc in convs.values()),
        companies=companies,
    )
