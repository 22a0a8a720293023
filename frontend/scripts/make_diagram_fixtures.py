"""Writes the ownership-diagram payload fixtures of frontend/src/diagram/__fixtures__/.

Provenance (D22: "golden payload fixtures built from real sample conveyances"):

* Every payload is produced by the backend's own pure functions, never written by hand:
  records -> ``domain.titles.classify.classify`` (BR-001..012) -> D19 inventors
  (``asset_inventors``) -> BR-022/023 flag (``flag_conveyance``) ->
  ``domain.titles.chain.evaluate_chain`` -> ``domain.titles.diagram.build_diagram``.
* ``real-*`` fixtures are the complete conveyance history of one asset as found in the real
  USPTO daily file ``tests/fixtures/assignments/ad20160101.xml`` (parsed with
  ``domain.ingestion.assignments_xml.iter_assignments``), unchanged.
* ``mixed-*`` fixtures put real conveyances of that file (real parties, texts, reel/frames)
  on one asset to cover a case the single day does not contain (third parties, a gap).
* ``synthetic-long-60`` is the 50+ conveyance asset (frontend.md §4.5): the file has no asset
  with more than 3 conveyances, so a chain is synthesised from the file's real records in
  file order: their real conveyance texts, reel/frames and assignee names, re-dated 75 days
  apart, with each transfer's assignor set to the current holder so the chain continues.

Run from the repository root (the fixtures are committed; rerun when domain/titles changes):

    .venv/bin/python frontend/scripts/make_diagram_fixtures.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from domain.ingestion.assignments_xml import iter_assignments  # noqa: E402
from domain.ingestion.records import AssignmentRecord  # noqa: E402
from domain.titles.chain import evaluate_chain  # noqa: E402
from domain.titles.classify import classify  # noqa: E402
from domain.titles.diagram import DiagramAsset, build_diagram  # noqa: E402
from domain.titles.inventors import asset_inventors, flag_conveyance  # noqa: E402
from domain.titles.names import name_key  # noqa: E402
from domain.titles.types import (  # noqa: E402
    Conveyance,
    ConveyanceType,
    DocumentRef,
    Party,
    TypedConveyance,
)

SAMPLE = ROOT / "tests/fixtures/assignments/ad20160101.xml"
OUT = ROOT / "frontend/src/diagram/__fixtures__"
GENERATED_AT = "2026-11-22T00:00:00Z"  # fixed, so regenerating gives identical files


def to_conveyance(rec: AssignmentRecord) -> Conveyance:
    """The ingestion record as the title engine's input (what the pipeline loads)."""
    return Conveyance(
        rf_id=rec.rf_id,
        reel_no=int(rec.reel_no),
        frame_no=int(rec.frame_no),
        convey_text=rec.convey_text,
        record_dt=rec.record_dt,
        assignors=tuple(Party(name=a.or_name, exec_dt=a.exec_dt) for a in rec.assignors),
        assignees=tuple(Party(name=e.ee_name, country=e.ee_country) for e in rec.assignees),
        documents=tuple(
            DocumentRef(appno=p.appno_doc_num, grant=p.grant_doc_num, pgpub=p.pgpub_doc_num)
            for p in rec.properties
        ),
        exec_dt=rec.exec_dt,
        correspondent=rec.cname,
    )


def payload(asset: DiagramAsset, convs: Sequence[Conveyance]) -> dict[str, Any]:
    """Steps 1, 2, 5 and 8 of the pipeline for one asset, exactly as the worker runs them."""
    classes = {c.rf_id: classify(c.rf_id, c.convey_text) for c in convs}
    inventors, source = asset_inventors((), [(c, classes[c.rf_id].conveyance_type) for c in convs])
    typed: list[TypedConveyance] = []
    for c in convs:
        eff = flag_conveyance(classes[c.rf_id], c, inventors, source)
        typed.append(TypedConveyance(c, eff.conveyance_type, eff.employer_assign))
    verdict = evaluate_chain(typed, source)
    return build_diagram(asset, typed, verdict, run_id="fixture", generated_at=GENERATED_AT)


class Sample:
    """The real sample file, indexed by asset (application number, else grant)."""

    def __init__(self) -> None:
        self.records = [r for r in iter_assignments(SAMPLE) if isinstance(r, AssignmentRecord)]
        self.by_rf = {r.rf_id: r for r in self.records}
        self.by_asset: dict[str, list[AssignmentRecord]] = defaultdict(list)
        for r in self.records:
            for p in r.properties:
                self.by_asset[p.appno_doc_num or p.grant_doc_num or ""].append(r)

    def asset(self, key: str) -> DiagramAsset:
        for r in self.by_asset[key]:
            for p in r.properties:
                if key in (p.appno_doc_num, p.grant_doc_num):
                    return DiagramAsset(appno=p.appno_doc_num, grant=p.grant_doc_num, title=p.title)
        raise KeyError(key)

    def convs(self, key: str) -> list[Conveyance]:
        return [to_conveyance(r) for r in self.by_asset[key]]

    def conv(self, rf_id: str) -> Conveyance:
        return to_conveyance(self.by_rf[rf_id])


def real(sample: Sample, key: str) -> dict[str, Any]:
    return payload(sample.asset(key), sample.convs(key))


