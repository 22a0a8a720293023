"""Chain of title and broken-title verdicts BR-032..036 (business-rules.md §5, step 5)."""

from __future__ import annotations

from collections.abc import Sequence

from domain.titles.categories import in_chain, is_employee_link
from domain.titles.liens import match_releases
from domain.titles.order import in_p5_order
from domain.titles.parties import parties_overlap, party_id, party_label, same_party_set
from domain.titles.types import (
    BreakReason,
    ChainBreak,
    ChainStatus,
    ChainVerdict,
    ConveyanceType,
    InventorSource,
    Party,
    TypedConveyance,
)


def _break_reason(k: TypedConveyance, creator: TypedConveyance | None) -> BreakReason:
    # A former holder conveying again (double transfer) is the most serious finding.
    if creator is not None and parties_overlap(
        k.conveyance.assignors, creator.conveyance.assignors
    ):
        return BreakReason.CONFLICTING_TRANSFER
    if k.conveyance_type is ConveyanceType.MISSING:
        return BreakReason.BREAK_AT_UNCLASSIFIED
    return BreakReason.CHAIN_BREAK


def evaluate_chain(
    conveyances: Sequence[TypedConveyance],
    inventor_source: InventorSource = InventorSource.NONE,
) -> ChainVerdict:
    """BR-032..035: walk the P5-ordered chain links, record breaks, then encumbrance."""
    ordered = in_p5_order(conveyances)
    seq = {tc.rf_id: i + 1 for i, tc in enumerate(ordered)}
    links = [tc for tc in ordered if in_chain(tc.conveyance_type, tc.employer_assign)]
    open_liens, release_matches = match_releases(ordered)

    holders: tuple[Party, ...] = ()
    creator: TypedConveyance | None = None
    employee_links = 0
    breaks: list[ChainBreak] = []
    supporting: list[str] = []
    former: list[tuple[Party, ...]] = []  # holders that have since conveyed title away
    for k in links:
        assignors, assignees = k.conveyance.assignors, k.conveyance.assignees
        if is_employee_link(k) and assignors:
            # BR-034: an inventor-originated link starts (or restarts) title; no check.
            employee_links += 1
            if not holders or not (
                parties_overlap(assignees, holders)
                or any(parties_overlap(assignees, f) for f in former)
            ):
                # No relation to the present or a past holder: title restarts here.
                if holders:
                    former.append(holders)
                holders, creator = assignees, k
            elif parties_overlap(assignees, holders):
                # Co-inventors assigning separately to the holders: their shares join the
                # holders instead of dropping a co-owner named only by an earlier inventor.
                holders = holders + tuple(
                    p for p in assignees if not parties_overlap((p,), holders, fuzzy=False)
                )
            # else: a late inventor confirmation to a FORMER holder (who already conveyed
            # away) does not hand title back to it; the present holders keep it.
        elif same_party_set(assignees, holders):
            pass  # re-recordings, correctives, repeated confirmations support the title
        elif not holders or parties_overlap(assignors, holders):
            if holders:
                former.append(holders)
            holders, creator = assignees, k  # first holder, or BR-033 continuity
        else:
            breaks.append(
                ChainBreak(
                    seq=seq[k.rf_id],
                    before_rf=creator.rf_id if creator else None,
                    after_rf=k.rf_id,
                    expected=tuple(party_label(p) for p in holders),
                    actual=tuple(party_label(p) for p in assignors),
                    reason=_break_reason(k, creator),
                )
            )
            former.append(holders)
            holders, creator = assignees, k
            # Links before a break do not support the present holders' title.
            supporting = []
        supporting.append(k.rf_id)

    reasons: list[BreakReason] = []
    if not links:
        # Legacy showed such assets as complete; an asset with no title links is unproven.
        reasons.append(BreakReason.NO_TRANSACTIONS)
    for b in breaks:
        if b.reason not in reasons:
            reasons.append(b.reason)
    if links and not breaks and employee_links == 0:
        reasons.append(BreakReason.NO_EMPLOYEE_START)  # BR-035: any employee link, anywhere

    if reasons:
        status = ChainStatus.BROKEN
    else:
        status = ChainStatus.ENCUMBERED if open_liens else ChainStatus.COMPLETE
    return ChainVerdict(
        status=status,
        reasons=tuple(reasons),
        breaks=tuple(breaks),
        headline_break=breaks[0] if breaks else None,
        has_employee_start=employee_links > 0,
        employee_links=employee_links,
        chain_length=len(links),
        open_security_rf_ids=tuple(lien.rf_id for lien in open_liens),
        current_holders=tuple(party_label(p) for p in holders),
        current_holder_ids=tuple(party_id(p) for p in holders),
        supporting_rf_ids=tuple(supporting),
        open_liens=tuple(open_liens),
        release_matches=tuple(release_matches),
        inventor_source=inventor_source,
    )
