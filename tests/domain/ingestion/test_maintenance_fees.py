"""Maintenance-fee events file and derived fee status (ingestion.md §2.6).

SYNTHETIC DATA: no real ``MaintFeeEvents_*.txt`` file is available offline (samples
README, ingestion.md §4.4). Every line below is built strictly to the 0-based column
table of §2.6 by ``_current``/``_older``; re-check against a real file on a connected
machine (§5).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from domain.ingestion.biblio_records import LineParseError, MaintenanceFeeEvent
from domain.ingestion.maintenance_fees import (
    CURRENT,
    OLDER,
    add_months,
    detect_layout,
    fee_window_of,
    iter_maintenance_code_file,
    iter_maintenance_event_codes,
    iter_maintenance_events,
    iter_maintenance_file,
    maintenance_fee_status,
)


def _place(width: int, fields: list[tuple[int, str]]) -> str:
    buf = [" "] * width
    for start, value in fields:
        buf[start : start + len(value)] = list(value)
    return "".join(buf).rstrip()


def _current(
    patent: str, app: str, entity: str, filing: str, grant: str, event: str, code: str
) -> str:
    # Current layout: patent [0:13] zero/space padded, application [14:22], entity [23],
    # filing [25:33], grant [34:42], event date [43:51], code [52:57]; 59 chars with CRLF.
    line = _place(
        57,
        [
            (0, patent),
            (14, app),
            (23, entity),
            (25, filing),
            (34, grant),
            (43, event),
            (52, code.ljust(5)),
        ],
    ).ljust(57)
    assert len(line + "\r\n") == 59
    return line + "\r\n"


def _older(
    patent: str, app: str, entity: str, filing: str, grant: str, event: str, code: str
) -> str:
    # Older layout: patent [0:7], application [8:16], entity [17], filing [19:27],
    # grant [28:36], event date [37:45], code [46:...].
    return (
        _place(
            60,
            [
                (0, patent),
                (8, app),
                (17, entity),
                (19, filing),
                (28, grant),
                (37, event),
                (46, code),
            ],
        )
        + "\r\n"
    )


CURRENT_FILE = "".join(
    [
        _current("0000006093011", "09206856", "N", "19981208", "20000725", "20031230", "M1551"),
        _current("0000006093011", "09206856", "N", "19981208", "20000725", "20120201", "EXP."),
        _current("     D0452599", "29129833", "Y", "20000922", "20020101", "20020315", "REM."),
        _current("000RE0049257", "17096946", "M", "20201112", "20221025", "20260410", "M3551"),
    ]
).encode("ascii")

OLDER_FILE = "".join(
    [
        _older("4287053", "06254889", "N", "19800407", "19810901", "19850311", "M170"),
        _older("4287053", "06254889", "N", "19800407", "19810901", "19890302", "EXP."),
        _older("D262143", "05971234", "Y", "19790101", "19811201", "19820105", "SMAL"),
    ]
).encode("ascii")


def _events(data: bytes) -> list[MaintenanceFeeEvent]:
    results = list(iter_maintenance_events(io.BytesIO(data)))
    assert all(isinstance(r, MaintenanceFeeEvent) for r in results), results
    return [r for r in results if isinstance(r, MaintenanceFeeEvent)]


def test_layout_detection() -> None:
    assert detect_layout(CURRENT_FILE.decode().splitlines()[0]) == CURRENT
    assert detect_layout(OLDER_FILE.decode().splitlines()[0]) == OLDER
    assert detect_layout("garbage line") is None


def test_current_layout_columns() -> None:
    first, expired, design, reissue = _events(CURRENT_FILE)
    assert (first.grant_doc_num, first.grant_doc_num_raw, first.appno_doc_num) == (
        "6093011",
        "0000006093011",
        "09206856",
    )
    assert (first.entity_status, first.filing_date, first.grant_date) == (
        "N",
        date(1998, 12, 8),
        date(2000, 7, 25),
    )
    assert (first.event_date, first.event_code, first.layout, first.line_number) == (
        date(2003, 12, 30),
        "M1551",
        "current",
        1,
    )
    assert expired.event_code == "EXP."  # the period is part of the code
    assert (design.grant_doc_num, design.event_code, design.entity_status) == (
        "D452599",
        "REM.",
        "Y",
    )
    assert (reissue.grant_doc_num, reissue.entity_status) == ("RE49257", "M")


def test_older_layout_columns() -> None:
    payment, expired, design = _events(OLDER_FILE)
    assert (payment.grant_doc_num, payment.appno_doc_num, payment.event_code) == (
        "4287053",
        "06254889",
        "M170",
    )
    assert (payment.grant_date, payment.event_date, payment.layout) == (
        date(1981, 9, 1),
        date(1985, 3, 11),
        "older",
    )
    assert expired.event_code == "EXP."
    assert (design.grant_doc_num, design.entity_status, design.event_code) == (
        "D262143",
        "Y",
        "SMAL",
    )


def test_bad_line_is_reported_and_the_rest_continues() -> None:
    lines = CURRENT_FILE.decode().splitlines(keepends=True)
    bad = "0000006093011 09206856 N 19981208 20000725 2003XX30 M1552\r\n"
    data = (lines[0] + bad + "\r\n" + lines[1]).encode()
    results = list(iter_maintenance_events(io.BytesIO(data)))
    assert [type(r).__name__ for r in results] == [
        "MaintenanceFeeEvent",
        "LineParseError",
        "MaintenanceFeeEvent",
    ]
    error = results[1]
    assert isinstance(error, LineParseError)
    assert error.line_number == 2 and "event date" in error.error_message


def test_event_code_descriptions_split_on_first_whitespace_run() -> None:
    data = (
        b"M1551 Payment of Maintenance Fee, 4th Year, Large Entity\r\n"
        b"EXP.    Patent Expired for Failure to Pay Maintenance Fees\r\n"
        b"\r\n"
        b"EXPX\tPatent Reinstated After Maintenance Fee Payment Confirmed\r\n"
    )
    codes = list(iter_maintenance_event_codes(io.BytesIO(data)))
    assert [(c.code, c.description) for c in codes] == [
        ("M1551", "Payment of Maintenance Fee, 4th Year, Large Entity"),
        ("EXP.", "Patent Expired for Failure to Pay Maintenance Fees"),
        ("EXPX", "Patent Reinstated After Maintenance Fee Payment Confirmed"),
    ]


@pytest.mark.parametrize(
    ("code", "description", "window"),
    [
        ("M1551", None, 1),
        ("M2552", None, 2),
        ("M3553", None, 3),
        ("M170", None, 1),
        ("M184", None, 2),
        ("F275", None, 3),
        ("EXP.", None, None),
        ("M1554", "Surcharge for Late Payment, Large Entity", None),
        ("X999", "Payment of Maintenance Fee, 8th Year, Large Entity", 2),
    ],
)
def test_fee_window_of(code: str, description: str | None, window: int | None) -> None:
    assert fee_window_of(code, description) == window


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2019, 8, 31), 6) == date(2020, 2, 29)
    assert add_months(date(2015, 1, 6), 42) == date(2018, 7, 6)
    assert add_months(date(2015, 1, 6), -6) == date(2014, 7, 6)


GRANT = date(2015, 1, 6)  # windows: open 2018-01-06, due 2018-07-06, grace ends 2019-01-06


def test_status_nothing_owed_yet() -> None:
    status = maintenance_fee_status(GRANT, [], date(2017, 6, 1))
    assert (status.status, status.paid_through, status.next_window) == ("paid", None, "3.5_year")
    assert (status.window_open, status.due_date, status.grace_end) == (
        date(2018, 1, 6),
        date(2018, 7, 6),
        date(2019, 1, 6),
    )
    assert [w.status for w in status.windows] == ["upcoming"] * 3


def test_status_due_window_open() -> None:
    status = maintenance_fee_status(GRANT, [], date(2018, 3, 1))
    assert (status.status, status.due_date) == ("due", date(2018, 7, 6))
    assert status.windows[0].status == "due"


def test_status_in_grace_with_surcharge() -> None:
    status = maintenance_fee_status(GRANT, [], date(2018, 9, 1))
    assert (status.status, status.grace_end, status.expired_on) == (
        "surcharge",
        date(2019, 1, 6),
        None,
    )


def test_status_expired_for_non_payment() -> None:
    status = maintenance_fee_status(GRANT, [], date(2019, 2, 1))
    assert (status.status, status.expired_on) == ("expired", date(2019, 1, 6))
    assert [w.status for w in status.windows] == ["expired"] * 3


def test_status_paid_first_window() -> None:
    events = [("M1551", date(2018, 6, 1))]
    status = maintenance_fee_status(GRANT, events, date(2020, 1, 1))
    assert (status.status, status.paid_through, status.next_window) == (
        "paid",
        "3.5_year",
        "7.5_year",
    )
    assert status.due_date == date(2022, 7, 6)
    assert status.windows[0].paid_on == date(2018, 6, 1)
    # A payment recorded after as_of is not known yet on as_of.
    assert maintenance_fee_status(GRANT, events, date(2018, 3, 1)).status == "due"


def test_status_all_windows_paid() -> None:
    events = [("M2551", date(2018, 5, 1)), ("M2552", date(2022, 5, 1)), ("M1553", date(2026, 5, 1))]
    status = maintenance_fee_status(GRANT, events, date(2030, 1, 1))
    assert (status.status, status.paid_through, status.next_window, status.due_date) == (
        "paid",
        "11.5_year",
        None,
        None,
    )


def test_status_expired_by_event_then_reinstated() -> None:
    events = [("M2551", date(2018, 7, 1)), ("EXP.", date(2023, 2, 13))]
    expired = maintenance_fee_status(GRANT, events, date(2023, 3, 1))
    assert (expired.status, expired.expired_on, expired.paid_through) == (
        "expired",
        date(2023, 1, 6),
        "3.5_year",
    )
    reinstated = maintenance_fee_status(
        GRANT, [*events, ("M2558", date(2023, 6, 1)), ("EXPX", date(2023, 6, 20))], date(2023, 7, 1)
    )
    assert (reinstated.status, reinstated.paid_through, reinstated.next_window) == (
        "paid",
        "7.5_year",
        "11.5_year",
    )


def test_status_from_parsed_events() -> None:
    events = [e for e in _events(CURRENT_FILE) if e.grant_doc_num == "6093011"]
    status = maintenance_fee_status(
        date(2000, 7, 25), events, date(2012, 6, 1), grant_doc_num="6093011"
    )
    # 4th-year fee paid, 8th-year fee missed: expired at the end of its grace (8 years).
    assert (status.status, status.paid_through, status.expired_on) == (
        "expired",
        "3.5_year",
        date(2008, 7, 25),
    )


def test_status_not_required_for_designs_plants_and_old_filings() -> None:
    assert (
        maintenance_fee_status(GRANT, [], date(2020, 1, 1), grant_doc_num="D452599").status
        == "not_required"
    )
    assert (
        maintenance_fee_status(GRANT, [], date(2020, 1, 1), grant_doc_num="PP34694").status
        == "not_required"
    )
    old = maintenance_fee_status(
        date(1982, 1, 5), [], date(1990, 1, 1), filing_date=date(1980, 6, 1)
    )
    assert old.status == "not_required"


def test_weekly_zip_members(tmp_path: Path) -> None:
    archive = tmp_path / "MaintFeeEvents_20240101.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("MaintFeeEvents_20240101.txt", CURRENT_FILE)
        zf.writestr("MaintFeeEventsDesc_20240101.txt", b"EXP. Patent Expired\r\nM1551 Payment\r\n")
    events = list(iter_maintenance_file(archive))
    assert [e.event_code for e in events if isinstance(e, MaintenanceFeeEvent)] == [
        "M1551",
        "EXP.",
        "REM.",
        "M3551",
    ]
    assert [c.code for c in iter_maintenance_code_file(archive)] == ["EXP.", "M1551"]
