"""CPC master replacement (BR-056) and scheme loads against PostgreSQL as the worker role.

The concurrency tests commit through real separate connections: a reader during the
reload sees either the old or the new snapshot, never a mix; a failure mid-load leaves
the old data."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection

from db.loaders.cpc import CpcMasterReplacement, replace_cpc_scheme
from domain.ingestion.biblio_records import CpcMasterRecord
from domain.ingestion.cpc import (
    iter_cpc_master_file,
    iter_cpc_scheme_file,
    iter_cpc_title_list_file,
)
from patentrack.settings import Settings
from tests.db.reference_helpers import as_worker, checksum

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "cpc"


def _sample() -> CpcMasterRecord:
    (record,) = list(iter_cpc_master_file(FIXTURES / "cpcMaster.xml"))
    assert isinstance(record, CpcMasterRecord)
    return record


def _snapshot(first: int, count: int, *, drop_last_code: bool = False) -> list[CpcMasterRecord]:
    """Synthetic snapshot: the real sample record copied onto grant numbers first.."""
    base = _sample()
    codes = base.codes[:-1] if drop_last_code else base.codes
    return [
        dataclasses.replace(base, grant_doc_num=str(9_000_000 + n), codes=codes)
        for n in range(first, first + count)
    ]


async def _state(conn: asyncpg.Connection) -> frozenset[tuple[str, str, int]]:
    rows = await conn.fetch(
        "SELECT patent_doc_num, cpc_code, position FROM patent_cpc_codes WHERE source = 'mcf'"
    )
    return frozenset((r[0], r[1], r[2]) for r in rows)


async def test_mcf_sample_loads_and_a_replay_changes_nothing(db: AsyncConnection) -> None:
    conn = await as_worker(db)
    replacement = CpcMasterReplacement(conn)
    await replacement.stage([_sample()])
    counts = await replacement.apply()
    assert (counts.staged, counts.inserted, counts.deleted) == (9, 9, 0)
    main = await conn.fetchrow(
        "SELECT patent_doc_num, patent_type, is_main, is_inventive, position FROM patent_cpc_codes"
        " WHERE position = 1"
    )
    assert tuple(main) == ("9400000", "grant", True, True, 1)
    before = await checksum(conn, "patent_cpc_codes")
    again = CpcMasterReplacement(conn)
    await again.stage([_sample()])
    counts = await again.apply()
    assert (counts.inserted, counts.deleted) == (0, 0)
    assert await checksum(conn, "patent_cpc_codes") == before


async def test_snapshot_replaces_rows_and_supersedes_weekly_xml(db: AsyncConnection) -> None:
    conn = await as_worker(db)
    first = CpcMasterReplacement(conn)
    await first.stage(_snapshot(0, 10))
    await first.apply()
    # A weekly-XML row for a document the next snapshot covers, and one it does not.
    await conn.execute(
        "INSERT INTO patent_cpc_codes (patent_doc_num, patent_type, cpc_code, cpc_level,"
        " is_inventive, is_main, position, source) VALUES"
        " ('9000012', 'grant', 'H04L9/00', 4, true, true, 1, 'grant_xml'),"
        " ('9999999', 'grant', 'H04L9/00', 4, true, true, 1, 'grant_xml')"
    )
    second = CpcMasterReplacement(conn)
    await second.stage(_snapshot(5, 10, drop_last_code=True))
    counts = await second.apply()
    assert counts.superseded == 1
    state = await _state(conn)
    assert {doc for doc, _, _ in state} == {str(9_000_000 + n) for n in range(5, 15)}
    assert len(state) == 10 * 8
    xml = await conn.fetch("SELECT patent_doc_num FROM patent_cpc_codes WHERE source <> 'mcf'")
    assert [r[0] for r in xml] == ["9999999"]


async def test_title_list_and_scheme_xml_build_the_hierarchy(db: AsyncConnection) -> None:
    conn = await as_worker(db)
    records = [r for r in iter_cpc_title_list_file(FIXTURES) if not hasattr(r, "line_number")]
    counts = await replace_cpc_scheme(conn, records)  # type: ignore[arg-type]
    assert counts.staged == 5691
    assert await conn.fetchval("SELECT count(*) FROM cpc_classifications") == 5691
    parent = await conn.fetchval(
        "SELECT p.cpc_code FROM cpc_classifications c JOIN cpc_classifications p"
        " ON p.id = c.parent_id WHERE c.cpc_code = 'D01B1/06'"
    )
    assert parent == "D01B1/04"
    row = await conn.fetchrow(
        "SELECT level, dot_level, title FROM cpc_classifications WHERE cpc_code = 'D'"
    )
    assert tuple(row) == (1, None, "TEXTILES; PAPER")
    # Only the section D root has no parent.
    assert (
        await conn.fetchval("SELECT count(*) FROM cpc_classifications WHERE parent_id IS NULL") == 1
    )
    scheme = list(iter_cpc_scheme_file(FIXTURES / "cpc-scheme-A01L.xml"))
    counts = await replace_cpc_scheme(conn, scheme)
    assert counts.staged == 19  # the title-less wrapper is de-duplicated (quirk 19)
    assert await conn.fetchval("SELECT count(*) FROM cpc_classifications") == 5691 + 19
    sub = await conn.fetchrow(
        "SELECT c.level, c.dot_level, p.cpc_code FROM cpc_classifications c"
        " JOIN cpc_classifications p ON p.id = c.parent_id WHERE c.cpc_code = 'A01L1/02'"
    )
    assert tuple(sub) == (5, 1, "A01L1/00")
    # Re-loading section D with one subgroup fewer removes exactly that code.
    before = await checksum(conn, "cpc_classifications")
    await replace_cpc_scheme(conn, records)  # type: ignore[arg-type]
    assert await checksum(conn, "cpc_classifications") == before
    fewer = [r for r in records if r.cpc_code != "D01B1/12"]  # type: ignore[union-attr]
    counts = await replace_cpc_scheme(conn, fewer)  # type: ignore[arg-type]
    assert counts.deleted == 1
    assert await conn.fetchval("SELECT count(*) FROM cpc_classifications") == 5691 + 18


# --------------------------------------------------------------------------- committed


@pytest.fixture
async def worker_pool(settings: Settings, clean_tables: None) -> AsyncIterator[asyncpg.Pool]:
    url = make_url(settings.worker_db_url()).set(drivername="postgresql")
    pool = await asyncpg.create_pool(url.render_as_string(hide_password=False), min_size=2)
    yield pool
    await pool.close()


async def _load(pool: asyncpg.Pool, records: list[CpcMasterRecord]) -> None:
    async with pool.acquire() as conn, conn.transaction():
        replacement = CpcMasterReplacement(conn)
        await replacement.stage(records)
        await replacement.apply()


async def test_concurrent_reader_sees_old_or_new_never_a_mix(worker_pool: asyncpg.Pool) -> None:
    old, new = _snapshot(0, 300), _snapshot(200, 300, drop_last_code=True)
    await _load(worker_pool, old)
    async with worker_pool.acquire() as reader:
        old_state = await _state(reader)
        seen: list[frozenset[tuple[str, str, int]]] = []
        done = asyncio.Event()

        async def keep_reading() -> None:
            while not done.is_set():
                seen.append(await _state(reader))
                await asyncio.sleep(0)

        task = asyncio.create_task(keep_reading())
        async with worker_pool.acquire() as writer, writer.transaction():
            replacement = CpcMasterReplacement(writer)
            for start in range(0, len(new), 50):  # staged in batches, as the job does
                await replacement.stage(new[start : start + 50])
                await asyncio.sleep(0.01)
            await replacement.apply()
            # Rows deleted and inserted, not yet committed: another session sees the old.
            async with worker_pool.acquire() as probe:
                assert await _state(probe) == old_state
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.05)
        done.set()
        await task
        new_state = await _state(reader)
    assert len(old_state) == 300 * 9 and len(new_state) == 300 * 8
    assert old_state != new_state
    assert seen and set(seen) <= {old_state, new_state}
    assert seen[0] == old_state  # the reader did run while the reload was in progress


async def test_failure_mid_load_leaves_the_old_data(worker_pool: asyncpg.Pool) -> None:
    await _load(worker_pool, _snapshot(0, 50))
    async with worker_pool.acquire() as conn:
        before = await checksum(conn, "patent_cpc_codes")
        with pytest.raises(RuntimeError, match="disk full"):
            async with conn.transaction():
                replacement = CpcMasterReplacement(conn)
                await replacement.stage(_snapshot(100, 50))
                await replacement.apply()
                raise RuntimeError("disk full")  # e.g. the next archive member is corrupt
        assert await checksum(conn, "patent_cpc_codes") == before
        assert len(await _state(conn)) == 50 * 9
