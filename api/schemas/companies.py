"""Companies: the names an organization owns, with aliases (D8). Minimal until the
customer API issue brings the full management API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from api.schemas.common import CamelModel

CompanyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class CompanyCreate(CamelModel):
    name: CompanyName
    aliases: list[CompanyName] = Field(default_factory=list, max_length=50)


class CompanyOut(CamelModel):
    id: uuid.UUID
    name: str
    aliases: list[str]
    created_at: datetime
