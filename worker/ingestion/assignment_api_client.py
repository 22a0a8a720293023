"""USPTO assignment search API client (ingestion.md §2.8, D20): the full recorded history
of one patent, application or reel-frame, on demand.

Solr-style XML pages (`lookup?filter=…&query=…&rows=…&start=…`) parsed by
domain/ingestion/assignment_api.py (NULL strings, parallel arrays, date sentinels); paged
with `start` until `numFound`. Limits per §2.8: 2 concurrent requests, 1 request/s, 10 s
connect / 60 s read, 3 tries; 429 honours Retry-After. TLS is always verified; a CA
bundle can be configured for hosts with broken chains (never disable verification).
"""

from __future__ import annotations

import asyncio
import io
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

import httpx

from domain.ingestion.assignment_api import parse_assignment_api_response
from domain.ingestion.records import AssignmentRecord, ParseError

FILTERS = ("PatentNumber", "ApplicationNumber", "PublicationNumber", "ReelFrame")
Sleep = Callable[[float], Awaitable[None]]


class AssignmentApiError(RuntimeError):
    """The API could not answer after every try."""


@dataclass(frozen=True)
class AssignmentApiConfig:
    """From the environment until the lead adds these to Settings."""

    base_url: str = "https://assignment-api.uspto.gov/patent/"
    ca_bundle: str | None = None
    rows: int = 100
    min_interval_s: float = 1.0
    concurrency: int = 2
    max_tries: int = 3
    retry_s: float = 2.0
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 60.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AssignmentApiConfig:
        values = os.environ if env is None else env
        return cls(
            base_url=values.get("PT_SRC_ASSIGNMENT_SEARCH_BASE_URL") or cls.base_url,
            ca_bundle=values.get("PT_SRC_ASSIGNMENT_SEARCH_CA_BUNDLE") or None,
        )


@dataclass
class History:
    records: list[AssignmentRecord] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)
    pages: int = 0


class AssignmentApiClient:
    def __init__(
        self,
        config: AssignmentApiConfig,
        *,
        http: httpx.AsyncClient | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.config = config
        timeout = httpx.Timeout(config.read_timeout_s, connect=config.connect_timeout_s)
        verify: str | bool = config.ca_bundle or True
        self.http = http or httpx.AsyncClient(timeout=timeout, verify=verify)
        self._owns_http = http is None
        self.sleep = sleep
        self._gate = asyncio.Semaphore(config.concurrency)
        self._spacing = asyncio.Lock()
        self._last = 0.0

    async def aclose(self) -> None:
        if self._owns_http:
            await self.http.aclose()

    async def history(self, filter_name: str, query: str) -> History:
        """Every record matching `filter_name`=`query`, all pages (§2.8)."""
        if filter_name not in FILTERS:
            raise ValueError(f"unknown filter {filter_name!r}")
        out = History()
        start = 0
        while True:
            body = await self._get(filter_name, query, start)
            page = parse_assignment_api_response(io.BytesIO(body))
            out.pages += 1
            for item in page.items:
                if isinstance(item, ParseError):
                    out.errors.append(item)
                else:
                    out.records.append(item)
            start += len(page.items)
            if not page.items or page.num_found is None or start >= page.num_found:
                return out

    async def _get(self, filter_name: str, query: str, start: int) -> bytes:
        params = {
            "filter": filter_name,
            "query": query,
            "rows": str(self.config.rows),
            "start": str(start),
            "sort": "ExecutionDate desc",
            "facet": "false",
        }
        url = f"{self.config.base_url}lookup"
        problem = ""
        for attempt in range(1, self.config.max_tries + 1):
            async with self._gate:
                await self._space()
                try:
                    response = await self.http.get(
                        url, params=params, headers={"Accept": "application/xml"}
                    )
                except httpx.TransportError as exc:
                    problem = f"{type(exc).__name__}: {exc}"
                    response = None
            if response is not None:
                if response.status_code == 200:
                    return response.content
                problem = f"HTTP {response.status_code}"
                if response.status_code not in (429, 500, 502, 503, 504):
                    break
            if attempt < self.config.max_tries:
                await self.sleep(_retry_after(response) or self.config.retry_s * attempt)
        raise AssignmentApiError(f"{filter_name}={query}: {problem}")

    async def _space(self) -> None:
        # §2.8: at most one request per second from this client.
        async with self._spacing:
            wait = self._last + self.config.min_interval_s - time.monotonic()
            if wait > 0:
                await self.sleep(wait)
            self._last = time.monotonic()


def _retry_after(response: httpx.Response | None) -> float:
    if response is None:
        return 0.0
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return 0.0
