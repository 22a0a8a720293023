"""Per-asset reads of the shared reference data (api.md §3.2 #15-17; D2, D7): the EPO
family, the CPC hierarchy and the maintenance-fee events and status of one org asset.

The asset itself is a tenant row (RLS confines it to the caller's org); the reference
tables are shared and keyed by document numbers, so every read first resolves the
asset's numbers and then looks them up. A source with no rows yields empty lists, not
errors (issue 7: "as far as the data exists now").
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from domain.ingestion.cpc import cpc_level
from domain.ingestion.maintenance_fees import WINDOW_LABELS, fee_window_of


@dataclass(frozen=True)
class AssetNumbers:
    """The document numbers an org asset is known by (reference tables key on these)."""

    application: str | None
    grant: str | None
    publication: str | None


# Same bibliographic fallbacks as asset_reads._BASE: the asset row, then the shared
# patents row, then the newest document_ids row naming it.
_NUMBERS = text(
    """
    SELECT s.appno_doc_num AS appno,
           COALESCE(s.grant_doc_num, p.grant_doc_num, d.grant_doc_num) AS grant_no,
           COALESCE(p.pgpub_doc_num, d.pgpub_doc_num) AS pgpub_no
    FROM assets s
    LEFT JOIN LATERAL (
        SELECT pa.grant_doc_num, pa.pgpub_doc_num FROM patents pa
        WHERE (s.appno_doc_num IS NOT NULL AND pa.appno_doc_num = s.appno_doc_num)
           OR (s.appno_doc_num IS NULL AND pa.grant_doc_num = s.grant_doc_num)
        LIMIT 1
    ) p ON true
    LEFT JOIN LATERAL (
        SELECT di.grant_doc_num, di.pgpub_doc_num FROM document_ids di
        WHERE (s.appno_doc_num IS NOT NULL AND di.appno_doc_num = s.appno_doc_num)
           OR (s.appno_doc_num IS NULL AND di.grant_doc_num = s.grant_doc_num)
        ORDER BY di.grant_doc_num IS NULL, di.created_at DESC, di.id
        LIMIT 1
    ) d ON true
    WHERE s.id = :id AND s.organization_id = :org AND s.deleted_at IS NULL
    """
)


async def asset_numbers(
    session: AsyncSession, org_id: uuid.UUID, asset_id: uuid.UUID
) -> AssetNumbers | None:
    """None when the asset is not the caller's (or deleted): the route answers 404."""
    row = (await session.execute(_NUMBERS, {"org": org_id, "id": asset_id})).first()
    return None if row is None else AssetNumbers(row[0], row[1], row[2])


# --------------------------------------------------------------------------- family (#15)


@dataclass(frozen=True)
class FamilyMemberRow:
    id: uuid.UUID
    family_id: str
    country: str | None
    publication_number: str
    kind: str | None
    publication_date: date | None
    application_country: str | None
    application_number: str | None
    filing_date: date | None
    is_representative: bool
    title: str | None


_FAMILY = text(
    """
    WITH fam AS (
        SELECT DISTINCT m.patent_family_id FROM patent_family_members m
        WHERE m.us_appno_doc_num = :appno OR m.us_doc_num = :grant OR m.us_doc_num = :pgpub
    )
    SELECT m.id, f.family_id, m.country_code, m.doc_num, m.kind_code, m.publication_date,
           m.app_country, m.app_doc_num, m.app_date, m.is_representative, p.title
    FROM fam
    JOIN patent_families f ON f.id = fam.patent_family_id
    JOIN patent_family_members m ON m.patent_family_id = f.id
    LEFT JOIN patents p ON p.id = m.patent_id
    ORDER BY f.family_id, m.publication_date NULLS LAST, m.country_code, m.doc_num,
             m.kind_code, m.id
    """
)


async def family(session: AsyncSession, numbers: AssetNumbers) -> list[FamilyMemberRow]:
    """Every member of the EPO (DOCDB simple) families the asset belongs to (§2.7)."""
    rows = await session.execute(
        _FAMILY,
        {"appno": numbers.application, "grant": numbers.grant, "pgpub": numbers.publication},
    )
    return [FamilyMemberRow(*r) for r in rows.all()]


# --------------------------------------------------------------------------- CPC (#16)

LEVEL_NAMES = {1: "section", 2: "class", 3: "subclass", 4: "main_group"}


def level_name(level: int) -> str:
    """cpc_classifications.level (cpc_level: 1 section … 5 subgroup) as api.md #16 names it."""
    return LEVEL_NAMES.get(level, "subgroup")


def shape_parent(code: str) -> str | None:
    """The parent symbol by shape (ingestion.md §2.5): subgroup → main group `/00`,
    main group → subclass, subclass → class, class → section."""
    if "/" in code:
        head = code.split("/", 1)[0]
        return f"{head}/00" if cpc_level(code) == 5 else head[:4]
    if len(code) >= 4:
        return code[:3]
    if len(code) == 3:
        return code[:1]
    return None


def shape_ancestors(code: str) -> list[str]:
    out: list[str] = []
    parent = shape_parent(code)
    while parent is not None and parent not in out:
        out.append(parent)
        parent = shape_parent(parent)
    return out


@dataclass(frozen=True)
class AssignedCpc:
    code: str
    is_main: bool
    is_inventive: bool
    position: int


@dataclass(frozen=True)
class CpcNodeRow:
    code: str
    level: int
    title: str | None
    parent_code: str | None


