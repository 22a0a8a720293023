"""Reference-data jobs end to end as the worker role: job rows, error isolation, replays,
derived fee statuses, and the affected organizations' pipelines being queued."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tests.db.reference_helpers import checksums
from tests.factories import create_asset, create_org
from tests.worker.reference_fixtures import (
    CURRENT_LINES,
    FIXTURES,
    OLDER_LINES,
    fee_zip,
    queue,
    rows,
    sessions,
    weekly_file_with_one_bad_document,
)
from worker import jobs
from worker.ingestion.biblio import APPLICATIONS, GRANTS, load_biblio_file
from worker.ingestion.snapshots import load_cpc_master_file, load_maintenance_file
from worker.task_names import pipeline_job_id

pytestmark = pytest.mark.usefixtures("clean_tables")
__all__ = ["queue", "sessions"]  # fixtures

_JOBS = (
    "SELECT s.name, j.status, j.records_processed, j.records_inserted, j.records_updated,"
    " j.records_failed, j.file_name FROM ingestion_jobs j JOIN data_sources s"
    " ON s.id = j.data_source_id ORDER BY j.created_at"
)


async def test_weekly_grants_zip_loads_and_records_the_job(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine
) -> None:
    path = FIXTURES / "grants/ipgb20221025_wk43.zip"
    outcome = await load_biblio_file(sessions, GRANTS, path, business_date=date(2022, 10, 25))
    assert (outcome.status, outcome.processed, outcome.inserted, outcome.failed) == (
        "success", 11, 10, 0,
    )  # fmt: skip
    assert await rows(admin_engine, _JOBS) == [
        ("USPTO_GRANTS_BIBLIO", "success", 11, 10, 0, 0, "ipgb20221025_wk43.zip")
    ]
    source = await rows(
        admin_engine,
        "SELECT last_status, last_record_count, last_business_date::text FROM data_sources",
    )
    assert source == [("success", 11, "2022-10-25")]
    plant = await rows(
        admin_engine,
        "SELECT grant_kind, appl_type, dtd_version FROM patents WHERE grant_doc_num = 'PP34694'",
    )
    assert plant == [("P2", "plant", "v4.7")]
    # The same file again is skipped (§1.1 step 3); forced, it changes nothing (BR-059).
    assert (await load_biblio_file(sessions, GRANTS, path)).status == "skipped"
    async with admin_engine.connect() as conn:
        before = await checksums(conn)
    forced = await load_biblio_file(sessions, GRANTS, path, force=True)
    assert (forced.status, forced.inserted, forced.updated, forced.unchanged) == (
        "success", 0, 0, 11,
    )  # fmt: skip
    async with admin_engine.connect() as conn:
        assert await checksums(conn) == before


async def test_one_malformed_document_is_one_error_row_and_the_rest_loads(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine, tmp_path: Path
) -> None:
    path = weekly_file_with_one_bad_document(tmp_path / "ipg211019.xml")
    outcome = await load_biblio_file(sessions, GRANTS, path)
    assert (outcome.status, outcome.processed, outcome.inserted, outcome.failed) == (
        "partial", 3, 2, 1,
    )  # fmt: skip
    errors = await rows(
        admin_engine,
        "SELECT file_name, record_position, record_identifier, error_type,"
        " raw_data->>'member' IS NOT NULL FROM ingestion_errors",
    )
    assert errors == [("ipg211019.xml", 1, "US11147202-20211019.XML", "parse", True)]
    loaded = await rows(admin_engine, "SELECT grant_doc_num FROM patents ORDER BY 1")
    assert loaded == [("11147202",), ("11147203",)]


async def test_grants_for_an_orgs_assets_queue_that_orgs_pipeline(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    queue: jobs.JobQueue,
) -> None:
    async with admin_engine.begin() as conn:
        tracking = await create_org(conn)
        other = await create_org(conn)
        # US08926509: the asset is known by its application number only (D19 input).
        await create_asset(conn, tracking, appno="12134151", grant=None)
        await create_asset(conn, other, appno="99999999")
    path = FIXTURES / "grants/US08926509_v45.xml"
    outcome = await load_biblio_file(sessions, GRANTS, path, queue=queue)
    assert outcome.organizations == [tracking]
    assert await queue.status(pipeline_job_id(tracking)) == "queued"
    assert await queue.status(pipeline_job_id(other)) == "not_found"
    inventors = await rows(
        admin_engine,
        "SELECT count(*) FROM inventors i JOIN patents p ON p.id = i.patent_id"
        " WHERE p.appno_doc_num = '12134151' AND i.source = 'grant_xml'",
    )
    assert inventors == [(5,)]
    # A replay accepts nothing, so it does not queue the org again.
    await queue.redis.delete(f"arq:job:{pipeline_job_id(tracking)}")
    replay = await load_biblio_file(sessions, GRANTS, path, queue=queue, force=True)
    assert replay.organizations == []


async def test_every_application_sample_loads_through_the_job(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine
) -> None:
    outcome = await load_biblio_file(sessions, APPLICATIONS, FIXTURES / "applications")
    assert (outcome.status, outcome.failed) == ("success", 0)
    assert outcome.processed == 6
    layouts = await rows(admin_engine, "SELECT DISTINCT layout_id FROM patents")
    assert layouts == [(14,)]
    async with admin_engine.connect() as conn:
        before = await checksums(conn)
    again = await load_biblio_file(sessions, APPLICATIONS, FIXTURES / "applications", force=True)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 6)
    async with admin_engine.connect() as conn:
        assert await checksums(conn) == before


async def test_maintenance_current_layout_statuses_idempotency_and_corrections(
    sessions: async_sessionmaker[AsyncSession],
    admin_engine: AsyncEngine,
    queue: jobs.JobQueue,
    tmp_path: Path,
) -> None:
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        await create_asset(conn, org, appno=None, grant="7640004")
    path = fee_zip(tmp_path / "MaintFeeEvents_20200106.zip", CURRENT_LINES, extra="garbage\r\n")
    outcome = await load_maintenance_file(sessions, path, queue=queue, as_of=date(2020, 1, 1))
    assert (outcome.status, outcome.processed, outcome.inserted, outcome.failed) == (
        "partial", 7, 6, 1,
    )  # fmt: skip
    assert outcome.organizations == [org]
    assert await queue.status(pipeline_job_id(org)) == "queued"
    statuses = await rows(
        admin_engine,
        "SELECT grant_doc_num, status, paid_through, due_date::text, grace_end::text,"
        " expired_on::text FROM maintenance_fee_statuses ORDER BY 1",
    )
    assert statuses == [
        ("7640004", "expired", "3.5_year", "2017-07-05", "2018-01-05", "2018-01-05"),
        ("9230001", "paid", "3.5_year", "2023-07-05", "2024-01-05", None),
        ("9270003", "surcharge", None, "2019-09-01", "2020-03-01", None),
        ("9430002", "due", None, "2020-03-01", "2020-09-01", None),
        ("D600005", "not_required", None, None, None, None),
    ]
    described = await rows(
        admin_engine,
        "SELECT event_code, event_description FROM maintenance_fee_events"
        " WHERE grant_doc_num = '7640004' ORDER BY event_date",
    )
    assert described == [
        ("M1551", "Payment of Maintenance Fee, 4th Year, Large Entity."),
        ("EXP.", "Patent Expired for Failure to Pay Maintenance Fees."),
    ]
    error = await rows(admin_engine, "SELECT record_position, error_type FROM ingestion_errors")
    assert error == [(7, "parse")]

    async with admin_engine.connect() as conn:
        before = await checksums(conn)
    again = await load_maintenance_file(sessions, path, force=True, as_of=date(2020, 1, 1))
    assert (again.inserted, again.grants) == (0, set())
    async with admin_engine.connect() as conn:
        assert await checksums(conn) == before

    # Next week's snapshot no longer lists the EXP. event (a correction): it is deleted
    # and the grant's status recomputed (7.5-year fee unpaid, past its grace: expired).
    corrected = fee_zip(tmp_path / "MaintFeeEvents_20200113.zip", CURRENT_LINES[:4], day="20200113")
    outcome = await load_maintenance_file(sessions, corrected, as_of=date(2020, 1, 1))
    assert outcome.grants == {"7640004", "D600005"}
    left = await rows(
        admin_engine,
        "SELECT count(*) FROM maintenance_fee_events WHERE grant_doc_num IN ('7640004','D600005')",
    )
    assert left == [(1,)]
    assert (
        await rows(
            admin_engine,
            "SELECT status FROM maintenance_fee_statuses WHERE grant_doc_num = 'D600005'",
        )
        == []
    )


async def test_maintenance_older_layout_and_status_mirrored_on_patents(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine, tmp_path: Path
) -> None:
    async with admin_engine.begin() as conn:
        await conn.exec_driver_sql(
            "INSERT INTO patents (appno_doc_num, grant_doc_num, grant_date)"
            " VALUES ('06300001', '4400001', '1983-08-23')"
        )
    path = tmp_path / "MaintFeeEvents_19960101.txt"
    path.write_bytes("".join(OLDER_LINES).encode("ascii"))
    outcome = await load_maintenance_file(sessions, path, as_of=date(2000, 1, 1))
    assert (outcome.status, outcome.inserted) == ("success", 5)
    statuses = await rows(
        admin_engine,
        "SELECT grant_doc_num, status, paid_through, expired_on::text"
        " FROM maintenance_fee_statuses ORDER BY 1",
    )
    assert statuses == [
        ("4400001", "paid", "11.5_year", None),
        ("4400002", "expired", "3.5_year", "1991-08-23"),
    ]
    mirrored = await rows(
        admin_engine, "SELECT maintenance_fee_status FROM patents WHERE grant_doc_num = '4400001'"
    )
    assert mirrored == [("paid",)]
    linked = await rows(
        admin_engine,
        "SELECT count(*) FROM maintenance_fee_events e JOIN patents p ON p.id = e.patent_id",
    )
    assert linked == [(3,)]


async def test_cpc_master_job_records_one_snapshot(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine
) -> None:
    outcome = await load_cpc_master_file(sessions, FIXTURES / "cpc/cpcMaster.xml")
    assert (outcome.status, outcome.processed, outcome.inserted) == ("success", 1, 9)
    assert await rows(admin_engine, "SELECT count(*), min(source) FROM patent_cpc_codes") == [
        (9, "mcf")
    ]


def _mcf_zip(path: Path, members: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


async def test_cpc_master_bad_record_is_isolated_and_a_truncated_member_changes_nothing(
    sessions: async_sessionmaker[AsyncSession], admin_engine: AsyncEngine, tmp_path: Path
) -> None:
    from worker.ingestion.snapshots import SnapshotIncomplete

    data = (FIXTURES / "cpc/cpcMaster.xml").read_bytes()
    no_number = data.replace(b"<pat:PatentNumber>9400000</pat:PatentNumber>", b"")
    good = _mcf_zip(
        tmp_path / "US_Grant_CPC_MCF_XML_2023-05-01.zip",
        {"part1.xml": data, "part2.xml": no_number},
    )
    outcome = await load_cpc_master_file(sessions, good)
    assert (outcome.status, outcome.processed, outcome.inserted, outcome.failed) == (
        "partial", 2, 9, 1,
    )  # fmt: skip
    assert await rows(
        admin_engine, "SELECT error_type, record_identifier FROM ingestion_errors"
    ) == [("validation", "13897484")]
    before = await rows(admin_engine, "SELECT id FROM patent_cpc_codes ORDER BY id")
    truncated = _mcf_zip(
        tmp_path / "US_Grant_CPC_MCF_XML_2023-06-01.zip",
        {"part1.xml": data[: data.index(b"</pat:FurtherCPC>")]},
    )
    with pytest.raises(SnapshotIncomplete):
        await load_cpc_master_file(sessions, truncated)
    assert await rows(admin_engine, "SELECT id FROM patent_cpc_codes ORDER BY id") == before
    assert await rows(admin_engine, "SELECT status FROM ingestion_jobs ORDER BY created_at") == [
        ("partial",),
        ("failed",),
    ]
