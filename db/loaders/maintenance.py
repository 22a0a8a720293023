"""Maintenance-fee loader (ingestion.md §2.6; domain-model §5; BR-059).

The weekly file is a cumulative snapshot: it is COPYed into TEMP staging batch by batch,
then new events are inserted with `ON CONFLICT DO NOTHING` (events are immutable) and
events missing from the snapshot (rare corrections) are deleted, in the caller's single
transaction. Grants with new or vanished events ("touched") get their derived fee status
recomputed (pure domain function) into `maintenance_fee_statuses` and mirrored onto
`patents.maintenance_fee_status`. A replay of the same snapshot touches nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import asyncpg

from db.loaders.copy_merge import Staging, copy_rows, prepare
from domain.ingestion.biblio_records import MaintenanceEventCode, MaintenanceFeeEvent
from domain.ingestion.maintenance_fees import MaintenanceFeeStatus, maintenance_fee_status

STG_EVENTS = Staging(
    "stg_fee_events",
    (
        ("grant_doc_num", "text"),
        ("event_code", "text"),
        ("event_date", "date"),
        ("appno_doc_num", "text"),
        ("entity_status", "text"),
        ("filing_date", "date"),
        ("grant_date", "date"),
    ),
)
STG_STATUS = Staging(
    "stg_fee_status",
    (
        ("grant_doc_num", "text"),
        ("appno_doc_num", "text"),
        ("grant_date", "date"),
        ("status", "text"),
        ("as_of", "date"),
        ("paid_through", "text"),
        ("next_window", "text"),
        ("window_open", "date"),
        ("due_date", "date"),
        ("grace_end", "date"),
        ("expired_on", "date"),
        ("windows", "text"),
    ),
)

_UPSERT_CODES = """
INSERT INTO maintenance_event_codes AS c (code, description)
SELECT * FROM unnest($1::text[], $2::text[])
ON CONFLICT (code) DO UPDATE SET description = excluded.description, updated_at = now()
WHERE c.description IS DISTINCT FROM excluded.description
"""
_INSERT_EVENTS = """
WITH new AS (
    INSERT INTO maintenance_fee_events (grant_doc_num, event_code, event_date,
        event_description, appno_doc_num, entity_status, patent_id)
    SELECT DISTINCT ON (s.grant_doc_num, s.event_code, s.event_date)
           s.grant_doc_num, s.event_code, s.event_date, c.description, s.appno_doc_num,
           s.entity_status, p.id
    FROM stg_fee_events s
    LEFT JOIN maintenance_event_codes c ON c.code = s.event_code
    LEFT JOIN patents p ON p.grant_doc_num = s.grant_doc_num
    ORDER BY s.grant_doc_num, s.event_code, s.event_date
    ON CONFLICT ON CONSTRAINT uq_maintenance_fee_events_natural_key DO NOTHING
    RETURNING grant_doc_num)
SELECT grant_doc_num, count(*) FROM new GROUP BY grant_doc_num
"""
_DELETE_MISSING = """
WITH gone AS (
    DELETE FROM maintenance_fee_events e
    WHERE NOT EXISTS (
        SELECT 1 FROM stg_fee_events s
        WHERE s.grant_doc_num = e.grant_doc_num AND s.event_code = e.event_code
          AND s.event_date = e.event_date)
    RETURNING grant_doc_num)
SELECT grant_doc_num, count(*) FROM gone GROUP BY grant_doc_num
"""
_EVENTS_OF = """
SELECT e.grant_doc_num, e.event_code, e.event_date,
       coalesce(s.grant_date, p.grant_date, st.grant_date) AS grant_date,
       coalesce(s.filing_date, p.appno_date) AS filing_date,
       coalesce(s.appno_doc_num, e.appno_doc_num, p.appno_doc_num) AS appno_doc_num
FROM maintenance_fee_events e
LEFT JOIN (SELECT DISTINCT ON (grant_doc_num) grant_doc_num, grant_date, filing_date,
                  appno_doc_num
           FROM stg_fee_events ORDER BY grant_doc_num, event_date DESC) s
       ON s.grant_doc_num = e.grant_doc_num
LEFT JOIN patents p ON p.grant_doc_num = e.grant_doc_num
LEFT JOIN maintenance_fee_statuses st ON st.grant_doc_num = e.grant_doc_num
WHERE e.grant_doc_num = ANY($1::text[])
"""
_UPSERT_STATUS = """
INSERT INTO maintenance_fee_statuses AS t (grant_doc_num, appno_doc_num, grant_date, status,
    as_of, paid_through, next_window, window_open, due_date, grace_end, expired_on, windows)
SELECT grant_doc_num, appno_doc_num, grant_date, status, as_of, paid_through, next_window,
       window_open, due_date, grace_end, expired_on, windows::jsonb
FROM stg_fee_status
ON CONFLICT (grant_doc_num) DO UPDATE SET
    appno_doc_num = excluded.appno_doc_num, grant_date = excluded.grant_date,
    status = excluded.status, as_of = excluded.as_of, paid_through = excluded.paid_through,
    next_window = excluded.next_window, window_open = excluded.window_open,
    due_date = excluded.due_date, grace_end = excluded.grace_end,
    expired_on = excluded.expired_on, windows = excluded.windows, updated_at = now()
