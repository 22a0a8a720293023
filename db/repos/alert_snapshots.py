"""The per-org "before" of the alert diff [T] (D2; worker/alerts/pipeline_events.py).

The pipeline replaces its derived rows on every run, so the previous run's state is gone
by the time a run finishes. `alert_snapshots` keeps, per org, the keys (and a small
detail) of what the last finished run showed; `diff` moves the snapshot to the current
derived state set-based and returns what appeared and what disappeared.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

BASELINE_KIND = "_meta"
BASELINE_KEY = "baseline"


@dataclass(frozen=True)
class Kind:
    name: str
    key: str  # SQL expression of the item key
    detail: str  # SQL expression of the jsonb detail
    source: str  # FROM ... WHERE ..., bound to :org
    key_source: str | None = None  # a cheaper FROM for key-only checks, when there is one


_OWNED_DOCS = """
    CROSS JOIN LATERAL (
        SELECT coalesce(jsonb_agg(DISTINCT s.id), '[]'::jsonb) AS ids,
               coalesce(jsonb_agg(DISTINCT coalesce(s.grant_doc_num, s.appno_doc_num)),
                        '[]'::jsonb) AS docs
        FROM document_ids d
        JOIN assets s ON s.organization_id = oa.organization_id AND s.deleted_at IS NULL
             AND (s.appno_doc_num = d.appno_doc_num OR s.grant_doc_num = d.grant_doc_num)
        WHERE d.assignment_id = oa.assignment_id) x
"""

# The org's live assets: items of an asset that was not watched before are baseline.
ASSETS = Kind(
    "asset",
    "s.id::text",
    "NULL::jsonb",
    "FROM assets s WHERE s.organization_id = :org AND s.deleted_at IS NULL",
)
# D21: the conveyances linked to the org's assets (org_assignments, per rf_id).
CONVEYANCES = Kind(
    "conveyance",
    "oa.rf_id",
    "jsonb_build_object('rfId', oa.rf_id, 'conveyanceType', oa.effective_type,"
    " 'recordDate', a.record_dt, 'assetIds', x.ids, 'assets', x.docs)",
    "FROM org_assignments oa JOIN assignments a ON a.id = oa.assignment_id"
    + _OWNED_DOCS
    + " WHERE oa.organization_id = :org",
    "FROM org_assignments oa WHERE oa.organization_id = :org",
)
# D2 / §5.6: open liens per (asset, security interest, lender).
LIENS = Kind(
    "lien",
    "l.asset_id::text || ':' || l.rf_id || ':' || l.secured_party_key",
    "jsonb_build_object('assetIds', jsonb_build_array(l.asset_id),"
    " 'asset', coalesce(s.grant_doc_num, s.appno_doc_num), 'rfId', l.rf_id,"
    " 'securedParty', l.secured_party_name, 'recordDate', l.record_dt)",
    "FROM open_liens l JOIN assets s ON s.id = l.asset_id WHERE l.organization_id = :org",
)
# BR-032..036: assets whose chain of title is broken.
BROKEN = Kind(
    "broken",
    "b.asset_id::text",
    "jsonb_build_object('assetIds', jsonb_build_array(b.asset_id), 'asset', b.patent_doc_num,"
    " 'reason', b.reason_code, 'breakPointRfId', b.break_point_rf_id)",
    "FROM broken_title_chains b WHERE b.organization_id = :org AND b.status = 'broken'",
)
KINDS = (ASSETS, CONVEYANCES, LIENS, BROKEN)


@dataclass
class KindDiff:
    added: list[tuple[str, dict[str, Any] | None]]
    removed: list[tuple[str, dict[str, Any] | None]]


async def has_baseline(session: AsyncSession, org_id: uuid.UUID) -> bool:
    row = await session.execute(
        text(
            "SELECT 1 FROM alert_snapshots WHERE organization_id = :org"
            " AND kind = :kind AND item_key = :key"
        ),
        {"org": org_id, "kind": BASELINE_KIND, "key": BASELINE_KEY},
    )
    return row.first() is not None


async def mark_baseline(session: AsyncSession, org_id: uuid.UUID) -> None:
    await session.execute(
        text(
            "INSERT INTO alert_snapshots (organization_id, kind, item_key)"
            " VALUES (:org, :kind, :key) ON CONFLICT DO NOTHING"
        ),
        {"org": org_id, "kind": BASELINE_KIND, "key": BASELINE_KEY},
    )


async def clear(session: AsyncSession, org_id: uuid.UUID) -> None:
    """Forget the org's snapshot (no webhook listens; the next one starts a new baseline)."""
    await session.execute(
        text("DELETE FROM alert_snapshots WHERE organization_id = :org"), {"org": org_id}
    )


async def diff(session: AsyncSession, org_id: uuid.UUID, kind: Kind) -> KindDiff:
    """Move the org's snapshot of `kind` to the current derived rows; what changed.

    Table and column names are constants of this module, never input. The detail is only
    built for rows that are new (the NOT EXISTS filter runs before the select list)."""
    keys = kind.key_source or kind.source
    # Constants of this module only (never input), hence the S608 waivers.
    delete_gone = (
        "DELETE FROM alert_snapshots sn"  # noqa: S608
        " WHERE sn.organization_id = :org AND sn.kind = :kind"
        f" AND NOT EXISTS (SELECT 1 {keys} AND {kind.key} = sn.item_key)"
        " RETURNING sn.item_key, sn.detail"
    )
    insert_new = (
        "INSERT INTO alert_snapshots (organization_id, kind, item_key, detail)"  # noqa: S608
        " SELECT CAST(:org AS uuid), CAST(:kind AS text),"
        f" {kind.key}, {kind.detail} {kind.source}"
        " AND NOT EXISTS (SELECT 1 FROM alert_snapshots sn WHERE sn.organization_id = :org"
        f" AND sn.kind = :kind AND sn.item_key = {kind.key})"
        " ON CONFLICT DO NOTHING RETURNING item_key, detail"
    )
    params = {"org": org_id, "kind": kind.name}
    gone = [(k, d) for k, d in (await session.execute(text(delete_gone), params)).all()]
    added = [(k, d) for k, d in (await session.execute(text(insert_new), params)).all()]
    return KindDiff(added=added, removed=gone)


async def live_assets(session: AsyncSession, org_id: uuid.UUID, ids: list[str]) -> set[str]:
    """Which of `ids` are still live assets of the org (a lien that vanished with its
    asset was not released)."""
    if not ids:
        return set()
    rows = await session.execute(
        text(
            "SELECT id::text FROM assets WHERE organization_id = :org AND deleted_at IS NULL"
            " AND id = ANY(CAST(:ids AS uuid[]))"
        ),
        {"org": org_id, "ids": ids},
    )
    return set(rows.scalars())
