"""docker-compose.yml agrees with the settings: every variable the services need is set."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from patentrack.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
APP_SERVICES = ("migrate", "api", "worker", "scheduler")
REQUIRED = {
    "ENVIRONMENT",
    "DATABASE_URL",
    "REDIS_URL",
    "JWT_SECRET",
    "APP_URL",
    "SMTP_HOST",
    "SMTP_PORT",
    "DB_APP_PASSWORD",
    "DB_WORKER_PASSWORD",
}


def _compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _resolve(value: str) -> str:
    # ${NAME:-default} -> default; ${NAME:?message} -> a strong stand-in secret.
    value = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)
    return re.sub(r"\$\{[A-Z_]+:\?[^}]*\}", "Zq8-" + "x7Lp2Vw9Rt5Ym3Kd" * 3, value)


def test_conventional_services_are_present() -> None:
    services = _compose()["services"]
    assert services["postgres"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"
    assert "mailhog" in services["mailhog"]["image"]
    for name in APP_SERVICES:
        assert name in services


def test_every_app_service_sets_what_the_settings_need(monkeypatch: pytest.MonkeyPatch) -> None:
    services = _compose()["services"]
    fields = {name.upper() for name in Settings.model_fields}
    for name in APP_SERVICES:
        env = services[name]["environment"]
        missing = REQUIRED - set(env)
        assert not missing, f"{name} lacks {sorted(missing)}"
        unknown = set(env) - fields
        assert not unknown, f"{name} sets variables no setting reads: {sorted(unknown)}"
        # Read exactly as the container would: from environment variables.
        for field in fields:
            monkeypatch.delenv(field, raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, _resolve(str(value)))
        settings = load_settings()  # production validation must pass
        assert settings.environment == "production"
        assert settings.app_db_url().username == "patentrack_app"


def test_hosts_in_urls_are_compose_services() -> None:
    services = _compose()["services"]
    env = services["api"]["environment"]
    assert "@postgres:5432/" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:6379")
    assert env["SMTP_HOST"] in services
    for name in APP_SERVICES:
        for dependency in services[name].get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown {dependency}"
