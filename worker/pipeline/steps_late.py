"""Steps 5-8: broken_title, dashboard, summary, generate_json (business-rules §5, §6, §10)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from db.repos import pipeline_outputs as out
from db.repos import summary_facts as facts_repo
from db.repos.pipeline_inputs import AssetRow, ClassRow, OrgInputs
from domain.titles.chain import evaluate_chain
from domain.titles.dashboard import (
    SummaryAsset,
    SummaryMetrics,
    in_floor_scope,
    summary_metrics,
)
from domain.titles.diagram import DiagramAsset, build_diagram
from domain.titles.names import name_key
from domain.titles.ownership import owner_from_verdict
from domain.titles.parties import alias_keys
from domain.titles.summary_facts import AssetFacts, asset_facts
from domain.titles.types import (
    ChainBreak,
    ChainVerdict,
    Inventor,
    OrgCompany,
    TypedConveyance,
)
from worker.pipeline import incremental as inc
from worker.pipeline.env import RunEnv, StepResult, compute
from worker.pipeline.scoping import activities, by_company
from worker.pipeline.steps_early import (
    Bibliographic,
    asset_inventor_map,
    bibliographic_inventors,
    typed_inputs,
)

DEFAULT_LAYOUT_ID = 15  # BR-040: org default_layout_id (no customer_configurations yet)


def _scoped_assets(env: RunEnv) -> set[uuid.UUID] | None:
    """Issue 6: the assets a scoped run recomputes (None: a full run, every asset)."""
    if env.scope is None:
        return None
    return {uuid.UUID(a) for a in inc.current_scope(env).assets or ()}


async def _write(
    s: AsyncSession,
    env: RunEnv,
    table: str,
    rows: list[dict[str, Any]],
    only: set[uuid.UUID] | None,
) -> None:
    """Replace the org's rows of `table`, or only those of the scoped assets (issue 6)."""
    if only is None:
        await out.replace_rows(s, table, env.org_id, rows)
    else:
        await out.delete_where(s, table, env.org_id, "asset_id", only)
        await out.insert_rows(s, table, rows)


def _break_json(b: ChainBreak) -> dict[str, Any]:
    return {
        "seq": b.seq,
        "beforeRfId": b.before_rf,
        "afterRfId": b.after_rf,
        "expected": list(b.expected),
        "actual": list(b.actual),
        "reason": b.reason.value,
    }


def _verdicts(
    data: OrgInputs,
    classes: dict[str, ClassRow],
    biblio: Bibliographic,
    only: Collection[uuid.UUID] | None = None,
) -> list[tuple[AssetRow, list[TypedConveyance], ChainVerdict]]:
    """BR-032 per asset (all, or `only`), on the effective classification (§1.3) and D19
    inventor source."""
    inventors = asset_inventor_map(data, classes, biblio, only)
    result = []
    for asset in data.assets:
        if only is not None and asset.id not in only:
            continue
        typed = data.typed(classes, data.asset_rfs.get(asset.id, []))
        source = inventors[str(asset.id)][1]
        result.append((asset, typed, evaluate_chain(typed, source)))
    return result


