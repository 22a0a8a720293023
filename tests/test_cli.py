"""The CLI against a real database: migrate is idempotent, createsuperuser makes a super admin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from db.migrate import sync_url
from domain.passwords import verify_password

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], admin_url: str, *stdin: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": admin_url,
        "ENVIRONMENT": "development",
        "DATA_DIR": "/tmp/patentrack-cli-test",
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, "-m", "patentrack", *args],
        cwd=ROOT,
        env=env,
        input="\n".join(stdin),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_migrate_twice_is_a_no_op(admin_url: str) -> None:
    for _ in range(2):
        result = _run(["migrate"], admin_url)
        assert result.returncode == 0, result.stderr
        assert "migrations at head" in result.stderr


def test_createsuperuser_creates_a_platform_super_admin(admin_url: str, clean_tables: None) -> None:
    result = _run(
        ["createsuperuser", "--email", "Root@Example.com", "--password", "Sup3rSecretPass"],
        admin_url,
    )
    assert result.returncode == 0, result.stderr
    engine = create_engine(sync_url(admin_url))
    with engine.connect() as conn:
        email, role, password_hash, is_platform = conn.execute(
            text(
                "SELECT u.email, u.role, u.password_hash, o.is_platform FROM users u"
                " JOIN organizations o ON o.id = u.organization_id"
                " WHERE u.email = 'root@example.com'"
            )
        ).one()
    engine.dispose()
    assert (email, role, is_platform) == ("root@example.com", "super_admin", True)
    assert verify_password("Sup3rSecretPass", password_hash)

    again = _run(
        ["createsuperuser", "--email", "root@example.com", "--password", "Sup3rSecretPass"],
        admin_url,
    )
    assert again.returncode == 1 and "already exists" in again.stderr


def test_createsuperuser_enforces_the_password_policy(admin_url: str) -> None:
    result = _run(["createsuperuser", "--email", "a@b.co", "--password", "short"], admin_url)
    assert result.returncode == 2
    assert "at least 12 characters" in result.stderr and "digit" in result.stderr
