"""Schema management: create the database, bootstrap roles, run Alembic as the owner role.

The admin connection (DATABASE_URL) must be a superuser or hold CREATEROLE and
membership in `patentrack_owner`; everything the migrations create is owned by
`patentrack_owner`, never by the roles the API and worker connect as (§11.3 (1)).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import URL, make_url

from db import rls
from db.roles import APP_ROLE, OWNER_ROLE, RUNTIME_ROLES, WORKER_ROLE, database_name

ROOT = Path(__file__).resolve().parent.parent


def sync_url(url: str | URL) -> URL:
    """The psycopg (sync) form of a postgres URL, for DDL and Alembic."""
    parsed = make_url(url) if isinstance(url, str) else url
    return parsed.set(drivername="postgresql+psycopg")


def alembic_config() -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    return cfg


def head_revisions() -> frozenset[str]:
    """The newest revision(s) in migrations/ (health/ready compares the database against them).

    Normally one; branches developed in parallel are applied together until merged.
    """
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def ensure_database(admin_url: str) -> None:
    """Create the target database if it does not exist yet (idempotent)."""
    name = database_name(admin_url)
    engine = create_engine(
        sync_url(admin_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        with engine.connect() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).scalar()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()


def bootstrap(conn: Connection, passwords: dict[str, str | None], database: str) -> None:
    """Roles and database-level grants; safe to run on every start."""
    for statement in rls.bootstrap_roles(passwords):
        conn.execute(text(statement))
    for statement in rls.database_grants(database):
        conn.execute(text(statement))


def upgrade(
    admin_url: str,
    *,
    app_password: str | None = None,
    worker_password: str | None = None,
    revision: str = "heads",
) -> None:
    """Bring the database to `revision`: roles first, then Alembic as `patentrack_owner`."""
    ensure_database(admin_url)
    engine = create_engine(sync_url(admin_url))
    try:
        with engine.connect() as conn:
            # Role DDL is cluster-wide; concurrent bootstraps (parallel test runs) serialise here.
            conn.execute(text("SELECT pg_advisory_xact_lock(7001001)"))
            bootstrap(
                conn,
                {APP_ROLE: app_password, WORKER_ROLE: worker_password},
                database_name(admin_url),
            )
            conn.commit()
            conn.execute(text(f"SET ROLE {OWNER_ROLE}"))
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            conn.execute(text(f"GRANT SELECT ON alembic_version TO {', '.join(RUNTIME_ROLES)}"))
            conn.commit()
            conn.execute(text("RESET ROLE"))
    finally:
        engine.dispose()


def downgrade(admin_url: str, revision: str = "base") -> None:
    """Step the schema down (used by the migration round-trip test)."""
    engine = create_engine(sync_url(admin_url))
    try:
        with engine.connect() as conn:
            conn.execute(text(f"SET ROLE {OWNER_ROLE}"))
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
            conn.commit()
    finally:
        engine.dispose()
