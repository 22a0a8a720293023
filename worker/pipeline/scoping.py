"""Glue that keeps the per-company rules linear in the org's size (pitfall 12 spirit).

domain/titles' tree, timeline and activity builders loop companies x conveyances. Their
output for one company depends only on the conveyances where that company is a party
(P4 exact alias membership), so we index conveyances by party name key once and call
the rules per company on its own subset. Timeline `seq` is the P5 position among ALL
the org's conveyances, so it is restored from the full order afterwards.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace

from domain.titles.names import name_key
from domain.titles.order import in_p5_order
from domain.titles.parties import alias_keys
from domain.titles.timeline import TimelineEntry, build_timeline
from domain.titles.tree import build_activities, build_tree
from domain.titles.types import Activity, DocumentRef, OrgCompany, TreeRow, TypedConveyance


def by_company(
    conveyances: Sequence[TypedConveyance], companies: Sequence[OrgCompany]
) -> list[tuple[OrgCompany, list[TypedConveyance]]]:
    """Each company with the conveyances (input order) on which one of its names is a party."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, tc in enumerate(conveyances):
        conv = tc.conveyance
        for key in {name_key(p.name) for p in (*conv.assignors, *conv.assignees)}:
            index[key].append(i)
    out = []
    for company in companies:
        hits = sorted({i for k in alias_keys(company) for i in index.get(k, ())})
        out.append((company, [conveyances[i] for i in hits]))
    return out


def tree_rows(
    conveyances: Sequence[TypedConveyance],
    companies: Sequence[OrgCompany],
    org_asset_keys: Collection[str],
) -> list[TreeRow]:
    """BR-024..031 `build_tree`, company by company on its own conveyances."""
    keys = frozenset(org_asset_keys)
    rows: list[TreeRow] = []
    for company, mine in by_company(conveyances, companies):
        rows += build_tree(mine, [company], keys)
    return rows


def activities(
    conveyances: Sequence[TypedConveyance], companies: Sequence[OrgCompany]
) -> list[Activity]:
    """§4 `build_activities`, company by company on its own conveyances."""
    out: list[Activity] = []
    for company, mine in by_company(conveyances, companies):
        out += build_activities(mine, [company])
    return out


def p5_order(conveyances: Sequence[TypedConveyance]) -> list[str]:
    """The rf_ids of all the org's conveyances in P5 order (timeline seq = position + 1)."""
    return [tc.rf_id for tc in in_p5_order(conveyances)]


def timeline_rows(
    conveyances: Sequence[TypedConveyance],
    companies: Sequence[OrgCompany],
    in_scope: Collection[str],
    order: Sequence[str] | None = None,
) -> list[tuple[TimelineEntry, int]]:
    """Step 4 `build_timeline` on in-scope documents only, per company; each entry with
    its global P5 seq (the entry's own `seq` counts within the company's subset).
    `order`: `p5_order(conveyances)` when the caller already has it."""
    scope = frozenset(in_scope)
    ordered = p5_order(conveyances) if order is None else order
    seq = {rf: n for n, rf in enumerate(ordered, start=1)}
    out: list[tuple[TimelineEntry, int]] = []
    # A company's subset first, then its in-scope documents: the same conveyances in the
    # same order as scoping all of them first, but only the companies' are rebuilt.
    for company, mine in by_company(conveyances, companies):
        scoped: list[TypedConveyance] = []
        for tc in mine:
            docs = tuple(d for d in tc.conveyance.documents if d.key in scope)
            if docs:
                scoped.append(_with_documents(tc, docs))
        out += [(e, seq[e.rf_id]) for e in build_timeline(scoped, [company], None)]
    return out


def _with_documents(tc: TypedConveyance, docs: tuple[DocumentRef, ...]) -> TypedConveyance:
    if docs == tc.conveyance.documents:
        return tc
    return replace(tc, conveyance=replace(tc.conveyance, documents=docs))
