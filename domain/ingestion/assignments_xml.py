"""Streaming parser for the USPTO daily patent-assignment XML (ingestion.md §2.1).

Memory stays bounded by one ``patent-assignment`` whatever the file size: each record is
released (cleared, earlier siblings deleted) as soon as it is converted (§1.1 step 5).
A record that fails validation becomes a ``ParseError`` and parsing continues; a
document-level XML syntax error ends the file with one final ``ParseError``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from datetime import date
from typing import IO, Any

from domain.ingestion.normalize import (
    clean_text,
    collapse_ws,
    format_rf_id,
    normalize_application_number,
    normalize_grant_number,
    normalize_kind_code,
    normalize_pct_number,
    normalize_publication_number,
    parse_date,
    parse_int,
)
from domain.ingestion.records import (
    Assignee,
    AssignmentProperty,
    AssignmentRecord,
    Assignor,
    DocumentId,
    IdType,
    InvalidRecordError,
    ParseError,
    earliest_date,
)
from domain.ingestion.xml_fields import IrregularShape, child_map, child_texts
from domain.ingestion.xml_safety import XMLSyntaxError, release, safe_iterparse, xml_snippet

RECORD_TAG = "patent-assignment"
_HEADER_TAG = "transaction-date"

Source = str | os.PathLike[str] | IO[bytes]

_NORMALIZERS: dict[str, Callable[[str | None], str | None]] = {
    "application": normalize_application_number,
    "publication": normalize_publication_number,
    "grant": normalize_grant_number,
    "pct": normalize_pct_number,
}


def _text(parent: Any, path: str) -> str | None:
    return clean_text(parent.findtext(path))


def _date(parent: Any, path: str) -> date | None:
    return parse_date(parent.findtext(path))


def classify_document_id(doc_number: str | None, kind: str | None) -> IdType:
    """What a document-id names: X0 application, A* publication, B*/S/E/P/H grant (§2.1)."""
    # Kind decides; the number's shape is the fallback when kind is missing or unusual.
    if kind == "X0":
        return "application"
    if kind is not None and (kind[0] == "A" or kind in ("P1", "P4", "P9")):
        return "publication"  # P1/P4/P9 are plant publications (§2.3), P2/P3 plant grants
    if kind is not None and kind[0] in "BSEPH":
        return "grant"
    compact = clean_text(doc_number) or ""
    if compact.upper().startswith("PCT"):
        return "pct"
    if normalize_publication_number(compact) and len(compact.strip()) >= 10:
        return "publication"
    if len(compact) == 8 and compact.isdigit():
        return "application"
    if normalize_grant_number(compact):
        return "grant"
    return "unknown"


def _document_id(element: Any) -> DocumentId:
    number = _text(element, "doc-number")
    kind = normalize_kind_code(element.findtext("kind"))
    date_raw = _text(element, "date")
    return DocumentId(
        country=_text(element, "country"),
        doc_number=number,
        kind=kind,
        date=parse_date(date_raw),
        date_raw=date_raw,
        id_type=classify_document_id(number, kind),
        name=_text(element, "name"),
    )


def build_property(
    seq: int,
    ids: tuple[DocumentId, ...],
    title: str | None,
    title_lang: str | None,
    inventors: tuple[str, ...] = (),
) -> AssignmentProperty:
    """Fold a property's document ids into the normalized ``document_ids`` row (§2.1)."""
    found: dict[str, tuple[str, date | None]] = {}
    for doc in ids:
        id_type = doc.id_type
        normalizer = _NORMALIZERS.get(id_type)
        if normalizer is None or id_type in found:  # first usable number of each type wins
            continue
        number = normalizer(doc.doc_number)
        if number is not None:
            found[id_type] = (number, doc.date)
    if "application" not in found and "publication" not in found and "grant" not in found:
        raw = ", ".join(f"{d.doc_number}/{d.kind}" for d in ids) or "none"
        # domain-model §2: document_ids CHECK requires a doc number, so this is a bad record.
        raise InvalidRecordError(f"property {seq} has no usable document number ({raw})")
    app, pub, grant = found.get("application"), found.get("publication"), found.get("grant")
    pct = found.get("pct")
    return AssignmentProperty(
        seq=seq,
        appno_doc_num=app[0] if app else None,
        appno_date=app[1] if app else None,
        pgpub_doc_num=pub[0] if pub else None,
        pgpub_date=pub[1] if pub else None,
        grant_doc_num=grant[0] if grant else None,
        grant_date=grant[1] if grant else None,
        pct_doc_num=pct[0] if pct else None,
        title=title,
        title_lang=title_lang,
        document_ids=ids,
        inventors=inventors,
    )


