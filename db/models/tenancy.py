"""Tenancy core: organizations (tenant root), users and the audit log (domain-model §6, §10)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import INET, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, updated_at, uuid_pk

ORG_STATUSES = ("active", "trial", "suspended", "cancelled")
USER_ROLES = ("super_admin", "org_admin", "org_member")  # D4
USER_STATUSES = ("active", "inactive", "pending")
ACTOR_TYPES = ("user", "super_admin", "share", "worker", "system")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Organization(Base):
    __tablename__ = "organizations"
    __table_args__ = (
        CheckConstraint(_in("status", ORG_STATUSES), name="status"),
        Index(
            "uq_organizations_lower_name",
            func.lower(text("name")),
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index(
            "uq_organizations_slug",
            "slug",
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    name: Mapped[str] = mapped_column(String(500), nullable=False)
    slug: Mapped[str] = mapped_column(String(100), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="active")
    # The platform organization holds the super admins (D6); it is never a customer.
    is_platform: Mapped[bool] = mapped_column(nullable=False, server_default=text("false"))
    mfa_required: Mapped[bool] = mapped_column(nullable=False, server_default=text("false"))
    trial_ends_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    legacy_org_id: Mapped[int | None] = mapped_column()
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(_in("role", USER_ROLES), name="role"),
        CheckConstraint(_in("status", USER_STATUSES), name="status"),
        CheckConstraint("hash_algorithm IN ('argon2id', 'bcrypt')", name="hash_algorithm"),
        # E-mail is unique across the whole system (D6), not per tenant.
        Index(
            "uq_users_lower_email",
            func.lower(text("email")),
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index("ix_users_organization_id", "organization_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False
    )
    email: Mapped[str] = mapped_column(String(500), nullable=False)
    password_hash: Mapped[str] = mapped_column(Text, nullable=False)
    hash_algorithm: Mapped[str] = mapped_column(
        String(20), nullable=False, server_default="argon2id"
    )
    first_name: Mapped[str | None] = mapped_column(String(255))
    last_name: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), nullable=False, server_default="org_member")
    legacy_role_code: Mapped[int | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="pending")
    email_verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    mfa_enabled: Mapped[bool] = mapped_column(nullable=False, server_default=text("false"))
    mfa_secret: Mapped[str | None] = mapped_column(Text)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # D12 / api.md §2.6: the 20-failure lock that only an admin lifts (kept in Postgres,
    # so a Redis flush cannot unlock an account under attack).
    locked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # api.md §2.4 login step 4: the password verified at sign-in is below today's policy
    # (D12); until it is changed the sessions reach only /me and change-password.
    password_change_required: Mapped[bool] = mapped_column(
        nullable=False, server_default=text("false")
    )
    # api.md §3.1 PATCH /me: {darkMode, savedSelections}, bounded by the request schema.
    preferences: Mapped[dict[str, Any]] = mapped_column(
        JSONB, nullable=False, server_default=text("'{}'::jsonb")
    )
    created_at: Mapped[datetime] = created_at()
    updated_at: Mapped[datetime] = updated_at()
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


class AuditLog(Base):
    """Insert-only record of security-relevant events; organization_id NULL = platform event."""

    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint(_in("actor_type", ACTOR_TYPES), name="actor_type"),
        Index("ix_audit_log_organization_id_created_at", "organization_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    organization_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("organizations.id", ondelete="CASCADE")
    )
    actor_type: Mapped[str] = mapped_column(String(20), nullable=False)
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    share_link_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    action: Mapped[str] = mapped_column(String(100), nullable=False)
    resource_type: Mapped[str | None] = mapped_column(String(100))
    resource_id: Mapped[str | None] = mapped_column(String(255))
    request_id: Mapped[str | None] = mapped_column(String(128))
    ip_address: Mapped[str | None] = mapped_column(INET)
    user_agent: Mapped[str | None] = mapped_column(Text)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = created_at()