async def broken_title_step(env: RunEnv) -> StepResult:
    """Step 5 (BR-032..036) + D2 current owner and open liens of every asset."""
    async with env.session() as s:
        data, classes, _ = await typed_inputs(env, s)
        only = _scoped_assets(env)
        biblio = await bibliographic_inventors(env, s, only or ())
        verdicts = await compute(_verdicts, data, classes, biblio, only)
        chains, owners, liens = [], [], []
        for asset, _typed, v in verdicts:
            owner = owner_from_verdict(v)
            owners.append(
                {
                    **env.derived(),
                    "asset_id": asset.id,
                    "status": owner.status.value,
                    "holders": list(owner.holders),
                    "holder_keys": list(owner.holder_ids),
                    "supporting_rf_ids": list(owner.supporting_rf_ids),
                    "open_lien_count": len(owner.open_liens),
                    "inventor_source": v.inventor_source.value,
                }
            )
            for lien in v.open_liens:
                for key, name in zip(lien.secured_party_ids, lien.secured_parties, strict=True):
                    liens.append(
                        {
                            **env.derived(),
                            "asset_id": asset.id,
                            "rf_id": lien.rf_id,
                            "secured_party_key": key,
                            "secured_party_name": name,
                            "grantors": list(lien.grantors),
                            "record_dt": lien.record_dt,
                            "effective_dt": lien.effective_dt,
                        }
                    )
            if not in_floor_scope(asset.appno_date):
                continue  # BR-039: verdicts only for assets filed after the floor year
            head = v.headline_break
            chains.append(
                {
                    **env.derived(),
                    "asset_id": asset.id,
                    "patent_doc_num": asset.key,
                    "status": v.status.value,
                    "reason_code": v.reasons[0].value if v.reasons else None,
                    "reasons": [r.value for r in v.reasons],
                    "breaks": [_break_json(b) for b in v.breaks],
                    "headline_break": _break_json(head) if head else None,
                    "break_seq": head.seq if head else None,
                    "break_point_rf_id": head.after_rf if head else None,
                    "missing_link_from": ", ".join(head.expected) if head else None,
                    "missing_link_to": ", ".join(head.actual) if head else None,
                    "has_employee_start": v.has_employee_start,
                    "employee_links": v.employee_links,
                    "chain_length": v.chain_length,
                    "open_security_rf_ids": list(v.open_security_rf_ids),
                    "current_holders": list(v.current_holders),
                    "inventor_source": v.inventor_source.value,
                }
            )
        # Dedupe a lender listed twice on one security (same key): one row per lender.
        liens = list(
            {(r["asset_id"], r["rf_id"], r["secured_party_key"]): r for r in liens}.values()
        )
        for table, rows in (
            ("broken_title_chains", chains),
            ("asset_ownership", owners),
            ("open_liens", liens),
        ):
            await _write(s, env, table, rows, only)
    broken = sum(1 for c in chains if c["status"] == "broken")
    return StepResult(
        len(chains) + len(owners) + len(liens),
        {"verdicts": len(chains), "broken": broken, "openLiens": len(liens)},
    )


# BR-036/037 (type 0/1 per asset, 18 per open security) from step 5's rows, set-based;
# BR-040 layout filter. Type 20 (law firms) needs the law_firms master table (not yet).
_DASHBOARD = text(
    """
    INSERT INTO dashboard_items (organization_id, asset_id, company_id, type, patent,
        application, rf_id, headline_break, ruleset_version, run_id)
    SELECT b.organization_id, b.asset_id, a.company_id,
           CASE WHEN b.status = 'broken' THEN 1 ELSE 0 END,
           a.grant_doc_num, a.appno_doc_num,
           CASE WHEN b.status = 'broken' THEN b.break_point_rf_id END,
           CASE WHEN b.status = 'broken' THEN b.headline_break END, :ver, CAST(:run AS uuid)
    FROM broken_title_chains b JOIN assets a ON a.id = b.asset_id
    WHERE b.organization_id = :org AND a.layout_id = :layout
      AND (CAST(:assets AS uuid[]) IS NULL OR b.asset_id = ANY(CAST(:assets AS uuid[])))
    UNION ALL
    SELECT b.organization_id, b.asset_id, a.company_id, 18, a.grant_doc_num,
           a.appno_doc_num, sec.rf_id, NULL, :ver, CAST(:run AS uuid)
    FROM broken_title_chains b JOIN assets a ON a.id = b.asset_id
    CROSS JOIN LATERAL unnest(b.open_security_rf_ids) AS sec(rf_id)
    WHERE b.organization_id = :org AND a.layout_id = :layout
      AND (CAST(:assets AS uuid[]) IS NULL OR b.asset_id = ANY(CAST(:assets AS uuid[])))
    """
)


