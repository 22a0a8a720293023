"""Runtime configuration, read from the environment (and `.env`) with pydantic-settings.

Outside development the app refuses to start without real secrets and real service
URLs; in development it falls back to embedded PostgreSQL/Redis and a per-data-dir
random JWT secret so a fresh checkout runs with one command.
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import URL

from db.roles import APP_ROLE, WORKER_ROLE, async_url, role_url

Environment = Literal["development", "test", "production"]

# Values people paste from tutorials; never acceptable as a signing key.
_WEAK_SECRETS = {"secret", "changeme", "change-me", "jwt-secret", "development", "password"}
MIN_SECRET_LENGTH = 32
MIN_SECRET_DISTINCT_CHARS = 10


def _reveal(secret: SecretStr | None) -> str | None:
    return secret.get_secret_value() if secret else None


class SettingsError(RuntimeError):
    """Configuration that must stop the process, with a message that says why."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    environment: Environment = "development"

    # Admin/owner connection: runs migrations and bootstraps the database roles.
    database_url: str | None = None
    # The API and the worker connect as their own non-owner roles (domain-model §11.3).
    app_database_url: str | None = None
    worker_database_url: str | None = None
    db_app_password: SecretStr | None = None
    db_worker_password: SecretStr | None = None
    db_pool_size: int = 10

    redis_url: str | None = None

    jwt_secret: SecretStr | None = None
    # RS256 when both PEM keys are configured (api.md §2.2: production keys from a KMS);
    # otherwise HS256 with JWT_SECRET. Verification accepts only the configured algorithm.
    jwt_private_key: SecretStr | None = None
    jwt_public_key: str | None = None
    jwt_issuer: str = "patentrack"
    app_url: str = "http://localhost:8000"
    share_url: str | None = None
    cors_origins: list[str] = Field(default_factory=list)

    smtp_host: str = "localhost"
    smtp_port: int = 1025
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "PatenTrack <no-reply@patentrack.local>"
    smtp_starttls: bool = False

    # Customer webhooks (issue 7, D2): per-attempt timeout, attempts, backoff base
    # (base, 2x, 4x, ... between attempts; tests make it small).
    webhook_timeout_s: float = 10.0
    webhook_max_attempts: int = 5
    webhook_backoff_base_s: float = 1.0
    # Operations alerts (issue 9): a Slack-compatible incoming-webhook URL and e-mail
    # recipients; either may be empty. A failed ingestion job alerts only once it has
    # stayed the latest for the grace period (its retries are new job rows).
    ops_alert_webhook_url: str | None = None
    ops_alert_emails: list[str] = Field(default_factory=list)
    ops_alert_failure_grace_s: float = 300.0
    # domain-model §8: share_access_logs hold IP addresses (personal data); a daily job
    # deletes rows older than this (worker/maintenance_jobs.py).
    share_access_log_retention_days: int = Field(default=90, ge=1)

    # USPTO daily assignment feed (ingestion.md §2.1, §4.1). The key travels only as the
    # x-api-key header to this host (BR-054) and is never logged.
    uspto_assignment_base_url: str = "https://api.uspto.gov/api/v1/datasets/products/files/PASDL/"
    uspto_assignment_backfile_base_url: str = (
        "https://api.uspto.gov/api/v1/datasets/products/files/PASYR/"
    )
    uspto_api_key: SecretStr | None = None
    # BR-058: 429 backoff base (1, 2, 4, 8, 16 s) and tries; network errors retry at a fixed delay.
    uspto_backoff_base_s: float = 1.0
    uspto_max_tries: int = 5
    uspto_network_retry_s: float = 5.0
    ingest_batch_size: int = 5000
    ingest_workdir: Path | None = None

    data_dir: Path = Path(".data")
    host: str = "127.0.0.1"
    port: int = 8000
    max_body_bytes: int = 1_048_576
    # Multiplies every rate limit of api/auth/ratelimit.py (api.md §1.6). 1 in production;
    # the load benchmark raises it so it measures serving, not throttling.
    rate_limit_scale: float = Field(default=1.0, gt=0)
    log_level: str = "INFO"
    spa_dist: Path = Path("frontend/dist")

    @field_validator("cors_origins")
    @classmethod
    def _no_wildcard_origin(cls, origins: list[str]) -> list[str]:
        # api.md §1.8: an exact allowlist, never a wildcard (credentials are on).
        if any(o.strip() == "*" for o in origins):
            raise ValueError("CORS_ORIGINS must list exact origins; '*' is not allowed")
        return [o.rstrip("/") for o in origins]

    @model_validator(mode="after")
    def _production_requirements(self) -> Settings:
        if self.environment == "development":
            return self
        problems: list[str] = []
        secret = self.jwt_secret.get_secret_value() if self.jwt_secret else ""
        if not secret:
            problems.append("JWT_SECRET is not set")
        elif (
            len(secret) < MIN_SECRET_LENGTH
            or secret.lower() in _WEAK_SECRETS
            or len(set(secret)) < MIN_SECRET_DISTINCT_CHARS
        ):
            problems.append(
                f"JWT_SECRET is too weak: use at least {MIN_SECRET_LENGTH} random characters "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        if not self.database_url:
            problems.append("DATABASE_URL is not set (embedded PostgreSQL is for development only)")
        if not self.redis_url:
            problems.append("REDIS_URL is not set (embedded Redis is for development only)")
        if bool(self.jwt_private_key) != bool(self.jwt_public_key):
            problems.append("JWT_PRIVATE_KEY and JWT_PUBLIC_KEY must be set together")
        if problems:
            raise ValueError(
                f"refusing to start in {self.environment} mode: " + "; ".join(problems)
            )
        return self

    @property
    def is_development(self) -> bool:
        return self.environment == "development"

    @property
    def jwt_algorithm(self) -> str:
        return "RS256" if self.jwt_private_key and self.jwt_public_key else "HS256"

    @property
    def cookie_secure(self) -> bool:
        """api.md §2.1: cookies are Secure everywhere except plain-http localhost in dev/test.

        Browsers do not send Secure cookies over http, so the one-command local start
        (http://127.0.0.1) needs them relaxed; nothing else ever does.
        """
        url = urlsplit(self.app_url)
        local = url.scheme == "http" and url.hostname in {"localhost", "127.0.0.1"}
        return not (local and self.environment in {"development", "test"})

    @property
    def allowed_origins(self) -> list[str]:
        """The CORS allowlist: APP_URL, SHARE_URL and configured origins (api.md §1.8)."""
        origins = {self.app_url.rstrip("/"), *self.cors_origins}
        if self.share_url:
            origins.add(self.share_url.rstrip("/"))
        if self.is_development:
            origins.update({"http://localhost:5173", "http://127.0.0.1:5173"})
            # The same local app is reachable as localhost and 127.0.0.1; a browser sends
            # whichever the user typed as Origin, and both must be able to sign in.
            for local, twin in (("://localhost", "://127.0.0.1"), ("://127.0.0.1", "://localhost")):
                if local in self.app_url:
                    origins.add(self.app_url.rstrip("/").replace(local, twin, 1))
        return sorted(origins)

    def app_db_url(self) -> URL:
        """Where the API connects: APP_DATABASE_URL, or DATABASE_URL as `patentrack_app`."""
        if self.app_database_url:
            return async_url(self.app_database_url)
        return role_url(self._admin_url(), APP_ROLE, _reveal(self.db_app_password))

    def worker_db_url(self) -> URL:
        """Where the worker connects: WORKER_DATABASE_URL, or DATABASE_URL as the worker role."""
        if self.worker_database_url:
            return async_url(self.worker_database_url)
        return role_url(self._admin_url(), WORKER_ROLE, _reveal(self.db_worker_password))

    def _admin_url(self) -> str:
        if not self.database_url:
            raise SettingsError("DATABASE_URL is not resolved (run through `patentrack up`)")
        return self.database_url

    def jwt_secret_value(self) -> str:
        """The signing secret; in development a random one kept under the data dir."""
        if self.jwt_secret:
            return self.jwt_secret.get_secret_value()
        path = self.data_dir / "dev-jwt-secret"
        if path.exists():
            return path.read_text().strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(48)
        path.write_text(value)
        path.chmod(0o600)
        return value


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning validation failures into one readable SettingsError."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        reasons = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise SettingsError(reasons) from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings (the API and worker entry points call this once)."""
    return load_settings()
