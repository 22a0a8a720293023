"""Triggers (D15): ingestion's affected orgs, an admin's rebuild, company changes.

A trigger marks the org dirty in the caller's transaction and, after that commits,
queues `pipeline.run` under the unique id `pipeline:org:{orgId}` (kwargs
organization_id=...). If a run is already going, the dirty flag makes that run execute
exactly one more time; the coalesced enqueue covers the instant in which the run has
checked the flag but its job id is not yet free.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from db.repos.pipeline_runs import mark_dirty
from worker.jobs import JobQueue
from worker.task_names import PIPELINE_RUN, pipeline_job_id


async def request_pipeline(
    queue: JobQueue,
    session: AsyncSession,
    org_id: uuid.UUID,
    reason: str,
    *,
    user_id: uuid.UUID | None = None,
    manual: bool = False,
    rf_ids: Collection[str] | None = None,
) -> str:
    """Mark `org_id` dirty in `session`'s transaction; enqueue its run after the commit.

    `rf_ids`: the conveyances this trigger wrote (ingestion), so the run can be scoped to
    them (issue 6); None means "unknown", and the next run is full."""
    await mark_dirty(session, org_id, reason, user_id, rf_ids=rf_ids)
    job_id = pipeline_job_id(org_id)
    queue.enqueue_coalesced_after_commit(
        session,
        PIPELINE_RUN,
        job_id=job_id,
        follow_up={"only_if_dirty": True},
        organization_id=str(org_id),
        reason=reason,
        manual=manual,
    )
    return job_id