async def dashboard_step(env: RunEnv) -> StepResult:
    """Step 6 (BR-036..040): dashboard rows; counts per company/org are GROUP BY queries."""
    only = _scoped_assets(env)
    async with env.session() as s:
        if only is None:
            await s.execute(
                text("DELETE FROM dashboard_items WHERE organization_id = :org"),
                {"org": env.org_id},
            )
        else:  # issue 6: the scoped assets' rows only (set-based, same SQL)
            await out.delete_where(s, "dashboard_items", env.org_id, "asset_id", only)
        result = await s.execute(
            _DASHBOARD,
            {
                "org": env.org_id,
                "ver": env.ruleset,
                "run": env.run_id,
                "layout": DEFAULT_LAYOUT_ID,
                "assets": None if only is None else sorted(only),
            },
        )
    return StepResult(max(result.rowcount, 0))  # type: ignore[attr-defined]


def _summary_assets(
    data: OrgInputs,
    classes: dict[str, ClassRow],
    biblio: Bibliographic,
    only: Collection[uuid.UUID] | None = None,
) -> dict[uuid.UUID, SummaryAsset]:
    """BR-043 input per asset (all, or `only`): key, filing date, layout, inventors (D19),
    typed conveyances."""
    inventors = asset_inventor_map(data, classes, biblio, only)
    out_map = {}
    for a in data.assets:
        if only is not None and a.id not in only:
            continue
        names = tuple(
            " ".join(x for x in (i.given, i.middle, i.family) if x) for i in inventors[str(a.id)][0]
        )
        out_map[a.id] = SummaryAsset(
            a.key,
            a.appno_date,
            a.layout_id,
            names,
            tuple(data.typed(classes, data.asset_rfs.get(a.id, []))),
        )
    return out_map


def _facts(
    data: OrgInputs,
    summary_assets: dict[uuid.UUID, SummaryAsset],
    companies: Sequence[OrgCompany],
) -> list[AssetFacts]:
    """Issue 6: each asset's BR-043 contribution, stored so a scoped run can recount the
    org row without reading every asset. Activities only involve the companies that are a
    party to the asset's conveyances (P4), so only those are passed per asset."""
    org_keys = frozenset(k for c in companies for k in alias_keys(c))
    by_key: dict[str, list[OrgCompany]] = {}
    for c in companies:
        for k in alias_keys(c):
            by_key.setdefault(k, []).append(c)
    owner = {a.id: a.company_id for a in data.assets}
    out_list = []
    for asset_id, sa in summary_assets.items():
        keys = {
            name_key(p.name)
            for tc in sa.conveyances
            for p in (*tc.conveyance.assignors, *tc.conveyance.assignees)
        }
        ids = {c.company_id for k in keys for c in by_key.get(k, ())}
        involved = [c for c in companies if c.company_id in ids]
        company = owner.get(asset_id)
        out_list.append(
            asset_facts(asset_id, str(company) if company else None, sa, org_keys, involved)
        )
    return out_list


def _summaries(
    env: RunEnv,
    data: OrgInputs,
    classes: dict[str, ClassRow],
    companies: Sequence[OrgCompany],
    summary_assets: dict[uuid.UUID, SummaryAsset],
) -> list[SummaryMetrics]:
    """BR-042/043 over the whole org (a full run), from the rules themselves."""
    org_keys = frozenset(k for c in companies for k in alias_keys(c))
    all_assets = list(summary_assets.values())
    by_owner: dict[str, list[SummaryAsset]] = {}
    for a in data.assets:
        by_owner.setdefault(str(a.company_id), []).append(summary_assets[a.id])
    metrics = []
    for company, on_company in by_company(data.typed(classes, sorted(data.conveyances)), companies):
        # BR-043 "c's assets": the assets filed under the company (assets.company_id).
        mine = by_owner.get(company.company_id, [])
        rfs = {tc.rf_id for sa in mine for tc in sa.conveyances}
        typed = [tc for tc in on_company if tc.rf_id in rfs]
        metrics.append(
            summary_metrics(
                company.company_id, mine, activities(typed, [company]), org_keys, env.today
            )
        )
    org_activities = activities(
        list({tc.rf_id: tc for sa in all_assets for tc in sa.conveyances}.values()), companies
    )
    # BR-042: the org row (company_id NULL) over all the org's assets and companies.
    metrics.append(
        summary_metrics(
            None, all_assets, org_activities, org_keys, env.today, companies=len(companies)
        )
    )
    return metrics


