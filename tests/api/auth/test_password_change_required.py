"""api.md §2.4 login step 4: a password below today's policy (D12) that still verifies
signs in, but the session reaches only GET /me, change-password, logout and refresh
until the password is changed. Attacks: the gate on every route (enumerated from the
app), across refresh, through the MFA step, and with MFA enrolment also owed."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from api.auth.principal import allows_password_change_pending, route_policy
from api.auth.sessions import SessionStore
from domain.auth import totp
from domain.passwords import hash_password
from tests.api.auth_support import (
    link_token,
    login,
    seed_org,
    seed_user,
    sign_in,
    use_csrf,
)
from tests.api.test_rbac import _api_routes, _url
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")

WEAK = "short1A"  # verifies (hashed directly), but fails D12: under 12 characters
NEW_PASSWORD = "Brand-New-Secret-7"


async def _flag(engine, user_id: uuid.UUID) -> bool:
    async with engine.connect() as conn:
        return bool(
            (
                await conn.execute(
                    text("SELECT password_change_required FROM users WHERE id = :u"),
                    {"u": user_id},
                )
            ).scalar_one()
        )


def _reason(response) -> str | None:
    return response.json().get("error", {}).get("details", {}).get("reason")


async def _weak_user(engine, **org_kwargs):
    org = await seed_org(engine, **org_kwargs)
    return await seed_user(engine, org, password_hash=hash_password(WEAK))


async def test_weak_password_gates_the_session_until_changed(app, admin_engine) -> None:
    who = await _weak_user(admin_engine)
    data_route = f"/api/v1/organizations/{who.org_id}"
    async with client_for(app) as c:
        signed = await login(c, who.email, WEAK)
        assert signed.status_code == 200, signed.text
        assert signed.json()["user"]["passwordChangeRequired"] is True
        assert await _flag(admin_engine, who.user_id)  # persisted, not just in the reply

        for method, url, body in [
            ("GET", data_route, None),
            ("GET", "/api/v1/companies", None),
            ("PATCH", "/api/v1/me", {"name": "Mallory"}),
            ("POST", "/api/v1/auth/mfa/setup", None),  # MFA-pending routes are gated too
        ]:
            r = await c.request(method, url, json=body)
            assert r.status_code == 403, f"{method} {url}: {r.status_code}"
            assert _reason(r) == "password_change_required"

        me = await c.get("/api/v1/me")
        assert me.status_code == 200 and me.json()["passwordChangeRequired"] is True

        # Refreshing does not launder the gate away.
        assert (await c.post("/api/v1/auth/refresh")).status_code == 200
        use_csrf(c)
        assert _reason(await c.get(data_route)) == "password_change_required"

        # A new password must itself pass the policy; the gate stays meanwhile.
        weak_again = await c.post(
            "/api/v1/auth/change-password",
            json={"currentPassword": WEAK, "newPassword": "stillweak1"},
        )
        assert weak_again.status_code == 400
        assert "newPassword" in weak_again.json()["error"]["details"]["fieldErrors"]
        assert _reason(await c.get(data_route)) == "password_change_required"

        changed = await c.post(
            "/api/v1/auth/change-password",
            json={"currentPassword": WEAK, "newPassword": NEW_PASSWORD},
        )
        assert changed.status_code == 200, changed.text
        # Lifted at once for this session, no re-login needed.
        assert (await c.get("/api/v1/me")).json()["passwordChangeRequired"] is False
        assert (await c.get(data_route)).status_code == 200
        assert (await c.patch("/api/v1/me", json={"name": "Ada"})).status_code == 200
    assert not await _flag(admin_engine, who.user_id)

    async with client_for(app) as c:
        again = await login(c, who.email, NEW_PASSWORD)
        assert again.json()["user"]["passwordChangeRequired"] is False
        assert (await c.get(data_route)).status_code == 200


async def test_gated_session_can_log_out_and_flag_survives_relogin(app, admin_engine) -> None:
    who = await _weak_user(admin_engine)
    async with client_for(app) as c:
        await login(c, who.email, WEAK)
        assert (await c.post("/api/v1/auth/logout")).status_code == 200
        assert (await c.get("/api/v1/me")).status_code == 401
    # The flag lives in Postgres: a fresh login (any device) is gated again.
    async with client_for(app) as c:
        assert (await login(c, who.email, WEAK)).json()["user"]["passwordChangeRequired"]
        r = await c.get(f"/api/v1/organizations/{who.org_id}")
        assert r.status_code == 403 and _reason(r) == "password_change_required"


async def test_strong_password_is_not_flagged(app, admin_engine) -> None:
    who = await seed_user(admin_engine, await seed_org(admin_engine))
    async with client_for(app) as c:
        signed = await login(c, who.email)
        assert signed.json()["user"]["passwordChangeRequired"] is False
        assert (await c.get("/api/v1/me")).json()["passwordChangeRequired"] is False
        assert (await c.get(f"/api/v1/organizations/{who.org_id}")).status_code == 200
    assert not await _flag(admin_engine, who.user_id)


async def test_every_other_route_is_gated(app, admin_engine) -> None:
    """Enumerated from the app like the RBAC test, so new routes are covered by default."""
    org = await seed_org(admin_engine)
    who = await seed_user(admin_engine, org, role="org_admin")
    allowed = set()
    checked = 0
    async with client_for(app) as c:
        sid = await sign_in(app, c, who)
        await SessionStore(app.state.redis).set_password_change_required(sid, True)
        for path, route in _api_routes(app):
            if route_policy(route.endpoint) == "public":
                continue
            for method in route.methods:
                if allows_password_change_pending(route.endpoint):
                    allowed.add((method, path))
                    continue
                r = await c.request(method, _url(path, org), json={})
                assert r.status_code == 403, f"{method} {path}: {r.status_code}"
                assert _reason(r) == "password_change_required", f"{method} {path}"
                checked += 1
    assert allowed == {("GET", "/api/v1/me"), ("POST", "/api/v1/auth/change-password")}
    assert checked >= 10


async def test_mfa_verify_carries_the_flag(app, admin_engine) -> None:
    secret = totp.new_secret()
    who = await seed_user(
        admin_engine,
        await seed_org(admin_engine),
        password_hash=hash_password(WEAK),
        mfa_secret=secret,
        settings=app.state.settings,
    )
    async with client_for(app) as c:
        first = (await login(c, who.email, WEAK)).json()
        assert first["mfaRequired"] is True
        verified = await c.post(
            "/api/v1/auth/mfa/verify",
            json={"mfaToken": first["mfaToken"], "code": totp.code_at(secret, totp.current_step())},
        )
        assert verified.status_code == 200, verified.text
        assert verified.json()["user"]["passwordChangeRequired"] is True
        use_csrf(c)
        r = await c.get(f"/api/v1/organizations/{who.org_id}")
        assert r.status_code == 403 and _reason(r) == "password_change_required"


async def test_owing_mfa_enrolment_too_changes_password_first(app, admin_engine) -> None:
    """Both gates at once must not deadlock: change-password, then MFA enrolment."""
    who = await _weak_user(admin_engine, mfa_required=True)
    async with client_for(app) as c:
        assert (await login(c, who.email, WEAK)).status_code == 200
        me = (await c.get("/api/v1/me")).json()
        assert me["passwordChangeRequired"] and me["mfaEnrollmentRequired"]
        setup = await c.post("/api/v1/auth/mfa/setup")
        assert _reason(setup) == "password_change_required"
        changed = await c.post(
            "/api/v1/auth/change-password",
            json={"currentPassword": WEAK, "newPassword": NEW_PASSWORD},
        )
        assert changed.status_code == 200, changed.text
        # Now the MFA gate alone applies.
        data = await c.get(f"/api/v1/organizations/{who.org_id}")
        assert _reason(data) == "mfa_enrollment_required"
        assert (await c.post("/api/v1/auth/change-password", json={})).status_code == 403
        assert (await c.post("/api/v1/auth/mfa/setup")).status_code == 200


async def test_reset_password_clears_the_flag(app, admin_engine, mailbox) -> None:
    who = await _weak_user(admin_engine)
    async with client_for(app) as c:
        await login(c, who.email, WEAK)
        assert await _flag(admin_engine, who.user_id)
        await c.post("/api/v1/auth/forgot-password", json={"email": who.email})
    (mail,) = await mailbox.wait_for(who.email)
    async with client_for(app) as c:
        reset = await c.post(
            "/api/v1/auth/reset-password",
            json={"token": link_token(mail, "reset-password"), "password": NEW_PASSWORD},
        )
        assert reset.status_code == 200
        assert not await _flag(admin_engine, who.user_id)
        signed = await login(c, who.email, NEW_PASSWORD)
        assert signed.json()["user"]["passwordChangeRequired"] is False
        assert (await c.get(f"/api/v1/organizations/{who.org_id}")).status_code == 200
