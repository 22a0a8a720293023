"""Plain records produced by the reference-data parsers (ingestion.md §2.2-2.7).

Every record is a frozen dataclass of scalars and tuples, so a loader can turn it into
COPY rows without touching XML. Document numbers are already normalized (§1.4) and the
raw form is kept beside them where sources disagree on padding.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# --------------------------------------------------------------------------- grants / pubs


@dataclass(frozen=True, slots=True)
class Party:
    """One inventor, applicant, assignee-at-issue or agent of a grant/publication (§2.2)."""

    role: str  # "inventor" | "applicant" | "assignee" | "agent"
    sequence: int  # 1-based document order within its role (@sequence is 0- or 1-based)
    name: str  # organisation name, else "Last, First Middle" (the BR-021 fallback shape)
    first_name: str | None = None  # given name(s); v4 first-name may hold the middle initial
    middle_name: str | None = None  # only pap (middle-name) and v2.5 (MNM) split it out
    last_name: str | None = None
    suffix: str | None = None
    orgname: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    app_type: str | None = None  # applicant @app-type, agent @rep-type
    authority_category: str | None = None  # v4.3+ us-applicant @applicant-authority-category
    assignee_type: str | None = None  # two-digit role code: 02 US company, 03 foreign, …

    @property
    def is_organization(self) -> bool:
        """True when the party was published with an organisation name."""
        return self.orgname is not None


@dataclass(frozen=True, slots=True)
class CpcCode:
    """One CPC allocation of a document (grant XML v4.4+ §2.2, MCF §2.4)."""

    code: str  # "A61B5/0205": no spaces, unpadded main group
    section: str
    cpc_class: str
    subclass: str
    main_group: str
    subgroup: str
    is_main: bool  # listed under main-cpc / MainCPC
    is_inventive: bool  # classification-value I (A = additional)
    position: int  # 1-based order in the document (main first)
    symbol_position: str | None = None  # F (first) / L (later)
    version_date: date | None = None
    action_date: date | None = None
    status: str | None = None  # classification-status
    origination: str | None = None  # scheme-origination-code

    @property
    def level(self) -> int:
        """Hierarchy level of the symbol: 4 main group (``/00``), 5 subgroup (§2.5)."""
        return 4 if self.subgroup.strip("0") == "" else 5


@dataclass(frozen=True, slots=True)
class RelatedDocument:
    """A ``us-related-documents`` entry (continuations, divisions, provisionals, …; §2.2)."""

    relation: str  # element name: continuation, continuation-in-part, division, reissue, …
    doc_number: str  # normalized when recognisable (8-digit appl., 11-digit pub.), else raw
    doc_number_raw: str
    country: str | None = None
    kind: str | None = None
    date: date | None = None
    parent_status: str | None = None  # PENDING / GRANTED / ABANDONED / …
    parent_grant_doc_num: str | None = None  # parent-grant-document (normalized)
    child_doc_number: str | None = None  # the child application (normalized)


@dataclass(frozen=True, slots=True)
class PriorityClaim:
    """A foreign priority claim of a grant/publication (v2.5 B300, pap, v4 priority-claims)."""

    sequence: int
    country: str | None
    doc_number: str
    date: date | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class PatentDocumentRecord:
    """One grant or pre-grant publication, bibliographic part only (§2.2, §2.3)."""

    patent_type: str  # "grant" | "application"
    doc_number: str  # grant "8926509"/"D982278"/"RE49257", publication "20220159901"
    doc_number_raw: str  # as published ("08926509")
    kind: str | None  # B1/B2/S1/E1/P2, A1/A2/A9
    publication_date: date | None  # grant issue date or publication date
    dtd_version: str  # generation: "v2.5", "pap-v1.5", "v4.0" … "v4.7"
    country: str = "US"
    appno_doc_num: str | None = None  # 8-digit application number (text)
    appno_doc_num_raw: str | None = None
    appno_date: date | None = None
    appl_type: str | None = None  # utility / design / plant / reissue
    series_code: str | None = None
    title: str | None = None
    claims_count: int | None = None
    independent_claims_count: int | None = None  # None when claims are not in the file
    term_extension_days: int | None = None
    length_of_grant: int | None = None  # designs: term in years
    disclaimer: bool = False
    inventors: tuple[Party, ...] = ()
    applicants: tuple[Party, ...] = ()
    assignees: tuple[Party, ...] = ()
    agents: tuple[Party, ...] = ()
    cpc: tuple[CpcCode, ...] = ()
    related_documents: tuple[RelatedDocument, ...] = ()
    priority_claims: tuple[PriorityClaim, ...] = ()
    source_name: str = ""  # file or archive member the document came from
    document_index: int = 0  # 0-based position of the document inside that stream
    file_attr: str | None = None  # the document's own @file ("US08926509-20150106.XML")
    warnings: tuple[str, ...] = ()  # recoverable problems (malformed text after the biblio)

    @property
    def grant_doc_num(self) -> str | None:
        """The normalized grant number, when this is a grant."""
        return self.doc_number if self.patent_type == "grant" else None

    @property
    def pgpub_doc_num(self) -> str | None:
        """The 11-digit publication number, when this is a pre-grant publication."""
        return self.doc_number if self.patent_type == "application" else None

    @property
    def layout_id(self) -> int:
        """15 for grants, 14 for applications (domain-model §2)."""
        return 15 if self.patent_type == "grant" else 14


# --------------------------------------------------------------------------- errors


@dataclass(frozen=True, slots=True)
class BiblioParseError:
    """A document that could not be parsed; the stream continues (§1.2 ingestion_errors)."""

    source_name: str
    document_index: int
    record_identifier: str | None  # doc number / @file when it could be read
    error_type: str  # "xml_syntax" | "missing_field" | "unsupported_root" | …
    error_message: str
    raw_data: str  # first 8 KB of the document, for ingestion_errors.raw_data


# --------------------------------------------------------------------------- CPC


@dataclass(frozen=True, slots=True)
class CpcMasterRecord:
    """One ``CPCMasterClassificationRecord`` of the ST.96 MCF XML (§2.4)."""

    appno_doc_num: str | None
    grant_doc_num: str | None  # grant files (PatentGrantIdentification)
    pgpub_doc_num: str | None  # publication files (identification element to verify, §5)
    kind: str | None
    document_date: date | None  # GrantDate / publication date
    codes: tuple[CpcCode, ...]

    @property
    def patent_type(self) -> str:
        """``grant`` or ``application`` for patent_cpc_codes.patent_type."""
        return "grant" if self.grant_doc_num is not None else "application"


@dataclass(frozen=True, slots=True)
class CpcClassificationRecord:
    """One node of the CPC hierarchy for ``cpc_classifications`` (§2.5)."""

    cpc_code: str  # "A", "A01", "A01L", "A01L1/00", "A01L1/02"
    section: str
    cpc_class: str | None  # "01"
    subclass: str | None  # "L"
    main_group: str | None  # "1"
    subgroup: str | None  # "02"
    level: int  # 1 section, 2 class, 3 subclass, 4 main group, 5 subgroup
    dot_level: int | None  # 0 for main groups, 1..n dots for subgroups, None above
    parent_code: str | None  # resolved to parent_id by code in the loader
    title: str | None
    title_cpc_only: bool = False  # whole title in {braces}: no IPC equivalent
    not_allocatable: bool | None = None
    additional_only: bool | None = None
    sort_key: str | None = None
    date_revised: date | None = None
    scheme_version: str | None = None  # publication-date of the scheme / title-list date


# --------------------------------------------------------------------------- maintenance


@dataclass(frozen=True, slots=True)
class MaintenanceFeeEvent:
    """One line of ``MaintFeeEvents_YYYYMMDD.txt`` (§2.6)."""

    grant_doc_num: str  # normalized ("D982278", "6093011")
    grant_doc_num_raw: str  # the padded fixed-width field, stripped
    appno_doc_num: str | None
    entity_status: str | None  # N large, Y small, M micro
    filing_date: date | None
    grant_date: date | None
    event_date: date
    event_code: str  # "M1551", "EXP.", "REM." — periods kept
    layout: str  # "older" (7-char patent field) | "current" (13-char)
    line_number: int


@dataclass(frozen=True, slots=True)
class MaintenanceEventCode:
    """One line of ``MaintFeeEventsDesc_YYYYMMDD.txt``: code and description (§2.6)."""

    code: str
    description: str


@dataclass(frozen=True, slots=True)
class LineParseError:
    """A text line (maintenance-fee file §2.6, CPC title list §2.5) that cannot be parsed."""

    line_number: int
    error_message: str
    raw_data: str


# --------------------------------------------------------------------------- EPO OPS


@dataclass(frozen=True, slots=True)
class EpoDocumentId:
    """A DOCDB document-id (country, number, kind, date) from an OPS response (§2.7)."""

    country: str | None
    doc_number: str
    kind: str | None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class EpoPriorityClaim:
    """A priority claim of a family member (§2.7)."""

    sequence: int | None
    kind: str | None  # national / regional / international
    document: EpoDocumentId
    active: bool | None  # priority-active-indicator YES/NO
    linkage_type: str | None  # priority-linkage-type (1 continuation-in-part, 3 continuation…)


@dataclass(frozen=True, slots=True)
class EpoLegalEvent:
    """One ``ops:legal`` event of a family member (§2.7)."""

    code: str  # stripped ("AS", "STPP", "PGR")
    description: str | None
    influence: str | None  # @infl, stripped
    date_migrated: date | None  # @dateMigr; 00010101 = unset
    gazette_date: date | None  # L007EP
    country: str | None  # L001EP
    doc_type: str | None  # L002EP: F filing / P published document
    doc_number: str | None  # L003EP
    kind: str | None  # L004EP
    owner: str | None  # L509EP
    free_text: str | None  # L510EP
    effective_date: date | None  # L525EP
    reel_no: int | None  # quoted "REEL/FRAME:045210/0369" — a cross-check for §2.1
    frame_no: int | None
    raw_lines: tuple[str, ...] = ()  # ops:pre, in line order
    fields: tuple[tuple[str, str], ...] = ()  # every L###EP element as (tag, text)

    @property
    def rf_id(self) -> str | None:
        """Canonical ``RRRRRR-FFFF`` of the quoted reel/frame, if any."""
        if self.reel_no is None or self.frame_no is None:
            return None
        return f"{self.reel_no:06d}-{self.frame_no:04d}"


@dataclass(frozen=True, slots=True)
class EpoFamilyMember:
    """One ``ops:family-member`` (§2.7, patent_family_members)."""

    family_id: str
    publication: EpoDocumentId  # the docdb publication reference
    epodoc_number: str | None
    application: EpoDocumentId | None
    application_doc_id: str | None  # @doc-id
    is_representative: bool
    us_doc_num: str | None = None  # US members: grant number or 11-digit publication (§1.4)
    us_appno_doc_num: str | None = None  # US members: 8-digit application from DOCDB form
    priority_claims: tuple[EpoPriorityClaim, ...] = ()
    legal_events: tuple[EpoLegalEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class EpoFamily:
    """A parsed OPS family response (§2.7)."""

    family_id: str | None  # from the members; None when the response has none
    query: EpoDocumentId | None
    total_result_count: int | None  # may exceed len(members): responses can be trimmed
    has_legal: bool
    members: tuple[EpoFamilyMember, ...]


@dataclass(frozen=True, slots=True)
class ServiceThrottle:
    """Colour and allowed requests/minute of one OPS service (§2.7)."""

    colour: str  # green | yellow | red | black
    requests_per_minute: int | None


@dataclass(frozen=True, slots=True)
class ThrottlingControl:
    """Parsed ``X-Throttling-Control`` header (§2.7)."""

    overall: str  # idle | busy | overloaded
    services: dict[str, ServiceThrottle]

    def colour_of(self, service: str) -> str | None:
        """Colour of one service (``inpadoc`` for family/legal), None if not reported."""
        entry = self.services.get(service)
        return None if entry is None else entry.colour