def _property(seq: int, element: Any) -> AssignmentProperty:
    title_el = element.find("invention-title")
    title = collapse_ws("".join(title_el.itertext())) if title_el is not None else None
    lang = clean_text(title_el.get("lang")) if title_el is not None else None
    ids = tuple(_document_id(d) for d in element.iterfind("document-id"))
    return build_property(seq, ids, title, lang)


def required_name(name: str | None, what: str, seq: int) -> str:
    """``name``, or InvalidRecordError: a party without a name cannot be stored (§2.1)."""
    if name is None:
        raise InvalidRecordError(f"{what} {seq} has no name")
    return name


def _assignor(seq: int, element: Any) -> Assignor:
    return Assignor(
        seq=seq,
        or_name=required_name(_text(element, "name"), "assignor", seq),
        exec_dt=_date(element, "execution-date/date"),
        ack_dt=_date(element, "date-acknowledged/date"),
        name_type=clean_text(element.find("name").get("name-type")),
    )


def _assignee(seq: int, element: Any) -> Assignee:
    return Assignee(
        seq=seq,
        ee_name=required_name(_text(element, "name"), "assignee", seq),
        ee_address_1=_text(element, "address-1"),
        ee_address_2=_text(element, "address-2"),
        ee_city=_text(element, "city"),
        ee_state=_text(element, "state"),
        ee_postcode=_text(element, "postcode"),
        ee_country=_text(element, "country-name"),
        name_type=clean_text(element.find("name").get("name-type")),
    )


def _children(element: Any, path: str, what: str) -> list[Any]:
    found = element.findall(path)
    if not found:
        raise InvalidRecordError(f"no {what}")
    return list(found)


def _required_int(value: str | None, what: str) -> int:
    number = parse_int(value)
    if number is None:
        raise InvalidRecordError(f"{what} is not an integer: {value!r}")
    return number


def parse_assignment_element(
    element: Any, transaction_date: date | None = None
) -> AssignmentRecord:
    """Convert one ``patent-assignment`` element; raises InvalidRecordError when malformed."""
    # One walk over the children builds every well-formed record; anything unusual (a
    # repeated wrapper, a failed check) goes the general way, which decides and explains.
    try:
        record = fast_record(element, transaction_date)
    except (InvalidRecordError, IrregularShape):
        record = None
    return record if record is not None else _general_record(element, transaction_date)


def _general_record(element: Any, transaction_date: date | None) -> AssignmentRecord:
    rec = element.find("assignment-record")
    if rec is None:
        raise InvalidRecordError("no assignment-record")
    reel = _required_int(rec.findtext("reel-no"), "reel-no")
    frame = _required_int(rec.findtext("frame-no"), "frame-no")
    page_raw = _text(rec, "page-count")
    page_count = parse_int(page_raw)
    if page_raw is not None and page_count is None:
        raise InvalidRecordError(f"page-count is not an integer: {page_raw!r}")
    assignors = tuple(
        _assignor(i, e)
        for i, e in enumerate(_children(element, "patent-assignors/patent-assignor", "assignor"), 1)
    )
    assignees = tuple(
        _assignee(i, e)
        for i, e in enumerate(_children(element, "patent-assignees/patent-assignee", "assignee"), 1)
    )
    property_elements = _children(element, "patent-properties/patent-property", "property")
    properties = tuple(_property(i, e) for i, e in enumerate(property_elements, 1))
    return AssignmentRecord(
        rf_id=format_rf_id(reel, frame),
        reel_no=str(reel),  # digits, unpadded (§2.1); the column is text
        frame_no=str(frame),
        last_update_dt=_date(rec, "last-update-date/date"),
        purge_indicator=normalize_kind_code(rec.findtext("purge-indicator")),
        record_dt=_date(rec, "recorded-date/date"),
        exec_dt=earliest_date([a.exec_dt for a in assignors]),
        page_count=page_count,
        convey_text=_text(rec, "conveyance-text"),
        cname=_text(rec, "correspondent/name"),
        caddress_1=_text(rec, "correspondent/address-1"),
        caddress_2=_text(rec, "correspondent/address-2"),
        caddress_3=_text(rec, "correspondent/address-3"),
        caddress_4=_text(rec, "correspondent/address-4"),
        assignors=assignors,
        assignees=assignees,
        properties=properties,
        source="daily_xml",
        transaction_date=transaction_date,
    )


