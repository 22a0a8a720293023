"""Field extraction for pap v1.5/v1.6 publications (root ``patent-application-publication``,
2001-2004; ingestion.md §2.3 pap paths)."""

from __future__ import annotations

from typing import Any

from domain.ingestion.biblio_records import (
    Party,
    PatentDocumentRecord,
    PriorityClaim,
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
    MissingFieldError,
    count_independent_claims,
    name_of,
    text_of,
)


def extract_pap(root: Any, generation: str) -> PatentDocumentRecord:
    """Build a PatentDocumentRecord from a pap v1.5/v1.6 root (§2.3)."""
    biblio = root.find("subdoc-bibliographic-information")
    if biblio is None:
        raise MissingFieldError("no subdoc-bibliographic-information block")
    raw_number = text_of(biblio, "document-id/doc-number")
    if raw_number is None:
        raise MissingFieldError("no document-id/doc-number")
    warnings: list[str] = []
    number = normalize_publication_number(raw_number)
    if number is None:
        warnings.append(f"unrecognised publication number {raw_number!r}; kept as published")
        number = raw_number
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
        priority_claims=_priorities(biblio),
        warnings=tuple(warnings),
    )


def _person(el: Any, role: str, sequence: int) -> Party:
    first = text_of(el, "name/given-name")
    middle = text_of(el, "name/middle-name")
    last = text_of(el, "name/family-name")
    orgname = text_of(el, "organization-name") or text_of(el, "name/organization-name")
    residence = el.find("residence/residence-us")
    us = residence is not None
    if residence is None:
        residence = el.find("residence/residence-non-us")
    country = text_of(residence, "country-code") or ("US" if us else None)
    return Party(
        role=role,
        sequence=sequence,
        name=orgname or name_of(last, first, middle) or "",
        first_name=first,
        middle_name=middle,
        last_name=last,
        suffix=text_of(el, "name/name-suffix"),
        orgname=orgname,
        city=text_of(residence, "city"),
        state=text_of(residence, "state"),
        country=country,
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
            RelatedDocument(
                relation=relation,
                doc_number=normalize_application_number(raw) or normalize_pct_number(raw) or raw,
                doc_number_raw=raw,
                country=text_of(doc, "country-code"),
                kind=normalize_kind_code(text_of(doc, "kind-code")),
                date=parse_date(text_of(doc, "document-date")),
                parent_status=text_of(pair, "parent-status"),
                child_doc_number=normalize_application_number(child_raw) or child_raw,
            )
        )
    for doc in continuity.findall("non-provisional-of-provisional/document-id"):
        raw = text_of(doc, "doc-number")
        if raw is None:
            continue
        out.append(
            RelatedDocument(
                relation="us-provisional-application",
                doc_number=normalize_application_number(raw) or raw,
                doc_number_raw=raw,
                country=text_of(doc, "country-code") or "US",
                kind=normalize_kind_code(text_of(doc, "kind-code")),
                date=parse_date(text_of(doc, "document-date")),
            )
        )
    return tuple(out)


def _priorities(biblio: Any) -> tuple[PriorityClaim, ...]:
    out: list[PriorityClaim] = []
    for i, el in enumerate(biblio.findall("foreign-priority-data"), start=1):
        number = text_of(el, "priority-application-number/doc-number")
        if number is None:
            continue
        out.append(
            PriorityClaim(
                sequence=i,
                country=text_of(el, "country-code"),
                doc_number=number,
                date=parse_date(text_of(el, "filing-date")),
            )
        )
    return tuple(out)
