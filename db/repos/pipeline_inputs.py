"""Read side of the per-org pipeline: an organization's assets, their conveyances, parties,
companies, classifications and entity groups, as domain values (business-rules §10).

Every query runs in the step's tenant transaction (RLS applies to the tenant tables); the
shared tables are read through the org's assets, so only conveyances touching an org
asset are loaded. Doc numbers are normalised at ingestion (pitfall 18): plain joins.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from domain.titles.names import name_key
from domain.titles.types import Conveyance, ConveyanceType, DocumentRef, Party, TypedConveyance

# Enum lookup by value is slow at 50k calls a run; a plain dict is not.
_TYPES = {t.value: t for t in ConveyanceType}


@dataclass(frozen=True)
class AssetRow:
    id: uuid.UUID
    appno: str | None
    grant: str | None
    company_id: uuid.UUID | None
    layout_id: int
    appno_date: date | None = None
    title: str | None = None

    @property
    def key(self) -> str:
        """Same key as DocumentRef.key: application number, else grant number."""
        return self.appno or self.grant or ""

    @property
    def doc(self) -> DocumentRef:
        return DocumentRef(appno=self.appno, grant=self.grant)


@dataclass(frozen=True)
class CompanyRow:
    id: uuid.UUID
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GroupRow:
    group_key: str
    canonical_name: str
    raw_name: str


@dataclass(frozen=True)
class ClassRow:
    """Effective fields of `org_assignments` (§1.3: readers use effective fields only)."""

    rule_type: str
    source: str
    effective_type: str
    employer_assign: bool
    inventor_source: str


@dataclass
class OrgInputs:
    """Everything a step reads, loaded once per step transaction."""

    assets: list[AssetRow]
    conveyances: dict[str, Conveyance]
    assignment_ids: dict[str, uuid.UUID]
    asset_rfs: dict[uuid.UUID, list[str]] = field(default_factory=dict)
    # rf_id -> (reel_no, frame_no) as recorded (text, leading zeros kept).
    reel_frame: dict[str, tuple[str, str]] = field(default_factory=dict)
    # rf_id -> every org asset it names (complete even in a scoped load).
    rf_assets: dict[str, tuple[uuid.UUID, ...]] = field(default_factory=dict)
    # `typed` results for one classes mapping (steps 3-8 share one per run): each
    # TypedConveyance is built once, not once per step and per asset.
    _typed_for: object = field(default=None, init=False, repr=False, compare=False)
    _typed_memo: dict[str, TypedConveyance] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def typed(self, classes: dict[str, ClassRow], rf_ids: list[str]) -> list[TypedConveyance]:
        """Conveyances with their effective classification (§1.3)."""
        if self._typed_for is not classes:
            self._typed_for, self._typed_memo = classes, {}
        memo = self._typed_memo
        out = []
        for rf in rf_ids:
            tc = memo.get(rf)
            if tc is None:
                c = classes.get(rf)
                if c is None:
                    continue
                tc = memo[rf] = TypedConveyance(
                    self.conveyances[rf], _TYPES[c.effective_type], c.employer_assign
                )
            out.append(tc)
        return out


# Read through the session's asyncpg connection (same transaction, same RLS settings):
# SQLAlchemy's row processing cost ~1.5 s of the 10k-asset org's load (issue 6).
_ASSETS = (
    "SELECT id, appno_doc_num, grant_doc_num, company_id, layout_id FROM assets"
    " WHERE organization_id = $1 AND deleted_at IS NULL {f} ORDER BY id"
)
# Two index-backed joins (appno, grant) instead of one OR join. One statement text per
# filter (the whole org; some assets; some assignments), so each gets its own plan.
_LINKS_TEMPLATE = """
    SELECT a.id, d.assignment_id, d.appno_date, d.title
    FROM assets a JOIN document_ids d ON d.appno_doc_num = a.appno_doc_num
    WHERE a.organization_id = $1 AND a.deleted_at IS NULL AND a.appno_doc_num IS NOT NULL {f}
    UNION
    SELECT a.id, d.assignment_id, d.appno_date, d.title
    FROM assets a JOIN document_ids d ON d.grant_doc_num = a.grant_doc_num
    WHERE a.organization_id = $1 AND a.deleted_at IS NULL AND a.grant_doc_num IS NOT NULL {f}