def _metric_row(env: RunEnv, m: SummaryMetrics) -> dict[str, Any]:
    return {
        **env.derived(),
        "company_id": m.company_id,
        "company_count": m.companies,
        "activity_count": m.activities,
        "entity_count": m.entities,
        "party_count": m.parties,
        "employee_count": m.employees,
        "transaction_count": m.transactions,
        "asset_count": m.assets,
        "arrow_count": m.arrows,
    }


async def summary_step(env: RunEnv) -> StepResult:
    """Step 7 (BR-041..043): summary metrics per company plus the org row."""
    async with env.session() as s:
        data, classes, companies = await typed_inputs(env, s)
        only = _scoped_assets(env)
        biblio = await bibliographic_inventors(env, s, only or ())
        summary_assets = await compute(_summary_assets, data, classes, biblio, only)
        facts = await compute(_facts, data, summary_assets, companies)
        fact_rows = facts_repo.facts_rows(facts, env.derived())
        if only is None:
            metrics = await compute(_summaries, env, data, classes, companies, summary_assets)
            await out.replace_rows(s, "summary_asset_facts", env.org_id, fact_rows)
            await out.replace_rows(
                s, "summary_metrics", env.org_id, [_metric_row(env, m) for m in metrics]
            )
        else:
            # Issue 6: the scoped assets' facts, then their owners' rows (a company row
            # depends only on the assets filed under it, BR-043) and the org row (BR-042)
            # recounted in SQL over every asset's stored facts.
            await _write(s, env, "summary_asset_facts", fact_rows, only)
            ids = {c.company_id for c in companies}
            owners = sorted(
                {str(a.company_id) for a in data.assets if a.id in only and a.company_id} & ids
            )
            metrics = await facts_repo.summary_from_facts(
                s, env.org_id, owners, env.today, companies=len(companies)
            )
            await out.delete_summary_rows(s, env.org_id, owners)
            await out.insert_rows(s, "summary_metrics", [_metric_row(env, m) for m in metrics])
    return StepResult(len(metrics))


def _display(inv: Inventor) -> str:
    """ "Family, Given Middle", the way assignors are recorded (BR-021 string form)."""
    given = " ".join(x for x in (inv.given, inv.middle) if x)
    return f"{inv.family}, {given}" if inv.family and given else inv.family or given


def _diagrams(
    env: RunEnv,
    data: OrgInputs,
    classes: dict[str, ClassRow],
    companies: Sequence[OrgCompany],
    biblio: Bibliographic,
    only: set[uuid.UUID] | None = None,
) -> list[dict[str, Any]]:
    org_names = sorted({n for c in companies for n in c.names if name_key(n)})
    rows = []
    for asset, typed, verdict in _verdicts(data, classes, biblio, only):
        payload = build_diagram(
            DiagramAsset(asset.appno, asset.grant, asset.title, None),
            typed,
            verdict,
            # §10 step 8.3: bibliographic inventors sit in the inventor lane (D19, BR-021).
            inventors=[_display(i) for i in biblio.get(asset.id, ())],
            companies=companies,
            org_names=org_names,
            run_id=str(env.run_id),
            generated_at=env.generated_at,
        )
        rows.append(
            {
                **env.derived(),
                "asset_id": asset.id,
                "is_broken": payload["isBrokenTitle"],
                "chain_status": verdict.status.value,
                "diagram_json": payload,
            }
        )
    return rows


async def generate_json_step(env: RunEnv) -> StepResult:
    """Step 8 (D16): the diagram payload of every asset, stored for the API to serve as is."""
    async with env.session() as s:
        data, classes, companies = await typed_inputs(env, s)
        only = _scoped_assets(env)
        biblio = await bibliographic_inventors(env, s, only or ())
        rows = await compute(_diagrams, env, data, classes, companies, biblio, only)
        await _write(s, env, "asset_diagrams", rows, only)
    return StepResult(len(rows))
