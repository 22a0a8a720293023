"""Parse a local assignment file into bounded batches on a background thread.

The parser (domain, lxml iterparse) is CPU work; the merges are mostly waiting on
PostgreSQL. Parsing the next batch on a thread while the event loop awaits the database
overlaps the two, and a queue of at most `_AHEAD` batches keeps memory bounded by a few
batches whatever the file size (§1.1 step 5).
"""

from __future__ import annotations

import asyncio
import gc
import io
import zipfile
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, cast

from db.loaders.assignment_rows import StagedBatch, dedupe, stage, validate
from domain.ingestion.assignments_xml import iter_assignments
from domain.ingestion.records import AssignmentRecord, InvalidRecordError, ParseError
from domain.ingestion.sources import open_assignment_source
from worker.ingestion.background import in_background
from worker.ingestion.parse_process import ParserProcessError, iter_in_process

_AHEAD = 2


@dataclass
class ParsedBatch:
    """Rows ready for COPY (primitives only: cheap to hand across processes) plus errors."""

    member: str
    staged: StagedBatch
    records: int  # records parsed and valid (before same-rf_id de-duplication)
    errors: list[ParseError]
    business_date: date | None  # the latest transaction-date seen in the batch
    bytes_read: int  # uncompressed XML bytes consumed so far in this file


def _batch(
    member: str, records: list[AssignmentRecord], errors: list[ParseError], read: int
) -> ParsedBatch:
    days = [r.transaction_date for r in records if r.transaction_date]
    staged = stage(dedupe(records))
    return ParsedBatch(member, staged, len(records), errors, max(days, default=None), read)


class _Counting(io.RawIOBase):
    """Counts the bytes lxml pulls from the member stream (for MB/s progress)."""

    def __init__(self, inner: IO[bytes], on_read: Callable[[int], None]) -> None:
        self.inner = inner
        self.on_read = on_read

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.on_read(len(data))
        return data


def xml_bytes(path: Path) -> int:
    """Uncompressed XML size of a file, ZIP or folder (the progress bar's total)."""
    if path.is_dir():
        return sum(xml_bytes(p) for p in sorted(path.rglob("*")) if p.is_file())
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            return sum(i.file_size for i in archive.infolist() if not i.is_dir())
    return path.stat().st_size if path.suffix.lower() == ".xml" else 0


def iter_batches(path: Path, batch_size: int) -> Iterator[ParsedBatch]:
    """Batches of parsed records and per-record errors, member by member, in file order."""
    read = 0

    def count(n: int) -> None:
        nonlocal read
        read += n

    for member in open_assignment_source(path):
        records: list[AssignmentRecord] = []
        errors: list[ParseError] = []
        stream = _Counting(member.stream, count)
        for position, item in enumerate(iter_assignments(stream), 1):  # type: ignore[arg-type]
            if isinstance(item, ParseError):
                errors.append(item)
            else:
                try:
                    validate(item)
                    records.append(item)
                except InvalidRecordError as exc:
                    errors.append(_as_error(item, str(exc), position))
            if len(records) >= batch_size:
                yield _batch(member.name, records, errors, read)
                records, errors = [], []
        yield _batch(member.name, records, errors, read)


def _as_error(rec: AssignmentRecord, reason: str, position: int) -> ParseError:
    raw = repr(rec)[: 8 * 1024]
    return ParseError(position, None, reason, "invalid_record", rec.reel_no, rec.frame_no, raw)


def iter_batches_own_process(path: Path, batch_size: int) -> Iterator[ParsedBatch]:
    """`iter_batches` for a process that does nothing else: the cyclic garbage collector,
    which kept re-scanning the thousands of records a batch holds (a fifth of the parse
    time), runs once per batch instead; parsed records hold no reference cycles."""
    gc.freeze()  # what the process imported is never garbage
    gc.disable()
    for batch in iter_batches(path, batch_size):
        yield batch
        gc.collect()


async def batches_in_background(path: Path, batch_size: int) -> AsyncIterator[ParsedBatch]:
    """`iter_batches` on a thread, at most `_AHEAD` batches ahead of the consumer."""
    async for batch in in_background(
        lambda: iter_batches(path, batch_size), ahead=_AHEAD, name="assignment-parser"
    ):
        yield batch


async def batches_in_subprocess(path: Path, batch_size: int) -> AsyncIterator[ParsedBatch]:
    """`iter_batches` in a spawned process (§1.2: parsing runs in a process pool): the
    parser gets a core of its own while this process COPYs and merges. Batches carry
    staged tuples, which cross the process boundary ~10x cheaper than parsed records."""
    # A generator (closing it stops the child); typed as a plain iterator upstream.
    batches = cast(
        Generator[ParsedBatch, None, None],
        iter_in_process(iter_batches_own_process, (path, batch_size), ahead=_AHEAD),
    )
    try:
        while True:
            try:
                batch = await asyncio.to_thread(next, batches, None)
            except ParserProcessError as exc:
                raise RuntimeError(f"assignment parser failed: {exc}") from exc
            if batch is None:
                return
            yield batch
    finally:
        await asyncio.to_thread(batches.close)
