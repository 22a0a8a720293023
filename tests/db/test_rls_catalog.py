"""RLS coverage walks the live catalog, so a future tenant table without a policy fails here."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from db.roles import APP_ROLE, OWNER_ROLE, WORKER_ROLE

TENANT_TABLES_SQL = text(
    """
    SELECT c.relname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                   AND a.attname = 'organization_id' AND NOT a.attisdropped)
           OR c.relname = 'organizations')
    ORDER BY 1
    """
)


async def tenant_tables(conn: AsyncConnection) -> list[str]:
    return list((await conn.execute(TENANT_TABLES_SQL)).scalars())


async def test_every_tenant_table_has_forced_rls_with_using_and_check(db: AsyncConnection) -> None:
    tables = await tenant_tables(db)
    assert {"organizations", "users", "audit_log"} <= set(tables)
    rows = (
        await db.execute(
            text(
                """
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       count(p.polname) FILTER (WHERE p.polqual IS NOT NULL
                                                AND (p.polwithcheck IS NOT NULL
                                                     OR p.polcmd = 'r')) AS guarded,
                       count(p.polname) AS policies
                FROM pg_class c LEFT JOIN pg_policy p ON p.polrelid = c.oid
                WHERE c.relname = ANY(:tables) AND c.relnamespace = 'public'::regnamespace
                GROUP BY 1, 2, 3
                """
            ),
            {"tables": tables},
        )
    ).all()
    assert len(rows) == len(tables)
    for name, enabled, forced, guarded, policies in rows:
        assert enabled, f"{name}: row level security is not enabled"
        assert forced, f"{name}: row level security is not forced (the owner would bypass it)"
        assert policies >= 1 and guarded == policies, f"{name}: a policy lacks USING/WITH CHECK"


async def test_runtime_roles_are_not_superuser_owner_or_bypassrls(db: AsyncConnection) -> None:
    for role in (APP_ROLE, WORKER_ROLE):
        superuser, bypass, createrole = (
            await db.execute(
                text(
                    "SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = :r"
                ),
                {"r": role},
            )
        ).one()
        assert not superuser and not bypass and not createrole, role
        owned = (
            await db.execute(
                text(
                    "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                    " WHERE r.rolname = :r"
                ),
                {"r": role},
            )
        ).scalar()
        assert owned == 0, f"{role} owns {owned} relations"
        # Membership in the owner role would let it SET ROLE to the owner and bypass FORCE.
        member_of_owner = (
            await db.execute(
                text("SELECT pg_has_role(:r, :o, 'MEMBER')"), {"r": role, "o": OWNER_ROLE}
            )
        ).scalar()
        assert not member_of_owner, f"{role} can become {OWNER_ROLE}"


async def test_every_table_is_owned_by_the_owner_role(db: AsyncConnection) -> None:
    owners = set(
        (
            await db.execute(
                text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
            )
        ).scalars()
    )
    assert owners == {OWNER_ROLE}
