"""User and organization administration (api.md §3.4, §3.5)."""

from __future__ import annotations

import pytest

from tests.api.auth_support import account, login, seed_user, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")


async def test_last_admin_cannot_be_demoted_or_deactivated(app, admin_engine) -> None:
    admin = await account(admin_engine, "org_admin")
    base = f"/api/v1/organizations/{admin.org_id}/users/{admin.user_id}"
    async with client_for(app) as c:
        await sign_in(app, c, admin)
        demote = await c.patch(base, json={"role": "org_member"})
        assert demote.status_code == 409
        assert demote.json()["error"]["details"]["reason"] == "last_admin"
        assert (await c.delete(base)).json()["error"]["details"]["reason"] == "last_admin"


async def test_role_change_revokes_sessions_and_is_audited(app, admin_engine) -> None:
    admin = await account(admin_engine, "org_admin")
    member = await seed_user(admin_engine, admin.org_id)
    async with client_for(app) as target, client_for(app) as c:
        await sign_in(app, target, member)
        await sign_in(app, c, admin)
        r = await c.patch(
            f"/api/v1/organizations/{admin.org_id}/users/{member.user_id}",
            json={"role": "org_admin"},
        )
        assert r.status_code == 200 and r.json()["role"] == "org_admin"
        assert (await target.get("/api/v1/me")).status_code == 401
        log = (await c.get(f"/api/v1/organizations/{admin.org_id}/audit-log")).json()["data"]
    change = next(e for e in log if e["action"] == "user.role_changed")
    assert change["details"] == {"before": {"role": "org_member"}, "after": {"role": "org_admin"}}
    assert change["actorUserId"] == str(admin.user_id)


async def test_super_admin_creates_and_suspends_an_org(app, admin_engine, mailbox) -> None:
    sa = await account(admin_engine, "super_admin")
    async with client_for(app) as c:
        await sign_in(app, c, sa)
        created = await c.post(
            "/api/v1/admin/organizations",
            json={"name": "Globex", "adminEmail": "boss@globex.example", "adminName": "Hank"},
        )
        assert created.status_code == 201
        org_id = created.json()["id"]
        listed = (await c.get("/api/v1/admin/organizations?search=globex")).json()
        assert [o["id"] for o in listed["data"]] == [org_id]
        detail = (await c.get(f"/api/v1/admin/organizations/{org_id}")).json()
        assert detail["users"][0]["status"] == "invited"
    await mailbox.wait_for("boss@globex.example")

    member = await account(admin_engine, "org_member")
    async with client_for(app) as victim, client_for(app) as c:
        await sign_in(app, victim, member)
        await sign_in(app, c, sa)
        suspended = await c.patch(
            f"/api/v1/admin/organizations/{member.org_id}", json={"status": "suspended"}
        )
        assert suspended.json()["status"] == "suspended"
        assert (await victim.get("/api/v1/me")).status_code == 401
        refused = await login(victim, member.email)
        assert refused.json()["error"]["details"]["reason"] == "org_inactive"
        log = (await c.get(f"/api/v1/admin/audit-log?organizationId={member.org_id}")).json()
    assert "organization.status_changed" in {e["action"] for e in log["data"]}


async def test_audit_log_never_holds_secrets(app, admin_engine) -> None:
    who = await account(admin_engine, "org_admin")
    async with client_for(app) as c:
        await login(c, who.email, "Wrong-Password-Secret-9")
        assert (await login(c, who.email)).status_code == 200
        log = (await c.get(f"/api/v1/organizations/{who.org_id}/audit-log")).text
    assert "auth.login" in log and "auth.login_failed" in log
    assert "Wrong-Password-Secret-9" not in log and "Correct-Horse-42" not in log
