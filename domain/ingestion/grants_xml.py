"""USPTO grant XML parser: weekly ``ipg``/``ipgb`` files, Red Book members, single grants
(ingestion.md §2.2, §3 quirks 1-7).

Dispatch is by DOCTYPE/root: ``PATDOC`` (ST.32 v2.5) or ``us-patent-grant`` (v4.0-v4.7);
``sequence-cwu`` documents are skipped. A malformed document becomes one
``BiblioParseError`` and the stream continues.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

from domain.ingestion.biblio_records import BiblioParseError, PatentDocumentRecord
from domain.ingestion.grants_v25 import extract_v25
from domain.ingestion.uspto_v4 import extract_v4
from domain.ingestion.uspto_xml import DocumentFeed, Extractor

GRANT_EXTRACTORS: dict[str, Extractor] = {"us-patent-grant": extract_v4, "PATDOC": extract_v25}
GRANT_BIBLIO_END: dict[str, bytes] = {
    "us-patent-grant": b"</us-bibliographic-data-grant>",
    "PATDOC": b"</SDOBI>",
}

GrantResult = PatentDocumentRecord | BiblioParseError
_GRANTS = DocumentFeed(GRANT_EXTRACTORS, GRANT_BIBLIO_END)


def parse_grant_document(
    data: bytes, *, source_name: str = "", index: int = 0
) -> GrantResult | None:
    """Parse one complete grant document (§2.2); None for a skipped sequence listing."""
    return _GRANTS.parse(data, source_name=source_name, index=index)


def iter_grant_documents(stream: IO[bytes], *, source_name: str = "") -> Iterator[GrantResult]:
    """Grants of one (possibly concatenated) XML stream, one document in memory (§2.2)."""
    return _GRANTS.iter_stream(stream, source_name=source_name)


def iter_grants(path: str | os.PathLike[str]) -> Iterator[GrantResult]:
    """Grants of a ``.xml``, ``.zip`` (ipg/ipgb), Red Book ``.tar`` or folder (§2.2)."""
    return _GRANTS.iter_path(path)
