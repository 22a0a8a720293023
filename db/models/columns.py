"""Column groups shared by the per-org pipeline tables [T] (db/models/pipeline.py, derived.py).

Every tenant row starts with `id` and the cascading `organization_id`; every row a pipeline
step writes ends with its P7 provenance (`ruleset_version`, the writing `run_id`) and the
time it was written. The mixins below declare those groups once. Their `sort_order` keeps
each column where the tables (and migration 0004) list it — key first, provenance last —
so the mapped tables are column-for-column what they were before the mixins existed.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import created_at, updated_at, uuid_pk

RULESET = String(32)

# Positions relative to a table's own columns (which sort at 0, in declaration order).
_KEY = -1
_PROVENANCE = 1
_WRITTEN_AT = 2
_UPDATED_AT = 3


def org_fk(sort_order: int = 0) -> Mapped[uuid.UUID]:
    return mapped_column(
        UUID(as_uuid=True),
        ForeignKey("organizations.id", ondelete="CASCADE"),
        nullable=False,
        sort_order=sort_order,
    )


def run_id_col(sort_order: int = 0) -> Mapped[uuid.UUID]:
    """The processing job that wrote the row (P7 provenance next to ruleset_version)."""
    return mapped_column(UUID(as_uuid=True), nullable=False, sort_order=sort_order)


def written_at() -> Mapped[datetime]:
    """NOT NULL timestamptz default now(), placed after the provenance columns.

    For tables whose write time has its own name (detected_at, calculated_at, computed_at).
    """
    return created_at(sort_order=_WRITTEN_AT)


def updated_last() -> Mapped[datetime]:
    """`updated_at` (set on every update), after the provenance tail."""
    return updated_at(sort_order=_UPDATED_AT)


class TenantKey:
    """`id` primary key and the cascading `organization_id`, first in the table."""

    id: Mapped[uuid.UUID] = uuid_pk(sort_order=_KEY)
    organization_id: Mapped[uuid.UUID] = org_fk(sort_order=_KEY)


class RunProvenance:
    """P7: the ruleset and the processing job (run) that wrote the row, last in the table."""

    ruleset_version: Mapped[str] = mapped_column(RULESET, nullable=False, sort_order=_PROVENANCE)
    run_id: Mapped[uuid.UUID] = run_id_col(sort_order=_PROVENANCE)


class RunWritten(RunProvenance):
    """RunProvenance plus `created_at` after it (the usual tail of a pipeline output row)."""

    created_at: Mapped[datetime] = written_at()
