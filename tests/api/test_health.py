"""Liveness and readiness, including readiness failing when a dependency is down."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from sqlalchemy import text

from api.app import create_app
from patentrack.settings import Settings


async def test_live(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_when_everything_is_up(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["checks"] == {"database": "ok", "migrations": "ok", "redis": "ok"}
    assert response.headers["cache-control"] == "no-store"


async def _ready(app: FastAPI) -> httpx.Response:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.get("/api/v1/health/ready")


async def test_ready_is_503_when_the_database_is_down(settings: Settings) -> None:
    # Port 1 on loopback: nothing listens, so every connection is refused.
    down = settings.model_copy(update={"app_database_url": "postgresql://x@127.0.0.1:1/none"})
    response = await _ready(create_app(down))
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not_ready"
    assert body["checks"]["database"] == "error"
    assert body["checks"]["redis"] == "ok"


async def test_ready_is_503_when_redis_is_down(settings: Settings) -> None:
    down = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    app = create_app(down)
    response = await _ready(app)
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "migrations": "ok", "redis": "error"}


async def test_ready_is_503_when_migrations_are_behind(app: FastAPI) -> None:
    app.state.head_revisions = frozenset({"9999_not_applied"})
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/api/v1/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "error"


async def test_metrics_exposes_http_series_by_route_template(client: httpx.AsyncClient) -> None:
    await client.get("/api/v1/health/live")
    metrics = (await client.get("/metrics")).text
    assert (
        'patentrack_http_requests_total{method="GET",route="/api/v1/health/live",status="200"}'
        in metrics
    )
    assert "patentrack_http_request_duration_seconds_bucket" in metrics


async def test_api_connects_as_the_app_role(app: FastAPI) -> None:
    async with app.state.engine.connect() as conn:
        assert (await conn.execute(text("SELECT current_user"))).scalar() == "patentrack_app"
