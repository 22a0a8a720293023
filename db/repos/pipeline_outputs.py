"""Write side of the per-org pipeline: each step replaces its own rows set-based.

Every writer runs in the step's transaction and only flushes: delete the org's rows of
the step's tables, insert the new ones (deterministic given inputs and RULESET_VERSION),
so re-running a step, or a whole run, yields identical rows (D15 idempotency, pitfall 15:
deletes are scoped by organization, never broader). `org_assignments` is the exception:
rule fields and effective fields have different writers (§1.3), so it is upserted.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Table, delete, text
from sqlalchemy.ext.asyncio import AsyncSession

import db.models  # noqa: F401  (every table in Base.metadata, whoever imports us)
from db.base import Base

CHUNK = 5000


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


async def replace_rows(
    session: AsyncSession, table: str, org_id: uuid.UUID, rows: Sequence[dict[str, Any]]
) -> int:
    """Delete the org's rows of `table` and insert `rows` (each carrying organization_id)."""
    t = _table(table)
    await session.execute(delete(t).where(t.c.organization_id == org_id))
    return await insert_rows(session, table, rows)


async def delete_where(
    session: AsyncSession, table: str, org_id: uuid.UUID, column: str, values: Iterable[Any]
) -> None:
    """Scoped delete of the org's rows whose `column` is in `values` (incremental steps)."""
    t = _table(table)
    await session.execute(
        delete(t).where(t.c.organization_id == org_id, t.c[column].in_(list(values)))
    )


def _json(value: Any) -> Any:
    if isinstance(value, (uuid.UUID, date)):
        return str(value)  # ISO dates; the record type casts them back
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


async def insert_rows(session: AsyncSession, table: str, rows: Sequence[dict[str, Any]]) -> int:
    """Set-based insert: one statement per chunk, rows shipped as one jsonb array and typed
    by the table's own record type (arrays and jsonb included). Much faster than
    executemany, and COPY is not available under RLS."""
    if not rows:
        return 0
    columns = sorted(rows[0])
    unknown = set(columns) - set(_table(table).c.keys())
    if unknown:
        raise ValueError(f"{table} has no columns {sorted(unknown)}")
    cols = ", ".join(columns)
    # Table and column names come from the metadata (checked above), never from input.
    stmt = text(
        f"INSERT INTO {table} ({cols}) SELECT {cols}"  # noqa: S608
        f" FROM jsonb_populate_recordset(NULL::{table}, CAST(:rows AS jsonb))"
    )
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        await session.execute(stmt, {"rows": json.dumps(chunk, default=_json)})
    return len(rows)


_UPSERT_RULES = text(
    """
    INSERT INTO org_assignments AS o (organization_id, assignment_id, rf_id, rule_type,
        rule_employer_assign, matched_rule, effective_type, employer_assign, source,
        inventor_source, p5_effective_dt, p5_record_dt, p5_reel, p5_frame,
        ruleset_version, run_id)
    SELECT :org, v.aid, v.rf, v.rt, v.rea, v.mr, v.et, v.ea, v.src, 'none', v.pe, v.pr,
           v.pre, v.pfr, :ver, :run
    FROM unnest(CAST(:aid AS uuid[]), CAST(:rf AS text[]), CAST(:rt AS text[]),
                CAST(:rea AS boolean[]), CAST(:mr AS text[]), CAST(:et AS text[]),
                CAST(:ea AS boolean[]), CAST(:src AS text[]), CAST(:pe AS date[]),
                CAST(:pr AS date[]), CAST(:pre AS integer[]), CAST(:pfr AS integer[]))
         AS v(aid, rf, rt, rea, mr, et, ea, src, pe, pr, pre, pfr)
    ON CONFLICT (organization_id, rf_id) DO UPDATE SET
        assignment_id = EXCLUDED.assignment_id,
        rule_type = EXCLUDED.rule_type,
        rule_employer_assign = EXCLUDED.rule_employer_assign,
        matched_rule = EXCLUDED.matched_rule,
        p5_effective_dt = EXCLUDED.p5_effective_dt,
        p5_record_dt = EXCLUDED.p5_record_dt,
        p5_reel = EXCLUDED.p5_reel,
        p5_frame = EXCLUDED.p5_frame,
        ruleset_version = EXCLUDED.ruleset_version,
        run_id = EXCLUDED.run_id,
        updated_at = now()
    WHERE (o.rule_type, o.rule_employer_assign, o.matched_rule, o.assignment_id,
           o.ruleset_version, o.p5_effective_dt, o.p5_record_dt, o.p5_reel, o.p5_frame)
          IS DISTINCT FROM (EXCLUDED.rule_type, EXCLUDED.rule_employer_assign,
           EXCLUDED.matched_rule, EXCLUDED.assignment_id, EXCLUDED.ruleset_version,
           EXCLUDED.p5_effective_dt, EXCLUDED.p5_record_dt, EXCLUDED.p5_reel,
           EXCLUDED.p5_frame)
    """
)
_DELETE_UNLINKED = text(
    "DELETE FROM org_assignments WHERE organization_id = :org AND NOT rf_id = ANY(:rf)"
)


