"""Company enrichment with a shared 30-day cache and graceful degradation (§2.11).

`Enricher.enrich(name)` tries the domain providers in order, then the logo providers for
the domain found. Results are cached in Redis by normalized name for 30 days (shared by
every worker); when a provider fails, the result is a placeholder (no domain, the
initials as logo text) cached only briefly, so enrichment never blocks anything and is
retried later. Logos are accepted as PNG up to 256 px (re-encoding other formats needs
an image library the project does not ship yet).
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
from dataclasses import asdict, dataclass
from pathlib import Path

from redis.asyncio import Redis

from worker.enrichment.providers import (
    DomainProvider,
    LogoProvider,
    ProviderError,
    normalize_company,
)

CACHE_PREFIX = "enrich:company:"
CACHE_TTL_S = 30 * 86400
PLACEHOLDER_TTL_S = 3600
MAX_LOGO_PX = 256
_PNG = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class EnrichmentResult:
    name: str
    domain: str | None
    confidence: float | None
    provider: str | None
    logo_png_b64: str | None
    placeholder: bool
    initials: str
    errors: tuple[str, ...] = ()

    @property
    def logo_png(self) -> bytes | None:
        return base64.b64decode(self.logo_png_b64) if self.logo_png_b64 else None


def initials(name: str) -> str:
    words = [w for w in normalize_company(name).split() if w]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR chunk, or None when `data` is not a PNG."""
    if not data.startswith(_PNG) or len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


class Enricher:
    def __init__(
        self, redis: Redis, domains: list[DomainProvider], logos: list[LogoProvider]
    ) -> None:
        self.redis = redis
        self.domains = domains
        self.logos = logos

    async def enrich(self, name: str) -> EnrichmentResult:
        key = CACHE_PREFIX + normalize_company(name)
        cached = await self.redis.get(key)
        if cached:
            data = json.loads(cached)
            data["errors"] = tuple(data["errors"])
            return EnrichmentResult(**data)
        result = await self._lookup(name)
        ttl = PLACEHOLDER_TTL_S if result.errors else CACHE_TTL_S
        await self.redis.set(key, json.dumps(asdict(result)), ex=ttl)
        return result

    async def _lookup(self, name: str) -> EnrichmentResult:
        errors: list[str] = []
        found: tuple[str, float, str] | None = None
        for provider in self.domains:
            try:
                hit = await provider.resolve_domain(name)
            except ProviderError as exc:
                errors.append(str(exc))
                continue
            if hit is not None:
                found = (hit[0], hit[1], provider.name)
                break
        logo: bytes | None = None
        if found is not None:
            for logo_provider in self.logos:
                try:
                    data = await logo_provider.fetch_logo(found[0])
                except ProviderError as exc:
                    errors.append(str(exc))
                    continue
                size = png_size(data) if data else None
                if data and size and max(size) <= MAX_LOGO_PX:
                    logo = data
                    break
        return EnrichmentResult(
            name=name,
            domain=found[0] if found else None,
            confidence=found[1] if found else None,
            provider=found[2] if found else None,
            logo_png_b64=base64.b64encode(logo).decode() if logo else None,
            placeholder=found is None or logo is None,
            initials=initials(name),
            errors=tuple(errors),
        )


def store_logo(root: Path, png: bytes) -> str:
    """Write a logo under `root` by content hash; returns its storage key."""
    digest = hashlib.sha256(png).hexdigest()
    key = f"logos/{digest[:2]}/{digest}.png"
    path = root / key
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
    return key
