"""Fetch published USPTO assignment files (ingestion.md §1.1 step 2, §2.1, §4.1).

- By transaction date: `{base}adYYYYMMDD.zip`; the annual backfile is numbered parts
  `{backfile_base}ad19800101-YYYY1231-NN.zip`, fetched until the first missing part.
- The API key goes only in the `x-api-key` header (BR-054), only to the configured host:
  redirects are followed by hand so the key never leaves for another host (§2.1). Neither
  the key nor request headers are ever logged.
- HTTP 429: exponential backoff base·2^n (1, 2, 4, 8, 16 s), a larger Retry-After wins,
  plus jitter (BR-058). 5xx, network errors and truncated ZIPs: fixed-delay retries; a
  truncated ZIP is deleted and fetched again (§2.1). 401/403: `SourceAuthError`.
- Files are written to a temp name while hashing (SHA-256) and renamed when complete.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

log = logging.getLogger("patentrack.ingest.download")

_MAX_REDIRECTS = 5


class DownloadError(RuntimeError):
    """The file could not be fetched after every retry (transient; the job retries later)."""


class SourceAuthError(DownloadError):
    """The source refused our credentials (401/403): permanent until an operator acts."""


class NotPublished(DownloadError):
    """404: the dated file is not (yet) published."""


@dataclass(frozen=True)
class DownloadConfig:
    base_url: str
    backfile_base_url: str | None = None
    api_key: str | None = None
    backoff_base_s: float = 1.0
    max_tries: int = 5
    network_retry_s: float = 5.0
    timeout_s: float = 120.0


@dataclass(frozen=True)
class Downloaded:
    path: Path
    url: str
    size: int
    sha256: str


def daily_file_name(day: date) -> str:
    return f"ad{day:%Y%m%d}.zip"


def backfile_part_name(year: int, part: int) -> str:
    return f"ad19800101-{year}1231-{part:02d}.zip"


def _same_origin(a: str, b: str) -> bool:
    x, y = urlsplit(a), urlsplit(b)
    return (x.scheme, x.hostname, x.port) == (y.scheme, y.hostname, y.port)


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return 0.0


def _check_archive(path: Path, name: str) -> None:
    """Raise zipfile.BadZipFile for a truncated or corrupt ZIP (CRCs of every member)."""
    if not name.lower().endswith(".zip"):
        return
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            raise zipfile.BadZipFile(f"member {bad} fails its CRC check")


class Downloader:
    def __init__(self, config: DownloadConfig, client: httpx.AsyncClient | None = None) -> None:
        self.config = config
        self._client = client

    async def fetch_daily(self, day: date, dest_dir: Path) -> Downloaded:
        name = daily_file_name(day)
        return await self.fetch(urljoin(self.config.base_url, name), dest_dir / name)

    async def fetch_backfile(self, year: int, dest_dir: Path) -> list[Downloaded]:
        """Every numbered part of one annual backfile; stops at the first missing part."""
        base = self.config.backfile_base_url or self.config.base_url
        parts: list[Downloaded] = []
        for part in range(1, 100):
            name = backfile_part_name(year, part)
            try:
                parts.append(await self.fetch(urljoin(base, name), dest_dir / name))
            except NotPublished:
                if not parts:
                    raise
                break
        return parts

    async def fetch(self, url: str, dest: Path) -> Downloaded:
        dest.parent.mkdir(parents=True, exist_ok=True)
        client = self._client or httpx.AsyncClient(timeout=self.config.timeout_s)
        try:
            return await self._fetch_with_retries(client, url, dest)
        finally:
            if self._client is None:
                await client.aclose()

    async def _fetch_with_retries(
        self, client: httpx.AsyncClient, url: str, dest: Path
    ) -> Downloaded:
        cfg = self.config
        throttled = 0
        failures = 0
        while True:
            try:
                return await self._attempt(client, url, dest)
            except _Throttled as exc:
                throttled += 1
                if throttled >= cfg.max_tries:
                    raise DownloadError(
                        f"{url}: still rate limited (HTTP 429) after {throttled} tries"
                    ) from None
                delay = max(exc.retry_after, cfg.backoff_base_s * 2 ** (throttled - 1))
                delay += random.uniform(0, cfg.backoff_base_s / 10)  # jitter (BR-058)
                log.warning("rate limited, backing off", extra={"url": url, "delay_s": delay})
                await asyncio.sleep(delay)
            except _Transient as exc:
                failures += 1
                if failures >= cfg.max_tries:
                    raise DownloadError(
                        f"{url}: failed after {failures} tries: {exc.reason}"
                    ) from None
                log.warning("download failed, retrying", extra={"url": url, "reason": exc.reason})
                await asyncio.sleep(cfg.network_retry_s)

    def _headers(self, url: str) -> dict[str, str]:
        if self.config.api_key and _same_origin(url, self.config.base_url):
            return {"x-api-key": self.config.api_key}
        if (
            self.config.api_key
            and self.config.backfile_base_url
            and _same_origin(url, self.config.backfile_base_url)
        ):
            return {"x-api-key": self.config.api_key}
        return {}

    async def _attempt(self, client: httpx.AsyncClient, url: str, dest: Path) -> Downloaded:
        partial = dest.with_name(dest.name + ".part")
        current = url
        try:
            for _ in range(_MAX_REDIRECTS + 1):
                request = client.build_request("GET", current, headers=self._headers(current))
                response = await client.send(request, stream=True, follow_redirects=False)
                try:
                    if response.is_redirect and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    self._raise_for_status(response, url)
                    digest = hashlib.sha256()
                    size = 0
                    with partial.open("wb") as out:
                        async for chunk in response.aiter_bytes(1 << 20):
                            digest.update(chunk)
                            size += len(chunk)
                            out.write(chunk)
                finally:
                    await response.aclose()
                try:
                    _check_archive(partial, dest.name)
                except zipfile.BadZipFile as exc:
                    raise _Transient(f"truncated or corrupt ZIP ({exc})") from None
                partial.replace(dest)
                return Downloaded(dest, url, size, digest.hexdigest())
            raise _Transient("too many redirects")
        except httpx.TransportError as exc:
            raise _Transient(f"{type(exc).__name__}: {exc}") from None
        finally:
            partial.unlink(missing_ok=True)

    @staticmethod
    def _raise_for_status(response: httpx.Response, url: str) -> None:
        status = response.status_code
        if status == 200:
            return
        if status in (401, 403):
            raise SourceAuthError(
                f"{url}: the USPTO refused the API key (HTTP {status}); set a valid "
                "USPTO_API_KEY and re-activate the data source"
            )
        if status == 404:
            raise NotPublished(f"{url}: not published (HTTP 404)")
        if status == 429:
            raise _Throttled(_retry_after(response))
        raise _Transient(f"HTTP {status}")


class _Throttled(Exception):
    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after


class _Transient(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason
