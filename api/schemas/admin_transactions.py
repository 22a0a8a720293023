"""Cross-tenant transaction review and fix-items (issue 9; api.md §3.5 #50, #51)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from pydantic import Field

from api.schemas.common import CamelModel

# api.md §1.5 conveyanceType (+ `all`); the stored effective types (business-rules §0).
ConveyanceFilter = Literal[
    "all", "assignment", "employee", "govern", "merger", "namechg", "license", "release",
    "security", "correct", "missing",
]  # fmt: skip


class TransactionItem(CamelModel):
    id: uuid.UUID  # org_assignments.id: one conveyance as classified for one org
    rf_id: str
    org_id: uuid.UUID
    org_name: str
    conveyance_type: str
    conveyance_text: str | None
    record_date: date | None
    assignor_name: str | None  # the first assignor (seq order)
    assignee_name: str | None
    affected_assets: int  # patent properties (document ids) the conveyance lists
    flagged: bool  # BR-021..023 step-2 flag: an employer assignment


FixType = Literal["reclass", "renormalize", "rebuild_dashboard", "fix_broken_chain"]


class FixItemsRequest(CamelModel):
    org_id: uuid.UUID
    fix_type: FixType
    target_ids: list[str] | None = Field(default=None, min_length=1, max_length=1000)


class FixItemsQueued(CamelModel):
    job_id: str
    fix_type: FixType
    item_count: int
    start_from_step: str
    status: Literal["queued"] = "queued"
