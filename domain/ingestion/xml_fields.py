"""Field readers shared by the per-generation grant/publication extractors (§2.2, §2.3).

The DTD generations (ST.32 v2.5, pap v1.5/v1.6, v4.x) name the same bibliographic fields
differently; each extractor describes its element paths in a small frozen dataclass and
one reader here turns them into records, so the mapping rules (display-name fallback,
priority sequence, number normalisation, CPC symbol assembly) live in one place. The CPC
builder also serves the MCF parser in ``cpc``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from domain.ingestion.biblio_records import CpcCode, Party, PriorityClaim, RelatedDocument
from domain.ingestion.normalize import normalize_cpc_symbol, normalize_kind_code, parse_date
from domain.ingestion.uspto_xml import MissingFieldError, name_of, text_of

_T = TypeVar("_T")


def required(value: _T | None, what: str) -> _T:
    """``value``, or MissingFieldError("no <what>") when the document lacks it."""
    if value is None:
        raise MissingFieldError(f"no {what}")
    return value


def checked_number(raw: str, normalized: str | None, what: str) -> tuple[str, list[str]]:
    """(number, warnings): the normalized number, else ``raw`` kept with a warning."""
    # An unrecognised number still keys a row; the warning flags it for review.
    if normalized is None:
        return raw, [f"unrecognised {what} {raw!r}; kept as published"]
    return normalized, []


@dataclass(frozen=True, slots=True)
class PartyPaths:
    """Where one DTD generation keeps a party's name and address parts."""

    first: str
    middle: str
    last: str
    suffix: str
    orgname: tuple[str, ...]  # tried in order; pap has two places for it
    city: str
    state: str
    country: str


def first_text(element: Any, paths: tuple[str, ...]) -> str | None:
    """Text of the first of ``paths`` that has any, else None."""
    value = None
    for path in paths:
        value = text_of(element, path)
        if value:
            break
    return value


def read_party(
    names: Any,
    address: Any,
    paths: PartyPaths,
    role: str,
    sequence: int,
    *,
    country_default: str | None = None,
    app_type: str | None = None,
    authority_category: str | None = None,
    assignee_type: str | None = None,
) -> Party:
    """A Party from its name element and address element, read with ``paths``."""
    first = text_of(names, paths.first)
    middle = text_of(names, paths.middle)
    last = text_of(names, paths.last)
    orgname = first_text(names, paths.orgname)
    return Party(
        role=role,
        sequence=sequence,
        # BR-021: the organisation name when published, else "Last, First Middle".
        name=orgname or name_of(last, first, middle) or "",
        first_name=first,
        middle_name=middle,
        last_name=last,
        suffix=text_of(names, paths.suffix),
        orgname=orgname,
        city=text_of(address, paths.city),
        state=text_of(address, paths.state),
        country=text_of(address, paths.country) or country_default,
        app_type=app_type,
        authority_category=authority_category,
        assignee_type=assignee_type,
    )


@dataclass(frozen=True, slots=True)
class PriorityPaths:
    """Where one DTD generation keeps its foreign priority claims."""

    claims: str  # path from the bibliographic block to each claim element
    number: str
    country: str
    date: str
    kind_attr: str | None = None  # only v4 carries a kind (as an attribute)


def read_priority_claims(biblio: Any, paths: PriorityPaths) -> tuple[PriorityClaim, ...]:
    """Priority claims of a bibliographic block; claims without a number are skipped."""
    out: list[PriorityClaim] = []
    # The sequence counts skipped claims too: it is the position in the document.
    for i, el in enumerate(biblio.findall(paths.claims), start=1):
        number = text_of(el, paths.number)
        if number is None:
            continue
        out.append(
            PriorityClaim(
                sequence=i,
                country=text_of(el, paths.country),
                doc_number=number,
                date=parse_date(text_of(el, paths.date)),
                kind=el.get(paths.kind_attr) if paths.kind_attr else None,
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class DocIdPaths:
    """Where one DTD generation keeps a document id's country, kind and date."""

    country: str
    kind: str
    date: str


def read_related(
    doc: Any,
    paths: DocIdPaths,
    *,
    relation: str,
    doc_number: str,
    doc_number_raw: str,
    country_default: str | None = None,
    parent_status: str | None = None,
    parent_grant_doc_num: str | None = None,
    child_doc_number: str | None = None,
) -> RelatedDocument:
    """A RelatedDocument whose country/kind/date are read from ``doc`` with ``paths``."""
    return RelatedDocument(
        relation=relation,
        doc_number=doc_number,
        doc_number_raw=doc_number_raw,
        country=text_of(doc, paths.country) or country_default,
        kind=normalize_kind_code(text_of(doc, paths.kind)),
        date=parse_date(text_of(doc, paths.date)),
        parent_status=parent_status,
        parent_grant_doc_num=parent_grant_doc_num,
        child_doc_number=child_doc_number,
    )


def cpc_code_from_parts(
    parts: tuple[str, str, str, str, str],
    *,
    is_main: bool,
    is_inventive: bool,
    position: int,
    symbol_position: str | None = None,
    version_date: date | None = None,
    action_date: date | None = None,
    status: str | None = None,
    origination: str | None = None,
) -> CpcCode:
    """A CpcCode from (section, class, subclass, main group, subgroup) as published."""
    section, klass, subclass, main_group, subgroup = parts
    symbol = f"{section}{klass}{subclass}{main_group}/{subgroup}"
    return CpcCode(
        code=normalize_cpc_symbol(symbol) or symbol,
        section=section,
        cpc_class=klass,
        subclass=subclass,
        # Files pad main groups ("0005"); the column holds the unpadded form.
        main_group=main_group.lstrip("0") or "0",
        subgroup=subgroup,
        is_main=is_main,
        is_inventive=is_inventive,
        position=position,
        symbol_position=symbol_position,
        version_date=version_date,
        action_date=action_date,
        status=status,
        origination=origination,
    )


# One-pass child readers (the assignment parser's fast path): one walk over an element's
# children instead of a findtext per field. They only stand in for path lookups when each
# tag occurs once; otherwise "first match of a/b" could differ, so they refuse.


class IrregularShape(ValueError):
    """An element with a repeated child tag: read it by path instead."""


def child_map(element: Any) -> dict[Any, Any]:
    """Child element by tag; IrregularShape when a tag repeats."""
    out: dict[Any, Any] = {}
    for child in element:
        tag = child.tag
        if tag in out:
            raise IrregularShape(tag)
        out[tag] = child
    return out


def child_texts(element: Any) -> dict[Any, str | None]:
    """Text by child tag, stripped and "" as None (like ``clean_text``); IrregularShape when
    a tag repeats. For elements whose children are leaves."""
    out = {child.tag: (t.strip() or None) if (t := child.text) else None for child in element}
    if len(out) != len(element):
        raise IrregularShape(element.tag)
    return out
