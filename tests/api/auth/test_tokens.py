"""Attacks on the access JWT and the refresh family (api.md §2.2-2.4, D14)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI

from api.app import create_app
from api.auth.tokens import issue_access_token
from patentrack.settings import Settings
from tests.api.auth_support import JAR_DOMAIN, account, login, sign_in, use_csrf
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")
ME = "/api/v1/me"


def _b64(data: dict | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _claims(who, sid: str, **overrides: object) -> dict:
    now = int(time.time())
    claims = {
        "sub": str(who.user_id),
        "org_id": str(who.org_id),
        "role": who.role,
        "sid": sid,
        "mfa": True,
        "typ": "access",
        "iss": "patentrack",
        "aud": "patentrack-api",
        "iat": now,
        "exp": now + 900,
        "jti": "x" * 32,
    }
    claims.update(overrides)
    return claims


def _set_access(client: httpx.AsyncClient, token: str) -> None:
    client.cookies.set("access_token", token, domain=JAR_DOMAIN, path="/api/v1")


async def _reason(client: httpx.AsyncClient) -> str:
    response = await client.get(ME)
    assert response.status_code == 401, response.text
    return response.json()["error"]["details"]["reason"]


async def test_valid_session_reaches_me(client, app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    await sign_in(app, client, who)
    body = (await client.get(ME)).json()
    assert body["id"] == str(who.user_id) and body["role"] == "org_member"


async def test_missing_cookie_is_401(client) -> None:
    assert await _reason(client) == "token_invalid"


async def test_alg_none_is_refused(client, app, admin_engine) -> None:
    who = await account(admin_engine, "org_admin")
    sid = await sign_in(app, client, who)
    forged = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(who, sid, role='super_admin'))}."
    _set_access(client, forged)
    assert await _reason(client) == "token_invalid"


async def test_tampered_payload_is_refused(client, app, admin_engine, settings) -> None:
    who = await account(admin_engine, "org_member")
    sid = await sign_in(app, client, who)
    token, _ = issue_access_token(
        settings, user_id=who.user_id, org_id=who.org_id, role="org_member", sid=sid, mfa=True
    )
    header, _, signature = token.split(".")
    escalated = _b64(_claims(who, sid, role="super_admin"))
    _set_access(client, f"{header}.{escalated}.{signature}")
    assert await _reason(client) == "token_invalid"


@pytest.mark.parametrize(
    "override", [{"aud": "patentrack-share"}, {"iss": "someone-else"}, {"typ": "share"}]
)
async def test_wrong_audience_issuer_or_type_is_refused(
    client, app, admin_engine, settings, override
) -> None:
    who = await account(admin_engine, "org_member")
    sid = await sign_in(app, client, who)
    forged = jwt.encode(_claims(who, sid, **override), settings.jwt_secret_value(), "HS256")
    _set_access(client, forged)
    assert await _reason(client) == "token_invalid"


async def test_expired_token_says_token_expired(client, app, admin_engine, settings) -> None:
    who = await account(admin_engine, "org_member")
    sid = await sign_in(app, client, who)
    past = int(time.time()) - 3600
    token, _ = issue_access_token(
        settings, user_id=who.user_id, org_id=who.org_id, role=who.role, sid=sid, mfa=True, now=past
    )
    _set_access(client, token)
    assert await _reason(client) == "token_expired"


async def test_wrong_secret_is_refused(client, app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    sid = await sign_in(app, client, who)
    _set_access(client, jwt.encode(_claims(who, sid), "another-secret-" * 4, "HS256"))
    assert await _reason(client) == "token_invalid"


@pytest.fixture
async def rs_app(settings: Settings, redis) -> FastAPI:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    rs_settings = settings.model_copy(update={"jwt_private_key": private, "jwt_public_key": public})
    from pydantic import SecretStr

    rs_settings = rs_settings.model_copy(update={"jwt_private_key": SecretStr(private)})
    application = create_app(rs_settings)
    async with application.router.lifespan_context(application):
        yield application


async def test_rs256_deployment_refuses_hs256_signed_with_the_public_key(
    rs_app, admin_engine
) -> None:
    settings = rs_app.state.settings
    assert settings.jwt_algorithm == "RS256"
    who = await account(admin_engine, "org_member")
    async with client_for(rs_app) as client:
        sid = await sign_in(rs_app, client, who)
        assert (await client.get(ME)).status_code == 200  # the genuine RS256 token works
        # The classic confusion: HMAC-sign with the (public!) verification key.
        header = _b64({"alg": "HS256", "typ": "JWT"})
        payload = _b64(_claims(who, sid, role="super_admin"))
        mac = hmac.new(
            settings.jwt_public_key.encode(), f"{header}.{payload}".encode(), hashlib.sha256
        ).digest()
        _set_access(client, f"{header}.{payload}.{_b64(mac)}")
        assert await _reason(client) == "token_invalid"
        # ...and an HS256 token made with the shared secret is no good either.
        _set_access(client, jwt.encode(_claims(who, sid), settings.jwt_secret_value(), "HS256"))
        assert await _reason(client) == "token_invalid"


async def test_logout_really_revokes_the_access_token(client, app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    await sign_in(app, client, who)
    stolen = client.cookies.get("access_token", domain=JAR_DOMAIN)
    logout = await client.post("/api/v1/auth/logout")
    assert logout.status_code == 200 and logout.json() == {"success": True}
    assert 'access_token=""' in logout.headers.get(
        "set-cookie", ""
    ) or "Max-Age=0" in logout.headers.get("set-cookie", "")
    _set_access(client, stolen)  # the old cookie, replayed
    assert await _reason(client) == "token_invalid"


async def test_deactivated_users_token_is_dead(client, app, admin_engine) -> None:
    admin = await account(admin_engine, "org_admin")
    from tests.api.auth_support import seed_user

    member = await seed_user(admin_engine, admin.org_id)
    async with client_for(app) as victim:
        await sign_in(app, victim, member)
        assert (await victim.get(ME)).status_code == 200
        await sign_in(app, client, admin)
        gone = await client.delete(f"/api/v1/organizations/{admin.org_id}/users/{member.user_id}")
        assert gone.status_code == 200
        assert await _reason(victim) == "token_invalid"
        refreshed = await victim.post("/api/v1/auth/refresh")
        assert refreshed.status_code == 401


async def test_refresh_rotates_and_reuse_revokes_the_family(client, app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    await sign_in(app, client, who)
    first_refresh = client.cookies.get("refresh_token", domain=JAR_DOMAIN)
    rotated = await client.post("/api/v1/auth/refresh")
    assert rotated.status_code == 200, rotated.text
    use_csrf(client)
    second_refresh = client.cookies.get("refresh_token", domain=JAR_DOMAIN)
    assert second_refresh != first_refresh
    assert (await client.get(ME)).status_code == 200

    # A thief replays the old token after the race window: the family dies.
    redis = app.state.redis
    from domain.auth.secrets import token_hash

    key = f"auth:refresh_used:{token_hash(first_refresh)}"
    tomb = json.loads(await redis.get(key))
    tomb["rotatedAt"] = str(int(tomb["rotatedAt"]) - 60_000)
    await redis.set(key, json.dumps(tomb), keepttl=True)
    async with client_for(app) as thief:
        thief.cookies.set("refresh_token", first_refresh, domain=JAR_DOMAIN, path="/api/v1/auth")
        reused = await thief.post("/api/v1/auth/refresh")
    assert reused.status_code == 401
    assert reused.json()["error"]["details"]["reason"] == "refresh_reused"
    # ...including the legitimate holder's newer token and its access token.
    assert await _reason(client) == "token_invalid"
    again = await client.post("/api/v1/auth/refresh")
    assert again.status_code == 401


async def test_concurrent_double_refresh_is_a_race_not_theft(client, app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    await sign_in(app, client, who)
    cookies = {c.name: c.value for c in client.cookies.jar}
    csrf_header = client.headers["X-CSRF-Token"]

    async def tab() -> httpx.Response:
        async with client_for(app) as other:
            for name, value in cookies.items():
                path = {"access_token": "/api/v1", "refresh_token": "/api/v1/auth"}.get(name, "/")
                other.cookies.set(name, value, domain=JAR_DOMAIN, path=path)
            return await other.post("/api/v1/auth/refresh", headers={"X-CSRF-Token": csrf_header})

    results = await asyncio.gather(tab(), tab())
    statuses = sorted(r.status_code for r in results)
    assert statuses == [200, 401]
    loser = next(r for r in results if r.status_code == 401)
    assert loser.json()["error"]["details"]["reason"] == "refresh_race"
    winner = next(r for r in results if r.status_code == 200)
    # No revocation: the winner's new refresh token still works.
    async with client_for(app) as c:
        c.cookies.set(
            "refresh_token", winner.cookies["refresh_token"], domain=JAR_DOMAIN, path="/api/v1/auth"
        )
        c.cookies.set("csrf_token", winner.cookies["csrf_token"], domain=JAR_DOMAIN, path="/")
        use_csrf(c)
        assert (await c.post("/api/v1/auth/refresh")).status_code == 200


async def test_csrf_missing_or_mismatched_is_403(client, app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    await sign_in(app, client, who)
    url = "/api/v1/auth/change-password"
    body = {"currentPassword": "x", "newPassword": "y"}
    del client.headers["X-CSRF-Token"]
    missing = await client.post(url, json=body)
    assert missing.status_code == 403
    assert missing.json()["error"]["details"]["reason"] == "csrf_failed"
    mismatched = await client.post(url, json=body, headers={"X-CSRF-Token": "abc.def"})
    assert mismatched.json()["error"]["details"]["reason"] == "csrf_failed"
    # Planting a matching pair that was not minted for this session fails too.
    client.cookies.set("csrf_token", "nonce.forged", domain=JAR_DOMAIN, path="/")
    planted = await client.post(url, json=body, headers={"X-CSRF-Token": "nonce.forged"})
    assert planted.json()["error"]["details"]["reason"] == "csrf_failed"
    refresh = await client.post("/api/v1/auth/refresh", headers={"X-CSRF-Token": "nonce.forged"})
    assert refresh.status_code == 403


async def test_login_sets_hardened_cookies(client, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    response = await login(client, who.email)
    assert response.status_code == 200, response.text
    cookies = response.headers.get_list("set-cookie")
    access = next(c for c in cookies if c.startswith("access_token="))
    refresh = next(c for c in cookies if c.startswith("refresh_token="))
    csrf_cookie = next(c for c in cookies if c.startswith("csrf_token="))
    for cookie in (access, refresh):
        assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=strict" in cookie
    assert "Path=/api/v1/auth" in refresh and "Path=/api/v1;" in access + ";"
    assert "HttpOnly" not in csrf_cookie and "Secure" in csrf_cookie
    assert response.headers["X-CSRF-Token"]
    assert (await client.get(ME)).status_code == 200


async def test_foreign_origin_cannot_change_state_even_pre_session(client, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    body = {"email": who.email, "password": "Correct-Horse-42"}
    evil = await client.post(
        "/api/v1/auth/login", json=body, headers={"Origin": "https://evil.example"}
    )
    assert evil.status_code == 403
    assert evil.json()["error"]["details"]["reason"] == "csrf_failed"
    assert "access_token" not in evil.headers.get("set-cookie", "")
    own = await client.post(
        "/api/v1/auth/login", json=body, headers={"Origin": "http://testserver"}
    )
    assert own.status_code == 200


async def test_acting_org_header_is_ignored_for_non_super_admins(client, app, admin_engine) -> None:
    admin = await account(admin_engine, "org_admin")
    other = await account(admin_engine, "org_admin")
    await sign_in(app, client, admin)
    me = await client.get(ME, headers={"X-Acting-Org-Id": str(other.org_id)})
    assert me.status_code == 200 and me.json()["organizationId"] == str(admin.org_id)
    users = await client.get(
        f"/api/v1/organizations/{admin.org_id}/users",
        headers={"X-Acting-Org-Id": str(other.org_id)},
    )
    assert [u["id"] for u in users.json()["data"]] == [str(admin.user_id)]
