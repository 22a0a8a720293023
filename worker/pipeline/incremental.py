"""Issue 6: incremental (scoped) runs of steps 1-2 and the scope they hand to steps 3-8.

A scoped run starts from the rf_ids its triggers wrote (new conveyances). It produces
exactly the rows a full run would, or it raises `NeedFullRun` and the runner recomputes
everything. Rules (domain/titles/README.md decision 32):

- classify: the org's assets and companies must be those of the last successful run
  (fingerprint on the job summary); a change made without a trigger: full run. Only the
  new rf_ids are classified. One that the org had already classified was rewritten
  (or voided): full run (its old parties and links are gone, so the delta is unknown).
- flag 2a: the stored grouping keeps every spelling of each name key with its count
  (`org_entity_groups.spellings`), so the org's parties are not re-read: only the
  connected components of the blocked BR-018 pair graph that contain a key the new
  conveyances name are regrouped (`regroup_components`), from the stored spellings plus
  the new ones, which is exactly what a full regroup yields for them. Stored spellings
  that disagree with the stored count (drift), or rows from before migration 0015: full
  run. If the regroup changes a company's P4 alias set (org_companies), full run.
- flag 2b: effective fields of every conveyance of the assets the new rf_ids touch
  (their inferred inventors may change, D19).
- The widened scope: assets = those of the new conveyances, of conveyances whose
  effective fields changed, and of conveyances with a party whose group or canonical
  name changed; companies = those with an alias key among those conveyances' parties.
  More than 20 % of the org's assets (and more than 25): full run (scoped writes would
  cost more than a full run's bulk replace).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from db.repos.pipeline_inputs import ClassRow, CompanyRow, GroupRow, OrgInputs
from domain.titles.grouping import (
    BlockIndex,
    affected_component_keys,
    block_index,
    regroup_components,
)
from domain.titles.names import name_key
from domain.titles.parties import alias_keys
from domain.titles.types import NameCount
from worker.pipeline.env import NeedFullRun, RunEnv, Scope

MAX_SCOPE_SHARE = 0.2  # more than 20 % of the org's assets affected: a full run is cheaper
# ... but a handful of assets is always cheap to scope, even in a small org.
MIN_SCOPE_LIMIT = 25


def current_scope(env: RunEnv) -> Scope:
    """The widened scope of this scoped run (set by the flag step, stored on the job)."""
    scope = env.scope
    if scope is None or scope.assets is None or scope.companies is None:
        raise NeedFullRun("scoped step without the flag step's scope")
    return scope


def new_rf_ids(env: RunEnv, data: OrgInputs, classified: set[str]) -> list[str]:
    """The scope's conveyances linked to the org; a rewritten one forces a full run."""
    assert env.scope is not None
    if classified:
        raise NeedFullRun(f"{len(classified)} conveyance(s) rewritten, e.g. {min(classified)}")
    return sorted(rf for rf in env.scope.rf_ids if rf in data.conveyances)


def keys_of(data: OrgInputs, rfs: set[str] | list[str]) -> set[str]:
    return {
        k
        for rf in rfs
        for p in (*data.conveyances[rf].assignors, *data.conveyances[rf].assignees)
        if (k := name_key(p.name))
    }


def new_spellings(data: OrgInputs, rfs: Sequence[str]) -> dict[str, Counter[str]]:
    """Per name key, the raw spellings (with counts) the new conveyances add."""
    per_key: dict[str, Counter[str]] = defaultdict(Counter)
    for rf in rfs:
        conv = data.conveyances[rf]
        for p in (*conv.assignors, *conv.assignees):
            if key := name_key(p.name):
                per_key[key][p.name] += 1
    return per_key


@dataclass
class GroupDelta:
    """Step 2a rows of the regrouped keys, and the keys whose group or canonical changed."""

    keys: set[str]
    rows: list[dict[str, object]]
    changed: set[str]
    groups: dict[str, GroupRow]


