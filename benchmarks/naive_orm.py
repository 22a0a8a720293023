"""The baseline the set-based loader is measured against: row-by-row ORM upserts.

What a straightforward implementation does per assignment: look the parent up by rf_id,
insert or update it, get-or-create every party name, replace the children, flush. It is
correct (same end state) and one round trip per row; only its speed is of interest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from db.loaders.assignment_rows import content_hash
from db.models.assignments import Assignee, Assignment, Assignor, DocumentId, Entity
from db.session import tenant_session
from db.tenant import TenantContext
from domain.ingestion.assignments_xml import iter_assignments
from domain.ingestion.records import AssignmentRecord


async def _entity(session: Any, name: str) -> Any:
    found = (
        await session.execute(select(Entity).where(func.lower(Entity.name) == name.lower()))
    ).scalar_one_or_none()
    if found is None:
        found = Entity(name=name)
        session.add(found)
        await session.flush()
    return found.id


async def _upsert(session: Any, rec: AssignmentRecord) -> None:
    row = (
        await session.execute(select(Assignment).where(Assignment.rf_id == rec.rf_id))
    ).scalar_one_or_none()
    if row is None:
        row = Assignment(rf_id=rec.rf_id)
        session.add(row)
    for column in ("reel_no", "frame_no", "convey_text", "record_dt", "exec_dt", "cname"):
        setattr(row, column, getattr(rec, column))
    row.page_count, row.status = rec.page_count, rec.status
    row.purge_indicator, row.last_update_dt = rec.purge_indicator, rec.last_update_dt
    row.correspondent, row.content_hash = rec.correspondent, content_hash(rec)
    await session.flush()
    for model in (DocumentId, Assignor, Assignee):
        await session.execute(delete(model).where(model.assignment_id == row.id))
    for p in rec.properties:
        session.add(
            DocumentId(
                assignment_id=row.id,
                seq=p.seq,
                appno_doc_num=p.appno_doc_num,
                appno_date=p.appno_date,
                pgpub_doc_num=p.pgpub_doc_num,
                grant_doc_num=p.grant_doc_num,
                grant_date=p.grant_date,
                title=p.title,
            )
        )
    for a in rec.assignors:
        entity = await _entity(session, a.or_name)
        session.add(
            Assignor(
                assignment_id=row.id,
                entity_id=entity,
                seq=a.seq,
                or_name=a.or_name,
                exec_dt=a.exec_dt,
            )
        )
    for e in rec.assignees:
        entity = await _entity(session, e.ee_name)
        session.add(
            Assignee(
                assignment_id=row.id,
                entity_id=entity,
                seq=e.seq,
                ee_name=e.ee_name,
                ee_city=e.ee_city,
                ee_country=e.ee_country,
            )
        )
    await session.flush()


async def naive_load(sessions: Any, path: Path, limit: int) -> int:
    """Upsert the first `limit` records one by one through the ORM (one transaction)."""
    count = 0
    async with tenant_session(sessions, TenantContext.anonymous()) as session:
        for item in iter_assignments(path):
            if not isinstance(item, AssignmentRecord):
                continue
            await _upsert(session, item)
            count += 1
            if count >= limit:
                break
    return count
