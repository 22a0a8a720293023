"""The assignment loader against real PostgreSQL as the worker role: the real sample
loads exactly, replays change nothing, corrections update, purges withdraw (BR-059).

Parser memory (flat between a file and a 10x larger one) is proven where the parser
lives, in tests/domain/ingestion/test_assignments_xml.py:
test_memory_stays_flat_for_a_ten_times_larger_file and test_libxml2_tree_memory_stays_flat.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from db.loaders import assignments as loader_module
from db.loaders.assignment_rows import StagedBatch, content_hash, dedupe, stage
from db.loaders.assignments import (
    AssignmentLoader,
    MergeCounts,
    merge_isolating,
    raw_connection,
    replaces,
    time_ordered_ids,
)
from db.session import tenant_session
from db.tenant import TenantContext
from domain.ingestion.assignments_xml import iter_assignments
from domain.ingestion.records import AssignmentRecord
from patentrack.settings import Settings
from tests.ingest_helpers import (
    SAMPLE_XML,
    full_checksum,
    natural_checksum,
    table_counts,
    truncate_ingestion,
)

pytestmark = pytest.mark.usefixtures("clean_tables")


@pytest.fixture
async def sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=2)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture(scope="module")
def sample() -> list[AssignmentRecord]:
    records = [r for r in iter_assignments(SAMPLE_XML) if isinstance(r, AssignmentRecord)]
    assert len(records) == 199
    return records


async def _merge(
    sessions: async_sessionmaker[AsyncSession], records: list[AssignmentRecord]
) -> tuple[MergeCounts, list[tuple[str, str]]]:
    async with tenant_session(sessions, TenantContext.anonymous()) as s:
        role = (await s.execute(text("SELECT current_user"))).scalar_one()
        assert role == "patentrack_worker"  # shared tables are written through the grants
        loader = AssignmentLoader(await raw_connection(s), ingestion_job_id=None)
        return await merge_isolating(loader, stage(dedupe(records)))


async def _one(engine: AsyncEngine, sql: str, **params: object) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        return [tuple(r) for r in await conn.execute(text(sql), params)]


async def _instances_mismatch(engine: AsyncEngine) -> list[tuple[object, ...]]:
    """Entities whose `instances` differs from their references (domain-model §3)."""
    return await _one(
        engine,
        "SELECT e.name, e.instances FROM entities e WHERE e.instances <>"
        " (SELECT count(*) FROM assignors o WHERE o.entity_id = e.id)"
        " + (SELECT count(*) FROM assignees r WHERE r.entity_id = e.id)",
    )


def _by_rf(records: list[AssignmentRecord], rf_id: str) -> AssignmentRecord:
    return next(r for r in records if r.rf_id == rf_id)


async def test_real_sample_loads_exact_counts(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    counts, rejected = await _merge(sessions, sample)
    assert (counts.inserted, counts.updated, counts.unchanged, rejected) == (199, 0, 0, [])
    found = await table_counts(admin_engine)
    assert {k: found[k] for k in ("assignments", "document_ids", "assignors", "assignees")} == {
        "assignments": 199,
        "document_ids": 578,
        "assignors": 421,
        "assignees": 207,
    }
    names = {a.or_name.lower() for r in sample for a in r.assignors}
    names |= {e.ee_name.lower() for r in sample for e in r.assignees}
    assert found["entities"] == len(names)
    # instances = references across assignors and assignees (domain-model §3).
    assert await _instances_mismatch(admin_engine) == []


async def test_field_level_checks_of_hand_picked_records(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    await _merge(sessions, sample)
    first = await _one(
        admin_engine,
        "SELECT reel_no, frame_no, convey_text, record_dt, exec_dt, cname, page_count, status,"
        " purge_indicator, last_update_dt, transaction_date, correspondent"
        " FROM assignments WHERE rf_id = '037388-0092'",
    )
    assert first == [
        (
            "37388",
            "92",
            "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).",
            date(2015, 12, 30),
            date(2006, 3, 29),  # earliest assignor execution date
            "CHRISTIE, PARKER & HALE, LLP",
            3,
            "active",
            "N",
            date(2016, 1, 1),
            date(2016, 1, 1),
            {
                "name": "CHRISTIE, PARKER & HALE, LLP",
                "address": ["PO BOX 29001", "GLENDALE, CA 91209"],
            },
        )
    ]
    assert await _one(
        admin_engine,
        "SELECT o.seq, o.or_name, o.exec_dt, e.name FROM assignors o"
        " JOIN assignments a ON a.id = o.assignment_id JOIN entities e ON e.id = o.entity_id"
        " WHERE a.rf_id = '037388-0092' ORDER BY o.seq",
    ) == [
        (1, "WEINSTEIN, DAMON", date(2006, 3, 30), "WEINSTEIN, DAMON"),
        (2, "SEGALL, TIMOTHY R.", date(2006, 3, 29), "SEGALL, TIMOTHY R."),
        (3, "LAIOSA, VINCENT E.", date(2006, 3, 29), "LAIOSA, VINCENT E."),
    ]
    assert await _one(
        admin_engine,
        "SELECT d.appno_doc_num, d.appno_date, d.pgpub_doc_num, d.pgpub_date, d.grant_doc_num,"
        " d.grant_date, d.title, d.raw_ids FROM document_ids d"
        " JOIN assignments a ON a.id = d.assignment_id WHERE a.rf_id = '037388-0092'",
    ) == [
        (
            "14678893",
            date(2015, 4, 3),
            "20150215460",
            date(2015, 7, 30),
            "9219817",
            date(2015, 12, 22),
            "Method and System for Managing Interactive Communications Campaigns",
            [
                ["US", "14678893", "X0", "20150403"],
                ["US", "20150215460", "A1", "20150730"],
                ["US", "9219817", "B2", "20151222"],
            ],
        )
    ]
    # A foreign assignee keeps its address; postcode stays text.
    assert await _one(
        admin_engine,
        "SELECT r.ee_name, r.ee_address_1, r.ee_city, r.ee_state, r.ee_postcode, r.ee_country"
        " FROM assignees r JOIN assignments a ON a.id = r.assignment_id"
        " WHERE a.rf_id = '037388-0106'",
    ) == [
        (
            "NATIONAL UNIVERSITY CORPORATION NAGOYA UNIVERSITY",
            "1, FURO-CHO, CHIKUSA-KU, AICHI",
            "NAGOYA-SHI",
            None,
            "4648601",
            "JAPAN",
        )
    ]
    # Design and reissue grants arrive as kind B1 (§3 quirk 8) and keep their prefixes.
    grants = await _one(
        admin_engine,
        "SELECT a.rf_id, d.grant_doc_num, d.grant_date FROM document_ids d"
        " JOIN assignments a ON a.id = d.assignment_id"
        " WHERE a.rf_id IN ('037388-0584', '037389-0970') ORDER BY a.rf_id",
    )
    assert grants == [
        ("037388-0584", "D701988", date(2014, 4, 1)),
        ("037389-0970", "RE40471", date(2008, 8, 26)),
    ]
    merger = await _one(
        admin_engine,
        "SELECT count(*), max(d.seq) FROM document_ids d JOIN assignments a"
        " ON a.id = d.assignment_id WHERE a.rf_id = '037392-0187'",
    )
    assert merger == [(36, 36)]
    umlauts = await _one(
        admin_engine,
        "SELECT count(*) FROM entities WHERE name IN ('JÜNEMANN, RALF', 'VENNSTRÖM, ANDERS')",
    )
    assert umlauts == [(2,)]


async def test_replay_changes_nothing(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    await _merge(sessions, sample)
    before = (await table_counts(admin_engine), await full_checksum(admin_engine))
    counts, _ = await _merge(sessions, sample)
    assert (counts.inserted, counts.updated, counts.unchanged) == (0, 0, 199)
    assert (await table_counts(admin_engine), await full_checksum(admin_engine)) == before


async def test_newer_correction_updates_and_replaces_children(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    await _merge(sessions, sample)
    original = _by_rf(sample, "037388-0092")
    corrected = dataclasses.replace(
        original,
        last_update_dt=date(2016, 2, 1),
        convey_text="CORRECTIVE ASSIGNMENT TO CORRECT THE ASSIGNOR NAME",
        assignors=original.assignors[:2],
    )
    counts, _ = await _merge(sessions, [corrected])
    assert (counts.inserted, counts.updated) == (0, 1)
    rows = await _one(
        admin_engine,
        "SELECT a.convey_text, a.last_update_dt, count(o.id) FROM assignments a"
        " JOIN assignors o ON o.assignment_id = a.id WHERE a.rf_id = '037388-0092'"
        " GROUP BY 1, 2",
    )
    assert rows == [("CORRECTIVE ASSIGNMENT TO CORRECT THE ASSIGNOR NAME", date(2016, 2, 1), 2)]
    assert (await table_counts(admin_engine))["document_ids"] == 578  # replaced, not doubled
    assert await _one(
        admin_engine, "SELECT instances FROM entities WHERE name = 'LAIOSA, VINCENT E.'"
    ) == [(0,)]  # its only reference was dropped by the correction
    assert await _instances_mismatch(admin_engine) == []
    # Replaying the older file afterwards must not undo the correction (newer wins).
    counts, _ = await _merge(sessions, [original])
    assert (counts.updated, counts.unchanged) == (0, 1)
    assert (
        await _one(admin_engine, "SELECT convey_text FROM assignments WHERE rf_id = '037388-0092'")
    )[0][0].startswith("CORRECTIVE")


async def test_purge_withdraws_the_record(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    await _merge(sessions, sample)
    purged = dataclasses.replace(
        _by_rf(sample, "037389-0228"), purge_indicator="Y", last_update_dt=date(2016, 3, 1)
    )
    counts, _ = await _merge(sessions, [purged])
    assert counts.updated == 1
    assert await _one(
        admin_engine,
        "SELECT status, purge_indicator FROM assignments WHERE rf_id = '037389-0228'",
    ) == [("void", "Y")]
    active = await _one(admin_engine, "SELECT count(*) FROM assignments WHERE status = 'active'")
    assert active == [(198,)]


async def test_same_date_different_content_takes_the_later_file(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    await _merge(sessions, sample)
    changed = dataclasses.replace(_by_rf(sample, "037388-0106"), page_count=6)
    assert content_hash(changed) != content_hash(_by_rf(sample, "037388-0106"))
    counts, _ = await _merge(sessions, [changed])
    assert counts.updated == 1
    assert await _one(
        admin_engine, "SELECT page_count FROM assignments WHERE rf_id = '037388-0106'"
    ) == [(6,)]


async def test_duplicate_rf_id_in_one_batch_keeps_the_newer(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    rec = sample[0]
    newer = dataclasses.replace(rec, last_update_dt=date(2016, 5, 1), page_count=9)
    counts, _ = await _merge(sessions, [newer, rec])
    assert counts.inserted == 1
    assert await _one(admin_engine, "SELECT page_count FROM assignments") == [(9,)]


async def test_a_record_the_database_rejects_is_isolated(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    victim = sample[50]
    no_numbers = dataclasses.replace(
        victim.properties[0], appno_doc_num=None, pgpub_doc_num=None, grant_doc_num=None
    )
    bad = dataclasses.replace(victim, properties=(no_numbers,))
    records = [*sample[:50], bad, *sample[51:]]
    counts, rejected = await _merge(sessions, records)
    assert counts.inserted == 198
    assert [(rf_id, "CheckViolation" in reason) for rf_id, reason in rejected] == [
        (victim.rf_id, True)
    ]
    assert await _one(
        admin_engine, "SELECT count(*) FROM assignments WHERE rf_id = :rf", rf=victim.rf_id
    ) == [(0,)]


async def test_new_records_written_by_copy_match_the_general_merge(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every rf_id is new, so the loader COPYs straight into the tables...
    await _merge(sessions, sample)
    direct = (await table_counts(admin_engine), await natural_checksum(admin_engine))
    await truncate_ingestion(admin_engine)

    # ...and the general INSERT … ON CONFLICT merge must leave the very same content.
    async def refuse(self: AssignmentLoader, batch: StagedBatch) -> bool:
        return False

    monkeypatch.setattr(AssignmentLoader, "_insert_new", refuse)
    counts, _ = await _merge(sessions, sample)
    assert (counts.inserted, counts.updated, counts.unchanged) == (199, 0, 0)
    assert (await table_counts(admin_engine), await natural_checksum(admin_engine)) == direct
    assert await _instances_mismatch(admin_engine) == []


async def test_a_row_stored_meanwhile_falls_back_to_the_general_merge(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await _merge(sessions, sample[:10])
    # As if another writer stored the first ten after this loader looked them up: the
    # COPY hits the unique rf_id, rolls back to its savepoint, and the general merge
    # decides (identical content, so they stay unchanged) while the rest is inserted.
    monkeypatch.setattr(
        loader_module, "_EXISTING", "SELECT NULL, NULL, NULL WHERE $1::text[] IS NULL"
    )
    counts, rejected = await _merge(sessions, sample)
    assert (counts.inserted, counts.updated, counts.unchanged, rejected) == (189, 0, 10, [])
    found = await table_counts(admin_engine)
    assert (found["assignments"], found["document_ids"]) == (199, 578)
    assert await _instances_mismatch(admin_engine) == []


async def test_a_mixed_batch_inserts_new_updates_newer_and_skips_the_rest(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    sample: list[AssignmentRecord],
) -> None:
    await _merge(sessions, sample[:100])
    newer = dataclasses.replace(sample[0], last_update_dt=date(2016, 2, 1), page_count=7)
    older = dataclasses.replace(sample[1], last_update_dt=date(2015, 1, 1), page_count=8)
    counts, _ = await _merge(sessions, [newer, older, *sample[2:]])
    assert (counts.inserted, counts.updated, counts.unchanged) == (99, 1, 99)
    pages = await _one(
        admin_engine,
        "SELECT rf_id, page_count FROM assignments WHERE rf_id IN (:a, :b) ORDER BY rf_id",
        a=sample[0].rf_id,
        b=sample[1].rf_id,
    )
    assert pages == [(sample[0].rf_id, 7), (sample[1].rf_id, sample[1].page_count)]
    assert await _instances_mismatch(admin_engine) == []


def test_replaces_follows_the_merge_rule(sample: list[AssignmentRecord]) -> None:
    (row,) = stage([dataclasses.replace(sample[0], last_update_dt=date(2016, 1, 1))]).assignments
    digest = row[-1]
    assert not replaces(row, date(2016, 1, 1), digest)  # identical replay
    assert replaces(row, date(2016, 1, 1), "other")  # same date, changed: later file wins
    assert replaces(row, date(2015, 12, 31), digest)  # newer
    assert replaces(row, None, digest)  # a stored NULL date is the oldest
    assert not replaces(row, date(2016, 1, 2), "other")  # stored is newer


def test_time_ordered_ids_are_uuid7_and_increase() -> None:
    ids = [uuid.UUID(i) for i in time_ordered_ids(1000)]
    assert len(set(ids)) == 1000 and ids == sorted(ids)
    assert {(i.version, i.variant) for i in ids} == {(7, uuid.RFC_4122)}
