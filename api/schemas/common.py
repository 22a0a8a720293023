"""Shared schema building blocks."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic.alias_generators import to_camel

T = TypeVar("T")

# Deliberately loose (no deliverability check): the mail itself proves the address.
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=255, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
]


class CamelModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class Envelope(BaseModel, Generic[T]):
    """api.md §1.2: a single object is `{"data": {...}}`."""

    data: T


class Page(BaseModel, Generic[T]):
    """A page of items with the exact total (offset paging until cursors land, §1.4)."""

    data: list[T]
    total: int
    totalExact: bool = True


class Success(CamelModel):
    success: bool = True


class Message(CamelModel):
    message: str


PageLimit = Annotated[int, Field(ge=1, le=100)]


class CursorInfo(CamelModel):
    next: str | None = None
    has_more: bool


class CursorPage(BaseModel, Generic[T]):
    """api.md §1.2 paginated envelope with D10's `totalIsApproximate`."""

    data: list[T]
    cursor: CursorInfo
    total: int
    totalIsApproximate: bool = False
