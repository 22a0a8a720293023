"""On-demand assignment history from the search API (D20, ingestion.md §2.8).

Records are merged with the daily-feed records by rf_id through the assignment loader
(db/loaders/assignments.py), after `preferred_record` decides per rf_id: a daily-file
record wins over an API record with an equal or older `lastUpdateDate` (§2.8). Inventors
the API lists are kept as bibliographic inventors (db/loaders/api_inventors.py). One
`ingestion_jobs` row per lookup; unparseable documents become `ingestion_errors` rows.
"""

from __future__ import annotations

from datetime import date

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.loaders.api_inventors import sync_api_inventors
from db.loaders.assignment_rows import dedupe, stage, validate
from db.loaders.assignments import AssignmentLoader, merge_isolating, raw_connection
from domain.ingestion.records import AssignmentRecord, InvalidRecordError, preferred_record
from worker.ingestion.assignment_api_client import AssignmentApiClient
from worker.ingestion.job_record import (
    ErrorRow,
    JobRecorder,
    RunOutcome,
    SourceSpec,
    fan_out_documents,
)
from worker.jobs import JobQueue

SEARCH_SOURCE = SourceSpec(
    name="USPTO_ASSIGNMENT_SEARCH",
    source_type="rest_api",
    schedule_type="on_demand",
    schedule_cron=None,
    endpoint_url="https://assignment-api.uspto.gov/patent/lookup",
    file_pattern=None,
    format="xml",
)


def _stub(rf_id: str, last_update: date | None, source: str) -> AssignmentRecord:
    # What preferred_record compares: rf_id, last_update_dt and source.
    return AssignmentRecord(
        rf_id, "", "", last_update, None, None, None, None, None, None, None, None, None,
        None, (), (), (), source,  # type: ignore[arg-type]
    )  # fmt: skip


async def keep_preferred(
    conn: asyncpg.Connection, records: list[AssignmentRecord]
) -> list[AssignmentRecord]:
    """The API records that win over what is stored for their rf_id (§2.8, D20)."""
    stored = {
        r["rf_id"]: _stub(r["rf_id"], r["last_update_dt"], r["source"])
        for r in await conn.fetch(
            "SELECT rf_id, last_update_dt, source FROM assignments WHERE rf_id = ANY($1::text[])",
            [r.rf_id for r in records],
        )
    }
    return [
        r for r in records if r.rf_id not in stored or preferred_record(stored[r.rf_id], r) is r
    ]


async def load_history(
    sessionmaker: async_sessionmaker[AsyncSession],
    client: AssignmentApiClient,
    *,
    filter_name: str,
    query: str,
    queue: JobQueue | None = None,
) -> RunOutcome:
    """Fetch every page for `filter_name`=`query` and merge it (one job row)."""
    recorder = JobRecorder(sessionmaker, SEARCH_SOURCE)
    outcome = await recorder.start(f"{filter_name}:{query}", metadata={"query": query})
    try:
        history = await client.history(filter_name, query)
        errors = [
            ErrorRow(None, e.ordinal, e.record_identifier, "parse", e.reason, {"xml": e.raw})
            for e in history.errors
        ]
        valid: list[AssignmentRecord] = []
        for rec in dedupe(history.records):
            try:
                validate(rec)
                valid.append(rec)
            except InvalidRecordError as exc:
                errors.append(ErrorRow(None, None, rec.rf_id, "validation", str(exc), None))
        async with recorder.session() as s:
            conn = await raw_connection(s)
            winners = await keep_preferred(conn, valid)
            loader = AssignmentLoader(conn, ingestion_job_id=outcome.job_id)
            counts, rejected = await merge_isolating(loader, stage(winners))
            errors += [ErrorRow(None, None, rf, "constraint", why, None) for rf, why in rejected]
            inventors = await sync_api_inventors(conn, valid)
            await recorder.record_batch(
                s, outcome, processed=len(history.records) + len(history.errors),
                inserted=counts.inserted, updated=counts.updated, errors=errors,
            )  # fmt: skip
    except BaseException as exc:
        await recorder.finish(outcome, error=f"{type(exc).__name__}: {exc}")
        raise
    await recorder.finish(outcome)
    refused = {rf for rf, _ in rejected}
    touched = [r for r in winners if r.rf_id not in refused]
    outcome.appnos = {p.appno_doc_num for r in touched for p in r.properties if p.appno_doc_num}
    outcome.appnos |= inventors.appnos
    outcome.grants = {p.grant_doc_num for r in touched for p in r.properties if p.grant_doc_num}
    outcome.grants |= inventors.grants
    outcome.organizations = await fan_out_documents(
        sessionmaker, queue, appnos=outcome.appnos, grants=outcome.grants
    )
    return outcome
