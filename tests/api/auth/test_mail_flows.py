"""Register → verify, forgot → reset, invite → accept: real SMTP, links work exactly once."""

from __future__ import annotations

import pytest

from tests.api.auth_support import PASSWORD, account, link_token, login, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")
NEW_PASSWORD = "Brand-New-Secret-7"


async def test_register_verify_link_works_once(app, mailbox) -> None:
    email = "founder@newco.example"
    async with client_for(app) as c:
        weak = await c.post(
            "/api/v1/auth/register", json={"email": email, "password": "short", "name": "Ada"}
        )
        assert weak.status_code == 400
        errors = weak.json()["error"]["details"]
        assert errors["reason"] == "password_policy"
        assert len(errors["fieldErrors"]["password"]) == 3  # length, upper-case, digit
        created = await c.post(
            "/api/v1/auth/register",
            json={
                "email": email,
                "password": PASSWORD,
                "name": "Ada Lovelace",
                "organizationName": "NewCo",
            },
        )
        assert created.status_code == 201
        unverified = await login(c, email)
        assert unverified.json()["error"]["details"]["reason"] == "email_unverified"
    (mail,) = await mailbox.wait_for(email)
    token = link_token(mail, "verify-email")
    async with client_for(app) as c:
        assert (await c.post("/api/v1/auth/verify-email", json={"token": token})).status_code == 200
        assert (await c.post("/api/v1/auth/verify-email", json={"token": token})).status_code == 400
        assert (await login(c, email)).status_code == 200
        me = (await c.get("/api/v1/me")).json()
        assert me["role"] == "org_admin" and me["organization"]["status"] == "trial"
    async with client_for(app) as c:  # the same e-mail again: same answer, a notice mail
        again = await c.post(
            "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": "Mallory"}
        )
        assert again.status_code == 201 and again.json() == created.json()
    notice = (await mailbox.wait_for(email, 2))[1]
    assert "already has one" in notice.get_payload(decode=True).decode()


async def test_forgot_and_reset_link_works_once(app, admin_engine, mailbox) -> None:
    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        old_session = client_for(app)
        await sign_in(app, old_session, who)
        uniform = await c.post("/api/v1/auth/forgot-password", json={"email": who.email})
        unknown = await c.post("/api/v1/auth/forgot-password", json={"email": "x@nowhere.example"})
        assert uniform.json() == unknown.json()
    (mail,) = await mailbox.wait_for(who.email)
    token = link_token(mail, "reset-password")
    async with client_for(app) as c:
        weak = await c.post("/api/v1/auth/reset-password", json={"token": token, "password": "a"})
        assert weak.json()["error"]["code"] == "VALIDATION_ERROR"
        ok = await c.post(
            "/api/v1/auth/reset-password", json={"token": token, "password": NEW_PASSWORD}
        )
        assert ok.status_code == 200
        twice = await c.post(
            "/api/v1/auth/reset-password", json={"token": token, "password": NEW_PASSWORD}
        )
        assert twice.status_code == 400
        assert (await login(c, who.email)).status_code == 401
        assert (await login(c, who.email, NEW_PASSWORD)).status_code == 200
    assert (await old_session.get("/api/v1/me")).status_code == 401  # sessions revoked
    await old_session.aclose()


async def test_invite_accept_signs_in_once(app, admin_engine, mailbox) -> None:
    admin = await account(admin_engine, "org_admin")
    async with client_for(app) as c:
        await sign_in(app, c, admin)
        invited = await c.post(
            f"/api/v1/organizations/{admin.org_id}/users",
            json={"email": "new.hire@example.com", "name": "New Hire"},
        )
        assert invited.status_code == 201
        dup = await c.post(
            f"/api/v1/organizations/{admin.org_id}/users",
            json={"email": "new.hire@example.com", "name": "Again"},
        )
        assert dup.status_code == 409
    (mail,) = await mailbox.wait_for("new.hire@example.com")
    token = link_token(mail, "accept-invite")
    async with client_for(app) as c:
        assert (await login(c, "new.hire@example.com")).status_code == 401  # no password yet
        accepted = await c.post(
            "/api/v1/auth/accept-invite", json={"token": token, "password": NEW_PASSWORD}
        )
        assert accepted.status_code == 200, accepted.text
        me = (await c.get("/api/v1/me")).json()
        assert me["organizationId"] == str(admin.org_id) and me["role"] == "org_member"
        again = await c.post(
            "/api/v1/auth/accept-invite", json={"token": token, "password": NEW_PASSWORD}
        )
        assert again.json()["error"]["details"]["reason"] == "invite_invalid"


async def test_change_password_policy_and_current_password(app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        await sign_in(app, c, who)
        wrong = await c.post(
            "/api/v1/auth/change-password",
            json={"currentPassword": "nope", "newPassword": NEW_PASSWORD},
        )
        assert wrong.json()["error"]["details"]["reason"] == "invalid_credentials"
        weak = await c.post(
            "/api/v1/auth/change-password",
            json={"currentPassword": PASSWORD, "newPassword": who.email},
        )
        assert "newPassword" in weak.json()["error"]["details"]["fieldErrors"]
        ok = await c.post(
            "/api/v1/auth/change-password",
            json={"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD},
        )
        assert ok.status_code == 200
        assert (await c.get("/api/v1/me")).status_code == 200  # this session survives
