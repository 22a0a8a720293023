"""The tenant-isolation matrix (issue 7): every API route that takes an id, enumerated from
the app itself, called by an admin of org B with org A's real ids → 404 (never 403 across
tenants, api.md §1.3) and none of A's data in the body. Super-admin-only routes answer an
org admin 403 (role first). New routes are covered without touching this file.

`/shared/{code}/*` is left out on purpose: the share code *is* the capability there
(api.md §2.7, D5), and tests/api/test_shared.py covers who may use it."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.auth.principal import route_policy
from tests.api.auth_support import Account, account, seed_user, sign_in
from tests.api.test_rbac import _api_routes, _min_role
from tests.conftest import client_for
from tests.factories import TENANT_ROW_FACTORIES

pytestmark = pytest.mark.usefixtures("clean_tables")

# Where org A's value of each path parameter comes from (first row of A).
ID_QUERIES = {
    "asset_id": "SELECT id FROM assets WHERE organization_id = :o",
    "company_id": "SELECT id FROM companies WHERE organization_id = :o",
    "tree_id": "SELECT id FROM ownership_tree_nodes WHERE organization_id = :o",
    "user_id": "SELECT id FROM users WHERE organization_id = :o",
    "share_id": "SELECT id FROM share_links WHERE organization_id = :o",
    "webhook_id": "SELECT webhook_id FROM webhook_deliveries WHERE organization_id = :o",
    "delivery_id": "SELECT id FROM webhook_deliveries WHERE organization_id = :o",
    "job_id": "SELECT id FROM processing_jobs WHERE organization_id = :o",
}
# Valid bodies, so a write reaches its tenant check instead of stopping at validation.
BODIES: dict[str, dict[str, Any]] = {
    "users_invite": {"email": "matrix@example.com", "name": "Matrix", "role": "org_member"},
    "users_update": {"role": "org_member"},
    "org_companies_create": {"name": "Matrix Company"},
    "organizations_update": {"name": "Matrix Renamed"},
    "shares_update": {"name": "Matrix share"},
    "webhooks_update": {"description": "matrix"},
}
# Owner-side sanity: these must answer A's own admin 200 with A's ids (ids are real).
OWNER_OK = {"assets_get", "organizations_get", "users_list", "shares_get", "webhooks_get"}


async def _seed_org_a(engine: AsyncEngine) -> uuid.UUID:
    """Org A with a row in every tenant table (the RLS suite's factories), committed."""
    org = uuid.uuid4()
    async with engine.begin() as conn:
        await TENANT_ROW_FACTORIES["organizations"][1](conn, org)
        for table, (_, factory) in TENANT_ROW_FACTORIES.items():
            if table != "organizations":
                await factory(conn, org)
    return org


async def _ids_of(engine: AsyncEngine, org: uuid.UUID) -> dict[str, str]:
    ids = {"org_id": str(org)}
    async with engine.connect() as conn:
        for name, sql in ID_QUERIES.items():
            found = (await conn.execute(text(sql + " LIMIT 1"), {"o": org})).scalar()
            if found is not None:
                ids[name] = str(found)
    return ids


async def _secrets_of(engine: AsyncEngine, org: uuid.UUID) -> set[str]:
    """Strings only org A's data contains: names, e-mails, numbers, every row id."""
    found: set[str] = set()
    async with engine.connect() as conn:
        for sql in (
            "SELECT name FROM organizations WHERE id = :o",
            "SELECT slug FROM organizations WHERE id = :o",
            "SELECT name FROM companies WHERE organization_id = :o",
            "SELECT email FROM users WHERE organization_id = :o",
            "SELECT appno_doc_num FROM assets WHERE organization_id = :o",
            *(sql for sql in ID_QUERIES.values()),
        ):
            found |= {str(v) for v in (await conn.execute(text(sql), {"o": org})).scalars() if v}
    return {s for s in found if len(s) >= 6}


def _id_routes(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    routes = [
        (method, path, route)
        for path, route in _api_routes(app)
        if "{" in path and route_policy(route.endpoint) != "public"
        for method in sorted(route.methods or ())
    ]
    assert len(routes) >= 20, routes
    return routes


async def _client(app: FastAPI, who: Account) -> httpx.AsyncClient:
    c = client_for(app)
    await sign_in(app, c, who)
    return c


def _url(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids.get(m.group(1), str(uuid.uuid4())), path)


async def test_every_id_route_hides_another_tenants_data(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    org_a = await _seed_org_a(admin_engine)
    owner = await seed_user(admin_engine, org_a, role="org_admin")
    ids = await _ids_of(admin_engine, org_a)
    async with await _client(app, owner) as c:
        # entity ids are computed (grouped names), so ask A's own API for one.
        r = await c.get(f"/api/v1/organizations/{org_a}/entities")
        if r.status_code == 200 and r.json()["data"]:
            ids["entity_id"] = r.json()["data"][0]["id"]
    secrets = await _secrets_of(admin_engine, org_a) | set(ids.values())
    stranger = await account(admin_engine, "org_admin")  # org B
    routes = _id_routes(app)

    # Every id kind is a real row of A (an unknown id would make the matrix vacuous).
    assert {*ID_QUERIES, "entity_id"} <= set(ids), ids
    checked = 0
    async with await _client(app, stranger) as c:
        for method, path, route in routes:
            url = _url(path, ids)
            body = BODIES.get(route.operation_id or "")
            r = await c.request(method, url, json=body if method != "GET" else None)
            where = f"{method} {path} ({route.operation_id}): {r.status_code} {r.text[:200]}"
            if _min_role(route) == "super_admin":
                assert r.status_code in (403, 404), where
            else:
                assert r.status_code == 404, where
                assert r.json()["error"]["code"] == "NOT_FOUND", where
            assert "data" not in r.json(), where
            leaked = [s for s in secrets if s in r.text]
            assert not leaked, f"{where}: leaked {leaked}"
            checked += 1
    assert checked == len(routes)

    # The ids are real: A's own admin reaches its data through the same routes.
    ok: set[str] = set()
    async with await _client(app, owner) as c:
        for method, path, route in routes:
            if method == "GET" and route.operation_id in OWNER_OK:
                r = await c.get(_url(path, ids))
                if r.status_code == 200:
                    ok.add(route.operation_id)
    present = OWNER_OK & {r.operation_id for _, _, r in routes}
    assert ok == present, f"owner could not read {present - ok}"
