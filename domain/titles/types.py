"""Input and output value types of the title-intelligence engine (business-rules.md §0-§6).

Everything is a frozen dataclass or a str enum so results are hashable, comparable in tests
and trivially serialisable by the DB layer. No I/O, no ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ConveyanceType(StrEnum):
    """Conveyance type enum of business-rules.md §0 (core + extended)."""

    # Core: produced by the keyword rules BR-001..010.
    ASSIGNMENT = "assignment"
    EMPLOYEE = "employee"
    GOVERN = "govern"
    MERGER = "merger"
    NAMECHG = "namechg"
    LICENSE = "license"
    RELEASE = "release"
    SECURITY = "security"
    CORRECT = "correct"
    MISSING = "missing"
    # Extended: only via override, migration or the refinement ruleset (§1.4).
    OTHER = "other"
    PARTIALASSIGNMENT = "partialassignment"
    PARTIALRELEASE = "partialrelease"
    RESTATEDSECURITY = "restatedsecurity"
    LICENSEEND = "licenseend"
    OPTION = "option"
    COURTORDER = "courtorder"
    COURTAPPOINTMENT = "courtappointment"
    ADDRESSCHG = "addresschg"


class ClassificationSource(StrEnum):
    """Where an effective classification came from (BR-011 precedence, §1.3)."""

    OVERRIDE_ORG = "override_org"
    OVERRIDE_GLOBAL = "override_global"
    INVENTOR_MATCH = "inventor_match"
    RULE = "rule"


class InventorSource(StrEnum):
    """D19: whether verdicts rest on bibliographic or inferred inventors."""

    BIBLIOGRAPHIC = "bibliographic"
    INFERRED = "inferred"
    NONE = "none"


class ChainStatus(StrEnum):
    """BR-032 verdict; primary-status order is broken > encumbered > complete (BR-037)."""

    COMPLETE = "complete"
    ENCUMBERED = "encumbered"
    BROKEN = "broken"


class BreakReason(StrEnum):
    """BR-032..035 reasons."""

    NO_TRANSACTIONS = "no_transactions"
    NO_EMPLOYEE_START = "no_employee_start"
    CHAIN_BREAK = "chain_break"
    CONFLICTING_TRANSFER = "conflicting_transfer"
    BREAK_AT_UNCLASSIFIED = "break_at_unclassified"


# ---------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """One assignor or assignee as recorded; entity ids come from step 2a when known."""

    name: str
    entity_id: str | None = None
    # Display name of the entity group (BR-019); None -> the raw name is shown.
    canonical_name: str | None = None
    # Assignors carry their own execution date (co-inventors sign on different days).
    exec_dt: date | None = None
    country: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A patent document a conveyance touches (normalised numbers, ingestion.md)."""

    appno: str | None = None
    grant: str | None = None
    pgpub: str | None = None

    @property
    def key(self) -> str:
        """Stable asset key: application number, else grant, else publication."""
        return self.appno or self.grant or self.pgpub or ""


