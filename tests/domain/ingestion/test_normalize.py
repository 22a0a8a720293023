"""Identifier and date normalization (ingestion.md §1.4, §1.5, §3 quirks 7-10)."""

from datetime import date

import pytest

from domain.ingestion.normalize import (
    application_number_from_docdb,
    clean_text,
    collapse_ws,
    format_rf_id,
    grant_type,
    is_date_sentinel,
    normalize_application_number,
    normalize_cpc_symbol,
    normalize_grant_number,
    normalize_kind_code,
    normalize_pct_number,
    normalize_publication_number,
    pad_grant_number,
    parse_date,
    parse_int,
    parse_reel_frame,
    split_grant_number,
    strip_null,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("09727454", "09727454"),  # series 09 keeps its zero (text, not int)
        ("09/727,454", "09727454"),  # display form
        ("12/345,678", "12345678"),
        ("14678893", "14678893"),  # assignment data
        ("29/452,823", "29452823"),  # design application series
        (" US 17437086 ", "17437086"),
        ("971605", None),  # 6-digit serial without series code cannot be completed
        ("1234567", None),
        ("NULL", None),
        ("", None),
        (None, None),
        ("PCT/US2013/064552", None),
    ],
)
def test_application_number(raw: str | None, expected: str | None) -> None:
    assert normalize_application_number(raw) == expected


def test_application_number_six_digit_serial_with_series_code() -> None:
    # v2.5 grants give B210 "971605"-style serials plus a separate series code.
    assert normalize_application_number("413215", series_code="09") == "09413215"
    assert normalize_application_number("413215", series_code="9") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("201815919370", "15919370"),  # DOCDB: filing year + 8 digits
        ("US201815919370A", "15919370"),
        ("20685698", None),  # old DOCDB (serial + 2-digit year) needs the series code
    ],
)
def test_application_number_from_docdb(raw: str, expected: str | None) -> None:
    assert application_number_from_docdb(raw) == expected


def test_old_docdb_application_number_with_series_code() -> None:
    assert application_number_from_docdb("20685698", series_code="08") == "08206856"


@pytest.mark.parametrize(
    ("raw", "expected", "padded", "kind"),
    [
        ("08926509", "8926509", "08926509", "utility"),  # grant XML pads to 8 chars
        ("6093011", "6093011", "06093011", "utility"),  # assignment data does not
        ("11617522", "11617522", "11617522", "utility"),
        ("D0982278", "D982278", "D0982278", "design"),
        ("D662395", "D662395", "D0662395", "design"),
        ("RE049123", "RE49123", "RE049123", "reissue"),
        ("RE40471", "RE40471", "RE040471", "reissue"),
        ("PP034567", "PP34567", "PP034567", "plant"),
        ("H0002140", "H2140", "H0002140", "sir"),
        ("US10465445B2", "10465445", "10465445", "utility"),  # EPO-style with kind
        ("6,093,011", "6093011", "06093011", "utility"),
    ],
)
def test_grant_number(raw: str, expected: str, padded: str, kind: str) -> None:
    assert normalize_grant_number(raw) == expected
    assert pad_grant_number(raw) == padded
    assert grant_type(raw) == kind


@pytest.mark.parametrize("raw", ["", "NULL", None, "0000000", "ABC", "20150215460X"])
def test_grant_number_rejects_garbage(raw: str | None) -> None:
    assert normalize_grant_number(raw) is None
    assert split_grant_number(raw) is None
    assert grant_type(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20220159901", "20220159901"),
        ("2014102795", "20140102795"),  # DOCDB drops a digit
        ("US 2015/0215460 A1", "20150215460"),
        ("US20150215460A1", "20150215460"),
        ("12345", None),
        ("NULL", None),
    ],
)
def test_publication_number(raw: str, expected: str | None) -> None:
    assert normalize_publication_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("PCT/US2013/064552", "PCT/US2013/064552"),
        ("US2013064552", "PCT/US2013/064552"),  # DOCDB kind W form
        ("PCT/JP99/12345", "PCT/JP1999/012345"),  # pre-2004 two-digit year
        ("WO 2013/012345", None),  # a WO publication, not a PCT application
        ("NULL", None),
    ],
)
def test_pct_number(raw: str, expected: str | None) -> None:
    assert normalize_pct_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20160101", date(2016, 1, 1)),  # USPTO XML
        ("2022-07-28", date(2022, 7, 28)),  # ST.96 / EPO legal events
        # Search API instants at 04:00Z/05:00Z are midnight US Eastern: the US date.
        ("2018-10-05T04:00:00Z", date(2018, 10, 5)),
        ("2016-01-12T05:00:00Z", date(2016, 1, 12)),
        ("2018-10-12T21:43:25Z", date(2018, 10, 12)),
        (" 20151230 ", date(2015, 12, 30)),
    ],
)
def test_parse_date(raw: str, expected: date) -> None:
    assert parse_date(raw) == expected
    assert not is_date_sentinel(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "00000000",
        "19740100",  # month-precision citation date
        "19740000",
        "0001-01-01T00:00:00Z",  # search API "none"
        "0000-01-01T00:00:00Z",
        "00010101",  # EPO "unset"
        "20150231",  # impossible day
    ],
)
def test_date_sentinels_become_none(raw: str) -> None:
    assert parse_date(raw) is None
    assert is_date_sentinel(raw)


@pytest.mark.parametrize("raw", [None, "", "   ", "NULL", "not a date", "2015"])
def test_unparseable_dates_are_none(raw: str | None) -> None:
    assert parse_date(raw) is None
    assert not is_date_sentinel(raw)


def test_reel_frame() -> None:
    assert format_rf_id(37388, 92) == "037388-0092"
    assert format_rf_id(1234567, 12345) == "1234567-12345"  # never truncated (§2.1)
    assert parse_reel_frame("47086-788") == (47086, 788)
    assert parse_reel_frame("047086-0788") == (47086, 788)
    assert parse_reel_frame("REEL/FRAME:045210/0369") == (45210, 369)
    assert parse_reel_frame("NULL") is None
    with pytest.raises(ValueError, match="negative"):
        format_rf_id(-1, 5)


def test_cpc_symbol() -> None:
    assert normalize_cpc_symbol("E02F   3/844") == "E02F3/844"
    assert normalize_cpc_symbol("A01L1/02") == "A01L1/02"
    assert normalize_cpc_symbol("a01l 1/02") == "A01L1/02"
    assert normalize_cpc_symbol("A01L") is None


def test_text_helpers() -> None:
    assert clean_text("  X  ") == "X"
    assert clean_text("   ") is None
    assert clean_text("NULL") == "NULL"  # only the API helper treats NULL as empty
    assert strip_null(" NULL ") is None
    assert strip_null("NULLIFY CORP") == "NULLIFY CORP"
    assert collapse_ws(" A\n   B ") == "A B"
    assert normalize_kind_code(" b2 ") == "B2"
    assert normalize_kind_code("") is None
    assert parse_int(" 3 ") == 3
    assert parse_int("3a") is None
    assert parse_int("NULL") is None
