"""Cross-organization asset lookups (the caller's session must be super-admin)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

# ingestion.md §1.1 step 8 / domain-model §7: doc numbers touched by a load → the orgs
# tracking them. Two index-backed joins instead of one OR join.
_AFFECTED = text(
    """
    SELECT DISTINCT organization_id FROM (
        SELECT s.organization_id
        FROM assignments a
        JOIN document_ids d ON d.assignment_id = a.id
        JOIN assets s ON s.appno_doc_num = d.appno_doc_num AND s.deleted_at IS NULL
        WHERE a.ingestion_job_id = ANY(:jobs)
        UNION ALL
        SELECT s.organization_id
        FROM assignments a
        JOIN document_ids d ON d.assignment_id = a.id
        JOIN assets s ON s.grant_doc_num = d.grant_doc_num AND s.deleted_at IS NULL
        WHERE a.ingestion_job_id = ANY(:jobs)
    ) hits
    ORDER BY organization_id
    """
)


async def organizations_affected_by_jobs(
    session: AsyncSession, job_ids: Sequence[uuid.UUID]
) -> list[uuid.UUID]:
    """Organizations whose live assets appear in assignments last written by `job_ids`."""
    if not job_ids:
        return []
    rows = await session.execute(_AFFECTED, {"jobs": list(job_ids)})
    return list(rows.scalars())
