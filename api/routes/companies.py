"""Companies of the caller's organization: list, create, delete (D8); every change
re-runs the org's pipeline, since company names decide the tree, timeline and summary."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from api import caching
from api.deps import DbSession, OrgAdmin, OrgMember, Queue
from api.errors import NotFound
from api.idempotency import IDEMPOTENT
from api.routes.pipeline import request_rebuild
from api.schemas.common import Envelope
from api.schemas.companies import CompanyCreate, CompanyOut
from db.models.portfolio import Company
from db.repos import companies as companies_repo

router = APIRouter(prefix="/companies", tags=["companies"])


def _out(c: Company) -> CompanyOut:
    return CompanyOut(id=c.id, name=c.name, aliases=list(c.aliases), created_at=c.created_at)


@router.get(
    "",
    operation_id="companies_list",
    response_model=Envelope[list[CompanyOut]],
    dependencies=[caching.PE],
)
async def list_companies(who: OrgMember, db: DbSession) -> Envelope[list[CompanyOut]]:
    """The organization's companies, by name."""
    rows = await companies_repo.list_companies(db, who.tenant_org_id)
    return Envelope(data=[_out(c) for c in rows])


@router.post(
    "",
    operation_id="companies_create",
    status_code=status.HTTP_201_CREATED,
    response_model=Envelope[CompanyOut],
    dependencies=[IDEMPOTENT],
)
async def create_company(
    body: CompanyCreate, who: OrgAdmin, db: DbSession, queue: Queue
) -> Envelope[CompanyOut]:
    """Add a company (its name and aliases); the pipeline recomputes the org (D15)."""
    company = await companies_repo.create_company(
        db, who.tenant_org_id, body.name, list(dict.fromkeys(body.aliases))
    )
    await request_rebuild(db, queue, who.tenant_org_id, "company added", who.user_id)
    return Envelope(data=_out(company))


@router.delete(
    "/{company_id}",
    operation_id="companies_delete",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
async def delete_company(
    company_id: uuid.UUID, who: OrgAdmin, db: DbSession, queue: Queue
) -> Response:
    """Remove a company (soft delete); the pipeline recomputes the org (D15)."""
    if not await companies_repo.soft_delete_company(db, who.tenant_org_id, company_id):
        raise NotFound("No such company.")
    await request_rebuild(db, queue, who.tenant_org_id, "company removed", who.user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
