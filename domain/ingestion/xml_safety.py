"""Hardened lxml entry points: every XML source is parsed through here (ingestion.md §1.3).

Entities are never resolved (no XXE, no billion-laughs expansion; libxml2's amplification
guard also rejects such documents outright), no DTD is loaded, and no network access is
possible. Internal DTD subsets (assignment files, ``ENTITY … NDATA TIF`` in grants) are
read and ignored. ``huge_tree`` lifts libxml2's node-size limits that real multi-GB weekly
files exceed; it does not re-enable entity expansion.
"""

from __future__ import annotations

import html.entities
import os
import re
from collections.abc import Iterable
from typing import IO, Any

from lxml import etree

# Kept in one place so every parser (ours and the grant/CPC/EPO ones) agrees.
SAFE_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "no_network": True,
    "huge_tree": True,
}

_XML_PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")

XMLSyntaxError = etree.XMLSyntaxError


def safe_parser(*, recover: bool = False, remove_blank_text: bool = False) -> Any:
    """An ``etree.XMLParser`` with the hardened options (for whole small documents)."""
    return etree.XMLParser(
        recover=recover, remove_blank_text=remove_blank_text, **SAFE_PARSER_OPTIONS
    )


def parse_xml_bytes(data: bytes, *, recover: bool = False) -> Any:
    """Parse one complete document from bytes with the hardened parser; returns the root."""
    return etree.fromstring(data, parser=safe_parser(recover=recover))


def safe_iterparse(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    events: Iterable[str] = ("end",),
    tag: str | Iterable[str] | None = None,
    recover: bool = False,
) -> Any:
    """An ``etree.iterparse`` over a path or binary stream with the hardened options."""
    if isinstance(source, os.PathLike):
        source = os.fspath(source)
    return etree.iterparse(
        source, events=tuple(events), tag=tag, recover=recover, **SAFE_PARSER_OPTIONS
    )


def release(element: Any) -> None:
    """Free a processed element and its already-processed preceding siblings (flat memory)."""
    # The classic lxml streaming idiom: clearing alone leaves empty shells attached to the
    # parent, which still grow linearly with the file; deleting earlier siblings does not.
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is None:
        return
    while element.getprevious() is not None:
        del parent[0]


def element_text(element: Any) -> str | None:
    """All text inside an element (mixed content flattened, §3 quirk 6), stripped, or None."""
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def xml_snippet(element: Any, limit: int = 8 * 1024) -> str:
    """An element's XML, cut to ``limit`` UTF-8 bytes (``ingestion_errors.raw_data``, §1.2)."""
    data = etree.tostring(element, encoding="utf-8")[:limit]
    return data.decode("utf-8", errors="ignore")


def substitute_named_entities(data: bytes) -> bytes:
    """Replace HTML named entities (``&rdquo;``) with numeric references before parsing."""

    # §1.3: pre-2005 USPTO files use entities defined only in the external DTD we refuse to
    # load; the five XML built-ins and unknown names are left alone.
    def _swap(match: re.Match[bytes]) -> bytes:
        name = match.group(1).decode("ascii")
        if name in _XML_PREDEFINED:
            return match.group(0)
        codepoint = html.entities.name2codepoint.get(name)
        return match.group(0) if codepoint is None else b"&#%d;" % codepoint

    return _NAMED_ENTITY.sub(_swap, data)
