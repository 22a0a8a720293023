"""Turn parsed assignment records into staging rows (pure; no I/O).

The tuples follow the column order of the staging tables in db/loaders/assignments.py.
`content_hash` covers everything the USPTO recorded for one rf_id (parent and children),
so replaying an identical record is recognised in SQL and changes nothing (BR-059).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from json.encoder import encode_basestring
from typing import Any

from domain.ingestion.records import (
    AssignmentProperty,
    AssignmentRecord,
    InvalidRecordError,
    preferred_record,
)

ASSIGNMENT_COLUMNS = (
    "rf_id",
    "reel_no",
    "frame_no",
    "convey_text",
    "record_dt",
    "exec_dt",
    "cname",
    "correspondent",
    "page_count",
    "status",
    "purge_indicator",
    "last_update_dt",
    "transaction_date",
    "source",
    "content_hash",
)
DOCUMENT_COLUMNS = (
    "rf_id",
    "seq",
    "appno_doc_num",
    "appno_date",
    "pgpub_doc_num",
    "pgpub_date",
    "grant_doc_num",
    "grant_date",
    "pct_doc_num",
    "title",
    "title_lang",
    "raw_ids",
)
PARTY_COLUMNS = (
    "rf_id",
    "role",
    "seq",
    "name",
    "exec_dt",
    "ack_dt",
    "address_1",
    "address_2",
    "city",
    "state",
    "postcode",
    "country",
)

_INT4_MAX = 2**31 - 1
# Bounded columns of the target tables (migration 0002); longer values are bad records.
_LIMITS = {"reel_no": 20, "frame_no": 20, "rf_id": 50, "doc": 20, "pct": 30, "lang": 10}


@dataclass
class StagedBatch:
    """One batch ready for COPY: parent rows and child rows, keyed by rf_id."""

    assignments: list[tuple[Any, ...]] = field(default_factory=list)
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    parties: list[tuple[Any, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.assignments)

    def rf_ids(self) -> list[str]:
        return [row[0] for row in self.assignments]

    def subset(self, rf_ids: set[str]) -> StagedBatch:
        """The rows of these parents only (to isolate a record the database rejects)."""
        return StagedBatch(
            [r for r in self.assignments if r[0] in rf_ids],
            [r for r in self.documents if r[0] in rf_ids],
            [r for r in self.parties if r[0] in rf_ids],
        )


# One reusable encoder (the C one; dates as ISO text): what a record's rows hash through.
_ENCODE = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False, default=date.isoformat
).encode


def _js(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _raw_ids_json(property_: AssignmentProperty) -> str:
    """The property's document ids as JSON text, as `json.dumps(..., ensure_ascii=False)`
    writes it (built by hand: a generic dumps per property was a third of staging)."""
    return (
        "["
        + ", ".join(
            f"[{_js(d.country)}, {_js(d.doc_number)}, {_js(d.kind)}, {_js(d.date_raw)}]"
            for d in property_.document_ids
        )
        + "]"
    )


def _correspondent_json(rec: AssignmentRecord) -> str:
    lines = (rec.caddress_1, rec.caddress_2, rec.caddress_3, rec.caddress_4)
    address = ", ".join(encode_basestring(a) for a in lines if a is not None)
    return f'{{"name": {_js(rec.cname)}, "address": [{address}]}}'


def _rows(
    rec: AssignmentRecord,
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(parent row without transaction_date/source/content_hash, property rows, party rows)."""
    rf = rec.rf_id
    head = (
        rf,
        rec.reel_no,
        rec.frame_no,
        rec.convey_text,
        rec.record_dt,
        rec.exec_dt,
        rec.cname,
        _correspondent_json(rec),
        rec.page_count,
        "void" if rec.purge_indicator == "Y" else "active",  # AssignmentRecord.status
        rec.purge_indicator,
        rec.last_update_dt,
    )
    documents = [
        (
            rf,
            p.seq,
            p.appno_doc_num,
            p.appno_date,
            p.pgpub_doc_num,
            p.pgpub_date,
            p.grant_doc_num,
            p.grant_date,
            p.pct_doc_num,
            p.title,
            p.title_lang,
            _raw_ids_json(p),
        )
        for p in rec.properties
    ]
    parties: list[tuple[Any, ...]] = [
        (rf, "or", a.seq, a.or_name, a.exec_dt, a.ack_dt, None, None, None, None, None, None)
        for a in rec.assignors
    ]
    parties += [
        (
            rf,
            "ee",
            e.seq,
            e.ee_name,
            None,
            None,
            e.ee_address_1,
            e.ee_address_2,
            e.ee_city,
            e.ee_state,
            e.ee_postcode,
            e.ee_country,
        )
        for e in rec.assignees
    ]
    return head, documents, parties


def _digest(head: tuple[Any, ...], documents: list[Any], parties: list[Any]) -> str:
    payload = _ENCODE((head, documents, parties))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def content_hash(rec: AssignmentRecord) -> str:
    """SHA-256 over every value stored for the record, parent and children (the file's
    transaction date and the feed name excluded): equal hash, nothing to write."""
    return _digest(*_rows(rec))


def _check(value: str | None, limit: int, what: str) -> None:
    if value is not None and len(value) > limit:
        raise InvalidRecordError(f"{what} longer than {limit} characters: {value[:40]!r}")


def validate(rec: AssignmentRecord) -> None:
    """Reject values the target columns cannot hold, so one record never sinks a batch."""
    _check(rec.rf_id, _LIMITS["rf_id"], "rf_id")
    _check(rec.reel_no, _LIMITS["reel_no"], "reel-no")
    _check(rec.frame_no, _LIMITS["frame_no"], "frame-no")
    if rec.page_count is not None and rec.page_count > _INT4_MAX:
        raise InvalidRecordError(f"page-count out of range: {rec.page_count}")
    if rec.purge_indicator not in (None, "N", "Y"):
        raise InvalidRecordError(f"purge-indicator is not N or Y: {rec.purge_indicator!r}")
    for p in rec.properties:
        for number in (p.appno_doc_num, p.pgpub_doc_num, p.grant_doc_num):
            _check(number, _LIMITS["doc"], f"property {p.seq} document number")
        _check(p.pct_doc_num, _LIMITS["pct"], f"property {p.seq} PCT number")
        _check(p.title_lang, _LIMITS["lang"], f"property {p.seq} title language")


def dedupe(records: list[AssignmentRecord]) -> list[AssignmentRecord]:
    """One record per rf_id (newer last-update wins, later wins ties; §3 quirk 13)."""
    kept: dict[str, AssignmentRecord] = {}
    for rec in records:
        current = kept.get(rec.rf_id)
        kept[rec.rf_id] = rec if current is None else preferred_record(current, rec)
    return list(kept.values())


def stage(records: list[AssignmentRecord]) -> StagedBatch:
    """Staging rows for already validated, de-duplicated records."""
    batch = StagedBatch()
    add_parent, add_documents, add_parties = (
        batch.assignments.append,
        batch.documents.extend,
        batch.parties.extend,
    )
    for rec in records:
        head, documents, parties = _rows(rec)
        digest = _digest(head, documents, parties)
        add_parent((*head, rec.transaction_date, rec.source, digest))
        add_documents(documents)
        add_parties(parties)
    return batch
