"""Dashboards of the caller's organization (api.md §3.3; BR-024..043, D10)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from api.schemas.assets import CompanyRef
from api.schemas.common import CamelModel


class SummaryScope(StrEnum):
    """`organization`: the org-level row (no companyId); `companies`: one row per company."""

    organization = "organization"
    companies = "companies"


class KpiSet(CamelModel):
    """One BR-042/043 summary_metrics row."""

    company_id: uuid.UUID | None = Field(description="Null for the org-level row.")
    total_assets: int
    total_entities: int
    total_companies: int
    total_transactions: int
    total_employees: int
    total_parties: int
    total_activities: int
    total_arrows: int
    ruleset_version: str
    calculated_at: datetime


class DashboardSummary(CamelModel):
    scope: SummaryScope
    metrics: list[KpiSet] = Field(
        description="The org row, or the selected companies' rows; empty before the first "
        "pipeline run."
    )
    broken_titles: int = Field(description="Assets whose chain-of-title verdict is broken.")
    open_liens: int = Field(description="Open security interests (one per asset and lender, D2).")


class TitleBreak(CamelModel):
    seq: int | None = Field(description="1-based P5 position of the conveyance after the gap.")
    rf_id: str | None
    missing_link_from: str | None
    missing_link_to: str | None


class BrokenTitle(CamelModel):
    asset_id: uuid.UUID
    application_number: str | None
    grant_number: str | None
    company: CompanyRef | None
    reason_code: str | None = Field(description="The headline BR-033 reason.")
    reasons: list[str]
    break_point: TitleBreak | None = Field(
        description="Null when the chain has no located gap (e.g. no_transactions)."
    )
    current_holders: list[str]
    detected_at: datetime


class TreeNode(CamelModel):
    id: uuid.UUID
    company_id: uuid.UUID
    tree_type: int
    tab: int
    entity_name: str
    entity_key: str | None
    color: str
    asset_count: int
    last_activity_date: date | None
    rf_ids: list[str]


class TreeTab(CamelModel):
    tab: int = Field(
        description="0 employee · 1 purchase/sale/merger · 2 security/release · 3 administrative"
    )
    nodes: list[TreeNode]


class TimelineRole(StrEnum):
    """The counterparty's side of the conveyance; `all` means not filtered (api.md §1.5)."""

    assignor = "assignor"
    assignee = "assignee"
    all = "all"


class TimelineEntry(CamelModel):
    id: uuid.UUID
    company_id: uuid.UUID
    assignment_id: uuid.UUID
    rf_id: str
    reel: str
    frame: str
    record_date: date | None
    execution_date: date | None
    role: str
    original_name: str
    canonical_name: str
    conveyance_type: str
    is_employer_assignment: bool
    category: str
    color: str
    conveyance_text: str | None
    asset_count: int
    sequence: int
