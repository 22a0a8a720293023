"""Property-based run of the OpenAPI document against the app (issue 7): Schemathesis
generates requests for every GET (plus `POST /assets/validate`) from the document the app
serves, sends them through the ASGI app as a signed-in org admin (cookie + CSRF header),
and checks: no 5xx, and every response matches its documented schema and content type.

Cases are drawn up front with `derandomize=True` (the same cases on every run, so CI is
deterministic) and then sent on the test's own event loop, where the app's DB and Redis
pools live. Streams never end, so the SSE routes are left out."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.auth_support import account, seed_user, sign_in
from tests.conftest import client_for
from tests.factories import TENANT_ROW_FACTORIES

pytestmark = pytest.mark.usefixtures("clean_tables")

EXAMPLES_PER_OPERATION = 8
SAFE_POSTS = {"assets_validate"}
PER_CLIENT = 200  # requests per signed-in admin: under the 300/min role limit (api.md §1.6)
SA_PREFIXES = ("/api/v1/admin", "/api/v1/system")
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def _selected(operation: Any) -> bool:
    op_id = operation.definition.raw.get("operationId", "")
    if operation.method.upper() == "POST":
        return op_id in SAFE_POSTS
    produces = {
        media
        for response in operation.definition.raw.get("responses", {}).values()
        for media in (response.get("content") or {})
    }
    return operation.method.upper() == "GET" and "text/event-stream" not in produces


def _draw(operation: Any) -> list[Any]:
    cases: list[Any] = []

    @settings(
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=EXAMPLES_PER_OPERATION,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def collect(case: Any) -> None:
        cases.append(case)

    collect()
    return cases


async def _seed(engine: AsyncEngine) -> uuid.UUID:
    """A caller's org with a row in every tenant table, so lists have something to show."""
    org = uuid.uuid4()
    async with engine.begin() as conn:
        await TENANT_ROW_FACTORIES["organizations"][1](conn, org)
        for table, (_, factory) in TENANT_ROW_FACTORIES.items():
            if table != "organizations":
                await factory(conn, org)
    return org


async def test_the_openapi_document_holds_for_generated_requests(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    org = await _seed(admin_engine)
    async with client_for(app) as anon:
        document = (await anon.get("/api/v1/openapi.json")).json()
    schema = schemathesis.openapi.from_dict(document)
    operations = [r.ok() for r in schema.get_all_operations()]  # type: ignore[union-attr]
    chosen = [op for op in operations if _selected(op)]
    assert len(chosen) >= 20, [op.label for op in chosen]
    cases = [case for op in chosen for case in _draw(op)]

    clients: list[httpx.AsyncClient] = []
    for _ in range(len(cases) // PER_CLIENT + 1):
        c = client_for(app)
        await sign_in(app, c, await seed_user(admin_engine, org, role="org_admin"))
        clients.append(c)
    # Super-admin routes get a super admin (1,000/min), so they answer more than 403.
    operator = client_for(app)
    await sign_in(app, operator, await account(admin_engine, "super_admin"))
    clients.append(operator)
    failures: list[str] = []
    statuses: dict[int, int] = {}
    try:
        for i, case in enumerate(cases):
            path = case.operation.path
            c = operator if path.startswith(SA_PREFIXES) else clients[i // PER_CLIENT]
            kwargs = case.as_transport_kwargs(base_url="https://testserver")
            response = await c.request(
                kwargs["method"],
                kwargs["url"],
                params=kwargs.get("params"),
                headers={**c.headers, **kwargs.get("headers", {})},
                json=kwargs.get("json"),
                content=kwargs.get("data"),
            )
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            try:
                case.validate_response(response, checks=CHECKS)
            except Exception as exc:  # collect every failure, then report them together
                failures.append(f"{case.operation.label} -> {response.status_code}: {exc}"[:800])
    finally:
        for c in clients:
            await c.aclose()
    assert not failures, f"{len(failures)} of {len(cases)} failed:\n" + "\n\n".join(failures[:15])
    # The run reached real data, not only rejections.
    assert statuses.get(200, 0) >= len(chosen), statuses
    assert 429 not in statuses, statuses
