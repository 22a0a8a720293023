"""Pending scope of an org's next pipeline run [T] (issue 6: incremental runs, D15).

Written by every trigger in the trigger's transaction, next to the dirty flag
(`db/repos/pipeline_runs.mark_dirty`): an ingestion trigger adds the rf_ids it wrote,
any other trigger (admin rebuild, company change, override) sets `full`. The run that
clears the dirty flag takes (deletes) this row in the same locked transaction, so
coalesced triggers merge: their rf_ids unite, and one `full` makes the run full.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, Boolean, ForeignKey, String
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, updated_at


class OrgPipelineScope(Base):
    __tablename__ = "org_pipeline_scopes"

    organization_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True),
        ForeignKey("organizations.id", ondelete="CASCADE"),
        primary_key=True,
    )
    full_run: Mapped[bool] = mapped_column(
        Boolean, nullable=False, server_default=sql_text("false")
    )
    rf_ids: Mapped[list[str]] = mapped_column(
        ARRAY(String(50)), nullable=False, server_default=sql_text("'{}'::varchar[]")
    )
    updated_at: Mapped[datetime] = updated_at()
