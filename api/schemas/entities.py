"""The org's entities: grouped party names (api.md §3.4 #35-37; BR-018..020)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from api.schemas.common import CamelModel


class EntityItem(CamelModel):
    id: uuid.UUID
    canonical_name: str
    representative_id: uuid.UUID | None
    alias_count: int
    asset_count: int
    last_activity_date: date | None


class EntityAlias(CamelModel):
    name: str
    occurrence_count: int
    levenshtein_distance: int = Field(description="Edit distance to the canonical name.")


class EntityAsset(CamelModel):
    id: uuid.UUID
    grant_number: str | None
    application_number: str | None
    title: str | None
    relationship: Literal["assignee", "assignor", "both"]


class EntityDetailOut(CamelModel):
    id: uuid.UUID
    canonical_name: str
    aliases: list[EntityAlias]
    assets: list[EntityAsset]
    total_assets: int


class NormalizeRequest(CamelModel):
    threshold: Annotated[int, Field(ge=1, le=10)] = 5
    dry_run: bool = False


class NormalizeQueued(CamelModel):
    job_id: str | None
    status: Literal["queued", "dry_run"]
    estimated_duration: float | None = Field(
        description="Seconds, from the org's last successful run; null when unknown."
    )
    name_count: int
    group_count: int