"""
_LINKS = _LINKS_TEMPLATE.format(f="")
_LINKS_OF_ASSETS = _LINKS_TEMPLATE.format(f="AND a.id = ANY($2::uuid[])")
_LINKS_OF_ASSIGNMENTS = _LINKS_TEMPLATE.format(f="AND d.assignment_id = ANY($2::uuid[])")
_BY_RF = "SELECT id FROM assignments WHERE rf_id = ANY($1::text[]) AND status = 'active'"
# Void (purged) records are not part of the title (ingestion.md §2.1 purge indicator).
_ASSIGNMENTS = (
    "SELECT id, rf_id, reel_no, frame_no, convey_text, record_dt, exec_dt, cname"
    " FROM assignments WHERE id = ANY($1::uuid[]) AND status = 'active'"
)
_ASSIGNORS = (
    "SELECT assignment_id, or_name, exec_dt FROM assignors"
    " WHERE assignment_id = ANY($1::uuid[]) ORDER BY assignment_id, seq"
)
_ASSIGNEES = (
    "SELECT assignment_id, ee_name, ee_country FROM assignees"
    " WHERE assignment_id = ANY($1::uuid[]) ORDER BY assignment_id, seq"
)


async def _driver(session: AsyncSession) -> Any:
    """The asyncpg connection under `session`, in the session's transaction."""
    conn = await session.connection()
    raw = await conn.get_raw_connection()
    return raw.driver_connection


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def _faces(
    links: Any,
) -> tuple[dict[uuid.UUID, date | None], dict[uuid.UUID, str | None]]:
    """Filing date and title of each asset from its document links: the earliest date and
    the smallest non-empty title (deterministic whatever order the rows come in)."""
    dates: dict[uuid.UUID, date | None] = {}
    titles: dict[uuid.UUID, str | None] = {}
    for asset_id, _aid, appno_date, title in links:
        if appno_date is not None:
            known = dates.get(asset_id)
            if known is None or appno_date < known:
                dates[asset_id] = appno_date
        if title:
            seen = titles.get(asset_id)
            if not seen or title < seen:
                titles[asset_id] = title
    return dates, titles


