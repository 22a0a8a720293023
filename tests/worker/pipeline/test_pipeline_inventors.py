"""Inferred inventors (D19) become bibliographic ones when grants load (issue 5, BR-021..023).

End to end through a real Arq worker: the sample org (real conveyances of ad20160101.xml)
is computed on inferred inventors; the weekly grants job then loads a file with inventors
for two of its assets; the job's fan-out queues the org's pipeline, which re-runs on the
real inventors and says so (`inventor_source`, `inventorSource`).

SYNTHETIC DATA (first document of the loaded file): no grant of the sample org's assets
is available offline. It is the real v4.5 sample US08926509_v45.xml with only its
numbers, title, applicants/inventors and assignee rewritten for application 14729229
(published as US 2015/0266907, filed 2015-06-03); the grant number 9999991 and the
inventor list (the five persons who signed the file's two assignments of 14729229) are
made up. The second document is the real US08926509 sample, unchanged.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import worker.tasks  # noqa: F401  (registers the ingestion and pipeline tasks)
from db.engine import make_engine, make_sessionmaker
from db.repos.pipeline_inventors import load_bibliographic_inventors
from db.session import tenant_session
from db.tenant import TenantContext
from domain.titles.types import Inventor
from patentrack.settings import Settings
from tests.factories import create_asset, create_org
from tests.worker.pipeline.sample_org import create_sample_org, load_sample
from worker import jobs
from worker.pipeline.triggers import request_pipeline
from worker.runtime import build_worker
from worker.task_names import INGEST_GRANTS, PIPELINE_RUN

pytestmark = pytest.mark.usefixtures("clean_tables")

GRANT_SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "grants" / "US08926509_v45.xml"
# (last-name, first-name) as a v4.5 grant lists them (synthetic, see the module docstring).
INVENTORS = [
    ("Lu", "Zhixiang"),
    ("Lu", "Zheng"),
    ("Li", "Zhiming"),
    ("Zhang", "Yong"),
    ("Li", "Jinyou"),
]


def _addressbook(tag: str, seq: int, last: str, first: str, extra: str = "") -> str:
    return (
        f'<{tag} sequence="{seq:03d}"{extra} designation="us-only">\n<addressbook>\n'
        f"<last-name>{last}</last-name>\n<first-name>{first}</first-name>\n"
        "<address>\n<city>Shanghai</city>\n<country>CN</country>\n</address>\n"
        f"</addressbook>\n<residence>\n<country>CN</country>\n</residence>\n</{tag}>\n"
    )


def synthetic_grant() -> bytes:
    """The v4.5 sample rewritten for application 14729229 (see the module docstring)."""
    doc = GRANT_SAMPLE.read_text(encoding="utf-8")
    applicants = "".join(
        _addressbook("us-applicant", n, last, first, ' app-type="applicant"')
        for n, (last, first) in enumerate(INVENTORS, 1)
    )
    inventors = "".join(
        _addressbook("inventor", n, last, first) for n, (last, first) in enumerate(INVENTORS, 1)
    )
    edits = [
        (r"US08926509-20150106", "US09999991-20170704"),
        (r"<doc-number>08926509</doc-number>\n<kind>B2</kind>\n<date>20150106</date>",
         "<doc-number>09999991</doc-number>\n<kind>B2</kind>\n<date>20170704</date>"),
        (r"<doc-number>12134151</doc-number>\n<date>20080605</date>",
         "<doc-number>14729229</doc-number>\n<date>20150603</date>"),
        (r"(<invention-title[^>]*>)[^<]*(</invention-title>)",
         r"\1Silicone-compatible photoinitiators\2"),
        (r"<us-applicants>.*?</us-applicants>", f"<us-applicants>\n{applicants}</us-applicants>"),
        (r"<inventors>.*?</inventors>", f"<inventors>\n{inventors}</inventors>"),
        (r"<orgname>Hmicro, Inc.</orgname>", "<orgname>Henkel IP &#x26; Holding GmbH</orgname>"),
    ]  # fmt: skip
    for pattern, replacement in edits:
        doc, n = re.subn(pattern, replacement, doc, count=1, flags=re.S)
        assert n == 1, pattern  # the sample still has the v4.5 shape we rewrite
    return doc.encode("utf-8")


def weekly_file(target: Path) -> Path:
    """A weekly grant file: concatenated documents (ingestion.md §2.2)."""
    target.write_bytes(synthetic_grant() + GRANT_SAMPLE.read_bytes())
    return target


async def _drain(settings: Settings) -> Worker:
    """Run a real Arq worker until the queue is empty (jobs queued by jobs included)."""
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    return worker


@pytest.fixture(autouse=True)
def no_slow_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected pipeline failure fails the test now, not after minutes of retries."""
    task = jobs.TASKS[PIPELINE_RUN]
    monkeypatch.setitem(
        jobs.TASKS,
        PIPELINE_RUN,
        jobs.TaskDef(PIPELINE_RUN, task.fn, 0, task.timeout_s, 0.01, task.keep_result_s),
    )


