"""Step 8 diagram payload: worked example E79 (§11.6), D16/D22 settlements, golden shape."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from domain.titles import RULESET_VERSION
from domain.titles.chain import evaluate_chain
from domain.titles.diagram import DiagramAsset, build_diagram
from domain.titles.types import OrgCompany, TypedConveyance
from tests.domain.titles.titles_helpers import sequence, typed

ASSET = DiagramAsset(appno="16123456", grant="11222333", title="Widget", status="granted")


def diagram(convs: list[TypedConveyance], **kw: Any) -> dict[str, Any]:
    return build_diagram(ASSET, convs, evaluate_chain(convs), **kw)


def test_E79_diagram_of_E66() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("security", ["Acme"], ["Bank"]),
        ("assignment", ["Acme"], ["Beta"]),
    )
    d = diagram(convs, run_id="run-1", generated_at="2026-11-22T12:00:00Z")
    boxes = {b["name"]: b for b in d["boxes"]}
    assert {n: (b["boxType"], b["segment"]) for n, b in boxes.items()} == {
        "Inv": ("inventor", 0),
        "Acme": ("ownership", 1),
        "Bank": ("security", 2),
        "Beta": ("ownership", 1),
    }
    assert boxes["Acme"]["parent"] == boxes["Inv"]["id"]
    assert boxes["Beta"]["parent"] == boxes["Acme"]["id"]
    assert boxes["Bank"]["parent"] is None
    ids = {b["id"]: n for n, b in boxes.items()}
    links = [(c["ordinal"], ids[c["from"]], ids[c["to"]], c["color"]) for c in d["connections"]]
    assert links == [
        (1, "Inv", "Acme", "#E60000"),
        (2, "Acme", "Bank", "#ffaa00"),
        (3, "Acme", "Beta", "#E60000"),
    ]
    assert d["arrows"] == 3
    assert d["rootEntity"] == ["Beta"]
    assert d["isBrokenTitle"] is False
    assert d["meta"]["rulesetVersion"] == RULESET_VERSION
    assert d["meta"]["runId"] == "run-1"
    assert [entry["category"] for entry in d["legend"]] == ["Ownership", "Security"]
    json.dumps(d)  # JSON-ready for jsonb storage (D16)


def test_D22_multi_party_conveyance_draws_one_edge_per_pair_sharing_the_ordinal() -> None:
    convs = [typed("rf1", "employee", ["Inv A", "Inv B"], ["Acme", "Beta"])]
    d = diagram(convs)
    assert len(d["connections"]) == 4
    assert {c["ordinal"] for c in d["connections"]} == {1}


def test_D22_routing_straight_within_lane_curved_across() -> None:
    convs = sequence(("employee", ["Inv"], ["Acme"]), ("assignment", ["Acme"], ["Beta"]))
    routing = [c["routing"] for c in diagram(convs)["connections"]]
    assert routing == ["curved", "straight"]


def test_D22_license_end_and_correct_are_dashed_in_their_family_colour() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("licenseend", ["Acme"], ["Licensee"]),
        ("correct", ["Inv"], ["Acme"]),
    )
    by_cat = {c["category"]: c for c in diagram(convs)["connections"]}
    assert (by_cat["License End"]["color"], by_cat["License End"]["dashed"]) == ("#E6E600", True)
    assert (by_cat["Correct"]["color"], by_cat["Correct"]["dashed"]) == ("#E60000", True)


def test_lanes_for_licensee_lender_and_third_party() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("license", ["Acme"], ["Licensee Inc"]),
        ("security", ["Stranger LLC"], ["Bank"]),
        ("release", ["Bank"], ["Acme"]),
    )
    lanes = {b["name"]: (b["boxType"], b["lane"]) for b in diagram(convs)["boxes"]}
    assert lanes == {
        "Inv": ("inventor", 0),
        "Acme": ("ownership", 1),
        "Licensee Inc": ("license", 1),
        "Stranger LLC": ("third_party", 3),
        "Bank": ("security", 2),
    }


def test_correct_mentioning_security_goes_to_the_security_lane() -> None:
    convs = [
        typed("rf1", "employee", ["Inv"], ["Acme"], exec_dt=date(2020, 1, 1)),
        typed("rf2", "correct", ["Acme"], ["Bank"], exec_dt=date(2021, 1, 1),
              text="CORRECTIVE ASSIGNMENT TO CORRECT THE SECURITY AGREEMENT"),
    ]  # fmt: skip
    lanes = {b["name"]: b["boxType"] for b in diagram(convs)["boxes"]}
    assert lanes["Bank"] == "security"


def test_time_runs_down_in_P5_order_regardless_of_input_order() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["Acme"]),
        ("assignment", ["Acme"], ["Beta"]),
        ("assignment", ["Beta"], ["Gamma"]),
    )
    d1, d2 = diagram(convs), diagram(list(reversed(convs)))
    assert d1 == d2
    assert [c["rfId"] for c in d1["connections"]] == ["rf1", "rf2", "rf3"]
    assert d1["meta"]["timeDirection"] == "down"


def test_broken_title_meta_names_the_gap() -> None:
    convs = sequence(("employee", ["Inv"], ["Acme"]), ("assignment", ["Zeta"], ["Omega"]))
    d = diagram(convs)
    assert d["isBrokenTitle"] is True
    assert d["headlineBreak"]["seq"] == 2
    assert "expected Acme" in d["meta"]["gapText"]


def test_bibliographic_inventors_without_links_are_drawn_once() -> None:
    convs = sequence(("employee", ["SMITH, JOHN"], ["Acme"]))
    d = diagram(convs, inventors=["John Smith", "Ann Lee"])
    inventors = [b["name"] for b in d["boxes"] if b["boxType"] == "inventor"]
    assert inventors == ["SMITH, JOHN", "Ann Lee"]


def test_node_type_reflects_the_org_relationship() -> None:
    convs = sequence(("employee", ["Inv"], ["Acme Corp"]), ("assignment", ["Acme Corp"], ["Beta"]))
    acme = OrgCompany("c1", ("ACME CORPORATION",), display="Acme Corporation")
    types = {b["name"]: b["type"] for b in diagram(convs, companies=[acme])["boxes"]}
    assert types["Inv"] == "employee"
    assert types["Beta"] == "sale"
    assert "Acme Corporation" in types  # org aliases show the org's canonical name


def test_org_aliases_are_one_node() -> None:
    convs = sequence(
        ("employee", ["Inv"], ["ACME CORP."]),
        ("assignment", ["Acme Corporation"], ["Beta"]),
    )
    acme = OrgCompany("c1", ("Acme Corp",))
    boxes = diagram(convs, companies=[acme])["boxes"]
    assert [b["name"] for b in boxes] == ["Inv", "Acme Corp", "Beta"]


def test_org_names_alone_still_drive_node_types() -> None:
    convs = sequence(("employee", ["Inv"], ["Acme Corp"]), ("assignment", ["Acme Corp"], ["Beta"]))
    types = {b["name"]: b["type"] for b in diagram(convs, org_names=["ACME CORP."])["boxes"]}
    assert types["Beta"] == "sale"
    assert "Acme Corp" in types