# Grant codes when the grant has any (the MCF keeps them current), else the publication's.
_ASSIGNED = text(
    """
    WITH codes AS (
        SELECT c.cpc_code, c.is_main, c.is_inventive, c.position, c.patent_type
        FROM patent_cpc_codes c
        WHERE (c.patent_type = 'grant' AND c.patent_doc_num = :grant)
           OR (c.patent_type = 'application' AND c.patent_doc_num IN (:pgpub, :appno))
    ), chosen AS (
        SELECT * FROM codes
        WHERE patent_type = 'grant'
           OR NOT EXISTS (SELECT 1 FROM codes g WHERE g.patent_type = 'grant')
    )
    SELECT DISTINCT ON (cpc_code) cpc_code, is_main, is_inventive, position FROM chosen
    ORDER BY cpc_code, is_main DESC, position
    """
)

# The assigned codes, their parent_id chain, and shape-derived ancestors (a code loaded
# without its parent link still gets its section/class/subclass/group descriptions).
_NODES = text(
    """
    WITH RECURSIVE up AS (
        SELECT k.id, k.cpc_code, k.level, k.title, k.parent_id FROM cpc_classifications k
        WHERE k.cpc_code = ANY(CAST(:codes AS text[]))
        UNION
        SELECT k.id, k.cpc_code, k.level, k.title, k.parent_id
        FROM cpc_classifications k JOIN up ON k.id = up.parent_id
    )
    SELECT up.cpc_code, up.level, up.title, pk.cpc_code AS parent_code
    FROM up LEFT JOIN cpc_classifications pk ON pk.id = up.parent_id
    """
)


async def cpc(
    session: AsyncSession, numbers: AssetNumbers
) -> tuple[list[AssignedCpc], dict[str, CpcNodeRow]]:
    """The asset's CPC codes and every hierarchy node above them, by code."""
    params = {"appno": numbers.application, "grant": numbers.grant, "pgpub": numbers.publication}
    assigned = [AssignedCpc(*r) for r in (await session.execute(_ASSIGNED, params)).all()]
    if not assigned:
        return [], {}
    wanted = sorted(
        {a.code for a in assigned} | {p for a in assigned for p in shape_ancestors(a.code)}
    )
    nodes: dict[str, CpcNodeRow] = {}
    for code, level, title, parent in (await session.execute(_NODES, {"codes": wanted})).all():
        nodes[code] = CpcNodeRow(code, level, title, parent or shape_parent(code))
    # Codes the scheme has not been loaded for: the node by shape, without a description.
    for code in wanted:
        nodes.setdefault(code, CpcNodeRow(code, cpc_level(code), None, shape_parent(code)))
    return assigned, nodes


# --------------------------------------------------------------------------- fees (#17)


@dataclass(frozen=True)
class FeeEventRow:
    id: uuid.UUID
    event_code: str
    event_date: date
    description: str | None
    fee_amount: Any
    entity_status: str | None


@dataclass(frozen=True)
class FeeStatusRow:
    status: str
    as_of: date
    paid_through: str | None
    next_window: str | None
    window_open: date | None
    due_date: date | None
    grace_end: date | None
    expired_on: date | None
    windows: list[dict[str, Any]]


async def fee_events(session: AsyncSession, grant_no: str) -> list[FeeEventRow]:
    """The grant's maintenance-fee events, oldest first; the description from the event
    or, failing that, the loaded code table (ingestion.md §2.6)."""
    rows = await session.execute(
        text(
            "SELECT e.id, e.event_code, e.event_date,"
            " COALESCE(e.event_description, c.description), e.fee_amount, e.entity_status"
            " FROM maintenance_fee_events e"
            " LEFT JOIN maintenance_event_codes c ON c.code = e.event_code"
            " WHERE e.grant_doc_num = :g ORDER BY e.event_date, e.event_code, e.id"
        ),
        {"g": grant_no},
    )
    return [FeeEventRow(*r) for r in rows.all()]


async def fee_status(session: AsyncSession, grant_no: str) -> FeeStatusRow | None:
    """D2: the derived status row the fee loader keeps per grant, if computed."""
    row = (
        await session.execute(
            text(
                "SELECT status, as_of, paid_through, next_window, window_open, due_date,"
                " grace_end, expired_on, windows FROM maintenance_fee_statuses"
                " WHERE grant_doc_num = :g"
            ),
            {"g": grant_no},
        )
    ).first()
    if row is None:
        return None
    return FeeStatusRow(
        status=row[0],
        as_of=row[1],
        paid_through=row[2],
        next_window=row[3],
        window_open=row[4],
        due_date=row[5],
        grace_end=row[6],
        expired_on=row[7],
        windows=list(row[8] or []),
    )


async def code_descriptions(session: AsyncSession, codes: Sequence[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = await session.execute(
        text("SELECT code, description FROM maintenance_event_codes WHERE code = ANY(:c)"),
        {"c": list(codes)},
    )
    return {r[0]: r[1] for r in rows.all()}


# Event kinds (api.md #17): which window an event concerns and what it says about it.
EXPIRED_CODE = "EXP."
REMINDER_CODE = "REM."


def fee_event_kind(code: str, description: str | None) -> tuple[str | None, str | None]:
    """(feeWindow label, status) of one fee event: a payment pays its window (`paid`; the
    window from ingestion.md §2.6 `fee_window_of`), `EXP.` is `expired`, a reminder
    (`REM.`) says the fee is `due`, a surcharge entry `surcharge`; anything else is
    informational (status null)."""
    window = fee_window_of(code, description)
    label = WINDOW_LABELS[window - 1] if window else None
    text_ = (description or "").lower()
    if window is not None:
        return label, "paid"
    if code == EXPIRED_CODE:
        return None, "expired"
    if code == REMINDER_CODE:
        return None, "due"
    if "surcharge" in text_:
        return None, "surcharge"
    return None, None
