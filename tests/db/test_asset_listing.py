"""The asset list's read model (migration 0012): the database keeps `asset_listing` equal to
the asset's bibliographic face and verdict, whoever writes assets or verdicts, and only
ever within the writer's own organization (RLS applies to the triggers' work too)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from db.roles import WORKER_ROLE
from db.tenant import TenantContext
from tests.factories import create_asset, create_company, create_org
from tests.pipeline_factories import RUN, V
from tests.rls import act_as, back_to_admin


async def _listing(db: AsyncConnection, asset: uuid.UUID) -> dict[str, Any] | None:
    row = (
        (
            await db.execute(
                text(
                    "SELECT organization_id, company_id, appno, grant_no, title, appno_date,"
                    " status, sk_application_number, sk_grant_number, sk_title"
                    " FROM asset_listing WHERE asset_id = :a"
                ),
                {"a": asset},
            )
        )
        .mappings()
        .one_or_none()
    )
    return dict(row) if row else None


async def _document(db: AsyncConnection, appno: str, title: str, grant: str | None) -> None:
    assignment = (
        await db.execute(
            text(
                "INSERT INTO assignments (rf_id, reel_no, frame_no, content_hash)"
                " VALUES (:rf, '77', :frame, 'h') RETURNING id"
            ),
            {"rf": f"77-{appno}", "frame": appno},
        )
    ).scalar_one()
    await db.execute(
        text(
            "INSERT INTO document_ids (assignment_id, seq, appno_doc_num, grant_doc_num, title,"
            " appno_date) VALUES (:a, 1, :appno, :grant, :title, '2015-03-04')"
        ),
        {"a": assignment, "appno": appno, "grant": grant, "title": title},
    )


async def _ownership(db: AsyncConnection, org: uuid.UUID, asset: uuid.UUID, status: str) -> None:
    await db.execute(
        text(
            "INSERT INTO asset_ownership (organization_id, ruleset_version, run_id, asset_id,"
            " status, holders, holder_keys, supporting_rf_ids, open_lien_count, inventor_source)"
            " VALUES (:org, :v, :run, :a, :s, ARRAY['Acme Corp'], ARRAY['k'], ARRAY['1-1'], 0,"
            " 'inferred')"
        ),
        {"org": org, "v": V, "run": RUN, "a": asset, "s": status},
    )


async def test_new_asset_is_listed_with_its_face_from_assignment_data(db: AsyncConnection) -> None:
    org = await create_org(db)
    await _document(db, "14111111", "Widget Frobnicator", "9876543")
    asset = await create_asset(db, org, appno="14111111")
    row = await _listing(db, asset)
    assert row is not None
    assert row["organization_id"] == org and row["title"] == "Widget Frobnicator"
    assert row["grant_no"] == "9876543" and row["status"] is None
    # The sort keys are the ones the list pages on (asset_reads.SORT_KEYS).
    assert row["sk_application_number"] == "14111111"
    assert row["sk_grant_number"] == "0009876543"
    assert row["sk_title"] == "widget frobnicator"


async def test_pipeline_verdict_and_newer_bibliographic_data_refresh_the_row(
    db: AsyncConnection,
) -> None:
    org = await create_org(db)
    asset = await create_asset(db, org, appno="14222222")
    await db.execute(
        text("INSERT INTO patents (appno_doc_num, title) VALUES ('14222222', 'Granted Title')")
    )
    # A bibliographic load alone does not touch tenant rows; the pipeline run that
    # follows it (ingestion fan-out) writes the verdict, which refreshes the whole face.
    assert (await _listing(db, asset))["title"] is None  # type: ignore[index]
    await act_as(db, TenantContext.for_org(org), WORKER_ROLE)
    await _ownership(db, org, asset, "broken")
    await back_to_admin(db)
    row = await _listing(db, asset)
    assert row is not None and row["status"] == "broken" and row["title"] == "Granted Title"
    await db.execute(
        text("UPDATE asset_ownership SET status = 'complete' WHERE asset_id = :a"), {"a": asset}
    )
    assert (await _listing(db, asset))["status"] == "complete"  # type: ignore[index]
    await db.execute(text("DELETE FROM asset_ownership WHERE asset_id = :a"), {"a": asset})
    assert (await _listing(db, asset))["status"] is None  # type: ignore[index]


async def test_company_change_and_soft_delete_follow_the_asset(db: AsyncConnection) -> None:
    org = await create_org(db)
    company = await create_company(db, org)
    asset = await create_asset(db, org, appno="14333333")
    await db.execute(
        text("UPDATE assets SET company_id = :c WHERE id = :a"), {"c": company, "a": asset}
    )
    assert (await _listing(db, asset))["company_id"] == company  # type: ignore[index]
    await db.execute(text("UPDATE assets SET deleted_at = now() WHERE id = :a"), {"a": asset})
    assert await _listing(db, asset) is None


async def test_a_tenant_write_never_refreshes_another_tenants_rows(db: AsyncConnection) -> None:
    org_a, org_b = await create_org(db), await create_org(db)
    asset_b = await create_asset(db, org_b, appno="14444444")
    await db.execute(text("DELETE FROM asset_listing WHERE asset_id = :a"), {"a": asset_b})
    # Org A's worker writes a verdict naming B's asset id: RLS rejects the row itself, and
    # nothing of B's is (re)created behind it.
    await act_as(db, TenantContext.for_org(org_a), WORKER_ROLE)
    with pytest.raises(DBAPIError, match="row-level security"):
        async with db.begin_nested():
            await _ownership(db, org_b, asset_b, "complete")
    # Refreshing B's asset id from A's session cannot see it, so writes nothing.
    await db.execute(text("SELECT asset_listing_refresh(ARRAY[CAST(:a AS uuid)])"), {"a": asset_b})
    await back_to_admin(db)
    assert await _listing(db, asset_b) is None
