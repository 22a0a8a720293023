"""Demo data for the one-command start: an organization with an admin and a member.

Idempotent: running it again on an existing database changes nothing, so a restart
keeps whatever the user did with the demo accounts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from db.engine import make_engine, make_sessionmaker
from db.models.portfolio import Asset
from db.repos import companies as companies_repo
from db.repos import tenancy
from db.session import tenant_session
from db.tenant import TenantContext
from domain.passwords import hash_password
from patentrack.settings import Settings

DEMO_ORG_NAME = "Acme Demo Corporation"
DEMO_ORG_SLUG = "acme-demo"
PLATFORM_ORG_NAME = "PatenTrack Platform"
PLATFORM_ORG_SLUG = "patentrack-platform"
# The real USPTO daily file of 2016-01-01 (199 assignments), so a new user sees real data.
DEMO_ASSIGNMENTS = Path(__file__).resolve().parent / "demo_data" / "ad20160101.zip"


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
# Development only (seeded when ENVIRONMENT=development): the platform's super admin, for
# tenant administration and worker probes; D13 makes MFA mandatory for it elsewhere.
DEMO_SUPERADMIN = DemoLogin("superadmin@demo.patentrack.dev", "DemoSuper2026", "super_admin")


# Issue 6: companies named in the sample file (assignees as recorded) and applications of
# the same file, so the demo's trees, broken titles and diagrams come from real data.
DEMO_COMPANIES: dict[str, tuple[str, ...]] = {
    "SURVIVALINK CORPORATION": ("SURVIVA LINK CORPORATION",),
    "INCYTE CORPORATION": (),
    "HENKEL AG & CO. KGAA": ("HENKEL IP & HOLDING GMBH",),
    "LOGICNOW LIMITED": (),
    "BROADCOM CORPORATION": (),
    "COEN COMPANY, LLC": (),
    "DANA-FARBER CANCER INSTITUTE, INC.": (),
}
DEMO_ASSETS: dict[str, str] = {  # application number -> company
    "10760040": "SURVIVALINK CORPORATION",
    "10255988": "SURVIVALINK CORPORATION",
    "14799777": "INCYTE CORPORATION",
    "14811038": "INCYTE CORPORATION",
    "14729229": "HENKEL AG & CO. KGAA",
    "13890380": "LOGICNOW LIMITED",
    "13923786": "LOGICNOW LIMITED",
    "13955484": "LOGICNOW LIMITED",
    "14029180": "BROADCOM CORPORATION",
    "11067312": "COEN COMPANY, LLC",
    "12150885": "COEN COMPANY, LLC",
    "14441716": "DANA-FARBER CANCER INSTITUTE, INC.",
}


async def _ensure_demo_portfolio(session: AsyncSession, org_id: uuid.UUID) -> None:
    """Seed the demo companies and assets once, on an org that has neither yet."""
    if await companies_repo.list_companies(session, org_id):
        return
    ids = {
        name: (await companies_repo.create_company(session, org_id, name, aliases)).id
        for name, aliases in DEMO_COMPANIES.items()
    }
    for appno, company in DEMO_ASSETS.items():
        session.add(Asset(organization_id=org_id, appno_doc_num=appno, company_id=ids[company]))
    await session.flush()


async def _ensure_demo(session: AsyncSession) -> None:
    org = await tenancy.get_org_by_slug(session, DEMO_ORG_SLUG)
    if org is None:
        org = await tenancy.create_organization(session, name=DEMO_ORG_NAME, slug=DEMO_ORG_SLUG)
    await _ensure_demo_portfolio(session, org.id)
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
    if settings.is_development:
        await create_superuser(
            settings, email=DEMO_SUPERADMIN.email, password=DEMO_SUPERADMIN.password
        )


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


async def load_demo_assignments(settings: Settings) -> None:
    """Load the sample assignment file; a restart finds it loaded and skips it."""
    from worker.ingestion.run import run_assignments
    from worker.jobs import JobQueue, connect_redis

    engine = make_engine(settings.worker_db_url(), pool_size=2)
    redis = await connect_redis(settings.redis_url) if settings.redis_url else None
    try:
        queue = JobQueue(redis) if redis is not None else None
        await run_assignments(make_sessionmaker(engine), settings, queue, files=[DEMO_ASSIGNMENTS])
    finally:
        if redis is not None:
            await redis.aclose()
        await engine.dispose()


async def request_demo_pipeline(settings: Settings) -> None:
    """After the sample file is loaded: queue the demo org's pipeline run (D15 trigger)."""
    from worker.jobs import JobQueue, connect_redis
    from worker.pipeline.triggers import request_pipeline

    if not settings.redis_url:
        return
    engine = make_engine(settings.worker_db_url(), pool_size=1)
    redis = await connect_redis(settings.redis_url)
    try:
        async with tenant_session(make_sessionmaker(engine), TenantContext.super_admin()) as s:
            org = await tenancy.get_org_by_slug(s, DEMO_ORG_SLUG)
            if org is not None:
                await request_pipeline(JobQueue(redis), s, org.id, "demo data loaded")
    finally:
        await redis.aclose()
        await engine.dispose()
