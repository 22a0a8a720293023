"""D2: the computed current owner of an asset, its supporting chain and its open liens."""

from __future__ import annotations

from collections.abc import Sequence

from domain.titles.chain import evaluate_chain
from domain.titles.types import ChainVerdict, CurrentOwner, InventorSource, TypedConveyance


def owner_from_verdict(verdict: ChainVerdict) -> CurrentOwner:
    """D2: current holders + supporting chain + open liens, as settled by BR-032."""
    return CurrentOwner(
        holders=verdict.current_holders,
        holder_ids=verdict.current_holder_ids,
        supporting_rf_ids=verdict.supporting_rf_ids,
        status=verdict.status,
        open_liens=verdict.open_liens,
    )


def current_owner(
    conveyances: Sequence[TypedConveyance],
    inventor_source: InventorSource = InventorSource.NONE,
) -> CurrentOwner:
    """D2 (BR-032 holders): who owns the asset now, by which links, under which liens."""
    return owner_from_verdict(evaluate_chain(conveyances, inventor_source))
