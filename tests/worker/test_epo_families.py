"""EPO families through the fake OPS server into PostgreSQL as the worker role: family
members and priority claims, 404 cached, idempotent refresh, org fan-out, the Arq task."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date

import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from patentrack.settings import Settings
from tests.factories import create_asset, create_org
from tests.worker.fake_epo import KEY, SECRET, FakeEpo
from tests.worker.reference_fixtures import queue, rows, sessions
from worker import jobs
from worker.ingestion.epo_client import EpoConfig, EpoOpsClient
from worker.ingestion.families import load_families, organization_keys, us_grant_key
from worker.runtime import build_worker
from worker.task_names import INGEST_EPO_FAMILIES, pipeline_job_id

pytestmark = pytest.mark.usefixtures("clean_tables")
__all__ = ["queue", "sessions"]

_FAMILY_STATE = (
    "SELECT f.family_id, f.content_hash, m.id, m.country_code, m.doc_num, m.kind_code,"
    " c.id, c.doc_number FROM patent_families f JOIN patent_family_members m"
    " ON m.patent_family_id = f.id LEFT JOIN family_priority_claims c ON c.member_id = m.id"
    " ORDER BY 3, 7"
)


@pytest.fixture
def fake() -> Iterator[FakeEpo]:
    server = FakeEpo().start()
    yield server
    server.stop()


@pytest.fixture
async def client(fake: FakeEpo, redis: Redis) -> AsyncIterator[EpoOpsClient]:
    config = EpoConfig(base_url=fake.base_url, key=KEY, secret=SECRET, default_rpm=6000)
    epo = EpoOpsClient(config, redis)
    yield epo
    await epo.aclose()


async def test_families_load_with_members_priority_claims_and_cached_404(
    sessions: async_sessionmaker[AsyncSession],
    client: EpoOpsClient,
    admin_engine: AsyncEngine,
) -> None:
    keys = ["EP.1000000.A1", "US.10465445.B2", "US.1234567.B2"]
    outcome = await load_families(sessions, client, keys)
    assert (outcome.status, outcome.processed, outcome.inserted) == ("success", 3, 2)
    families = await rows(
        admin_engine,
        "SELECT family_id, total_result_count, (SELECT count(*) FROM patent_family_members m"
        " WHERE m.patent_family_id = f.id) FROM patent_families f ORDER BY 1",
    )
    # The US response is trimmed (1 of 15 members, quirk 18): kept, never asserted equal.
    assert families == [("19768124", 6, 6), ("51258319", 15, 1)]
    us = await rows(
        admin_engine,
        "SELECT country_code, doc_num, kind_code, publication_date, us_doc_num,"
        " us_appno_doc_num, app_doc_num FROM patent_family_members WHERE country_code = 'US'"
        " ORDER BY doc_num",
    )
    assert us == [
        ("US", "10465445", "B2", date(2019, 11, 5), "10465445", "15919370", "201815919370"),
        ("US", "6093011", "A", date(2000, 7, 25), "6093011", None, us[1][6]),
    ]
    claims = await rows(
        admin_engine,
        "SELECT c.country, c.doc_number, c.claim_date FROM family_priority_claims c"
        " JOIN patent_family_members m ON m.id = c.member_id WHERE m.doc_num = '10465445'"
        " ORDER BY c.claim_date DESC LIMIT 2",
    )
    assert claims[0] == ("US", "201815919370", date(2018, 3, 13))
    ep_claims = await rows(
        admin_engine,
        "SELECT DISTINCT c.country, c.doc_number, c.claim_date FROM family_priority_claims c"
        " JOIN patent_family_members m ON m.id = c.member_id"
        " JOIN patent_families f ON f.id = m.patent_family_id WHERE f.family_id = '19768124'",
    )
    assert ep_claims == [("NL", "1010536", date(1998, 11, 12))]
    lookups = await rows(
        admin_engine,
        "SELECT query_key, http_status, family_id, next_refresh_at - fetched_at"
        " FROM family_lookups ORDER BY 1",
    )
    assert [(k, s, f) for k, s, f, _ in lookups] == [
        ("EP.1000000.A1", 200, "19768124"),
        ("US.10465445.B2", 200, "51258319"),
        ("US.1234567.B2", 404, None),
    ]
    assert all(gap.days == 30 for *_, gap in lookups)  # type: ignore[attr-defined]

    before = await rows(admin_engine, _FAMILY_STATE)
    again = await load_families(sessions, client, keys)
    assert (again.inserted, again.failed) == (0, 0)
    assert await rows(admin_engine, _FAMILY_STATE) == before  # same ids: nothing rewritten


async def test_an_orgs_assets_are_looked_up_and_its_pipeline_queued(
    sessions: async_sessionmaker[AsyncSession],
    client: EpoOpsClient,
    admin_engine: AsyncEngine,
    queue: jobs.JobQueue,
) -> None:
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        await create_asset(conn, org, appno=None, grant="10465445")
    keys = await organization_keys(sessions, org)
    assert keys == ["US.10465445.B2"] == [us_grant_key("10465445", None)]
    assert await organization_keys(sessions, org, only_new=True) == keys  # never looked up
    outcome = await load_families(sessions, client, keys, queue=queue)
    assert outcome.organizations == [org]
    assert await queue.status(pipeline_job_id(org)) == "queued"
    # Once looked up, the batch after the next assignment load skips it (quota, §2.7).
    assert await organization_keys(sessions, org, only_new=True) == []
    assert await organization_keys(sessions, org) == keys


async def test_the_task_runs_through_a_real_worker(
    fake: FakeEpo,
    queue: jobs.JobQueue,
    settings: Settings,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PT_SRC_EPO_OPS_BASE_URL", fake.base_url)
    monkeypatch.setenv("EPO_OPS_KEY", KEY)
    monkeypatch.setenv("EPO_OPS_SECRET", SECRET)
    await queue.enqueue(INGEST_EPO_FAMILIES, job_id="epo-1", keys=["EP.1000000.A1"])
    worker = build_worker(settings, burst=True, handle_signals=False, max_burst_jobs=1)
    await worker.async_run()
    await worker.close()
    assert worker.jobs_complete == 1
    assert await rows(admin_engine, "SELECT family_id FROM patent_families") == [("19768124",)]
    assert await rows(admin_engine, "SELECT file_name, status FROM ingestion_jobs") == [
        ("on-demand", "success")
    ]


async def test_automatic_runs_are_a_no_op_without_credentials(
    queue: jobs.JobQueue,
    settings: Settings,
    admin_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Fan-out after every load queues a batch per org; without OPS credentials it must
    # neither call out nor write one error row per asset. An explicit request fails loudly.
    monkeypatch.delenv("EPO_OPS_KEY", raising=False)
    monkeypatch.delenv("EPO_OPS_SECRET", raising=False)
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        await create_asset(conn, org, appno=None, grant="10465445")
    await queue.enqueue(INGEST_EPO_FAMILIES, job_id="epo-auto", organization_id=str(org))
    await queue.enqueue(INGEST_EPO_FAMILIES, job_id="epo-explicit", keys=["EP.1000000.A1"])
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    assert (worker.jobs_complete, worker.jobs_failed) == (1, 1)
    assert await rows(admin_engine, "SELECT count(*) FROM ingestion_jobs") == [(0,)]
