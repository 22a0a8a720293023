"""Account secrets that must survive a Redis flush (api.md §2.3): one-time tokens, backup codes.

Both are tenant children with a denormalised organization_id (domain-model §11.3 (7)),
so their RLS policy is the same indexable equality as every other tenant table.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, uuid_pk

TOKEN_PURPOSES = ("email_verify", "password_reset", "invite")


def _org_fk() -> Mapped[uuid.UUID]:
    return mapped_column(
        UUID(as_uuid=True), ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False
    )


def _user_fk() -> Mapped[uuid.UUID]:
    return mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


class UserToken(Base):
    """domain-model §6 Δ user_tokens: e-mail verification, password reset and invite tokens."""

    __tablename__ = "user_tokens"
    __table_args__ = (
        CheckConstraint("purpose IN ('email_verify', 'password_reset', 'invite')", name="purpose"),
        Index("uq_user_tokens_token_hash", "token_hash", unique=True),
        Index("ix_user_tokens_user_id_purpose", "user_id", "purpose"),
        Index("ix_user_tokens_organization_id", "organization_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = _org_fk()
    user_id: Mapped[uuid.UUID] = _user_fk()
    purpose: Mapped[str] = mapped_column(String(20), nullable=False)
    # SHA-256 of the token; the token itself exists only in the e-mail (api.md §2.4).
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at()


class MfaBackupCode(Base):
    """api.md §2.4: ten single-use backup codes per enrolment, stored hashed."""

    __tablename__ = "mfa_backup_codes"
    __table_args__ = (
        Index("ix_mfa_backup_codes_user_id", "user_id"),
        Index("ix_mfa_backup_codes_organization_id", "organization_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = _org_fk()
    user_id: Mapped[uuid.UUID] = _user_fk()
    code_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at()