async def upsert_rule_classifications(
    session: AsyncSession,
    org_id: uuid.UUID,
    run_id: uuid.UUID,
    ruleset: str,
    rows: Sequence[dict[str, Any]],
    *,
    delete_unlinked: bool = True,
) -> None:
    """Step 1: insert new rf_ids, refresh rule fields, delete rf_ids no longer linked
    (not in a scoped run, issue 6, whose `rows` are only the new conveyances).

    Effective fields are only written on insert (rule values until step 2 runs), so a row
    never flips between step commits (§1.3)."""
    keys = ("aid", "rf", "rt", "rea", "mr", "et", "ea", "src", "pe", "pr", "pre", "pfr")
    cols = {k: [r[k] for r in rows] for k in keys}
    if delete_unlinked:
        await session.execute(_DELETE_UNLINKED, {"org": org_id, "rf": cols["rf"]})
    if rows:
        await session.execute(_UPSERT_RULES, {"org": org_id, "ver": ruleset, "run": run_id, **cols})


_UPDATE_EFFECTIVE = text(
    """
    UPDATE org_assignments AS o SET effective_type = v.et, employer_assign = v.ea,
        source = v.src, evidence = CAST(v.ev AS jsonb), inventor_source = v.inv,
        run_id = :run, updated_at = now()
    FROM unnest(CAST(:rf AS text[]), CAST(:et AS text[]), CAST(:ea AS boolean[]),
                CAST(:src AS text[]), CAST(:ev AS text[]), CAST(:inv AS text[]))
         AS v(rf, et, ea, src, ev, inv)
    WHERE o.organization_id = :org AND o.rf_id = v.rf
      AND (o.effective_type, o.employer_assign, o.source, o.evidence, o.inventor_source)
          IS DISTINCT FROM (v.et, v.ea, v.src, CAST(v.ev AS jsonb), v.inv)
    """
)


async def update_effective(
    session: AsyncSession, org_id: uuid.UUID, run_id: uuid.UUID, rows: Sequence[dict[str, Any]]
) -> None:
    """Step 2 (BR-023): effective type, employer flag, source, evidence, inventor source."""
    if not rows:
        return
    await session.execute(
        _UPDATE_EFFECTIVE,
        {
            "org": org_id,
            "run": run_id,
            "rf": [r["rf"] for r in rows],
            "et": [r["et"] for r in rows],
            "ea": [r["ea"] for r in rows],
            "src": [r["src"] for r in rows],
            "ev": [
                json.dumps(r["ev"], sort_keys=True) if r["ev"] is not None else None for r in rows
            ],
            "inv": [r["inv"] for r in rows],
        },
    )


