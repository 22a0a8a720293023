"""Shared machinery of the USPTO grant/publication parsers (ingestion.md §1.3, §2.2, §3).

Weekly files are many complete XML documents back to back; they are split on lines that
start with ``<?xml`` and each chunk (one document, so memory is bounded by one record) is
parsed on its own with the hardened parser, after old-DTD named entities are replaced by
numeric references. The per-generation field extraction lives in ``uspto_v4``,
``grants_v25`` and ``applications_pap``.
"""

from __future__ import annotations

import html.entities
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import IO, Any

from domain.ingestion.biblio_records import BiblioParseError, PatentDocumentRecord
from domain.ingestion.normalize import collapse_ws, parse_int
from domain.ingestion.sources import iter_source_streams
from domain.ingestion.xml_safety import XMLSyntaxError, parse_xml_bytes

RAW_LIMIT = 8 * 1024  # ingestion_errors.raw_data is capped at 8 KB (§1.2)

# ISO 8879 Greek entities (ISOgrk1) used by the ST.32 / pap DTDs; they are in neither the
# HTML4 nor the HTML5 table (`&agr;` appears in real pre-2005 grants).
_ISO_GREEK = {
    "agr": 0x3B1, "bgr": 0x3B2, "ggr": 0x3B3, "dgr": 0x3B4, "egr": 0x3B5, "zgr": 0x3B6,
    "eegr": 0x3B7, "thgr": 0x3B8, "igr": 0x3B9, "kgr": 0x3BA, "lgr": 0x3BB, "mgr": 0x3BC,
    "ngr": 0x3BD, "xgr": 0x3BE, "ogr": 0x3BF, "pgr": 0x3C0, "rgr": 0x3C1, "sgr": 0x3C3,
    "sfgr": 0x3C2, "tgr": 0x3C4, "ugr": 0x3C5, "phgr": 0x3C6, "khgr": 0x3C7, "psgr": 0x3C8,
    "ohgr": 0x3C9, "Agr": 0x391, "Bgr": 0x392, "Ggr": 0x393, "Dgr": 0x394, "Egr": 0x395,
    "Zgr": 0x396, "EEgr": 0x397, "THgr": 0x398, "Igr": 0x399, "Kgr": 0x39A, "Lgr": 0x39B,
    "Mgr": 0x39C, "Ngr": 0x39D, "Xgr": 0x39E, "Ogr": 0x39F, "Pgr": 0x3A0, "Rgr": 0x3A1,
    "Sgr": 0x3A3, "Tgr": 0x3A4, "Ugr": 0x3A5, "PHgr": 0x3A6, "KHgr": 0x3A7, "PSgr": 0x3A8,
    "OHgr": 0x3A9,
}  # fmt: skip


def _build_entity_table() -> dict[str, int]:
    table = dict(html.entities.name2codepoint)
    # HTML5 adds the ISO names the USPTO DTDs use (`&lsqb;`, `&equals;`, `&plus;`).
    for key, value in html.entities.html5.items():
        if key.endswith(";") and len(value) == 1:
            table.setdefault(key[:-1], ord(value))
    table.update(_ISO_GREEK)
    return table


ENTITY_TABLE: dict[str, int] = _build_entity_table()
_XML_PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})
_ENTITY_REF = re.compile(rb"&([A-Za-z][A-Za-z0-9._-]*);")
_DECLARED = re.compile(rb"<!ENTITY\s+([^\s%]\S*)")
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+([\w.:-]+)(?:\s+(?:SYSTEM|PUBLIC)\s+\"([^\"]*)\")?")
_DOC_NUMBER = re.compile(rb"<(?:doc-number|PDAT)>\s*([^<\s]+)")
_FILE_ATTR = re.compile(rb"\sfile=\"([^\"]+)\"")


def substitute_uspto_entities(data: bytes) -> bytes:
    """Replace old-DTD named entities by numeric references (§1.3, quirk 5)."""
    # The DTD that defines them is never loaded. Entities declared in the internal subset
    # are left for the hardened parser (which never expands them); an unknown name is
    # escaped so it survives as visible text instead of failing the document.
    end = data.find(b"]>") if b"<!ENTITY" in data[:1_048_576] else -1
    head = data[:end] if end >= 0 else b""
    declared = {m.group(1).decode("ascii", "replace") for m in _DECLARED.finditer(head)}

    def _swap(match: re.Match[bytes]) -> bytes:
        name = match.group(1).decode("ascii")
        if name in _XML_PREDEFINED or name in declared:
            return match.group(0)
        codepoint = ENTITY_TABLE.get(name)
        if codepoint is None:
            return b"&amp;" + match.group(1) + b";"
        return b"&#%d;" % codepoint

    return _ENTITY_REF.sub(_swap, data)


