"""BR-024..031, BR-038: worked examples E69-E75 (§11.6), pitfalls 15 and 19."""

from __future__ import annotations

from datetime import date

import pytest

from domain.titles.categories import activity_group, line_style, tree_color, tree_tab
from domain.titles.tree import build_activities, build_tree
from domain.titles.types import Conveyance, ConveyanceType, OrgCompany, Party, TypedConveyance
from tests.domain.titles.titles_helpers import typed

T = ConveyanceType
ACME = OrgCompany("c-acme", ("Acme Corp", "ACME CORP", "ACME CORPORATION"))


def rows(*convs: TypedConveyance) -> list[tuple[int, int, str, str]]:
    return [(r.tree_type, r.tab, r.display_name, r.color) for r in build_tree(list(convs), [ACME])]


def acts(*convs: TypedConveyance) -> list[tuple[str, int, str]]:
    return [
        (a.rf_id, a.activity_id, a.counterparty_name) for a in build_activities(list(convs), [ACME])
    ]


EXAMPLES = [
    ("E69", [typed("r1", "employee", ["Smith John"], ["Acme Corp"])],
     [(0, 0, "Smith John", "#E60000")], [("r1", 10, "Smith John")]),
    ("E70", [typed("r1", "assignment", ["Beta Inc"], ["Acme Corp"]),
             typed("r2", "assignment", ["ACME CORPORATION"], ["Gamma LLC"])],
     [(1, 1, "Beta Inc", "#E60000"), (2, 1, "Gamma LLC", "#E60000")],
     [("r1", 1, "Beta Inc"), ("r2", 2, "Gamma LLC")]),
    ("E71", [typed("r1", "security", ["Acme Corp"], ["First Bank"]),
             typed("r2", "release", ["First Bank"], ["Acme Corp"])],
     [(5, 2, "First Bank", "#ffaa00"), (7, 2, "First Bank", "#70A800")],
     [("r1", 12, "First Bank"), ("r2", 13, "First Bank")]),
    ("E72", [typed("r1", "security", ["Startup Co"], ["Acme Corp"]),
             typed("r2", "license", ["Acme Corp"], ["Licensee Inc"])],
     [(6, 2, "Startup Co", "#ffaa00")],
     [("r1", 5, "Startup Co"), ("r2", 4, "Licensee Inc")]),
    ("E73", [typed("r1", "namechg", ["Acme Inc"], ["Acme Corp"])],
     [(9, 3, "Acme Inc", "#2493f2")], [("r1", 1, "Acme Inc")]),
]  # fmt: skip


@pytest.mark.parametrize(("convs", "tree", "activities"), [e[1:] for e in EXAMPLES],
                         ids=[e[0] for e in EXAMPLES])  # fmt: skip
def test_worked_example_tree_and_activities(
    convs: list[TypedConveyance],
    tree: list[tuple[int, int, str, str]],
    activities: list[tuple[str, int, str]],
) -> None:
    assert sorted(rows(*convs)) == sorted(tree)
    assert sorted(acts(*convs)) == sorted(activities)


def test_E74_activity_groups() -> None:
    ids = {1, 2, 5, 10, 11, 12, 13}
    assert {activity_group(i) for i in ids} == {1, 2, 5, 10}
    assert activity_group(16) == 5
    assert activity_group(6) == 6


def test_tree_row_aggregates_assets_dates_and_rf_ids() -> None:
    convs = [
        typed("r1", "assignment", ["Beta Inc"], ["Acme Corp"], docs=("A1", "A2"),
              exec_dt=date(2020, 1, 1)),
        typed("r2", "assignment", ["Beta Inc"], ["ACME CORP."], docs=("A2", "A3"),
              exec_dt=date(2021, 1, 1)),
    ]  # fmt: skip
    (row,) = build_tree(convs, [ACME])
    assert (row.tree_type, row.asset_count, row.rf_ids) == (1, 3, ("r1", "r2"))
    assert row.last_activity_date == date(2021, 1, 31)
    (scoped,) = build_tree(convs, [ACME], org_asset_keys={"A1"})
    assert scoped.asset_count == 1


def test_license_is_never_a_tree_row() -> None:
    assert rows(typed("r1", "license", ["Beta Inc"], ["Acme Corp"])) == []


def test_employee_row_needs_the_org_as_assignee() -> None:
    assert rows(typed("r1", "employee", ["Smith John"], ["Other Corp"])) == []


def test_pitfall_19_intra_org_transfer_yields_purchase_and_sale() -> None:
    conv = typed("r1", "assignment", ["ACME CORPORATION"], ["Acme Corp"])
    assert sorted(r[0] for r in rows(conv)) == [1, 2]


def test_pitfall_15_rows_are_scoped_per_company() -> None:
    beta = OrgCompany("c-beta", ("Beta Inc",))
    convs = [
        typed("r1", "assignment", ["Gamma LLC"], ["Acme Corp"]),
        typed("r2", "assignment", ["Delta LLC"], ["Beta Inc"]),
    ]
    result = build_tree(convs, [ACME, beta])
    assert {(r.company_id, r.display_name) for r in result} == {
        ("c-acme", "Gamma LLC"),
        ("c-beta", "Delta LLC"),
    }


def test_canonical_group_name_is_displayed() -> None:
    conv = Conveyance("r1", 1, 1, "ASSIGNMENT", None,
                      assignors=(Party("BETA INCORPORATED", entity_id="e9",
                                       canonical_name="Beta Inc"),),
                      assignees=(Party("Acme Corp"),))  # fmt: skip
    (row,) = build_tree([TypedConveyance(conv, T.ASSIGNMENT)], [ACME])
    assert (row.display_name, row.entity_id) == ("Beta Inc", "e9")


@pytest.mark.parametrize(
    ("tree_type", "tab", "color"),
    [(0, 0, "#E60000"), (1, 1, "#E60000"), (4, 1, "#E60000"), (5, 2, "#ffaa00"),
     (6, 2, "#ffaa00"), (7, 2, "#70A800"), (8, 2, "#70A800"), (9, 3, "#2493f2"),
     (10, 3, "#E60000"), (13, 3, "#E60000")],
)  # fmt: skip
def test_BR031_tree_colours_and_tabs(tree_type: int, tab: int, color: str) -> None:
    assert (tree_tab(tree_type), tree_color(tree_type)) == (tab, color)


@pytest.mark.parametrize(
    ("ctype", "line", "color", "dashed"),
    [(T.ASSIGNMENT, "Ownership", "#E60000", False), (T.NAMECHG, "Name Change", "#2493f2", False),
     (T.SECURITY, "Security", "#ffaa00", False), (T.RELEASE, "Release", "#70A800", False),
     (T.PARTIALRELEASE, "Partial Release", "#70A800", True),
     (T.LICENSE, "License", "#E6E600", False),
     (T.LICENSEEND, "License End", "#E6E600", True), (T.CORRECT, "Correct", "#E60000", True),
     (T.MISSING, "Ownership", "#E60000", False)],
)  # fmt: skip
def test_BR031_D22_line_styles(ctype: T, line: str, color: str, dashed: bool) -> None:
    style = line_style(ctype)
    assert (style.line_type, style.color, style.dashed) == (line, color, dashed)
