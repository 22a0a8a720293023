"""A real-data organization: the USPTO daily file ad20160101.xml loaded with the ingestion
loader, and an org tracking some of its assets under companies named in that file."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.loaders.assignments import AssignmentLoader
from domain.ingestion.assignments_xml import iter_assignments
from domain.ingestion.records import AssignmentRecord, preferred_record
from tests.factories import create_org

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "assignments" / "ad20160101.xml"

# Companies as the file spells them (assignees present in ad20160101.xml).
COMPANIES = {
    "survivalink": ("SURVIVALINK CORPORATION", ()),
    "incyte": ("INCYTE CORPORATION", ()),
    "henkel": ("HENKEL AG & CO. KGAA", ("HENKEL IP & HOLDING GMBH",)),
    "logicnow": ("LOGICNOW LIMITED", ()),
    "broadcom": ("BROADCOM CORPORATION", ()),
    "coen": ("COEN COMPANY, LLC", ()),
}
# appno -> company key (the asset's company_id).
ASSETS = {
    "10760040": "survivalink",
    "10255988": "survivalink",
    "14799777": "incyte",
    "14811038": "incyte",
    "14729229": "henkel",
    "13890380": "logicnow",
    "13923786": "logicnow",
    "14029180": "broadcom",
    "11067312": "coen",
    "08978704": "coen",
    "14441716": None,
    "10079118": None,
    "14760277": None,
}


def sample_records() -> list[AssignmentRecord]:
    """Every valid record of the sample file, one per rf_id (ingestion's preference rule)."""
    best: dict[str, AssignmentRecord] = {}
    for rec in iter_assignments(SAMPLE):
        if isinstance(rec, AssignmentRecord):
            best[rec.rf_id] = preferred_record(best[rec.rf_id], rec) if rec.rf_id in best else rec
    return list(best.values())


async def load_sample(engine: AsyncEngine) -> int:
    """Load the sample file into the shared tables with the ingestion loader (committed)."""
    async with engine.begin() as conn:
        # Start the transaction on the driver connection first: staging is ON COMMIT DELETE.
        await conn.execute(text("SELECT 1"))
        raw = await conn.get_raw_connection()
        loader = AssignmentLoader(raw.driver_connection, ingestion_job_id=None)  # type: ignore[arg-type]
        counts = await loader.merge(sample_records())
    return counts.inserted


async def add_company(
    conn: AsyncConnection, org: uuid.UUID, name: str, aliases: tuple[str, ...] = ()
) -> uuid.UUID:
    company_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO companies (id, organization_id, name, aliases)"
            " VALUES (:id, :org, :name, :aliases)"
        ),
        {"id": company_id, "org": org, "name": name, "aliases": list(aliases)},
    )
    return company_id


async def add_asset(
    conn: AsyncConnection, org: uuid.UUID, appno: str, company: uuid.UUID | None
) -> uuid.UUID:
    asset_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO assets (id, organization_id, appno_doc_num, company_id)"
            " VALUES (:id, :org, :appno, :company)"
        ),
        {"id": asset_id, "org": org, "appno": appno, "company": company},
    )
    return asset_id


async def create_sample_org(engine: AsyncEngine) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    """The org, its companies and assets (committed); returns (org id, appno -> asset id)."""
    async with engine.begin() as conn:
        org = await create_org(conn, name=f"Sample {uuid.uuid4().hex[:6]}")
        companies = {
            key: await add_company(conn, org, name, aliases)
            for key, (name, aliases) in COMPANIES.items()
        }
        assets = {
            appno: await add_asset(conn, org, appno, companies[key] if key else None)
            for appno, key in ASSETS.items()
        }
    return org, assets


def digest(rows: list[tuple[object, ...]]) -> str:
    return hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()


DERIVED_TABLES = (
    "org_assignments",
    "org_entity_groups",
    "ownership_tree_nodes",
    "timeline_entries",
    "broken_title_chains",
    "asset_ownership",
    "open_liens",
    "dashboard_items",
    "summary_metrics",
    "asset_diagrams",
    "summary_asset_facts",
)
# Provenance and clocks differ between runs by design; everything else must not.
_VOLATILE = {
    "id",
    "run_id",
    "created_at",
    "updated_at",
    "detected_at",
    "computed_at",
    "calculated_at",
    "diagram_json",
}


async def derived_digest(engine: AsyncEngine, org: uuid.UUID) -> dict[str, tuple[int, str]]:
    """Per derived table of `org`: (row count, checksum of every content column)."""
    out: dict[str, tuple[int, str]] = {}
    async with engine.connect() as conn:
        for table in DERIVED_TABLES:
            cols = [
                c
                for c in (
                    await conn.execute(
                        text(
                            "SELECT column_name FROM information_schema.columns"
                            " WHERE table_name = :t ORDER BY ordinal_position"
                        ),
                        {"t": table},
                    )
                ).scalars()
                if c not in _VOLATILE
            ]
            if table == "asset_diagrams":
                cols.append("diagram_json #- '{meta,runId}' #- '{meta,generatedAt}'")
            rows = (
                await conn.execute(
                    text(f"SELECT {', '.join(cols)} FROM {table} WHERE organization_id = :o"),
                    {"o": org},
                )
            ).all()
            out[table] = (len(rows), digest([tuple(r) for r in rows]))
    return out
