"""The pipeline on a real-data organization: the USPTO daily file ad20160101.xml.

Every expectation below was worked out by hand from the XML (reasoning next to it), then
checked against what the pipeline stored. The org tracks 13 applications of the file
under six companies named in it (tests/worker/pipeline/sample_org.py).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from domain.titles.version import RULESET_VERSION
from patentrack.settings import Settings
from tests.worker.pipeline.sample_org import create_sample_org, derived_digest, load_sample
from worker.pipeline.runner import PipelineRunner

pytestmark = pytest.mark.usefixtures("clean_tables")


@pytest.fixture
async def worker_sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=4)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def sample_org(
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    assert await load_sample(admin_engine) == 199
    org, assets = await create_sample_org(admin_engine)
    outcome = await PipelineRunner(worker_sessions, redis).run(org, reason="test")
    assert len(outcome.runs) == 1
    return org, assets


async def _rows(engine: AsyncEngine, sql: str, **params: object) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        return [tuple(r) for r in (await conn.execute(text(sql), params)).all()]


async def _verdict(engine: AsyncEngine, asset: uuid.UUID) -> tuple[object, ...]:
    rows = await _rows(
        engine,
        "SELECT status, reasons, employee_links, current_holders, break_seq,"
        " break_point_rf_id, missing_link_from, inventor_source"
        " FROM broken_title_chains WHERE asset_id = :a",
        a=asset,
    )
    assert len(rows) == 1
    return rows[0]


async def test_run_records_every_step_and_stamps_the_ruleset(
    sample_org: tuple[uuid.UUID, dict[str, uuid.UUID]], admin_engine: AsyncEngine
) -> None:
    org, _ = sample_org
    steps = await _rows(
        admin_engine,
        "SELECT s.step_name, s.status, s.records_processed > 0, s.started_at <= s.completed_at"
        " FROM processing_steps s JOIN processing_jobs j ON j.id = s.processing_job_id"
        " WHERE j.organization_id = :o ORDER BY s.step_number",
        o=org,
    )
    names = [
        "classify",
        "flag",
        "tree",
        "timeline",
        "broken_title",
        "dashboard",
        "summary",
        "generate_json",
    ]
    assert steps == [(n, "success", True, True) for n in names]
    assert await _rows(
        admin_engine,
        "SELECT status, ruleset_version FROM processing_jobs WHERE organization_id = :o",
        o=org,
    ) == [("success", RULESET_VERSION)]
    versions = await _rows(
        admin_engine,
        "SELECT DISTINCT ruleset_version FROM broken_title_chains WHERE organization_id = :o",
        o=org,
    )
    assert versions == [(RULESET_VERSION,)]


async def test_classification_and_inventor_flag_per_org(
    sample_org: tuple[uuid.UUID, dict[str, uuid.UUID]], admin_engine: AsyncEngine
) -> None:
    org, _ = sample_org
    rows = {
        r[0]: r[1:]
        for r in await _rows(
            admin_engine,
            "SELECT rf_id, rule_type, effective_type, employer_assign, source,"
            " evidence->>'assignor', inventor_source FROM org_assignments"
            " WHERE organization_id = :o",
            o=org,
        )
    }
    # 23 conveyances of the file touch the 13 tracked applications.
    assert len(rows) == 23
    # 037389-0892 "ASSIGNMENT OF ASSIGNORS INTEREST" (BR-009). No bibliographic inventors
    # are ingested, so D19 infers them: the persons signing the earliest assignment of
    # 10760040 are Brewer, Stendahl and Olson (this very record, exec 2000), so it is
    # inventor-originated (BR-023) and becomes an employee link.
    assert rows["037389-0892"] == (
        "assignment",
        "employee",
        True,
        "inventor_match",
        "BREWER, JAMES F.",
        "inferred",
    )
    # 037389-0970 is the same kind of record for 10255988 but signed in 1998: outside the
    # P6 flag window (exec year > 1999), so it stays a plain assignment.
    assert rows["037389-0970"] == ("assignment", "assignment", False, "rule", None, "inferred")
    # "SECURITY INTEREST" -> security (BR-008); "RELEASE BY SECURED PARTY" -> release
    # (BR-007 precedes BR-008); "MERGER" -> merger (BR-004).
    assert rows["037389-0696"][:2] == ("security", "security")
    assert rows["037391-0918"][:2] == ("release", "release")
    assert rows["037391-0427"][:2] == ("merger", "merger")


async def test_verdicts_worked_out_by_hand(
    sample_org: tuple[uuid.UUID, dict[str, uuid.UUID]], admin_engine: AsyncEngine
) -> None:
    _, a = sample_org
    # 10760040: 0892 Brewer/Stendahl/Olson -> Survivalink (employee link, 2000-07-06),
    # then 0928 Survivalink -> Cardiac Science (2002-07-18): the assignor is the holder
    # (BR-033). Complete, one employee link, Cardiac Science holds title.
    assert await _verdict(admin_engine, a["10760040"]) == (
        "complete",
        [],
        1,
        ["Cardiac Science, Inc."],
        None,
        None,
        None,
        "inferred",
    )
    # 10255988: 0970 Groenke/Brewer -> Survivalink signed 1998 (not flagged, see above),
    # 0047 Survivalink -> Cardiac Science. Continuous but no inventor-originated link
    # anywhere: broken, no_employee_start (BR-035).
    assert await _verdict(admin_engine, a["10255988"]) == (
        "broken",
        ["no_employee_start"],
        0,
        ["Cardiac Science, Inc."],
        None,
        None,
        None,
        "inferred",
    )
    # 14729229: 0838 Lu Zhixiang, Lu Zheng -> Henkel IP & Holding GmbH (2015-06-08, the
    # inferred inventors' own assignment: employee link); 0916 Li Zhiming Pasing, Zhang
    # Yong, Li Jinyou -> Henkel AG & Co. KGaA (2015-11-01): none of them is the holder or
    # an inferred inventor, so the chain breaks at #2 (chain_break, BR-033).
    assert await _verdict(admin_engine, a["14729229"]) == (
        "broken",
        ["chain_break"],
        1,
        ["Henkel Ag & Co. Kgaa"],
        2,
        "037390-0916",
        "Henkel Ip & Holding Gmbh",
        "inferred",
    )
    # 14029180: Boyd, Edward -> Broadcom recorded three times (0829, 0835, 0838): three
    # employee links (E64 shape); complete.
    assert (await _verdict(admin_engine, a["14029180"]))[:4] == (
        "complete",
        [],
        3,
        ["Broadcom Corp"],
    )
    # 14799777: 0965 four inventors -> Incyte Corp (2006); 0173 Incyte Corp -> {Incyte
    # Holdings Corp, Incyte Corp} (2015): continuity through Incyte Corp; both now hold.
    assert (await _verdict(admin_engine, a["14799777"]))[:4] == (
        "complete",
        [],
        1,
        ["Incyte Holdings Corp", "Incyte Corp"],
    )
    # 11067312: 0382 Coen Company, Inc -> Coen Company, LLC, then 0427 merger into John
    # Zink Company, LLC. The earliest assignment's assignor is a company, so no inventors
    # can be inferred (D19): broken, no_employee_start; John Zink holds title.
    assert (await _verdict(admin_engine, a["11067312"]))[:4] == (
        "broken",
        ["no_employee_start"],
        0,
        ["John Zink Company, Llc"],
    )
    # 13890380: only a security (0696, LogicNow -> Wells Fargo) and a release (0918,
    # Pacific Western Bank -> LogicNow): neither is a chain link, so no_transactions.
    assert (await _verdict(admin_engine, a["13890380"]))[:3] == ("broken", ["no_transactions"], 0)
    # 14441716: 0711 Penney, Kathryn L. -> {Dana-Farber, Brigham} (2015-08-24) is the
    # earliest assignment; 0705 Loda, Massimo + Svitlana Tyekucheva -> Dana-Farber
    # (2015-12-16) is an all-person assignment to one of its assignees: co-inventors
    # signing separately, so D19 infers all three as inventors and both are employee
    # links (BR-034: each restarts title, no continuity check). Complete.
    assert (await _verdict(admin_engine, a["14441716"]))[:3] == ("complete", [], 2)
    # 08978704 was filed 1997-11-26: before the BR-039 floor, so no verdict row at all.
    assert (
        await _rows(
            admin_engine, "SELECT 1 FROM broken_title_chains WHERE asset_id = :a", a=a["08978704"]
        )
        == []
    )


async def test_current_owner_and_open_liens(
    sample_org: tuple[uuid.UUID, dict[str, uuid.UUID]], admin_engine: AsyncEngine
) -> None:
    org, a = sample_org
    # D2: 13923786 carries only the LogicNow -> Wells Fargo security: open, one lender.
    # 13890380 carries the same security plus the release 0918; the releasing bank
    # (Pacific Western) is not the secured party, so §5.6 clears it by date only: no lien.
    liens = await _rows(
        admin_engine,
        "SELECT asset_id, rf_id, secured_party_name FROM open_liens WHERE organization_id = :o",
        o=org,
    )
    assert liens == [
        (
            a["13923786"],
            "037389-0696",
            "Wells Fargo Bank, National Association, London Branch, As Agent",
        ),
    ]
    owner = await _rows(
        admin_engine,
        "SELECT holders, supporting_rf_ids, status FROM asset_ownership WHERE asset_id = :a",
        a=a["10760040"],
    )
    assert owner == [(["Cardiac Science, Inc."], ["037389-0892", "037389-0928"], "complete")]
    # Out-of-floor assets still get a current owner (D2 is not a dashboard figure).
    assert await _rows(
        admin_engine, "SELECT holders FROM asset_ownership WHERE asset_id = :a", a=a["08978704"]
    ) == [(["John Zink Company, Llc"],)]


async def test_ownership_tree_of_survivalink(
    sample_org: tuple[uuid.UUID, dict[str, uuid.UUID]], admin_engine: AsyncEngine
) -> None:
    org, _ = sample_org
    rows = await _rows(
        admin_engine,
        "SELECT t.tree_type, t.tab, t.display_name, t.color, t.asset_count, t.rf_ids"
        " FROM ownership_tree_nodes t JOIN companies c ON c.id = t.company_id"
        " WHERE t.organization_id = :o AND c.name = 'SURVIVALINK CORPORATION'"
        " ORDER BY 1, 3",
        o=org,
    )
    # BR-024: 0892 is an employee link into Survivalink: one type-0 row per assignor.
    # "BREWER, JAMES F." (0892) and "BREWER, JAMES E." (0970) differ by one letter and
    # are grouped (BR-018), shown under the group's canonical display name.
    # BR-025: 0970 (plain assignment into Survivalink) -> type-1 purchase rows.
    # BR-026: 0928 and 0047 (Survivalink -> Cardiac Science) -> one type-2 sale row
    # (same shown name) covering both applications.
    assert rows == [
        (0, 0, "Brewer, James E.", "#E60000", 1, ["037389-0892"]),
        (0, 0, "Olson, Kenneth F.", "#E60000", 1, ["037389-0892"]),
        (0, 0, "Stendahl, Gary B.", "#E60000", 1, ["037389-0892"]),
        (1, 1, "Brewer, James E.", "#E60000", 1, ["037389-0970"]),
        (1, 1, "Groenke, Allen W.", "#E60000", 1, ["037389-0970"]),
        (2, 1, "Cardiac Science, Inc.", "#E60000", 2, ["037389-0928", "037390-0047"]),
    ]
    # BR-028/029 for LogicNow: security out (type 5, orange), release out (type 7, green).
    logicnow = await _rows(
        admin_engine,
        "SELECT t.tree_type, t.tab, t.color FROM ownership_tree_nodes t"
        " JOIN companies c ON c.id = t.company_id"
        " WHERE t.organization_id = :o AND c.name = 'LOGICNOW LIMITED' ORDER BY 1",
        o=org,
    )
    assert logicnow == [(5, 2, "#ffaa00"), (7, 2, "#70A800")]


async def test_diagram_dashboard_and_summary(
    sample_org: tuple[uuid.UUID, dict[str, uuid.UUID]], admin_engine: AsyncEngine
) -> None:
    org, a = sample_org
    [(diagram,)] = await _rows(
        admin_engine, "SELECT diagram_json FROM asset_diagrams WHERE asset_id = :a", a=a["10760040"]
    )
    assert isinstance(diagram, dict)
    links = [(c["seq"], c["rfId"], c["lineType"], c["color"]) for c in diagram["connections"]]
    # One edge per assignor -> assignee pair, sharing the conveyance's ordinal (D22).
    assert links == [
        (1, "037389-0892", "Ownership", "#E60000"),
        (1, "037389-0892", "Ownership", "#E60000"),
        (1, "037389-0892", "Ownership", "#E60000"),
        (2, "037389-0928", "Ownership", "#E60000"),
    ]
    assert diagram["rootEntity"] == ["Cardiac Science, Inc."]
    assert diagram["isBrokenTitle"] is False
    # BR-036/037: one type-1 row per broken in-scope asset, type 18 per open security.
    counts = dict(
        await _rows(
            admin_engine,
            "SELECT type, count(*) FROM dashboard_items WHERE organization_id = :o GROUP BY 1",
            o=org,
        )
    )
    broken = await _rows(
        admin_engine,
        "SELECT count(*) FROM broken_title_chains WHERE organization_id = :o AND status = 'broken'",
        o=org,
    )
    # 10079118, 10255988, 11067312, 13890380, 13923786, 14729229 (see the verdict test).
    assert counts[1] == broken[0][0] == 6
    assert counts[18] == 1
    # BR-043 Survivalink: of its two applications only 10760040 (filed 2004) is inside the
    # 24-year summary window (10255988 was filed 2002); its conveyances 0892 (3 assignor
    # entities x 1 assignee) and 0928 (1 x 1) give 2 transactions and 4 arrows.
    survivalink = await _rows(
        admin_engine,
        "SELECT m.asset_count, m.transaction_count, m.arrow_count FROM summary_metrics m"
        " JOIN companies c ON c.id = m.company_id WHERE c.name = 'SURVIVALINK CORPORATION'",
    )
    assert survivalink == [(1, 2, 4)]
    org_row = await _rows(
        admin_engine,
        "SELECT asset_count, company_count FROM summary_metrics"
        " WHERE organization_id = :o AND company_id IS NULL",
        o=org,
    )
    # 13 applications, minus those filed 2002 or earlier (10255988, 10079118, 08978704).
    assert org_row == [(10, 6)]


async def test_rerun_produces_identical_rows(
    sample_org: tuple[uuid.UUID, dict[str, uuid.UUID]],
    admin_engine: AsyncEngine,
    worker_sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    org, _ = sample_org
    before = await derived_digest(admin_engine, org)
    assert before["broken_title_chains"][0] == 12
    outcome = await PipelineRunner(worker_sessions, redis).run(org, reason="again")
    assert len(outcome.runs) == 1
    assert await derived_digest(admin_engine, org) == before
