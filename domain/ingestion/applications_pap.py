"""Field extraction for pap v1.5/v1.6 publications (root ``patent-application-publication``,
2001-2004; ingestion.md §2.3 pap paths)."""

from __future__ import annotations

from typing import Any

from domain.ingestion.biblio_records import (
    Party,
    PatentDocumentRecord,
    RelatedDocument,
)
from domain.ingestion.normalize import (
    normalize_application_number,
    normalize_kind_code,
    normalize_pct_number,
    normalize_publication_number,
    parse_date,
)
from domain.ingestion.uspto_xml import (
    count_independent_claims,
    text_of,
)
from domain.ingestion.xml_fields import (
    DocIdPaths,
    PartyPaths,
    PriorityPaths,
    checked_number,
    read_party,
    read_priority_claims,
    read_related,
    required,
)

# pap v1.5/v1.6 element paths, relative to an inventor/assignee, its residence, a
# document-id and a foreign-priority-data element.
_PARTY_PATHS = PartyPaths(
    first="name/given-name",
    middle="name/middle-name",
    last="name/family-name",
    suffix="name/name-suffix",
    orgname=("organization-name", "name/organization-name"),
    city="city",
    state="state",
    country="country-code",
)
_DOC_ID_PATHS = DocIdPaths(country="country-code", kind="kind-code", date="document-date")
_PRIORITY_PATHS = PriorityPaths(
    claims="foreign-priority-data",
    number="priority-application-number/doc-number",
    country="country-code",
    date="filing-date",
)


def extract_pap(root: Any, generation: str) -> PatentDocumentRecord:
    """Build a PatentDocumentRecord from a pap v1.5/v1.6 root (§2.3)."""
    biblio = required(
        root.find("subdoc-bibliographic-information"), "subdoc-bibliographic-information block"
    )
    raw_number = required(text_of(biblio, "document-id/doc-number"), "document-id/doc-number")
    number, warnings = checked_number(
        raw_number, normalize_publication_number(raw_number), "publication number"
    )
    filing = biblio.find("domestic-filing-data")
    series = text_of(filing, "application-number-series-code")
    app_raw = text_of(filing, "application-number/doc-number")
    claims = root.findall("subdoc-claims/claim")
    return PatentDocumentRecord(
        patent_type="application",
        doc_number=number,
        doc_number_raw=raw_number,
        kind=normalize_kind_code(text_of(biblio, "document-id/kind-code")),
        publication_date=parse_date(text_of(biblio, "document-id/document-date")),
        dtd_version=generation,
        appno_doc_num=normalize_application_number(app_raw, series),
        appno_doc_num_raw=app_raw,
        appno_date=parse_date(text_of(filing, "filing-date")),
        appl_type=text_of(biblio, "publication-filing-type"),
        series_code=series,
        title=text_of(biblio, "technical-information/title-of-invention"),
        claims_count=len(claims) if claims else None,
        independent_claims_count=count_independent_claims(claims, ".//dependent-claim-reference"),
        inventors=_inventors(biblio),
        assignees=_assignees(biblio),
        related_documents=_related(biblio),
        priority_claims=read_priority_claims(biblio, _PRIORITY_PATHS),
        warnings=tuple(warnings),
    )


def _person(el: Any, role: str, sequence: int) -> Party:
    residence = el.find("residence/residence-us")
    us = residence is not None
    if residence is None:
        residence = el.find("residence/residence-non-us")
    # residence-us carries no country-code: its country is implied.
    return read_party(
        el,
        residence,
        _PARTY_PATHS,
        role,
        sequence,
        country_default="US" if us else None,
        assignee_type=text_of(el, "assignee-type"),
    )


def _inventors(biblio: Any) -> tuple[Party, ...]:
    # first-named-inventor precedes the others; document order keeps that.
    elements = [
        el for el in biblio.findall("inventors/*") if el.tag in ("first-named-inventor", "inventor")
    ]
    return tuple(_person(el, "inventor", i) for i, el in enumerate(elements, start=1))


def _assignees(biblio: Any) -> tuple[Party, ...]:
    elements = biblio.findall("assignee")
    return tuple(_person(el, "assignee", i) for i, el in enumerate(elements, start=1))


def _related(biblio: Any) -> tuple[RelatedDocument, ...]:
    continuity = biblio.find("continuity-data")
    if continuity is None:
        return ()
    out: list[RelatedDocument] = []
    for pair in continuity.iter("parent-child"):
        container = pair.getparent()
        relation = container.tag.removesuffix("-of") if container is not None else "related"
        doc = pair.find("parent/document-id")
        raw = text_of(doc, "doc-number")
        if raw is None:
            continue
        child_raw = text_of(pair, "child/document-id/doc-number")
        out.append(
            read_related(
                doc,
                _DOC_ID_PATHS,
                relation=relation,
                doc_number=normalize_application_number(raw) or normalize_pct_number(raw) or raw,
                doc_number_raw=raw,
                parent_status=text_of(pair, "parent-status"),
                child_doc_number=normalize_application_number(child_raw) or child_raw,
            )
        )
    for doc in continuity.findall("non-provisional-of-provisional/document-id"):
        raw = text_of(doc, "doc-number")
        if raw is None:
            continue
        out.append(
            read_related(
                doc,
                _DOC_ID_PATHS,
                relation="us-provisional-application",
                doc_number=normalize_application_number(raw) or raw,
                doc_number_raw=raw,
                country_default="US",
            )
        )
    return tuple(out)
