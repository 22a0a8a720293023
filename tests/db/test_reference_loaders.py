"""Grant/publication loader against PostgreSQL, as the worker role: every sample loads,
hand-checked rows, idempotent replays, newer-wins, child replacement, error isolation."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncConnection

from db.loaders.patents import PatentLoader
from domain.ingestion.applications_xml import iter_applications
from domain.ingestion.biblio_records import PatentDocumentRecord
from domain.ingestion.grants_xml import iter_grants
from tests.db.reference_helpers import as_worker, checksums

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _records(kind: str) -> list[PatentDocumentRecord]:
    parse = iter_grants if kind == "grants" else iter_applications
    out: list[PatentDocumentRecord] = []
    for path in sorted((FIXTURES / kind).iterdir()):
        out += [r for r in parse(path) if isinstance(r, PatentDocumentRecord)]
    return out


async def test_every_grant_sample_loads_with_hand_checked_rows(db: AsyncConnection) -> None:
    conn = await as_worker(db)
    records = _records("grants")
    counts = await PatentLoader(conn, patent_type="grant", ingestion_job_id=None).merge(records)
    # 10 files hold 21 grant documents; the ipgb sample lists D967598 twice (one row).
    assert len(records) == 21
    assert (counts.inserted, counts.updated, counts.unchanged) == (20, 0, 0)
    assert await conn.fetchval("SELECT count(*) FROM patents") == 20
    row = await conn.fetchrow("SELECT * FROM patents WHERE grant_doc_num = '6336130'")
    assert (row["appno_doc_num"], row["grant_kind"], row["grant_date"]) == (
        "09413215", "B1", date(2002, 1, 1),
    )  # fmt: skip
    assert (row["layout_id"], row["dtd_version"], row["claims_count"]) == (15, "v2.5", 22)
    # Inventors of a v2.5, a v4.0, a v4.5 and a v4.7 grant, structured names kept.
    v25 = await conn.fetch(
        "SELECT name, first_name, last_name, country, sequence, source FROM inventors"
        " WHERE patent_doc_num = '6336130' AND patent_type = 'grant'"
    )
    assert [tuple(r) for r in v25] == [("Do, Thanh Van", "Thanh Van", "Do", "NO", 1, "grant_xml")]
    assert (
        await conn.fetchval("SELECT count(*) FROM inventors WHERE patent_doc_num = '6859910'") > 0
    )
    v45 = await conn.fetch(
        "SELECT name FROM inventors WHERE patent_doc_num = '8926509' ORDER BY sequence"
    )
    assert [r[0] for r in v45] == [
        "Magar, Surendar", "Sattiraju, Venkateswara Rao", "Niknejad, Ali", "Yun, Louis",
        "Beck, James C.",
    ]  # fmt: skip
    v47 = await conn.fetch(
        "SELECT name FROM inventors WHERE patent_doc_num = '11617522' ORDER BY sequence"
    )
    assert [r[0] for r in v47] == ["Li, Xin X.", "Liu, Zhiyong", "Yavorsky, Matthew William"]
    # CPC of a v4.5 grant (weekly XML rows until the next MCF, §2.4).
    cpc = await conn.fetch(
        "SELECT cpc_code, is_main, is_inventive, position, cpc_level, source"
        " FROM patent_cpc_codes WHERE patent_doc_num = '8926509' ORDER BY position"
    )
    assert len(cpc) == 15
    assert tuple(cpc[0]) == ("A61B5/0205", True, True, 1, 5, "grant_xml")
    assert cpc[-1]["cpc_code"] == "A61B2560/0209"
    assignee = await conn.fetchrow(
        "SELECT orgname, country, assignee_type FROM document_parties"
        " WHERE patent_doc_num = '6336130' AND role = 'assignee'"
    )
    assert tuple(assignee) == ("Telefonaktiebolaget LM Ericsson (publ)", "SE", "03")
    relation = await conn.fetchrow(
        "SELECT relation, parent_appno, parent_status, child_appno FROM application_relations"
        " WHERE patent_doc_num = '7272630' AND relation = 'division'"
    )
    assert tuple(relation) == ("division", "09876376", "PENDING", "10991571")
    priority = await conn.fetchrow(
        "SELECT country, doc_number, claim_date FROM patent_priority_claims"
        " WHERE patent_doc_num = '6336130'"
    )
    assert tuple(priority) == ("NO", "971605", date(1997, 4, 8))
    assert counts.grants >= {"6336130", "8926509", "D967598", "RE49257", "PP34694"}


async def test_every_application_sample_loads(db: AsyncConnection) -> None:
    conn = await as_worker(db)
    records = _records("applications")
    loader = PatentLoader(conn, patent_type="application", ingestion_job_id=None)
    counts = await loader.merge(records)
    assert counts.inserted == len({r.appno_doc_num for r in records})
    rows = await conn.fetch("SELECT layout_id, pgpub_doc_num, grant_doc_num FROM patents")
    assert rows and all(r["layout_id"] == 14 and r["grant_doc_num"] is None for r in rows)
    assert all(r["pgpub_doc_num"] and len(r["pgpub_doc_num"]) == 11 for r in rows)
    pap = await conn.fetchval(
        "SELECT count(*) FROM inventors WHERE patent_type = 'application'"
        " AND source = 'application_xml'"
    )
    assert pap >= len(records)


async def test_replay_is_a_no_op_and_a_grant_upgrades_its_publication(
    db: AsyncConnection,
) -> None:
    conn = await as_worker(db)
    grants = PatentLoader(conn, patent_type="grant", ingestion_job_id=None)
    records = _records("grants")
    await grants.merge(records)
    before = await checksums(conn)
    again = await grants.merge(records)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 20)
    assert await checksums(conn) == before

    # A publication of an already granted application keeps the grant's title and layout.
    grant = next(r for r in records if r.doc_number == "8926509")
    assert grant.appno_doc_num
    pub = dataclasses.replace(
        grant,
        patent_type="application",
        doc_number="20130000001",
        kind="A1",
        title="Old publication title",
        publication_date=date(2013, 1, 3),
        cpc=(),
    )
    apps = PatentLoader(conn, patent_type="application", ingestion_job_id=None)
    counts = await apps.merge([pub])
    assert counts.updated == 1
    row = await conn.fetchrow(
        "SELECT title, layout_id, pgpub_doc_num FROM patents WHERE appno_doc_num = $1",
        grant.appno_doc_num,
    )
    assert (row["title"], row["layout_id"], row["pgpub_doc_num"]) == (
        grant.title, 15, "20130000001",
    )  # fmt: skip


async def test_older_document_never_overwrites_newer_and_children_are_replaced(
    db: AsyncConnection,
) -> None:
    conn = await as_worker(db)
    loader = PatentLoader(conn, patent_type="grant", ingestion_job_id=None)
    grant = next(r for r in _records("grants") if r.doc_number == "8926509")
    await loader.merge([grant])
    fewer = dataclasses.replace(
        grant, inventors=grant.inventors[:2], publication_date=date(2016, 1, 1), title="Corrected"
    )
    assert (await loader.merge([fewer])).updated == 1
    names = await conn.fetch("SELECT name FROM inventors WHERE patent_doc_num = '8926509'")
    assert sorted(r[0] for r in names) == ["Magar, Surendar", "Sattiraju, Venkateswara Rao"]
    stale = dataclasses.replace(grant, title="Stale", publication_date=date(2014, 1, 1))
    counts = await loader.merge([stale])
    assert (counts.updated, counts.unchanged) == (0, 1)
    assert await conn.fetchval("SELECT title FROM patents WHERE grant_doc_num = '8926509'") == (
        "Corrected"
    )


async def test_a_record_the_database_rejects_is_isolated(db: AsyncConnection) -> None:
    conn = await as_worker(db)
    loader = PatentLoader(conn, patent_type="grant", ingestion_job_id=None)
    records = _records("grants")[:6]
    # A 5-character kind code does not fit grant_kind varchar(4): only that record fails.
    bad = dataclasses.replace(records[2], kind="XXXXX")
    counts, rejected = await loader.merge_isolating([*records[:2], bad, *records[3:]])
    assert [r.doc_number for r, _ in rejected] == [bad.doc_number]
    assert "StringDataRightTruncation" in rejected[0][1]
    assert counts.inserted == 5
    assert await conn.fetchval("SELECT count(*) FROM patents") == 5


async def test_application_rows_and_an_a2_republication_refreshing_the_a1(
    db: AsyncConnection,
) -> None:
    conn = await as_worker(db)
    loader = PatentLoader(conn, patent_type="application", ingestion_job_id=None)
    records = _records("applications")
    await loader.merge(records)
    pap = await conn.fetchrow(
        "SELECT pgpub_doc_num, pgpub_kind, pgpub_date, dtd_version, layout_id FROM patents"
        " WHERE appno_doc_num = '09727454'"
    )
    assert tuple(pap) == ("20010000943", "A1", date(2001, 5, 10), "pap-v1.5", 14)
    assert (
        await conn.fetchval(
            "SELECT count(*) FROM inventors WHERE patent_doc_num = '20220240350'"
            " AND patent_type = 'application'"
        )
        == 10
    )
    a1 = next(r for r in records if r.doc_number == "20210267109")
    a2 = dataclasses.replace(a1, kind="A2", publication_date=date(2021, 12, 2), title="Republished")
    assert (await loader.merge([a2])).updated == 1
    row = await conn.fetchrow(
        "SELECT pgpub_kind, title FROM patents WHERE appno_doc_num = $1", a1.appno_doc_num
    )
    assert tuple(row) == ("A2", "Republished")
    assert (await loader.merge([a1])).unchanged == 1  # the older A1 does not come back
