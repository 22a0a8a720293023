"""Every RLS policy calls the tenant functions as scalar subqueries (migration 0013), so
PostgreSQL evaluates them once per statement instead of once per row."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

BARE_CALL = re.compile(r"(?<!SELECT )app\.(current_org|is_super_admin|share_link)\(\)")


async def test_no_policy_calls_a_tenant_function_per_row(db: AsyncConnection) -> None:
    rows = (
        await db.execute(
            text(
                "SELECT c.relname, p.polname, pg_get_expr(p.polqual, p.polrelid),"
                " pg_get_expr(p.polwithcheck, p.polrelid) FROM pg_policy p"
                " JOIN pg_class c ON c.oid = p.polrelid"
            )
        )
    ).all()
    assert len(rows) >= 30  # every tenant table has one; a catalog query gone wrong fails
    bare = [
        (table, name, expr)
        for table, name, using, check in rows
        for expr in (using, check)
        if expr is not None and BARE_CALL.search(expr)
    ]
    assert not bare, f"policies evaluating a tenant function per row: {bare}"


async def test_the_count_plan_evaluates_the_org_once(db: AsyncConnection) -> None:
    await db.execute(text("SET LOCAL ROLE patentrack_app"))
    plan = "\n".join(
        (await db.execute(text("EXPLAIN SELECT count(*) FROM assets"))).scalars().all()
    )
    # The old form inlined NULLIF(current_setting(...)) into the per-row filter.
    assert "InitPlan" in plan and "current_setting" not in plan
