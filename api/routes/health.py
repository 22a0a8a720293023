"""Liveness and readiness (api.md §3.8)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

from api.auth.principal import public
from patentrack import __version__

router = APIRouter(prefix="/health", tags=["health"])

CHECK_TIMEOUT_S = 2.0
CheckStatus = Literal["ok", "error"]


class Liveness(BaseModel):
    status: Literal["ok"]


class ReadinessChecks(BaseModel):
    database: CheckStatus
    migrations: CheckStatus
    redis: CheckStatus


class Readiness(BaseModel):
    status: Literal["ready", "not_ready"]
    checks: ReadinessChecks
    version: str
    timestamp: datetime


@router.get("/live", operation_id="health_live", response_model=Liveness)
@public
async def live() -> Liveness:
    """The process is up (no dependencies are checked)."""
    return Liveness(status="ok")


async def _database(request: Request) -> tuple[CheckStatus, CheckStatus]:
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_S):
            async with request.app.state.engine.connect() as conn:
                current = frozenset(
                    (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars()
                )
    except Exception:
        return "error", "error"
    return "ok", "ok" if current == request.app.state.head_revisions else "error"


async def _redis(request: Request) -> CheckStatus:
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_S):
            await request.app.state.redis.ping()
    except Exception:
        return "error"
    return "ok"


@router.get(
    "/ready",
    operation_id="health_ready",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "A dependency is not ready"}},
)
@public
async def ready(request: Request) -> JSONResponse:
    """Ready to serve: database reachable, migrations at head, Redis reachable (else 503)."""
    (database, migrations), redis = await asyncio.gather(_database(request), _redis(request))
    checks = ReadinessChecks(database=database, migrations=migrations, redis=redis)
    ok = all(v == "ok" for v in checks.model_dump().values())
    body = Readiness(
        status="ready" if ok else "not_ready",
        checks=checks,
        version=__version__,
        timestamp=datetime.now(UTC),
    )
    return JSONResponse(
        body.model_dump(mode="json"),
        status_code=200 if ok else 503,
        headers={"Cache-Control": "no-store"},
    )
