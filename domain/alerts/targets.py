"""Which URLs a webhook may point at (issue 7; OWASP SSRF prevention).

A webhook makes *our* servers send requests to an address a customer chose. Left open,
that reaches what only our network can reach: the cloud metadata endpoint
(169.254.169.254), the database, Redis, internal admin ports. So outside development:

- https only (the body carries portfolio data, the header a signature);
- the host may not be `localhost` or a literal private, loopback, link-local,
  multicast, reserved or unspecified address;
- and because a public name can resolve to a private address (or be re-pointed after
  registration: DNS rebinding), the worker resolves the host again before every
  delivery and refuses it when any address is not public (`check_addresses`).

In development and test, plain http is allowed for loopback receivers only (a local
test receiver), and private targets are allowed (no metadata service to protect).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
MAX_URL_LENGTH = 2000


def _literal_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (not private, loopback, link-local,
    multicast, reserved, unspecified, or an IPv4-mapped form of one of those)."""
    ip = _literal_ip(address)
    if ip is None:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def is_loopback_host(host: str) -> bool:
    ip = _literal_ip(host)
    return host.lower() in LOOPBACK_NAMES if ip is None else ip.is_loopback


def url_problem(url: str, *, allow_private: bool) -> str | None:
    """Why `url` may not be a webhook target, or None when it may.

    `allow_private` is True only in development and test (see the module docstring).
    """
    if len(url) > MAX_URL_LENGTH:
        return f"must be at most {MAX_URL_LENGTH} characters"
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return "is not a valid URL"
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        return "must be an absolute http(s) URL"
    if parts.username or parts.password:
        return "must not carry credentials"
    if port == 0:
        return "is not a valid URL"
    if parts.scheme == "http" and not (allow_private and is_loopback_host(host)):
        return "must use https (http only for a loopback receiver in development)"
    if allow_private:
        return None
    ip = _literal_ip(host)
    if host.lower() in LOOPBACK_NAMES or host.lower().endswith(".localhost"):
        return "must not point at a private or loopback address"
    if ip is not None and not is_public_address(str(ip)):
        return "must not point at a private or loopback address"
    return None


def check_addresses(addresses: list[str], *, allow_private: bool) -> str | None:
    """At delivery time: why the resolved addresses of a target may not be called."""
    if not addresses:
        return "the host does not resolve"
    if allow_private:
        return None
    blocked = [a for a in addresses if not is_public_address(a)]
    if blocked:
        return f"the host resolves to a non-public address ({blocked[0]})"
    return None
