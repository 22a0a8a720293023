"""Monitored companies under `/organizations/{o}/companies` (api.md §3.4 #38-40; D8, R26).

The same operations as the older `/companies` routes (kept unchanged: the SPA uses them),
with the api.md paths, paging and fields. Every change queues the org's pipeline (R26,
D15) through api.routes.pipeline.request_rebuild, as `/companies` does; a new company
also queues its enrichment (domain, logo; ingestion.md §2.11) after the commit."""

from __future__ import annotations

import uuid
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query, status

from api import caching
from api.deps import AppSettings, DbSession, OrgAdminOf, OrgMemberOf, Queue
from api.errors import Conflict, ErrorEnvelope, NotFound
from api.idempotency import IDEMPOTENT
from api.name_pages import name_sorted_page
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from api.request_context import current_request_id
from api.routes.pipeline import request_rebuild
from api.schemas.assets import SortOrder
from api.schemas.common import CursorInfo, CursorPage, Envelope, Success
from api.schemas.org_companies import OrgCompanyCreate, OrgCompanyCreated, OrgCompanyItem
from db.repos import companies as companies_repo
from db.repos import org_company_reads
from domain.titles.names import name_key
from worker.task_names import ENRICH_COMPANY

router = APIRouter(
    prefix="/organizations",
    tags=["companies"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
        404: {"model": ErrorEnvelope, "description": "No such organization or company."},
    },
)


def _logo_url(row: org_company_reads.CompanyRow) -> str | None:
    data = row.enrichment_data or {}
    url = data.get("logoUrl") or data.get("logo_url")
    return url if isinstance(url, str) else None


@router.get(
    "/{org_id}/companies",
    operation_id="org_companies_list",
    response_model=CursorPage[OrgCompanyItem],
    dependencies=[caching.PE],
)
async def list_companies(
    org_id: uuid.UUID,
    _: OrgMemberOf,
    db: DbSession,
    settings: AppSettings,
    search: Annotated[str | None, Query(max_length=255)] = None,
    order: SortOrder = SortOrder.asc,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=4096)] = None,
) -> CursorPage[OrgCompanyItem]:
    """The org's live companies by name, with asset counts and their entity."""
    page, total = await name_sorted_page(
        settings, partial(org_company_reads.list_companies, db, org_id), org_id=org_id,
        view="companies", search=search, order=order, limit=limit, cursor=cursor,
    )  # fmt: skip
    keys = {r.id: name_key(r.name) for r in page.rows}
    entities = await org_company_reads.entity_ids_by_name_key(
        db, org_id, sorted(set(keys.values()))
    )
    return CursorPage[OrgCompanyItem](
        data=[
            OrgCompanyItem(
                id=r.id,
                name=r.name,
                domain=r.domain,
                logo_url=_logo_url(r),
                asset_count=r.asset_count,
                entity_id=entities.get(keys[r.id]),
                aliases=list(r.aliases),
                created_at=r.created_at,
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )


@router.post(
    "/{org_id}/companies",
    operation_id="org_companies_create",
    status_code=status.HTTP_201_CREATED,
    response_model=Envelope[OrgCompanyCreated],
    responses={409: {"model": ErrorEnvelope, "description": "A company has this name."}},
    dependencies=[IDEMPOTENT],  # api.md §1.10
)
async def create_company(
    org_id: uuid.UUID, body: OrgCompanyCreate, actor: OrgAdminOf, db: DbSession, queue: Queue
) -> Envelope[OrgCompanyCreated]:
    """Add a monitored company; queues its enrichment and a pipeline run (R26)."""
    if await org_company_reads.name_taken(db, org_id, body.name):
        raise Conflict(
            "The organization already monitors a company with this name.",
            details={"reason": "duplicate", "field": "name"},
        )
    company = await companies_repo.create_company(
        db, org_id, body.name, list(dict.fromkeys(body.aliases))
    )
    if body.domain:
        company.domain = body.domain.strip().lower()
        await db.flush()
    enrichment = queue.enqueue_after_commit(
        db,
        ENRICH_COMPANY,
        job_id=f"enrich:company:{company.id}",
        request_id=current_request_id(),
        organization_id=str(org_id),
        company_id=str(company.id),
    )
    pipeline = await request_rebuild(db, queue, org_id, "company added", actor.user_id)
    return Envelope(
        data=OrgCompanyCreated(
            id=company.id,
            name=company.name,
            domain=company.domain,
            aliases=list(company.aliases),
            enrichment_job_id=enrichment,
            pipeline_job_id=pipeline,
        )
    )


@router.delete(
    "/{org_id}/companies/{company_id}",
    operation_id="org_companies_delete",
    response_model=Success,
)
async def delete_company(
    org_id: uuid.UUID, company_id: uuid.UUID, actor: OrgAdminOf, db: DbSession, queue: Queue
) -> Success:
    """Soft delete (as `/companies` does), then a pipeline re-run (R26); a deleted or
    unknown company, or another org's, is 404 (api.md §1.10)."""
    if not await companies_repo.soft_delete_company(db, org_id, company_id):
        raise NotFound("No such company.")
    await request_rebuild(db, queue, org_id, "company removed", actor.user_id)
    return Success()
