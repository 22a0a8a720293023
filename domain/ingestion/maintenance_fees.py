"""Maintenance-fee events file (fixed width, two layouts) and the derived fee status
(ingestion.md §2.6, quirk 15).

No real ``MaintFeeEvents_*.txt`` is available offline: the layouts below follow the column
table of §2.6 exactly and must be re-checked against a current file (§5).
"""

from __future__ import annotations

import calendar
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO

from domain.ingestion.biblio_records import (
    LineParseError,
    MaintenanceEventCode,
    MaintenanceFeeEvent,
)
from domain.ingestion.normalize import normalize_application_number, normalize_grant_number
from domain.ingestion.normalize import parse_date as _parse_date
from domain.ingestion.sources import iter_source_streams

OLDER = "older"
CURRENT = "current"

# 0-based [start, end) slices of §2.6; the event code runs to the end of the line (older)
# or fills [52:57] (current). Codes keep their periods ("EXP.") and are right-stripped only.
_LAYOUTS: dict[str, dict[str, tuple[int, int | None]]] = {
    OLDER: {
        "patent": (0, 7),
        "application": (8, 16),
        "entity": (17, 18),
        "filing": (19, 27),
        "grant": (28, 36),
        "event_date": (37, 45),
        "code": (46, None),
    },
    CURRENT: {
        "patent": (0, 13),
        "application": (14, 22),
        "entity": (23, 24),
        "filing": (25, 33),
        "grant": (34, 42),
        "event_date": (43, 51),
        "code": (52, 57),
    },
}
_LEADING_ZEROS = re.compile(r"^0+(?=[A-Z])")


def _field(line: str, layout: str, name: str) -> str:
    start, end = _LAYOUTS[layout][name]
    return line[start:end]


def detect_layout(line: str) -> str | None:
    """``current`` or ``older`` for a data line, from where its digit fields sit (§2.6)."""
    for layout in (CURRENT, OLDER):
        app = _field(line, layout, "application")
        event = _field(line, layout, "event_date")
        if len(app) == 8 and app.isdigit() and len(event) == 8 and event.isdigit():
            return layout
    return None


def _grant_number(raw: str) -> str | None:
    # The fixed-width field pads with zeros or spaces, even in front of a D/RE/PP prefix.
    compact = _LEADING_ZEROS.sub("", raw.strip().replace(" ", ""))
    return normalize_grant_number(compact)


def parse_event_line(line: str, layout: str, line_number: int) -> MaintenanceFeeEvent:
    """One data line of the given layout as an event; raises ValueError when malformed."""
    patent_raw = _field(line, layout, "patent").strip()
    grant = _grant_number(patent_raw)
    if grant is None:
        raise ValueError(f"bad patent number {patent_raw!r}")
    event_date = _parse_date(_field(line, layout, "event_date"))
    if event_date is None:
        raise ValueError(f"bad event date {_field(line, layout, 'event_date')!r}")
    code = _field(line, layout, "code").rstrip()
    if not code:
        raise ValueError("empty event code")
    entity = _field(line, layout, "entity").strip() or None
    return MaintenanceFeeEvent(
        grant_doc_num=grant,
        grant_doc_num_raw=patent_raw,
        appno_doc_num=normalize_application_number(_field(line, layout, "application")),
        entity_status=entity,
        filing_date=_parse_date(_field(line, layout, "filing")),
        grant_date=_parse_date(_field(line, layout, "grant")),
        event_date=event_date,
        event_code=code,
        layout=layout,
        line_number=line_number,
    )


