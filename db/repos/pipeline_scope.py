"""Issue 6: which conveyances an ingestion load wrote, per organization tracking them.

The caller's session must be super-admin (cross-org read, domain-model §11.3 (4)), as in
`db/repos/assets.organizations_affected_by_jobs`; the result feeds the per-org pending
scope (`pipeline_runs.mark_dirty(rf_ids=...)`) so the org's next run can be incremental.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_CHANGED = text(
    """
    SELECT s.organization_id, a.rf_id
    FROM assignments a
    JOIN document_ids d ON d.assignment_id = a.id
    JOIN assets s ON s.appno_doc_num = d.appno_doc_num AND s.deleted_at IS NULL
    WHERE a.ingestion_job_id = ANY(:jobs)
    UNION
    SELECT s.organization_id, a.rf_id
    FROM assignments a
    JOIN document_ids d ON d.assignment_id = a.id
    JOIN assets s ON s.grant_doc_num = d.grant_doc_num AND s.deleted_at IS NULL
    WHERE a.ingestion_job_id = ANY(:jobs)
    """
)


async def changed_rf_ids_by_org(
    session: AsyncSession, job_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, set[str]]:
    """org -> rf_ids last written by `job_ids` that touch one of the org's live assets."""
    found: dict[uuid.UUID, set[str]] = defaultdict(set)
    if job_ids:
        for org, rf in (await session.execute(_CHANGED, {"jobs": list(job_ids)})).all():
            found[org].add(rf)
    return dict(found)
