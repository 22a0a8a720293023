"""The floor of the API latency benchmark (issue 7): the same queries as our four
endpoints, issued through bare asyncpg from a bare ASGI callable (no framework, no auth,
no validation, no ORM), in the same tenant transaction with the same RLS settings.

    uvicorn benchmarks.api_floor:app   (BENCH_APP_DATABASE_URL = the patentrack_app URL)

Paths: /list?org=, /detail?org=&id=, /summary?org=, /diagram?org=&id=.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

import asyncpg

from db.repos import asset_reads

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def _positional(sql: str, names: list[str]) -> str:
    """SQLAlchemy `:name` binds → asyncpg `$n` (the repo's SQL text, reused verbatim)."""
    for n, name in enumerate(names, start=1):
        sql = re.sub(rf"(?<!:):{name}\b", f"${n}", sql)
    return sql


_KEY = asset_reads.SORT_KEYS["applicationNumber"]
LIST_COUNT = "SELECT count(*) FROM asset_listing l WHERE l.organization_id = $1"
LIST_PAGE = _positional(
    f"SELECT f.*, c.name AS company_name FROM ({asset_reads._LISTING.format(key=_KEY)}"
    f" ORDER BY l.{_KEY} DESC, l.asset_id DESC LIMIT :limit) f"
    " LEFT JOIN companies c ON c.id = f.company_id"
    " ORDER BY f.sort_key DESC, f.id DESC",
    ["org", "limit"],
)
DETAIL_BASE = _positional(
    f"SELECT b.*, '' AS sort_key FROM ({asset_reads._BASE}) b WHERE b.id = :id", ["org", "id"]
)
DETAIL_OWNERSHIP = (
    "SELECT status, holders, supporting_rf_ids, open_lien_count, inventor_source,"
    " ruleset_version, created_at FROM asset_ownership"
    " WHERE organization_id = $1 AND asset_id = $2"
)
DETAIL_VERDICT = (
    "SELECT status, reasons, headline_break, inventor_source, ruleset_version, detected_at"
    " FROM broken_title_chains WHERE organization_id = $1 AND asset_id = $2"
)
DETAIL_LIENS = (
    "SELECT rf_id, secured_party_name, grantors, record_dt, effective_dt FROM open_liens"
    " WHERE organization_id = $1 AND asset_id = $2"
    " ORDER BY record_dt NULLS LAST, rf_id, secured_party_key"
)
SUMMARY_METRICS = (
    "SELECT company_id, company_count, activity_count, entity_count, party_count,"
    " employee_count, transaction_count, asset_count, arrow_count, ruleset_version,"
    " calculated_at FROM summary_metrics WHERE organization_id = $1 AND company_id IS NULL"
    " ORDER BY company_id"
)
SUMMARY_COUNTS = """
    SELECT
      (SELECT count(*) FROM broken_title_chains b
       JOIN assets s ON s.id = b.asset_id AND s.deleted_at IS NULL
       WHERE b.organization_id = $1 AND b.status = 'broken') AS broken,
      (SELECT count(*) FROM open_liens l
       JOIN assets s ON s.id = l.asset_id AND s.deleted_at IS NULL
       WHERE l.organization_id = $1) AS liens"""
DIAGRAM = (
    "SELECT diagram_json, computed_at, run_id FROM asset_diagrams"
    " WHERE organization_id = $1 AND asset_id = $2"
)

_pool: asyncpg.Pool | None = None


async def _tenant(conn: asyncpg.Connection, org: uuid.UUID) -> None:
    await conn.execute(
        "SELECT set_config('app.current_org_id', $1, true), set_config('app.user_role',"
        " 'org_member', true)",
        str(org),
    )


async def _handle(path: str, q: dict[str, list[str]]) -> Any:
    assert _pool is not None
    org = uuid.UUID(q["org"][0])
    async with _pool.acquire() as conn, conn.transaction():
        await _tenant(conn, org)
        if path == "/list":
            total = await conn.fetchval(LIST_COUNT, org)
            rows = await conn.fetch(LIST_PAGE, org, 51)
            return {"data": [dict(r) for r in rows[:50]], "total": total}
        if path == "/summary":
            metrics = await conn.fetch(SUMMARY_METRICS, org)
            counts = await conn.fetchrow(SUMMARY_COUNTS, org)
            return {"metrics": [dict(r) for r in metrics], "counts": dict(counts)}
        asset = uuid.UUID(q["id"][0])
        if path == "/detail":
            base = await conn.fetchrow(DETAIL_BASE, org, asset)
            ownership = await conn.fetchrow(DETAIL_OWNERSHIP, org, asset)
            verdict = await conn.fetchrow(DETAIL_VERDICT, org, asset)
            liens = await conn.fetch(DETAIL_LIENS, org, asset)
            return {
                "asset": dict(base) if base else None,
                "ownership": dict(ownership) if ownership else None,
                "verdict": dict(verdict) if verdict else None,
                "liens": [dict(r) for r in liens],
            }
        if path == "/diagram":
            row = await conn.fetchrow(DIAGRAM, org, asset)
            return {"data": json.loads(row[0]) if row else None}
    raise KeyError(path)


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    global _pool
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                _pool = await asyncpg.create_pool(
                    os.environ["BENCH_APP_DATABASE_URL"], min_size=10, max_size=10
                )
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if _pool is not None:
                    await _pool.close()
                await send({"type": "lifespan.shutdown.complete"})
                return
    body = json.dumps(
        await _handle(scope["path"], parse_qs(scope["query_string"].decode())), default=str
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})
