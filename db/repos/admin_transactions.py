"""Cross-tenant transaction review for super admins (issue 9; api.md §3.5 #50).

A "transaction" is one conveyance as classified for one organization (`org_assignments`,
the pipeline's step-1/2 output, D21) with its shared assignment record. Runs under the
super-admin RLS context, so every tenant's rows are visible (domain-model §11.3 (4)).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Date, cast, func, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.assignments import Assignee, Assignment, Assignor, DocumentId
from db.models.derived import BrokenTitleChain, DashboardItem
from db.models.pipeline import OrgAssignment, OrgEntityGroup
from db.models.tenancy import Organization

# Rows without a record date sort last in the newest-first order, with a stable key.
NO_DATE = date(1, 1, 1)


@dataclass(frozen=True)
class TransactionRow:
    id: uuid.UUID
    rf_id: str
    org_id: uuid.UUID
    org_name: str
    conveyance_type: str
    conveyance_text: str | None
    record_date: date | None
    assignor_name: str | None
    assignee_name: str | None
    affected_assets: int
    flagged: bool


async def list_transactions(
    session: AsyncSession,
    *,
    org_id: uuid.UUID | None,
    conveyance_type: str | None,
    date_from: date | None,
    date_to: date | None,
    flagged: bool | None,
    limit: int,
    after: tuple[date, uuid.UUID] | None,
) -> tuple[list[TransactionRow], int]:
    """Up to `limit` + 1 rows, newest record date first (keyset `(record_dt, id)`), and
    the exact total of the filtered set. `flagged` = the step-2 employer-assignment flag."""
    sort_date = func.coalesce(Assignment.record_dt, cast(literal(NO_DATE), Date))
    conditions = []
    if org_id is not None:
        conditions.append(OrgAssignment.organization_id == org_id)
    if conveyance_type is not None:
        conditions.append(OrgAssignment.effective_type == conveyance_type)
    if date_from is not None:
        conditions.append(Assignment.record_dt >= date_from)
    if date_to is not None:
        conditions.append(Assignment.record_dt <= date_to)
    if flagged is not None:
        conditions.append(OrgAssignment.employer_assign.is_(flagged))
    first_assignor = (
        select(Assignor.or_name)
        .where(Assignor.assignment_id == Assignment.id)
        .order_by(Assignor.seq)
        .limit(1)
        .scalar_subquery()
    )
    first_assignee = (
        select(Assignee.ee_name)
        .where(Assignee.assignment_id == Assignment.id)
        .order_by(Assignee.seq)
        .limit(1)
        .scalar_subquery()
    )
    documents = (
        select(func.count())
        .select_from(DocumentId)
        .where(DocumentId.assignment_id == Assignment.id)
        .scalar_subquery()
    )
    joined = (
        select(
            OrgAssignment.id,
            OrgAssignment.rf_id,
            OrgAssignment.organization_id,
            Organization.name,
            OrgAssignment.effective_type,
            Assignment.convey_text,
            Assignment.record_dt,
            first_assignor,
            first_assignee,
            documents,
            OrgAssignment.employer_assign,
        )
        .join(Assignment, Assignment.id == OrgAssignment.assignment_id)
        .join(Organization, Organization.id == OrgAssignment.organization_id)
        .where(*conditions)
    )
    if after is not None:
        joined = joined.where(tuple_(sort_date, OrgAssignment.id) < tuple_(*after))
    stmt = joined.order_by(sort_date.desc(), OrgAssignment.id.desc()).limit(limit + 1)
    total = (
        select(func.count())
        .select_from(OrgAssignment)
        .join(Assignment, Assignment.id == OrgAssignment.assignment_id)
        .where(*conditions)
    )
    rows = [TransactionRow(*r) for r in (await session.execute(stmt)).all()]
    return rows, (await session.execute(total)).scalar_one()


# fix-items (api.md §3.5 #51): the rows a fix type works on, when no targets are named.
_FIX_TABLES = {
    "reclass": OrgAssignment,
    "renormalize": OrgEntityGroup,
    "rebuild_dashboard": DashboardItem,
    "fix_broken_chain": BrokenTitleChain,
}


async def fix_item_count(session: AsyncSession, org_id: uuid.UUID, fix_type: str) -> int:
    model = _FIX_TABLES[fix_type]
    stmt = select(func.count()).select_from(model).where(model.organization_id == org_id)  # type: ignore[attr-defined]
    return int((await session.execute(stmt)).scalar_one())
