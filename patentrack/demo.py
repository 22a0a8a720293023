"""Demo data for the one-command start: an organization with an admin and a member.

Idempotent: running it again on an existing database changes nothing, so a restart
keeps whatever the user did with the demo accounts.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from db.engine import make_engine, make_sessionmaker
from db.repos import tenancy
from db.session import tenant_session
from db.tenant import TenantContext
from domain.passwords import hash_password
from patentrack.settings import Settings

DEMO_ORG_NAME = "Acme Demo Corporation"
DEMO_ORG_SLUG = "acme-demo"
PLATFORM_ORG_NAME = "PatenTrack Platform"
PLATFORM_ORG_SLUG = "patentrack-platform"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    role: str


# Demo credentials are public by design: they exist only in development databases.
DEMO_LOGINS = (
    DemoLogin("admin@demo.patentrack.dev", "DemoAdmin2026", "org_admin"),
    DemoLogin("member@demo.patentrack.dev", "DemoMember2026", "org_member"),
)


async def _ensure_demo(session: AsyncSession) -> None:
    org = await tenancy.get_org_by_slug(session, DEMO_ORG_SLUG)
    if org is None:
        org = await tenancy.create_organization(session, name=DEMO_ORG_NAME, slug=DEMO_ORG_SLUG)
    for login in DEMO_LOGINS:
        if await tenancy.get_user_by_email(session, login.email) is None:
            await tenancy.create_user(
                session,
                organization_id=org.id,
                email=login.email,
                password_hash=hash_password(login.password),
                role=login.role,
                first_name="Demo",
                last_name=login.role.replace("org_", "").title(),
            )


async def seed_demo(settings: Settings) -> None:
    """Create the demo organization and its two users unless they exist."""
    engine = make_engine(settings.worker_db_url(), pool_size=1)
    try:
        # The seeding job acts as the platform would: the audited super-admin path.
        async with tenant_session(make_sessionmaker(engine), TenantContext.super_admin()) as s:
            await _ensure_demo(s)
    finally:
        await engine.dispose()


async def create_superuser(settings: Settings, *, email: str, password: str) -> bool:
    """Create a super admin in the platform organization (D6); False if the e-mail exists."""
    engine = make_engine(settings.worker_db_url(), pool_size=1)
    try:
        async with tenant_session(make_sessionmaker(engine), TenantContext.super_admin()) as s:
            if await tenancy.get_user_by_email(s, email) is not None:
                return False
            platform = await tenancy.get_org_by_slug(s, PLATFORM_ORG_SLUG)
            if platform is None:
                platform = await tenancy.create_organization(
                    s, name=PLATFORM_ORG_NAME, slug=PLATFORM_ORG_SLUG, is_platform=True
                )
            await tenancy.create_user(
                s,
                organization_id=platform.id,
                email=email,
                password_hash=hash_password(password),
                role="super_admin",
            )
            return True
    finally:
        await engine.dispose()
