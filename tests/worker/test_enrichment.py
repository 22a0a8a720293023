"""Company enrichment against fake providers on loopback (real HTTP) and the real Redis:
30-day shared cache, provider fallback, placeholder on failure, the Arq task."""

from __future__ import annotations

import json
import struct
import threading
import zlib
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from patentrack.settings import Settings
from tests.factories import create_company, create_org
from tests.worker.reference_fixtures import queue, rows
from worker import jobs
from worker.enrichment.providers import (
    SuggestDomainProvider,
    TemplateLogoProvider,
    normalize_company,
)
from worker.enrichment.service import CACHE_PREFIX, Enricher, png_size
from worker.runtime import build_worker
from worker.task_names import ENRICH_COMPANY

__all__ = ["queue"]


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows_ = b"".join(b"\x00" + b"\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows_))
        + chunk(b"IEND", b"")
    )


class FakeProviders:
    def __init__(self) -> None:
        self.hits: list[str] = []
        self.broken: set[str] = set()  # paths answering 500
        self.logo = png(64, 64)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                fake.hits.append(parts.path)
                if parts.path in fake.broken:
                    self._send(500, b"", "text/plain")
                elif parts.path == "/suggest":
                    query = parse_qs(parts.query)["query"][0]
                    body = [{"name": "Other Co", "domain": "other.example"}]
                    if "acme" in query.lower():
                        body.insert(0, {"name": "ACME Corp", "domain": "acme.example"})
                    self._send(200, json.dumps(body).encode(), "application/json")
                elif parts.path.startswith("/logo/"):
                    self._send(200, fake.logo, "image/png")
                else:
                    self._send(404, b"", "text/plain")

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        host, port = self.server.server_address[:2]
        self.base = f"http://{host!s}:{port}"


@pytest.fixture
def fake() -> Iterator[FakeProviders]:
    server = FakeProviders()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5) as client:
        yield client


def _enricher(
    redis: Redis, fake: FakeProviders, http: httpx.AsyncClient, *, first: str = "/suggest"
) -> Enricher:
    domains = [
        SuggestDomainProvider(fake.base + first, http, name="primary"),
        SuggestDomainProvider(fake.base + "/suggest", http, name="fallback"),
    ]
    logos = [TemplateLogoProvider(fake.base + "/logo/{domain}", http)]
    return Enricher(redis, domains, logos)  # type: ignore[arg-type]


def test_normalized_names_and_png_sizes() -> None:
    assert normalize_company("ACME, Corp.") == normalize_company("Acme Corp") == "acme"
    assert png_size(png(300, 20)) == (300, 20)
    assert png_size(b"GIF89a") is None


async def test_domain_and_logo_are_found_and_cached_for_30_days(
    redis: Redis, fake: FakeProviders, http: httpx.AsyncClient
) -> None:
    result = await _enricher(redis, fake, http).enrich("ACME Corp.")
    assert (result.domain, result.confidence, result.provider) == ("acme.example", 0.95, "primary")
    assert result.logo_png == fake.logo and not result.placeholder
    ttl = await redis.ttl(CACHE_PREFIX + "acme")
    assert 29 * 86400 < ttl <= 30 * 86400
    hits = len(fake.hits)
    again = await _enricher(redis, fake, http).enrich("Acme, Corp")  # same normalized name
    assert again == result and len(fake.hits) == hits


async def test_a_failing_provider_falls_back_then_degrades_to_a_placeholder(
    redis: Redis, fake: FakeProviders, http: httpx.AsyncClient
) -> None:
    fake.broken.add("/broken")
    result = await _enricher(redis, fake, http, first="/broken").enrich("ACME Corp")
    assert (result.domain, result.provider) == ("acme.example", "fallback")
    assert result.errors == ("primary: HTTP 500",)
    assert await redis.ttl(CACHE_PREFIX + "acme") <= 3600  # failures are retried soon
    await redis.flushdb()
    fake.broken |= {"/suggest"}
    down = await _enricher(redis, fake, http, first="/broken").enrich("Beta Widgets Inc")
    assert (down.domain, down.logo_png, down.placeholder, down.initials) == (None, None, True, "BW")
    assert len(down.errors) == 2


async def test_an_oversized_logo_is_refused(
    redis: Redis, fake: FakeProviders, http: httpx.AsyncClient
) -> None:
    fake.logo = png(512, 512)
    result = await _enricher(redis, fake, http).enrich("ACME Corp")
    assert (result.domain, result.logo_png, result.placeholder) == ("acme.example", None, True)


async def test_the_task_writes_the_company_and_records_a_job(
    fake: FakeProviders,
    queue: jobs.JobQueue,
    settings: Settings,
    admin_engine: AsyncEngine,
    clean_tables: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PT_ENRICH_DOMAIN_URL", fake.base + "/suggest")
    monkeypatch.setenv("PT_ENRICH_LOGO_URL", fake.base + "/logo/{domain}")
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        company = await create_company(conn, org, name="ACME Corp")
    await queue.enqueue(ENRICH_COMPANY, organization_id=str(org), company_id=str(company))
    worker = build_worker(settings, burst=True, handle_signals=False, max_burst_jobs=1)
    await worker.async_run()
    await worker.close()
    assert worker.jobs_complete == 1
    saved = await rows(
        admin_engine,
        "SELECT domain, logo_storage_key LIKE 'logos/%', enrichment_data->>'placeholder',"
        " enriched_at IS NOT NULL FROM companies",
    )
    assert saved == [("acme.example", True, "false", True)]
    key = (await rows(admin_engine, "SELECT logo_storage_key FROM companies"))[0][0]
    assert (settings.data_dir / str(key)).read_bytes() == fake.logo
    jobs_ = await rows(
        admin_engine,
        "SELECT s.name, j.status FROM ingestion_jobs j"
        " JOIN data_sources s ON s.id = j.data_source_id",
    )
    assert jobs_ == [("ENRICHMENT", "success")]
