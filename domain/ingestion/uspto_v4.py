"""Field extraction for ``us-patent-grant`` / ``us-patent-application`` v4.0-v4.7 (§2.2, §2.3).

The generations differ mainly in containers (quirk 3): ``parties/applicants`` with
``applicant-inventor`` up to v4.2, ``us-parties/{us-applicants,inventors}`` from v4.3;
CPC only from v4.4. Both shapes are looked for in every generation, so a file that
straddles a change still parses.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from domain.ingestion.biblio_records import (
    CpcCode,
    Party,
    PatentDocumentRecord,
    RelatedDocument,
)
from domain.ingestion.normalize import (
    normalize_application_number,
    normalize_grant_number,
    normalize_kind_code,
    normalize_pct_number,
    normalize_publication_number,
    parse_date,
)
from domain.ingestion.uspto_xml import (
    count_independent_claims,
    int_of,
    text_of,
)
from domain.ingestion.xml_fields import (
    DocIdPaths,
    PartyPaths,
    PriorityPaths,
    checked_number,
    cpc_code_from_parts,
    read_party,
    read_priority_claims,
    read_related,
    required,
)

# v4.x paths relative to an addressbook, a document-id and a priority-claim.
_PARTY_PATHS = PartyPaths(
    first="first-name",
    middle="middle-name",
    last="last-name",
    suffix="suffix",
    orgname=("orgname",),
    city="address/city",
    state="address/state",
    country="address/country",
)
_DOC_ID_PATHS = DocIdPaths(country="country", kind="kind", date="date")
_PRIORITY_PATHS = PriorityPaths(
    claims="priority-claims/priority-claim",
    number="doc-number",
    country="country",
    date="date",
    kind_attr="kind",
)


def extract_v4(root: Any, generation: str) -> PatentDocumentRecord:
    """Build a PatentDocumentRecord from a v4.x grant or application root (§2.2, §2.3)."""
    is_grant = root.tag == "us-patent-grant"
    biblio = required(
        root.find(
            "us-bibliographic-data-grant" if is_grant else "us-bibliographic-data-application"
        ),
        "us-bibliographic-data block",
    )
    pub = biblio.find("publication-reference/document-id")
    raw_number = required(text_of(pub, "doc-number"), "publication-reference/doc-number")
    normalize = normalize_grant_number if is_grant else normalize_publication_number
    number, warnings = checked_number(raw_number, normalize(raw_number), "document number")
    series = text_of(biblio, "us-application-series-code")
    app = biblio.find("application-reference")
    app_raw = text_of(app, "document-id/doc-number")
    applicants = _applicants(biblio)
    return PatentDocumentRecord(
        patent_type="grant" if is_grant else "application",
        doc_number=number,
        doc_number_raw=raw_number,
        kind=normalize_kind_code(text_of(pub, "kind")),
        publication_date=parse_date(text_of(pub, "date")),
        dtd_version=generation,
        country=text_of(pub, "country") or "US",
        appno_doc_num=normalize_application_number(app_raw, series),
        appno_doc_num_raw=app_raw,
        appno_date=parse_date(text_of(app, "document-id/date")),
        appl_type=None if app is None else app.get("appl-type"),
        series_code=series,
        title=text_of(biblio, "invention-title"),
        claims_count=int_of(biblio, "number-of-claims"),
        independent_claims_count=count_independent_claims(
            root.findall("claims/claim"), ".//claim-ref"
        ),
        term_extension_days=int_of(biblio, "us-term-of-grant/us-term-extension"),
        length_of_grant=int_of(biblio, "us-term-of-grant/length-of-grant"),
        disclaimer=biblio.find("us-term-of-grant/disclaimer") is not None,
        inventors=_inventors(biblio, applicants),
        applicants=applicants,
        assignees=_assignees(biblio),
        agents=_parties(biblio.findall("*/agents/agent"), "agent", "rep-type"),
        cpc=cpc_codes(biblio.find("classifications-cpc")),
        related_documents=related_documents(biblio.find("us-related-documents")),
        priority_claims=read_priority_claims(biblio, _PRIORITY_PATHS),
        file_attr=root.get("file"),
        warnings=tuple(warnings),
    )


def party_from(element: Any, role: str, position: int, type_attr: str | None = None) -> Party:
    """A Party from an element holding an ``addressbook`` (or the fields directly, v4.0)."""
    book = element.find("addressbook")
    if book is None:
        book = element  # v4.0 assignees put orgname/role straight under <assignee>
    # @sequence is 0-based in some files ("00") and 1-based in others ("001"), so the
    # document order (``position``) is the sequence.
    return read_party(
        book,
        book,
        _PARTY_PATHS,
        role,
        position,
        app_type=element.get(type_attr) if type_attr else None,
        authority_category=element.get("applicant-authority-category"),
        assignee_type=text_of(book, "role"),
    )


def _parties(elements: list[Any], role: str, type_attr: str | None = None) -> tuple[Party, ...]:
    return tuple(party_from(el, role, i, type_attr) for i, el in enumerate(elements, start=1))


def _applicants(biblio: Any) -> tuple[Party, ...]:
    elements = biblio.findall("us-parties/us-applicants/us-applicant")
    if not elements:
        elements = biblio.findall("parties/applicants/applicant")
    return _parties(elements, "applicant", "app-type")


def _inventors(biblio: Any, applicants: tuple[Party, ...]) -> tuple[Party, ...]:
    elements = biblio.findall("us-parties/inventors/inventor")
    if not elements:
        elements = biblio.findall("parties/inventors/inventor")
    if elements:
        return _parties(elements, "inventor")
    # v4.0-v4.2: inventors are the applicants typed applicant-inventor (§2.2).
    inventors = [a for a in applicants if a.app_type == "applicant-inventor"]
    return tuple(replace(p, role="inventor") for p in inventors)


def _assignees(biblio: Any) -> tuple[Party, ...]:
    return _parties(biblio.findall("assignees/assignee"), "assignee")


def cpc_codes(container: Any) -> tuple[CpcCode, ...]:
    """CPC allocations of ``classifications-cpc`` (v4.4+): main first, then further (§2.2)."""
    if container is None:
        return ()
    codes: list[CpcCode] = []
    # Direct children only: combination-set entries repeat symbols already listed.
    for group, is_main in (("main-cpc", True), ("further-cpc", False)):
        for el in container.findall(f"{group}/classification-cpc"):
            code = _cpc_code(el, is_main, len(codes) + 1)
            if code is not None:
                codes.append(code)
    return tuple(codes)


def _cpc_code(el: Any, is_main: bool, position: int) -> CpcCode | None:
    section = text_of(el, "section")
    klass = text_of(el, "class")
    subclass = text_of(el, "subclass")
    main_group = text_of(el, "main-group")
    subgroup = text_of(el, "subgroup")
    if not (section and klass and subclass and main_group and subgroup):
        return None
    return cpc_code_from_parts(
        (section, klass, subclass, main_group, subgroup),
        is_main=is_main,
        is_inventive=text_of(el, "classification-value") == "I",
        position=position,
        symbol_position=text_of(el, "symbol-position"),
        version_date=parse_date(text_of(el, "cpc-version-indicator/date")),
        action_date=parse_date(text_of(el, "action-date/date")),
        status=text_of(el, "classification-status"),
        origination=text_of(el, "scheme-origination-code"),
    )


def _normalize_related(relation: str, raw: str) -> str:
    if relation == "related-publication":
        return normalize_publication_number(raw) or raw
    return normalize_application_number(raw) or normalize_pct_number(raw) or raw


def related_documents(container: Any) -> tuple[RelatedDocument, ...]:
    """Entries of ``us-related-documents``: relation/parent-doc shapes and plain ids (§2.2)."""
    if container is None:
        return ()
    out: list[RelatedDocument | None] = []
    for entry in container:
        if not isinstance(entry.tag, str):
            continue
        relation = entry.tag
        relations = entry.findall("relation")
        for rel in relations:
            parent = rel.find("parent-doc")
            out.append(
                _related_entry(
                    relation,
                    None if parent is None else parent.find("document-id"),
                    text_of(parent, "parent-status"),
                    text_of(parent, "parent-grant-document/document-id/doc-number"),
                    text_of(rel, "child-doc/document-id/doc-number"),
                )
            )
        if not relations:
            # Provisionals and related publications: a plain document-id, no parent/child.
            out.append(
                _related_entry(
                    relation,
                    entry.find("document-id"),
                    text_of(entry, "us-provisional-application-status"),
                )
            )
    return tuple(doc for doc in out if doc is not None)


def _related_entry(
    relation: str,
    doc: Any,
    parent_status: str | None,
    grant_raw: str | None = None,
    child_raw: str | None = None,
) -> RelatedDocument | None:
    # An entry without a document number cannot be keyed and is dropped.
    raw = text_of(doc, "doc-number")
    if raw is None:
        return None
    return read_related(
        doc,
        _DOC_ID_PATHS,
        relation=relation,
        doc_number=_normalize_related(relation, raw),
        doc_number_raw=raw,
        parent_status=parent_status,
        parent_grant_doc_num=normalize_grant_number(grant_raw) or grant_raw,
        child_doc_number=normalize_application_number(child_raw) or child_raw,
    )
