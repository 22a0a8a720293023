"""CPC parsers: ST.96 master classification XML (§2.4), scheme XML and title list (§2.5).

Records carry codes, not ids: the loader resolves ``parent_code`` to ``parent_id`` after
COPY and swaps the table in one transaction.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from domain.ingestion.biblio_records import (
    BiblioParseError,
    CpcClassificationRecord,
    CpcCode,
    CpcMasterRecord,
    LineParseError,
)
from domain.ingestion.normalize import (
    collapse_ws,
    normalize_application_number,
    normalize_grant_number,
    normalize_kind_code,
    normalize_publication_number,
    parse_date,
)
from domain.ingestion.sources import iter_source_streams
from domain.ingestion.xml_fields import cpc_code_from_parts
from domain.ingestion.xml_safety import (
    XMLSyntaxError,
    parse_xml_bytes,
    release,
    safe_iterparse,
)

_GROUP_SYMBOL = re.compile(r"^([A-HY])(\d{2})([A-Z])(\d{1,4})/(\d{2,6})$")
_MCF_RECORD = "{patent:uspto:doc:us:gov}CPCMasterClassificationRecord"


# --------------------------------------------------------------------------- symbols


def split_cpc_symbol(symbol: str) -> tuple[str, str | None, str | None, str | None, str | None]:
    """(section, class, subclass, main group, subgroup) of ``A``/``A01``/``A01L``/``A01L1/02``."""
    m = _GROUP_SYMBOL.match(symbol)
    if m:
        return m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    return symbol[:1], symbol[1:3] or None, symbol[3:4] or None, None, None


def cpc_level(symbol: str) -> int:
    """Hierarchy level: 1 section, 2 class, 3 subclass, 4 main group, 5 subgroup (§2.5)."""
    if "/" in symbol:
        return 4 if symbol.rsplit("/", 1)[1].strip("0") == "" else 5
    return {1: 1, 3: 2}.get(len(symbol), 3)


def _shape_parent(symbol: str) -> str | None:
    # Above the group level the parent is a prefix: subclass → class (3 chars) → section.
    if "/" in symbol:
        head = symbol.split("/", 1)[0]
        return f"{head}/00" if cpc_level(symbol) == 5 else head[:4]
    if len(symbol) >= 4:
        return symbol[:3]
    if len(symbol) == 3:
        return symbol[:1]
    return None


def _is_cpc_only(title: str | None) -> bool:
    return title is not None and title.startswith("{") and title.endswith("}")


def _node(
    symbol: str,
    *,
    dot_level: int | None,
    parent_code: str | None,
    title: str | None,
    scheme_version: str | None,
    not_allocatable: bool | None = None,
    additional_only: bool | None = None,
    sort_key: str | None = None,
    date_revised: date | None = None,
) -> CpcClassificationRecord:
    # One place derives the symbol parts, level and CPC-only flag for both §2.5 sources;
    # the scheme XML adds its item attributes, the title list has none.
    section, klass, subclass, main_group, subgroup = split_cpc_symbol(symbol)
    return CpcClassificationRecord(
        cpc_code=symbol,
        section=section,
        cpc_class=klass,
        subclass=subclass,
        main_group=main_group,
        subgroup=subgroup,
        level=cpc_level(symbol),
        dot_level=dot_level,
        parent_code=parent_code,
        title=title,
        title_cpc_only=_is_cpc_only(title),
        not_allocatable=not_allocatable,
        additional_only=additional_only,
        sort_key=sort_key,
        date_revised=date_revised,
        scheme_version=scheme_version,
    )


# --------------------------------------------------------------------------- MCF XML (§2.4)


def _mcf_codes(bag: Any) -> tuple[CpcCode, ...]:
    codes: list[CpcCode] = []
    if bag is None:
        return ()
    for group, is_main in (("{*}MainCPC", True), ("{*}FurtherCPC", False)):
        for holder in bag.findall(group):
            for el in holder.findall("{*}CPCClassification"):
                parts = [
                    (el.findtext(f"{{*}}{name}") or "").strip()
                    for name in ("CPCSection", "Class", "Subclass", "MainGroup", "Subgroup")
                ]
                if not all(parts):
                    continue
                section, klass, subclass, main_group, subgroup = parts
                codes.append(
                    cpc_code_from_parts(
                        (section, klass, subclass, main_group, subgroup),
                        is_main=is_main,
                        is_inventive=(el.findtext("{*}CPCClassificationValueCode") or "").strip()
                        == "I",
                        position=len(codes) + 1,
                        symbol_position=collapse_ws(el.findtext("{*}SymbolPositionCode")),
                        version_date=parse_date(el.findtext("{*}ClassificationVersionDate")),
                    )
                )
    return tuple(codes)


def parse_cpc_master_record(element: Any) -> CpcMasterRecord:
    """One ``uspat:CPCMasterClassificationRecord`` element as a record (§2.4)."""
    app_raw = element.findtext(
        "{*}ApplicationIdentification/{*}ApplicationNumber/{*}ApplicationNumberText"
    )
    grant = element.find("{*}PatentGrantIdentification")
    # Publication files: element names are unverified (§5), so both known spellings are read.
    pub = element.find("{*}PatentPublicationIdentification")
    ident = grant if grant is not None else pub
    grant_raw = None if grant is None else grant.findtext("{*}PatentNumber")
    pub_raw = None if pub is None else pub.findtext("{*}PublicationNumber")
    doc_date = None
    if ident is not None:
        doc_date = parse_date(
            ident.findtext("{*}GrantDate") or ident.findtext("{*}PublicationDate")
        )
    return CpcMasterRecord(
        appno_doc_num=normalize_application_number(app_raw),
        grant_doc_num=normalize_grant_number(grant_raw),
        pgpub_doc_num=normalize_publication_number(pub_raw),
        kind=normalize_kind_code(
            None if ident is None else ident.findtext("{*}PatentDocumentKindCode")
        ),
        document_date=doc_date,
        codes=_mcf_codes(element.find("{*}CPCClassificationBag")),
    )


def iter_cpc_master(
    stream: IO[bytes], *, source_name: str = ""
) -> Iterator[CpcMasterRecord | BiblioParseError]:
    """Records of one MCF XML stream, one record in memory (§2.4)."""
    index = 0
    try:
        for _event, element in safe_iterparse(stream, tag=_MCF_RECORD):
            record = parse_cpc_master_record(element)
            if record.grant_doc_num is None and record.pgpub_doc_num is None:
                yield BiblioParseError(
                    source_name=source_name,
                    document_index=index,
                    record_identifier=record.appno_doc_num,
                    error_type="missing_field",
                    error_message="no patent or publication number",
                    raw_data="",
                )
            else:
                yield record
            index += 1
            release(element)
    except XMLSyntaxError as exc:
        # A syntax error ends an iterparse stream: report it once; the job decides.
        yield BiblioParseError(source_name, index, None, "xml_syntax", str(exc), "")


def iter_cpc_master_file(
    path: str | os.PathLike[str],
) -> Iterator[CpcMasterRecord | BiblioParseError]:
    """MCF records of an ``.xml``, a ``US_*_CPC_MCF_XML_*.zip`` or a folder (§2.4)."""
    for member in iter_source_streams(path):
        yield from iter_cpc_master(member.stream, source_name=member.name)


# --------------------------------------------------------------------------- scheme XML


def _render(el: Any) -> str:
    # Title parts: plain text, (references) and {CPC-only text}, the title-list notation.
    pieces: list[str] = []
    if el.text and el.tag != "class-title":
        pieces.append(el.text)
    for child in el:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == "reference":
            pieces.append(f" ({_render(child).strip()})")
        elif child.tag == "CPC-specific-text":
            pieces.append(f" {{{_render(child).strip()}}}")
        else:
            pieces.append(_render(child))
        if child.tail:
            pieces.append(child.tail)
    return "".join(pieces)


def scheme_title(item: Any) -> str | None:
    """Rendered title of a ``classification-item`` (title parts joined by ``; ``), or None."""
    title = item.find("class-title")
    if title is None:
        return None
    parts = [collapse_ws(_render(part)) for part in title.findall("title-part")]
    text = "; ".join(p for p in parts if p)
    text = text.replace("( ", "(").replace(" )", ")").replace("{ ", "{").replace(" }", "}")
    return text or None


def _flag(value: str | None) -> bool | None:
    return None if value is None else value.strip().lower() == "true"


def parse_cpc_scheme(data: bytes) -> list[CpcClassificationRecord]:
    """All nodes of one ``cpc-scheme-<subclass>.xml``, parents before children (§2.5)."""
    # One file per subclass (a few MB at most), so the tree is parsed whole.
    root = parse_xml_bytes(data)
    version = root.get("publication-date")
    items = list(root.iter("classification-item"))
    symbol_of = {id(it): (it.findtext("classification-symbol") or "").strip() for it in items}
    chosen: dict[str, int] = {}  # symbol -> id() of the item kept for it
    titled: set[int] = {id(it) for it in items if it.find("class-title") is not None}
    for it in items:
        symbol = symbol_of[id(it)]
        # Quirk 19: a title-less wrapper repeats its main group's symbol; keep the titled item.
        if symbol and (symbol not in chosen or (chosen[symbol] not in titled and id(it) in titled)):
            chosen[symbol] = id(it)
    records = []
    for it in items:
        symbol = symbol_of[id(it)]
        if not symbol or chosen.get(symbol) != id(it):
            continue
        parent_code, group_depth = None, 0
        for anc in it.iterancestors("classification-item"):
            anc_symbol = symbol_of.get(id(anc), "")
            if anc_symbol and anc_symbol != symbol and chosen.get(anc_symbol) == id(anc):
                parent_code = parent_code or anc_symbol
                if "/" in anc_symbol:
                    group_depth += 1
        records.append(
            _node(
                symbol,
                # Groups count their group ancestors as dots; above groups there are none.
                dot_level=group_depth if cpc_level(symbol) >= 4 else None,
                parent_code=parent_code or _shape_parent(symbol),
                title=scheme_title(it),
                scheme_version=version,
                not_allocatable=_flag(it.get("not-allocatable")),
                additional_only=_flag(it.get("additional-only")),
                sort_key=it.get("sort-key"),
                date_revised=parse_date(it.get("date-revised")),
            )
        )
    return records


# --------------------------------------------------------------------------- title list


def iter_cpc_title_list(
    stream: IO[bytes], *, scheme_version: str | None = None
) -> Iterator[CpcClassificationRecord | LineParseError]:
    """Nodes of a ``cpc-section-X_YYYYMMDD.txt`` title list: tab-separated, CRLF (§2.5)."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    # dots -> symbol of the latest node at that dot level, for "nearest preceding level-1".
    by_dots: dict[int, str] = {}
    for number, line in enumerate(text, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        fields = line.split("\t", 2)
        if len(fields) != 3 or not fields[0].strip():
            yield LineParseError(number, "expected symbol<TAB>level<TAB>title", line[:8192])
            continue
        symbol, dots_raw, title_raw = (f.strip() for f in fields)
        title = title_raw or None
        level = cpc_level(symbol)
        if dots_raw and not dots_raw.isdigit():
            yield LineParseError(number, f"bad dot level {dots_raw!r}", line[:8192])
            continue
        dots = int(dots_raw) if dots_raw else None
        if level >= 4 and dots is None:
            yield LineParseError(number, "group symbol without a level", line[:8192])
            continue
        parent = _shape_parent(symbol)
        if dots is not None:
            if dots > 0:
                parent = by_dots.get(dots - 1)
            by_dots[dots] = symbol
            for deeper in [d for d in by_dots if d > dots]:
                del by_dots[deeper]
        yield _node(
            symbol, dot_level=dots, parent_code=parent, title=title, scheme_version=scheme_version
        )


_LIST_DATE = re.compile(r"_(\d{4})(\d{2})(\d{2})\.txt$", re.IGNORECASE)


def iter_cpc_scheme_file(path: str | os.PathLike[str]) -> Iterator[CpcClassificationRecord]:
    """Nodes of every ``cpc-scheme-*.xml`` in a ``CPCSchemeXMLYYYYMM.zip``/folder/file (§2.5)."""
    for member in iter_source_streams(path):
        yield from parse_cpc_scheme(member.stream.read())


def iter_cpc_title_list_file(
    path: str | os.PathLike[str],
) -> Iterator[CpcClassificationRecord | LineParseError]:
    """Nodes of every ``cpc-section-X_YYYYMMDD.txt`` in a ``CPCTitleListYYYYMM.zip`` (§2.5)."""
    for member in iter_source_streams(path, (".txt",)):
        m = _LIST_DATE.search(member.name)
        version = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
        yield from iter_cpc_title_list(member.stream, scheme_version=version)
