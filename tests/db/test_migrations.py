"""Migrations are the schema: models == head, and down/up round-trips on a scratch database."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import db.models  # noqa: F401
from db.base import Base
from db.migrate import downgrade, head_revisions, sync_url, upgrade


def test_models_match_migrations(admin_url: str) -> None:
    engine = create_engine(sync_url(admin_url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == [], f"models and migrations differ: {diff}"


def test_database_is_at_head(admin_url: str) -> None:
    engine = create_engine(sync_url(admin_url))
    try:
        with engine.connect() as conn:
            current = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    finally:
        engine.dispose()
    assert current == head_revisions()


def test_downgrade_to_base_and_upgrade_again(admin_url: str) -> None:
    scratch = make_url(admin_url).set(database=make_url(admin_url).database + "_scratch")
    maintenance = create_engine(
        sync_url(scratch).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    name = scratch.database
    try:
        with maintenance.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        url = scratch.render_as_string(hide_password=False)
        upgrade(url)
        downgrade(url, "base")
        engine = create_engine(sync_url(scratch))
        with engine.connect() as conn:
            left = conn.execute(
                text(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                    " AND tablename <> 'alembic_version'"
                )
            ).scalar()
        engine.dispose()
        assert left == 0
        upgrade(url)
    finally:
        with maintenance.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        maintenance.dispose()
