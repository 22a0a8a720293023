"""Database role names and the URLs each process connects with (domain-model §11.3).

Migrations run as `patentrack_owner`; the API connects as `patentrack_app` and the
worker as `patentrack_worker`. Neither owns a table nor bypasses RLS, so PostgreSQL
itself enforces tenant isolation for them.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

OWNER_ROLE = "patentrack_owner"
APP_ROLE = "patentrack_app"
WORKER_ROLE = "patentrack_worker"
RUNTIME_ROLES = (APP_ROLE, WORKER_ROLE)
# Owns the narrow SECURITY DEFINER pre-tenant lookups (login by e-mail, one-time tokens):
# BYPASSRLS but NOLOGIN, and no runtime role is a member (domain-model §11.3 (5)).
AUTH_ROLE = "patentrack_auth"


def async_url(url: str | URL) -> URL:
    """Normalise any postgres URL to the asyncpg driver SQLAlchemy uses at runtime."""
    parsed = make_url(url) if isinstance(url, str) else url
    return parsed.set(drivername="postgresql+asyncpg")


def role_url(admin_url: str, role: str, password: str | None) -> URL:
    """The admin URL with its user swapped for a runtime role (same host and database)."""
    return async_url(admin_url).set(username=role, password=password)


def database_name(url: str | URL) -> str:
    """The database a URL points at (the default `postgres` when none is given)."""
    parsed = make_url(url) if isinstance(url, str) else url
    return parsed.database or "postgres"
