"""Small `create_*` helpers, and one row factory per tenant table for the RLS suite.

Every table with an `organization_id` (and the tenant root `organizations`) must have
an entry in TENANT_ROW_FACTORIES: tests/db/test_rls_isolation.py fails for a new tenant
table without one, so no table escapes the isolation tests.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta

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


async def create_company(
    conn: AsyncConnection, org_id: uuid.UUID, *, name: str = "Acme Corp"
) -> uuid.UUID:
    company_id = uuid.uuid4()
    await conn.execute(
        text("INSERT INTO companies (id, organization_id, name) VALUES (:id, :org, :name)"),
        {"id": company_id, "org": org_id, "name": name},
    )
    return company_id


async def create_asset(
    conn: AsyncConnection,
    org_id: uuid.UUID,
    *,
    appno: str | None = "99999999",
    grant: str | None = None,
) -> uuid.UUID:
    asset_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO assets (id, organization_id, appno_doc_num, grant_doc_num)"
            " VALUES (:id, :org, :appno, :grant)"
        ),
        {"id": asset_id, "org": org_id, "appno": appno, "grant": grant},
    )
    return asset_id


async def _company_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await create_company(conn, org_id)


async def _asset_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await create_asset(conn, org_id)


async def create_user_token(
    conn: AsyncConnection,
    org_id: uuid.UUID,
    user_id: uuid.UUID,
    *,
    purpose: str = "password_reset",
    token_hash: str | None = None,
) -> uuid.UUID:
    token_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO user_tokens (id, organization_id, user_id, purpose, token_hash,"
            " expires_at) VALUES (:id, :org, :user, :purpose, :hash, now() + interval '1 hour')"
        ),
        {
            "id": token_id,
            "org": org_id,
            "user": user_id,
            "purpose": purpose,
            "hash": token_hash or uuid.uuid4().hex * 2,
        },
    )
    return token_id


async def _some_user(conn: AsyncConnection, org_id: uuid.UUID) -> uuid.UUID:
    # Reuse the org's user when one is visible, so tables keep one user per org.
    found = (
        await conn.execute(
            text("SELECT id FROM users WHERE organization_id = :org LIMIT 1"), {"org": org_id}
        )
    ).scalar()
    return found or await create_user(conn, org_id)


async def _user_token_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await create_user_token(conn, org_id, await _some_user(conn, org_id))


async def _backup_code_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    user_id = await _some_user(conn, org_id)
    await conn.execute(
        text(
            "INSERT INTO mfa_backup_codes (organization_id, user_id, code_hash)"
            " VALUES (:org, :user, :hash)"
        ),
        {"org": org_id, "user": user_id, "hash": uuid.uuid4().hex * 2},
    )


async def _classification_override_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    # BR-011 org-level override (issue 6): keyed (organization_id, rf_id).
    await conn.execute(
        text(
            "INSERT INTO org_classification_overrides (organization_id, rf_id,"
            " conveyance_type, employer_assign) VALUES (:org, :rf, 'assignment', false)"
        ),
        {"org": org_id, "rf": f"OV{uuid.uuid4().hex[:10]}"},
    )


async def _pipeline_scope_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    # Issue 6: pending scope of the org's next pipeline run (one row per org).
    await conn.execute(
        text(
            "INSERT INTO org_pipeline_scopes (organization_id, rf_ids) VALUES (:org, :rfs)"
            " ON CONFLICT (organization_id) DO NOTHING"
        ),
        {"org": org_id, "rfs": ["000001-0001"]},
    )


async def create_share_link(
    conn: AsyncConnection,
    org_id: uuid.UUID,
    asset_ids: list[uuid.UUID] | None = None,
    *,
    expires_in: timedelta = timedelta(days=30),
    max_uses: int | None = None,
) -> uuid.UUID:
    """Issue 7 (api.md §2.7): a live link to `asset_ids` (one new asset when omitted)."""
    link_id = uuid.uuid4()
    await conn.execute(
        text(
            "INSERT INTO share_links (id, organization_id, name, code, expires_at, max_uses)"
            " VALUES (:id, :org, 'Factory link', :code, now() + :ttl, :max)"
        ),
        {
            "id": link_id,
            "org": org_id,
            "code": "f" + uuid.uuid4().hex[:23],
            "ttl": expires_in,
            "max": max_uses,
        },
    )
    for asset_id in asset_ids if asset_ids is not None else [await create_asset(conn, org_id)]:
        await conn.execute(
            text(
                "INSERT INTO share_link_assets (share_link_id, asset_id, organization_id)"
                " VALUES (:link, :asset, :org)"
            ),
            {"link": link_id, "asset": asset_id, "org": org_id},
        )
    return link_id


async def _share_link_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await create_share_link(conn, org_id)


async def _share_access_log_row(conn: AsyncConnection, org_id: uuid.UUID) -> None:
    await conn.execute(
        text(
            "INSERT INTO share_access_logs (organization_id, share_link_id, ip_address, outcome)"
            " VALUES (:org, :link, '192.0.2.1', 'ok')"
        ),
        {"org": org_id, "link": await create_share_link(conn, org_id)},
    )


RowFactory = Callable[[AsyncConnection, uuid.UUID], Awaitable[None]]

# table -> (tenant key column, factory inserting one row that belongs to the given org).
# For `organizations` the factory creates the org itself (its id is the tenant key).
TENANT_ROW_FACTORIES: dict[str, tuple[str, RowFactory]] = {
    "organizations": ("id", _org_row),
    "users": ("organization_id", _user_row),
    "audit_log": ("organization_id", _audit_row),
    "user_tokens": ("organization_id", _user_token_row),
    "mfa_backup_codes": ("organization_id", _backup_code_row),
    "companies": ("organization_id", _company_row),
    "assets": ("organization_id", _asset_row),
    # Issue 7: the asset list's read model; its triggers add a row with every asset.
    "asset_listing": ("organization_id", _asset_row),
    # Issue 7: share links (share_link_assets rows come with every link).
    "share_links": ("organization_id", _share_link_row),
    "share_link_assets": ("organization_id", _share_link_row),
    "share_access_logs": ("organization_id", _share_access_log_row),
    "org_classification_overrides": ("organization_id", _classification_override_row),
    "org_pipeline_scopes": ("organization_id", _pipeline_scope_row),
}

# The pipeline's tenant tables (issue 6); imported last because they reuse the helpers above.
from tests.pipeline_factories import PIPELINE_ROW_FACTORIES  # noqa: E402

TENANT_ROW_FACTORIES.update(PIPELINE_ROW_FACTORIES)

# Outgoing alerts (issue 7 webhooks, migration 0008).
from tests.alert_factories import ALERT_ROW_FACTORIES  # noqa: E402

TENANT_ROW_FACTORIES.update(ALERT_ROW_FACTORIES)
