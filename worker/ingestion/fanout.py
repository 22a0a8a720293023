"""After a load: which organizations track the changed assets, and queue their pipelines."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.repos.assets import organizations_affected_by_jobs
from db.repos.pipeline_scope import changed_rf_ids_by_org
from db.session import tenant_session
from db.tenant import TenantContext
from worker.jobs import JobQueue
from worker.pipeline import data_events
from worker.pipeline.triggers import request_pipeline
from worker.task_names import INGEST_EPO_FAMILIES, epo_families_job_id


async def fan_out(
    sessionmaker: async_sessionmaker[AsyncSession],
    queue: JobQueue | None,
    job_ids: Sequence[uuid.UUID],
) -> list[uuid.UUID]:
    """Orgs whose assets appear in rows written by `job_ids`; each is marked dirty and its
    pipeline queued after this transaction commits (D15, D17), so a load that lands
    during a running pipeline still gets exactly one follow-up run, and the EPO families
    of its not-yet-looked-up assets are fetched in one batch. Reading every org's
    assets is the audited super-admin path (domain-model §11.3 (4))."""
    counts: dict[uuid.UUID, int] = {}  # api.md §4 new-assignments: conveyances per org
    async with tenant_session(sessionmaker, TenantContext.super_admin()) as session:
        orgs = await organizations_affected_by_jobs(session, job_ids)
        if queue is not None:
            # Issue 6: the rf_ids each org's run is scoped to (incremental run).
            changed = await changed_rf_ids_by_org(session, job_ids)
            counts = {org: len(changed.get(org) or ()) for org in orgs}
            for org in orgs:
                await request_pipeline(
                    queue, session, org, "ingestion", rf_ids=changed.get(org) or None
                )
                # ingestion.md §2.7: families of the org's new assets, in one batch per org.
                queue.enqueue_after_commit(
                    session,
                    INGEST_EPO_FAMILIES,
                    job_id=epo_families_job_id(org),
                    organization_id=str(org),
                    only_new=True,
                )
    if queue is not None and counts:  # committed: the SPA may refetch at once (§4)
        await data_events.new_assignments(queue.redis, counts)
    return orgs
