"""Monitored companies under an organization (api.md §3.4 #38-40; D8, R26)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from api.schemas.common import CamelModel
from api.schemas.companies import CompanyName


class OrgCompanyItem(CamelModel):
    id: uuid.UUID
    name: str
    domain: str | None
    logo_url: str | None
    asset_count: int
    entity_id: uuid.UUID | None = Field(
        description="The org entity (grouped names, #35) the company name belongs to."
    )
    aliases: list[str]
    created_at: datetime


class OrgCompanyCreate(CamelModel):
    name: CompanyName
    domain: str | None = Field(default=None, max_length=255)
    aliases: list[CompanyName] = Field(default_factory=list, max_length=50)


class OrgCompanyCreated(CamelModel):
    id: uuid.UUID
    name: str
    domain: str | None
    aliases: list[str]
    enrichment_job_id: str
    pipeline_job_id: str