def invalid_record_error(
    ordinal: int, element: Any, reason: str, reel: str | None, frame: str | None
) -> ParseError:
    """The ParseError of a record that failed validation, with its XML as raw data."""
    raw = xml_snippet(element)
    return ParseError(ordinal, element.sourceline, reason, "invalid_record", reel, frame, raw)


def xml_syntax_error(ordinal: int, exc: XMLSyntaxError) -> ParseError:
    """The final ParseError of a stream that stopped on an XML syntax error."""
    line = exc.lineno if isinstance(exc.lineno, int) else None
    return ParseError(ordinal, line, f"XML syntax error: {exc}", "xml_syntax")


def _error(ordinal: int, element: Any, reason: str) -> ParseError:
    rec = element.find("assignment-record")
    reel = clean_text(rec.findtext("reel-no")) if rec is not None else None
    frame = clean_text(rec.findtext("frame-no")) if rec is not None else None
    return invalid_record_error(ordinal, element, reason, reel, frame)


def iter_assignments(source: Source) -> Iterator[AssignmentRecord | ParseError]:
    """Stream AssignmentRecords (or ParseErrors) from a daily assignment XML path or stream."""
    ordinal = 0
    transaction_date: date | None = None
    try:
        for _, element in safe_iterparse(source, tag=(_HEADER_TAG, RECORD_TAG)):
            if element.tag == _HEADER_TAG:
                # §3 quirk 12: the business date is transaction-date, not date-produced.
                transaction_date = _date(element, "date")
                release(element)
                continue
            ordinal += 1
            try:
                yield parse_assignment_element(element, transaction_date)
            except InvalidRecordError as exc:
                yield _error(ordinal, element, str(exc))
            release(element)
    except XMLSyntaxError as exc:
        # libxml2 cannot resynchronise after a fatal error; what was parsed is kept.
        yield xml_syntax_error(ordinal + 1, exc)


# --------------------------------------------------------------------------- fast path
# The general readers above look every field up by path (~45 findtext calls a record);
# the builders below walk each element's children once. They agree with the general path
# on every record they accept; what they cannot read the same way (a repeated tag, a
# missing part, a failed check) raises, and the general path rebuilds or rejects it.

# A day file holds few distinct dates; parse_date is pure and dates are immutable.
_cached_date = functools.lru_cache(maxsize=4096)(parse_date)


class _Irregular(InvalidRecordError):
    """This record needs the general path."""


def _kid_text(kids: dict[Any, Any], tag: str) -> str | None:
    child = kids.get(tag)
    return None if child is None else clean_text(child.text)


def _raw_text(kids: dict[Any, Any], tag: str) -> str | None:
    child = kids.get(tag)
    return None if child is None else child.text


def _wrapped_date(kids: dict[Any, Any], tag: str) -> date | None:
    wrapper = kids.get(tag)
    if wrapper is not None:
        for child in wrapper.iterchildren("date"):
            return _cached_date(child.text)
    return None


def _listed(kids: dict[Any, Any], wrapper_tag: str, tag: str) -> list[Any]:
    wrapper = kids.get(wrapper_tag)
    found = [] if wrapper is None else list(wrapper.iterchildren(tag))
    if not found:
        raise _Irregular
    return found


