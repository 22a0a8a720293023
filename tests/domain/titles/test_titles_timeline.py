"""Step 4 timeline: one row per counterparty, P5 seq, licences included, scope filter."""

from __future__ import annotations

from datetime import date

from domain.titles.timeline import build_timeline, timeline_category
from domain.titles.types import OrgCompany
from tests.domain.titles.titles_helpers import typed

ACME = OrgCompany("c1", ("Acme Corp",))


def test_rows_per_counterparty_with_roles_dates_and_categories() -> None:
    convs = [
        typed("r2", "license", ["ACME CORP."], ["Lic A", "Lic B"], exec_dt=date(2021, 1, 1)),
        typed("r1", "employee", ["Smith John"], ["Acme Corp"], exec_dt=date(2020, 1, 1)),
        typed("r3", "assignment", ["Other Co"], ["Else Inc"], exec_dt=date(2022, 1, 1)),
    ]
    rows = build_timeline(convs, [ACME])
    got = [(r.seq, r.rf_id, r.party_role, r.raw_name, r.category, r.color) for r in rows]
    assert got == [
        (1, "r1", "assignor", "Smith John", "employee", "#E60000"),
        (2, "r2", "assignee", "Lic A", "license", "#E6E600"),
        (2, "r2", "assignee", "Lic B", "license", "#E6E600"),
    ]
    assert rows[1].exec_dt == date(2021, 1, 1)


def test_in_scope_assets_only() -> None:
    convs = [typed("r1", "security", ["Acme Corp"], ["Bank"], docs=("OLD1",))]
    assert build_timeline(convs, [ACME], in_scope_assets={"NEW1"}) == []
    (row,) = build_timeline(convs, [ACME], in_scope_assets={"OLD1"})
    assert (row.category, row.asset_count) == ("encumbrance", 1)


def test_categories() -> None:
    assert timeline_category(typed("r", "correct", ["A"], ["B"])) == "ownership"
    assert timeline_category(typed("r", "govern", ["A"], ["B"])) == "administrative"
    assert timeline_category(typed("r", "release", ["A"], ["B"])) == "encumbrance"
    assert timeline_category(typed("r", "licenseend", ["A"], ["B"])) == "license"
    assert timeline_category(typed("r", "employee", ["A"], ["B"])) == "employee"
