"""Worker probes: enqueue a job and watch a worker complete it against PostgreSQL.

Operators use it to prove the API → Redis → worker → PostgreSQL loop end to end. It is
platform operations, so super admins only (D5), and mounted outside production only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from api.deps import DbSession, Queue, SuperAdmin
from api.errors import NotFound
from api.request_context import current_request_id
from api.schemas.common import CamelModel
from db.models.jobs import WorkerProbe
from worker.task_names import SYSTEM_PROBE

router = APIRouter(prefix="/system", tags=["system"])


class ProbeRequest(CamelModel):
    note: str | None = Field(default=None, max_length=200)


class ProbeJob(CamelModel):
    job_id: str
    status: Literal["queued", "complete"]
    worker_role: str | None = None
    completed_at: datetime | None = None


class ProbeEnvelope(BaseModel):
    data: ProbeJob


@router.post(
    "/probes",
    operation_id="system_create_probe",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ProbeEnvelope,
)
async def create_probe(
    body: ProbeRequest, _: SuperAdmin, db: DbSession, queue: Queue
) -> ProbeEnvelope:
    """Queue a probe job; it is enqueued only after this request's transaction commits."""
    job_id = queue.enqueue_after_commit(
        db, SYSTEM_PROBE, note=body.note, request_id=current_request_id()
    )
    return ProbeEnvelope(data=ProbeJob(job_id=job_id, status="queued"))


@router.get("/probes/{job_id}", operation_id="system_get_probe", response_model=ProbeEnvelope)
async def get_probe(job_id: str, _: SuperAdmin, db: DbSession, queue: Queue) -> ProbeEnvelope:
    """The probe's state: complete once a worker has written its row."""
    row = (
        await db.execute(select(WorkerProbe).where(WorkerProbe.job_id == job_id))
    ).scalar_one_or_none()
    if row is not None:
        return ProbeEnvelope(
            data=ProbeJob(
                job_id=job_id,
                status="complete",
                worker_role=row.worker_role,
                completed_at=row.completed_at,
            )
        )
    if await queue.status(job_id) == "not_found":
        raise NotFound("No probe job with this id.")
    return ProbeEnvelope(data=ProbeJob(job_id=job_id, status="queued"))
