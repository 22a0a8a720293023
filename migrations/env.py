"""Alembic environment: online migrations only, on a connection handed over by db.migrate."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine, text

import db.models  # noqa: F401  (registers every table on Base.metadata)
from db.base import Base
from db.roles import OWNER_ROLE

target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        compare_type=True,
        compare_server_default=False,
        include_schemas=False,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = os.environ["DATABASE_URL"].replace("+asyncpg", "+psycopg")
    if url.startswith("postgresql://"):
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    with create_engine(url).connect() as conn:
        conn.execute(text(f"SET ROLE {OWNER_ROLE}"))
        _run(conn)
        conn.commit()