def component_of(
    stored: dict[str, GroupRow], added: dict[str, Counter[str]]
) -> tuple[BlockIndex, set[str]]:
    """The blocked BR-018 pair graph's index over the stored keys and the new ones, and the
    keys of every connected component that contains a key the new conveyances name."""
    index = block_index(set(stored) | set(added))
    return index, affected_component_keys(index, set(added))


def regroup(
    stored: dict[str, GroupRow],
    occurrences: dict[str, int],
    spellings: dict[str, dict[str, int]],
    added: dict[str, Counter[str]],
    index: BlockIndex,
    component: set[str],
    companies: list[CompanyRow],
) -> GroupDelta:
    """Exact incremental step 2a (module docstring), pure: the stored spellings of the
    component's keys plus the new conveyances' are every spelling of those keys in the org."""
    from worker.pipeline.steps_early import name_group_row, org_companies

    per_key: dict[str, Counter[str]] = {}
    for key in component:
        known = Counter(spellings.get(key, {}))
        if sum(known.values()) != occurrences.get(key, 0):
            raise NeedFullRun(f"stored spellings of {key!r} do not match its count")
        per_key[key] = known + added.get(key, Counter())
    names = [NameCount(raw, n) for k in sorted(component) for raw, n in sorted(per_key[k].items())]
    rows: list[dict[str, object]] = []
    groups = dict(stored)
    for g in regroup_components(names, index):
        for key in g.member_keys:
            row = name_group_row(key, per_key[key], g)
            rows.append(row)
            groups[key] = GroupRow(g.canonical_key, g.canonical_name, str(row["raw_name"]))
    changed = {
        k
        for k in component & set(stored)
        if (groups[k].group_key, groups[k].canonical_name)
        != (stored[k].group_key, stored[k].canonical_name)
    }
    if org_companies(companies, stored) != org_companies(companies, groups):
        raise NeedFullRun("regrouping changes a company's alias set (P4)")
    return GroupDelta(component, rows, changed, groups)


def changed_effective(classes: dict[str, ClassRow], effective: list[dict[str, Any]]) -> set[str]:
    """Conveyances whose step-2b fields differ from the stored ones."""
    return {
        str(r["rf"])
        for r in effective
        if (c := classes.get(str(r["rf"]))) is None
        or (c.effective_type, c.employer_assign, c.source, c.inventor_source)
        != (r["et"], r["ea"], r["src"], r["inv"])
    }


def widen(
    data: OrgInputs,
    new_rfs: list[str],
    affected: set[str],
    groups: dict[str, GroupRow],
    companies: list[CompanyRow],
    org_assets: int,
) -> Scope:
    """Every asset, conveyance and company whose derived rows can change (module doc).
    `data` holds every conveyance of `affected`."""
    from worker.pipeline.steps_early import org_companies

    assets = {a for rf in affected for a in data.rf_assets.get(rf, ())}
    if len(assets) > max(MAX_SCOPE_SHARE * org_assets, MIN_SCOPE_LIMIT):
        raise NeedFullRun(f"scope too large: {len(assets)} of {org_assets} assets")
    keys = keys_of(data, affected)
    expanded = org_companies(companies, groups)
    touched_companies = sorted(c.company_id for c in expanded if alias_keys(c) & keys)
    return Scope(
        rf_ids=tuple(new_rfs),
        assets=tuple(sorted(str(a) for a in assets)),
        rf_ids_affected=tuple(sorted(affected)),
        companies=tuple(touched_companies),
    )


def effective_scope(data: OrgInputs, new_rfs: list[str]) -> list[str]:
    """2b: every conveyance of the assets the new conveyances touch (D19 inventors)."""
    assets = {a for rf in new_rfs for a in data.rf_assets.get(rf, ())}
    return sorted({rf for a in assets for rf in data.asset_rfs.get(a, ())})


__all__ = [
    "GroupDelta",
    "changed_effective",
    "component_of",
    "current_scope",
    "effective_scope",
    "keys_of",
    "new_rf_ids",
    "new_spellings",
    "regroup",
    "widen",
]
