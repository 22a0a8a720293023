"""Ranked asset search (api.md §3.2 #21)."""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import Field

from api.schemas.common import CamelModel


class SearchField(StrEnum):
    by_title = "title"
    number = "number"
    assignee = "assignee"
    inventor = "inventor"
    conveyance_text = "conveyanceText"


class SearchHit(CamelModel):
    id: uuid.UUID
    grant_number: str | None
    application_number: str | None
    title: str | None
    match_field: SearchField
    match_snippet: str = Field(
        description="The matching text, HTML-escaped, with the matches in <mark> (no other tags)."
    )
    score: float
