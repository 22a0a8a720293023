"""SQL building blocks for row-level security and grants, used by the migrations.

domain-model §11: helper functions read the transaction-local settings (turning the
'' a finished local setting leaves behind into NULL); every tenant table gets RLS
ENABLED and FORCED with one policy whose USING and WITH CHECK are the same predicate;
grants decide which runtime role may touch shared [S] and platform [P] tables.
"""

from __future__ import annotations

from db.roles import APP_ROLE, AUTH_ROLE, OWNER_ROLE, WORKER_ROLE

HELPER_FUNCTIONS = [
    "CREATE SCHEMA IF NOT EXISTS app",
    # §11.3 (3): '' -> NULL, so an unset or ended setting matches nothing instead of erroring.
    """
    CREATE OR REPLACE FUNCTION app.current_org() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE AS
    $$ SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid $$
    """,
    """
    CREATE OR REPLACE FUNCTION app.current_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE AS
    $$ SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid $$
    """,
    # §11.3 (4): the audited super-admin path, granted by the request's verified role only.
    """
    CREATE OR REPLACE FUNCTION app.is_super_admin() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS
    $$ SELECT coalesce(current_setting('app.user_role', true), '') = 'super_admin' $$
    """,
    """
    CREATE OR REPLACE FUNCTION app.share_link() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE AS
    $$ SELECT CASE WHEN current_setting('app.access_scope', true) = 'share:read'
               THEN NULLIF(current_setting('app.share_link_id', true), '')::uuid END $$
    """,
    f"GRANT USAGE ON SCHEMA app TO {APP_ROLE}, {WORKER_ROLE}",
    f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO {APP_ROLE}, {WORKER_ROLE}",
]

DROP_HELPER_FUNCTIONS = ["DROP SCHEMA IF EXISTS app CASCADE"]

# Scalar subqueries, so each call is an InitPlan run once per statement rather than once
# per row (migration 0013 rewrote the policies made before this form).
TENANT_PREDICATE = "{column} = (SELECT app.current_org()) OR (SELECT app.is_super_admin())"


def tenant_table(table: str, *, column: str = "organization_id") -> list[str]:
    """§11.3 (1, 8): ENABLE + FORCE RLS, one policy with USING and WITH CHECK, DML grants."""
    predicate = TENANT_PREDICATE.format(column=column)
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant_isolation ON {table} USING ({predicate}) WITH CHECK ({predicate})",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {APP_ROLE}, {WORKER_ROLE}",
    ]


def shared_table(table: str) -> list[str]:
    """§11.3 (9): public reference data, read by the API, written by ingestion (the worker)."""
    return [
        f"GRANT SELECT ON {table} TO {APP_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {WORKER_ROLE}",
    ]


def platform_table(table: str, *, app_writes: bool = False) -> list[str]:
    """§11.3 (9): operations tables: the worker writes, the API reads (and writes if asked)."""
    app_grant = "SELECT, INSERT, UPDATE" if app_writes else "SELECT"
    return [
        f"GRANT {app_grant} ON {table} TO {APP_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {WORKER_ROLE}",
    ]


def bootstrap_roles(passwords: dict[str, str | None]) -> list[str]:
    """Idempotently create the owner and runtime roles (run by the admin connection).

    Runtime roles are LOGIN but NOSUPERUSER NOBYPASSRLS and own nothing (§11.3 (1)).
    """
    statements = [
        f"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER_ROLE}') THEN
            CREATE ROLE {OWNER_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
          END IF;
        END $$
        """
    ]
    # §11.3 (5): the definer of the pre-tenant lookup functions. It can never log in;
    # the owner is a member only so migrations can hand it the functions they create.
    # (Creating a BYPASSRLS role needs a superuser admin connection.)
    statements.append(
        f"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{AUTH_ROLE}') THEN
            CREATE ROLE {AUTH_ROLE} NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE;
          END IF;
        END $$
        """
    )
    statements.append(f"ALTER ROLE {AUTH_ROLE} NOLOGIN NOSUPERUSER BYPASSRLS")
    statements.append(f"GRANT {AUTH_ROLE} TO {OWNER_ROLE}")
    for role in (APP_ROLE, WORKER_ROLE):
        statements.append(
            f"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
              END IF;
            END $$
            """
        )
        statements.append(
            f"ALTER ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE"
        )
        password = passwords.get(role)
        if password:
            statements.append(f"ALTER ROLE {role} PASSWORD {_literal(password)}")
    return statements


def database_grants(database: str) -> list[str]:
    """Let the owner create objects, and the runtime roles connect (PG15 revokes CREATE)."""
    return [
        f'GRANT CONNECT, CREATE, TEMPORARY ON DATABASE "{database}" TO {OWNER_ROLE}',
        f'GRANT CONNECT ON DATABASE "{database}" TO {APP_ROLE}, {WORKER_ROLE}',
        f"GRANT USAGE, CREATE ON SCHEMA public TO {OWNER_ROLE}",
        f"GRANT USAGE ON SCHEMA public TO {APP_ROLE}, {WORKER_ROLE}",
        f"GRANT USAGE ON SCHEMA public TO {AUTH_ROLE}",
    ]


def _literal(value: str) -> str:
    """A SQL string literal; role passwords cannot be bind parameters in DDL."""
    return "'" + value.replace("'", "''") + "'"
