"""Snapshot sources loaded in ONE transaction each: the CPC master (§2.4, BR-056), the
CPC scheme/titles (§2.5) and the weekly cumulative maintenance-fee file (§2.6).

The file is parsed on a thread and COPYed into staging batch by batch (memory bounded by
a batch); the replacement is applied and committed once, so readers see the old data
until the new snapshot is complete. Lines/records that cannot be parsed become
`ingestion_errors` rows in the same transaction; the rest loads.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.loaders.assignments import raw_connection
from db.loaders.cpc import CpcMasterReplacement, replace_cpc_scheme
from db.loaders.maintenance import FeeSnapshotLoad, load_event_codes
from domain.ingestion.biblio_records import (
    BiblioParseError,
    CpcClassificationRecord,
    CpcMasterRecord,
    LineParseError,
    MaintenanceFeeEvent,
)
from domain.ingestion.cpc import (
    iter_cpc_master_file,
    iter_cpc_scheme_file,
    iter_cpc_title_list_file,
)
from domain.ingestion.maintenance_fees import iter_maintenance_code_file, iter_maintenance_file
from worker.ingestion.assignments import sha256_file
from worker.ingestion.background import chunked, in_background
from worker.ingestion.biblio import error_row
from worker.ingestion.job_record import (
    ErrorRow,
    JobRecorder,
    RunOutcome,
    SourceSpec,
    fan_out_documents,
)
from worker.jobs import JobQueue

CPC_MCF_SOURCE = SourceSpec(
    name="USPTO_CPC_MCF",
    source_type="bulk_download",
    schedule_type="monthly",
    schedule_cron="0 3 1 * *",  # domain-model §9: CPC monthly on the 1st at 03:00 UTC
    endpoint_url="https://api.uspto.gov/api/v1/datasets/products/files/CPCMCPT/",
    file_pattern="US_Grant_CPC_MCF_XML_YYYY-MM-DD.zip",
    format="zip",
    expected_interval_hours=24 * 31,
)
CPC_SCHEME_SOURCE = SourceSpec(
    name="CPC_SCHEME",
    source_type="bulk_download",
    schedule_type="monthly",
    schedule_cron="0 3 1 * *",
    endpoint_url="https://www.cooperativepatentclassification.org/sites/default/files/cpc/bulk/",
    file_pattern="CPCTitleListYYYYMM.zip",
    format="zip",
    expected_interval_hours=24 * 31,
)
MAINT_FEE_SOURCE = SourceSpec(
    name="USPTO_MAINT_FEE_EVENTS",
    source_type="bulk_download",
    schedule_type="weekly",
    schedule_cron="0 5 * * 4",  # domain-model §9: maintenance fees Thu 05:00 UTC
    endpoint_url="https://api.uspto.gov/api/v1/datasets/products/files/PTMNFEE2/",
    file_pattern="MaintFeeEvents_YYYYMMDD.zip",
    format="zip",
    expected_interval_hours=168,
)
Progress = Callable[[int], None]


class SnapshotIncomplete(RuntimeError):
    """A snapshot member could not be read to its end: applying it would delete the rows
    of every record after the break, so the whole load is rolled back (BR-056)."""


def line_error(file_name: str, err: LineParseError) -> ErrorRow:
    return ErrorRow(
        file_name, err.line_number, None, "parse", err.error_message, {"line": err.raw_data}
    )


def _fee_event_problem(e: MaintenanceFeeEvent) -> str | None:
    # Column widths of maintenance_fee_events: a longer value would fail the whole snapshot.
    if len(e.event_code) > 10:
        return f"event code longer than 10 characters: {e.event_code!r}"
    if len(e.grant_doc_num) > 20 or len(e.appno_doc_num or "") > 20:
        return "document number longer than 20 characters"
    if e.entity_status is not None and len(e.entity_status) > 1:
        return f"bad entity status {e.entity_status!r}"
    return None


async def _start(recorder: JobRecorder, path: Path, force: bool) -> RunOutcome | None:
    sha = await asyncio.to_thread(sha256_file, path)
    if not force and await recorder.already_loaded(path.name, sha):
        return None
    return await recorder.start(path.name, metadata={"sha256": sha, "path": str(path)})


async def load_cpc_master_file(
    sessionmaker: async_sessionmaker[AsyncSession],
    path: Path,
    *,
    force: bool = False,
    batch_size: int = 20_000,
    progress: Progress | None = None,
) -> RunOutcome:
    """Replace the CPC of every document type present in the MCF snapshot (BR-056)."""
    recorder = JobRecorder(sessionmaker, CPC_MCF_SOURCE)
    outcome = await _start(recorder, path, force)
    if outcome is None:
        return RunOutcome(path.name, None, status="skipped")
    try:
        async with recorder.session() as s:
            replacement = CpcMasterReplacement(await raw_connection(s))
            errors: list[ErrorRow] = []
            processed = 0
            batches = in_background(lambda: chunked(iter_cpc_master_file(path), batch_size))
            async for batch in batches:
                records = [r for r in batch if isinstance(r, CpcMasterRecord)]
                bad = [e for e in batch if isinstance(e, BiblioParseError)]
                broken = [e for e in bad if e.error_type == "xml_syntax"]
                if broken:
                    raise SnapshotIncomplete(f"{broken[0].source_name}: {broken[0].error_message}")
                errors += [error_row(path.name, e) for e in bad]
                await replacement.stage(records)
                processed += len(batch)
                if progress is not None:
                    progress(processed)
            counts = await replacement.apply()
            await recorder.record_batch(
                s, outcome, processed=processed, inserted=counts.inserted,
                updated=counts.deleted + counts.superseded, errors=errors,
            )  # fmt: skip
    except BaseException as exc:
        await asyncio.shield(recorder.finish(outcome, error=f"{type(exc).__name__}: {exc}"))
        raise
    await recorder.finish(outcome)
    return outcome


async def load_cpc_scheme_file(
    sessionmaker: async_sessionmaker[AsyncSession], path: Path, *, force: bool = False
) -> RunOutcome:
    """Title list (`CPCTitleList*.zip`, `cpc-section-*.txt`) or scheme XML (§2.5)."""
    recorder = JobRecorder(sessionmaker, CPC_SCHEME_SOURCE)
    outcome = await _start(recorder, path, force)
    if outcome is None:
        return RunOutcome(path.name, None, status="skipped")
    title_list = path.suffix.lower() == ".txt" or "titlelist" in path.name.lower()

    def parse() -> list[CpcClassificationRecord | LineParseError]:
        if title_list:
            return list(iter_cpc_title_list_file(path))
        return list(iter_cpc_scheme_file(path))

    try:
        items = await asyncio.to_thread(parse)  # ≈260 k small records: one list is fine
        records = [r for r in items if isinstance(r, CpcClassificationRecord)]
        errors = [line_error(path.name, e) for e in items if isinstance(e, LineParseError)]
        async with recorder.session() as s:
            counts = await replace_cpc_scheme(await raw_connection(s), records)
            await recorder.record_batch(
                s, outcome, processed=len(items), inserted=counts.inserted,
                updated=counts.deleted, errors=errors,
            )  # fmt: skip
    except BaseException as exc:
        await asyncio.shield(recorder.finish(outcome, error=f"{type(exc).__name__}: {exc}"))
        raise
    await recorder.finish(outcome)
    return outcome


async def load_maintenance_file(
    sessionmaker: async_sessionmaker[AsyncSession],
    path: Path,
    *,
    queue: JobQueue | None = None,
    force: bool = False,
    delete_missing: bool = True,
    as_of: date | None = None,
    batch_size: int = 50_000,
    progress: Progress | None = None,
) -> RunOutcome:
    """Load a weekly `MaintFeeEvents_*.zip`/`.txt` (codes first, then the events)."""
    recorder = JobRecorder(sessionmaker, MAINT_FEE_SOURCE)
    outcome = await _start(recorder, path, force)
    if outcome is None:
        return RunOutcome(path.name, None, status="skipped")
    try:
        async with recorder.session() as s:
            conn = await raw_connection(s)
            await load_event_codes(
                conn, await asyncio.to_thread(lambda: list(iter_maintenance_code_file(path)))
            )
            snapshot = FeeSnapshotLoad(conn, as_of=as_of or datetime.now(UTC).date())
            errors: list[ErrorRow] = []
            processed = 0
            async for batch in in_background(
                lambda: chunked(iter_maintenance_file(path), batch_size)
            ):
                events: list[MaintenanceFeeEvent] = []
                for item in batch:
                    if isinstance(item, LineParseError):
                        errors.append(line_error(path.name, item))
                    elif (problem := _fee_event_problem(item)) is not None:
                        errors.append(
                            ErrorRow(path.name, item.line_number, item.grant_doc_num,
                                     "validation", problem, None)
                        )  # fmt: skip
                    else:
                        events.append(item)
                await snapshot.stage(events)
                processed += len(batch)
                if progress is not None:
                    progress(processed)
            counts = await snapshot.apply(delete_missing=delete_missing)
            await recorder.record_batch(
                s, outcome, processed=processed, inserted=counts.inserted,
                updated=counts.deleted, errors=errors,
            )  # fmt: skip
    except BaseException as exc:
        await asyncio.shield(recorder.finish(outcome, error=f"{type(exc).__name__}: {exc}"))
        raise
    outcome.grants = counts.touched
    await recorder.finish(outcome)
    outcome.organizations = await fan_out_documents(
        sessionmaker, queue, appnos=(), grants=outcome.grants
    )
    return outcome
