"""Platform job bookkeeping that is not tenant data."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, uuid_pk


class WorkerProbe(Base):
    """One row per diagnostic probe job: proves the API → Redis → worker → PostgreSQL loop."""

    __tablename__ = "worker_probes"

    id: Mapped[uuid.UUID] = uuid_pk()
    job_id: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    note: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(128))
    worker_role: Mapped[str] = mapped_column(String(64), nullable=False)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at()
