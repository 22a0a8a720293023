"""Steps 1-4: classify, flag, tree, timeline (business-rules §10; domain/titles rules)."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from db.repos import classification_overrides as overrides_repo
from db.repos import pipeline_inputs as inputs_repo
from db.repos import pipeline_inventors as inventors_repo
from db.repos import pipeline_outputs as out
from db.repos import pipeline_runs as runs
from db.repos.classification_overrides import Overrides
from db.repos.pipeline_inputs import ClassRow, CompanyRow, GroupRow, OrgInputs
from domain.titles.classify import classify
from domain.titles.dashboard import in_floor_scope
from domain.titles.grouping import EntityGroup, group_names
from domain.titles.inventors import asset_inventors, flag_conveyance
from domain.titles.names import name_key
from domain.titles.order import effective_date
from domain.titles.timeline import TimelineEntry
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
    TreeRow,
)
from worker.pipeline import incremental as inc
from worker.pipeline.env import NeedFullRun, RunEnv, StepResult, compute
from worker.pipeline.scoping import p5_order, timeline_rows, tree_rows

T = ConveyanceType
# Issue 6: the stored keys a scoped run reads (migration 0015: P5 sort keys, spellings;
# 0014: summary facts), written by every run since; a last run without them: full run.
INCREMENTAL_KEYS = 1


async def raw_inputs(env: RunEnv, s: AsyncSession) -> OrgInputs:
    """The org's assets and conveyances, read once per run (in the first step's snapshot).
    Steps 1-2 only read party names, never their groups.

    Issue 6: a scoped run reads only what its steps 1-2 touch (`_scoped_raw`), with the
    parties' stored groups (`raw_groups`)."""

    async def load() -> OrgInputs:
        if env.scope is not None:
            groups, counts = await inputs_repo.load_groups_counted(s, env.org_id)
            env.cache["raw_groups"], env.cache["raw_counts"] = groups, counts
            return await _scoped_raw(env, s, groups)
        return await inputs_repo.load_inputs(s, env.org_id)

    return await env.cached("raw", load)


async def _scoped_raw(env: RunEnv, s: AsyncSession, groups: dict[str, GroupRow]) -> OrgInputs:
    """Issue 6: the new conveyances, every conveyance of the assets they name (2b), and of
    the assets those conveyances name (2b matches a conveyance against the inventors of
    all its assets, D19, and inferred inventors come from an asset's own conveyances)."""
    assert env.scope is not None
    rfs = list(env.scope.rf_ids)
    first = await inputs_repo.load_inputs(s, env.org_id, groups, rf_ids=rfs)
    assets = {a for rf in first.conveyances for a in first.rf_assets[rf]}
    data = await inputs_repo.load_inputs(s, env.org_id, groups, assets=assets, rf_ids=rfs)
    more = {a for rf in data.conveyances for a in data.rf_assets[rf]} - assets
    if more:
        data = await inputs_repo.load_inputs(
            s, env.org_id, groups, assets=assets | more, rf_ids=rfs
        )
    return data


Bibliographic = dict[uuid.UUID, tuple[Inventor, ...]]


async def bibliographic_inventors(
    env: RunEnv, s: AsyncSession, assets: Collection[uuid.UUID] = ()
) -> Bibliographic:
    """BR-021/D20 inventors per asset, one query per run: steps 2, 5 and 7 see the same set
    (a grant loaded mid-run marks the org dirty; the follow-up run picks it up, D19).
    Issue 6: a scoped run reads those of `assets` only."""
    if env.scope is not None:
        return await inventors_repo.load_bibliographic_inventors(s, env.org_id, assets)
    return await env.cached(
        "inventors", lambda: inventors_repo.load_bibliographic_inventors(s, env.org_id)
    )


