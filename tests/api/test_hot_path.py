"""issue 7: the lean read path keeps every check it replaced — one JWT verification per
request (and per token, remembered with its expiry), the session and org-version reads
riding on the rate limiter's Redis call, revocation and version bumps seen at once."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from api.auth import tokens
from api.auth.ratelimit import PREFETCH_KEY, Prefetched
from api.auth.sessions import SessionStore
from api.auth.tokens import TokenError, decode_access_token, issue_access_token
from db.repos import org_data_version
from patentrack.settings import Settings
from tests.api.auth_support import JAR_DOMAIN, account, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")

ME = "/api/v1/me"
ASSETS = "/api/v1/assets"


def _count_verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = tokens.verified_claims

    def counting(settings: Settings, token: str, **kw: Any) -> dict[str, Any]:
        calls.append(token)
        return real(settings, token, **kw)

    monkeypatch.setattr(tokens, "verified_claims", counting)
    monkeypatch.setattr(tokens, "_VERIFIED", {})
    return calls


async def test_a_token_is_verified_once_not_per_check(
    app: FastAPI, admin_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_verifications(monkeypatch)
    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        await sign_in(app, c, who)
        # The limiter and `authenticate` both read the claims: one verification.
        assert (await c.get(ME)).status_code == 200
        assert len(calls) == 1
        # The same token again: only the expiry is re-checked.
        assert (await c.get(ASSETS)).status_code == 200
        assert len(calls) == 1


async def test_a_remembered_token_still_expires(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tokens, "_VERIFIED", {})
    token, expires = issue_access_token(
        settings, user_id=_uuid(), org_id=_uuid(), role="org_member", sid="s", mfa=True
    )
    assert decode_access_token(settings, token).exp == expires
    monkeypatch.setattr(tokens.time, "time", lambda: float(expires))
    with pytest.raises(TokenError) as caught:
        decode_access_token(settings, token)
    assert caught.value.reason == "token_expired"


async def test_a_remembered_token_is_not_valid_under_another_key(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tokens, "_VERIFIED", {})
    token, _ = issue_access_token(
        settings, user_id=_uuid(), org_id=_uuid(), role="org_member", sid="s", mfa=True
    )
    decode_access_token(settings, token)
    other = settings.model_copy(update={"jwt_secret": _secret("another-secret-" * 4)})
    with pytest.raises(TokenError) as caught:
        decode_access_token(other, token)
    assert caught.value.reason == "token_invalid"


async def test_a_bad_token_is_refused_by_both_checks(
    app: FastAPI, admin_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_verifications(monkeypatch)
    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        await sign_in(app, c, who)
        good = c.cookies.get("access_token")
        assert good is not None
        c.cookies.clear()
        c.cookies.set("access_token", good[:-2] + "xx", domain=JAR_DOMAIN, path="/api/v1")
        response = await c.get(ME)
    assert response.status_code == 401
    assert response.json()["error"]["details"]["reason"] == "token_invalid"
    assert len(calls) == 1  # the limiter's failed verification was not repeated


async def test_the_limiter_reads_the_session_and_version_along(
    app: FastAPI, admin_engine: AsyncEngine, redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api import caching
    from api.auth import principal

    def no_second_read(*_: Any) -> Any:
        raise AssertionError("read again although the limiter's call brought it")

    # Both values come from the limiter's one Redis call, not from reads of their own.
    monkeypatch.setattr(principal, "_sessions", no_second_read)
    monkeypatch.setattr(caching.org_data_version, "current", no_second_read)
    who = await account(admin_engine, "org_member")
    await org_data_version.publish(redis, who.org_id, 7)
    async with client_for(app) as c:
        sid = await sign_in(app, c, who)
        first = await c.get(ASSETS)
        assert first.status_code == 200, first.text
        assert first.headers["etag"].startswith('W/"v7-')
        # A version bump is seen by the very next request.
        await org_data_version.publish(redis, who.org_id, 8)
        assert (await c.get(ASSETS)).headers["etag"].startswith('W/"v8-')
        # So is a revocation: the family is read on every request.
        await SessionStore(app.state.redis).revoke(sid)
        revoked = await c.get(ASSETS)
    assert revoked.status_code == 401
    assert revoked.json()["error"]["details"]["reason"] == "token_invalid"


async def test_without_the_limiter_authenticate_reads_for_itself(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    """A route the limiter skips still gets the full session check (no prefetch)."""
    from starlette.requests import Request

    from api.auth.principal import _live_session

    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        sid = await sign_in(app, c, who)
    claims = decode_access_token(app.state.settings, c.cookies["access_token"])
    request = Request({"type": "http", "app": app, "headers": []})
    assert PREFETCH_KEY not in request.scope
    live = await _live_session(request, sid, who.user_id, claims.iat)
    assert live is not None and live.sid == sid
    # A prefetch for another token's family is not used for this one.
    request.scope[PREFETCH_KEY] = Prefetched("other", who.user_id, None, None, who.org_id, 1)
    assert await _live_session(request, sid, who.user_id, claims.iat) is not None
    await SessionStore(app.state.redis).revoke(sid)
    assert await _live_session(request, sid, who.user_id, claims.iat) is None


def _uuid() -> Any:
    import uuid

    return uuid.uuid4()


def _secret(value: str) -> Any:
    from pydantic import SecretStr

    return SecretStr(value)


def test_memo_is_bounded(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "_VERIFIED", {})
    monkeypatch.setattr(tokens, "_VERIFIED_MAX", 3)
    for _ in range(5):
        token, _exp = issue_access_token(
            settings,
            user_id=_uuid(),
            org_id=_uuid(),
            role="org_member",
            sid="s",
            mfa=True,
            now=int(time.time()),
        )
        decode_access_token(settings, token)
    assert 1 <= len(tokens._VERIFIED) <= 3
