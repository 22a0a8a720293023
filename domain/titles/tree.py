"""Ownership tree rows and org activities BR-024..031 (business-rules.md §4, step 3)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from domain.titles.categories import (
    ACTIVITY_IDS,
    EMPLOYEE_ACTIVITY,
    EMPLOYEE_TREE_TYPE,
    TREE_TYPE_ORG_ASSIGNEE,
    TREE_TYPE_ORG_ASSIGNOR,
    is_employee_link,
    tree_color,
    tree_tab,
)
from domain.titles.order import effective_date
from domain.titles.parties import alias_keys, is_org_party, party_id, party_label
from domain.titles.types import (
    Activity,
    OrgCompany,
    Party,
    TreeRow,
    TypedConveyance,
)


def tree_entries(tc: TypedConveyance, keys: frozenset[str]) -> list[tuple[int, Party]]:
    """BR-024..030: (tree_type, counterparty) pairs of one conveyance for one company."""
    conv = tc.conveyance
    c_in = any(is_org_party(p, keys) for p in conv.assignees)
    c_out = any(is_org_party(p, keys) for p in conv.assignors)
    if is_employee_link(tc):
        # BR-024 (type 0 / tab 0); the legacy step produced no row for the assignor side.
        return [(EMPLOYEE_TREE_TYPE, p) for p in conv.assignors] if c_in else []
    out: list[tuple[int, Party]] = []
    # Intra-org conveyances yield both directions (pitfall 19): no silent filtering.
    if c_in and tc.conveyance_type in TREE_TYPE_ORG_ASSIGNEE:
        out += [(TREE_TYPE_ORG_ASSIGNEE[tc.conveyance_type], p) for p in conv.assignors]
    if c_out and tc.conveyance_type in TREE_TYPE_ORG_ASSIGNOR:
        out += [(TREE_TYPE_ORG_ASSIGNOR[tc.conveyance_type], p) for p in conv.assignees]
    return out


@dataclass
class _Acc:
    entity_ids: set[str] = field(default_factory=set)
    assets: set[str] = field(default_factory=set)
    rf_ids: set[str] = field(default_factory=set)
    last: date | None = None


def build_tree(
    conveyances: Sequence[TypedConveyance],
    companies: Sequence[OrgCompany],
    org_asset_keys: Collection[str] | None = None,
) -> list[TreeRow]:
    """BR-024..031: tree rows per (company, tree_type, display_name) with colours."""
    rows: dict[tuple[str, int, str], _Acc] = {}
    for company in companies:
        keys = alias_keys(company)
        for tc in conveyances:
            conv = tc.conveyance
            assets = {
                d.key
                for d in conv.documents
                if d.key and (org_asset_keys is None or d.key in org_asset_keys)
            }
            for tree_type, party in tree_entries(tc, keys):
                acc = rows.setdefault((company.company_id, tree_type, party_label(party)), _Acc())
                if party.entity_id:
                    acc.entity_ids.add(party.entity_id)
                acc.assets |= assets
                acc.rf_ids.add(conv.rf_id)
                if conv.record_dt and (acc.last is None or conv.record_dt > acc.last):
                    acc.last = conv.record_dt
    return [
        TreeRow(
            company_id=cid,
            tree_type=tt,
            tab=tree_tab(tt),
            # Legacy grouped by shown name; several ids under one name -> the smallest.
            entity_id=min(acc.entity_ids) if acc.entity_ids else None,
            display_name=name,
            color=tree_color(tt),
            asset_count=len(acc.assets),
            last_activity_date=acc.last,
            rf_ids=tuple(sorted(acc.rf_ids)),
        )
        for (cid, tt, name), acc in sorted(rows.items())
    ]


def build_activities(
    conveyances: Sequence[TypedConveyance], companies: Sequence[OrgCompany]
) -> list[Activity]:
    """§4 activities: one row per (company, rf_id, side, counterparty) from the category map."""
    out: list[Activity] = []
    for company in companies:
        keys = alias_keys(company)
        for tc in conveyances:
            conv = tc.conveyance
            ids = (
                EMPLOYEE_ACTIVITY if is_employee_link(tc) else ACTIVITY_IDS.get(tc.conveyance_type)
            )
            if ids is None:
                continue
            when = effective_date(conv)
            sides = (
                (ids[0], conv.assignees, conv.assignors),
                (ids[1], conv.assignors, conv.assignees),
            )
            for activity_id, org_side, other_side in sides:
                org_party = next((p for p in org_side if is_org_party(p, keys)), None)
                if activity_id is None or org_party is None:
                    continue
                out += [
                    Activity(
                        company.company_id,
                        conv.rf_id,
                        activity_id,
                        party_id(p),
                        party_label(p),
                        party_id(org_party),
                        when,
                    )
                    for p in other_side
                ]
    return out