async def load_inputs(
    session: AsyncSession,
    org_id: uuid.UUID,
    groups: dict[str, GroupRow] | None = None,
    *,
    assets: Collection[uuid.UUID] | None = None,
    rf_ids: Collection[str] | None = None,
) -> OrgInputs:
    """The org's live assets and every active conveyance touching one of them.

    With `groups` (step 2a output), parties carry their group id and canonical name.

    Issue 6 scoped load (`assets` and/or `rf_ids` given): only the conveyances of those
    assets plus those rf_ids (if linked to the org). Each loaded conveyance still carries
    every org asset it names, and `assets` of the result holds those assets too (with
    their filing date and title over all their links); `asset_rfs` is complete only for
    the requested `assets`."""
    pg = await _driver(session)
    scoped = assets is not None or rf_ids is not None
    if not scoped:
        links = await pg.fetch(_LINKS, org_id)
        by_assignment: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for asset_id, assignment_id, _d, _t in links:
            by_assignment[assignment_id].add(asset_id)
        dates, titles = _faces(links)
        assets_raw = await pg.fetch(_ASSETS.format(f=""), org_id)
    else:
        wanted = sorted(set(assets or ()))
        ids_set: set[uuid.UUID] = set()
        if wanted:
            ids_set |= {r[1] for r in await pg.fetch(_LINKS_OF_ASSETS, org_id, wanted)}
        if rf_ids:
            ids_set |= {r[0] for r in await pg.fetch(_BY_RF, sorted(set(rf_ids)))}
        links = await pg.fetch(_LINKS_OF_ASSIGNMENTS, org_id, sorted(ids_set)) if ids_set else []
        by_assignment = defaultdict(set)
        for asset_id, assignment_id, _d, _t in links:
            by_assignment[assignment_id].add(asset_id)
        named = sorted(set(wanted) | {a for linked in by_assignment.values() for a in linked})
        # Dates and titles over ALL the assets' links, as a full load sees them.
        dates, titles = _faces(await pg.fetch(_LINKS_OF_ASSETS, org_id, named) if named else [])
        only = "AND id = ANY($2::uuid[])"
        assets_raw = await pg.fetch(_ASSETS.format(f=only), org_id, named) if named else []
    asset_rows = [
        AssetRow(r[0], r[1], r[2], r[3], r[4], dates.get(r[0]), titles.get(r[0]))
        for r in assets_raw
    ]
    # One DocumentRef per asset, shared by its conveyances (not one per link).
    doc_of = {a.id: a.doc for a in asset_rows}
    ids = list(by_assignment)
    ors: dict[uuid.UUID, list[Party]] = defaultdict(list)
    ees: dict[uuid.UUID, list[Party]] = defaultdict(list)

    # Parties repeat (the same name, date and country on many records); Party is frozen,
    # so equal ones are shared rather than built once per row (issue 6: load time).
    made: dict[tuple[str, date | None, str | None], Party] = {}

    def party(name: str, exec_dt: date | None = None, country: str | None = None) -> Party:
        found = made.get((name, exec_dt, country))
        if found is None:
            g = groups.get(name_key(name)) if groups else None
            found = made[(name, exec_dt, country)] = Party(
                name=name,
                entity_id=f"g:{g.group_key}" if g else None,
                canonical_name=g.canonical_name if g else None,
                exec_dt=exec_dt,
                country=country,
            )
        return found

    if ids:
        for aid, name, exec_dt in await pg.fetch(_ASSIGNORS, ids):
            ors[aid].append(party(name, exec_dt=exec_dt))
        for aid, name, country in await pg.fetch(_ASSIGNEES, ids):
            ees[aid].append(party(name, country=country))
    conveyances: dict[str, Conveyance] = {}
    assignment_ids: dict[str, uuid.UUID] = {}
    asset_rfs: dict[uuid.UUID, list[str]] = defaultdict(list)
    reel_frame: dict[str, tuple[str, str]] = {}
    rf_assets: dict[str, tuple[uuid.UUID, ...]] = {}
    complete = None if not scoped else set(assets or ())
    rows = await pg.fetch(_ASSIGNMENTS, ids) if ids else []
    for aid, rf, reel, frame, convey_text, record_dt, exec_dt, cname in rows:
        linked = sorted(by_assignment[aid])
        conveyances[rf] = Conveyance(
            rf_id=rf,
            reel_no=_int(reel),
            frame_no=_int(frame),
            convey_text=convey_text,
            record_dt=record_dt,
            assignors=tuple(ors[aid]),
            assignees=tuple(ees[aid]),
            # Only the org's own assets: tree asset counts are org assets (BR-025..).
            documents=tuple(doc_of[a] for a in linked),
            exec_dt=exec_dt,
            correspondent=cname,
        )
        assignment_ids[rf] = aid
        reel_frame[rf] = (reel, frame)
        rf_assets[rf] = tuple(linked)
        for a in linked:
            if complete is None or a in complete:
                asset_rfs[a].append(rf)
    for rfs in asset_rfs.values():
        rfs.sort()
    return OrgInputs(
        asset_rows, conveyances, assignment_ids, dict(asset_rfs), reel_frame, rf_assets
    )


def _ident(g: GroupRow | None) -> tuple[str, str] | None:
    """What a party carries of its group (the raw spelling is not part of it)."""
    return None if g is None else (g.group_key, g.canonical_name)


def with_groups(
    data: OrgInputs, groups: dict[str, GroupRow], carried: dict[str, GroupRow] | None = None
) -> OrgInputs:
    """The same inputs with every party carrying its step-2a group id and canonical name.

    `carried`: the groups `data` was loaded with (`load_inputs(groups=...)`); then only the
    conveyances with a party whose group differs are rebuilt (issue 6: a scoped run)."""
    memo: dict[Party, Party] = {}

    def grouped(p: Party) -> Party:
        if p not in memo:
            g = groups.get(name_key(p.name))
            memo[p] = (
                replace(p, entity_id=f"g:{g.group_key}", canonical_name=g.canonical_name)
                if g
                else replace(p, entity_id=None, canonical_name=None)
                if p.entity_id is not None or p.canonical_name is not None
                else p
            )
        return memo[p]

    changed: set[str] | None = None
    if carried is not None:
        changed = {
            k for k in set(groups) | set(carried) if _ident(groups.get(k)) != _ident(carried.get(k))
        }

    def touched(c: Conveyance) -> bool:
        return changed is None or any(
            name_key(p.name) in changed for p in (*c.assignors, *c.assignees)
        )

    conveyances = {
        rf: replace(
            c,
            assignors=tuple(grouped(p) for p in c.assignors),
            assignees=tuple(grouped(p) for p in c.assignees),
        )
        if touched(c)
        else c
        for rf, c in data.conveyances.items()
    }
    return replace(data, conveyances=conveyances)


async def load_companies(session: AsyncSession, org_id: uuid.UUID) -> list[CompanyRow]:
    rows = await session.execute(
        text(
            "SELECT id, name, aliases FROM companies"
            " WHERE organization_id = :org AND deleted_at IS NULL ORDER BY name, id"
        ),
        {"org": org_id},
    )
    return [CompanyRow(r[0], r[1], tuple(r[2] or ())) for r in rows.all()]


async def load_groups(session: AsyncSession, org_id: uuid.UUID) -> dict[str, GroupRow]:
    """Step 2a output: name_key -> its group (BR-018..020)."""
    return (await load_groups_counted(session, org_id))[0]


async def load_groups_counted(
    session: AsyncSession, org_id: uuid.UUID
) -> tuple[dict[str, GroupRow], dict[str, int]]:
    """Step 2a output and its stored count per name key, in one read (issue 6: the
    scoped regroup checks the counts against the stored spellings)."""
    rows = await (await _driver(session)).fetch(
        "SELECT name_key, group_key, canonical_name, raw_name, occurrences"
        " FROM org_entity_groups WHERE organization_id = $1",
        org_id,
    )
    return {r[0]: GroupRow(r[1], r[2], r[3]) for r in rows}, {r[0]: int(r[4]) for r in rows}


async def load_classifications(
    session: AsyncSession, org_id: uuid.UUID, rf_ids: Collection[str] | None = None
) -> dict[str, ClassRow]:
    """Effective fields of the org's conveyances (`rf_ids`: only these, a scoped run)."""
    rows = await (await _driver(session)).fetch(
        "SELECT rf_id, rule_type, source, effective_type, employer_assign, inventor_source"
        " FROM org_assignments WHERE organization_id = $1"
        " AND ($2::text[] IS NULL OR rf_id = ANY($2::text[]))",
        org_id,
        None if rf_ids is None else sorted(rf_ids),
    )
    # Few distinct field combinations: share one frozen ClassRow per combination.
    shared: dict[tuple[str, str, str, bool, str], ClassRow] = {}
    out: dict[str, ClassRow] = {}
    for rf, *fields in rows:
        key = (fields[0], fields[1], fields[2], fields[3], fields[4])
        row = shared.get(key)
        if row is None:
            row = shared[key] = ClassRow(*key)
        out[rf] = row
    return out


async def classified_rf_ids(
    session: AsyncSession, org_id: uuid.UUID, rf_ids: list[str]
) -> set[str]:
    """Which of `rf_ids` the org has already classified (issue 6: new vs rewritten)."""
    rows = await session.execute(
        text(
            "SELECT rf_id FROM org_assignments WHERE organization_id = :org AND rf_id = ANY(:rfs)"
        ),
        {"org": org_id, "rfs": rf_ids},
    )
    return set(rows.scalars())


async def load_spellings(
    session: AsyncSession, org_id: uuid.UUID, keys: Collection[str]
) -> dict[str, dict[str, int]]:
    """Issue 6: the stored raw spellings (with counts) of the given name keys."""
    rows = await (await _driver(session)).fetch(
        "SELECT name_key, spellings::text FROM org_entity_groups"
        " WHERE organization_id = $1 AND name_key = ANY($2::text[])",
        org_id,
        sorted(keys),
    )
    return {r[0]: json.loads(r[1]) for r in rows}


# What every derived row depends on besides conveyances (issue 6 scoped runs): the org's
# live assets (numbers, company, layout) and companies (names, aliases). %L renders NULL
# distinctly from any value.
_FINGERPRINT = """
    SELECT md5(
        coalesce((SELECT string_agg(format('%L|%L|%L|%L|%L', id, appno_doc_num,
                         grant_doc_num, company_id, layout_id), ',' ORDER BY id)
                  FROM assets WHERE organization_id = $1 AND deleted_at IS NULL), '')
        || '#' ||
        coalesce((SELECT string_agg(format('%L|%L|%L', id, name, aliases), ',' ORDER BY id)
                  FROM companies WHERE organization_id = $1 AND deleted_at IS NULL), ''))
"""


async def inputs_fingerprint(session: AsyncSession, org_id: uuid.UUID) -> str:
    """Issue 6: changes whenever an asset or company of the org changes."""
    value = await (await _driver(session)).fetchval(_FINGERPRINT, org_id)
    return str(value)


async def asset_count(session: AsyncSession, org_id: uuid.UUID) -> int:
    return int(
        await (await _driver(session)).fetchval(
            "SELECT count(*) FROM assets WHERE organization_id = $1 AND deleted_at IS NULL",
            org_id,
        )
    )


# Conveyances of the org naming a party by one of the given spellings: through the shared
# entities (one per lower(name)), so only indexed look-ups, never a scan of the parties.
_RFS_NAMING = """
    WITH e AS (SELECT id FROM entities
               WHERE lower(name) IN (SELECT lower(x) FROM unnest($2::text[]) AS x)),
    p AS (SELECT assignment_id FROM assignors WHERE entity_id IN (SELECT id FROM e)
          UNION SELECT assignment_id FROM assignees WHERE entity_id IN (SELECT id FROM e))
    SELECT o.rf_id FROM org_assignments o JOIN p ON p.assignment_id = o.assignment_id
    WHERE o.organization_id = $1
"""


async def rf_ids_naming(
    session: AsyncSession, org_id: uuid.UUID, spellings: Collection[str]
) -> set[str]:
    """Issue 6: a superset of the org's conveyances with a party spelled as one of these
    (the caller re-checks name keys on the loaded conveyances)."""
    if not spellings:
        return set()
    rows = await (await _driver(session)).fetch(_RFS_NAMING, org_id, sorted(set(spellings)))
    return {r[0] for r in rows}


def merged(a: OrgInputs, b: OrgInputs) -> OrgInputs:
    """Two scoped loads as one (issue 6): `a`'s values win where both hold a conveyance."""
    known = {x.id for x in a.assets}
    return OrgInputs(
        a.assets + [x for x in b.assets if x.id not in known],
        {**b.conveyances, **a.conveyances},
        {**b.assignment_ids, **a.assignment_ids},
        {**b.asset_rfs, **a.asset_rfs},
        {**b.reel_frame, **a.reel_frame},
        {**b.rf_assets, **a.rf_assets},
    )
