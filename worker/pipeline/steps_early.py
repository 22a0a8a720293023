"""Steps 1-4: classify, flag, tree, timeline (business-rules §10; domain/titles rules)."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from db.repos import pipeline_inputs as inputs_repo
from db.repos import pipeline_inventors as inventors_repo
from db.repos import pipeline_outputs as out
from db.repos.pipeline_inputs import ClassRow, CompanyRow, GroupRow, OrgInputs
from domain.titles.classify import classify
from domain.titles.dashboard import in_floor_scope
from domain.titles.grouping import group_names
from domain.titles.inventors import asset_inventors, flag_conveyance
from domain.titles.names import name_key
from domain.titles.types import (
    Classification,
    ClassificationSource,
    Conveyance,
    ConveyanceType,
    EffectiveClassification,
    Inventor,
    InventorSource,
    NameCount,
    OrgCompany,
)
from worker.pipeline.env import RunEnv, StepResult, compute
from worker.pipeline.scoping import timeline_rows, tree_rows

T = ConveyanceType


async def raw_inputs(env: RunEnv, s: AsyncSession) -> OrgInputs:
    """The org's assets and conveyances, read once per run (in the first step's snapshot)."""
    return await env.cached("raw", lambda: inputs_repo.load_inputs(s, env.org_id))


Bibliographic = dict[uuid.UUID, tuple[Inventor, ...]]


async def bibliographic_inventors(env: RunEnv, s: AsyncSession) -> Bibliographic:
    """BR-021/D20 inventors per asset, one query per run: steps 2, 5 and 7 see the same set
    (a grant loaded mid-run marks the org dirty; the follow-up run picks it up, D19)."""
    return await env.cached(
        "inventors", lambda: inventors_repo.load_bibliographic_inventors(s, env.org_id)
    )


async def classify_step(env: RunEnv) -> StepResult:
    """Step 1 (BR-001..012): rule fields of every rf_id linked to an org asset."""
    async with env.session() as s:
        data = await raw_inputs(env, s)
        rows = await compute(_classify_rows, data)
        await out.upsert_rule_classifications(s, env.org_id, env.run_id, env.ruleset, rows)
    return StepResult(len(rows), {"byRule": dict(sorted(Counter(r["mr"] for r in rows).items()))})


def _classify_rows(data: OrgInputs) -> list[dict[str, object]]:
    rows = []
    for rf in sorted(data.conveyances):
        # No override tables yet (BR-011 org/global overrides): keyword rules decide.
        c = classify(rf, data.conveyances[rf].convey_text)
        rows.append(
            {
                "aid": data.assignment_ids[rf],
                "rf": rf,
                "rt": c.rule_type.value,
                "rea": c.rule_employer_assign,
                "mr": c.matched_rule,
                "et": c.conveyance_type.value,
                "ea": c.employer_assign,
                "src": c.source.value,
            }
        )
    return rows


async def flag_step(env: RunEnv) -> StepResult:
    """Step 2: 2a grouping (BR-018..020) and 2b inventor matching / employer flag (BR-021..023)."""
    async with env.session() as s:
        data = await raw_inputs(env, s)
        classes = await inputs_repo.load_classifications(s, env.org_id)
        biblio = await bibliographic_inventors(env, s)
        groups, effective = await compute(_flag, data, classes, biblio)
        group_rows = [{**env.derived(), **g} for g in groups]
        await out.replace_rows(s, "org_entity_groups", env.org_id, group_rows)
        await out.update_effective(s, env.org_id, env.run_id, effective)
    matched = sum(1 for e in effective if e["src"] == ClassificationSource.INVENTOR_MATCH.value)
    known = sum(1 for a in data.assets if biblio.get(a.id))
    return StepResult(
        len(effective) + len(group_rows),
        {
            "names": len(group_rows),
            "inventorMatches": matched,
            "conveyances": len(effective),
            "bibliographicAssets": known,
        },
    )


def _flag(
    data: OrgInputs, classes: dict[str, ClassRow], biblio: Bibliographic
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return _group_rows(data), _effective_rows(data, classes, biblio)


def _group_rows(data: OrgInputs) -> list[dict[str, object]]:
    counts: Counter[str] = Counter(
        p.name for c in data.conveyances.values() for p in (*c.assignors, *c.assignees)
    )
    per_key: dict[str, Counter[str]] = defaultdict(Counter)
    for raw, n in counts.items():
        per_key[name_key(raw)][raw] += n
    rows = []
    for g in group_names([NameCount(n, c) for n, c in sorted(counts.items())]):
        for key in g.member_keys:
            spellings = per_key[key]
            # Most frequent spelling of this key; ties -> smallest string (determinism).
            raw = min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            rows.append(
                {
                    "name_key": key,
                    "raw_name": raw,
                    "group_key": g.canonical_key,
                    "canonical_name": g.canonical_name,
                    "occurrences": sum(spellings.values()),
                }
            )
    return rows


def _typed_rule(
    data: OrgInputs, classes: dict[str, ClassRow], rfs: Sequence[str]
) -> list[tuple[Conveyance, ConveyanceType]]:
    return [(data.conveyances[rf], T(classes[rf].rule_type)) for rf in rfs if rf in classes]


def asset_inventor_map(
    data: OrgInputs, classes: dict[str, ClassRow], biblio: Bibliographic
) -> dict[str, tuple[tuple[Inventor, ...], InventorSource]]:
    """D19/BR-021 per asset: its bibliographic inventors when known, else inferred ones."""
    out_map = {}
    for asset in data.assets:
        rfs = data.asset_rfs.get(asset.id, [])
        typed = _typed_rule(data, classes, rfs)
        out_map[str(asset.id)] = asset_inventors(biblio.get(asset.id, ()), typed)
    return out_map


def _effective_rows(
    data: OrgInputs, classes: dict[str, ClassRow], biblio: Bibliographic
) -> list[dict[str, object]]:
    inventors_of = asset_inventor_map(data, classes, biblio)
    per_rf: dict[str, list[str]] = defaultdict(list)
    for asset_id, rfs in data.asset_rfs.items():
        for rf in rfs:
            per_rf[rf].append(str(asset_id))
    rows = []
    for rf in sorted(classes):
        conv = data.conveyances.get(rf)
        if conv is None:
            continue
        cls = classes[rf]
        # A conveyance touching several assets is matched against all their inventors.
        found = [inventors_of[a] for a in sorted(per_rf.get(rf, [])) if a in inventors_of]
        inventors = tuple(dict.fromkeys(i for invs, _ in found for i in invs))
        sources = {src for _, src in found}
        source = next(
            (x for x in (InventorSource.BIBLIOGRAPHIC, InventorSource.INFERRED) if x in sources),
            InventorSource.NONE,
        )
        rule = T(cls.rule_type)
        classification = Classification(
            rf_id=rf,
            rule_type=rule,
            rule_employer_assign=rule is T.EMPLOYEE,  # only BR-002 sets it
            matched_rule="",
            conveyance_type=T(cls.effective_type) if cls.source.startswith("override") else rule,
            employer_assign=cls.employer_assign if cls.source.startswith("override") else False,
            source=ClassificationSource(cls.source)
            if cls.source.startswith("override")
            else ClassificationSource.RULE,
            ruleset_version="",
        )
        eff = flag_conveyance(classification, conv, inventors, source)
        rows.append(_effective_row(eff))
    return rows


def _effective_row(eff: EffectiveClassification) -> dict[str, object]:
    ev = None
    if eff.evidence is not None:
        inv = eff.evidence.inventor
        ev = {
            "inventor": {"family": inv.family, "given": inv.given, "middle": inv.middle},
            "assignor": eff.evidence.assignor,
            "variationIndex": eff.evidence.variation_index,
            "distance": eff.evidence.distance,
        }
    return {
        "rf": eff.rf_id,
        "et": eff.conveyance_type.value,
        "ea": eff.employer_assign,
        "src": eff.source.value,
        "ev": ev,
        "inv": eff.inventor_source.value,
    }


def org_companies(companies: Sequence[CompanyRow], groups: dict[str, GroupRow]) -> list[OrgCompany]:
    """P4: registered names + aliases + every member of an entity group containing one."""
    members: dict[str, list[str]] = defaultdict(list)
    for _key, g in sorted(groups.items()):
        members[g.group_key].append(g.raw_name)
    result = []
    for c in companies:
        names = [c.name, *c.aliases]
        group_keys = {groups[k].group_key for k in map(name_key, names) if k in groups}
        names += [raw for gk in sorted(group_keys) for raw in members[gk]]
        result.append(OrgCompany(str(c.id), tuple(dict.fromkeys(names)), display=c.name))
    return result


async def typed_inputs(
    env: RunEnv, s: AsyncSession
) -> tuple[OrgInputs, dict[str, ClassRow], list[OrgCompany]]:
    """Steps 3-8 input: conveyances with group ids, effective classes, expanded companies."""
    groups = await inputs_repo.load_groups(s, env.org_id)
    raw = await raw_inputs(env, s)
    # Steps 3-8 run after flag in the same run: the grouping is fixed, map parties once.
    data = await env.cached("grouped", lambda: compute(inputs_repo.with_groups, raw, groups))
    classes = await inputs_repo.load_classifications(s, env.org_id)
    companies = org_companies(await inputs_repo.load_companies(s, env.org_id), groups)
    return data, classes, companies


async def tree_step(env: RunEnv) -> StepResult:
    """Step 3 (BR-024..031): ownership tree rows per org company."""
    async with env.session() as s:
        data, classes, companies = await typed_inputs(env, s)
        typed = data.typed(classes, sorted(data.conveyances))
        keys = {a.key for a in data.assets}
        tree = await compute(tree_rows, typed, companies, keys)
        rows = [
            {
                **env.derived(),
                "company_id": r.company_id,
                "tree_type": r.tree_type,
                "tab": r.tab,
                "entity_key": r.entity_id,
                "display_name": r.display_name,
                "color": r.color,
                "asset_count": r.asset_count,
                "last_activity_date": r.last_activity_date,
                "rf_ids": list(r.rf_ids),
            }
            for r in tree
        ]
        await out.replace_rows(s, "ownership_tree_nodes", env.org_id, rows)
    return StepResult(len(rows), {"companies": len(companies)})


async def timeline_step(env: RunEnv) -> StepResult:
    """Step 4: one row per (conveyance, counterparty) where an org company is a party."""
    async with env.session() as s:
        data, classes, companies = await typed_inputs(env, s)
        typed = data.typed(classes, sorted(data.conveyances))
        # BR-039: in-scope assets only (filed after the floor year).
        scope = {a.key for a in data.assets if in_floor_scope(a.appno_date)}
        entries = await compute(timeline_rows, typed, companies, scope)
        rows = []
        for e, seq in entries:
            rows.append(
                {
                    **env.derived(),
                    "company_id": e.company_id,
                    "assignment_id": data.assignment_ids[e.rf_id],
                    "rf_id": e.rf_id,
                    "reel_no": data.reel_frame[e.rf_id][0],
                    "frame_no": data.reel_frame[e.rf_id][1],
                    "record_dt": e.record_dt,
                    "exec_dt": e.exec_dt,
                    "party_role": e.party_role,
                    "original_name": e.raw_name,
                    "canonical_name": e.canonical_name or e.raw_name,
                    "entity_key": e.entity_id,
                    "convey_ty": e.conveyance_type.value,
                    "employer_assign": e.employer_assign,
                    "category": e.category,
                    "color": e.color,
                    "convey_text": e.text,
                    "asset_count": e.asset_count,
                    "sequence": seq,
                }
            )
        await out.replace_rows(s, "timeline_entries", env.org_id, rows)
    return StepResult(len(rows), {"inScopeAssets": len(scope)})