def mixed_third_parties(sample: Sample) -> dict[str, Any]:
    """Real employee start of 14678893 plus real securities/releases granted by other
    companies: their grantors never own this asset, so they land in the third-party lane."""
    convs = sample.convs("14678893")
    convs += [
        sample.conv(rf)
        for rf in (
            "037388-0948",
            "037388-0967",
            "037389-0122",
            "037391-0242",
            "037393-0025",
            "037389-0460",
        )
    ]
    convs.append(sample.conv("037389-0228"))  # a real license from a person: third party
    return payload(
        DiagramAsset(
            appno="14678893", grant="9219817", title="Mixed: real conveyances, many third parties"
        ),
        convs,
    )


def mixed_broken(sample: Sample) -> dict[str, Any]:
    """Real history of 14441716 (inventors -> Dana-Farber) plus a real assignment between
    unrelated companies: the chain breaks there (BR-033) and the gap overlay has a target."""
    convs = sample.convs("14441716")
    stranger = next(
        r
        for r in sample.records
        if r.rf_id not in {c.rf_id for c in convs}
        and len(r.assignors) == 1
        and len(r.assignees) == 1
        and r.assignors[0].or_name != r.assignees[0].ee_name
        and "INC" in r.assignors[0].or_name
        and "assignment" in (r.convey_text or "").lower()
    )
    late = to_conveyance(stranger)
    late = replace(
        late,
        assignors=tuple(replace(p, exec_dt=date(2016, 6, 1)) for p in late.assignors),
        record_dt=date(2016, 7, 1),
    )
    return payload(
        DiagramAsset(appno="14441716", title="Mixed: real conveyances with a gap"), [*convs, late]
    )


def synthetic_long(sample: Sample, count: int = 60) -> dict[str, Any]:
    """The 50+ conveyance asset, synthesised from the file's real records (see module doc)."""
    start = sample.conv("037388-0092")  # real: three inventors -> SOUNDBITE COMMUNICATIONS
    day0 = date(2006, 3, 29)
    holders: tuple[Party, ...] = start.assignees
    banks: list[tuple[Party, ...]] = []  # open security interests, oldest first
    convs = [start]
    for rec in sample.records:
        if len(convs) >= count:
            break
        if rec.rf_id == start.rf_id:
            continue
        kind = classify(rec.rf_id, rec.convey_text).conveyance_type
        real_c = to_conveyance(rec)
        assignees = tuple(replace(p, exec_dt=None) for p in real_c.assignees)
        held = {name_key(p.name) for p in holders}
        if kind is ConveyanceType.RELEASE:
            if not banks:
                continue
            assignors, assignees = banks.pop(0), holders
        elif {name_key(p.name) for p in assignees} & held:
            continue  # the holder conveying to itself would not be a new link
        else:
            assignors = holders
        when = day0 + timedelta(days=75 * len(convs))
        convs.append(
            replace(
                real_c,
                assignors=tuple(Party(p.name, country=p.country, exec_dt=when) for p in assignors),
                assignees=assignees,
                exec_dt=when,
                record_dt=when + timedelta(days=30),
                documents=(DocumentRef(appno="14678893", grant="9219817"),),
            )
        )
        if kind is ConveyanceType.SECURITY:
            banks.append(assignees)
        elif kind is not ConveyanceType.LICENSE and kind is not ConveyanceType.RELEASE:
            holders = assignees
    return payload(
        DiagramAsset(
            appno="14678893",
            grant="9219817",
            title=f"Synthetic: {len(convs)} conveyances from real records",
        ),
        convs,
    )


FIXTURES: dict[str, tuple[str, Callable[[Sample], dict[str, Any]]]] = {
    "real-14678893-single": (
        "real: one assignment, three inventors -> one company (D22 one edge per pair)",
        lambda s: real(s, "14678893"),
    ),
    "real-14029180-repeated": (
        "real: the same inventor assigns to Broadcom three times (employee start + repeats)",
        lambda s: real(s, "14029180"),
    ),
    "real-14441716-two-assignees": (
        "real: an inventor assigns to two assignees, then two more inventors to one of them",
        lambda s: real(s, "14441716"),
    ),
    "real-13890380-security-release": (
        "real: a security interest and a release by secured party",
        lambda s: real(s, "13890380"),
    ),
    "real-09364302-merger": (
        "real: a merger (no employee start -> broken)",
        lambda s: real(s, "09364302"),
    ),
    "real-10431348-license": ("real: a license from a person", lambda s: real(s, "10431348")),
    "real-13014379-namechg": ("real: a change of name", lambda s: real(s, "13014379")),
    "mixed-third-parties": ("mixed: real conveyances, many third parties", mixed_third_parties),
    "mixed-broken": ("mixed: real conveyances with a chain break", mixed_broken),
    "synthetic-long-60": ("synthetic from real records: 60 conveyances", synthetic_long),
}


def main() -> None:
    sample = Sample()
    OUT.mkdir(parents=True, exist_ok=True)
    index = []
    for name, (description, make) in FIXTURES.items():
        data = make(sample)
        (OUT / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        index.append(
            {
                "name": name,
                "description": description,
                "transactions": data["meta"]["transactionCount"],
                "boxes": len(data["boxes"]),
                "connections": len(data["connections"]),
            }
        )
        print(
            f"{name}: {index[-1]['transactions']} conveyances, {index[-1]['boxes']} boxes, "
            f"{index[-1]['connections']} connections"
        )
    (OUT / "index.json").write_text(json.dumps(index, indent=1) + "\n")


if __name__ == "__main__":
    main()
