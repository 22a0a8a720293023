"""Ingestion bookkeeping [P] (domain-model §9): sources, one row per file run, bad records."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk

JOB_STATUSES = ("pending", "running", "success", "failed", "partial")
ERROR_TYPES = ("validation", "parse", "duplicate", "constraint", "foreign_key", "other")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class DataSource(Base):
    __tablename__ = "data_sources"
    __table_args__ = (
        UniqueConstraint("name", name="uq_data_sources_name"),
        CheckConstraint(
            _in("source_type", ("bulk_download", "rest_api", "file_system", "sparql")),
            name="source_type",
        ),
        CheckConstraint(
            _in("schedule_type", ("daily", "weekly", "monthly", "on_demand")),
            name="schedule_type",
        ),
        CheckConstraint(
            _in("format", ("xml", "json", "pdf", "tab_delimited", "csv", "tar", "zip")),
            name="format",
        ),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    source_type: Mapped[str] = mapped_column(String(20), nullable=False)
    schedule_type: Mapped[str] = mapped_column(String(20), nullable=False)
    schedule_cron: Mapped[str | None] = mapped_column(String(100))
    endpoint_url: Mapped[str | None] = mapped_column(Text)
    auth_config: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    file_pattern: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str | None] = mapped_column(String(20))
    # A source paused after 401/403 (BR-054) stays paused until an operator resumes it.
    is_active: Mapped[bool] = mapped_column(nullable=False, server_default=text("true"))
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    next_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_failure_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_status: Mapped[str | None] = mapped_column(String(20))
    last_error: Mapped[str | None] = mapped_column(Text)
    last_record_count: Mapped[int | None] = mapped_column(Integer)
    # ingestion.md §2.1 schedule: catch-up starts at the last loaded transaction-date + 1.
    last_business_date: Mapped[date | None] = mapped_column(Date)
    expected_interval_hours: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class IngestionJob(Base):
    """One file (or one on-demand fetch) loaded from a source; never deleted (§9)."""

    __tablename__ = "ingestion_jobs"
    __table_args__ = (
        CheckConstraint(_in("status", JOB_STATUSES), name="status"),
        Index("ix_ingestion_jobs_data_source_id_created_at", "data_source_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    data_source_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("data_sources.id"), nullable=False
    )
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="pending")
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    records_processed: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    records_inserted: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    records_updated: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    records_failed: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    file_name: Mapped[str | None] = mapped_column(Text)
    file_size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)
    error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at()


class IngestionError(Base):
    """A record that could not be loaded; the rest of its file still loads (§1.2)."""

    __tablename__ = "ingestion_errors"
    __table_args__ = (
        CheckConstraint(_in("error_type", ERROR_TYPES), name="error_type"),
        Index("ix_ingestion_errors_ingestion_job_id", "ingestion_job_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    ingestion_job_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("ingestion_jobs.id", ondelete="CASCADE"), nullable=False
    )
    file_name: Mapped[str | None] = mapped_column(Text)
    record_position: Mapped[int | None] = mapped_column(Integer)
    record_identifier: Mapped[str | None] = mapped_column(String(100))
    error_type: Mapped[str] = mapped_column(String(20), nullable=False)
    error_message: Mapped[str] = mapped_column(Text, nullable=False)
    raw_data: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = created_at()
