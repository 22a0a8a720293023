"""RBAC from the app's own routes (D5): new routes are covered without touching this file."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.routing import APIRoute

from api.auth.principal import ROLE_RANK, route_policy
from tests.api.auth_support import account, seed_org, seed_user, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")


def _min_role(route: APIRoute) -> str | None:
    roles = []
    stack = list(route.dependant.dependencies)
    while stack:
        dep = stack.pop()
        if getattr(dep.call, "min_role", None):
            roles.append(dep.call.min_role)
        stack.extend(dep.dependencies)
    return max(roles, key=ROLE_RANK.__getitem__) if roles else None


def _api_routes(app) -> list[tuple[str, APIRoute]]:
    """(full path, route) of every API route, including those of included routers."""
    found: list[tuple[str, APIRoute]] = []
    for route in app.routes:
        if isinstance(route, APIRoute):
            found.append((route.path, route))
        # FastAPI ≥0.16x keeps included routers lazily; walk their effective routes.
        for ctx in getattr(route, "effective_route_contexts", lambda: [])():
            if isinstance(ctx.original_route, APIRoute):
                found.append((ctx.path, ctx.original_route))
    return [(path, r) for path, r in found if path.startswith("/api/v1")]


def _url(path: str, org_id: uuid.UUID) -> str:
    return re.sub(
        r"\{(\w+)\}", lambda m: str(org_id) if m.group(1) == "org_id" else str(uuid.uuid4()), path
    )


async def test_every_non_public_route_requires_a_session(app) -> None:
    routes = [(p, r) for p, r in _api_routes(app) if route_policy(r.endpoint) != "public"]
    assert len(routes) > 10
    for path, route in routes:
        for method in route.methods:
            async with client_for(app) as c:
                r = await c.request(method, _url(path, uuid.uuid4()), json={})
            assert r.status_code == 401, f"{method} {path} answered {r.status_code}"


async def test_every_route_refuses_every_lower_role(app, admin_engine) -> None:
    org = await seed_org(admin_engine)
    members = {
        "org_member": await seed_user(admin_engine, org, role="org_member"),
        "org_admin": await seed_user(admin_engine, org, role="org_admin"),
    }
    checked = 0
    for path, route in _api_routes(app):
        needed = _min_role(route)
        if needed is None:
            continue
        for role, who in members.items():
            if ROLE_RANK[role] >= ROLE_RANK[needed]:
                continue
            for method in route.methods:
                async with client_for(app) as c:
                    await sign_in(app, c, who)
                    r = await c.request(method, _url(path, org), json={})
                assert r.status_code == 403, f"{role} {method} {path}: {r.status_code}"
                checked += 1
    assert checked >= 10  # admin-only and super-admin-only routes exist and were attacked


async def test_cross_tenant_ids_are_404_never_403(app, admin_engine) -> None:
    a_admin = await account(admin_engine, "org_admin")
    b_admin = await account(admin_engine, "org_admin")
    b_member = await seed_user(admin_engine, b_admin.org_id)
    base_b = f"/api/v1/organizations/{b_admin.org_id}"
    async with client_for(app) as c:
        await sign_in(app, c, a_admin)
        for method, url in [
            ("GET", base_b),
            ("PATCH", base_b),
            ("GET", f"{base_b}/users"),
            ("GET", f"{base_b}/audit-log"),
            ("PATCH", f"{base_b}/users/{b_member.user_id}"),
            ("DELETE", f"{base_b}/users/{b_member.user_id}"),
            ("POST", f"{base_b}/users/{b_member.user_id}/unlock"),
            # B's user named under A's own org: still not found.
            ("PATCH", f"/api/v1/organizations/{a_admin.org_id}/users/{b_member.user_id}"),
            ("DELETE", f"/api/v1/organizations/{a_admin.org_id}/users/{b_member.user_id}"),
        ]:
            body = {"role": "org_admin"} if method == "PATCH" else None
            r = await c.request(method, url, json=body)
            assert r.status_code == 404, f"{method} {url}: {r.status_code}"


async def test_super_admin_acting_org_is_audited(app, admin_engine) -> None:
    sa = await account(admin_engine, "super_admin")
    target = await account(admin_engine, "org_admin")
    async with client_for(app) as c:
        await sign_in(app, c, sa)
        r = await c.get(f"/api/v1/organizations/{target.org_id}/users")
        assert r.status_code == 200 and len(r.json()["data"]) == 1
        acting = await c.get("/api/v1/me", headers={"X-Acting-Org-Id": str(target.org_id)})
        assert acting.status_code == 200
        bogus = await c.get("/api/v1/me", headers={"X-Acting-Org-Id": str(uuid.uuid4())})
        assert bogus.status_code == 404
        log = (await c.get(f"/api/v1/admin/audit-log?organizationId={target.org_id}")).json()
    actions = {e["action"] for e in log["data"]}
    assert {"super_admin.org_access", "super_admin.acting_org"} <= actions
    assert all(e["requestId"] and e["ipAddress"] for e in log["data"])
