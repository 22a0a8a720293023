"""Per-asset summary facts (issue 6): their rows, and the BR-042/043 summary rows from them.

Step 7 stores each asset's `AssetFacts` (domain/titles/summary_facts.py) in
`summary_asset_facts` and computes the company rows and the org row with one SQL
aggregation over the org's stored facts, instead of reloading the whole org. The
statement is `metrics_from_facts` in SQL (tests/db/test_summary_facts_sql.py holds them
equal); it runs in the caller's tenant transaction, so RLS applies.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from db.repos.pipeline_inputs import _driver
from domain.titles.categories import ACTIVITY_IDS, EMPLOYEE_ACTIVITY, activity_group
from domain.titles.dashboard import (
    DEFAULT_LAYOUT_ID,
    EMPLOYEE_BACKFILL_YEARS,
    SUMMARY_WINDOW_YEARS,
    SummaryMetrics,
)
from domain.titles.summary_facts import AssetFacts

TABLE = "summary_asset_facts"

# BR-038 activity groups, as a lookup the statement joins (ids outside it are their own
# group, as `activity_group` has it): the rule stays in Python.
_ACTIVITY_IDS = sorted(
    {i for pair in (*ACTIVITY_IDS.values(), EMPLOYEE_ACTIVITY) for i in pair if i is not None}
)
_ACTIVITY_GROUPS = [activity_group(i) for i in _ACTIVITY_IDS]
_EMPLOYEE_ACTIVITY = EMPLOYEE_ACTIVITY[0]


def facts_rows(facts: Sequence[AssetFacts], derived: dict[str, Any]) -> list[dict[str, Any]]:
    """BR-043: `summary_asset_facts` rows for pipeline_outputs.insert_rows / replace_rows."""
    return [
        {
            **derived,
            "asset_id": f.asset_id,
            "asset_key": f.asset_key,
            "company_id": f.company_id,
            "layout_id": f.layout_id,
            "appno_date": f.appno_date,
            "rf_ids": [rf for rf, _n in f.rf_arrows],
            "arrows": [n for _rf, n in f.rf_arrows],
            "inventors": list(f.inventors),
            "backfill": list(f.backfill),
            "third_party_ids": [pid for pid, _pk in f.third],
            "third_person_keys": [pk for _pid, pk in f.third],
            "activity_company_ids": [cid for cid, _a, _cp in f.activities],
            "activity_ids": [a for _cid, a, _cp in f.activities],
            "activity_counterparties": [cp for _cid, _a, cp in f.activities],
        }
        for f in facts
    ]


# Scope 0 is the org row (every fact, every activity); scope n the n-th requested company
# (its facts, its activities). Per scope, as metrics_from_facts:
#   by_key  facts of the layout, one per asset key: the greatest asset id (assets are read
#           in id order and the last one of a key counts);
#   scoped  by_key facts in the summary window (year(appno_date) > $3; NULL is out);
#   assets, transactions and arrows (one value per rf: the greatest) over scoped;
#   employees: scoped inventors and the employee-link assignors of by_key facts filed in
#           the BR-041 years; entities: scoped third parties whose person key is no scoped
#           inventor's; parties and activity groups over every fact of the scope.
# No join between two derived row sets (their row estimates are guesses, and a nested loop
# over two 10^4-row sets is quadratic): the inventor exclusion groups third parties and
# inventors by person key instead. Distinct counts are GROUP BY subqueries (hashable;
# count(DISTINCT) always sorts). ~0.2 s for a 10,000-asset org with 50,000 conveyances.
_SUMMARY = """
WITH req AS (
    SELECT n::int AS sid, c AS cid FROM unnest($2::uuid[]) WITH ORDINALITY AS u(c, n)
),
scopes AS (
    SELECT 0 AS sid, NULL::uuid AS cid
    UNION ALL
    SELECT sid, cid FROM req
),
facts AS (
    SELECT 0 AS sid, NULL::uuid AS cid, f.asset_id, f.asset_key, f.layout_id, f.appno_date,
           f.rf_ids, f.arrows, f.inventors, f.backfill, f.third_party_ids, f.third_person_keys,
           f.activity_company_ids, f.activity_ids, f.activity_counterparties
    FROM summary_asset_facts f WHERE f.organization_id = $1
    UNION ALL
    SELECT r.sid, r.cid, f.asset_id, f.asset_key, f.layout_id, f.appno_date,
           f.rf_ids, f.arrows, f.inventors, f.backfill, f.third_party_ids, f.third_person_keys,
           f.activity_company_ids, f.activity_ids, f.activity_counterparties
    FROM req r
    JOIN summary_asset_facts f ON f.organization_id = $1 AND f.company_id = r.cid
),
by_key AS (
    SELECT DISTINCT ON (sid, asset_key) sid, appno_date, rf_ids, arrows, inventors,
           backfill, third_party_ids, third_person_keys
    FROM facts WHERE layout_id = $4
    ORDER BY sid, asset_key, asset_id DESC
),
scoped AS (
    SELECT * FROM by_key
    WHERE appno_date IS NOT NULL AND extract(year FROM appno_date)::int > $3::int
),
n_assets AS (SELECT sid, count(*) AS n FROM scoped GROUP BY sid),
rfs AS (
    SELECT s.sid, r.rf, max(r.arr) AS arr
    FROM scoped s CROSS JOIN LATERAL unnest(s.rf_ids, s.arrows) AS r(rf, arr)
    GROUP BY s.sid, r.rf
),
n_rfs AS (SELECT sid, count(*) AS n, sum(arr) AS arrows FROM rfs GROUP BY sid),
inv AS (
    SELECT s.sid, i.pk
    FROM scoped s CROSS JOIN LATERAL unnest(s.inventors) AS i(pk)
    WHERE i.pk <> ''
    GROUP BY s.sid, i.pk
),
n_employees AS (
    SELECT sid, count(*) AS n FROM (
        SELECT sid, pk FROM inv
        UNION
        SELECT k.sid, b.pk
        FROM by_key k CROSS JOIN LATERAL unnest(k.backfill) AS b(pk)
        WHERE b.pk <> ''
          AND extract(year FROM k.appno_date)::int BETWEEN $5::int AND $6::int
    ) e
    GROUP BY sid
),
persons AS (
    SELECT sid, pk, bool_or(inventor) AS inventor,
           array_agg(pid) FILTER (WHERE NOT inventor) AS pids
    FROM (
        SELECT sid, true AS inventor, NULL::text AS pid, pk FROM inv
        UNION ALL
        SELECT s.sid, false, t.pid, t.pk
        FROM scoped s
        CROSS JOIN LATERAL unnest(s.third_party_ids, s.third_person_keys) AS t(pid, pk)
    ) x
    GROUP BY sid, pk
),
n_entities AS (
    SELECT sid, count(*) AS n FROM (
        SELECT p.sid, e.pid
        FROM persons p CROSS JOIN LATERAL unnest(p.pids) AS e(pid)
        WHERE NOT p.inventor
        GROUP BY p.sid, e.pid
    ) e
    GROUP BY sid
),
acts AS (
    SELECT f.sid, a.act, a.cp
    FROM facts f
    CROSS JOIN LATERAL unnest(f.activity_company_ids, f.activity_ids,
                              f.activity_counterparties) AS a(cid, act, cp)
    WHERE f.cid IS NULL OR a.cid = f.cid::text
    GROUP BY f.sid, a.act, a.cp
),
n_parties AS (
    SELECT sid, count(*) AS n
    FROM (SELECT sid, cp FROM acts WHERE act <> $9::int GROUP BY sid, cp) p
    GROUP BY sid
),
n_groups AS (
    SELECT sid, count(*) AS n FROM (
        SELECT a.sid, coalesce(g.grp, a.act) AS grp
        FROM acts a LEFT JOIN unnest($7::int[], $8::int[]) AS g(act, grp) ON g.act = a.act
        GROUP BY 1, 2
    ) x
    GROUP BY sid
)
SELECT s.sid,
       coalesce(a.n, 0)::int AS assets,
       coalesce(r.n, 0)::int AS transactions,
       coalesce(e.n, 0)::int AS employees,
       coalesce(p.n, 0)::int AS parties,
       coalesce(t.n, 0)::int AS entities,
       coalesce(g.n, 0)::int AS activities,
       coalesce(r.arrows, 0)::bigint AS arrows
