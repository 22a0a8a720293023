"""Timeline entries of pipeline step 4 (business-rules.md §10): one row per counterparty."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from domain.titles.categories import (
    LICENSE_TYPES,
    RELEASE_TYPES,
    SECURITY_TYPES,
    in_chain,
    is_employee_link,
    line_style,
)
from domain.titles.order import effective_date, in_p5_order
from domain.titles.parties import alias_keys, is_org_party, party_id
from domain.titles.types import ConveyanceType, OrgCompany, TypedConveyance


@dataclass(frozen=True)
class TimelineEntry:
    """Step 4 `timeline_entries` row (party_role per domain-model §7)."""

    company_id: str
    rf_id: str
    reel_no: int
    frame_no: int
    record_dt: date | None
    exec_dt: date | None
    party_role: str
    raw_name: str
    canonical_name: str | None
    entity_id: str
    conveyance_type: ConveyanceType
    employer_assign: bool
    category: str
    color: str
    text: str | None
    asset_count: int
    seq: int


def timeline_category(tc: TypedConveyance) -> str:
    """Step 4: employee / ownership / encumbrance / administrative / license."""
    if is_employee_link(tc):
        return "employee"
    if tc.conveyance_type in LICENSE_TYPES:
        return "license"
    if tc.conveyance_type in SECURITY_TYPES or tc.conveyance_type in RELEASE_TYPES:
        return "encumbrance"
    # Chain links (incl. correct, missing, name change) are ownership records.
    return "ownership" if in_chain(tc.conveyance_type, tc.employer_assign) else "administrative"


def build_timeline(
    conveyances: Sequence[TypedConveyance],
    companies: Sequence[OrgCompany],
    in_scope_assets: Collection[str] | None = None,
) -> list[TimelineEntry]:
    """Step 4: per (conveyance, counterparty) where an org company is a party, P5 `seq`."""
    ordered = in_p5_order(conveyances)
    out: list[TimelineEntry] = []
    for company in companies:
        keys = alias_keys(company)
        for seq, tc in enumerate(ordered, start=1):
            conv = tc.conveyance
            assets = {d.key for d in conv.documents if d.key}
            if in_scope_assets is not None:
                assets &= set(in_scope_assets)
                if not assets:
                    continue  # in-scope assets only (BR-039 floor applied by the caller)
            style = line_style(tc.conveyance_type, tc.employer_assign)
            category = timeline_category(tc)
            earliest = effective_date(conv)
            rows = []
            if any(is_org_party(p, keys) for p in conv.assignees):
                # Org received: show each assignor with its own execution date.
                rows += [("assignor", p, p.exec_dt or earliest) for p in conv.assignors]
            if any(is_org_party(p, keys) for p in conv.assignors):
                rows += [("assignee", p, earliest) for p in conv.assignees]
            out += [
                TimelineEntry(
                    company.company_id,
                    conv.rf_id,
                    conv.reel_no,
                    conv.frame_no,
                    conv.record_dt,
                    when,
                    role,
                    p.name,
                    p.canonical_name,
                    party_id(p),
                    tc.conveyance_type,
                    tc.employer_assign,
                    category,
                    style.color,
                    conv.convey_text,
                    len(assets),
                    seq,
                )
                for role, p, when in rows
            ]
    return out
