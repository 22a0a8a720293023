"""Helpers for the reference-data loader tests: run as the worker role, checksum tables."""

from __future__ import annotations

from typing import Any

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from db.roles import WORKER_ROLE
from db.tenant import TenantContext
from tests.rls import act_as

REFERENCE_TABLES = (
    "patents",
    "inventors",
    "document_parties",
    "patent_priority_claims",
    "application_relations",
    "patent_cpc_codes",
    "cpc_classifications",
    "maintenance_event_codes",
    "maintenance_fee_events",
    "maintenance_fee_statuses",
    "patent_families",
    "patent_family_members",
    "family_priority_claims",
    "family_lookups",
)


async def as_worker(db: AsyncConnection) -> asyncpg.Connection:
    """The test transaction's asyncpg connection, acting as `patentrack_worker`."""
    await act_as(db, TenantContext.anonymous(), role=WORKER_ROLE)
    raw = await db.get_raw_connection()
    driver: Any = raw.driver_connection
    return driver


async def checksum(conn: asyncpg.Connection | AsyncConnection, table: str) -> str:
    """md5 over every column of every row (ids and timestamps included), order-free."""
    sql = f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t"
    if isinstance(conn, AsyncConnection):
        return str((await conn.execute(text(sql))).scalar_one())
    return str(await conn.fetchval(sql))


async def checksums(conn: asyncpg.Connection | AsyncConnection) -> dict[str, str]:
    return {t: await checksum(conn, t) for t in REFERENCE_TABLES}