async def overrides(env: RunEnv, s: AsyncSession, data: OrgInputs) -> Overrides:
    """BR-011 org and global overrides of the org's conveyances, read once per run."""
    if env.scope is not None:
        # Issue 6: a scoped run classifies and flags only the conveyances of the assets the
        # new rf_ids touch (steps 1 and 2b); its own cache key, so a fallback to a full
        # run never sees this subset.
        new = [rf for rf in env.scope.rf_ids if rf in data.conveyances]
        rfs = sorted(set(inc.effective_scope(data, new)) | set(new))
        return await env.cached(
            "overrides:scoped", lambda: overrides_repo.load_overrides(s, env.org_id, rfs)
        )
    return await env.cached(
        "overrides", lambda: overrides_repo.load_overrides(s, env.org_id, list(data.conveyances))
    )


async def classify_step(env: RunEnv) -> StepResult:
    """Step 1 (BR-001..012): rule fields of every rf_id linked to an org asset."""
    async with env.session() as s:
        fingerprint = await inputs_repo.inputs_fingerprint(s, env.org_id)
        if env.scope is not None:
            # Issue 6: the scoped outputs build on the last successful run's: its assets
            # and companies must be these (a change without a trigger: full run), and its
            # rows must carry the incremental keys (migration 0015).
            last = await runs.last_success_summary(s, env.org_id)
            if last.get("inputsFingerprint") != fingerprint:
                raise NeedFullRun("assets or companies changed since the last run")
            if last.get("incrementalKeys") != INCREMENTAL_KEYS:
                raise NeedFullRun("stored rows predate the incremental keys")
            # Only the new conveyances (a rewritten one forces a full run).
            scope = list(env.scope.rf_ids)
            classified = await inputs_repo.classified_rf_ids(s, env.org_id, scope)
            data = await raw_inputs(env, s)
            found = await overrides(env, s, data)
            rfs = inc.new_rf_ids(env, data, classified)
            rows = await compute(_classify_rows, data, found, rfs)
            await out.upsert_rule_classifications(
                s, env.org_id, env.run_id, env.ruleset, rows, delete_unlinked=False
            )
        else:
            data = await raw_inputs(env, s)
            found = await overrides(env, s, data)
            rows = await compute(_classify_rows, data, found)
            await out.upsert_rule_classifications(s, env.org_id, env.run_id, env.ruleset, rows)
        await runs.merge_job_summary(
            s, env.run_id, inputsFingerprint=fingerprint, incrementalKeys=INCREMENTAL_KEYS
        )
    return StepResult(len(rows), {"byRule": dict(sorted(Counter(r["mr"] for r in rows).items()))})


