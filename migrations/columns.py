"""Column and DDL helpers shared by the migration files (one definition, same DDL)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

UUID = pg.UUID(as_uuid=True)
NOW = sa.text("now()")
DOC = sa.String(20)  # a normalised USPTO document number (domain-model §2)


def uuid_pk() -> sa.Column[Any]:
    """`id uuid PRIMARY KEY DEFAULT gen_random_uuid()` (domain-model §0)."""
    return sa.Column("id", UUID, primary_key=True, server_default=sa.text("gen_random_uuid()"))


def ts(name: str, nullable: bool = False) -> sa.Column[Any]:
    """A timestamptz; NOT NULL ones default to now() (domain-model §0 audit columns)."""
    return sa.Column(
        name,
        sa.DateTime(timezone=True),
        nullable=nullable,
        server_default=None if nullable else NOW,
    )


def fk(
    column: str, table: str, target: str, ondelete: str | None = None, **kw: Any
) -> sa.Column[Any]:
    """A uuid column referencing `target.id`, its constraint named like the models name it."""
    return sa.Column(
        column,
        UUID,
        sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}"),
        **kw,
    )


def execute_all(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)