FROM scopes s
LEFT JOIN n_assets a USING (sid)
LEFT JOIN n_rfs r USING (sid)
LEFT JOIN n_employees e USING (sid)
LEFT JOIN n_entities t USING (sid)
LEFT JOIN n_parties p USING (sid)
LEFT JOIN n_groups g USING (sid)
ORDER BY s.sid
"""


async def filing_dates(
    session: AsyncSession, org_id: uuid.UUID, assets: Collection[uuid.UUID]
) -> dict[uuid.UUID, date | None]:
    """Issue 6: each asset's filing date as the last run stored it in its facts."""
    rows = await (await _driver(session)).fetch(
        "SELECT asset_id, appno_date FROM summary_asset_facts"
        " WHERE organization_id = $1 AND asset_id = ANY($2::uuid[])",
        org_id,
        sorted(assets),
    )
    return {r[0]: r[1] for r in rows}


async def summary_from_facts(
    session: AsyncSession,
    org_id: uuid.UUID,
    company_ids: Sequence[str],
    today: date,
    *,
    companies: int,
    layout_id: int = DEFAULT_LAYOUT_ID,
) -> list[SummaryMetrics]:
    """BR-042/043: one row per requested company (zeros without facts), then the org row."""
    wanted = list(dict.fromkeys(company_ids))
    pg = await _driver(session)
    rows = await pg.fetch(
        _SUMMARY,
        org_id,
        [uuid.UUID(c) for c in wanted],
        today.year - SUMMARY_WINDOW_YEARS,
        layout_id,
        EMPLOYEE_BACKFILL_YEARS.start,
        EMPLOYEE_BACKFILL_YEARS.stop - 1,
        _ACTIVITY_IDS,
        _ACTIVITY_GROUPS,
        _EMPLOYEE_ACTIVITY,
    )
    out: list[SummaryMetrics] = []
    for r in rows:
        sid = r["sid"]
        out.append(
            SummaryMetrics(
                company_id=None if sid == 0 else wanted[sid - 1],
                assets=r["assets"],
                transactions=r["transactions"],
                employees=r["employees"],
                parties=r["parties"],
                entities=r["entities"],
                activities=r["activities"],
                arrows=int(r["arrows"]),
                companies=companies if sid == 0 else 1,
            )
        )
    # Company rows in the requested order, the org row (BR-042) last.
    return out[1:] + out[:1]
