"""P5 conveyance order (execution date first; pitfall 6) shared by steps 4, 5 and 8."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from domain.titles.types import Conveyance, TypedConveyance

C = TypeVar("C", Conveyance, TypedConveyance)


def effective_date(conv: Conveyance) -> date | None:
    """P5: earliest assignor exec date, else the row's exec date, else the record date."""
    dates = [p.exec_dt for p in conv.assignors if p.exec_dt is not None]
    if dates:
        return min(dates)
    return conv.exec_dt or conv.record_dt


def order_key(conv: Conveyance) -> tuple[bool, date, bool, date, int, int, str]:
    """P5: (effective date, record date, reel, frame, rf_id) ascending, NULL dates last."""
    eff, rec = effective_date(conv), conv.record_dt
    return (eff is None, eff or date.min, rec is None, rec or date.min, conv.reel_no,
            conv.frame_no, conv.rf_id)  # fmt: skip


def in_p5_order(items: Iterable[C]) -> list[C]:
    """P5: sort conveyances (plain or typed) into the normative order."""
    return sorted(
        items, key=lambda c: order_key(c.conveyance if isinstance(c, TypedConveyance) else c)
    )