"""
_DELETE_STATUS_WITHOUT_EVENTS = """
DELETE FROM maintenance_fee_statuses t WHERE t.grant_doc_num = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM maintenance_fee_events e WHERE e.grant_doc_num = t.grant_doc_num)
"""
_MIRROR_ON_PATENTS = """
UPDATE patents p SET maintenance_fee_status = s.status, updated_at = now()
FROM stg_fee_status s
WHERE p.grant_doc_num = s.grant_doc_num AND p.maintenance_fee_status IS DISTINCT FROM s.status
"""


@dataclass
class FeeLoadCounts:
    staged: int = 0
    inserted: int = 0
    deleted: int = 0
    touched: set[str] = field(default_factory=set)
    statuses: dict[str, str] = field(default_factory=dict)


async def load_event_codes(conn: asyncpg.Connection, codes: Iterable[MaintenanceEventCode]) -> int:
    """Upsert the code table (§2.6: load the full table, never hard-code it)."""
    by_code = {c.code: c.description for c in codes}
    if not by_code:
        return 0
    status = await conn.execute(_UPSERT_CODES, list(by_code), list(by_code.values()))
    return int(status.rsplit(" ", 1)[-1])


def event_row(e: MaintenanceFeeEvent) -> tuple[object, ...]:
    return (
        e.grant_doc_num, e.event_code, e.event_date, e.appno_doc_num, e.entity_status,
        e.filing_date, e.grant_date,
    )  # fmt: skip


def status_row(
    grant: str, appno: str | None, grant_date: date | None, s: MaintenanceFeeStatus | None,
    as_of: date,
) -> tuple[object, ...]:  # fmt: skip
    if s is None:  # no grant date known: the status cannot be derived yet
        return (grant, appno, grant_date, "unknown", as_of) + (None,) * 6 + ("[]",)
    windows = [
        {
            "label": w.label,
            "windowOpen": w.window_open.isoformat(),
            "dueDate": w.due_date.isoformat(),
            "graceEnd": w.grace_end.isoformat(),
            "paidOn": w.paid_on.isoformat() if w.paid_on else None,
            "status": w.status,
        }
        for w in s.windows
    ]
    return (
        grant, appno, grant_date, s.status, s.as_of, s.paid_through, s.next_window,
        s.window_open, s.due_date, s.grace_end, s.expired_on, json.dumps(windows),
    )  # fmt: skip


class FeeSnapshotLoad:
    """Stage a weekly snapshot batch by batch, then apply it in one go (§2.6)."""

    def __init__(self, conn: asyncpg.Connection, *, as_of: date) -> None:
        self.conn = conn
        self.as_of = as_of
        self.counts = FeeLoadCounts()
        self._prepared = False

    async def stage(self, events: Iterable[MaintenanceFeeEvent]) -> None:
        if not self._prepared:
            await prepare(self.conn, STG_EVENTS, STG_STATUS)
            self._prepared = True
        rows = [event_row(e) for e in events]
        self.counts.staged += await copy_rows(self.conn, STG_EVENTS, rows)

    async def apply(self, *, delete_missing: bool = True) -> FeeLoadCounts:
        if not self._prepared:
            await prepare(self.conn, STG_EVENTS, STG_STATUS)
            self._prepared = True
        await self.conn.execute("ANALYZE stg_fee_events")
        added = await self.conn.fetch(_INSERT_EVENTS)
        inserted = {r[0] for r in added}
        self.counts.inserted = sum(r[1] for r in added)
        gone: set[str] = set()
        if delete_missing:
            removed = await self.conn.fetch(_DELETE_MISSING)
            gone = {r[0] for r in removed}
            self.counts.deleted = sum(r[1] for r in removed)
        self.counts.touched = inserted | gone
        await self._recompute(sorted(self.counts.touched))
        return self.counts

    async def _recompute(self, grants: list[str]) -> None:
        if not grants:
            return
        descriptions = {
            r[0]: r[1]
            for r in await self.conn.fetch("SELECT code, description FROM maintenance_event_codes")
        }
        events: dict[str, list[tuple[str, date]]] = defaultdict(list)
        facts: dict[str, tuple[date | None, date | None, str | None]] = {}
        for r in await self.conn.fetch(_EVENTS_OF, grants):
            events[r["grant_doc_num"]].append((r["event_code"], r["event_date"]))
            facts[r["grant_doc_num"]] = (r["grant_date"], r["filing_date"], r["appno_doc_num"])
        rows = []
        for grant, pairs in events.items():
            grant_date, filing_date, appno = facts[grant]
            status = None
            if grant_date is not None:
                status = maintenance_fee_status(
                    grant_date, pairs, self.as_of, filing_date=filing_date,
                    grant_doc_num=grant, descriptions=descriptions,
                )  # fmt: skip
            rows.append(status_row(grant, appno, grant_date, status, self.as_of))
            self.counts.statuses[grant] = "unknown" if status is None else status.status
        await copy_rows(self.conn, STG_STATUS, rows)
        await self.conn.execute(_UPSERT_STATUS)
        await self.conn.execute(_DELETE_STATUS_WITHOUT_EVENTS, grants)
        await self.conn.execute(_MIRROR_ON_PATENTS)