def iter_maintenance_events(
    stream: IO[bytes],
) -> Iterator[MaintenanceFeeEvent | LineParseError]:
    """Events of ``MaintFeeEvents_YYYYMMDD.txt``; the layout is fixed by the first data line."""
    # Never split on whitespace: fields are padded and codes contain periods (quirk 15).
    text = io.TextIOWrapper(stream, encoding="ascii", errors="replace", newline="")
    layout: str | None = None
    for number, raw in enumerate(text, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if layout is None:
            layout = detect_layout(line)
            if layout is None:
                yield LineParseError(number, "line matches neither layout", line[:8192])
                continue
        try:
            yield parse_event_line(line, layout, number)
        except ValueError as exc:
            yield LineParseError(number, str(exc), line[:8192])


def iter_maintenance_event_codes(stream: IO[bytes]) -> Iterator[MaintenanceEventCode]:
    """Codes of ``MaintFeeEventsDesc_YYYYMMDD.txt``: split on the first whitespace run only."""
    text = io.TextIOWrapper(stream, encoding="latin-1", newline="")
    for raw in text:
        line = raw.rstrip("\r\n")
        parts = line.strip().split(None, 1)
        if not parts:
            continue
        yield MaintenanceEventCode(
            code=parts[0], description=parts[1].strip() if len(parts) > 1 else ""
        )


# --------------------------------------------------------------------------- derived status

# 35 U.S.C. 41(b), 37 CFR 1.362: fees are due 3.5 / 7.5 / 11.5 years after grant; payment
# opens 6 months earlier without surcharge and runs 6 months later with surcharge (the
# grace period); an unpaid patent expires at the end of the grace period (4/8/12 years).
WINDOW_LABELS = ("3.5_year", "7.5_year", "11.5_year")
_DUE_MONTHS = (42, 90, 138)
# Applications filed before 12 Dec 1980 owe no maintenance fees (Pub. L. 96-517).
_FEES_START_FILING = date(1980, 12, 12)

# Payment codes per window. Current codes: M<entity>55<window> (1 large, 2 small, 3 micro).
_CURRENT_PAYMENT = re.compile(r"^M[123]55([123])$")
_OLDER_PAYMENT = {
    **dict.fromkeys(("M170", "M173", "M183", "M273", "M283", "F170", "F173", "F273"), 1),
    **dict.fromkeys(("M171", "M174", "M184", "M274", "M284", "F171", "F174", "F274"), 2),
    **dict.fromkeys(("M172", "M175", "M185", "M275", "M285", "F172", "F175", "F275"), 3),
}
_DESC_WINDOW = re.compile(r"\b(4|8|12)(?:th)?\s*(?:Yr|Year)", re.IGNORECASE)
EXPIRED_CODE = "EXP."
REINSTATED_CODE = "EXPX"

STATUS_PAID = "paid"  # nothing outstanding on as_of
STATUS_DUE = "due"  # window open, no surcharge yet
STATUS_SURCHARGE = "surcharge"  # past the due date, inside the 6-month grace period
STATUS_EXPIRED = "expired"
STATUS_NOT_REQUIRED = "not_required"  # design/plant patents, pre-1980-12-12 filings
WINDOW_UPCOMING = "upcoming"


def fee_window_of(code: str, description: str | None = None) -> int | None:
    """Window (1 = 3.5 y, 2 = 7.5 y, 3 = 11.5 y) a payment code pays, else None (§2.6)."""
    m = _CURRENT_PAYMENT.match(code)
    if m:
        return int(m.group(1))
    if code in _OLDER_PAYMENT:
        return _OLDER_PAYMENT[code]
    # The code table is loaded, not hard-coded (§2.6): a payment description names its year.
    if description and "pay" in description.lower():
        d = _DESC_WINDOW.search(description)
        if d:
            return {"4": 1, "8": 2, "12": 3}[d.group(1)]
    return None


def add_months(start: date, months: int) -> date:
    """``start`` plus whole months, clamped to the month's last day (Aug 31 + 6 → Feb 28)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class FeeWindow:
    """One of the three maintenance-fee windows of a grant (§2.6, frontend §3.7)."""

    number: int  # 1, 2, 3
    label: str  # "3.5_year" | "7.5_year" | "11.5_year"
    window_open: date  # 3 / 7 / 11 years after grant
    due_date: date  # 3.5 / 7.5 / 11.5 years; surcharge applies from here
    grace_end: date  # 4 / 8 / 12 years; an unpaid patent expires on this date
    paid_on: date | None
    status: str  # paid | due | surcharge | expired | upcoming


@dataclass(frozen=True, slots=True)
class MaintenanceFeeStatus:
    """Derived fee status of one grant on ``as_of`` (patents.maintenance_fee_status)."""

    status: str  # paid | due | surcharge | expired | not_required
    as_of: date
    paid_through: str | None  # label of the last consecutive paid window
    next_window: str | None  # label of the first unpaid window
    window_open: date | None  # of next_window
    due_date: date | None  # of next_window
    grace_end: date | None  # of next_window: surcharge period ends / expiry if unpaid
    expired_on: date | None
    windows: tuple[FeeWindow, ...]


def maintenance_fee_status(
    grant_date: date,
    events: Iterable[MaintenanceFeeEvent | tuple[str, date]],
    as_of: date,
    *,
    filing_date: date | None = None,
    grant_doc_num: str | None = None,
    descriptions: dict[str, str] | None = None,
) -> MaintenanceFeeStatus:
    """Pure fee status of a grant on ``as_of`` from its events (§2.6, D2)."""
    pairs = sorted(
        (e.event_code, e.event_date) if isinstance(e, MaintenanceFeeEvent) else e for e in events
    )
    pairs.sort(key=lambda p: p[1])
    descriptions = descriptions or {}
    number = grant_doc_num or ""
    if number.startswith(("D", "PP", "P")) or (filing_date and filing_date < _FEES_START_FILING):
        return MaintenanceFeeStatus(
            STATUS_NOT_REQUIRED, as_of, None, None, None, None, None, None, ()
        )
    paid: dict[int, date] = {}
    for code, when in pairs:
        window = fee_window_of(code, descriptions.get(code))
        if window is not None and when <= as_of:
            paid.setdefault(window, when)
    last_exp = max((d for c, d in pairs if c == EXPIRED_CODE and d <= as_of), default=None)
    last_rein = max((d for c, d in pairs if c == REINSTATED_CODE and d <= as_of), default=None)
    reinstated = last_rein is not None and (last_exp is None or last_rein >= last_exp)
    expired_by_event = last_exp is not None and not reinstated

    # A later payment implies the earlier windows were paid (gaps in old data).
    implied = max(paid, default=0)
    windows: list[FeeWindow] = []
    status, expired_on, first_unpaid = STATUS_PAID, None, None
    for i, months in enumerate(_DUE_MONTHS, start=1):
        due = add_months(grant_date, months)
        opens, grace_end = add_months(due, -6), add_months(due, 6)
        paid_on = paid.get(i)
        # A reinstatement (EXPX) revives the patent only by paying the missed fee, so a
        # window whose grace ended before the reinstatement counts as paid.
        if paid_on is None and reinstated and last_rein is not None and grace_end <= last_rein:
            paid_on = last_rein
        if status == STATUS_EXPIRED:
            win_status = STATUS_EXPIRED  # lapsed together with the patent
        elif paid_on is not None or i < implied:
            win_status = STATUS_PAID
        elif first_unpaid is not None:
            win_status = WINDOW_UPCOMING
        else:
            first_unpaid = i
            if as_of >= grace_end or expired_by_event:
                win_status = status = STATUS_EXPIRED
                expired_on = grace_end if as_of >= grace_end else last_exp
            elif as_of >= due:
                win_status = status = STATUS_SURCHARGE
            elif as_of >= opens:
                win_status = status = STATUS_DUE
            else:
                win_status = WINDOW_UPCOMING
        label = WINDOW_LABELS[i - 1]
        windows.append(FeeWindow(i, label, opens, due, grace_end, paid_on, win_status))
    if expired_by_event and status != STATUS_EXPIRED:
        status, expired_on = STATUS_EXPIRED, last_exp
    paid_through = None
    for w in windows:
        if w.status != STATUS_PAID:
            break
        paid_through = w.label
    nxt = windows[first_unpaid - 1] if first_unpaid else None
    return MaintenanceFeeStatus(
        status=status,
        as_of=as_of,
        paid_through=paid_through,
        next_window=None if nxt is None else nxt.label,
        window_open=None if nxt is None else nxt.window_open,
        due_date=None if nxt is None else nxt.due_date,
        grace_end=None if nxt is None else nxt.grace_end,
        expired_on=expired_on,
        windows=tuple(windows),
    )


def _is_description_member(name: str) -> bool:
    return "desc" in name.rsplit("/", 1)[-1].lower()


def iter_maintenance_file(
    path: str | os.PathLike[str],
) -> Iterator[MaintenanceFeeEvent | LineParseError]:
    """Events of ``MaintFeeEvents_YYYYMMDD.zip``/``.txt`` (the code table member is skipped)."""
    for member in iter_source_streams(path, (".txt",)):
        if not _is_description_member(member.name):
            yield from iter_maintenance_events(member.stream)


def iter_maintenance_code_file(path: str | os.PathLike[str]) -> Iterator[MaintenanceEventCode]:
    """Codes of the ``MaintFeeEventsDesc_YYYYMMDD.txt`` member of the weekly ZIP (§2.6)."""
    for member in iter_source_streams(path, (".txt",)):
        if _is_description_member(member.name):
            yield from iter_maintenance_event_codes(member.stream)