def _named(kids: dict[Any, Any]) -> tuple[str, str | None]:
    name_el = kids.get("name")
    name = None if name_el is None else clean_text(name_el.text)
    if name_el is None or name is None:
        raise _Irregular
    return name, clean_text(name_el.get("name-type"))


def _fast_assignor(seq: int, element: Any) -> Assignor:
    kids = child_map(element)
    name, name_type = _named(kids)
    exec_dt = _wrapped_date(kids, "execution-date")
    ack_dt = _wrapped_date(kids, "date-acknowledged")
    return Assignor(seq, name, exec_dt, ack_dt, name_type)


def _fast_assignee(seq: int, element: Any) -> Assignee:
    name_el = element.find("name")
    t = child_texts(element)
    name = t.get("name")
    if name is None:
        raise _Irregular
    get = t.get
    return Assignee(
        seq,
        name,
        get("address-1"),
        get("address-2"),
        get("city"),
        get("state"),
        get("postcode"),
        get("country-name"),
        clean_text(name_el.get("name-type")),
    )


def _fast_document_id(element: Any) -> DocumentId:
    # The helpers strip their input themselves, so text cleaned once reads the same.
    t = child_texts(element)
    get = t.get
    number = get("doc-number")
    kind = normalize_kind_code(get("kind"))
    date_raw = get("date")
    date_ = _cached_date(date_raw)
    return DocumentId(
        get("country"),
        number,
        kind,
        date_,
        date_raw,
        classify_document_id(number, kind),
        get("name"),
    )


def _fast_property(seq: int, element: Any) -> AssignmentProperty:
    title_el = None
    ids = []
    for child in element:
        tag = child.tag
        if tag == "document-id":
            ids.append(_fast_document_id(child))
        elif tag == "invention-title" and title_el is None:
            title_el = child
    title = lang = None
    if title_el is not None:
        # Mixed content (<b>, <sup> …) is flattened; a plain title is just its text.
        flat = "".join(title_el.itertext()) if len(title_el) else title_el.text
        title = collapse_ws(flat)
        lang = clean_text(title_el.get("lang"))
    return build_property(seq, tuple(ids), title, lang)


def fast_record(element: Any, transaction_date: date | None) -> AssignmentRecord:
    """The record of a well-formed element in one walk; _Irregular when unsure (see above)."""
    top = child_map(element)
    rec_el = top.get("assignment-record")
    if rec_el is None:
        raise _Irregular
    rec = child_map(rec_el)
    reel = parse_int(_raw_text(rec, "reel-no"))
    frame = parse_int(_raw_text(rec, "frame-no"))
    page_raw = _kid_text(rec, "page-count")
    page_count = parse_int(page_raw)
    if reel is None or frame is None or (page_raw is not None and page_count is None):
        raise _Irregular
    assignors = tuple(
        _fast_assignor(i, e)
        for i, e in enumerate(_listed(top, "patent-assignors", "patent-assignor"), 1)
    )
    assignees = tuple(
        _fast_assignee(i, e)
        for i, e in enumerate(_listed(top, "patent-assignees", "patent-assignee"), 1)
    )
    properties = tuple(
        _fast_property(i, e)
        for i, e in enumerate(_listed(top, "patent-properties", "patent-property"), 1)
    )
    corr_el = rec.get("correspondent")
    corr = {} if corr_el is None else child_map(corr_el)
    return AssignmentRecord(
        format_rf_id(reel, frame),
        str(reel),
        str(frame),
        _wrapped_date(rec, "last-update-date"),
        normalize_kind_code(_raw_text(rec, "purge-indicator")),
        _wrapped_date(rec, "recorded-date"),
        earliest_date([a.exec_dt for a in assignors]),
        page_count,
        _kid_text(rec, "conveyance-text"),
        _kid_text(corr, "name"),
        _kid_text(corr, "address-1"),
        _kid_text(corr, "address-2"),
        _kid_text(corr, "address-3"),
        _kid_text(corr, "address-4"),
        assignors,
        assignees,
        properties,
        "daily_xml",
        transaction_date,
    )
