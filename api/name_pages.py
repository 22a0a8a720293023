"""One page of a name-sorted, searchable cursor list (api.md §1.4, §1.5): the entity and
company lists of an organization. Rows sort by `sort_key` (the lower-cased name), ties
by `id`; the cursor is bound to the org, the list, the search term and the order."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Sequence
from typing import Protocol, TypeVar

from api.pagination import PageSlice, keyset_page
from api.schemas.assets import SortOrder
from patentrack.settings import Settings


class NameSorted(Protocol):
    @property
    def id(self) -> uuid.UUID: ...

    @property
    def sort_key(self) -> str: ...


R = TypeVar("R", bound=NameSorted)
R_co = TypeVar("R_co", bound=NameSorted, covariant=True)


class ReadPage(Protocol[R_co]):
    """A repository read: up to `limit + 1` rows after the keyset, and the exact total."""

    def __call__(
        self,
        *,
        search: str | None,
        descending: bool,
        limit: int,
        after: tuple[str, uuid.UUID] | None,
    ) -> Awaitable[tuple[Sequence[R_co], int]]: ...


async def name_sorted_page(
    settings: Settings,
    read: ReadPage[R],
    *,
    org_id: uuid.UUID,
    view: str,
    search: str | None,
    order: SortOrder,
    limit: int,
    cursor: str | None,
) -> tuple[PageSlice[R], int]:
    term = (search or "").strip() or None  # §1.5: free text is trimmed
    return await keyset_page(
        settings,
        {"org": org_id, "view": view, "s": term, "o": order.value},
        cursor,
        limit,
        lambda after: read(
            search=term, descending=order is SortOrder.desc, limit=limit, after=after
        ),
    )
