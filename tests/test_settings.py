"""Outside development the app refuses to start without real secrets, and says why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from patentrack.settings import SettingsError, load_settings

ROOT = Path(__file__).resolve().parent.parent
STRONG = "k3J9-vQ2x_Lm8pR4tY7wZ1aB5cD6eF0gH2iJ"
SERVICES = {"database_url": "postgresql://u@h/db", "redis_url": "redis://h:6379/0"}


@pytest.mark.parametrize("environment", ["production", "test"])
def test_missing_jwt_secret_is_refused(environment: str) -> None:
    with pytest.raises(SettingsError, match="JWT_SECRET is not set"):
        load_settings(environment=environment, jwt_secret=None, **SERVICES)


@pytest.mark.parametrize(
    "secret", ["secret", "short-but-random-9f", "a" * 64, "changeme" * 5, "ab" * 20]
)
def test_weak_jwt_secret_is_refused(secret: str) -> None:
    with pytest.raises(SettingsError, match="JWT_SECRET is too weak"):
        load_settings(environment="production", jwt_secret=secret, **SERVICES)


def test_production_needs_real_services() -> None:
    with pytest.raises(SettingsError, match=r"DATABASE_URL is not set.*REDIS_URL is not set"):
        load_settings(
            environment="production", jwt_secret=STRONG, database_url=None, redis_url=None
        )


def test_strong_production_settings_load() -> None:
    settings = load_settings(environment="production", jwt_secret=STRONG, **SERVICES)
    assert settings.jwt_secret_value() == STRONG
    assert "http://localhost:5173" not in settings.allowed_origins


def test_development_generates_and_keeps_a_secret(tmp_path: Path) -> None:
    first = load_settings(environment="development", jwt_secret=None, data_dir=tmp_path)
    value = first.jwt_secret_value()
    assert len(value) >= 48
    again = load_settings(environment="development", jwt_secret=None, data_dir=tmp_path)
    assert again.jwt_secret_value() == value
    assert (tmp_path / "dev-jwt-secret").stat().st_mode & 0o077 == 0


def test_cors_wildcard_is_refused() -> None:
    with pytest.raises(SettingsError, match="'\\*' is not allowed"):
        load_settings(cors_origins=["*"])


def test_allowed_origins_are_exact() -> None:
    settings = load_settings(
        environment="production",
        jwt_secret=STRONG,
        app_url="https://app.example.com/",
        share_url="https://share.example.com",
        cors_origins=["https://partner.example.com"],
        **SERVICES,
    )
    assert settings.allowed_origins == [
        "https://app.example.com",
        "https://partner.example.com",
        "https://share.example.com",
    ]


def test_role_urls_are_derived_from_the_admin_url() -> None:
    settings = load_settings(
        database_url="postgresql://admin:pw@db.internal:5432/patentrack",
        db_app_password="app-pw",
        db_worker_password="worker-pw",
    )
    assert settings.app_db_url().render_as_string(hide_password=False) == (
        "postgresql+asyncpg://patentrack_app:app-pw@db.internal:5432/patentrack"
    )
    assert settings.worker_db_url().username == "patentrack_worker"


def test_cli_refuses_to_start_the_api_and_says_why(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"JWT_SECRET", "DATABASE_URL"}}
    env.update({"ENVIRONMENT": "production", "REDIS_URL": "redis://127.0.0.1:1/0"})
    result = subprocess.run(
        [sys.executable, "-m", "patentrack", "api"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "JWT_SECRET is not set" in result.stderr
    assert "refusing to start in production mode" in result.stderr


def test_cookies_are_secure_except_plain_http_localhost_in_dev_or_test() -> None:
    from patentrack.settings import load_settings

    def secure(environment: str, app_url: str) -> bool:
        return load_settings(
            environment=environment,
            app_url=app_url,
            database_url="postgresql://x@localhost/x",
            redis_url="redis://localhost:6379/0",
            jwt_secret="k3Jd9sL2mQ8wE4rT6yU1iO5pA7sD0fGhJkLzXcVb",
        ).cookie_secure

    assert not secure("development", "http://localhost:8000")
    assert not secure("test", "http://127.0.0.1:8000")
    assert secure("production", "http://localhost:8000")
    assert secure("development", "http://devbox.internal:8000")
    assert secure("development", "https://localhost")


def test_development_accepts_both_local_spellings_of_the_app_origin() -> None:
    # `patentrack up` prints http://127.0.0.1:PORT; users also type localhost.
    dev = load_settings(environment="development", app_url="http://127.0.0.1:8123")
    assert {"http://127.0.0.1:8123", "http://localhost:8123"} <= set(dev.allowed_origins)
    prod = load_settings(
        environment="production", jwt_secret=STRONG, app_url="http://localhost:8000", **SERVICES
    )
    assert "http://127.0.0.1:8000" not in prod.allowed_origins