def split_documents(stream: IO[bytes]) -> Iterator[bytes]:
    """Split a concatenated weekly file into one bytes chunk per document (§2.2, quirk 1)."""
    # Real files indent the declaration of later documents (ipg211019 sample); the
    # declaration must start the chunk, so the indentation (and any BOM) is dropped.
    chunk: list[bytes] = []
    for line in stream:
        if b"<?xml" in line[:256]:  # cheap pre-check: weekly files have millions of lines
            head = line.lstrip(b" \t\r\n\xef\xbb\xbf")
            if head.startswith((b"<?xml ", b"<?xml\t")):
                if chunk and b"".join(chunk).strip():
                    yield b"".join(chunk)
                chunk = []
                line = head
        chunk.append(line)
    if chunk and b"".join(chunk).strip():
        yield b"".join(chunk)


def doctype_of(chunk: bytes) -> tuple[str | None, str | None]:
    """(root name, system id) from a document's DOCTYPE, or (None, None)."""
    m = _DOCTYPE.search(chunk[:4096])
    if m is None:
        return None, None
    system_id = m.group(2).decode("ascii", "replace") if m.group(2) else None
    return m.group(1).decode("ascii", "replace"), system_id


def generation_from_system_id(system_id: str | None, dtd_attr: str | None = None) -> str:
    """DTD generation key (``v4.5``, ``pap-v1.5``, ``v2.5``) — DOCTYPE first (§2.2, quirk 4)."""
    for text in (system_id, dtd_attr):
        if not text:
            continue
        if "ST32" in text.upper():
            return "v2.5"
        m = re.search(r"pap-v(\d)(\d)", text)
        if m:
            return f"pap-v{m.group(1)}.{m.group(2)}"
        # System ids say "v45-2014-04-03"; attributes say "v4.5 2014-04-03" or "v40 2004…".
        m = re.search(r"v(\d)\.?(\d)[\s-]", text + " ")
        if m:
            return f"v{m.group(1)}.{m.group(2)}"
    return "unknown"


def _identifier(chunk: bytes) -> str | None:
    m = _FILE_ATTR.search(chunk[:8192]) or _DOC_NUMBER.search(chunk[:16384])
    return m.group(1).decode("utf-8", "replace") if m else None


def make_error(
    chunk: bytes, source_name: str, index: int, error_type: str, message: str
) -> BiblioParseError:
    """A BiblioParseError carrying the first 8 KB of the document (§1.2)."""
    return BiblioParseError(
        source_name=source_name,
        document_index=index,
        record_identifier=_identifier(chunk),
        error_type=error_type,
        error_message=message,
        raw_data=chunk[:RAW_LIMIT].decode("utf-8", "replace"),
    )


def _decode_check(chunk: bytes) -> tuple[bytes, list[str]]:
    # Quirk 16: strip a BOM; a chunk that is not UTF-8 is re-decoded as cp1252 and logged.
    if chunk.startswith(b"\xef\xbb\xbf"):
        chunk = chunk[3:]
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = chunk.decode("cp1252", errors="replace")
        return text.encode("utf-8"), [f"not UTF-8 ({exc.reason}); re-decoded as cp1252"]
    return chunk, []


Extractor = Callable[[Any, str], PatentDocumentRecord]


def parse_chunk(
    chunk: bytes,
    *,
    source_name: str,
    index: int,
    extractors: dict[str, Extractor],
    biblio_end_tags: dict[str, bytes],
    skip_roots: frozenset[str] = frozenset({"sequence-cwu"}),
) -> PatentDocumentRecord | BiblioParseError | None:
    """Parse one document chunk with the extractor of its root; None for skipped roots."""
    root_name, system_id = doctype_of(chunk)
    if root_name in skip_roots:
        return None  # quirk 2: interleaved sequence listings carry no bibliographic data
    data, warnings = _decode_check(chunk)
    data = substitute_uspto_entities(data)
    try:
        root = parse_xml_bytes(data)
    except XMLSyntaxError as exc:
        root = _recover_after_biblio(data, exc, root_name, biblio_end_tags)
        if root is None:
            return make_error(chunk, source_name, index, "xml_syntax", str(exc))
        warnings.append(f"malformed after the bibliographic block, recovered: {exc}")
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag in skip_roots:
        return None
    extractor = extractors.get(tag)
    if extractor is None:
        return make_error(chunk, source_name, index, "unsupported_root", f"root <{tag}>")
    generation = generation_from_system_id(system_id, root.get("dtd-version") or root.get("DTD"))
    try:
        record = extractor(root, generation)
    except MissingFieldError as exc:
        return make_error(chunk, source_name, index, "missing_field", str(exc))
    return replace(
        record,
        source_name=source_name,
        document_index=index,
        warnings=(*warnings, *record.warnings),
    )