@pytest.fixture
async def queue(redis: Redis, settings: Settings) -> AsyncIterator[jobs.JobQueue]:
    assert settings.redis_url
    arq_redis = await jobs.connect_redis(settings.redis_url)
    yield jobs.JobQueue(arq_redis)
    await arq_redis.aclose()


@pytest.fixture
async def app_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.app_db_url(), pool_size=2)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def _rows(engine: AsyncEngine, sql: str, **params: object) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        return [tuple(r) for r in (await conn.execute(text(sql), params)).all()]


async def _verdict(engine: AsyncEngine, asset: uuid.UUID) -> tuple[object, ...]:
    [row] = await _rows(
        engine,
        "SELECT status, reasons, employee_links, break_point_rf_id, inventor_source"
        " FROM broken_title_chains WHERE asset_id = :a",
        a=asset,
    )
    return row


async def _flags(engine: AsyncEngine, org: uuid.UUID) -> dict[str, tuple[object, ...]]:
    rows = await _rows(
        engine,
        "SELECT rf_id, effective_type, employer_assign, source, evidence->>'assignor',"
        " evidence->'inventor'->>'family', inventor_source FROM org_assignments"
        " WHERE organization_id = :o",
        o=org,
    )
    return {str(r[0]): r[1:] for r in rows}


async def _diagram_meta(engine: AsyncEngine, asset: uuid.UUID) -> tuple[object, ...]:
    [(payload,)] = await _rows(
        engine, "SELECT diagram_json FROM asset_diagrams WHERE asset_id = :a", a=asset
    )
    assert isinstance(payload, dict)
    inventor_boxes = sorted(b["name"] for b in payload["boxes"] if b["boxType"] == "inventor")
    return payload["meta"]["inventorSource"], payload["meta"]["chainStatus"], inventor_boxes


async def _successful_runs(engine: AsyncEngine, org: uuid.UUID) -> list[tuple[object, ...]]:
    return await _rows(
        engine,
        "SELECT reason FROM processing_jobs WHERE organization_id = :o AND status = 'success'"
        " ORDER BY created_at",
        o=org,
    )


async def test_grants_loaded_for_an_orgs_assets_turn_inferred_verdicts_into_real_ones(
    admin_engine: AsyncEngine,
    settings: Settings,
    queue: jobs.JobQueue,
    app_sessions: async_sessionmaker[AsyncSession],
    tmp_path: Path,
) -> None:
    assert await load_sample(admin_engine) == 199
    org, assets = await create_sample_org(admin_engine)
    henkel = assets["14729229"]
    async with admin_engine.begin() as conn:
        # Known by its grant number only: exercises the grant_doc_num join.
        by_grant = await create_asset(conn, org, appno=None, grant="8926509")

    # 1. The org's first run, before any grant is loaded (an admin's rebuild request).
    async with tenant_session(app_sessions, TenantContext.for_org(org, role="org_admin")) as s:
        await request_pipeline(queue, s, org, "first run")
    first = await _drain(settings)
    assert (first.jobs_complete, first.jobs_failed) == (1, 0)
    # D19: 0838 Lu Zhixiang, Lu Zheng -> Henkel IP is the earliest assignment, so its two
    # signers are the inferred inventors and it is an employee link; 0916 Li Zhiming
    # Pasing, Zhang Yong, Li Jinyou -> Henkel AG matches none of them: a plain assignment
    # from strangers, so the chain breaks at 0916 (BR-033).
    assert await _verdict(admin_engine, henkel) == (
        "broken",
        ["chain_break"],
        1,
        "037390-0916",
        "inferred",
    )
    before = await _flags(admin_engine, org)
    assert before["037390-0838"] == ("employee", True, "inventor_match", "LU, ZHIXIANG", "LU",
                                     "inferred")  # fmt: skip
    assert before["037390-0916"] == ("assignment", False, "rule", None, None, "inferred")
    assert await _diagram_meta(admin_engine, henkel) == (
        "inferred",
        "broken",
        ["Lu, Zheng", "Lu, Zhixiang"],
    )
    assert await _rows(
        admin_engine, "SELECT inventor_source FROM asset_ownership WHERE asset_id = :a", a=by_grant
    ) == [("none",)]

    # 2. The weekly grants job (real task, real worker) loads inventors for both assets;
    # its fan-out queues this org's pipeline, which the same worker then runs.
    path = weekly_file(tmp_path / "ipg170704.xml")
    assert await queue.enqueue(INGEST_GRANTS, file=str(path)) is not None
    second = await _drain(settings)
    assert (second.jobs_complete, second.jobs_failed) == (2, 0)
    assert [r[0] for r in await _successful_runs(admin_engine, org)] == ["first run", "ingestion"]
    assert await _rows(
        admin_engine,
        "SELECT p.appno_doc_num, count(*) FROM inventors i JOIN patents p ON p.id = i.patent_id"
        " WHERE i.source = 'grant_xml' GROUP BY 1 ORDER BY 1",
    ) == [("12134151", 5), ("14729229", 5)]

    # 3. Matching now runs against the real inventors (BR-021/022): 0916's "ZHANG, YONG"
    # is inventor Zhang Yong (variation 1, exact), so 0916 is inventor-originated too
    # (BR-023) and restarts title (BR-034): the chain is complete with two employee links.
    # "LI, ZHIMING PASING" is not inventor Li Zhiming (distance 7, not < 5).
    after = await _flags(admin_engine, org)
    assert after["037390-0916"] == ("employee", True, "inventor_match", "ZHANG, YONG", "Zhang",
                                    "bibliographic")  # fmt: skip
    assert after["037390-0838"] == ("employee", True, "inventor_match", "LU, ZHIXIANG", "Lu",
                                    "bibliographic")  # fmt: skip
    assert await _verdict(admin_engine, henkel) == ("complete", [], 2, None, "bibliographic")
    # The inventor lane now shows the unmatched real inventor as well (§10 step 8.3).
    source, status, boxes = await _diagram_meta(admin_engine, henkel)
    assert (source, status) == ("bibliographic", "complete")
    assert "Li, Zhiming" in boxes and len(boxes) == 6  # 5 assignors of employee links + 1
    assert await _rows(
        admin_engine, "SELECT inventor_source FROM asset_ownership WHERE asset_id = :a", a=by_grant
    ) == [("bibliographic",)]
    # Assets without a loaded grant keep their inferred inventors (D19), per asset.
    assert after["037389-0892"][-1] == "inferred"
    assert (await _verdict(admin_engine, assets["10760040"]))[-1] == "inferred"


