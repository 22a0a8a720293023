"""Small `create_*` helpers, and one row factory per tenant table for the RLS suite.

Every table with an `organization_id` (and the tenant root `organizations`) must have
an entry in TENANT_ROW_FACTORIES: tests/db/test_rls_isolation.py fails for a new tenant
table without one, so no table escapes the isolation tests.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.passwords import hash_password

_HASH = hash_password("Factory-Password-1")


async def create_org(conn: AsyncConnection, *, name: str | None = None) -> uuid.UUID:
    org_id = uuid.uuid4()
    label = name or f"Org {org_id.hex[:8]}"
    await conn.execute(
        text("INSERT INTO organizations (id, name, slug) VALUES (:id, :name, :slug)"),
        {"id": org_id, "name": label, "slug": f"org-{org_id.hex[:12]}"},
    )
    return org_id


async def create_user(
    conn: AsyncConnection, org_id: uuid.UUID, *, role: str = "org_member", email: str | None = None
) -> uuid.UUID:
    user_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO users (id, organization_id, email, password_hash, role, status)"
            " VALUES (:id, :org, :email, :hash, :role, 'active')"
        ),
        {
            "id": user_id,
            "org": org_id,
            "email": email or f"user-{user_id.hex[:10]}@example.com",
            "hash": _HASH,
            "role": role,
        },
    )
    return user_id


async def create_audit_entry(conn: AsyncConnection, org_id: uuid.UUID) -> uuid.UUID:
    entry_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO audit_log (id, organization_id, actor_type, action)"
            " VALUES (:id, :org, 'system', 'test.event')"
        ),
        {"id": entry_id, "org": org_id},
    )
    return entry_id


async def _org_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await conn.execute(
        text("INSERT INTO organizations (id, name, slug) VALUES (:id, :name, :slug)"),
        {"id": org_id, "name": f"Org {org_id.hex}", "slug": f"org-{org_id.hex}"},
    )


async def _user_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await create_user(conn, org_id)


async def _audit_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await create_audit_entry(conn, org_id)


RowFactory = Callable[[AsyncConnection, uuid.UUID], Awaitable[None]]

# table -> (tenant key column, factory inserting one row that belongs to the given org).
# For `organizations` the factory creates the org itself (its id is the tenant key).
TENANT_ROW_FACTORIES: dict[str, tuple[str, RowFactory]] = {
    "organizations": ("id", _org_row),
    "users": ("organization_id", _user_row),
    "audit_log": ("organization_id", _audit_row),
}
