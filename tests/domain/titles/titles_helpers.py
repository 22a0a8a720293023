"""Small builders for title-engine tests (imported by the test modules of this folder)."""

from __future__ import annotations

from datetime import date, timedelta

from domain.titles.types import (
    Conveyance,
    ConveyanceType,
    DocumentRef,
    Party,
    TypedConveyance,
)

BASE = date(2015, 1, 1)


def party(name: str, exec_dt: date | None = None, entity_id: str | None = None) -> Party:
    """A party; assignors get an exec date so P5 ordering is meaningful."""
    return Party(name=name, exec_dt=exec_dt, entity_id=entity_id)


def typed(
    rf: str,
    ctype: ConveyanceType | str,
    assignors: list[str] | tuple[str, ...],
    assignees: list[str] | tuple[str, ...],
    *,
    exec_dt: date | None = None,
    record_dt: date | None = None,
    employer: bool | None = None,
    text: str | None = None,
    docs: tuple[str, ...] = ("12345678",),
    correspondent: str | None = None,
    reel: int = 1,
    frame: int | None = None,
) -> TypedConveyance:
    """A typed conveyance; `employee` implies employer_assign unless told otherwise."""
    ct = ConveyanceType(ctype)
    conv = Conveyance(
        rf_id=rf,
        reel_no=reel,
        frame_no=frame if frame is not None else int("".join(c for c in rf if c.isdigit()) or 0),
        convey_text=text if text is not None else ct.value.upper(),
        record_dt=record_dt or (exec_dt + timedelta(days=30) if exec_dt else None),
        assignors=tuple(party(n, exec_dt) for n in assignors),
        assignees=tuple(party(n) for n in assignees),
        documents=tuple(DocumentRef(appno=d) for d in docs),
        correspondent=correspondent,
    )
    return TypedConveyance(
        conv, ct, ct is ConveyanceType.EMPLOYEE if employer is None else employer
    )


def sequence(*links: tuple[str, list[str], list[str]]) -> list[TypedConveyance]:
    """Links `(type, assignors, assignees)` dated one month apart in the given order."""
    return [
        typed(f"rf{i + 1}", t, a, b, exec_dt=BASE + timedelta(days=31 * i))
        for i, (t, a, b) in enumerate(links)
    ]
