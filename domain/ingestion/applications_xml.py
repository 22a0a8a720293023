"""USPTO pre-grant publication XML parser: weekly ``ipa``/``ipab`` files, Red Book members,
single publications (ingestion.md §2.3, §3 quirks 1-8).

Dispatch is by DOCTYPE/root: ``patent-application-publication`` (pap v1.5/v1.6) or
``us-patent-application`` (v4.0-v4.6); ``sequence-cwu`` documents are skipped. Kind A2/A9
republications parse like A1 — the loader lets them refresh the A1 data (§2.3).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

from domain.ingestion.applications_pap import extract_pap
from domain.ingestion.biblio_records import BiblioParseError, PatentDocumentRecord
from domain.ingestion.uspto_v4 import extract_v4
from domain.ingestion.uspto_xml import DocumentFeed, Extractor

APPLICATION_EXTRACTORS: dict[str, Extractor] = {
    "us-patent-application": extract_v4,
    "patent-application-publication": extract_pap,
}
APPLICATION_BIBLIO_END: dict[str, bytes] = {
    "us-patent-application": b"</us-bibliographic-data-application>",
    "patent-application-publication": b"</subdoc-bibliographic-information>",
}

ApplicationResult = PatentDocumentRecord | BiblioParseError
_APPLICATIONS = DocumentFeed(APPLICATION_EXTRACTORS, APPLICATION_BIBLIO_END)


def parse_application_document(
    data: bytes, *, source_name: str = "", index: int = 0
) -> ApplicationResult | None:
    """Parse one complete publication document (§2.3); None for a skipped sequence listing."""
    return _APPLICATIONS.parse(data, source_name=source_name, index=index)


def iter_application_documents(
    stream: IO[bytes], *, source_name: str = ""
) -> Iterator[ApplicationResult]:
    """Publications of one (possibly concatenated) XML stream, one document in memory."""
    return _APPLICATIONS.iter_stream(stream, source_name=source_name)


def iter_applications(path: str | os.PathLike[str]) -> Iterator[ApplicationResult]:
    """Publications of a ``.xml``, ``.zip`` (ipa/ipab), Red Book ``.tar`` or folder (§2.3)."""
    return _APPLICATIONS.iter_path(path)
