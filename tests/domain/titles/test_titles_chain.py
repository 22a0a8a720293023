"""BR-032..036 and D2: worked examples E54-E68 (§11.5), pitfalls 6-8, properties."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.titles.chain import evaluate_chain
from domain.titles.dashboard import dashboard_items
from domain.titles.liens import liens_by_secured_party, match_releases
from domain.titles.ownership import current_owner
from domain.titles.types import BreakReason, ChainStatus, ChainVerdict, TypedConveyance
from tests.domain.titles.titles_helpers import sequence, typed

B = BreakReason
S = ChainStatus


def dash_types(verdict: ChainVerdict) -> set[int]:
    return {item.type for item in dashboard_items("A1", verdict)}


EXAMPLES: list[tuple[str, list[TypedConveyance], S, tuple[B, ...], set[int]]] = [
    ("E54", sequence(("employee", ["John Smith"], ["Acme Corp"]),
                     ("assignment", ["Acme Corp"], ["TechVentures"])), S.COMPLETE, (), {0}),
    ("E55", sequence(("employee", ["Inventor"], ["Acme Corp"]),
                     ("assignment", ["Unknown Corp"], ["TechVentures"])),
     S.BROKEN, (B.CHAIN_BREAK,), {1}),
    ("E56", sequence(("assignment", ["Acme Corp"], ["TechVentures"])),
     S.BROKEN, (B.NO_EMPLOYEE_START,), {1}),
    ("E57", sequence(("employee", ["Inventor"], ["Acme Corp"]),
                     ("security", ["Acme Corp"], ["Bank"])), S.ENCUMBERED, (), {0, 18}),
    ("E58", sequence(("employee", ["Inventor"], ["Acme Corp"]),
                     ("security", ["Acme Corp"], ["Bank"]),
                     ("release", ["Bank"], ["Acme Corp"])), S.COMPLETE, (), {0}),
    ("E59", sequence(("employee", ["Inventor"], ["Acme Corp"]),
                     ("assignment", ["Acme Corp."], ["TechVentures"])), S.COMPLETE, (), {0}),
    ("E60", [], S.BROKEN, (B.NO_TRANSACTIONS,), {1}),
    ("E62", sequence(("employee", ["Inv"], ["Acme"]), ("assignment", ["Acme"], ["Beta"]),
                     ("correct", ["Acme"], ["Beta"])), S.COMPLETE, (), {0}),
    ("E63", sequence(("employee", ["Inv"], ["Acme"]), ("assignment", ["Acme"], ["Beta"]),
                     ("assignment", ["Acme"], ["Gamma"])),
     S.BROKEN, (B.CONFLICTING_TRANSFER,), {1}),
    ("E64", sequence(("employee", ["Inv1"], ["Acme"]), ("employee", ["Inv2"], ["Acme"]),
                     ("assignment", ["Acme"], ["Beta"])), S.COMPLETE, (), {0}),
    ("E65", sequence(("employee", ["Inv"], ["Acme Inc"]),
                     ("namechg", ["Acme Inc"], ["Acme Holdings Inc"]),
                     ("assignment", ["Acme Holdings Inc"], ["Beta LLC"])), S.COMPLETE, (), {0}),
    ("E66", sequence(("employee", ["Inv"], ["Acme"]), ("security", ["Acme"], ["Bank"]),
                     ("assignment", ["Acme"], ["Beta"])), S.ENCUMBERED, (), {0, 18}),
    ("E67", sequence(("employee", ["Inv"], ["Acme", "State University"]),
                     ("assignment", ["State University"], ["Beta"])), S.COMPLETE, (), {0}),
    ("E68", sequence(("employee", ["Inv"], ["Acme"]), ("missing", ["Zeta"], ["Omega"])),
     S.BROKEN, (B.BREAK_AT_UNCLASSIFIED,), {1}),
]  # fmt: skip


@pytest.mark.parametrize(("convs", "status", "reasons", "rows"), [e[1:] for e in EXAMPLES],
                         ids=[e[0] for e in EXAMPLES])  # fmt: skip
def test_worked_example_chain(
    convs: list[TypedConveyance], status: S, reasons: tuple[B, ...], rows: set[int]
) -> None:
    verdict = evaluate_chain(convs)
    assert verdict.status is status
    assert verdict.reasons == reasons
    assert dash_types(verdict) == rows


def test_E54_details() -> None:
    v = evaluate_chain(EXAMPLES[0][1])
    assert v.has_employee_start and v.employee_links == 1 and v.chain_length == 2
    assert v.current_holders == ("TechVentures",)


@pytest.mark.parametrize(
    ("example", "seq", "expected", "actual"),
    [("E55", 2, ("Acme Corp",), ("Unknown Corp",)), ("E63", 3, ("Beta",), ("Acme",)),
     ("E68", 2, ("Acme",), ("Zeta",))],
    ids=["E55-break-point", "E63-break-point", "E68-break-point"],
)  # fmt: skip
def test_exact_break_point(
    example: str, seq: int, expected: tuple[str, ...], actual: tuple[str, ...]
) -> None:
    convs = next(e[1] for e in EXAMPLES if e[0] == example)
    v = evaluate_chain(convs)
    assert v.headline_break is not None
    assert v.headline_break.seq == seq
    assert v.headline_break.after_rf == f"rf{seq}"
    assert (v.headline_break.expected, v.headline_break.actual) == (expected, actual)
    item = dashboard_items("A1", v)[0]
    assert item.type == 1 and item.rf_id == f"rf{seq}"


def test_E57_open_security_row_names_the_security() -> None:
    v = evaluate_chain(EXAMPLES[3][1])
    assert v.open_security_rf_ids == ("rf2",)
    assert [(i.type, i.rf_id) for i in dashboard_items("A1", v)] == [(0, None), (18, "rf2")]


def test_E61_execution_date_order_avoids_false_break() -> None:
    convs = [
        typed("rf3", "assignment", ["Beta"], ["Gamma"], exec_dt=date(2017, 5, 2),
              record_dt=date(2017, 6, 1)),
        typed("rf2", "assignment", ["Acme"], ["Beta"], exec_dt=date(2016, 1, 10),
              record_dt=date(2018, 3, 5)),
        typed("rf1", "employee", ["Inv"], ["Acme"], exec_dt=date(2015, 2, 1),
              record_dt=date(2015, 3, 1)),
    ]  # fmt: skip
    v = evaluate_chain(convs)
    assert v.status is S.COMPLETE
    assert v.current_holders == ("Gamma",)
    # Ordering by record date would put Beta -> Gamma before Acme -> Beta: a false break.
    by_record = sorted(convs, key=lambda c: c.conveyance.record_dt or date.min)
    assert [c.rf_id for c in by_record] == ["rf1", "rf3", "rf2"]


def test_E64_counts_employee_links() -> None:
    assert evaluate_chain(next(e[1] for e in EXAMPLES if e[0] == "E64")).employee_links == 2


def test_pitfall_6_earliest_assignor_exec_date_orders_a_conveyance() -> None:
    emp = typed("rf1", "employee", ["Inv A", "Inv B"], ["Acme"], exec_dt=date(2016, 6, 1))
    # Co-inventor A signed early: the employee link precedes Acme -> Beta.
    early = emp.conveyance.assignors[0].__class__("Inv A", exec_dt=date(2016, 1, 1))
    emp = TypedConveyance(
        emp.conveyance.__class__(**{**emp.conveyance.__dict__,
                                    "assignors": (early, emp.conveyance.assignors[1])}),
        emp.conveyance_type, True,
    )  # fmt: skip
    sale = typed("rf2", "assignment", ["Acme"], ["Beta"], exec_dt=date(2016, 3, 1))
    assert evaluate_chain([sale, emp]).status is S.COMPLETE


def test_pitfall_7_multi_party_overlap_not_first_pair() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme", "Beta"]),
        ("assignment", ["Gamma", "Beta"], ["Delta"]),
    )
    assert evaluate_chain(convs).status is S.COMPLETE


def test_conflicting_transfer_names_before_and_after() -> None:
    v = evaluate_chain(next(e[1] for e in EXAMPLES if e[0] == "E63"))
    assert v.headline_break is not None
    assert (v.headline_break.before_rf, v.headline_break.after_rf) == ("rf2", "rf3")
    assert v.current_holders == ("Gamma",)
    assert v.supporting_rf_ids == ("rf3",)


def test_release_by_a_stranger_clears_only_by_date_and_is_flagged() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("security", ["Acme"], ["First Bank"]),
        ("security", ["Acme"], ["Second Lender"]),
        ("release", ["Second Lender"], ["Acme"]),
        ("release", ["Someone Else"], ["Acme"]),
    )
    open_liens, matches = match_releases(convs)
    assert open_liens == []
    assert [(m.release_rf_id, m.security_rf_id, m.matched_by_date_only) for m in matches] == [
        ("rf4", "rf3", False),
        ("rf5", "rf2", True),
    ]


def test_D2_open_liens_per_asset_and_per_secured_party() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("security", ["Acme"], ["First Bank"]),
        ("security", ["Acme"], ["Second Lender"]),
        ("release", ["First Bank"], ["Acme"]),
        ("assignment", ["Acme"], ["Beta"]),
    )
    owner = current_owner(convs)
    assert owner.holders == ("Beta",)
    assert owner.status is S.ENCUMBERED
    assert owner.supporting_rf_ids == ("rf1", "rf5")
    assert [lien.rf_id for lien in owner.open_liens] == ["rf3"]
    assert owner.open_liens[0].secured_parties == ("Second Lender",)
    by_lender = liens_by_secured_party({"A1": owner.open_liens, "A2": owner.open_liens})
    assert by_lender == {"key:second lender": [("A1", "rf3"), ("A2", "rf3")]}


def test_release_before_security_does_not_clear_it() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("release", ["Bank"], ["Acme"]),
        ("security", ["Acme"], ["Bank"]),
    )
    v = evaluate_chain(convs)
    assert v.status is S.ENCUMBERED
    assert v.release_matches[0].security_rf_id is None


def test_only_non_chain_conveyances_is_no_transactions() -> None:
    v = evaluate_chain(sequence(("security", ["Acme"], ["Bank"])))
    assert v.reasons == (B.NO_TRANSACTIONS,)


_WORDS = [
    "Acme",
    "Beta",
    "Gamma",
    "Delta",
    "Omega",
    "Zeta",
    "Kappa",
    "Sigma",
    "Tau",
    "Rho",
    "Iota",
    "Lambda",
    "Theta",
]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 5),
    st.integers(0, 3),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_a_chain_with_a_gap_is_never_complete(
    before: int, after: int, noise: bool, rnd: random.Random
) -> None:
    names = [f"{w} Corp" for w in _WORDS]
    rnd.shuffle(names)
    holders = iter(names)
    cur = next(holders)
    links: list[tuple[str, list[str], list[str]]] = [("employee", ["Inventor Person"], [cur])]
    for _ in range(before):
        nxt = next(holders)
        links.append(("assignment", [cur], [nxt]))
        cur = nxt
    stranger, new = next(holders), next(holders)
    gap_index = len(links)
    links.append((rnd.choice(["assignment", "merger", "missing"]), [stranger], [new]))
    cur = new
    for _ in range(after):
        nxt = next(holders)
        links.append(("assignment", [cur], [nxt]))
        cur = nxt
    convs = sequence(*links)
    if noise:
        convs.append(typed("rfx", "security", [cur], ["Lender Bank"], exec_dt=date(2014, 1, 1)))
        convs.append(typed("rfy", "license", [stranger], ["Licensee"], exec_dt=date(2030, 1, 1)))
    rnd.shuffle(convs)
    v = evaluate_chain(convs)
    assert v.status is S.BROKEN
    assert v.status is not S.COMPLETE
    assert v.headline_break is not None
    assert v.headline_break.after_rf == f"rf{gap_index + 1}"


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 6), st.randoms(use_true_random=False))
def test_continuous_chains_are_complete_in_any_input_order(n: int, rnd: random.Random) -> None:
    names = [f"{w} Corp" for w in _WORDS]
    links: list[tuple[str, list[str], list[str]]] = [("employee", ["Inventor Person"], [names[0]])]
    links += [("assignment", [names[i]], [names[i + 1]]) for i in range(n)]
    convs = sequence(*links)
    rnd.shuffle(convs)
    v = evaluate_chain(convs)
    assert v.status is S.COMPLETE
    assert v.current_holders == (names[n],)
    assert len(v.supporting_rf_ids) == n + 1


def test_record_dates_missing_sort_last() -> None:
    a = typed("rf1", "employee", ["Inv"], ["Acme"], exec_dt=None, record_dt=None)
    b = typed("rf2", "assignment", ["Acme"], ["Beta"], exec_dt=date(2020, 1, 1))
    v = evaluate_chain([a, b])
    # rf2 comes first (dated), so Beta is the first holder; rf1 then restarts with an employee
    # link: the undated conveyance is placed last, as P5 requires.
    assert v.current_holders == ("Acme",)
    assert v.supporting_rf_ids == ("rf2", "rf1")


def test_late_inventor_confirmation_to_a_former_holder_does_not_roll_title_back() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("assignment", ["Acme"], ["Beta"]),
        ("employee", ["Inv"], ["Acme"]),  # confirmatory inventor assignment, recorded late
        ("assignment", ["Beta"], ["Gamma"]),
    )
    v = evaluate_chain(convs)
    assert v.status is S.COMPLETE
    assert v.employee_links == 2
    assert v.current_holders == ("Gamma",)


def test_employee_link_to_a_new_party_still_restarts_title() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("assignment", ["Acme"], ["Beta"]),
        ("employee", ["Inv"], ["Delta"]),
    )
    assert evaluate_chain(convs).current_holders == ("Delta",)


def test_co_inventors_assigning_separately_keep_every_co_owner() -> None:
    convs = sequence(
        ("employee", ["Penney, Kathryn"], ["Dana-Farber Inc", "Brigham Hospital Inc"]),
        ("employee", ["Loda, Massimo", "Tyekucheva, Svitlana"], ["Dana-Farber Inc"]),
    )
    v = evaluate_chain(convs)
    assert v.status is S.COMPLETE
    assert v.current_holders == ("Dana-Farber Inc", "Brigham Hospital Inc")
    assert v.employee_links == 2
