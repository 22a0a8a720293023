"""EPO OPS family (and legal) responses and the ``X-Throttling-Control`` header (§2.7).

Responses are small (one family), so they are parsed whole. Members may be fewer than
``total-result-count`` (trimmed responses, quirk 18): the count is reported, never
asserted.
"""

from __future__ import annotations

import re
from typing import Any

from domain.ingestion.biblio_records import (
    EpoDocumentId,
    EpoFamily,
    EpoFamilyMember,
    EpoLegalEvent,
    EpoPriorityClaim,
    ServiceThrottle,
    ThrottlingControl,
)
from domain.ingestion.normalize import (
    application_number_from_docdb,
    clean_text,
    normalize_grant_number,
    normalize_kind_code,
    normalize_publication_number,
    parse_date,
    parse_int,
    parse_reel_frame,
)
from domain.ingestion.xml_safety import parse_xml_bytes

EXCHANGE = "http://www.epo.org/exchange"
OPS = "http://ops.epo.org"
_X = f"{{{EXCHANGE}}}"
_O = f"{{{OPS}}}"
_REEL_FRAME = re.compile(r"REEL/FRAME:\s*(\d+\s*/\s*\d+)")
_L_FIELD = re.compile(r"^L\d{3}EP$")


def _text(el: Any, path: str) -> str | None:
    found = None if el is None else el.find(path)
    return None if found is None else clean_text("".join(found.itertext()))


def _document_id(holder: Any, id_type: str = "docdb") -> EpoDocumentId | None:
    """The ``document-id`` of the given type inside ``holder``, or None."""
    if holder is None:
        return None
    for doc in holder.findall(f"{_X}document-id"):
        if doc.get("document-id-type", "docdb") != id_type:
            continue
        number = _text(doc, f"{_X}doc-number")
        if number is None:
            return None
        return EpoDocumentId(
            country=_text(doc, f"{_X}country"),
            doc_number=number,
            kind=normalize_kind_code(_text(doc, f"{_X}kind")),
            date=parse_date(_text(doc, f"{_X}date")),  # 00010101 means unset (§1.5)
        )
    return None


def parse_legal_event(el: Any) -> EpoLegalEvent:
    """One ``ops:legal`` element as an event; reel/frame quoted in US AS text (§2.7)."""
    fields: list[tuple[str, str]] = []
    for child in el.iter():
        if not isinstance(child.tag, str):
            continue
        local = child.tag.rsplit("}", 1)[-1]
        if _L_FIELD.match(local) and len(child) == 0:
            fields.append((local, clean_text(child.text) or ""))
    values = dict(fields)
    free_text = values.get("L510EP") or None
    reel_frame = None
    # US assignment events quote REEL/FRAME:045210/0369 - a cross-check for §2.1 only.
    m = _REEL_FRAME.search(free_text or "") or _REEL_FRAME.search(
        " ".join(p.text or "" for p in el.findall(f"{_O}pre"))
    )
    if m:
        reel_frame = parse_reel_frame(m.group(1))
    return EpoLegalEvent(
        code=(el.get("code") or "").strip(),
        description=clean_text(el.get("desc")),
        influence=clean_text(el.get("infl")),
        date_migrated=parse_date(el.get("dateMigr")),
        gazette_date=parse_date(values.get("L007EP")),
        country=values.get("L001EP") or None,
        doc_type=values.get("L002EP") or None,
        doc_number=values.get("L003EP") or None,
        kind=values.get("L004EP") or None,
        owner=values.get("L509EP") or None,
        free_text=free_text,
        effective_date=parse_date(values.get("L525EP")),
        reel_no=None if reel_frame is None else reel_frame[0],
        frame_no=None if reel_frame is None else reel_frame[1],
        raw_lines=tuple(
            p.text or "" for p in sorted(el.findall(f"{_O}pre"), key=lambda p: p.get("line", ""))
        ),
        fields=tuple(fields),
    )


def _priority_claims(member: Any) -> tuple[EpoPriorityClaim, ...]:
    claims = []
    for el in member.findall(f"{_X}priority-claim"):
        doc = _document_id(el)
        if doc is None:
            continue
        active = _text(el, f"{_X}priority-active-indicator")
        claims.append(
            EpoPriorityClaim(
                sequence=parse_int(el.get("sequence")),
                kind=el.get("kind"),
                document=doc,
                active=None if active is None else active.upper() == "YES",
                linkage_type=_text(el, f"{_X}priority-linkage-type"),
            )
        )
    return tuple(claims)


def _us_number(doc: EpoDocumentId) -> str | None:
    # DOCDB drops a digit of US publication numbers (2014102795); grants are unpadded.
    if doc.country != "US":
        return None
    if (doc.kind or "").startswith("A") and len(doc.doc_number) >= 10:
        return normalize_publication_number(doc.doc_number)
    return normalize_grant_number(doc.doc_number)


def parse_family_member(member: Any) -> EpoFamilyMember | None:
    """One ``ops:family-member``; None when it has no docdb publication reference."""
    pub_ref = member.find(f"{_X}publication-reference")
    publication = _document_id(pub_ref)
    if publication is None:
        return None
    epodoc = _document_id(pub_ref, "epodoc")
    app_ref = member.find(f"{_X}application-reference")
    application = _document_id(app_ref)
    return EpoFamilyMember(
        family_id=member.get("family-id") or "",
        publication=publication,
        epodoc_number=None if epodoc is None else epodoc.doc_number,
        application=application,
        application_doc_id=None if app_ref is None else app_ref.get("doc-id"),
        is_representative=app_ref is not None and app_ref.get("is-representative") == "YES",
        us_doc_num=_us_number(publication),
        us_appno_doc_num=(
            application_number_from_docdb(application.doc_number)
            if application is not None and application.country == "US"
            else None
        ),
        priority_claims=_priority_claims(member),
        legal_events=tuple(parse_legal_event(el) for el in member.findall(f"{_O}legal")),
    )


def parse_family_response(data: bytes) -> EpoFamily:
    """A ``…/family/publication/docdb/…[/legal]`` response body as an EpoFamily (§2.7)."""
    root = parse_xml_bytes(data)
    family = root.find(f"{_O}patent-family")
    if family is None:
        return EpoFamily(None, None, None, False, ())
    members = tuple(
        m
        for m in (parse_family_member(el) for el in family.findall(f"{_O}family-member"))
        if m is not None
    )
    family_id = next((m.family_id for m in members if m.family_id), None)
    return EpoFamily(
        family_id=family_id,
        query=_document_id(family.find(f"{_O}publication-reference")),
        total_result_count=parse_int(family.get("total-result-count")),
        has_legal=(family.get("legal") or "").lower() == "true",
        members=members,
    )


_SERVICE = re.compile(r"([A-Za-z-]+)\s*=\s*([A-Za-z]+)\s*(?::\s*(\d+))?")


def parse_throttling_control(value: str | None) -> ThrottlingControl | None:
    """``busy (images=green:200, inpadoc=yellow:60, …)`` as overall + per service (§2.7)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    overall, _, rest = text.partition("(")
    services = {
        m.group(1).lower(): ServiceThrottle(
            colour=m.group(2).lower(), requests_per_minute=parse_int(m.group(3))
        )
        for m in _SERVICE.finditer(rest)
    }
    return ThrottlingControl(overall=overall.strip().lower() or "unknown", services=services)
