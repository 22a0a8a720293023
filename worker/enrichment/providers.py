"""Pluggable enrichment providers (ingestion.md §2.11): `resolve_domain(name)` and
`fetch_logo(domain)`. Several legacy services closed or changed terms, so adapters are
optional and configured from the environment (keys never in code):

    PT_ENRICH_DOMAIN_URL   suggest endpoint, `?query=<name>` → [{"name", "domain"}, …]
                           (the Clearbit autocomplete shape)
    PT_ENRICH_DOMAIN_KEY   optional bearer key for it
    PT_ENRICH_LOGO_URL     logo URL template with `{domain}` (returns image bytes)
    PT_ENRICH_LOGO_KEY     optional bearer key for it

Providers raise `ProviderError` on any failure; the enricher degrades to a placeholder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import httpx

_NOISE = re.compile(r"[^a-z0-9]+")
_SUFFIXES = {"inc", "corp", "corporation", "co", "ltd", "llc", "gmbh", "ag", "sa", "plc", "kk"}


class ProviderError(RuntimeError):
    """A provider failed (network, HTTP status, bad payload)."""

    def __init__(self, message: str, *, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class DomainProvider(Protocol):
    name: str

    async def resolve_domain(self, company: str) -> tuple[str, float] | None: ...


class LogoProvider(Protocol):
    name: str

    async def fetch_logo(self, domain: str) -> bytes | None: ...


def normalize_company(name: str) -> str:
    """Cache key form of a company name: lower case, punctuation and legal suffixes gone."""
    words = [w for w in _NOISE.sub(" ", name.lower()).split() if w]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


def _raise_for(response: httpx.Response, what: str) -> None:
    if response.status_code == 429:
        try:
            retry = float(response.headers.get("retry-after", ""))
        except ValueError:
            retry = None
        raise ProviderError(f"{what}: HTTP 429", retry_after_s=retry)
    if response.status_code >= 400:
        raise ProviderError(f"{what}: HTTP {response.status_code}")


@dataclass
class SuggestDomainProvider:
    """Name → domain through a suggest endpoint returning `[{"name", "domain"}]`."""

    url: str
    http: httpx.AsyncClient
    key: str | None = None
    name: str = "suggest"

    async def resolve_domain(self, company: str) -> tuple[str, float] | None:
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        try:
            response = await self.http.get(self.url, params={"query": company}, headers=headers)
        except httpx.HTTPError as exc:
            raise ProviderError(f"{self.name}: {type(exc).__name__}") from exc
        _raise_for(response, self.name)
        try:
            suggestions = response.json()
            wanted = normalize_company(company)
            best: tuple[str, float] | None = None
            for item in suggestions:
                domain = str(item.get("domain") or "").strip().lower()
                if not domain:
                    continue
                exact = normalize_company(str(item.get("name") or "")) == wanted
                score = 0.95 if exact else 0.5
                if best is None or score > best[1]:
                    best = (domain, score)
            return best
        except (ValueError, AttributeError, TypeError) as exc:
            raise ProviderError(f"{self.name}: bad payload") from exc


@dataclass
class TemplateLogoProvider:
    """Domain → image bytes from a URL template (`https://logo.example/{domain}`)."""

    url_template: str
    http: httpx.AsyncClient
    key: str | None = None
    name: str = "logo"

    async def fetch_logo(self, domain: str) -> bytes | None:
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        try:
            response = await self.http.get(self.url_template.format(domain=domain), headers=headers)
        except httpx.HTTPError as exc:
            raise ProviderError(f"{self.name}: {type(exc).__name__}") from exc
        if response.status_code == 404:
            return None
        _raise_for(response, self.name)
        return response.content


def providers_from_env(
    http: httpx.AsyncClient, env: Mapping[str, str] | None = None
) -> tuple[list[DomainProvider], list[LogoProvider]]:
    values = os.environ if env is None else env
    domains: list[DomainProvider] = []
    logos: list[LogoProvider] = []
    if url := values.get("PT_ENRICH_DOMAIN_URL"):
        domains.append(SuggestDomainProvider(url, http, values.get("PT_ENRICH_DOMAIN_KEY")))
    if template := values.get("PT_ENRICH_LOGO_URL"):
        logos.append(TemplateLogoProvider(template, http, values.get("PT_ENRICH_LOGO_KEY")))
    return domains, logos
