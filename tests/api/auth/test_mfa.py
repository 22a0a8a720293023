"""TOTP MFA (D13, RFC 6238): enrolment, login step, replay, backup codes, org requirement."""

from __future__ import annotations

import pytest

from domain.auth import totp
from tests.api.auth_support import PASSWORD, account, login, seed_org, seed_user, sign_in, use_csrf
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")


async def _enrol(app, client, who) -> tuple[str, list[str]]:
    await sign_in(app, client, who)
    setup = (await client.post("/api/v1/auth/mfa/setup")).json()
    assert setup["qrCodeUrl"].startswith("otpauth://totp/")
    step = totp.current_step()
    wrong = await client.post(
        "/api/v1/auth/mfa/confirm",
        json={"code": "000000" if totp.code_at(setup["secret"], step) != "000000" else "111111"},
    )
    assert wrong.status_code == 400 and wrong.json()["error"]["details"]["reason"] == "mfa_invalid"
    ok = await client.post(
        "/api/v1/auth/mfa/confirm", json={"code": totp.code_at(setup["secret"], step)}
    )
    assert ok.status_code == 200 and ok.json() == {"mfaEnabled": True}
    return setup["secret"], setup["backupCodes"]


async def test_mfa_login_wrong_replayed_and_backup_codes(app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        secret, backups = await _enrol(app, c, who)
    async with client_for(app) as c:
        first = (await login(c, who.email)).json()
        assert first["mfaRequired"] is True and "access_token" not in c.cookies
        bad = await c.post(
            "/api/v1/auth/mfa/verify", json={"mfaToken": first["mfaToken"], "code": "12345x"}
        )
        assert bad.status_code == 401
        # The enrolment consumed this step's code; a next-step code is fresh.
        code = totp.code_at(secret, totp.current_step() + 1)
        good = await c.post(
            "/api/v1/auth/mfa/verify", json={"mfaToken": first["mfaToken"], "code": code}
        )
        assert good.status_code == 200, good.text
        assert (await c.get("/api/v1/me")).status_code == 200
    async with client_for(app) as c:
        again = (await login(c, who.email)).json()
        replay = await c.post(
            "/api/v1/auth/mfa/verify", json={"mfaToken": again["mfaToken"], "code": code}
        )
        assert replay.status_code == 401
        assert replay.json()["error"]["details"]["reason"] == "mfa_invalid"
        backup = await c.post(
            "/api/v1/auth/mfa/verify",
            json={"mfaToken": again["mfaToken"], "code": backups[0], "isBackupCode": True},
        )
        assert backup.status_code == 200
    async with client_for(app) as c:
        third = (await login(c, who.email)).json()
        reused = await c.post(
            "/api/v1/auth/mfa/verify",
            json={"mfaToken": third["mfaToken"], "code": backups[0], "isBackupCode": True},
        )
        assert reused.status_code == 401  # backup codes are single use


async def test_five_bad_codes_burn_the_mfa_token(app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        secret, _ = await _enrol(app, c, who)
    async with client_for(app) as c:
        token = (await login(c, who.email)).json()["mfaToken"]
    for _ in range(5):
        async with client_for(app) as c:
            r = await c.post("/api/v1/auth/mfa/verify", json={"mfaToken": token, "code": "99999x"})
            assert r.status_code == 401
    async with client_for(app) as c:
        code = totp.code_at(secret, totp.current_step() - 1)
        burnt = await c.post("/api/v1/auth/mfa/verify", json={"mfaToken": token, "code": code})
    assert burnt.status_code == 401


async def test_org_requirement_confines_unenrolled_sessions(app, admin_engine) -> None:
    org = await seed_org(admin_engine, mfa_required=True)
    member = await seed_user(admin_engine, org)
    admin = await seed_user(admin_engine, org, role="org_admin")
    async with client_for(app) as c:
        assert (await login(c, admin.email)).status_code == 200
        me = (await c.get("/api/v1/me")).json()
        assert me["mfaEnrollmentRequired"] is True
        blocked = await c.get(f"/api/v1/organizations/{org}/users")
        assert blocked.status_code == 403
        assert blocked.json()["error"]["details"]["reason"] == "mfa_enrollment_required"
        setup = (await c.post("/api/v1/auth/mfa/setup")).json()
        confirm = await c.post(
            "/api/v1/auth/mfa/confirm",
            json={"code": totp.code_at(setup["secret"], totp.current_step())},
        )
        assert confirm.status_code == 200
        use_csrf(c)
        assert (await c.get(f"/api/v1/organizations/{org}/users")).status_code == 200
        mandatory = await c.post(
            "/api/v1/auth/mfa/disable",
            json={
                "password": PASSWORD,
                "code": totp.code_at(setup["secret"], totp.current_step() + 1),
            },
        )
        assert mandatory.json()["error"]["details"]["reason"] == "mfa_mandatory"
    async with client_for(app) as c:
        await sign_in(app, c, member, mfa=False)
        assert (await c.get(f"/api/v1/organizations/{org}")).status_code == 403


async def test_super_admins_must_enrol_outside_development(app, admin_engine) -> None:
    sa = await account(admin_engine, "super_admin")
    async with client_for(app) as c:
        assert (await login(c, sa.email)).status_code == 200  # settings: environment=test
        r = await c.get("/api/v1/admin/organizations")
        assert r.json()["error"]["details"]["reason"] == "mfa_enrollment_required"


async def test_disable_needs_password_and_code(app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        secret, _ = await _enrol(app, c, who)
        use_csrf(c)
        code = totp.code_at(secret, totp.current_step() + 1)
        wrong_pw = await c.post(
            "/api/v1/auth/mfa/disable", json={"password": "Nope-Nope-123", "code": code}
        )
        assert wrong_pw.status_code == 400
        ok = await c.post("/api/v1/auth/mfa/disable", json={"password": PASSWORD, "code": code})
        assert ok.status_code == 200 and ok.json() == {"mfaEnabled": False}
