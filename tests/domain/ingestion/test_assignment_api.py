"""Assignment search API responses (Solr XML) against the two real samples (ingestion.md §2.8)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from domain.ingestion.assignment_api import (
    iter_api_records,
    parse_assignment_api_response,
    split_inventor_names,
)
from domain.ingestion.records import AssignmentRecord, ParseError, preferred_record

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "assignment-api"


def _only_record(name: str) -> AssignmentRecord:
    page = parse_assignment_api_response(FIXTURES / name)
    assert (page.num_found, page.start) == (1, 0)
    (record,) = page.items
    assert isinstance(record, AssignmentRecord)
    return record


def test_reelframe_47086_788() -> None:
    r = _only_record("reelframe_47086-788.xml")
    assert (r.rf_id, r.reel_no, r.frame_no) == ("047086-0788", "47086", "788")
    assert r.source == "search_api"
    assert r.last_update_dt == date(2018, 10, 12)  # 2018-10-12T21:43:25Z
    assert r.record_dt == date(2018, 10, 5)  # 2018-10-05T04:00:00Z = US midnight
    assert r.purge_indicator == "N"
    assert r.status == "active"
    assert r.page_count == 2
    assert r.convey_text == "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS)."
    assert r.has_images is True
    assert r.cname == "DOUGLAS J. CRISMAN"
    assert (r.caddress_1, r.caddress_2, r.caddress_3, r.caddress_4) == (
        "MORGAN, LEWIS & BOCKIUS",
        "1400 PAGE MILL ROAD",
        "PALO ALTO, CA 94304",
        None,
    )
    assert r.transaction_date is None
    # 0000-01-01T00:00:00Z acknowledgement dates are "none".
    assert [(a.seq, a.or_name, a.exec_dt, a.ack_dt) for a in r.assignors] == [
        (1, "MULLINS, SCOTT", date(2018, 9, 24), None),
        (2, "CONNER, BRIAN", date(2018, 10, 4), None),
    ]
    assert r.exec_dt == date(2018, 9, 24)
    # patAssigneeNameSize says 2 beside one name: the *Size fields are ignored.
    (ee,) = r.assignees
    assert (ee.ee_name, ee.ee_address_1, ee.ee_address_2) == (
        "GOOGLE LLC",
        "1600 AMPHITHEATRE PARKWAY",
        None,  # literal NULL
    )
    assert (ee.ee_city, ee.ee_state, ee.ee_postcode, ee.ee_country) == (
        "MOUNTAIN VIEW",
        "CALIFORNIA",
        "94043",
        None,  # literal NULL
    )
    (p,) = r.properties
    assert (p.appno_doc_num, p.appno_date) == ("15710770", date(2017, 9, 20))
    assert (p.pgpub_doc_num, p.pgpub_date) == ("20180191929", date(2018, 7, 5))
    # patNum NULL and issueDate 0001-01-01: not granted.
    assert (p.grant_doc_num, p.grant_date, p.pct_doc_num) == (None, None, None)
    assert p.title == "Camera Assembly with Concave-Shaped Front Face"
    assert p.title_lang == "en"
    assert [d.id_type for d in p.document_ids] == ["application", "publication"]
    assert p.document_ids[0].date_raw == "2017-09-20T04:00:00Z"
    assert len(p.inventors) == 12
    assert p.inventors[:3] == ("Mark Kraz", "Kevin Edward Booth", "Tyler Scott Wilson")
    assert p.inventors[-1] == "Brian Conner"
    assert r.inventors == (("15710770", p.inventors),)


def test_reelframe_18247_405() -> None:
    r = _only_record("reelframe_18247-405.xml")
    assert (r.rf_id, r.reel_no, r.frame_no) == ("018247-0405", "18247", "405")
    assert r.last_update_dt == date(2008, 1, 22)
    assert r.record_dt == date(2006, 9, 14)
    assert r.transaction_date == date(2019, 7, 11)  # <str> typed, still an ISO instant
    assert r.page_count == 6
    assert r.convey_text == "NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS)."
    assert r.cname == "JEFFREY H. INGERMAN"
    assert r.caddress_1 == "FISH & NEAVE IP GROUP, ROPES & GRAY LLP"
    (ar,) = r.assignors
    assert (ar.or_name, ar.exec_dt, ar.ack_dt) == (
        "REALTIME DATA COMPRESSION SYSTEMS, INC.",
        date(2006, 9, 14),
        None,  # 0001-01-01T00:00:00Z
    )
    (ee,) = r.assignees
    assert (ee.ee_name, ee.ee_address_1, ee.ee_address_2, ee.ee_city, ee.ee_postcode) == (
        "REALTIME DATA LLC",
        "15 WEST 36TH STREET",
        None,
        "NEW YORK",
        "10018",
    )
    # Five properties zipped by index across the parallel arrays.
    rows = [
        (p.seq, p.appno_doc_num, p.pgpub_doc_num, p.grant_doc_num, p.grant_date)
        for p in r.properties
    ]
    assert rows == [
        (1, "10628795", "20040073746", "7130913", date(2006, 10, 31)),
        (2, "11400674", "20060184687", "7321937", date(2008, 1, 22)),
        (3, "09210491", None, "6195024", date(2001, 2, 27)),
        (4, "09705446", None, "6309424", date(2001, 10, 30)),
        (5, "09266394", None, "6601104", date(2003, 7, 29)),
    ]
    third = r.properties[2]
    assert third.appno_date == date(1998, 12, 11)
    assert third.pgpub_date is None  # 0001-01-01 sentinel beside a NULL publNum
    assert third.title == "CONTENT INDEPENDENT DATA COMPRESSION METHOD AND SYSTEM"
    assert r.properties[3].title == "Content independent data compression method and system"
    assert [p.inventors for p in r.properties] == [
        ("James J. Fallon",),
        ("James J. Fallon",),
        ("JAMES J. FALLON",),
        ("James J. Fallon",),
        ("JAMES J. FALLON",),
    ]


def test_api_record_merges_with_daily_record_by_rf_id() -> None:
    api = _only_record("reelframe_47086-788.xml")
    daily_same_day = replace(api, source="daily_xml")
    assert preferred_record(daily_same_day, api) is daily_same_day  # §2.8 tie rule
    newer_api = replace(api, last_update_dt=date(2019, 1, 1))
    assert preferred_record(daily_same_day, newer_api) is newer_api


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mark Kraz, Kevin Edward Booth", ("Mark Kraz", "Kevin Edward Booth")),
        ("John Smith, Jr., Ann Lee", ("John Smith, Jr.", "Ann Lee")),
        ("A B, III, C D", ("A B, III", "C D")),
        ("NULL", ()),
        (None, ()),
        (" , ", ()),
    ],
)
def test_split_inventor_names(raw: str | None, expected: tuple[str, ...]) -> None:
    assert split_inventor_names(raw) == expected


def _doc(reel: str, frame: str, assignee: str = "<str>ACME</str>") -> str:
    return (
        f'<doc><str name="id">{reel}-{frame}</str><str name="reelNo">{reel}</str>'
        f'<str name="frameNo">{frame}</str><arr name="patAssignorName"><str>X</str></arr>'
        f'<arr name="patAssigneeName">{assignee}</arr>'
        '<arr name="applNum"><str>15710770</str></arr>'
        '<arr name="patNum"><str>NULL</str></arr></doc>'
    )


def test_bad_doc_in_a_page_is_reported_and_the_rest_parsed() -> None:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<response><result name="response" '
        'numFound="58" start="50">'
        + _doc("100", "1")
        + _doc("100", "2", assignee="<str>NULL</str>")
        + _doc("100", "3")
        + "</result></response>"
    )
    page = parse_assignment_api_response(io.BytesIO(body.encode()))
    assert (page.num_found, page.start) == (58, 50)
    kinds = [type(i).__name__ for i in page.items]
    assert kinds == ["AssignmentRecord", "ParseError", "AssignmentRecord"]
    err = page.items[1]
    assert isinstance(err, ParseError)
    assert (err.ordinal, err.reel_no, err.frame_no) == (2, "100", "2")
    assert err.reason == "assignee 1 has no name"
    assert err.line == 2
    assert [
        r.rf_id
        for r in iter_api_records(io.BytesIO(body.encode()))
        if not isinstance(r, ParseError)
    ] == [
        "000100-0001",
        "000100-0003",
    ]


def test_reel_frame_from_id_when_fields_missing() -> None:
    body = (
        '<response><result name="response" numFound="1" start="0"><doc>'
        '<str name="id">47086-788</str><arr name="patAssignorName"><str>X</str></arr>'
        '<arr name="patAssigneeName"><str>Y</str></arr><arr name="patNum"><str>D662395</str></arr>'
        "</doc></result></response>"
    )
    (rec,) = iter_api_records(io.BytesIO(body.encode()))
    assert isinstance(rec, AssignmentRecord)
    assert rec.rf_id == "047086-0788"
    assert rec.properties[0].grant_doc_num == "D662395"
    assert rec.page_count is None
    assert rec.has_images is None


def test_empty_result_page() -> None:
    body = b'<response><result name="response" numFound="0" start="0"/></response>'
    page = parse_assignment_api_response(io.BytesIO(body))
    assert (page.num_found, page.start, page.items) == (0, 0, ())
