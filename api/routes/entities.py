"""The org's entities (api.md §3.4 #35-37): its party names as the pipeline's step 2a
grouped them (BR-018..020), and an admin request to re-run that normalization."""

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
from api.schemas.assets import SortOrder
from api.schemas.common import CursorInfo, CursorPage, Envelope
from api.schemas.entities import (
    EntityAlias,
    EntityAsset,
    EntityDetailOut,
    EntityItem,
    NormalizeQueued,
    NormalizeRequest,
)
from db.repos import entity_reads, pipeline_runs
from worker.pipeline.triggers import request_pipeline
from worker.task_names import pipeline_job_id

router = APIRouter(
    prefix="/organizations",
    tags=["entities"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
        404: {"model": ErrorEnvelope, "description": "No such organization or entity."},
    },
)
DETAIL_ASSETS = 500  # the detail lists this many assets; totalAssets counts them all


@router.get(
    "/{org_id}/entities",
    operation_id="entities_list",
    response_model=CursorPage[EntityItem],
    dependencies=[caching.PV],
)
async def list_entities(
    org_id: uuid.UUID,
    _: OrgMemberOf,
    db: DbSession,
    settings: AppSettings,
    search: Annotated[str | None, Query(max_length=255)] = None,
    order: SortOrder = SortOrder.asc,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=4096)] = None,
) -> CursorPage[EntityItem]:
    """Entity groups by canonical name; `search` matches the canonical name or any alias."""
    page, total = await name_sorted_page(
        settings, partial(entity_reads.list_entities, db, org_id), org_id=org_id,
        view="entities", search=search, order=order, limit=limit, cursor=cursor,
    )  # fmt: skip
    return CursorPage[EntityItem](
        data=[
            EntityItem(
                id=r.id,
                canonical_name=r.canonical_name,
                representative_id=r.representative_id,
                alias_count=r.alias_count,
                asset_count=r.asset_count,
                last_activity_date=r.last_activity_date,
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )


@router.get(
    "/{org_id}/entities/{entity_id}",
    operation_id="entities_get",
    response_model=Envelope[EntityDetailOut],
    dependencies=[caching.PV],
)
async def get_entity(
    org_id: uuid.UUID, entity_id: uuid.UUID, _: OrgMemberOf, db: DbSession
) -> Envelope[EntityDetailOut]:
    """One entity: its spellings with occurrence counts and edit distance, and the org's
    assets it appears on (as assignee, assignor or both)."""
    found = await entity_reads.get_entity(db, org_id, entity_id, max_assets=DETAIL_ASSETS)
    if found is None:
        raise NotFound("No such entity.")
    detail, total = found
    return Envelope(
        data=EntityDetailOut(
            id=detail.id,
            canonical_name=detail.canonical_name,
            aliases=[
                EntityAlias(
                    name=a.name, occurrence_count=a.occurrences, levenshtein_distance=a.distance
                )
                for a in detail.aliases
            ],
            assets=[
                EntityAsset(
                    id=a.id,
                    grant_number=a.grant_number,
                    application_number=a.application_number,
                    title=a.title,
                    relationship=a.relationship,  # type: ignore[arg-type]
                )
                for a in detail.assets
            ],
            total_assets=total,
        )
    )


@router.post(
    "/{org_id}/entities/normalize",
    operation_id="entities_normalize",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Envelope[NormalizeQueued],
    responses={409: {"model": ErrorEnvelope, "description": "A run is already pending."}},
    dependencies=[IDEMPOTENT],  # api.md §1.10
)
async def normalize(
    org_id: uuid.UUID,
    actor: OrgAdminOf,
    db: DbSession,
    queue: Queue,
    body: NormalizeRequest | None = None,
) -> Envelope[NormalizeQueued]:
    """Re-run name normalization (api.md #37, D5: admins): the org's pipeline is queued
    through worker.pipeline.triggers; its flag step regroups every name (BR-018..020)
    and the steps after it rebuild on the new groups. One pending run per org (§1.6:
    409 `job_running`, not 429). `dryRun` queues nothing and reports the current grouping.

    `threshold` is recorded in the run's reason; the grouping itself applies the
    BR-019 length-based edit-distance bound (domain.titles.blocking.threshold)."""
    req = body or NormalizeRequest()
    names, groups = await entity_reads.name_counts(db, org_id)
    estimate = await entity_reads.last_run_seconds(db, org_id)
    if req.dry_run:
        return Envelope(
            data=NormalizeQueued(
                job_id=None,
                status="dry_run",
                estimated_duration=estimate,
                name_count=names,
                group_count=groups,
            )
        )
    state = await pipeline_runs.get_state(db, org_id)
    if state is not None and (state.running_job_id is not None or state.dirty):
        raise Conflict(
            "A pipeline run for this organization is already pending.",
            details={"reason": "job_running", "jobId": pipeline_job_id(org_id)},
        )
    job_id = await request_pipeline(
        queue,
        db,
        org_id,
        f"normalize entities (threshold={req.threshold})",
        user_id=actor.user_id,
        manual=True,
    )
    return Envelope(
        data=NormalizeQueued(
            job_id=job_id,
            status="queued",
            estimated_duration=estimate,
            name_count=names,
            group_count=groups,
        )
    )
