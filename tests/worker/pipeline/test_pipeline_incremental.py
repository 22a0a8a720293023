"""Issue 6: incremental runs give exactly the rows of a full run (row checksums of every
derived table), and fall back to a full run when they cannot.

The org is the real-data sample (ad20160101.xml); new conveyances are inserted into the
shared tables as a daily file would, and the trigger records their rf_ids as the
ingestion fan-out does (`request_pipeline(..., rf_ids=...)` -> `mark_dirty`).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from db.repos import pipeline_runs as runs
from db.session import tenant_session
from db.tenant import TenantContext
from patentrack.settings import Settings
from tests.worker.pipeline.sample_org import (
    add_asset,
    create_sample_org,
    derived_digest,
    load_sample,
)
from worker.pipeline import dag, incremental
from worker.pipeline.env import RunEnv, StepResult
from worker.pipeline.runner import PipelineRunner

pytestmark = pytest.mark.usefixtures("clean_tables")


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=4)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def org(
    admin_engine: AsyncEngine, worker_sessions: async_sessionmaker[AsyncSession], redis: Redis
) -> uuid.UUID:
    assert await load_sample(admin_engine) == 199
    org_id, _ = await create_sample_org(admin_engine)
    await PipelineRunner(worker_sessions, redis).run(org_id, reason="first run")
    return org_id


async def add_conveyance(
    engine: AsyncEngine,
    appnos: list[str],
    assignors: list[str],
    assignees: list[str],
    *,
    text_: str = "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).",
    executed: date = date(2016, 1, 15),
) -> str:
    """One recorded conveyance in the shared tables (what the assignment loader writes)."""
    aid = uuid.uuid4()
    reel = 90000 + int(aid.hex[:4], 16) % 9999
    rf = f"{reel:06d}-{int(aid.hex[4:8], 16) % 9999:04d}"
    async with engine.begin() as conn:

        async def entity(name: str) -> uuid.UUID:
            found = (
                await conn.execute(
                    text("SELECT id FROM entities WHERE lower(name) = lower(:n)"), {"n": name}
                )
            ).scalar()
            if found is not None:
                return uuid.UUID(str(found))
            new = uuid.uuid4()
            await conn.execute(
                text("INSERT INTO entities (id, name) VALUES (:id, :n)"), {"id": new, "n": name}
            )
            return new

        await conn.execute(
            text(
                "INSERT INTO assignments (id, rf_id, reel_no, frame_no, convey_text, record_dt,"
                " exec_dt, content_hash) VALUES (:id, :rf, :reel, :frame, :t, :rec, :ex, :h)"
            ),
            {
                "id": aid,
                "rf": rf,
                "reel": rf[:6],
                "frame": rf[7:],
                "t": text_,
                "rec": date(2016, 2, 1),
                "ex": executed,
                "h": hashlib.sha256(rf.encode()).hexdigest(),
            },
        )
        for seq, appno in enumerate(appnos, start=1):
            await conn.execute(
                text(
                    "INSERT INTO document_ids (id, assignment_id, seq, appno_doc_num)"
                    " VALUES (:id, :a, :s, :n)"
                ),
                {"id": uuid.uuid4(), "a": aid, "s": seq, "n": appno},
            )
        for seq, name in enumerate(assignors, start=1):
            await conn.execute(
                text(
                    "INSERT INTO assignors (id, assignment_id, entity_id, seq, or_name, exec_dt)"
                    " VALUES (:id, :a, :e, :s, :n, :d)"
                ),
                {"id": uuid.uuid4(), "a": aid, "e": await entity(name), "s": seq, "n": name,
                 "d": executed},
            )  # fmt: skip
        for seq, name in enumerate(assignees, start=1):
            await conn.execute(
                text(
                    "INSERT INTO assignees (id, assignment_id, entity_id, seq, ee_name)"
                    " VALUES (:id, :a, :e, :s, :n)"
                ),
                {"id": uuid.uuid4(), "a": aid, "e": await entity(name), "s": seq, "n": name},
            )
    return rf


async def trigger(
    sessions: async_sessionmaker[AsyncSession], org: uuid.UUID, rf_ids: list[str] | None
) -> None:
    async with tenant_session(sessions, TenantContext.for_org(org)) as s:
        await runs.mark_dirty(s, org, "test", rf_ids=rf_ids)


async def last_job(engine: AsyncEngine, org: uuid.UUID) -> dict[str, Any]:
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "SELECT job_type, status, summary FROM processing_jobs"
                    " WHERE organization_id = :o ORDER BY created_at DESC, id DESC LIMIT 1"
                ),
                {"o": org},
            )
        ).one()
    return {"type": row[0], "status": row[1], "summary": row[2] or {}}


async def incremental_equals_full(
    engine: AsyncEngine,
    sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
    org: uuid.UUID,
    rf_ids: list[str],
) -> dict[str, Any]:
    """Scoped run for `rf_ids`, then a forced full run: every derived table identical."""
    before = await derived_digest(engine, org)
    runner = PipelineRunner(sessions, redis)
    await trigger(sessions, org, rf_ids)
    await runner.run(org, only_if_dirty=True)
    job = await last_job(engine, org)
    incremental = await derived_digest(engine, org)
    await trigger(sessions, org, None)  # no scope: full
    await runner.run(org, only_if_dirty=True)
    assert (await last_job(engine, org))["type"] == "full_rebuild"
    full = await derived_digest(engine, org)
    assert incremental == full
    assert incremental != before  # the new conveyance did change derived rows
    return job


async def test_new_conveyance_to_a_new_owner_is_incremental_and_exact(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    # 10760040 (Survivalink): the company sells it to a name the org has never seen.
    rf = await add_conveyance(
        admin_engine, ["10760040"], ["SURVIVALINK CORPORATION"], ["NEWCO MEDICAL HOLDINGS LLC"]
    )
    job = await incremental_equals_full(admin_engine, worker_sessions, redis, org, [rf])
    assert job["type"] == "incremental" and job["status"] == "success"
    scope = job["summary"]["scope"]
    assert scope["rfIds"] == [rf]
    assert len(scope["assets"]) == 1  # only 10760040 is recomputed
    assert len(scope["companies"]) == 1  # Survivalink is a party


async def test_early_misspelt_conveyance_regroups_and_renumbers_exactly(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    # A misspelling of the lender of 037391-0918 (BR-018 joins it to that group; with
    # equal counts the new key sorts first, so it becomes seed and canonical and the
    # existing key's group changes), executed in 1995: P5-first among the org's
    # conveyances, so every timeline seq after it moves.
    rf = await add_conveyance(
        admin_engine,
        ["13890380", "14029180"],
        ["PACIFIC WESTERN BANK (AS SUCCESSOR IN INTEREST BY MERGER TO SQUARE 1 BNK)"],
        ["LOGICNOW LIMITED"],
        text_="RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS).",
        executed=date(1995, 3, 1),
    )
    job = await incremental_equals_full(admin_engine, worker_sessions, redis, org, [rf])
    assert job["type"] == "incremental", job["summary"]
    async with admin_engine.connect() as conn:
        groups = dict(
            (
                await conn.execute(
                    text(
                        "SELECT name_key, group_key FROM org_entity_groups"
                        " WHERE organization_id = :o AND name_key LIKE 'pacific western%'"
                    ),
                    {"o": org},
                )
            ).all()
        )
    assert len(groups) == 2 and len(set(groups.values())) == 1, groups


async def test_conveyance_joining_existing_tree_nodes_rebuilds_them_from_all_contributors(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    # A second recording of a conveyance that already feeds a tree node with other
    # conveyances: the scoped run must rebuild that node from its stored contributors
    # (not only from the new conveyance), and its asset count and rf list must match.
    async with admin_engine.connect() as conn:
        rf_old = (
            await conn.execute(
                text(
                    "SELECT rf_ids[1] FROM ownership_tree_nodes WHERE organization_id = :o"
                    " AND cardinality(rf_ids) >= 2 ORDER BY display_name, tree_type LIMIT 1"
                ),
                {"o": org},
            )
        ).scalar_one()
        conv = (
            await conn.execute(
                text("SELECT id, convey_text, exec_dt FROM assignments WHERE rf_id = :rf"),
                {"rf": rf_old},
            )
        ).one()
        ors = (
            await conn.execute(
                text("SELECT or_name FROM assignors WHERE assignment_id = :a ORDER BY seq"),
                {"a": conv[0]},
            )
        ).scalars()
        assignors = list(ors)
        assignees = list(
            (
                await conn.execute(
                    text("SELECT ee_name FROM assignees WHERE assignment_id = :a ORDER BY seq"),
                    {"a": conv[0]},
                )
            ).scalars()
        )
        appnos = [
            str(x)
            for x in (
                await conn.execute(
                    text(
                        "SELECT appno_doc_num FROM document_ids WHERE assignment_id = :a"
                        " AND appno_doc_num IS NOT NULL ORDER BY seq"
                    ),
                    {"a": conv[0]},
                )
            ).scalars()
        ]
    rf = await add_conveyance(
        admin_engine, appnos, assignors, assignees, text_=conv[1], executed=conv[2]
    )
    job = await incremental_equals_full(admin_engine, worker_sessions, redis, org, [rf])
    assert job["type"] == "incremental", job["summary"]
    async with admin_engine.connect() as conn:
        grown = (
            await conn.execute(
                text(
                    "SELECT count(*) FROM ownership_tree_nodes WHERE organization_id = :o"
                    " AND :new = ANY(rf_ids) AND :old = ANY(rf_ids) AND cardinality(rf_ids) >= 3"
                ),
                {"o": org, "new": rf, "old": rf_old},
            )
        ).scalar_one()
    assert grown >= 1


async def test_two_coalesced_triggers_merge_their_scopes(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    rf1 = await add_conveyance(admin_engine, ["13890380"], ["LOGICNOW LIMITED"], ["ABC LTD"])
    rf2 = await add_conveyance(admin_engine, ["14029180"], ["BROADCOM CORPORATION"], ["XYZ INC"])
    await trigger(worker_sessions, org, [rf1])
    job = await incremental_equals_full(admin_engine, worker_sessions, redis, org, [rf2])
    assert job["type"] == "incremental", job["summary"]
    assert sorted(job["summary"]["scope"]["rfIds"]) == sorted([rf1, rf2])


async def test_rewritten_conveyance_falls_back_to_a_full_run(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    # An rf_id the org has already classified comes back changed (a corrected record):
    # its old parties are gone, so only a full run is exact.
    async with admin_engine.begin() as conn:
        await conn.execute(
            text("UPDATE assignments SET convey_text = 'SECURITY INTEREST' WHERE rf_id = :rf"),
            {"rf": "037389-0970"},
        )
    await trigger(worker_sessions, org, ["037389-0970"])
    await PipelineRunner(worker_sessions, redis).run(org, only_if_dirty=True)
    job = await last_job(admin_engine, org)
    assert job["type"] == "full_rebuild" and job["status"] == "success"
    assert job["summary"]["fullReason"].startswith("fallback: 1 conveyance(s) rewritten")
    async with admin_engine.connect() as conn:
        effective = (
            await conn.execute(
                text(
                    "SELECT effective_type FROM org_assignments"
                    " WHERE organization_id = :o AND rf_id = '037389-0970'"
                ),
                {"o": org},
            )
        ).scalar()
    assert effective == "security"


async def test_a_trigger_without_scope_makes_the_merged_run_full(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    rf = await add_conveyance(admin_engine, ["13890380"], ["LOGICNOW LIMITED"], ["ABC LTD"])
    await trigger(worker_sessions, org, [rf])
    await trigger(worker_sessions, org, None)  # e.g. a company was added
    await PipelineRunner(worker_sessions, redis).run(org, only_if_dirty=True)
    job = await last_job(admin_engine, org)
    assert job["type"] == "full_rebuild"
    assert job["summary"]["scope"] is None
    assert "without a scope" in job["summary"]["fullReason"]


async def test_scope_over_the_limit_falls_back_to_a_full_run(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(incremental, "MIN_SCOPE_LIMIT", 1)  # 20 % of 13 assets = 2.6
    rf = await add_conveyance(
        admin_engine, ["13890380", "13923786", "14029180"], ["LOGICNOW LIMITED"], ["ABC LTD"]
    )
    await trigger(worker_sessions, org, [rf])
    await PipelineRunner(worker_sessions, redis).run(org, only_if_dirty=True)
    job = await last_job(admin_engine, org)
    assert job["type"] == "full_rebuild" and job["status"] == "success"
    assert job["summary"]["fullReason"] == "fallback: scope too large: 3 of 13 assets"


async def test_failed_scoped_run_resumes_scoped_and_exact(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rf = await add_conveyance(
        admin_engine, ["10255988"], ["SURVIVALINK CORPORATION"], ["NEWCO MEDICAL HOLDINGS LLC"]
    )
    original = dag.STEPS["timeline"]

    async def broken(env: RunEnv) -> StepResult:
        raise RuntimeError("disk full")

    monkeypatch.setitem(dag.STEPS, "timeline", broken)
    runner = PipelineRunner(worker_sessions, redis)
    await trigger(worker_sessions, org, [rf])
    with pytest.raises(dag.StepFailed):
        await runner.run(org, only_if_dirty=True)
    failed = await last_job(admin_engine, org)
    assert failed["type"] == "incremental" and failed["status"] == "failed"
    # The widened scope was stored by the flag step, so the resume stays scoped.
    assert failed["summary"]["scope"]["assets"] is not None
    monkeypatch.setitem(dag.STEPS, "timeline", original)
    await runner.run(org)
    resumed = await last_job(admin_engine, org)
    assert resumed["type"] == "incremental" and resumed["status"] == "success"
    incremental = await derived_digest(admin_engine, org)
    await trigger(worker_sessions, org, None)
    await runner.run(org, only_if_dirty=True)
    assert await derived_digest(admin_engine, org) == incremental


async def test_assets_changed_without_a_trigger_fall_back_to_a_full_run(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    # An asset added without a pipeline trigger: the scoped run cannot build on the last
    # run's outputs (its tree asset counts, summaries... were for other assets).
    async with admin_engine.begin() as conn:
        await add_asset(conn, org, "14955484", None)
    rf = await add_conveyance(admin_engine, ["13890380"], ["LOGICNOW LIMITED"], ["ABC LTD"])
    await trigger(worker_sessions, org, [rf])
    await PipelineRunner(worker_sessions, redis).run(org, only_if_dirty=True)
    job = await last_job(admin_engine, org)
    assert job["type"] == "full_rebuild" and job["status"] == "success"
    assert (
        job["summary"]["fullReason"] == "fallback: assets or companies changed since the last run"
    )


async def test_scoped_load_equals_the_full_load_of_those_assets(
    org: uuid.UUID, worker_sessions: async_sessionmaker[AsyncSession]
) -> None:
    from db.repos.pipeline_inputs import load_inputs

    async with tenant_session(worker_sessions, TenantContext.for_org(org)) as s:
        full = await load_inputs(s, org)
        # The assets with the most conveyances, and one conveyance by rf_id alone.
        pick = sorted(full.asset_rfs, key=lambda a: (-len(full.asset_rfs[a]), a))[:3]
        lone = next(
            rf for rf in sorted(full.conveyances) if not set(full.rf_assets[rf]) & set(pick)
        )
        part = await load_inputs(s, org, assets=pick, rf_ids=[lone, "999999-9999"])
    assert set(part.conveyances) == {rf for a in pick for rf in full.asset_rfs[a]} | {lone}
    for a in pick:
        assert part.asset_rfs[a] == full.asset_rfs[a]
    for rf, conv in part.conveyances.items():
        assert conv == full.conveyances[rf]
        assert part.rf_assets[rf] == full.rf_assets[rf]
        assert part.reel_frame[rf] == full.reel_frame[rf]
    # Every asset a loaded conveyance names is there, with the full load's date and title.
    named = {a for rf in part.conveyances for a in part.rf_assets[rf]}
    by_id = {x.id: x for x in full.assets}
    assert {x.id for x in part.assets} == named | set(pick)
    assert all(x == by_id[x.id] for x in part.assets)


async def test_new_document_changing_a_filing_date_falls_back_to_a_full_run(
    org: uuid.UUID,
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    # The new conveyance's document carries an earlier filing date for 10760040: the
    # asset's date (BR-039 floor, BR-043 window) moves for all its conveyances.
    rf = await add_conveyance(
        admin_engine, ["10760040"], ["SURVIVALINK CORPORATION"], ["NEWCO MEDICAL HOLDINGS LLC"]
    )
    async with admin_engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE document_ids SET appno_date = DATE '1990-01-02' WHERE assignment_id ="
                " (SELECT id FROM assignments WHERE rf_id = :rf)"
            ),
            {"rf": rf},
        )
    await trigger(worker_sessions, org, [rf])
    await PipelineRunner(worker_sessions, redis).run(org, only_if_dirty=True)
    job = await last_job(admin_engine, org)
    assert job["type"] == "full_rebuild" and job["status"] == "success"
    assert "filing date" in job["summary"]["fullReason"]
