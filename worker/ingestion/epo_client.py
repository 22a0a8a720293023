"""EPO Open Patent Services client (ingestion.md §2.7, §4.2; BR-057, BR-058).

- OAuth2 client credentials: the token is cached in Redis (`epo:ops:token`) with TTL
  `expires_in - 60 s` (BR-057); one refresher at a time (Redis lock); a 401 (or 400
  `invalid_access_token`) forces ONE refresh and one retry.
- Every response's `X-Throttling-Control` re-rates the shared throttle
  (worker/ingestion/epo_throttle.py), so all worker processes slow down together.
- 429: retry up to 5 times after 1, 2, 4, 8, 16 s times base (a larger Retry-After wins,
  plus jitter; BR-058). 403 quota/robot rejection: every process pauses until the window
  resets; short pauses are waited out, long ones raise `EpoPaused` so the job defers.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import random
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

import httpx
from redis.asyncio import Redis

from worker.ingestion.epo_throttle import PREFIX, SharedThrottle

log = logging.getLogger("patentrack.ingest.epo")

TOKEN_KEY = f"{PREFIX}:token"
TOKEN_LOCK = f"{PREFIX}:token:lock"
Sleep = Callable[[float], Awaitable[None]]


class EpoError(RuntimeError):
    """OPS answered with an error we do not retry here."""


class EpoAuthError(EpoError):
    """Credentials refused (or a fresh token refused again): permanent until fixed."""


class EpoPaused(EpoError):
    """OPS asked us to stop for longer than a job should wait inline (black / quota)."""

    def __init__(self, resume_in_s: float, reason: str) -> None:
        super().__init__(f"{reason}; resume in {resume_in_s:.0f} s")
        self.resume_in_s = resume_in_s


@dataclass(frozen=True)
class EpoConfig:
    """OPS settings; from the environment until the lead adds them to Settings."""

    base_url: str = "https://ops.epo.org"
    key: str | None = None
    secret: str | None = None
    service: str = "inpadoc"  # family and legal calls (§2.7)
    default_rpm: int = 60
    black_pause_s: float = 60.0
    quota_pause_s: float = 3600.0
    max_inline_pause_s: float = 120.0
    backoff_base_s: float = 1.0
    max_429_tries: int = 5
    timeout_s: float = 60.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> EpoConfig:
        values = os.environ if env is None else env
        return cls(
            base_url=values.get("PT_SRC_EPO_OPS_BASE_URL") or cls.base_url,
            key=values.get("EPO_OPS_KEY"),
            secret=values.get("EPO_OPS_SECRET"),
        )


@dataclass
class EpoResponse:
    status: int  # 200, or 404 (no family)
    body: bytes | None
    url: str


@dataclass
class ClientStats:
    """What the client chose, for operators and tests (no wall-clock needed)."""

    requests: int = 0
    token_refreshes: int = 0
    intervals_s: list[float] = field(default_factory=list)  # slot spacing per request
    waits_s: list[float] = field(default_factory=list)  # every sleep: slot, pause, backoff
    pauses_s: list[float] = field(default_factory=list)
    backoffs_s: list[float] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)  # colours seen in our responses


def token_ttl(expires_in: int) -> int:
    """BR-057: cache for `expires_in - 60 s`; very short-lived tokens keep half their life."""
    return expires_in - 60 if expires_in > 120 else max(1, expires_in // 2)


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return 0.0


def _token_expired(response: httpx.Response) -> bool:
    if response.status_code == 401:
        return True
    text = response.text.lower() if response.status_code == 400 else ""
    challenge = response.headers.get("www-authenticate", "").lower()
    return "invalid_access_token" in text or "invalid_token" in challenge


class EpoOpsClient:
    def __init__(
        self,
        config: EpoConfig,
        redis: Redis,
        *,
        http: httpx.AsyncClient | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.config = config
        self.redis = redis
        self.http = http or httpx.AsyncClient(timeout=config.timeout_s)
        self._owns_http = http is None
        self.sleep = sleep
        self.throttle = SharedThrottle(
            redis, service=config.service, default_rpm=config.default_rpm
        )
        self.stats = ClientStats()

    async def aclose(self) -> None:
        if self._owns_http:
            await self.http.aclose()

    # ------------------------------------------------------------------ token (BR-057)

    async def token(self) -> str:
        for _ in range(200):
            cached = await self.redis.get(TOKEN_KEY)
            if cached:
                return cached.decode() if isinstance(cached, bytes) else str(cached)
            owner = uuid.uuid4().hex
            if await self.redis.set(TOKEN_LOCK, owner, nx=True, px=15_000):
                try:
                    return await self._refresh()
                finally:
                    if await self.redis.get(TOKEN_LOCK) == owner.encode():
                        await self.redis.delete(TOKEN_LOCK)
            await asyncio.sleep(0.05)  # another process is refreshing: wait for its token
        raise EpoAuthError("no OPS token after waiting for the refresher")

    async def _refresh(self) -> str:
        if not self.config.key or not self.config.secret:
            raise EpoAuthError("EPO_OPS_KEY / EPO_OPS_SECRET are not configured")
        basic = base64.b64encode(f"{self.config.key}:{self.config.secret}".encode()).decode()
        response = await self.http.post(
            f"{self.config.base_url}/3.2/auth/accesstoken",
            headers={
                "Authorization": f"Basic {basic}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            content=b"grant_type=client_credentials",
        )
        if response.status_code != 200:
            raise EpoAuthError(f"token request refused: HTTP {response.status_code}")
        data = response.json()
        token = str(data["access_token"])
        # expires_in arrives as a string ("1199"), §2.7.
        await self.redis.set(TOKEN_KEY, token, ex=token_ttl(int(data["expires_in"])))
        self.stats.token_refreshes += 1
        return token

    async def _invalidate(self, token: str) -> None:
        # Only the token we used: another process may already have stored a fresh one.
        current = await self.redis.get(TOKEN_KEY)
        if current is not None and current.decode() == token:
            await self.redis.delete(TOKEN_KEY)

    # ------------------------------------------------------------------ requests

    async def family(
        self, country: str, number: str, kind: str | None, *, constituents: str = ""
    ) -> EpoResponse:
        """`…/family/publication/docdb/{CC}.{number}.{kind}[/biblio|/legal]` (§2.7)."""
        key = ".".join(p for p in (country, number, kind) if p)
        suffix = f"/{constituents}" if constituents else ""
        return await self.get(f"/3.2/rest-services/family/publication/docdb/{key}{suffix}")

    async def get(self, path: str) -> EpoResponse:
        url = f"{self.config.base_url}{path}"
        refreshed = False
        throttled = 0
        while True:
            await self._wait_for_slot()
            token = await self.token()
            response = await self.http.get(
                url, headers={"Authorization": f"Bearer {token}", "Accept": "application/xml"}
            )
            self.stats.requests += 1
            colour = await self.throttle.observe(
                response.headers.get("x-throttling-control"),
                black_pause_s=self.config.black_pause_s,
            )
            if colour:
                self.stats.colours.append(colour)
            status = response.status_code
            if status in (200, 404):
                return EpoResponse(status, response.content if status == 200 else None, url)
            if _token_expired(response) and status in (400, 401):
                if refreshed:
                    raise EpoAuthError(f"{url}: token refused again after a refresh")
                refreshed = True
                await self._invalidate(token)
                continue
            if status == 429:
                throttled += 1
                if throttled > self.config.max_429_tries:
                    raise EpoError(f"{url}: still HTTP 429 after {throttled} tries")
                base = self.config.backoff_base_s
                delay = max(_retry_after(response), base * 2 ** (throttled - 1))
                delay += random.uniform(0, base / 10)  # jitter (BR-058)
                self.stats.backoffs_s.append(delay)
                await self._sleep(delay)
                continue
            if status == 403:
                # Quota or robot rejection: stop everyone until the window resets (§2.7).
                pause = _retry_after(response) or self.config.quota_pause_s
                await self.throttle.pause(pause)
                log.warning("OPS quota rejection, pausing", extra={"pause_s": pause})
                continue
            raise EpoError(f"{url}: HTTP {status}")

    async def _wait_for_slot(self) -> None:
        while True:
            slot = await self.throttle.acquire()
            if slot.paused:
                if slot.wait_s > self.config.max_inline_pause_s:
                    raise EpoPaused(slot.wait_s, "EPO OPS asked us to stop (black or quota)")
                self.stats.pauses_s.append(slot.wait_s)
                await self._sleep(slot.wait_s)
                continue
            self.stats.intervals_s.append(slot.interval_s)
            if slot.wait_s > 0:
                await self._sleep(slot.wait_s)
            return

    async def _sleep(self, seconds: float) -> None:
        self.stats.waits_s.append(seconds)
        await self.sleep(seconds)
