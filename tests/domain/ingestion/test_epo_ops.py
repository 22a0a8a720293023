"""EPO OPS family/legal responses and the throttling header (ingestion.md §2.7, §4.4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from domain.ingestion.biblio_records import EpoFamily
from domain.ingestion.epo_ops import parse_family_response, parse_throttling_control

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "epo"


def _family(name: str) -> EpoFamily:
    return parse_family_response((FIXTURES / name).read_bytes())


def test_family_members_of_ep1000000() -> None:
    family = _family("family_EP1000000A1.xml")
    assert (family.family_id, family.total_result_count, family.has_legal) == ("19768124", 6, False)
    assert family.query is not None
    assert (family.query.country, family.query.doc_number, family.query.kind) == (
        "EP",
        "1000000",
        "A1",
    )
    assert [
        (m.publication.country, m.publication.doc_number, m.publication.kind, m.publication.date)
        for m in family.members
    ] == [
        ("EP", "1000000", "A1", date(2000, 5, 17)),
        ("EP", "1000000", "B1", date(2003, 2, 12)),
        ("AT", "232441", "T", date(2003, 2, 15)),
        ("DE", "69905327", "D1", date(2003, 3, 20)),
        ("NL", "1010536", "C2", date(2000, 5, 15)),
        ("US", "6093011", "A", date(2000, 7, 25)),
    ]
    assert [m.epodoc_number for m in family.members][:2] == ["EP1000000", "EP1000000"]
    assert [m.is_representative for m in family.members] == [True, True, False, False, False, False]
    first = family.members[0]
    assert first.application is not None
    assert (first.application.doc_number, first.application.kind, first.application.date) == (
        "99203729",
        "A",
        date(1999, 11, 8),
    )
    assert first.application_doc_id == "17397285"
    us = family.members[-1]
    assert (us.us_doc_num, us.application and us.application.doc_number) == ("6093011", "20685698")
    # Old DOCDB form (serial + 2-digit year) needs the series code: not guessed.
    assert us.us_appno_doc_num is None


def test_priority_claims_of_ep1000000() -> None:
    family = _family("family_EP1000000A1.xml")
    for member in family.members:
        (claim,) = member.priority_claims
        assert (claim.sequence, claim.kind, claim.active, claim.linkage_type) == (
            1,
            "national",
            True,
            None,
        )
        assert (claim.document.country, claim.document.doc_number, claim.document.date) == (
            "NL",
            "1010536",
            date(1998, 11, 12),
        )
    assert all(m.legal_events == () for m in family.members)


def test_legal_response_tolerates_trimmed_members() -> None:
    family = _family("family_legal_US10465445B2.xml")
    # total-result-count says 15, the saved response holds one member (quirk 18).
    assert (family.family_id, family.total_result_count, family.has_legal) == ("51258319", 15, True)
    (member,) = family.members
    assert (member.us_doc_num, member.us_appno_doc_num) == ("10465445", "15919370")
    assert [
        (c.sequence, c.document.doc_number, c.document.kind, c.active, c.linkage_type)
        for c in member.priority_claims
    ] == [
        (1, "201815919370", "A", False, None),
        (2, "201361761070", "P", True, None),
        (3, "201715421222", "A", False, "1"),
        (4, "201313930683", "A", False, "3"),
    ]


def test_legal_events_quote_reel_frame() -> None:
    (member,) = _family("family_legal_US10465445B2.xml").members
    events = member.legal_events
    assert len(events) == 14
    assert [e.code for e in events].count("AS") == 3
    assigned = [e for e in events if e.code == "AS"]
    assert [e.rf_id for e in assigned] == ["045210-0369", "045829-0888", "053520-0064"]
    first = assigned[0]
    assert (first.reel_no, first.frame_no) == (45210, 369)
    assert (first.description, first.gazette_date, first.date_migrated) == (
        "ASSIGNMENT",
        date(2018, 3, 14),
        None,  # dateMigr 00010101 = unset
    )
    assert (first.country, first.doc_type, first.doc_number, first.kind) == (
        "US",
        "F",
        "201815919370",
        "A",
    )
    assert first.owner == "NCS OILFIELD SERVICES CANADA, INC., CANADA"
    assert first.free_text is not None and first.free_text.startswith(
        "ASSIGNMENT OF ASSIGNORS INTEREST;"
    )
    assert len(first.raw_lines) == 2 and first.raw_lines[1].endswith("REEL/FRAME:045210/0369")
    assert ("L008EP", "AS") in first.fields
    assert assigned[1].effective_date == date(2014, 12, 4)
    assert assigned[2].owner == "WELLS FARGO BANK NATIONAL ASSOCIATION, TEXAS"
    others = [e for e in events if e.code != "AS"]
    assert all(e.rf_id is None for e in others)
    assert {e.code for e in others} == {"STPP", "STCF", "FEPP", "PGR", "IPR"}  # codes stripped


def test_empty_family_response() -> None:
    data = b'<ops:world-patent-data xmlns:ops="http://ops.epo.org"/>'
    family = parse_family_response(data)
    assert (family.family_id, family.members) == (None, ())


def test_throttling_header() -> None:
    value = (
        "idle (images=green:200, inpadoc=green:60, other=green:1000, "
        "retrieval=green:200, search=green:30)"
    )
    parsed = parse_throttling_control(value)
    assert parsed is not None
    assert parsed.overall == "idle"
    assert set(parsed.services) == {"images", "inpadoc", "other", "retrieval", "search"}
    assert parsed.services["inpadoc"].colour == "green"
    assert parsed.services["inpadoc"].requests_per_minute == 60
    assert parsed.colour_of("search") == "green"
    assert parsed.colour_of("unknown") is None


@pytest.mark.parametrize(
    ("value", "overall", "inpadoc"),
    [
        ("overloaded (images=black:0, inpadoc=black:0, other=red:10)", "overloaded", ("black", 0)),
        ("BUSY (inpadoc=Yellow:45 , search=red:5)", "busy", ("yellow", 45)),
        ("busy (inpadoc=red)", "busy", ("red", None)),
        ("idle", "idle", None),
    ],
)
def test_throttling_header_variants(
    value: str, overall: str, inpadoc: tuple[str, int | None] | None
) -> None:
    parsed = parse_throttling_control(value)
    assert parsed is not None and parsed.overall == overall
    entry = parsed.services.get("inpadoc")
    assert (None if entry is None else (entry.colour, entry.requests_per_minute)) == inpadoc


def test_missing_throttling_header() -> None:
    assert parse_throttling_control(None) is None
    assert parse_throttling_control("  ") is None