async def test_bibliographic_inventors_prefer_the_application_record(
    admin_engine: AsyncEngine, settings: Settings
) -> None:
    """BR-021: application record, else grant record; search API names count (D20)."""
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        other = await create_org(conn)
        both = await create_asset(conn, org, appno="14000001", grant="9000001")
        api_only = await create_asset(conn, org, appno="14000002")
        await create_asset(conn, other, appno="14000003")
        ids = {}
        for appno, grant in (("14000001", "9000001"), ("14000002", None), ("14000003", None)):
            ids[appno] = (
                await conn.execute(
                    text(
                        "INSERT INTO patents (appno_doc_num, grant_doc_num) VALUES (:a, :g)"
                        " RETURNING id"
                    ),
                    {"a": appno, "g": grant},
                )
            ).scalar_one()
        rows = [
            ("14000001", "grant", "grant_xml", 1, "Roe, Richard", "Richard", None, "Roe"),
            ("14000001", "application", "application_xml", 2, "Doe, Jane Q", "Jane", "Q", "Doe"),
            ("14000001", "application", "application_xml", 1, "Poe, Edgar", "Edgar", None, "Poe"),
            ("14000002", "application", "search_api", 1, "SMITH, JOHN A", "JOHN A", None, "SMITH"),
            ("14000003", "application", "grant_xml", 1, "Other, Org", "Org", None, "Other"),
        ]
        for appno, ptype, source, seq, name, first, middle, last in rows:
            await conn.execute(
                text(
                    "INSERT INTO inventors (patent_id, patent_doc_num, patent_type, source,"
                    " sequence, name, first_name, middle_name, last_name)"
                    " VALUES (:p, :d, :t, :s, :q, :n, :f, :m, :l)"
                ),
                {"p": ids[appno], "d": appno, "t": ptype, "s": source, "q": seq, "n": name,
                 "f": first, "m": middle, "l": last},
            )  # fmt: skip
    # As the pipeline reads it: the worker role in the org's tenant transaction (RLS).
    engine = make_engine(settings.worker_db_url(), pool_size=1)
    try:
        async with tenant_session(make_sessionmaker(engine), TenantContext.for_org(org)) as s:
            found = await load_bibliographic_inventors(s, org)
    finally:
        await engine.dispose()
    assert found == {
        both: (Inventor("Poe", "Edgar"), Inventor("Doe", "Jane", "Q")),
        api_only: (Inventor("SMITH", "JOHN", "A"),),
    }
