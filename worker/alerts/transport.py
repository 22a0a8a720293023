"""HTTP and SMTP for alerts: one POST with a hard timeout, one plain-text mail
(patentrack/smtp.py).

Customer targets are re-resolved before every POST and refused when any address is not
public outside development/test (domain/alerts/targets.py: SSRF, DNS rebinding).
Redirects are never followed: a 3xx could point inside our network.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from domain.alerts.delivery import short_error
from domain.alerts.targets import check_addresses
from patentrack.settings import Settings
from patentrack.smtp import send_blocking as send_blocking  # worker/alerts/digest.py sends its own
from patentrack.smtp import send_text

log = logging.getLogger("patentrack.alerts")
USER_AGENT = "PatenTrack-Webhooks/1"


@dataclass(frozen=True)
class PostResult:
    status_code: int | None
    error: str | None
    duration_ms: int


async def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []
    return sorted({str(info[4][0]) for info in infos})


async def post_json(
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    timeout_s: float,
    allow_private: bool,
    check_target: bool = True,
) -> PostResult:
    """POST `body` as JSON; never raises for network trouble (it is the result)."""
    started = time.monotonic()

    def took() -> int:
        return int((time.monotonic() - started) * 1000)

    if check_target:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        problem = check_addresses(
            await _resolve(parts.hostname or "", port), allow_private=allow_private
        )
        if problem:
            return PostResult(None, f"refused: {problem}", took())
    try:
        async with httpx.AsyncClient(timeout=timeout_s, follow_redirects=False) as client:
            response = await client.post(
                url,
                content=body,
                headers={"Content-Type": "application/json", "User-Agent": USER_AGENT, **headers},
            )
    except httpx.HTTPError as exc:
        return PostResult(None, short_error(f"{type(exc).__name__}: {exc}"), took())
    error = None if response.is_success else short_error(f"HTTP {response.status_code}")
    return PostResult(response.status_code, error, took())


async def send_mail(settings: Settings, *, to: list[str], subject: str, body: str) -> bool:
    """One mail to `to` over the configured SMTP server; False (logged) when it failed."""
    return await send_text(
        settings, to=", ".join(to), subject=subject, body=body, log=log,
        failure="alert mail not sent",
    )  # fmt: skip
