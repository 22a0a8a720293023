"""The keyset page of a filtered read-model query (api.md §1.4 cursor lists), shared by the
entity, company and dashboard list reads.

`filtered` is a SELECT with `id` and `sort_key` columns; only constant SQL fragments are
interpolated into it (values travel as bind parameters).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class KeysetPage:
    sql: str  # up to `limit + 1` rows of `filtered` after the keyset, in list order
    direction: str  # "ASC" or "DESC": for an outer query that keeps the order
    total: int  # the exact size of the filtered set


async def keyset_page(
    session: AsyncSession,
    filtered: str,
    params: dict[str, Any],
    *,
    descending: bool,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> KeysetPage:
    """Count `filtered` and build its page statement; adds the page's bind parameters
    (`after_k`, `after_id`, `limit`) to `params`, which the caller then executes with."""
    count_sql = f"SELECT count(*) FROM ({filtered}) f"  # noqa: S608
    total = (await session.execute(text(count_sql), params)).scalar_one()
    direction = "DESC" if descending else "ASC"
    page_sql = f"SELECT * FROM ({filtered}) f"  # noqa: S608
    if after is not None:
        op = "<" if descending else ">"
        page_sql += f" WHERE (f.sort_key, f.id) {op} (:after_k, :after_id)"
        params["after_k"], params["after_id"] = after
    page_sql += f" ORDER BY f.sort_key {direction}, f.id {direction} LIMIT :limit"
    params["limit"] = limit + 1
    return KeysetPage(page_sql, direction, int(total))
