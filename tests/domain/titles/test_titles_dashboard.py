"""BR-036..043: worked examples E74-E78 (§11.6), BR-037 rows/counts, pitfall 13."""

from __future__ import annotations

from datetime import date

import pytest

from domain.titles.chain import evaluate_chain
from domain.titles.dashboard import (
    SummaryAsset,
    dashboard_items,
    in_floor_scope,
    in_summary_window,
    item_counts,
    summary_metrics,
    worst_status,
)
from domain.titles.names import name_key
from domain.titles.types import Activity, ChainStatus
from tests.domain.titles.titles_helpers import sequence, typed

TODAY = date(2026, 11, 22)


def act(activity_id: int, who: str) -> Activity:
    return Activity(
        "c1", f"rf-{who}", activity_id, f"key:{name_key(who)}", who, "key:acme corp", None
    )


def test_E74_activities_metric_counts_groups() -> None:
    acts = [act(i, f"P{i}") for i in (1, 2, 5, 10, 11, 12, 13)]
    m = summary_metrics("c1", [], acts, frozenset(), TODAY)
    assert m.activities == 4


def test_E75_parties_exclude_employee_activities() -> None:
    acts = [act(1, "Beta"), act(2, "Gamma"), act(10, "Smith John"), act(12, "First Bank")]
    assert summary_metrics("c1", [], acts, frozenset(), TODAY).parties == 3


@pytest.mark.parametrize(
    ("filed", "in_floor"),
    [(date(1999, 12, 31), False), (date(2000, 1, 1), True), (None, False)],
    ids=["E76-1999-12-31", "E76-2000-01-01", "E76-null"],
)
def test_E76_floor_scope(filed: date | None, in_floor: bool) -> None:
    assert in_floor_scope(filed) is in_floor


@pytest.mark.parametrize(
    ("filed", "in_window"),
    [(date(2002, 12, 31), False), (date(2003, 1, 1), True), (None, False)],
    ids=["E76-window-2002-12-31", "E76-window-2003-01-01", "E76-window-null"],
)
def test_E76_summary_window_moves_with_the_utc_year(filed: date | None, in_window: bool) -> None:
    assert in_summary_window(filed, TODAY) is in_window
    # Pitfall 13: the window moves every 1 January.
    assert in_summary_window(date(2003, 1, 1), date(2027, 1, 1)) is False


def test_E77_employees_use_person_keys_and_the_1998_2001_backfill() -> None:
    recent = SummaryAsset("A1", date(2015, 5, 5), inventors=("Smith John", "Lee Ann"))
    old = SummaryAsset(
        "A0",
        date(1999, 6, 1),
        conveyances=(typed("rf1", "employee", ["SMITH, JOHN", "ROE, RICHARD"], ["Acme Corp"]),),
    )
    m = summary_metrics("c1", [recent, old], [], frozenset({"acme corp"}), TODAY)
    assert m.employees == 3
    assert m.assets == 1  # the 1999 asset is outside the summary window


def test_E78_law_firm_row_by_name_key() -> None:
    convs = [typed("rf1", "employee", ["Inv"], ["Acme"], correspondent="FISH & RICHARDSON P.C.")]
    verdict = evaluate_chain(convs)
    items = dashboard_items("A1", verdict, convs, {name_key("Fish & Richardson P.C."): "lf-1"})
    assert [(i.type, i.law_firm) for i in items] == [(0, None), (20, "lf-1")]


def test_summary_transactions_entities_and_arrows() -> None:
    convs = (
        typed("rf1", "employee", ["Smith John"], ["Acme Corp"]),
        typed("rf2", "security", ["Acme Corp"], ["First Bank", "Second Bank"]),
        typed("rf3", "assignment", ["Acme Corp", "Smith, John"], ["Beta LLC"]),
    )
    asset = SummaryAsset("A1", date(2015, 1, 1), inventors=("John Smith",), conveyances=convs)
    m = summary_metrics("c1", [asset, asset], [], frozenset({"acme corp"}), TODAY, companies=1)
    assert (m.assets, m.transactions) == (1, 3)
    # Third parties: the banks and Beta; not the inventor, not the org itself.
    assert m.entities == 3
    assert m.arrows == 1 + 2 + 2
    assert m.companies == 1


def test_summary_respects_layout_id() -> None:
    asset = SummaryAsset("A1", date(2015, 1, 1), layout_id=14)
    assert summary_metrics("c1", [asset], [], frozenset(), TODAY).assets == 0
    assert summary_metrics("c1", [asset], [], frozenset(), TODAY, layout_id=14).assets == 1


def test_item_counts_per_type() -> None:
    enc = evaluate_chain(sequence(("employee", ["Inv"], ["Acme"]), ("security", ["Acme"], ["B1"]),
                                  ("security", ["Acme"], ["B2"])))  # fmt: skip
    broken = evaluate_chain(sequence(("assignment", ["Acme"], ["Beta"])))
    items = dashboard_items("A1", enc) + dashboard_items("A2", broken)
    counts = {(c.type, c.assets, c.rows) for c in item_counts(None, items)}
    assert counts == {(0, 1, 1), (18, 1, 2), (1, 1, 1)}
    assert all(c.company_id is None for c in item_counts(None, items))


def test_BR037_primary_status_order() -> None:
    S = ChainStatus
    assert worst_status([S.COMPLETE, S.ENCUMBERED]) is S.ENCUMBERED
    assert worst_status([S.ENCUMBERED, S.BROKEN, S.COMPLETE]) is S.BROKEN
    assert worst_status([]) is S.COMPLETE
