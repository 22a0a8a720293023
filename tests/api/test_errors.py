"""The error envelope (api.md §1.3, D9), request ids (§1.7) and the body limit (§1.8)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.auth_support import account, sign_in
from tests.conftest import client_for


@pytest.fixture
async def sa_client(
    app: FastAPI, admin_engine: AsyncEngine, clean_tables: None
) -> AsyncIterator[httpx.AsyncClient]:
    """The probe routes are super-admin only: a signed-in super admin drives them."""
    async with client_for(app) as c:
        await sign_in(app, c, await account(admin_engine, "super_admin"))
        yield c


def _assert_envelope(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["code"] == code
    assert error["message"]
    assert error["requestId"] == response.headers["x-request-id"]
    return error


async def test_validation_error_is_400_with_field_errors(sa_client: httpx.AsyncClient) -> None:
    response = await sa_client.post("/api/v1/system/probes", json={"note": "x" * 201})
    error = _assert_envelope(response, 400, "VALIDATION_ERROR")
    assert list(error["details"]["fieldErrors"]) == ["note"]
    assert error["validationErrors"][0]["field"] == "body.note"
    assert error["validationErrors"][0]["type"] == "string_too_long"


async def test_wrong_type_names_the_field(sa_client: httpx.AsyncClient) -> None:
    response = await sa_client.post("/api/v1/system/probes", json={"note": {"nested": 1}})
    error = _assert_envelope(response, 400, "VALIDATION_ERROR")
    assert "note" in error["details"]["fieldErrors"]


async def test_malformed_json_is_bad_request(sa_client: httpx.AsyncClient) -> None:
    response = await sa_client.post(
        "/api/v1/system/probes", content=b"{not json", headers={"content-type": "application/json"}
    )
    _assert_envelope(response, 400, "BAD_REQUEST")


async def test_unknown_route_is_404_envelope(client: httpx.AsyncClient) -> None:
    _assert_envelope(await client.get("/api/v1/nothing-here"), 404, "NOT_FOUND")


async def test_unknown_probe_is_404_from_our_error_type(sa_client: httpx.AsyncClient) -> None:
    response = await sa_client.get(f"/api/v1/system/probes/{uuid.uuid4().hex}")
    error = _assert_envelope(response, 404, "NOT_FOUND")
    assert error["message"] == "No probe job with this id."


async def test_method_not_allowed_is_an_envelope(client: httpx.AsyncClient) -> None:
    _assert_envelope(await client.delete("/api/v1/health/live"), 405, "METHOD_NOT_ALLOWED")


async def test_body_over_one_megabyte_is_413(sa_client: httpx.AsyncClient) -> None:
    big = b'{"note": "' + b"a" * (1024 * 1024) + b'"}'
    response = await sa_client.post(
        "/api/v1/system/probes", content=big, headers={"content-type": "application/json"}
    )
    _assert_envelope(response, 413, "PAYLOAD_TOO_LARGE")


async def test_streamed_body_without_length_is_still_limited(sa_client: httpx.AsyncClient) -> None:
    async def chunks():  # no Content-Length: the limit must count the bytes themselves
        for _ in range(20):
            yield b"a" * 100_000

    response = await sa_client.post(
        "/api/v1/system/probes", content=chunks(), headers={"content-type": "application/json"}
    )
    _assert_envelope(response, 413, "PAYLOAD_TOO_LARGE")


async def test_unexpected_exception_is_500_without_internals(
    app: FastAPI, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/api/v1/test-boom")
    async def boom() -> None:
        raise RuntimeError("secret internal detail")

    with caplog.at_level(logging.ERROR, logger="patentrack.http"):
        response = await client.get("/api/v1/test-boom", headers={"X-Request-ID": "req-12345678"})
    error = _assert_envelope(response, 500, "INTERNAL_ERROR")
    assert error["requestId"] == "req-12345678"
    assert "secret internal detail" not in response.text
    # ...but the log has it, tied to the same request id, for whoever investigates.
    assert any("secret internal detail" in (r.exc_text or "") for r in caplog.records) or any(
        r.exc_info and "secret internal detail" in str(r.exc_info[1]) for r in caplog.records
    )


async def test_request_id_is_echoed_when_well_formed(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/health/live", headers={"X-Request-ID": "abc.DEF_123-xyz"})
    assert response.headers["x-request-id"] == "abc.DEF_123-xyz"


@pytest.mark.parametrize("bad", ["short", "has space in it", "x" * 129, "semi;colon-abcdef"])
async def test_malformed_request_id_is_replaced(client: httpx.AsyncClient, bad: str) -> None:
    response = await client.get("/api/v1/health/live", headers={"X-Request-ID": bad})
    echoed = response.headers["x-request-id"]
    assert echoed != bad
    assert uuid.UUID(echoed).version == 4


async def test_cors_allows_only_listed_origins(client: httpx.AsyncClient) -> None:
    allowed = await client.options(
        "/api/v1/health/live",
        headers={"Origin": "http://testserver", "Access-Control-Request-Method": "GET"},
    )
    assert allowed.headers.get("access-control-allow-origin") == "http://testserver"
    assert allowed.headers.get("access-control-allow-credentials") == "true"
    denied = await client.get("/api/v1/health/live", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in denied.headers


async def test_probes_refuse_anyone_but_a_super_admin(
    client: httpx.AsyncClient, app: FastAPI, admin_engine: AsyncEngine, clean_tables: None
) -> None:
    _assert_envelope(await client.post("/api/v1/system/probes", json={}), 401, "UNAUTHORIZED")
    await sign_in(app, client, await account(admin_engine, "org_admin"))
    _assert_envelope(await client.post("/api/v1/system/probes", json={}), 403, "FORBIDDEN")
