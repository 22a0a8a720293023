"""Issue 6: incremental (scoped) runs of steps 1-2 and the scope they hand to steps 3-8.

A scoped run starts from the rf_ids its triggers wrote (new conveyances). It produces
exactly the rows a full run would, or it raises `NeedFullRun` and the runner recomputes
everything. Rules (domain/titles/README.md decision 32):

- classify: the org's assets and companies must be those of the last successful run
  (fingerprint on the job summary); a change made without a trigger: full run. Only the
  new rf_ids are classified. One that the org had already classified was rewritten
  (or voided): full run (its old parties and links are gone, so the delta is unknown).
- flag 2a: per-key counts are recounted from the run's snapshot; a name key of the
  snapshot missing from the stored grouping (or a stored count that disagrees) outside
  the new conveyances means the stored rows drifted: full run. Otherwise only the
  connected components of the blocked BR-018 pair graph that contain a touched key are
  regrouped (`regroup_components`), which is exactly what a full regroup yields for them.
  If that changes a company's P4 alias set (org_companies), full run.
- flag 2b: effective fields of every conveyance of the assets the new rf_ids touch
  (their inferred inventors may change, D19).
- The widened scope: assets = those of the new conveyances, of conveyances whose
  effective fields changed, and of conveyances with a party whose group or canonical
  name changed; companies = those with an alias key among those conveyances' parties.
  More than 20 % of the org's assets (and more than 25): full run (scoped writes would
  cost more than a full run's bulk replace).
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from db.repos import pipeline_inputs as inputs_repo
from db.repos.pipeline_inputs import ClassRow, CompanyRow, GroupRow, OrgInputs
from domain.titles.grouping import affected_component_keys, block_index, regroup_components
from domain.titles.names import name_key
from domain.titles.parties import alias_keys
from domain.titles.types import NameCount
from worker.pipeline.env import NeedFullRun, RunEnv, Scope

MAX_SCOPE_SHARE = 0.2  # more than 20 % of the org's assets affected: a full run is cheaper
# ... but a handful of assets is always cheap to scope, even in a small org.
MIN_SCOPE_LIMIT = 25


def inputs_fingerprint(data: OrgInputs, companies: list[CompanyRow]) -> str:
    """What every derived row depends on besides conveyances: the org's assets (doc numbers,
    filing date, company, layout) and companies (names, aliases)."""
    parts = sorted(
        f"a|{a.id}|{a.appno}|{a.grant}|{a.company_id}|{a.layout_id}|{a.appno_date}|{a.title}"
        for a in data.assets
    )
    parts += sorted(f"c|{c.id}|{c.name}|{'|'.join(c.aliases)}" for c in companies)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


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


def _spellings(data: OrgInputs) -> dict[str, Counter[str]]:
    counts: Counter[str] = Counter(
        p.name for c in data.conveyances.values() for p in (*c.assignors, *c.assignees)
    )
    per_key: dict[str, Counter[str]] = defaultdict(Counter)
    for raw, n in counts.items():
        if key := name_key(raw):
            per_key[key][raw] += n
    return per_key


@dataclass
class GroupDelta:
    """Step 2a rows of the regrouped keys, and the keys whose group or canonical changed."""

    keys: set[str]
    rows: list[dict[str, object]]
    changed: set[str]
    groups: dict[str, GroupRow]


def regroup(
    data: OrgInputs,
    stored: dict[str, GroupRow],
    occurrences: dict[str, int],
    touched: set[str],
    companies: list[CompanyRow],
) -> GroupDelta:
    """Exact incremental step 2a (see the module docstring), pure."""
    from worker.pipeline.steps_early import name_group_row, org_companies

    per_key = _spellings(data)
    fresh = set(per_key) - set(stored)
    if set(stored) - set(per_key) or fresh - touched:
        raise NeedFullRun("stored grouping does not match the org's names")
    for key, n in occurrences.items():
        if key not in touched and sum(per_key[key].values()) != n:
            raise NeedFullRun(f"stored count of {key!r} drifted")
    index = block_index(per_key)
    component = affected_component_keys(index, touched)
    names = [NameCount(raw, n) for k in sorted(component) for raw, n in per_key[k].items()]
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


def widen(
    data: OrgInputs,
    classes: dict[str, ClassRow],
    new_rfs: list[str],
    effective: list[dict[str, Any]],
    delta: GroupDelta,
    companies: list[CompanyRow],
) -> Scope:
    """Every asset, conveyance and company whose derived rows can change (module doc)."""
    from worker.pipeline.steps_early import org_companies

    changed_eff = {
        r["rf"]
        for r in effective
        if (c := classes.get(str(r["rf"]))) is None
        or (c.effective_type, c.employer_assign, c.source, c.inventor_source)
        != (r["et"], r["ea"], r["src"], r["inv"])
    }
    regrouped = (
        {
            rf
            for rf, conv in data.conveyances.items()
            if any(name_key(p.name) in delta.changed for p in (*conv.assignors, *conv.assignees))
        }
        if delta.changed
        else set()
    )
    affected = {str(rf) for rf in changed_eff} | regrouped | set(new_rfs)
    assets_of: dict[str, set[uuid.UUID]] = defaultdict(set)
    for asset_id, rfs in data.asset_rfs.items():
        for rf in rfs:
            assets_of[rf].add(asset_id)
    assets = {a for rf in affected for a in assets_of.get(rf, ())}
    if len(assets) > max(MAX_SCOPE_SHARE * len(data.assets), MIN_SCOPE_LIMIT):
        raise NeedFullRun(f"scope too large: {len(assets)} of {len(data.assets)} assets")
    keys = keys_of(data, affected)
    expanded = org_companies(companies, delta.groups)
    touched_companies = sorted(c.company_id for c in expanded if alias_keys(c) & keys)
    return Scope(
        rf_ids=tuple(new_rfs),
        assets=tuple(sorted(str(a) for a in assets)),
        rf_ids_affected=tuple(sorted(affected)),
        companies=tuple(touched_companies),
    )


def effective_scope(data: OrgInputs, new_rfs: list[str]) -> list[str]:
    """2b: every conveyance of the assets the new conveyances touch (D19 inventors)."""
    assets = {a for a, rfs in data.asset_rfs.items() if set(rfs) & set(new_rfs)}
    return sorted({rf for a in assets for rf in data.asset_rfs.get(a, ())})


def shifted_sequences(order: Sequence[str], scope: Scope) -> dict[str, int]:
    """Step 4 seq (P5 position among all the org's conveyances, `order` = `p5_order`) of
    every conveyance whose position the new conveyances moved: rf_id -> new seq."""
    new = set(scope.rf_ids)
    before = {rf: n for n, rf in enumerate((rf for rf in order if rf not in new), start=1)}
    return {rf: n for n, rf in enumerate(order, start=1) if rf in before and before[rf] != n}


async def flag_inputs(
    env: RunEnv, s: Any
) -> tuple[dict[str, GroupRow], dict[str, int], list[CompanyRow]]:
    """Stored grouping (with counts) and the org's companies, for `regroup`."""
    return (
        await inputs_repo.load_groups(s, env.org_id),
        await inputs_repo.load_group_occurrences(s, env.org_id),
        await inputs_repo.load_companies(s, env.org_id),
    )


__all__ = [
    "GroupDelta",
    "current_scope",
    "effective_scope",
    "flag_inputs",
    "inputs_fingerprint",
    "keys_of",
    "new_rf_ids",
    "regroup",
    "shifted_sequences",
    "widen",
]
