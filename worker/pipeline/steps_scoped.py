"""Issue 6: the scoped (incremental) bodies of steps 2 and 3.

A scoped run starts from the conveyances its triggers recorded and reads only what they
touch (worker/pipeline/incremental.py states the rules). Steps 1 and 4-8 share their
full-run code with a scoped branch; steps 2 and 3 differ enough to live here.
"""

from __future__ import annotations

from collections.abc import Sequence

from db.repos import pipeline_inputs as inputs_repo
from db.repos import pipeline_outputs as out
from db.repos import pipeline_runs as runs
from db.repos import summary_facts as facts_repo
from domain.titles.types import TreeRow, TypedConveyance
from worker.pipeline import incremental as inc
from worker.pipeline.env import NeedFullRun, RunEnv, StepResult, compute
from worker.pipeline.scoping import tree_rows
from worker.pipeline.steps_early import (
    bibliographic_inventors,
    effective_rows,
    overrides,
    raw_inputs,
    tree_row,
    typed_inputs,
)


async def flag_scoped(env: RunEnv) -> StepResult:
    """Issue 6 step 2 on the scope: exact incremental grouping, 2b on the touched assets,
    then the widened scope for steps 3-8 (worker/pipeline/incremental.py)."""
    assert env.scope is not None
    async with env.session() as s:
        data = await raw_inputs(env, s)
        classes = await inputs_repo.load_classifications(s, env.org_id, data.conveyances)
        biblio = await bibliographic_inventors(env, s, {a.id for a in data.assets})
        found = await overrides(env, s, data)
        stored = env.cache["raw_groups"]
        occurrences = env.cache["raw_counts"]
        companies = await inputs_repo.load_companies(s, env.org_id)
        new_rfs = sorted(rf for rf in env.scope.rf_ids if rf in data.conveyances)
        # A new document can change an asset's filing date, which moves the BR-039 floor
        # and BR-043 window for all of the asset's conveyances: full run.
        named = {a for rf in new_rfs for a in data.rf_assets[rf]}
        stored_dates = await facts_repo.filing_dates(s, env.org_id, named)
        if any(a.id not in stored_dates or stored_dates[a.id] != a.appno_date
               for a in data.assets if a.id in named):  # fmt: skip
            raise NeedFullRun("a new document changes an asset's filing date")
        added = inc.new_spellings(data, new_rfs)
        index, component = await compute(inc.component_of, stored, added)
        spellings = await inputs_repo.load_spellings(s, env.org_id, component & set(stored))
        delta = await compute(
            inc.regroup, stored, occurrences, spellings, added, index, component, companies
        )
        rfs = inc.effective_scope(data, new_rfs)
        effective = await compute(effective_rows, data, classes, biblio, found, rfs)
        affected = inc.changed_effective(classes, effective) | set(new_rfs)
        if delta.changed:
            # Conveyances naming a regrouped key: their parties' group ids change.
            names = [raw for k in sorted(delta.changed) for raw in spellings.get(k, {})]
            found_rfs = await inputs_repo.rf_ids_naming(s, env.org_id, names)
            extra = found_rfs - set(data.conveyances)
            if extra:
                more = await inputs_repo.load_inputs(s, env.org_id, rf_ids=extra)
                data = inputs_repo.merged(data, more)
            affected |= {
                rf
                for rf in found_rfs & set(data.conveyances)
                if inc.keys_of(data, [rf]) & delta.changed
            }
        total = await inputs_repo.asset_count(s, env.org_id)
        scope = inc.widen(data, new_rfs, affected, delta.groups, companies, total)
        await out.delete_where(s, "org_entity_groups", env.org_id, "name_key", delta.keys)
        await out.insert_rows(s, "org_entity_groups", [{**env.derived(), **r} for r in delta.rows])
        await out.update_effective(s, env.org_id, env.run_id, effective)
        await runs.merge_job_summary(s, env.run_id, scope=scope.to_json())
    env.scope = scope
    # What org_entity_groups now holds: steps 3-8 need not read it again.
    env.cache["groups"] = delta.groups
    assert scope.assets is not None and scope.companies is not None
    return StepResult(
        len(effective) + len(delta.rows),
        {
            "scoped": True,
            "names": len(delta.rows),
            "regroupedChanged": len(delta.changed),
            "conveyances": len(effective),
            "assets": len(scope.assets),
            "companies": len(scope.companies),
        },
    )


def _node(r: TreeRow) -> tuple[str, int, str]:
    return (r.company_id, r.tree_type, r.display_name)


def _doc_keys(typed: Sequence[TypedConveyance]) -> set[str]:
    """The org asset keys the conveyances name (scoped loads carry only org assets)."""
    return {d.key for tc in typed for d in tc.conveyance.documents if d.key}


async def tree_scoped(env: RunEnv) -> StepResult:
    """Issue 6: a tree node (company, type, shown name) aggregates only the conveyances
    that produce it (BR-024..031, `build_tree`). The nodes to rebuild are the stored ones
    holding an affected conveyance and those the affected conveyances produce now; each
    is rebuilt from all its contributors (its stored rf_ids plus the affected ones)."""
    scope = inc.current_scope(env)
    async with env.session() as s:
        data, classes, companies = await typed_inputs(env, s)
        affected = sorted(set(scope.rf_ids_affected or ()) & set(data.conveyances))
        typed = data.typed(classes, affected)
        produced = await compute(tree_rows, typed, companies, _doc_keys(typed))
        stored = await out.tree_nodes_touching(
            s, env.org_id, affected, sorted({_node(r) for r in produced})
        )
        nodes = {_node(r) for r in produced} | {node for node, _ in stored}
        others = {rf for _, rfs in stored for rf in rfs} - set(affected)
        if others:
            more = await inputs_repo.load_inputs(s, env.org_id, env.cache["groups"], rf_ids=others)
            more_classes = await inputs_repo.load_classifications(s, env.org_id, others)
            typed = typed + more.typed(more_classes, sorted(more.conveyances))
        involved = {company for company, _, _ in nodes}
        rebuilt = await compute(
            tree_rows, typed, [c for c in companies if c.company_id in involved], _doc_keys(typed)
        )
        rows = [tree_row(env, r) for r in rebuilt if _node(r) in nodes]
        await out.delete_tree_nodes(s, env.org_id, sorted(nodes))
        await out.insert_rows(s, "ownership_tree_nodes", rows)
    return StepResult(len(rows), {"companies": len(involved), "nodes": len(nodes)})
