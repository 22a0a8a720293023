"""RLS coverage walks the live catalog, so a future tenant table without a policy fails here."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from db.roles import APP_ROLE, AUTH_ROLE, OWNER_ROLE, WORKER_ROLE

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


async def test_pre_tenant_lookup_role_is_bypass_nologin_and_out_of_reach(
    db: AsyncConnection,
) -> None:
    # domain-model §11.3 (5): the definer role bypasses RLS, so nobody may log in as it
    # or become it at runtime.
    login, superuser, bypass = (
        await db.execute(
            text("SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = :r"),
            {"r": AUTH_ROLE},
        )
    ).one()
    assert bypass and not login and not superuser
    for role in (APP_ROLE, WORKER_ROLE):
        member = (
            await db.execute(
                text("SELECT pg_has_role(:r, :a, 'MEMBER')"), {"r": role, "a": AUTH_ROLE}
            )
        ).scalar()
        assert not member, f"{role} can become {AUTH_ROLE}"


async def test_security_definer_functions_are_narrow(db: AsyncConnection) -> None:
    rows = (
        await db.execute(
            text(
                """
                SELECT p.oid::regprocedure::text, r.rolname, p.proconfig
                FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner
                WHERE p.prosecdef AND p.pronamespace IN (
                    SELECT oid FROM pg_namespace WHERE nspname IN ('app', 'public'))
                """
            )
        )
    ).all()
    assert {name for name, _, _ in rows} >= {
        "app.auth_login_lookup(text)",
        "app.auth_token_lookup(text,text)",
        "app.auth_email_taken(text)",
    }
    for name, owner, config in rows:
        assert owner == AUTH_ROLE, f"{name} is owned by {owner}"
        assert any(c.startswith("search_path=") for c in config or []), f"{name}: search_path"
        public, worker, app = (
            await db.execute(
                text(
                    "SELECT has_function_privilege('public', CAST(:f AS regprocedure), 'EXECUTE'),"
                    " has_function_privilege(:w, CAST(:f AS regprocedure), 'EXECUTE'),"
                    " has_function_privilege(:a, CAST(:f AS regprocedure), 'EXECUTE')"
                ),
                {"f": name, "w": WORKER_ROLE, "a": APP_ROLE},
            )
        ).one()
        assert app and not worker and not public, name
