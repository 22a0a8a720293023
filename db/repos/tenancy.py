"""Organizations and users."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.tenancy import Organization, User


async def get_org_by_slug(session: AsyncSession, slug: str) -> Organization | None:
    stmt = select(Organization).where(Organization.slug == slug, Organization.deleted_at.is_(None))
    return (await session.execute(stmt)).scalar_one_or_none()


async def create_organization(
    session: AsyncSession,
    *,
    name: str,
    slug: str,
    status: str = "active",
    is_platform: bool = False,
    org_id: uuid.UUID | None = None,
) -> Organization:
    org = Organization(
        id=org_id or uuid.uuid4(), name=name, slug=slug, status=status, is_platform=is_platform
    )
    session.add(org)
    await session.flush()
    return org


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    stmt = select(User).where(
        func.lower(User.email) == email.strip().lower(), User.deleted_at.is_(None)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def create_user(
    session: AsyncSession,
    *,
    organization_id: uuid.UUID,
    email: str,
    password_hash: str,
    role: str = "org_member",
    status: str = "active",
    first_name: str | None = None,
    last_name: str | None = None,
    email_verified: bool = True,
) -> User:
    user = User(
        id=uuid.uuid4(),
        organization_id=organization_id,
        email=email.strip().lower(),
        password_hash=password_hash,
        role=role,
        status=status,
        first_name=first_name,
        last_name=last_name,
        email_verified_at=func.now() if email_verified else None,
    )
    session.add(user)
    await session.flush()
    return user
