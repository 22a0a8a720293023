"""Row factories for the pipeline's tenant tables (merged into TENANT_ROW_FACTORIES).

Each inserts one row of its table for the given org, creating the org-owned parents it
needs (company, asset, processing job) first, so an attempt to write for another org
fails on row-level security. Shared parents (an assignment) are reused when one exists,
so the app role, which may only read shared tables, meets RLS and not a grant error.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

RUN = uuid.UUID(int=1)
V = "test-ruleset"


async def any_assignment(conn: AsyncConnection) -> uuid.UUID:
    found = (await conn.execute(text("SELECT id FROM assignments LIMIT 1"))).scalar()
    if found is not None:
        return uuid.UUID(str(found))
    assignment_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO assignments (id, rf_id, reel_no, frame_no, content_hash)"
            " VALUES (:id, :rf, '1', '1', 'x')"
        ),
        {"id": assignment_id, "rf": f"T{assignment_id.hex[:12]}"},
    )
    return assignment_id


async def _company(conn: AsyncConnection, org: uuid.UUID) -> uuid.UUID:
    from tests.factories import create_company

    return await create_company(conn, org, name=f"Co {uuid.uuid4().hex[:8]}")


async def _asset(conn: AsyncConnection, org: uuid.UUID) -> uuid.UUID:
    from tests.factories import create_asset

    return await create_asset(conn, org, appno=uuid.uuid4().hex[:8])


async def create_processing_job(conn: AsyncConnection, org: uuid.UUID) -> uuid.UUID:
    job_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO processing_jobs (id, organization_id, job_type, ruleset_version)"
            " VALUES (:id, :org, 'manual', :v)"
        ),
        {"id": job_id, "org": org, "v": V},
    )
    return job_id


async def _insert(conn: AsyncConnection, table: str, values: dict[str, object]) -> None:
    cols = ", ".join(values)
    params = ", ".join(f":{c}" for c in values)
    await conn.execute(text(f"INSERT INTO {table} ({cols}) VALUES ({params})"), values)


def _derived(org: uuid.UUID) -> dict[str, object]:
    return {"organization_id": org, "ruleset_version": V, "run_id": RUN}


async def _org_assignment(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn,
        "org_assignments",
        {
            **_derived(org),
            "assignment_id": await any_assignment(conn),
            "rf_id": f"R{uuid.uuid4().hex[:10]}",
            "rule_type": "assignment",
            "rule_employer_assign": False,
            "matched_rule": "BR-009",
            "effective_type": "assignment",
            "employer_assign": False,
            "source": "rule",
            "inventor_source": "none",
        },
    )


async def _entity_group(conn: AsyncConnection, org: uuid.UUID) -> None:
    key = f"acme {uuid.uuid4().hex[:6]}"
    await _insert(
        conn,
        "org_entity_groups",
        {
            **_derived(org),
            "name_key": key,
            "raw_name": key.upper(),
            "group_key": key,
            "canonical_name": key.title(),
            "occurrences": 1,
        },
    )


async def _tree_node(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn,
        "ownership_tree_nodes",
        {
            **_derived(org),
            "company_id": await _company(conn, org),
            "tree_type": 1,
            "tab": 1,
            "display_name": "Beta Inc",
            "color": "#E60000",
            "asset_count": 1,
            "rf_ids": ["1-1"],
        },
    )


async def _timeline(conn: AsyncConnection, org: uuid.UUID) -> None:
    company = await _company(conn, org)
    await _insert(
        conn,
        "timeline_entries",
        {
            **_derived(org),
            "company_id": company,
            "assignment_id": await any_assignment(conn),
            "rf_id": "1-1",
            "reel_no": "1",
            "frame_no": "1",
            "party_role": "assignor",
            "original_name": "BETA INC",
            "canonical_name": "Beta Inc",
            "entity_key": "key:beta inc",
            "convey_ty": "assignment",
            "employer_assign": False,
            "category": "ownership",
            "color": "#E60000",
            "asset_count": 1,
            "sequence": 1,
        },
    )


async def _chain(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn,
        "broken_title_chains",
        {
            **_derived(org),
            "asset_id": await _asset(conn, org),
            "patent_doc_num": "99999999",
            "status": "broken",
            "reason_code": "no_transactions",
            "reasons": ["no_transactions"],
            "breaks": "[]",
            "has_employee_start": False,
            "employee_links": 0,
            "chain_length": 0,
            "open_security_rf_ids": [],
            "current_holders": [],
            "inventor_source": "none",
        },
    )


async def _ownership(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn,
        "asset_ownership",
        {
            **_derived(org),
            "asset_id": await _asset(conn, org),
            "status": "complete",
            "holders": ["Acme Corp"],
            "holder_keys": ["key:acme corp"],
            "supporting_rf_ids": ["1-1"],
            "open_lien_count": 0,
            "inventor_source": "inferred",
        },
    )


async def _lien(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn,
        "open_liens",
        {
            **_derived(org),
            "asset_id": await _asset(conn, org),
            "rf_id": "1-1",
            "secured_party_key": "key:bank",
            "secured_party_name": "Bank",
            "grantors": ["Acme Corp"],
        },
    )


async def _dashboard(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn, "dashboard_items", {**_derived(org), "asset_id": await _asset(conn, org), "type": 0}
    )


async def _summary(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(conn, "summary_metrics", {**_derived(org), "company_id": None})


async def _summary_facts(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn,
        "summary_asset_facts",
        {
            **_derived(org),
            "asset_id": await _asset(conn, org),
            "asset_key": "12345678",
            "layout_id": 15,
            "rf_ids": ["1-1"],
            "arrows": [1],
            "inventors": ["john smith"],
            "backfill": [],
            "third_party_ids": ["key:beta"],
            "third_person_keys": ["beta"],
            "activity_company_ids": [],
            "activity_ids": [],
            "activity_counterparties": [],
        },
    )


async def _diagram(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn,
        "asset_diagrams",
        {
            **_derived(org),
            "asset_id": await _asset(conn, org),
            "is_broken": False,
            "chain_status": "complete",
            "diagram_json": "{}",
        },
    )


async def _job(conn: AsyncConnection, org: uuid.UUID) -> None:
    await create_processing_job(conn, org)


async def _step(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(
        conn,
        "processing_steps",
        {
            "organization_id": org,
            "processing_job_id": await create_processing_job(conn, org),
            "step_number": 1,
            "step_name": "classify",
        },
    )


async def _state(conn: AsyncConnection, org: uuid.UUID) -> None:
    await _insert(conn, "org_pipeline_state", {"organization_id": org, "dirty": True})


Factory = Callable[[AsyncConnection, uuid.UUID], Awaitable[None]]

PIPELINE_ROW_FACTORIES: dict[str, tuple[str, Factory]] = {
    "org_assignments": ("organization_id", _org_assignment),
    "org_entity_groups": ("organization_id", _entity_group),
    "ownership_tree_nodes": ("organization_id", _tree_node),
    "timeline_entries": ("organization_id", _timeline),
    "broken_title_chains": ("organization_id", _chain),
    "asset_ownership": ("organization_id", _ownership),
    "open_liens": ("organization_id", _lien),
    "dashboard_items": ("organization_id", _dashboard),
    "summary_metrics": ("organization_id", _summary),
    "summary_asset_facts": ("organization_id", _summary_facts),
    "asset_diagrams": ("organization_id", _diagram),
    "processing_jobs": ("organization_id", _job),
    "processing_steps": ("organization_id", _step),
    "org_pipeline_state": ("organization_id", _state),
}
