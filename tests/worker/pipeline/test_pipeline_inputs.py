"""Issue 6: the in-memory shortcuts of the pipeline's read side give the same values as
the plain computation (db/repos/pipeline_inputs.py: `with_groups(carried=...)`, the
`OrgInputs.typed` memo). Pure: no database."""

from __future__ import annotations

import uuid
from datetime import date

from db.repos.pipeline_inputs import ClassRow, GroupRow, OrgInputs, with_groups
from domain.titles.types import Conveyance, ConveyanceType, Party


def _inputs(groups: dict[str, GroupRow] | None) -> OrgInputs:
    def party(name: str) -> Party:
        g = (groups or {}).get(name.lower())
        return Party(
            name=name,
            entity_id=f"g:{g.group_key}" if g else None,
            canonical_name=g.canonical_name if g else None,
        )

    names = [("ACME", "BETA"), ("BETA", "GAMMA"), ("DELTA", "EPSILON"), ("ZETA", "ACME")]
    conveyances = {
        f"{n}-1": Conveyance(
            f"{n}-1",
            n,
            1,
            "ASSIGNMENT",
            date(2020, 1, n + 1),
            assignors=(party(a),),
            assignees=(party(b),),
        )
        for n, (a, b) in enumerate(names)
    }
    return OrgInputs([], conveyances, {rf: uuid.uuid4() for rf in conveyances})


def _parties(data: OrgInputs) -> dict[str, list[tuple[str, str | None, str | None]]]:
    return {
        rf: [(p.name, p.entity_id, p.canonical_name) for p in (*c.assignors, *c.assignees)]
        for rf, c in data.conveyances.items()
    }


def test_with_groups_from_carried_groups_equals_a_full_remap() -> None:
    before = {
        "acme": GroupRow("acme", "Acme", "ACME"),
        "beta": GroupRow("beta", "Beta", "BETA"),
        "delta": GroupRow("delta", "Delta", "DELTA"),
        "zeta": GroupRow("zeta", "Zeta", "ZETA"),
    }
    # A regroup: beta joins acme's group (changed), gamma is new, zeta lost its group,
    # delta only changed its raw spelling (not carried by parties).
    after = {
        "acme": GroupRow("acme", "Acme Corp", "ACME"),
        "beta": GroupRow("acme", "Acme Corp", "BETA"),
        "gamma": GroupRow("gamma", "Gamma", "GAMMA"),
        "delta": GroupRow("delta", "Delta", "DELTA INC"),
    }
    carried = with_groups(_inputs(before), after, carried=before)
    plain = with_groups(_inputs(None), after)
    assert _parties(carried) == _parties(plain)
    assert _parties(carried)["3-1"][0] == ("ZETA", None, None)
    assert _parties(carried)["0-1"][1] == ("BETA", "g:acme", "Acme Corp")
    # Only the conveyances with a regrouped party are rebuilt; the others are kept as is.
    source = _inputs(before)
    kept = with_groups(source, after, carried=before)
    assert kept.conveyances["2-1"] is source.conveyances["2-1"]
    assert kept.conveyances["1-1"] is not source.conveyances["1-1"]


def test_typed_memo_follows_the_classes_mapping() -> None:
    data = _inputs(None)
    rows = {
        rf: ClassRow("assignment", "rule", "assignment", False, "none") for rf in data.conveyances
    }
    first = data.typed(rows, sorted(data.conveyances))
    assert [tc.conveyance_type for tc in first] == [ConveyanceType.ASSIGNMENT] * 4
    assert data.typed(rows, ["1-1"])[0] is first[1]  # built once per classes mapping
    # Another mapping (the flag step rewrote the effective fields): rebuilt, not reused.
    changed = {**rows, "1-1": ClassRow("assignment", "rule", "security", False, "none")}
    again = data.typed(changed, ["0-1", "1-1", "9-9"])
    assert [tc.conveyance_type for tc in again] == [
        ConveyanceType.ASSIGNMENT,
        ConveyanceType.SECURITY,
    ]
