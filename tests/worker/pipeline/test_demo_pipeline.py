"""`patentrack up`'s demo sequence: seed, load the sample file, queue the pipeline, let a
worker run it. A new user must find trees, broken titles and diagrams from real data."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

import worker.tasks  # noqa: F401  (registers pipeline.run)
from patentrack.demo import (
    DEMO_ASSETS,
    DEMO_ORG_SLUG,
    load_demo_assignments,
    request_demo_pipeline,
    seed_demo,
)
from patentrack.settings import Settings
from worker.runtime import build_worker

pytestmark = pytest.mark.usefixtures("clean_tables")


async def _scalar(engine: AsyncEngine, sql: str) -> object:
    async with engine.connect() as conn:
        return (
            await conn.execute(
                text(sql.replace(":demo", "(SELECT id FROM organizations WHERE slug = :slug)")),
                {"slug": DEMO_ORG_SLUG},
            )
        ).scalar_one()


async def test_demo_org_gets_trees_verdicts_and_diagrams_from_the_sample(
    settings: Settings, admin_engine: AsyncEngine, redis: Redis
) -> None:
    await seed_demo(settings)
    await seed_demo(settings)  # a restart adds nothing
    await load_demo_assignments(settings)
    await request_demo_pipeline(settings)
    worker = build_worker(settings, burst=True, handle_signals=False)
    await worker.async_run()
    await worker.close()
    assert worker.jobs_failed == 0

    assert await _scalar(
        admin_engine, "SELECT count(*) FROM assets WHERE organization_id = :demo"
    ) == len(DEMO_ASSETS)
    # Every demo application is in the file: each has a stored diagram with connections.
    assert await _scalar(
        admin_engine,
        "SELECT count(*) FROM asset_diagrams WHERE organization_id = :demo"
        " AND jsonb_array_length(diagram_json->'connections') > 0",
    ) == len(DEMO_ASSETS)
    # Both kinds of verdict exist (e.g. 10760040 complete, 14729229 broken at #2).
    assert (
        await _scalar(
            admin_engine,
            "SELECT count(DISTINCT status) FROM broken_title_chains WHERE organization_id = :demo",
        )
        >= 2
    )
    assert (
        await _scalar(
            admin_engine,
            "SELECT count(*) FROM ownership_tree_nodes WHERE organization_id = :demo",
        )
        > 0
    )
    assert (
        await _scalar(
            admin_engine,
            "SELECT status FROM processing_jobs WHERE organization_id = :demo"
            " ORDER BY created_at DESC LIMIT 1",
        )
        == "success"
    )