@dataclass(frozen=True)
class Conveyance:
    """One recorded assignment (reel/frame) with its parties, as stored by ingestion."""

    rf_id: str
    reel_no: int
    frame_no: int
    convey_text: str | None
    record_dt: date | None
    assignors: tuple[Party, ...] = ()
    assignees: tuple[Party, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    # Recorded exec date of the assignment row; party exec dates win when present (P5).
    exec_dt: date | None = None
    correspondent: str | None = None


@dataclass(frozen=True)
class Override:
    """BR-011 manual classification (org-level or global), keyed by rf_id by the caller."""

    conveyance_type: ConveyanceType
    employer_assign: bool = False


@dataclass(frozen=True)
class Classification:
    """Step-1 output per rf_id (§1.1 output + BR-011 precedence applied)."""

    rf_id: str
    rule_type: ConveyanceType
    rule_employer_assign: bool
    matched_rule: str
    conveyance_type: ConveyanceType
    employer_assign: bool
    source: ClassificationSource
    ruleset_version: str


@dataclass(frozen=True)
class TypedConveyance:
    """A conveyance with its effective classification: what steps 3-8 consume (§1.3)."""

    conveyance: Conveyance
    conveyance_type: ConveyanceType
    employer_assign: bool = False

    @property
    def rf_id(self) -> str:
        """Reel-frame id of the underlying conveyance."""
        return self.conveyance.rf_id


@dataclass(frozen=True)
class Inventor:
    """BR-021 structured inventor name (family, given, middle)."""

    family: str
    given: str = ""
    middle: str = ""


@dataclass(frozen=True)
class OrgCompany:
    """An org company with the raw names that identify it (P4 alias set)."""

    company_id: str
    names: tuple[str, ...]
    # Shown for the org's own nodes in the diagram; defaults to the first name.
    display: str | None = None

    @property
    def display_name(self) -> str:
        """Org canonical name (step 8.2)."""
        return self.display or (self.names[0] if self.names else self.company_id)


@dataclass(frozen=True)
class NameCount:
    """BR-018 grouping input: a raw party name and how often it occurs."""

    name: str
    count: int = 1


@dataclass(frozen=True)
class GroupPin:
    """BR-019 admin pin: these raw names form one group shown under canonical_name."""

    canonical_name: str
    members: tuple[str, ...]


# ---------------------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntityGroup:
    """BR-018..020 output group; canonical_raw is the member whose display is shown."""

    canonical_name: str
    canonical_raw: str
    canonical_key: str
    members: tuple[str, ...]
    member_keys: tuple[str, ...]
    count: int
    pinned: bool = False
    # Key of the seed the greedy walk compared against (BR-020); used by incremental joins.
    seed_key: str = ""


@dataclass(frozen=True)
class InventorMatch:
    """BR-023 evidence for an inventor-originated conveyance."""

    inventor: Inventor
    assignor: str
    variation_index: int
    distance: int


@dataclass(frozen=True)
class EffectiveClassification:
    """Step-2 output per (org, rf_id): effective fields + evidence (BR-023, D19)."""

    rf_id: str
    conveyance_type: ConveyanceType
    employer_assign: bool
    source: ClassificationSource
    evidence: InventorMatch | None = None
    inventor_source: InventorSource = InventorSource.NONE


@dataclass(frozen=True)
class TreeRow:
    """BR-024..031 ownership-tree row, unique per (company, tree_type, display_name)."""

    company_id: str
    tree_type: int
    tab: int
    entity_id: str | None
    display_name: str
    color: str
    asset_count: int
    last_activity_date: date | None
    rf_ids: tuple[str, ...]


@dataclass(frozen=True)
class Activity:
    """§4 org_activities row (transaction activity codes 1-16)."""

    company_id: str
    rf_id: str
    activity_id: int
    counterparty_entity: str
    counterparty_name: str
    org_entity: str
    exec_date: date | None


@dataclass(frozen=True)
class ChainBreak:
    """BR-033 break point: seq is the 1-based P5 position among all the asset's conveyances."""

    seq: int
    before_rf: str | None
    after_rf: str
    expected: tuple[str, ...]
    actual: tuple[str, ...]
    reason: BreakReason


@dataclass(frozen=True)
class OpenLien:
    """D2 open lien: a security interest not cleared by a matching release (§5 step 6)."""

    rf_id: str
    secured_parties: tuple[str, ...]
    secured_party_ids: tuple[str, ...]
    grantors: tuple[str, ...]
    record_dt: date | None
    effective_dt: date | None


@dataclass(frozen=True)
class ReleaseMatch:
    """A release and the security it cleared (§5 step 6)."""

    release_rf_id: str
    security_rf_id: str | None
    matched_by_date_only: bool


@dataclass(frozen=True)
class ChainVerdict:
    """BR-032 `broken_title_chains` row for one asset."""

    status: ChainStatus
    reasons: tuple[BreakReason, ...]
    breaks: tuple[ChainBreak, ...]
    headline_break: ChainBreak | None
    has_employee_start: bool
    employee_links: int
    chain_length: int
    open_security_rf_ids: tuple[str, ...]
    current_holders: tuple[str, ...]
    current_holder_ids: tuple[str, ...]
    supporting_rf_ids: tuple[str, ...]
    open_liens: tuple[OpenLien, ...] = ()
    release_matches: tuple[ReleaseMatch, ...] = ()
    inventor_source: InventorSource = InventorSource.NONE


@dataclass(frozen=True)
class CurrentOwner:
    """D2 current owner of an asset with the chain that supports it."""

    holders: tuple[str, ...]
    holder_ids: tuple[str, ...]
    supporting_rf_ids: tuple[str, ...]
    status: ChainStatus
    open_liens: tuple[OpenLien, ...] = field(default=())
