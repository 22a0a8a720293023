"""Streamed CSV exports (issue 7): content, filters, OWASP CSV-injection neutralising, and
flat memory on a 20,000-asset org (many chunks, no buffered body)."""

from __future__ import annotations

import asyncio
import csv
import io
import tracemalloc
import uuid
from collections.abc import MutableMapping
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.routes.exports import safe_cell
from tests.api.auth_support import JAR_DOMAIN, account, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")


def test_safe_cell_neutralises_formulas() -> None:
    # OWASP CSV Injection: =, +, -, @, tab and CR lead a formula; prefix a quote.
    for raw in ("=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"):
        assert safe_cell(raw) == "'" + raw
    assert safe_cell("Acme = best") == "Acme = best" and safe_cell(None) == ""
    assert safe_cell(3) == "3"


async def _seed(engine: AsyncEngine, org: uuid.UUID, n: int) -> uuid.UUID:
    async with engine.begin() as conn:
        company = (
            await conn.execute(
                text(
                    "INSERT INTO companies (organization_id, name) VALUES (:o, '=HYPERLINK(1)')"
                    " RETURNING id"
                ),
                {"o": org},
            )
        ).scalar_one()
        await conn.execute(
            text(
                "INSERT INTO assets (organization_id, appno_doc_num, company_id)"
                " SELECT :o, lpad(g::text, 8, '0'), CASE WHEN g % 2 = 0 THEN CAST(:c AS uuid) END"
                " FROM generate_series(1, :n) g"
            ),
            {"o": org, "n": n, "c": company},
        )
    return company


async def test_assets_csv_content_filters_and_injection(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    member = await account(admin_engine, "org_member")
    company = await _seed(admin_engine, member.org_id, 10)
    async with client_for(app) as c:
        await sign_in(app, c, member)
        r = await c.get("/api/v1/exports/assets.csv")
        assert r.status_code == 200, r.text
        assert r.headers["content-disposition"] == 'attachment; filename="assets.csv"'
        assert r.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0][:3] == ["id", "application_number", "grant_number"]
        assert [x[1] for x in rows[1:]] == [f"{i:08d}" for i in range(1, 11)]
        # The company name starts with "=": exported as text, never a formula.
        assert {x[6] for x in rows[1:]} == {"", "'=HYPERLINK(1)"}
        scoped = await c.get("/api/v1/exports/assets.csv", params={"companyId": str(company)})
        assert len(list(csv.reader(io.StringIO(scoped.text)))) == 1 + 5
        found = await c.get("/api/v1/exports/assets.csv", params={"search": "00000003"})
        assert [x[1] for x in list(csv.reader(io.StringIO(found.text)))[1:]] == ["00000003"]
        for path in ("broken-titles.csv", "open-liens.csv"):
            r = await c.get(f"/api/v1/exports/{path}")
            assert r.status_code == 200 and r.text.count("\r\n") == 1  # header only
            assert r.headers["content-disposition"] == f'attachment; filename="{path}"'
        for params, field in (
            ({"status": "weird"}, "status"),
            ({"companyId": "x"}, "companyId"),
            ({"dateFrom": "2020-02-02", "dateTo": "2020-01-01"}, "dateFrom"),
        ):
            r = await c.get("/api/v1/exports/assets.csv", params=params)
            assert r.status_code == 400
            fields = {k.split(".")[0] for k in r.json()["error"]["details"]["fieldErrors"]}
            assert fields == {field}
    # Another org exports nothing of this one.
    stranger = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        await sign_in(app, c, stranger)
        r = await c.get("/api/v1/exports/assets.csv")
        assert r.text.count("\r\n") == 1 and "00000001" not in r.text
    async with client_for(app) as anon:
        assert (await anon.get("/api/v1/exports/assets.csv")).status_code == 401


async def test_large_export_streams_in_chunks_with_flat_memory(
    app: FastAPI, admin_engine: AsyncEngine
) -> None:
    """20,000 assets: the body arrives in many chunks, and once the first batch is out the
    server's peak allocation grows by far less than the rest of the body (the rows are
    never all held at once)."""
    n = 20_000
    member = await account(admin_engine, "org_member")
    await _seed(admin_engine, member.org_id, n)
    async with client_for(app) as c:
        await sign_in(app, c, member)
        cookies = "; ".join(f"{k.name}={k.value}" for k in c.cookies.jar if k.domain == JAR_DOMAIN)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "https",
        "server": ("testserver", 443),
        "client": ("10.9.9.9", 5000),
        "root_path": "",
        "path": "/api/v1/exports/assets.csv",
        "raw_path": b"/api/v1/exports/assets.csv",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"cookie", cookies.encode())],
    }
    sizes: list[int] = []
    lines = 0
    status: list[int] = []
    baseline: list[int] = []

    sent_request = False
    done = asyncio.Event()

    async def receive() -> MutableMapping[str, Any]:
        nonlocal sent_request
        if not sent_request:
            sent_request = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()  # the client stays connected until the response ends
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal lines
        if message["type"] == "http.response.start":
            status.append(int(message["status"]))
        elif message["type"] == "http.response.body":
            body = message.get("body", b"")
            assert isinstance(body, bytes)
            sizes.append(len(body))
            lines += body.count(b"\r\n")  # the chunk is dropped right here
            if len(sizes) == 2:  # the query runs and the first batch is out: warmed up
                baseline.append(tracemalloc.get_traced_memory()[0])
                tracemalloc.reset_peak()
            if not message.get("more_body", False):
                done.set()

    tracemalloc.start()
    try:
        await app(scope, receive, send)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    total = sum(sizes)
    assert status == [200]
    assert lines == n + 1  # header + every asset
    assert len([s for s in sizes if s]) >= n // 1000  # one chunk per 1,000-row batch
    assert max(sizes) < total / 10
    # Streaming the remaining ~19,000 rows grows memory by far less than their size.
    assert peak - baseline[0] < total / 2, (peak - baseline[0], total)
