"""Parser for USPTO assignment search API responses (Solr ``<response>`` XML, ingestion.md §2.8).

Each ``doc`` becomes the same ``AssignmentRecord`` the daily feed produces (source
``search_api``) so the loader can merge both by ``rf_id`` (D20). Quirks handled (§3 quirk
11): literal ``NULL`` strings, ``0001-01-01``/``0000-01-01`` no-date sentinels, ISO instants
at 04:00Z meaning a US calendar date, parallel arrays zipped by index, and the unreliable
``*Size``/``*First``/``*Facet`` fields, which are ignored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, TypeVar

from domain.ingestion.assignments_xml import (
    build_property,
    invalid_record_error,
    required_name,
    xml_syntax_error,
)
from domain.ingestion.normalize import (
    collapse_ws,
    format_rf_id,
    parse_date,
    parse_int,
    parse_reel_frame,
    strip_null,
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
from domain.ingestion.xml_safety import XMLSyntaxError, release, safe_iterparse

Source = str | os.PathLike[str] | IO[bytes]
Fields = dict[str, str | list[str | None] | None]
_T = TypeVar("_T")

# Generational suffixes that the comma-joined ``inventors`` field splits off a name.
_NAME_SUFFIX = re.compile(r"^(JR|SR|II|III|IV|V|ESQ)\.?$", re.IGNORECASE)

# Per-property parallel arrays: (number field, date field, id type). pctNum has no date of
# its own; intlPublDate belongs to intlRegNum (Hague design registrations), not stored.
_PROPERTY_IDS: tuple[tuple[str, str | None, IdType], ...] = (
    ("applNum", "filingDate", "application"),
    ("publNum", "publDate", "publication"),
    ("patNum", "issueDate", "grant"),
    ("pctNum", None, "pct"),
)
_PROPERTY_FIELDS = ("applNum", "publNum", "patNum", "pctNum", "inventionTitle", "inventors")


@dataclass(frozen=True, slots=True)
class AssignmentApiPage:
    """One response page: Solr ``numFound``/``start`` (for paging) and the parsed docs."""

    num_found: int | None
    start: int | None
    items: tuple[AssignmentRecord | ParseError, ...]


def split_inventor_names(raw: str | None) -> tuple[str, ...]:
    """Split the comma-joined ``inventors`` value into names, keeping ``Jr.``-type suffixes."""
    text = strip_null(raw)
    if text is None:
        return ()
    names: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if names and _NAME_SUFFIX.match(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return tuple(names)


def _fields(doc: Any) -> Fields:
    out: Fields = {}
    for child in doc:
        name = child.get("name")
        if not isinstance(child.tag, str) or name is None:
            continue
        if child.tag == "arr":
            out[name] = [c.text for c in child if isinstance(c.tag, str)]
        else:
            out[name] = child.text
    return out


def _scalar(fields: Fields, name: str) -> str | None:
    value = fields.get(name)
    return strip_null(value) if isinstance(value, str) else None


def _array(fields: Fields, name: str) -> list[str | None]:
    value = fields.get(name)
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _at(values: list[str | None], index: int) -> str | None:
    return strip_null(values[index]) if index < len(values) else None


def _parties(names: list[str | None], what: str, build: Callable[[int, str], _T]) -> tuple[_T, ...]:
    # The name array drives the zip: one party per name, each of which must be present.
    out = tuple(build(i, required_name(_at(names, i), what, i + 1)) for i in range(len(names)))
    if not out:
        raise InvalidRecordError(f"no {what}")
    return out


def _assignors(fields: Fields) -> tuple[Assignor, ...]:
    ex_dates, acks = _array(fields, "patAssignorExDate"), _array(fields, "patAssignorDateAck")
    types = _array(fields, "patAssignorNameType")
    return _parties(
        _array(fields, "patAssignorName"),
        "assignor",
        lambda i, name: Assignor(
            seq=i + 1,
            or_name=name,
            exec_dt=parse_date(_at(ex_dates, i)),
            ack_dt=parse_date(_at(acks, i)),
            name_type=_at(types, i),
        ),
    )


def _assignees(fields: Fields) -> tuple[Assignee, ...]:
    cols = {
        key: _array(fields, f"patAssignee{key}")
        for key in ("Address1", "Address2", "City", "State", "Postcode", "CountryName", "NameType")
    }
    return _parties(
        _array(fields, "patAssigneeName"),
        "assignee",
        lambda i, name: Assignee(
            seq=i + 1,
            ee_name=name,
            ee_address_1=_at(cols["Address1"], i),
            ee_address_2=_at(cols["Address2"], i),
            ee_city=_at(cols["City"], i),
            ee_state=_at(cols["State"], i),
            ee_postcode=_at(cols["Postcode"], i),
            ee_country=_at(cols["CountryName"], i),
            name_type=_at(cols["NameType"], i),
        ),
    )


def _properties(fields: Fields) -> tuple[AssignmentProperty, ...]:
    count = max(len(_array(fields, f)) for f in _PROPERTY_FIELDS)
    if count == 0:
        raise InvalidRecordError("no property")
    titles, langs = _array(fields, "inventionTitle"), _array(fields, "inventionTitleLang")
    inventors = _array(fields, "inventors")
    out = []
    for i in range(count):
        ids = []
        for number_field, date_field, id_type in _PROPERTY_IDS:
            number = _at(_array(fields, number_field), i)
            if number is None:
                continue
            date_raw = _at(_array(fields, date_field), i) if date_field else None
            ids.append(
                DocumentId(
                    country=None if id_type == "pct" else "US",
                    doc_number=number,
                    kind=None,  # the API carries no kind codes
                    date=parse_date(date_raw),
                    date_raw=date_raw,
                    id_type=id_type,
                )
            )
        out.append(
            build_property(
                i + 1,
                tuple(ids),
                collapse_ws(_at(titles, i)),
                _at(langs, i),
                split_inventor_names(_at(inventors, i)),
            )
        )
    return tuple(out)


def _reel_frame(fields: Fields) -> tuple[int, int]:
    reel, frame = parse_int(_scalar(fields, "reelNo")), parse_int(_scalar(fields, "frameNo"))
    if reel is not None and frame is not None:
        return reel, frame
    parsed = parse_reel_frame(_scalar(fields, "id")) or parse_reel_frame(
        _scalar(fields, "displayId")
    )
    if parsed is None:
        raise InvalidRecordError("no reel/frame")
    return parsed


def parse_api_doc(doc: Any) -> AssignmentRecord:
    """Convert one Solr ``doc`` element; raises InvalidRecordError when malformed."""
    fields = _fields(doc)
    reel, frame = _reel_frame(fields)
    page_raw = _scalar(fields, "pageCount")
    assignors = _assignors(fields)
    images = _scalar(fields, "assignmentRecordHasImages")
    return AssignmentRecord(
        rf_id=format_rf_id(reel, frame),
        reel_no=str(reel),
        frame_no=str(frame),
        last_update_dt=parse_date(_scalar(fields, "lastUpdateDate")),
        purge_indicator=_scalar(fields, "purgeIndicator"),
        record_dt=parse_date(_scalar(fields, "recordedDate")),
        exec_dt=earliest_date([a.exec_dt for a in assignors]),
        page_count=parse_int(page_raw),
        convey_text=_scalar(fields, "conveyanceText"),
        cname=_scalar(fields, "corrName"),
        caddress_1=_scalar(fields, "corrAddress1"),
        caddress_2=_scalar(fields, "corrAddress2"),
        caddress_3=_scalar(fields, "corrAddress3"),
        caddress_4=_scalar(fields, "corrAddress4"),
        assignors=assignors,
        assignees=_assignees(fields),
        properties=_properties(fields),
        source="search_api",
        transaction_date=parse_date(_scalar(fields, "transactionDate")),
        has_images=None if images is None else images.upper() == "Y",
    )


def _error(ordinal: int, doc: Any, reason: str) -> ParseError:
    fields = _fields(doc)
    reel, frame = _scalar(fields, "reelNo"), _scalar(fields, "frameNo")
    if reel is None and frame is None and (parsed := parse_reel_frame(_scalar(fields, "id"))):
        reel, frame = str(parsed[0]), str(parsed[1])
    return invalid_record_error(ordinal, doc, reason, reel, frame)


def _iter_page(
    source: Source, header: dict[str, int | None]
) -> Iterator[AssignmentRecord | ParseError]:
    ordinal = 0
    try:
        for event, element in safe_iterparse(
            source, events=("start", "end"), tag=("result", "doc")
        ):
            if element.tag == "result":
                if event == "start" and element.get("name") == "response":
                    header["num_found"] = parse_int(element.get("numFound"))
                    header["start"] = parse_int(element.get("start"))
                continue
            if event != "end":
                continue
            ordinal += 1
            try:
                yield parse_api_doc(element)
            except InvalidRecordError as exc:
                yield _error(ordinal, element, str(exc))
            release(element)
    except XMLSyntaxError as exc:
        yield xml_syntax_error(ordinal + 1, exc)


def iter_api_records(source: Source) -> Iterator[AssignmentRecord | ParseError]:
    """Stream AssignmentRecords (or ParseErrors) from a search API XML response."""
    yield from _iter_page(source, {})


def parse_assignment_api_response(source: Source) -> AssignmentApiPage:
    """Parse a whole response page, including ``numFound``/``start`` for paging (§2.8)."""
    header: dict[str, int | None] = {"num_found": None, "start": None}
    items = tuple(_iter_page(source, header))
    return AssignmentApiPage(header["num_found"], header["start"], items)
