"""Grant and publication ingestion (ingestion.md §2.2, §2.3; BR-055): local file or a
dated weekly download → streaming parse → batched COPY/merge → job record → fan-out.

One `ingestion_jobs` row per file; one transaction per batch (the job is the boundary),
so a run killed at any point leaves whole batches and a re-run only finishes the rest.
A malformed document becomes one `ingestion_errors` row and the rest of the file loads.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.loaders.assignments import raw_connection
from db.loaders.patents import PatentLoader
from domain.ingestion.applications_xml import iter_applications
from domain.ingestion.biblio_records import BiblioParseError, PatentDocumentRecord
from domain.ingestion.grants_xml import iter_grants
from worker.ingestion.assignments import sha256_file
from worker.ingestion.background import chunked, in_background
from worker.ingestion.job_record import (
    ErrorRow,
    JobRecorder,
    RunOutcome,
    SourceSpec,
    fan_out_documents,
)
from worker.ingestion.parse_process import iter_in_process
from worker.jobs import JobQueue

GRANTS_SOURCE = SourceSpec(
    name="USPTO_GRANTS_BIBLIO",
    source_type="bulk_download",
    schedule_type="weekly",
    schedule_cron="0 4 * * 2",  # domain-model §9: bibliographic Tue 04:00 UTC
    endpoint_url="https://bulkdata.uspto.gov/data/patent/grant/redbook/bibliographic/",
    file_pattern="ipgbYYYYMMDD_wkNN.zip",
    format="zip",
    expected_interval_hours=168,
)
APPLICATIONS_SOURCE = SourceSpec(
    name="USPTO_APPLICATIONS_BIBLIO",
    source_type="bulk_download",
    schedule_type="weekly",
    schedule_cron="0 4 * * 4",  # §2.3: publications appear on Thursdays
    endpoint_url="https://bulkdata.uspto.gov/data/patent/application/redbook/bibliographic/",
    file_pattern="ipabYYYYMMDD_wkNN.zip",
    format="zip",
    expected_interval_hours=168,
)
_ERROR_TYPES = {"xml_syntax": "parse", "unsupported_root": "parse", "missing_field": "validation"}

Item = PatentDocumentRecord | BiblioParseError
Progress = Callable[[int], None]  # documents (and errors) handled so far


@dataclass(frozen=True)
class BiblioKind:
    patent_type: str  # grant | application
    source: SourceSpec
    parse: Callable[[str | os.PathLike[str]], Iterator[Item]]
    prefix: str  # ipgb | ipab

    def weekly_file_name(self, day: date) -> str:
        """`ipgbYYYYMMDD_wkNN.zip` (NN = ISO week of the issue date, §2.2)."""
        return f"{self.prefix}{day:%Y%m%d}_wk{day.isocalendar().week:02d}.zip"


GRANTS = BiblioKind("grant", GRANTS_SOURCE, iter_grants, "ipgb")
APPLICATIONS = BiblioKind("application", APPLICATIONS_SOURCE, iter_applications, "ipab")
KINDS = {k.patent_type: k for k in (GRANTS, APPLICATIONS)}


def parse_batches(patent_type: str, path: str, batch_size: int) -> Iterator[list[Item]]:
    """Batches of parsed documents (runs in the parser process)."""
    return chunked(KINDS[patent_type].parse(path), batch_size)


def _file_size(path: Path) -> int | None:
    return path.stat().st_size if path.is_file() else None


def error_row(file_name: str, err: BiblioParseError) -> ErrorRow:
    return ErrorRow(
        file_name,
        err.document_index,
        err.record_identifier,
        _ERROR_TYPES.get(err.error_type, "other"),
        f"{err.error_type}: {err.error_message}",
        {"member": err.source_name, "xml": err.raw_data},
    )


def _unkeyed(file_name: str, rec: PatentDocumentRecord) -> ErrorRow | None:
    # §2.2/2.3 upsert key: application number, else (grants only) the grant number.
    if rec.appno_doc_num or (rec.patent_type == "grant" and rec.grant_doc_num):
        return None
    return ErrorRow(
        file_name,
        rec.document_index,
        rec.doc_number,
        "validation",
        "no application number to key the document on",
        {"member": rec.source_name},
    )


async def load_biblio_file(
    sessionmaker: async_sessionmaker[AsyncSession],
    kind: BiblioKind,
    path: Path,
    *,
    queue: JobQueue | None = None,
    force: bool = False,
    batch_size: int = 1000,
    business_date: date | None = None,
    progress: Progress | None = None,
) -> RunOutcome:
    """Load one local XML/ZIP/TAR (or folder) of `kind` through the job's code path."""
    recorder = JobRecorder(sessionmaker, kind.source)
    sha = await asyncio.to_thread(sha256_file, path)
    if not force and await recorder.already_loaded(path.name, sha):
        return RunOutcome(path.name, None, status="skipped")
    size = await asyncio.to_thread(_file_size, path)
    outcome = await recorder.start(
        path.name, size=size, metadata={"sha256": sha, "path": str(path)}
    )
    try:
        await _load_batches(recorder, kind, path, outcome, batch_size, progress)
    except BaseException as exc:
        await asyncio.shield(recorder.finish(outcome, error=f"{type(exc).__name__}: {exc}"))
        raise
    await recorder.finish(outcome, business_date=business_date)
    outcome.organizations = await fan_out_documents(
        sessionmaker, queue, appnos=outcome.appnos, grants=outcome.grants
    )
    return outcome


async def _load_batches(
    recorder: JobRecorder,
    kind: BiblioKind,
    path: Path,
    outcome: RunOutcome,
    batch_size: int,
    progress: Progress | None,
) -> None:
    # Parsed in a child process, handed over by a thread: the event loop stays free for
    # COPY and merges, and parsing overlaps them on another core (§1.2).
    batches = in_background(
        lambda: iter_in_process(parse_batches, (kind.patent_type, str(path), batch_size)),
        name="biblio-parser",
    )
    async for batch in batches:
        records: list[PatentDocumentRecord] = []
        errors: list[ErrorRow] = []
        for item in batch:
            if isinstance(item, BiblioParseError):
                errors.append(error_row(path.name, item))
            elif (bad := _unkeyed(path.name, item)) is not None:
                errors.append(bad)
            else:
                records.append(item)
        async with recorder.session() as s:
            loader = PatentLoader(
                await raw_connection(s),
                patent_type=kind.patent_type,
                ingestion_job_id=outcome.job_id,
            )
            counts, rejected = await loader.merge_isolating(records)
            errors += [
                ErrorRow(
                    path.name,
                    rec.document_index,
                    rec.doc_number,
                    "constraint",
                    reason,
                    {"member": rec.source_name},
                )
                for rec, reason in rejected
            ]
            await recorder.record_batch(
                s,
                outcome,
                processed=len(batch),
                inserted=counts.inserted,
                updated=counts.updated,
                errors=errors,
            )
        outcome.appnos |= counts.appnos
        outcome.grants |= counts.grants
        if progress is not None:
            progress(outcome.processed)
