"""Encumbrance: securities not cleared by a matching release (§5 step 6; D2 open liens)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from domain.titles.categories import RELEASE_TYPES, SECURITY_TYPES
from domain.titles.order import effective_date, in_p5_order
from domain.titles.parties import parties_overlap, party_id, party_label
from domain.titles.types import OpenLien, ReleaseMatch, TypedConveyance


def match_releases(
    conveyances: Sequence[TypedConveyance],
) -> tuple[list[OpenLien], list[ReleaseMatch]]:
    """§5.6 / D2: match releases to securities; the uncleared securities are open liens."""
    # Each release clears the earliest uncleared earlier security of its lender, else
    # (matched_by_date_only) the earliest uncleared earlier security.
    ordered = in_p5_order(conveyances)
    pos = {tc.rf_id: i for i, tc in enumerate(ordered)}
    securities = [tc for tc in ordered if tc.conveyance_type in SECURITY_TYPES]
    cleared: set[str] = set()
    matches: list[ReleaseMatch] = []
    for rel in (tc for tc in ordered if tc.conveyance_type in RELEASE_TYPES):
        before = [s for s in securities if pos[s.rf_id] < pos[rel.rf_id] and s.rf_id not in cleared]
        # The releasing party must be the secured party (assignee of the security).
        lender_match = next(
            (
                s
                for s in before
                if parties_overlap(rel.conveyance.assignors, s.conveyance.assignees)
            ),
            None,
        )
        chosen = lender_match or (before[0] if before else None)
        if chosen is not None:
            cleared.add(chosen.rf_id)
        matches.append(
            ReleaseMatch(
                release_rf_id=rel.rf_id,
                security_rf_id=chosen.rf_id if chosen else None,
                matched_by_date_only=chosen is not None and lender_match is None,
            )
        )
    open_liens = [
        OpenLien(
            rf_id=s.rf_id,
            secured_parties=tuple(party_label(p) for p in s.conveyance.assignees),
            secured_party_ids=tuple(party_id(p) for p in s.conveyance.assignees),
            grantors=tuple(party_label(p) for p in s.conveyance.assignors),
            record_dt=s.conveyance.record_dt,
            effective_dt=effective_date(s.conveyance),
        )
        for s in securities
        if s.rf_id not in cleared
    ]
    return open_liens, matches


def liens_by_secured_party(
    asset_liens: Mapping[str, Sequence[OpenLien]],
) -> dict[str, list[tuple[str, str]]]:
    """D2 per-lender view: secured party id -> sorted [(asset key, security rf_id)]."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for asset, liens in asset_liens.items():
        for lien in liens:
            for lender in lien.secured_party_ids:
                out[lender].add((asset, lien.rf_id))
    return {lender: sorted(items) for lender, items in sorted(out.items())}