# The global P5 position (domain/titles/order.py `order_key`: effective date, record
# date, reel, frame, rf_id; NULL dates last, as 'infinity' here) of every org conveyance
# from the sort key step 1 stores. A scoped run's new and rewritten rows only move (or
# fill) positions at or after the first of them, so only that tail is numbered (after the
# count of the rows before it) and matched to the timeline rows whose sequence it changes.
_P5_COLUMNS = (
    "coalesce(p5_effective_dt, 'infinity'::date) AS e,"
    " coalesce(p5_record_dt, 'infinity'::date) AS r, p5_reel AS l, p5_frame AS f,"
    ' rf_id COLLATE "C" AS i'
)
_RENUMBER = text(
    f"""
    WITH keyed AS (
        SELECT rf_id, {_P5_COLUMNS} FROM org_assignments WHERE organization_id = :org
    ), first AS (
        SELECT e, r, l, f, i FROM keyed WHERE rf_id = ANY(CAST(:rfs AS text[]))
        ORDER BY e, r, l, f, i LIMIT 1
    ), head AS (
        SELECT count(*) AS n FROM keyed k, first x
        WHERE (k.e, k.r, k.l, k.f, k.i) < (x.e, x.r, x.l, x.f, x.i)
    ), o AS (
        SELECT k.rf_id, head.n + row_number() OVER (ORDER BY k.e, k.r, k.l, k.f, k.i) AS seq
        FROM keyed k, first x, head
        WHERE (k.e, k.r, k.l, k.f, k.i) >= (x.e, x.r, x.l, x.f, x.i)
    )
    UPDATE timeline_entries AS t SET sequence = o.seq
    FROM o
    WHERE t.organization_id = :org AND t.rf_id = o.rf_id AND t.sequence <> o.seq
    """  # noqa: S608 (constant text)
)


async def renumber_timeline(
    session: AsyncSession, org_id: uuid.UUID, new_rf_ids: Sequence[str]
) -> int:
    """Issue 6: a scoped run's timeline `sequence` from the stored P5 keys, set-based
    (`new_rf_ids`: the conveyances whose rows the run added or rewrote)."""
    result = await session.execute(_RENUMBER, {"org": org_id, "rfs": list(new_rf_ids)})
    return max(result.rowcount, 0)  # type: ignore[attr-defined]


async def delete_summary_rows(
    session: AsyncSession, org_id: uuid.UUID, company_ids: Sequence[str]
) -> None:
    """Issue 6: the org row (company_id NULL, BR-042) and the given companies' rows."""
    await session.execute(
        text(
            "DELETE FROM summary_metrics WHERE organization_id = :org AND (company_id IS NULL"
            " OR company_id = ANY(CAST(:ids AS uuid[])))"
        ),
        {"org": org_id, "ids": list(company_ids)},
    )


# Issue 6: the stored tree nodes a scoped run rebuilds: those holding an affected
# conveyance, and those it names by (company, tree type, shown name).
_NODES_TOUCHING = text(
    """
    SELECT company_id, tree_type, display_name, rf_ids FROM ownership_tree_nodes
    WHERE organization_id = :org
      AND (rf_ids && CAST(:rfs AS varchar[])
           OR (company_id, tree_type, display_name) IN (
               SELECT * FROM unnest(CAST(:cs AS uuid[]), CAST(:ts AS int[]),
                                    CAST(:ns AS text[]))))
    """
)


def _node_arrays(nodes: Sequence[tuple[str, int, str]]) -> dict[str, list[Any]]:
    return {
        "cs": [n[0] for n in nodes],
        "ts": [n[1] for n in nodes],
        "ns": [n[2] for n in nodes],
    }


async def tree_nodes_touching(
    session: AsyncSession,
    org_id: uuid.UUID,
    rf_ids: Sequence[str],
    nodes: Sequence[tuple[str, int, str]],
) -> list[tuple[tuple[str, int, str], list[str]]]:
    """(company id, tree type, shown name) and rf_ids of the matching stored nodes."""
    rows = await session.execute(
        _NODES_TOUCHING, {"org": org_id, "rfs": list(rf_ids), **_node_arrays(nodes)}
    )
    return [((str(r[0]), int(r[1]), str(r[2])), list(r[3] or ())) for r in rows.all()]


async def delete_tree_nodes(
    session: AsyncSession, org_id: uuid.UUID, nodes: Sequence[tuple[str, int, str]]
) -> None:
    """Issue 6: delete the org's tree nodes with these (company, type, shown name)."""
    if nodes:
        await session.execute(
            text(
                "DELETE FROM ownership_tree_nodes WHERE organization_id = :org"
                " AND (company_id, tree_type, display_name) IN (SELECT * FROM"
                " unnest(CAST(:cs AS uuid[]), CAST(:ts AS int[]), CAST(:ns AS text[])))"
            ),
            {"org": org_id, **_node_arrays(nodes)},
        )