def _recover_after_biblio(
    data: bytes, exc: Any, root_name: str | None, end_tags: dict[str, bytes]
) -> Any:
    # Real full-text files have broken markup in descriptions (US07057742: an unopened
    # </maths>). If the error lies after the bibliographic block, that block is intact and
    # recover mode keeps it; an error inside it makes the whole document a ParseError.
    end_tag = end_tags.get(root_name or "")
    lineno = getattr(exc, "lineno", None)
    if end_tag is None or lineno is None:
        return None
    pos = data.find(end_tag)
    if pos < 0 or lineno <= data.count(b"\n", 0, pos) + 1:
        return None
    try:
        root = parse_xml_bytes(data, recover=True)
    except XMLSyntaxError:
        return None
    return root


class MissingFieldError(ValueError):
    """A document lacks a field without which no row can be keyed (doc number)."""


def iter_chunks(
    stream: IO[bytes],
    *,
    source_name: str,
    extractors: dict[str, Extractor],
    biblio_end_tags: dict[str, bytes],
) -> Iterator[PatentDocumentRecord | BiblioParseError]:
    """Split a stream and parse each document; errors are yielded, never raised (§1.2)."""
    for index, chunk in enumerate(split_documents(stream)):
        result = parse_chunk(
            chunk,
            source_name=source_name,
            index=index,
            extractors=extractors,
            biblio_end_tags=biblio_end_tags,
        )
        if result is not None:
            yield result


@dataclass(frozen=True, slots=True)
class DocumentFeed:
    """One family of weekly files (grants or publications): its roots' extractors."""

    extractors: dict[str, Extractor]
    biblio_end_tags: dict[str, bytes]  # per root, for recovery after the biblio block

    def parse(
        self, data: bytes, *, source_name: str, index: int
    ) -> PatentDocumentRecord | BiblioParseError | None:
        """Parse one complete document; None for a skipped root."""
        return parse_chunk(
            data,
            source_name=source_name,
            index=index,
            extractors=self.extractors,
            biblio_end_tags=self.biblio_end_tags,
        )

    def iter_stream(
        self, stream: IO[bytes], *, source_name: str
    ) -> Iterator[PatentDocumentRecord | BiblioParseError]:
        """Documents of one (possibly concatenated) XML stream."""
        return iter_chunks(
            stream,
            source_name=source_name,
            extractors=self.extractors,
            biblio_end_tags=self.biblio_end_tags,
        )

    def iter_path(
        self, path: str | os.PathLike[str]
    ) -> Iterator[PatentDocumentRecord | BiblioParseError]:
        """Documents of a ``.xml``, ``.zip``, Red Book ``.tar`` or folder."""
        # Only XML members are read (bulk ZIPs also hold lst.txt/rpt.html), and TAR → ZIP →
        # XML nesting (quirk 17) is walked by sources.iter_source_streams.
        for member in iter_source_streams(path):
            yield from self.iter_stream(member.stream, source_name=member.name)


# --------------------------------------------------------------------------- element helpers


def text_of(element: Any, path: str | None = None) -> str | None:
    """Whitespace-collapsed text of ``element`` (or of its first ``path`` match), or None."""
    if element is None:
        return None
    target = element if path is None else element.find(path)
    if target is None:
        return None
    return collapse_ws("".join(target.itertext()))


def int_of(element: Any, path: str | None = None) -> int | None:
    """Integer value of ``element``/``path`` (``"001"`` → 1), or None."""
    return parse_int(text_of(element, path))


def name_of(last: str | None, first: str | None, middle: str | None = None) -> str | None:
    """Display name of a person in the "Last, First Middle" shape BR-021 falls back to."""
    given = " ".join(p for p in (first, middle) if p)
    if last and given:
        return f"{last}, {given}"
    return last or given or None


_CANCELED = re.compile(r"\(\s*cancell?ed\s*\)", re.IGNORECASE)


def count_independent_claims(claims: list[Any], ref_path: str) -> int | None:
    """Claims that refer to no other claim, skipping "(canceled)" placeholders (§2.2)."""
    # None, not 0, when the file carries no claim text (bibliographic-only ipgb/ipab).
    if not claims:
        return None
    return sum(
        1
        for claim in claims
        if claim.find(ref_path) is None and not _CANCELED.search((text_of(claim) or "")[:80])
    )
