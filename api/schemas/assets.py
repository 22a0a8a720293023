"""Assets of the caller's organization (api.md §3.2; D2, D10, D16)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, Field, StringConstraints

from api.schemas.common import CamelModel


class AssetSort(StrEnum):
    """api.md §1.5: the whole allowed set; anything else is a 400 naming `sort`."""

    application_number = "applicationNumber"
    grant_number = "grantNumber"
    application_date = "applicationDate"
    grant_date = "grantDate"
    by_title = "title"


class SortOrder(StrEnum):
    asc = "asc"
    desc = "desc"


class TitleStatusFilter(StrEnum):
    """The D2 chain status of the asset; `all` means not filtered (api.md §1.5)."""

    complete = "complete"
    encumbered = "encumbered"
    broken = "broken"
    all = "all"


class ConveyanceType(StrEnum):
    """api.md §1.5 common `conveyanceType` values (the effective classification)."""

    assignment = "assignment"
    employee = "employee"
    govern = "govern"
    merger = "merger"
    namechg = "namechg"
    license = "license"
    release = "release"
    security = "security"
    correct = "correct"
    missing = "missing"


class CompanyRef(CamelModel):
    id: uuid.UUID
    name: str


class AssetListItem(CamelModel):
    id: uuid.UUID
    application_number: str | None
    grant_number: str | None
    title: str | None
    application_date: date | None
    grant_date: date | None
    company: CompanyRef | None
    status: str | None = Field(
        description="D2 chain status (complete|encumbered|broken); null before the first "
        "pipeline run."
    )


class CurrentOwner(CamelModel):
    holders: list[str]
    supporting_rf_ids: list[str] = Field(description="The chain that supports the holders (D2).")
    status: str


class OpenLien(CamelModel):
    rf_id: str
    secured_party: str
    grantors: list[str]
    record_date: date | None
    effective_date: date | None


class BreakPoint(CamelModel):
    seq: int = Field(description="1-based P5 position of the conveyance after the gap.")
    before_rf_id: str | None
    after_rf_id: str
    expected: list[str]
    actual: list[str]
    reason: str | None = None


class TitleVerdict(CamelModel):
    status: str
    reasons: list[str]
    break_point: BreakPoint | None


class AssetDetail(AssetListItem):
    current_owner: CurrentOwner | None
    open_liens: list[OpenLien]
    title_verdict: TitleVerdict | None = Field(
        description="BR-032..036 verdict; null for assets outside the verdict floor or before "
        "the first pipeline run."
    )
    inventor_source: str | None
    ruleset_version: str | None
    computed_at: datetime | None


class Party(CamelModel):
    name: str
    execution_date: date | None = None
    country: str | None = None


class Conveyance(CamelModel):
    id: uuid.UUID
    seq: int = Field(description="1-based P5 position in the chain of title.")
    rf_id: str
    reel: str
    frame: str
    record_date: date | None
    execution_date: date | None
    effective_date: date | None = Field(description="The P5 ordering date.")
    conveyance_text: str | None
    conveyance_type: str | None = Field(
        description="The org's effective classification; null before the first pipeline run."
    )
    is_employer_assignment: bool | None
    assignors: list[Party]
    assignees: list[Party]


NumberText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class ValidateRequest(CamelModel):
    patent_numbers: list[NumberText] = Field(
        min_length=1,
        max_length=100,
        validation_alias=AliasChoices("patentNumbers", "numbers", "patent_numbers"),
        description="Patent or application numbers, any usual spelling (≤100, api.md §1.8).",
    )


class ValidatedNumber(CamelModel):
    input: str
    valid: bool = Field(description="Whether the text normalises to a US number at all.")
    application_number: str | None
    grant_number: str | None
    found: bool = Field(description="Among the organization's assets.")
    asset_id: uuid.UUID | None
    in_patents: bool = Field(description="Known to the shared patents table.")


class ValidateResult(BaseModel):
    data: list[ValidatedNumber]
    totalFound: int
    totalNotFound: int


DiagramPayload = dict[str, Any]
