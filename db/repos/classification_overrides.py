"""BR-011 overrides (business-rules §1.2): org-level `(org_id, rf_id)` and global `rf_id`.

Writers are for the admin APIs (org admin: the org's table under RLS; platform admin: the
shared global table); readers are for the pipeline's classify/flag steps. Functions only
flush; the request/job boundary commits. Setting an override does not trigger a run by
itself: the caller must trigger one WITHOUT rf_ids (`worker.pipeline.triggers.
request_pipeline(queue, session, org, "classification override")`; for a global override,
every org tracking the rf_id), so the next run is full: an incremental run (issue 6) only
reclassifies the new conveyances its triggers name.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from domain.titles.types import ConveyanceType, Override


@dataclass(frozen=True)
class OverrideRow:
    rf_id: str
    conveyance_type: ConveyanceType
    employer_assign: bool
    note: str | None

    @property
    def override(self) -> Override:
        return Override(self.conveyance_type, self.employer_assign)


_UPSERT_ORG = text(
    """
    INSERT INTO org_classification_overrides
        (organization_id, rf_id, conveyance_type, employer_assign, note, created_by)
    VALUES (:org, :rf, :ty, :ea, :note, :user)
    ON CONFLICT (organization_id, rf_id) DO UPDATE SET
        conveyance_type = EXCLUDED.conveyance_type,
        employer_assign = EXCLUDED.employer_assign,
        note = EXCLUDED.note, created_by = EXCLUDED.created_by, updated_at = now()
    """
)
_UPSERT_GLOBAL = text(
    """
    INSERT INTO classification_overrides
        (rf_id, conveyance_type, employer_assign, note, created_by)
    VALUES (:rf, :ty, :ea, :note, :user)
    ON CONFLICT (rf_id) DO UPDATE SET
        conveyance_type = EXCLUDED.conveyance_type,
        employer_assign = EXCLUDED.employer_assign,
        note = EXCLUDED.note, created_by = EXCLUDED.created_by, updated_at = now()
    """
)


async def set_org_override(
    session: AsyncSession,
    org_id: uuid.UUID,
    rf_id: str,
    conveyance_type: ConveyanceType,
    *,
    employer_assign: bool = False,
    note: str | None = None,
    user_id: uuid.UUID | None = None,
) -> None:
    """BR-011 (1): create or replace the org's override of `rf_id` (extended types allowed)."""
    await session.execute(
        _UPSERT_ORG,
        {
            "org": org_id,
            "rf": rf_id,
            "ty": ConveyanceType(conveyance_type).value,
            "ea": employer_assign,
            "note": note,
            "user": user_id,
        },
    )


async def delete_org_override(session: AsyncSession, org_id: uuid.UUID, rf_id: str) -> bool:
    """Remove the org's override of `rf_id`; True if there was one."""
    result = await session.execute(
        text(
            "DELETE FROM org_classification_overrides WHERE organization_id = :org AND rf_id = :rf"
        ),
        {"org": org_id, "rf": rf_id},
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_global_override(
    session: AsyncSession,
    rf_id: str,
    conveyance_type: ConveyanceType,
    *,
    employer_assign: bool = False,
    note: str | None = None,
    user_id: uuid.UUID | None = None,
) -> None:
    """BR-011 (2): create or replace the platform-wide override of `rf_id`."""
    await session.execute(
        _UPSERT_GLOBAL,
        {
            "rf": rf_id,
            "ty": ConveyanceType(conveyance_type).value,
            "ea": employer_assign,
            "note": note,
            "user": user_id,
        },
    )


async def delete_global_override(session: AsyncSession, rf_id: str) -> bool:
    """Remove the global override of `rf_id`; True if there was one."""
    result = await session.execute(
        text("DELETE FROM classification_overrides WHERE rf_id = :rf"), {"rf": rf_id}
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _rows(rows: object) -> dict[str, OverrideRow]:
    return {
        r[0]: OverrideRow(r[0], ConveyanceType(r[1]), bool(r[2]), r[3])
        for r in rows  # type: ignore[attr-defined]
    }


async def list_org_overrides(
    session: AsyncSession, org_id: uuid.UUID, rf_ids: Collection[str] | None = None
) -> dict[str, OverrideRow]:
    """The org's overrides (all, or only those of `rf_ids`), keyed by rf_id."""
    sql = (
        "SELECT rf_id, conveyance_type, employer_assign, note FROM org_classification_overrides"
        " WHERE organization_id = :org"
    )
    params: dict[str, object] = {"org": org_id}
    if rf_ids is not None:
        sql += " AND rf_id = ANY(:rfs)"
        params["rfs"] = list(rf_ids)
    return _rows((await session.execute(text(sql + " ORDER BY rf_id"), params)).all())


async def list_global_overrides(
    session: AsyncSession, rf_ids: Collection[str] | None = None
) -> dict[str, OverrideRow]:
    """Global overrides (all, or only those of `rf_ids`), keyed by rf_id."""
    sql = "SELECT rf_id, conveyance_type, employer_assign, note FROM classification_overrides"
    params: dict[str, object] = {}
    if rf_ids is not None:
        sql += " WHERE rf_id = ANY(:rfs)"
        params["rfs"] = list(rf_ids)
    return _rows((await session.execute(text(sql + " ORDER BY rf_id"), params)).all())


@dataclass(frozen=True)
class Overrides:
    """What the classify/flag steps need: org and global overrides of the org's rf_ids."""

    org: dict[str, Override]
    global_: dict[str, Override]

    def effective_source(self, rf_id: str) -> Override | None:
        """BR-011 precedence: org > global (inventor match and rules come after)."""
        return self.org.get(rf_id) or self.global_.get(rf_id)


async def load_overrides(
    session: AsyncSession, org_id: uuid.UUID, rf_ids: Collection[str]
) -> Overrides:
    """Both levels for the given rf_ids (the org's conveyances, or a scoped run's)."""
    org = await list_org_overrides(session, org_id, rf_ids)
    glob = await list_global_overrides(session, rf_ids)
    return Overrides(
        {rf: r.override for rf, r in org.items()}, {rf: r.override for rf, r in glob.items()}
    )
