"""Shared fixtures: a real PostgreSQL and a real Redis for the whole run.

TEST_DATABASE_URL / TEST_REDIS_URL point at existing servers (CI uses the machine's);
without them the suite starts the same embedded servers `patentrack up` uses. The
test database is created fresh and migrated once per run.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from api.app import create_app
from db.migrate import sync_url, upgrade
from db.roles import async_url
from patentrack.embedded import EmbeddedPostgres, EmbeddedRedis, free_port
from patentrack.settings import Settings, load_settings
from tests.api.auth_support import Mailbox

ROOT = Path(__file__).resolve().parent.parent
TEST_DB_NAME = f"patentrack_test_{os.getpid()}"
JWT_SECRET = secrets.token_urlsafe(48)


@pytest.fixture(scope="session")
def embedded_dir() -> Path:
    # Reused across runs so the embedded cluster starts in a second, not an initdb.
    path = Path(tempfile.gettempdir()) / "patentrack-test-services"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def admin_url(embedded_dir: Path) -> Iterator[str]:
    """A superuser URL for a fresh test database (dropped at the end of the run)."""
    base = os.environ.get("TEST_DATABASE_URL")
    server = None
    if not base:
        server = EmbeddedPostgres(embedded_dir)
        base = server.start()
    url = make_url(base).set(database=TEST_DB_NAME)
    maintenance = create_engine(
        sync_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with maintenance.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{TEST_DB_NAME}" WITH (FORCE)'))
    rendered = url.render_as_string(hide_password=False)
    upgrade(rendered)
    yield rendered
    with maintenance.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{TEST_DB_NAME}" WITH (FORCE)'))
    maintenance.dispose()
    if server is not None:
        server.stop()


@pytest.fixture(scope="session")
def redis_url(embedded_dir: Path) -> Iterator[str]:
    url = os.environ.get("TEST_REDIS_URL")
    server = None
    if not url:
        server = EmbeddedRedis(embedded_dir)
        url = server.start()
    yield url
    if server is not None:
        server.stop()


@pytest.fixture(scope="session")
def settings(admin_url: str, redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return load_settings(
        environment="test",
        database_url=admin_url,
        redis_url=redis_url,
        jwt_secret=JWT_SECRET,
        app_url="http://testserver",
        data_dir=tmp_path_factory.mktemp("data"),
        spa_dist=tmp_path_factory.mktemp("no-spa"),
    )


@pytest.fixture(scope="session")
async def admin_engine(admin_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(async_url(admin_url), pool_size=2)
    yield engine
    await engine.dispose()


@pytest.fixture
async def db(admin_engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A superuser connection inside a transaction that is rolled back after the test.

    Tests switch to a runtime role inside it with `SET LOCAL ROLE` (see tests/rls.py),
    so RLS is exercised exactly as the API and worker meet it, and nothing persists.
    """
    async with admin_engine.connect() as conn:
        trans = await conn.begin()
        try:
            yield conn
        finally:
            await trans.rollback()


@pytest.fixture
async def clean_tables(admin_engine: AsyncEngine) -> AsyncIterator[None]:
    """For tests that must commit (separate connections, workers): empty tables afterwards."""
    yield
    async with admin_engine.begin() as conn:
        tables = (
            (
                await conn.execute(
                    text(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        " AND tablename <> 'alembic_version'"
                    )
                )
            )
            .scalars()
            .all()
        )
        if tables:
            await conn.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client: Redis = Redis.from_url(redis_url)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose()


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[int, Mailbox]]:
    """A real SMTP server (aiosmtpd) on loopback that the app's mails go to."""
    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, box
    controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[int, Mailbox]) -> Mailbox:
    smtp_server[1].messages.clear()
    return smtp_server[1]


@pytest.fixture
async def app(
    settings: Settings, redis: Redis, mailbox: Mailbox, smtp_server: tuple[int, Mailbox]
) -> AsyncIterator[FastAPI]:
    """The real application with its lifespan (engine as patentrack_app, Redis pool).

    Depends on `redis` so every test starts with empty rate-limit and auth state.
    """
    settings = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": smtp_server[0]})
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


def client_for(app: FastAPI, ip: str | None = None) -> httpx.AsyncClient:
    """A client from its own address, so per-IP limits (api.md §1.6) apply per client.

    https: session cookies are Secure, and a cookie jar sends them only over https.
    """
    ip = ip or f"10.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"
    transport = httpx.ASGITransport(app=app, client=(ip, 50000))
    return httpx.AsyncClient(transport=transport, base_url="https://testserver")


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP over the ASGI app, as the SPA and API clients use it."""
    async with client_for(app) as c:
        yield c