def _classify_rows(
    data: OrgInputs, found: Overrides, only: Sequence[str] | None = None
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for rf in sorted(data.conveyances if only is None else only):
        # BR-011: org > global override as effective; rule fields always from the keywords.
        c = classify(
            rf,
            data.conveyances[rf].convey_text,
            org_override=found.org.get(rf),
            global_override=found.global_.get(rf),
        )
        conv = data.conveyances[rf]
        rows.append(
            {
                # P5 sort key (issue 6: a scoped run renumbers the timeline in SQL).
                "pe": effective_date(conv),
                "pr": conv.record_dt,
                "pre": conv.reel_no,
                "pfr": conv.frame_no,
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
    if env.scope is not None:
        from worker.pipeline.steps_scoped import flag_scoped

        return await flag_scoped(env)
    async with env.session() as s:
        data = await raw_inputs(env, s)
        classes = await inputs_repo.load_classifications(s, env.org_id)
        biblio = await bibliographic_inventors(env, s)
        found = await overrides(env, s, data)
        groups, effective = await compute(_flag, data, classes, biblio, found)
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
    data: OrgInputs, classes: dict[str, ClassRow], biblio: Bibliographic, found: Overrides
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return _group_rows(data), effective_rows(data, classes, biblio, found)


def _group_rows(data: OrgInputs) -> list[dict[str, object]]:
    counts: Counter[str] = Counter(
        p.name for c in data.conveyances.values() for p in (*c.assignors, *c.assignees)
    )
    per_key: dict[str, Counter[str]] = defaultdict(Counter)
    for raw, n in counts.items():
        per_key[name_key(raw)][raw] += n
    return [
        name_group_row(key, per_key[key], g)
        for g in group_names([NameCount(n, c) for n, c in sorted(counts.items())])
        for key in g.member_keys
    ]


def name_group_row(key: str, spellings: Counter[str], group: EntityGroup) -> dict[str, object]:
    """The `name_groups` row of one name key in `group` (full run and exact incremental)."""
    # Most frequent spelling of this key; ties -> smallest string (determinism).
    raw = min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return {
        "name_key": key,
        "raw_name": raw,
        "group_key": group.canonical_key,
        "canonical_name": group.canonical_name,
        "occurrences": sum(spellings.values()),
        # Every spelling with its count: a scoped run regroups from these (issue 6).
        "spellings": dict(sorted(spellings.items())),
    }


def _typed_rule(
    data: OrgInputs, classes: dict[str, ClassRow], rfs: Sequence[str]
) -> list[tuple[Conveyance, ConveyanceType]]:
    return [(data.conveyances[rf], T(classes[rf].rule_type)) for rf in rfs if rf in classes]


def asset_inventor_map(
    data: OrgInputs,
    classes: dict[str, ClassRow],
    biblio: Bibliographic,
    only: Collection[uuid.UUID] | None = None,
) -> dict[str, tuple[tuple[Inventor, ...], InventorSource]]:
    """D19/BR-021 per asset (all, or `only`): bibliographic inventors, else inferred ones."""
    out_map = {}
    for asset in data.assets:
        if only is not None and asset.id not in only:
            continue
        rfs = data.asset_rfs.get(asset.id, [])
        typed = _typed_rule(data, classes, rfs)
        out_map[str(asset.id)] = asset_inventors(biblio.get(asset.id, ()), typed)
    return out_map


def effective_rows(
    data: OrgInputs,
    classes: dict[str, ClassRow],
    biblio: Bibliographic,
    ovr: Overrides,
    only: Collection[str] | None = None,
) -> list[dict[str, object]]:
    """BR-011/023 effective fields of every classified rf (or of `only`, a scoped run)."""
    per_rf: dict[str, list[str]] = defaultdict(list)
    for asset_id, rfs in data.asset_rfs.items():
        for rf in rfs:
            per_rf[rf].append(str(asset_id))
    # A scoped run needs the inventors of the assets of `only`'s conveyances only.
    needed = None if only is None else {uuid.UUID(a) for rf in only for a in per_rf.get(rf, ())}
    inventors_of = asset_inventor_map(data, classes, biblio, needed)
    rows = []
    for rf in sorted(classes if only is None else set(only) & set(classes)):
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
        # BR-011 precedence org > global > inventor match > rule, from the override tables
        # of this run (not the stored source, which is only refreshed here).
        org_o, global_o = ovr.org.get(rf), ovr.global_.get(rf)
        chosen = org_o or global_o
        if org_o is not None:
            csource = ClassificationSource.OVERRIDE_ORG
        elif global_o is not None:
            csource = ClassificationSource.OVERRIDE_GLOBAL
        else:
            csource = ClassificationSource.RULE
        classification = Classification(
            rf_id=rf,
            rule_type=rule,
            rule_employer_assign=rule is T.EMPLOYEE,  # only BR-002 sets it
            matched_rule="",
            conveyance_type=chosen.conveyance_type if chosen else rule,
            employer_assign=chosen.employer_assign if chosen else False,
            source=csource,
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
    """Steps 3-8 input: conveyances with group ids, effective classes, expanded companies.

    Steps 3-8 run after flag in the same run and only read step 1-2 outputs, which are
    fixed by then: read and map them once per run, not once per step."""
    return await env.cached("typed", lambda: _typed_inputs(env, s))


async def _typed_inputs(
    env: RunEnv, s: AsyncSession
) -> tuple[OrgInputs, dict[str, ClassRow], list[OrgCompany]]:
    groups = env.cache.get("groups")
    if groups is None or env.scope is None:
        groups = env.cache["groups"] = await inputs_repo.load_groups(s, env.org_id)
    if env.scope is not None:
        # Issue 6: the scoped assets (with all their conveyances) and the affected
        # conveyances, read with the groups step 2a just wrote.
        scope = inc.current_scope(env)
        data = await inputs_repo.load_inputs(
            s,
            env.org_id,
            groups,
            assets={uuid.UUID(a) for a in scope.assets or ()},
            rf_ids=scope.rf_ids_affected or (),
        )
        classes = await inputs_repo.load_classifications(s, env.org_id, data.conveyances)
    else:
        raw = await raw_inputs(env, s)
        data = await compute(inputs_repo.with_groups, raw, groups, None)
        classes = await inputs_repo.load_classifications(s, env.org_id)
    companies = org_companies(await inputs_repo.load_companies(s, env.org_id), groups)
    return data, classes, companies


def tree_row(env: RunEnv, r: TreeRow) -> dict[str, object]:
    return {
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


async def tree_step(env: RunEnv) -> StepResult:
    """Step 3 (BR-024..031): ownership tree rows per org company."""
    if env.scope is not None:
        from worker.pipeline.steps_scoped import tree_scoped

        return await tree_scoped(env)
    async with env.session() as s:
        data, classes, companies = await typed_inputs(env, s)
        typed = data.typed(classes, sorted(data.conveyances))
        keys = {a.key for a in data.assets}
        tree = await compute(tree_rows, typed, companies, keys)
        rows = [tree_row(env, r) for r in tree]
        await out.replace_rows(s, "ownership_tree_nodes", env.org_id, rows)
    return StepResult(len(rows), {"companies": len(companies)})


def _timeline_row(env: RunEnv, data: OrgInputs, e: TimelineEntry, seq: int) -> dict[str, object]:
    return {
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


async def timeline_step(env: RunEnv) -> StepResult:
    """Step 4: one row per (conveyance, counterparty) where an org company is a party."""
    async with env.session() as s:
        data, classes, companies = await typed_inputs(env, s)
        # BR-039: in-scope assets only (filed after the floor year). A scoped load holds
        # every asset its conveyances name, with its filing date.
        floor = {a.key for a in data.assets if in_floor_scope(a.appno_date)}
        if env.scope is not None:
            # Issue 6: an entry depends only on its conveyance and company; `seq` is the
            # global P5 position, renumbered in SQL from the stored P5 keys.
            affected = sorted(set(inc.current_scope(env).rf_ids_affected or ()))
            typed = data.typed(classes, [rf for rf in affected if rf in data.conveyances])
            order = [tc.rf_id for tc in typed]  # placeholder seq, renumbered below
            entries = await compute(timeline_rows, typed, companies, floor, order)
            rows = [_timeline_row(env, data, e, 0) for e, _ in entries]
            await out.delete_where(s, "timeline_entries", env.org_id, "rf_id", affected)
            await out.insert_rows(s, "timeline_entries", rows)
            # From the first rewritten row on: the new conveyances move the rows after
            # them, and the rewritten rows were inserted without their seq.
            await out.renumber_timeline(s, env.org_id, affected)
        else:
            typed = data.typed(classes, sorted(data.conveyances))
            order = await compute(p5_order, typed)
            entries = await compute(timeline_rows, typed, companies, floor, order)
            rows = [_timeline_row(env, data, e, seq) for e, seq in entries]
            await out.replace_rows(s, "timeline_entries", env.org_id, rows)
    return StepResult(len(rows), {"inScopeAssets": len(floor)})
