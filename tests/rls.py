"""Helpers to act as a runtime role with a tenant context inside a test transaction."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from db.roles import APP_ROLE
from db.tenant import TenantContext, apply_tenant_context


async def act_as(conn: AsyncConnection, ctx: TenantContext, role: str = APP_ROLE) -> None:
    """Become `role` (no superuser, no BYPASSRLS) with `ctx`, until the transaction ends."""
    await conn.execute(text(f"SET LOCAL ROLE {role}"))
    await apply_tenant_context(conn, ctx)


async def back_to_admin(conn: AsyncConnection) -> None:
    await conn.execute(text("RESET ROLE"))
    await apply_tenant_context(conn, TenantContext.anonymous())
