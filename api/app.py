"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.routing import Route

from api import caching, idempotency, metrics
from api.auth.principal import authenticate
from api.auth.ratelimit import RateLimitMiddleware
from api.caching import CacheClass
from api.errors import install_error_handlers
from api.openapi import install_openapi
from api.request_context import RequestContextMiddleware
from api.routes import (
    admin_alerts,
    admin_events,
    admin_ingestion,
    admin_organizations,
    admin_pipeline,
    admin_transactions,
    alert_digest,
    asset_reference,
    assets,
    audit_log,
    auth,
    companies,
    dashboards,
    entities,
    events,
    events_stream,
    exports,
    health,
    me,
    mfa,
    org_companies,
    organizations,
    pipeline,
    search,
    shared,
    shares,
    system,
    users,
    webhooks,
)
from api.spa import SpaFiles
from db.engine import make_engine, make_sessionmaker
from db.migrate import head_revisions
from patentrack import __version__
from patentrack.settings import Settings, get_settings
from worker.jobs import JobQueue, connect_redis

API_PREFIX = "/api/v1"

CORS_ALLOWED_HEADERS = [
    "Content-Type",
    "X-CSRF-Token",
    "X-Request-ID",
    "Idempotency-Key",
    "If-None-Match",
    "Last-Event-ID",
]
CORS_EXPOSED_HEADERS = [
    "X-Request-ID",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Retry-After",
    "ETag",
    "X-CSRF-Token",
    "Idempotent-Replayed",
]


def _lifespan(settings: Settings):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.app_db_url(), pool_size=settings.db_pool_size)
        assert settings.redis_url, "REDIS_URL must be resolved before the API starts"
        redis = await connect_redis(settings.redis_url)
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        app.state.redis = redis
        app.state.queue = JobQueue(redis)
        app.state.head_revisions = head_revisions()
        try:
            yield
        finally:
            await redis.aclose()
            await engine.dispose()

    return lifespan


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="PatenTrack API",
        version=__version__,
        description="Who really owns a patent: chain of title, liens and ownership diagrams "
        "rebuilt from USPTO and EPO records.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None if settings.environment == "production" else f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=_lifespan(settings),
    )
    app.state.settings = settings

    # Default deny: every route is authenticated unless its endpoint is marked @public.
    api = APIRouter(prefix=API_PREFIX, dependencies=[Depends(authenticate)])
    # The customer reads first (issue 7 latency): FastAPI tries included routers in order,
    # walking each one's routes, and no other router shares the /assets or /dashboards
    # prefixes, so the order changes nothing but the cost of matching the hot paths.
    # /assets/search before /assets/{asset_id} (api.md §1.1: static first).
    api.include_router(search.router)
    api.include_router(assets.router)  # issue 7: the customer asset API (api.md §3.2)
    api.include_router(asset_reference.router)  # issue 7: family, CPC, maintenance
    api.include_router(dashboards.router)  # issue 7: dashboards (api.md §3.3)
    api.include_router(health.router)
    for area in (auth, mfa, me, users, organizations, admin_organizations, audit_log):
        api.include_router(area.router)
    for area in (pipeline, companies):  # issue 6: rebuild/status, companies drive the pipeline
        api.include_router(area.router)
    api.include_router(admin_ingestion.router)  # issue 9: ingestion control (api.md §3.5)
    for area in (admin_events, admin_pipeline, admin_transactions):  # issue 9: streams, ops
        api.include_router(area.router)
    api.include_router(admin_alerts.router)  # issue 9: recorded operations alerts
    api.include_router(webhooks.router)  # issue 7 (D2): outgoing customer webhooks
    api.include_router(alert_digest.router)  # issue 7 (D2): daily e-mail digests
    api.include_router(events_stream.router)  # issue 7: SSE org feed (api.md §4)
    api.include_router(events.router)  # issue 7: event feeds (api.md §3.3 #29-31)
    for area in (entities, org_companies):  # issue 7: api.md §3.4 #35-40
        api.include_router(area.router)
    api.include_router(exports.router)  # issue 7: streamed CSV exports
    api.include_router(shares.router)  # issue 7: share link management (api.md §3.6)
    api.include_router(shared.router)  # issue 7: the public share viewer (api.md §2.7)
    if settings.environment != "production":
        api.include_router(system.router)
    app.include_router(api)
    app.router.routes.append(Route("/metrics", metrics.metrics_endpoint, include_in_schema=False))

    install_error_handlers(app)
    install_openapi(app)

    # Inside CORS (a 429 still carries the CORS headers), outside the routes.
    app.add_middleware(RateLimitMiddleware, settings=settings)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.allowed_origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=CORS_ALLOWED_HEADERS,
        expose_headers=CORS_EXPOSED_HEADERS,
        max_age=3600,
    )
    # api.md §5.1 cache classes and §1.10 Idempotency-Key: outside CORS, so the Vary they
    # set merges with CORS's, and around every route's final response (errors included).
    idempotency.install(app)
    caching.install(app, prefix=API_PREFIX, fixed={f"{API_PREFIX}/openapi.json": CacheClass.PUB})
    # Outermost: every response, even a CORS rejection or a 413, carries the request id.
    app.add_middleware(
        RequestContextMiddleware,
        max_body_bytes=settings.max_body_bytes,
        observe=metrics.observe,
    )

    dist = Path(settings.spa_dist)
    if (dist / "index.html").exists():
        app.mount("/", SpaFiles(directory=dist, html=True), name="spa")
    return app
