"""BR-011 manual classification overrides (business-rules §1.2).

`org_classification_overrides` [T]: an org admin's override of one conveyance for that org
only, keyed `(organization_id, rf_id)`; `classification_overrides` [S]: the platform
admin's global override keyed `rf_id` (migrated legacy manual rows land here). Precedence
org > global > inventor match (BR-023) > keyword rules; both may use extended types and set
`employer_assign`, and no pipeline step ever rewrites them.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk

# business-rules §0: core + extended conveyance types (an override may use any of them).
OVERRIDE_TYPES = (
    "assignment",
    "employee",
    "govern",
    "merger",
    "namechg",
    "license",
    "release",
    "security",
    "correct",
    "missing",
    "other",
    "partialassignment",
    "partialrelease",
    "restatedsecurity",
    "licenseend",
    "option",
    "courtorder",
    "courtappointment",
    "addresschg",
)
_TYPE_CHECK = f"conveyance_type IN ({', '.join(repr(t) for t in OVERRIDE_TYPES)})"


class OrgClassificationOverride(Base):
    """BR-011 (1): org-level override, highest precedence, for this organization only."""

    __tablename__ = "org_classification_overrides"
    __table_args__ = (
        UniqueConstraint(
            "organization_id",
            "rf_id",
            name="uq_org_classification_overrides_organization_id_rf_id",
        ),
        CheckConstraint(_TYPE_CHECK, name="conveyance_type"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False
    )
    rf_id: Mapped[str] = mapped_column(String(50), nullable=False)
    conveyance_type: Mapped[str] = mapped_column(String(30), nullable=False)
    employer_assign: Mapped[bool] = mapped_column(Boolean, nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()


class ClassificationOverride(Base):
    """BR-011 (2): global override keyed by rf_id (shared; written by platform admins)."""

    __tablename__ = "classification_overrides"
    __table_args__ = (
        UniqueConstraint("rf_id", name="uq_classification_overrides_rf_id"),
        CheckConstraint(_TYPE_CHECK, name="conveyance_type"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    rf_id: Mapped[str] = mapped_column(String(50), nullable=False)
    conveyance_type: Mapped[str] = mapped_column(String(30), nullable=False)
    employer_assign: Mapped[bool] = mapped_column(Boolean, nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()
