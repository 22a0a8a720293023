"""Per-asset diagram payload of step 8 (frontend.md §4.4 shape, D16/D22; BR-031 colours).

The payload is JSON-ready (str/int/bool/None/list/dict only) so generate_json can store it
as jsonb and the API can serve it unchanged (D16).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.titles.categories import (
    LICENSE_TYPES,
    LICENSE_YELLOW,
    OWNERSHIP_RED,
    RELEASE_TYPES,
    SECURITY_ORANGE,
    SECURITY_TYPES,
    TREE_TYPE_NAMES,
    is_employee_link,
    line_style,
    tree_tab,
)
from domain.titles.names import fold, name_key, person_key
from domain.titles.order import effective_date, in_p5_order
from domain.titles.parties import alias_keys, party_id, party_label
from domain.titles.tree import tree_entries
from domain.titles.types import (
    ChainStatus,
    ChainVerdict,
    ConveyanceType,
    OrgCompany,
    Party,
    TypedConveyance,
)
from domain.titles.version import RULESET_VERSION

T = ConveyanceType
LANES = {"inventor": 0, "ownership": 1, "license": 1, "security": 2, "third_party": 3}
BOX_COLORS = {
    "inventor": OWNERSHIP_RED,
    "ownership": OWNERSHIP_RED,
    "security": SECURITY_ORANGE,
    "license": LICENSE_YELLOW,
    "third_party": "#363636",
}
BOX_STYLE = {"width": 100, "height": 30, "border": "#363636", "borderWidth": 1, "fill": "#222222"}
LEGEND_ORDER = (
    "Ownership",
    "Name Change",
    "Security",
    "Release",
    "Partial Release",
    "License",
    "License End",
    "Correct",
)
_TYPE_NUMBER = {v: k for k, v in TREE_TYPE_NAMES.items()}
# Step 8.5 fallback when the node has no relationship to the org.
_DEFAULT_NODE_TYPE = {
    T.ASSIGNMENT: "purchase",
    T.MERGER: "merger_in",
    T.SECURITY: "security_out",
    T.RELEASE: "release_out",
    T.NAMECHG: "namechg",
    T.GOVERN: "govern",
    T.CORRECT: "correct",
    T.MISSING: "missing",
}


@dataclass(frozen=True)
class DiagramAsset:
    """Asset header of the payload (frontend.md §4.4 meta)."""

    appno: str | None
    grant: str | None = None
    title: str | None = None
    status: str | None = None


def link_family(tc: TypedConveyance) -> str:
    """§0 "Diagram box" column: employee / ownership / security / release / license."""
    if is_employee_link(tc):
        return "employee"
    ctype = tc.conveyance_type
    if ctype in SECURITY_TYPES or (
        ctype is T.CORRECT and "security" in fold(tc.conveyance.convey_text)
    ):
        return "security"
    if ctype in RELEASE_TYPES:
        return "release"
    return "license" if ctype in LICENSE_TYPES else "ownership"


def _owners(convs: Sequence[TypedConveyance], ident: Callable[[Party], str]) -> set[str]:
    out: set[str] = set()
    for tc in convs:
        fam = link_family(tc)
        if fam == "ownership":
            out |= {ident(p) for p in (*tc.conveyance.assignors, *tc.conveyance.assignees)}
        elif fam == "employee":
            out |= {ident(p) for p in tc.conveyance.assignees}
    return out


def _boxes_for(fam: str, owners: set[str], ident: str, side: str) -> str:
    """Lane of one link end: lenders -> security, licensees -> license, non-owners -> third."""
    roles = {
        "employee": ("inventor", "ownership"),
        "ownership": ("ownership", "ownership"),
        "security": ("owner?", "security"),
        "release": ("security", "owner?"),
        "license": ("owner?", "license"),
    }[fam]
    box = roles[0] if side == "assignor" else roles[1]
    if box == "owner?":
        return "ownership" if ident in owners else "third_party"
    return box


def _node_type(tc: TypedConveyance, p: Party, org_keys: frozenset[str]) -> str:
    if org_keys:
        for tree_type, party in tree_entries(tc, org_keys):
            if party == p:
                return TREE_TYPE_NAMES[tree_type]
    if is_employee_link(tc):
        return "employee"
    return _DEFAULT_NODE_TYPE.get(tc.conveyance_type, "other")


def _gap_text(verdict: ChainVerdict) -> str | None:
    b = verdict.headline_break
    if b is not None:
        return (
            f"Chain broken at #{b.seq}: expected {', '.join(b.expected) or '-'}, "
            f"found {', '.join(b.actual) or '-'} ({b.reason.value})"
        )
    if verdict.status is ChainStatus.BROKEN and verdict.reasons:
        return {
            "no_transactions": "No ownership transactions recorded",
            "no_employee_start": "No inventor-originated assignment in the chain",
        }.get(verdict.reasons[0].value, verdict.reasons[0].value)
    return None


def build_diagram(
    asset: DiagramAsset,
    conveyances: Sequence[TypedConveyance],
    verdict: ChainVerdict,
    *,
    inventors: Sequence[str] = (),
    companies: Sequence[OrgCompany] = (),
    org_names: Iterable[str] = (),
    run_id: str = "",
    generated_at: str = "",
) -> dict[str, Any]:
    """Step 8 / frontend §4.4: boxes, connections, colours and order of one asset's diagram."""
    ordered = in_p5_order(conveyances)
    # Step 8.2: org aliases are one node per company, shown under the org's display name.
    org_by_key = {k: c for c in companies for k in alias_keys(c)}
    # `org_names` (kept for existing callers) only informs node types; `companies` also
    # merges and renames the org's alias nodes.
    org_keys = frozenset(org_by_key) | frozenset(k for k in map(name_key, org_names) if k)

    def ident(p: Party) -> str:
        c = org_by_key.get(name_key(p.name))
        return f"org:{c.company_id}" if c else party_id(p)

    def label(p: Party) -> str:
        c = org_by_key.get(name_key(p.name))
        return c.display_name if c else party_label(p)

    owners = _owners(ordered, ident)
    nodes: dict[tuple[str, str], dict[str, Any]] = {}
    connections: list[dict[str, Any]] = []

    def node(p: Party, box: str, seq: int, tc: TypedConveyance) -> dict[str, Any]:
        node_key = (ident(p), box)  # dedup by (entity id, else name_key) + box
        if node_key not in nodes:
            ntype = _node_type(tc, p, org_keys)
            when = effective_date(tc.conveyance)
            nodes[node_key] = {
                "id": f"n{len(nodes) + 1}",
                "name": label(p),
                "entityId": p.entity_id,
                "lane": LANES[box],
                "segment": LANES[box],
                "boxType": box,
                "color": BOX_COLORS[box],
                "type": ntype,
                "tab": tree_tab(_TYPE_NUMBER[ntype]),
                "parent": None,
                "date": when.isoformat() if when else None,
                "country": p.country,
                "entryOrdinal": seq,
                "firstSeq": seq,
                "tooltip": f"{label(p)} ({box.replace('_', ' ')}), from #{seq}",
            }
        return nodes[node_key]

    for seq, tc in enumerate(ordered, start=1):
        conv, fam = tc.conveyance, link_family(tc)
        style = line_style(tc.conveyance_type, tc.employer_assign)
        srcs = [
            node(p, _boxes_for(fam, owners, ident(p), "assignor"), seq, tc) for p in conv.assignors
        ]
        dsts = [
            node(p, _boxes_for(fam, owners, ident(p), "assignee"), seq, tc) for p in conv.assignees
        ]
        seen: set[tuple[str, str]] = set()
        for src in srcs:
            for dst in dsts:
                if (src["id"], dst["id"]) in seen:
                    continue
                seen.add((src["id"], dst["id"]))
                if fam in ("employee", "ownership") and dst["parent"] is None:
                    dst["parent"] = src["id"]  # earliest incoming ownership-family link
                connections.append(
                    {
                        "id": f"c{len(connections) + 1}",
                        "from": src["id"],
                        "to": dst["id"],
                        "ordinal": seq,
                        "seq": seq,
                        "rfId": conv.rf_id,
                        "reelNo": conv.reel_no,
                        "frameNo": conv.frame_no,
                        "category": style.line_type,
                        "lineType": style.line_type,
                        "conveyanceType": tc.conveyance_type.value,
                        "employerAssign": tc.employer_assign,
                        "color": style.color,
                        "dashed": style.dashed,
                        # D22: straight within a lane, curved across lanes.
                        "routing": "straight" if src["lane"] == dst["lane"] else "curved",
                        "recordDate": conv.record_dt.isoformat() if conv.record_dt else None,
                        "execDate": _iso(effective_date(conv)),
                    }
                )
    boxes = list(nodes.values())
    boxes += _unlinked_inventors(inventors, boxes)
    used = {c["category"]: c for c in connections}
    legend = [
        {"category": name, "color": used[name]["color"], "dashed": used[name]["dashed"]}
        for name in LEGEND_ORDER
        if name in used
    ]
    headline = verdict.headline_break
    return {
        "meta": {
            "appno": asset.appno,
            "grant": asset.grant,
            "title": asset.title,
            "status": asset.status,
            "isBrokenTitle": verdict.status is ChainStatus.BROKEN,
            "chainStatus": verdict.status.value,
            "gapText": _gap_text(verdict),
            "inventorSource": verdict.inventor_source.value,
            "transactionCount": len(ordered),
            "timeDirection": "down",
            "boxStyle": BOX_STYLE,
            "rulesetVersion": RULESET_VERSION,
            "runId": run_id,
            "generatedAt": generated_at,
        },
        "asset": {
            "appno": asset.appno,
            "grant": asset.grant,
            "title": asset.title,
            "status": asset.status,
        },
        "rootEntity": list(verdict.current_holders),
        "isBrokenTitle": verdict.status is ChainStatus.BROKEN,
        "headlineBreak": None
        if headline is None
        else {
            "seq": headline.seq,
            "beforeRfId": headline.before_rf,
            "afterRfId": headline.after_rf,
            "expected": list(headline.expected),
            "actual": list(headline.actual),
            "reason": headline.reason.value,
        },
        "boxes": boxes,
        "connections": connections,
        "arrows": len(connections),
        "legend": legend,
    }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _unlinked_inventors(
    inventors: Sequence[str], boxes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Bibliographic inventors not already drawn as employee-link assignors (lane 0)."""
    drawn = {person_key(b["name"]) for b in boxes if b["boxType"] == "inventor"}
    out: list[dict[str, Any]] = []
    for name in inventors:
        pk = person_key(name)
        if not pk or pk in drawn:
            continue
        drawn.add(pk)
        out.append(
            {
                "id": f"n{len(boxes) + len(out) + 1}",
                "name": name,
                "entityId": None,
                "lane": 0,
                "segment": 0,
                "boxType": "inventor",
                "color": BOX_COLORS["inventor"],
                "type": "employee",
                "tab": 0,
                "parent": None,
                "date": None,
                "country": None,
                "entryOrdinal": None,
                "firstSeq": None,
                "tooltip": f"{name} (inventor)",
            }
        )
    return out
