"""Parsed assignment records shared by the daily XML feed and the search API (§2.1, §2.8).

Field names follow the table columns of domain-model.md §2 (``rf_id``, ``reel_no``,
``convey_text``, ``record_dt``, ``or_name``, ``ee_*``, ``appno_doc_num`` …) so the loader
can COPY them without renaming. Dates are ``datetime.date``; "no date" is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal


class InvalidRecordError(ValueError):
    """Raised inside a parser for one malformed record; becomes a ``ParseError``."""


RecordSource = Literal["daily_xml", "search_api"]
IdType = Literal["application", "publication", "grant", "pct", "unknown"]


@dataclass(frozen=True, slots=True)
class DocumentId:
    """One published ``document-id`` triple as recorded (kept raw; ingestion.md §2.1)."""

    country: str | None
    doc_number: str | None
    kind: str | None
    date: date | None
    date_raw: str | None
    id_type: IdType
    name: str | None = None


@dataclass(frozen=True, slots=True)
class AssignmentProperty:
    """One ``patent-property`` = one row of ``document_ids`` (normalized per §1.4)."""

    seq: int
    appno_doc_num: str | None
    appno_date: date | None
    pgpub_doc_num: str | None
    pgpub_date: date | None
    grant_doc_num: str | None
    grant_date: date | None
    pct_doc_num: str | None
    title: str | None
    title_lang: str | None
    document_ids: tuple[DocumentId, ...] = ()
    # Search API only (D20: kept as bibliographic inventors); empty from the daily feed.
    inventors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assignor:
    """One conveying party (``assignors`` row)."""

    seq: int
    or_name: str
    exec_dt: date | None
    ack_dt: date | None = None
    name_type: str | None = None


@dataclass(frozen=True, slots=True)
class Assignee:
    """One receiving party with its address (``assignees`` row)."""

    seq: int
    ee_name: str
    ee_address_1: str | None = None
    ee_address_2: str | None = None
    ee_city: str | None = None
    ee_state: str | None = None
    ee_postcode: str | None = None
    ee_country: str | None = None
    name_type: str | None = None


@dataclass(frozen=True, slots=True)
class AssignmentRecord:
    """One recorded conveyance (reel/frame) with its parties and properties."""

    rf_id: str
    reel_no: str
    frame_no: str
    last_update_dt: date | None
    purge_indicator: str | None
    record_dt: date | None
    exec_dt: date | None
    page_count: int | None
    convey_text: str | None
    cname: str | None
    caddress_1: str | None
    caddress_2: str | None
    caddress_3: str | None
    caddress_4: str | None
    assignors: tuple[Assignor, ...]
    assignees: tuple[Assignee, ...]
    properties: tuple[AssignmentProperty, ...]
    source: RecordSource
    transaction_date: date | None = None
    has_images: bool | None = None

    @property
    def status(self) -> str:
        """``void`` when purged (purge-indicator Y, §2.1), else ``active``."""
        return "void" if self.purge_indicator == "Y" else "active"

    @property
    def correspondent(self) -> dict[str, object]:
        """Correspondent as the jsonb value of the Δ ``correspondent`` column (§2.1)."""
        lines = (self.caddress_1, self.caddress_2, self.caddress_3, self.caddress_4)
        return {"name": self.cname, "address": [a for a in lines if a is not None]}

    @property
    def inventors(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(appno_doc_num or grant_doc_num, inventor names) per property that lists any."""
        return tuple(
            (p.appno_doc_num or p.grant_doc_num or "", p.inventors)
            for p in self.properties
            if p.inventors
        )


@dataclass(frozen=True, slots=True)
class ParseError:
    """A record that could not be parsed; goes to ``ingestion_errors`` (§1.2), never fatal."""

    ordinal: int  # 1-based position of the record in the file/response
    line: int | None  # source line of the record's start tag, when known
    reason: str
    error_type: str = "invalid_record"
    reel_no: str | None = None
    frame_no: str | None = None
    raw: str | None = field(default=None, repr=False)  # ≤ 8 KB of the record's XML

    @property
    def record_identifier(self) -> str | None:
        """``reel-frame`` as far as known, for ``ingestion_errors.record_identifier``."""
        if self.reel_no is None and self.frame_no is None:
            return None
        return f"{self.reel_no or '?'}-{self.frame_no or '?'}"


def earliest_date(dates: tuple[date | None, ...] | list[date | None]) -> date | None:
    """The earliest non-null date, or None (``assignments.exec_dt``, §2.1)."""
    present = [d for d in dates if d is not None]
    return min(present) if present else None


def preferred_record(current: AssignmentRecord, incoming: AssignmentRecord) -> AssignmentRecord:
    """The record to keep for one rf_id: the newer ``last_update_dt`` wins (§2.1, §2.8, D20)."""
    # §2.8: a daily-file record wins over an API record with equal or older lastUpdateDate;
    # between two records of the same source the incoming one wins ties (later file).
    if current.rf_id != incoming.rf_id:
        raise ValueError(f"different records: {current.rf_id} vs {incoming.rf_id}")
    cur, new = current.last_update_dt, incoming.last_update_dt
    if cur is None or new is None:
        return incoming if cur is None else current
    if new > cur:
        return incoming
    if new < cur:
        return current
    if current.source == "daily_xml" and incoming.source == "search_api":
        return current
    return incoming
