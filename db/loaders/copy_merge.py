"""Generic COPY-into-staging building blocks for the bulk loaders (ingestion.md §1.1 6-7).

A `Staging` is a session-local TEMP table (ON COMMIT DELETE ROWS: staging never outlives
the batch's transaction, even on a pooled connection reused by the next job). Loaders
COPY rows into it with asyncpg's binary COPY, then run their own set-based merges.
`merge_isolating` bisects a failed batch under savepoints so one record the database
rejects becomes one error row and the rest of the batch loads (§1.2).

Factored out of db/loaders/assignments.py's pattern so every source shares it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import asyncpg

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Staging:
    """A TEMP staging table: its name and (column, SQL type) pairs, in COPY order."""

    name: str
    columns: tuple[tuple[str, str], ...]

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]

    def ddl(self) -> str:
        cols = ", ".join(f"{name} {sql_type}" for name, sql_type in self.columns)
        return f"CREATE TEMP TABLE IF NOT EXISTS {self.name} ({cols}) ON COMMIT DELETE ROWS"


async def prepare(conn: asyncpg.Connection, *stagings: Staging) -> None:
    """Create (once per connection) and empty the staging tables."""
    for staging in stagings:
        await conn.execute(staging.ddl())
    await conn.execute("TRUNCATE " + ", ".join(s.name for s in stagings))


async def copy_rows(
    conn: asyncpg.Connection, staging: Staging, rows: Sequence[Sequence[Any]]
) -> int:
    """Binary COPY of `rows` into `staging`; returns the row count."""
    if rows:
        await conn.copy_records_to_table(staging.name, records=rows, columns=staging.column_names)
    return len(rows)


async def merge_isolating(
    conn: asyncpg.Connection,
    items: list[T],
    merge: Callable[[list[T]], Awaitable[R]],
    combine: Callable[[R, R], R],
    empty: R,
) -> tuple[R, list[tuple[T, str]]]:
    """Run `merge(items)` in a SAVEPOINT; on a database error bisect down to the items the
    database rejects (returned with the reason) and merge the rest (§1.2)."""
    if not items:
        return empty, []
    try:
        async with conn.transaction():
            return await merge(items), []
    except asyncpg.PostgresError as exc:
        if len(items) == 1:
            return empty, [(items[0], f"{type(exc).__name__}: {exc}")]
    middle = len(items) // 2
    left, bad_left = await merge_isolating(conn, items[:middle], merge, combine, empty)
    right, bad_right = await merge_isolating(conn, items[middle:], merge, combine, empty)
    return combine(left, right), bad_left + bad_right
