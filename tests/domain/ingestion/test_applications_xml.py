"""Publication XML parser against the real application samples (ingestion.md §2.3, §4.4)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from domain.ingestion.applications_xml import (
    iter_application_documents,
    iter_applications,
    parse_application_document,
)
from domain.ingestion.biblio_records import BiblioParseError, PatentDocumentRecord

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "applications"

# file -> (publication number, kind, DTD generation)
EXPECTED = {
    "US20010000943A1_pap_v15.xml": ("20010000943", "A1", "pap-v1.5"),
    "US20050004437A1_v40.xml": ("20050004437", "A1", "v4.0"),
    "v4-4-A1.xml": ("20210267109", "A1", "v4.4"),
    "v4-4-A2.xml": ("20150075015", "A2", "v4.4"),
    "v4-5-A1.xml": ("20220159901", "A1", "v4.5"),
    "US20220240350A1-20220728.XML": ("20220240350", "A1", "v4.6"),
}


def _one(name: str) -> PatentDocumentRecord:
    (result,) = list(iter_applications(FIXTURES / name))
    assert isinstance(result, PatentDocumentRecord), result
    return result


def test_every_application_sample_is_covered() -> None:
    assert {p.name for p in FIXTURES.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_every_application_sample_parses(name: str, expected: tuple[str, str, str]) -> None:
    pub = _one(name)
    assert (pub.doc_number, pub.kind, pub.dtd_version) == expected
    assert pub.patent_type == "application"
    assert pub.pgpub_doc_num == pub.doc_number and pub.grant_doc_num is None
    assert pub.layout_id == 14
    assert pub.appno_doc_num is not None and len(pub.appno_doc_num) == 8
    assert pub.title and pub.inventors and pub.warnings == ()


def test_pap_v15_fields() -> None:
    pub = _one("US20010000943A1_pap_v15.xml")
    assert pub.publication_date == date(2001, 5, 10)
    assert (pub.appno_doc_num, pub.appno_date, pub.series_code) == (
        "09727454",
        date(2000, 12, 4),
        "09",
    )
    assert pub.title == "Organic electroluminescence device and method of manufacturing same"
    assert [(p.last_name, p.first_name, p.city, p.country) for p in pub.inventors] == [
        ("Fukuoka", "Kenichi", "Sodegaura-shi", "JP"),
        ("Eida", "Mitsura", "Sodegaura-shi", "JP"),
    ]
    assert [p.sequence for p in pub.inventors] == [1, 2]
    (assignee,) = pub.assignees
    assert (assignee.orgname, assignee.assignee_type) == ("IDEMITSU KOSAN CO., LTD.", "03")
    (priority,) = pub.priority_claims
    assert (priority.country, priority.doc_number, priority.date) == (
        "JP",
        "11-097727",
        date(1999, 4, 5),
    )
    (related,) = pub.related_documents
    assert (related.relation, related.doc_number, related.parent_status) == (
        "continuation",
        "PCT/JP2000/002182",
        "UNKNOWN",
    )
    assert (pub.claims_count, pub.independent_claims_count) == (13, 4)


def test_v40_application_inventors_from_applicants() -> None:
    pub = _one("US20050004437A1_v40.xml")
    assert [(p.name, p.city, p.country) for p in pub.inventors] == [
        ("Kaufmann, Heiner", "Bern", "CH"),
        ("Vering, Thomas", "Bremgarten b. Bern", "CH"),
    ]
    assert [p.sequence for p in pub.inventors] == [1, 2]
    assert pub.related_documents[0].doc_number == "PCT/CH2002/000573"
    assert pub.priority_claims[0].country == "CH"
    assert pub.assignees == ()


def test_v44_a1_cpc_and_applicant() -> None:
    pub = _one("v4-4-A1.xml")
    assert pub.applicants[0].name == "O'Keefe, Daniel"
    assert pub.cpc[0].code == "A01B1/04" and pub.cpc[0].is_main
    assert pub.related_documents[0].relation == "us-provisional-application"


def test_v44_a2_republication() -> None:
    pub = _one("v4-4-A2.xml")
    assert (pub.kind, pub.publication_date, pub.appno_doc_num) == (
        "A2",
        date(2015, 3, 19),
        "14266913",
    )
    assert pub.file_attr == "US20150075015A2-20150319.XML"
    assert pub.applicants[0].authority_category == "inventor"
    assert [(r.relation, r.doc_number, r.parent_status) for r in pub.related_documents] == [
        ("continuation", "13030752", "PENDING"),
        ("us-provisional-application", "61372662", "abandoned"),
        ("related-publication", "20140237828", None),
    ]
    # "1-18. (canceled)" is not an independent claim.
    assert pub.independent_claims_count == 3


def test_v45_application() -> None:
    pub = _one("v4-5-A1.xml")
    assert (pub.appno_doc_num, pub.appno_date) == ("17437086", date(2019, 9, 19))
    assert pub.inventors[0].name == "Spinsanti, Ariel Alberto Antonio"
    assert pub.cpc[0].code == "A01C7/04"


def test_v46_application_parties() -> None:
    pub = _one("US20220240350A1-20220728.XML")
    # @sequence is 0-based in this file; the record numbers by document order.
    assert len(pub.inventors) == 10
    assert [p.sequence for p in pub.inventors] == list(range(1, 11))
    assert pub.inventors[0].name == "RETA, Arnoldo"
    assert pub.assignees[0].orgname == "JABIL INC."
    assert pub.applicants[0].orgname == "JABIL INC."
    continuation = pub.related_documents[0]
    assert (continuation.relation, continuation.parent_grant_doc_num) == (
        "continuation",
        "11304263",
    )


def test_concatenated_publications_with_one_malformed() -> None:
    docs = [(FIXTURES / name).read_bytes() for name in ("v4-4-A1.xml", "v4-5-A1.xml")]
    broken = docs[0][: docs[0].index(b"<invention-title")]
    stream = io.BytesIO(docs[0] + b"\n" + broken + b"\n" + docs[1])
    results = list(iter_application_documents(stream, source_name="ipa-test.xml"))
    assert [type(r).__name__ for r in results] == [
        "PatentDocumentRecord",
        "BiblioParseError",
        "PatentDocumentRecord",
    ]
    error = results[1]
    assert isinstance(error, BiblioParseError) and error.document_index == 1
    assert [r.doc_number for r in results if isinstance(r, PatentDocumentRecord)] == [
        "20210267109",
        "20220159901",
    ]


def test_unknown_root_is_an_error_not_a_crash() -> None:
    result = parse_application_document(b'<?xml version="1.0"?>\n<something-else/>\n')
    assert isinstance(result, BiblioParseError)
    assert result.error_type == "unsupported_root"
