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
from typing import Any

from domain.ingestion.records import AssignmentRecord, InvalidRecordError, preferred_record

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


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def content_hash(rec: AssignmentRecord) -> str:
    """SHA-256 over what the USPTO recorded (the file's transaction date excluded)."""
    payload = [
        rec.rf_id,
        rec.convey_text,
        _iso(rec.record_dt),
        rec.page_count,
        rec.status,
        rec.purge_indicator,
        _iso(rec.last_update_dt),
        rec.correspondent,
        [(a.seq, a.or_name, _iso(a.exec_dt), _iso(a.ack_dt)) for a in rec.assignors],
        [
            (
                e.seq,
                e.ee_name,
                e.ee_address_1,
                e.ee_address_2,
                e.ee_city,
                e.ee_state,
                e.ee_postcode,
                e.ee_country,
            )
            for e in rec.assignees
        ],
        [
            (
                p.seq,
                p.appno_doc_num,
                _iso(p.appno_date),
                p.pgpub_doc_num,
                _iso(p.pgpub_date),
                p.grant_doc_num,
                _iso(p.grant_date),
                p.pct_doc_num,
                p.title,
                p.title_lang,
            )
            for p in rec.properties
        ],
    ]
    encoded = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


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
    for rec in records:
        rf = rec.rf_id
        batch.assignments.append(
            (
                rf,
                rec.reel_no,
                rec.frame_no,
                rec.convey_text,
                rec.record_dt,
                rec.exec_dt,
                rec.cname,
                json.dumps(rec.correspondent, ensure_ascii=False),
                rec.page_count,
                rec.status,
                rec.purge_indicator,
                rec.last_update_dt,
                rec.transaction_date,
                rec.source,
                content_hash(rec),
            )
        )
        for p in rec.properties:
            raw = [[d.country, d.doc_number, d.kind, d.date_raw] for d in p.document_ids]
            batch.documents.append(
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
                    json.dumps(raw, ensure_ascii=False),
                )
            )
        for a in rec.assignors:
            batch.parties.append(
                (
                    rf,
                    "or",
                    a.seq,
                    a.or_name,
                    a.exec_dt,
                    a.ack_dt,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                )
            )
        for e in rec.assignees:
            batch.parties.append(
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
            )
    return batch
