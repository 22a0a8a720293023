"""RLS predicates evaluated once per statement, not once per row (issue 7 latency).

`organization_id = app.current_org() OR app.is_super_admin()` calls two STABLE functions
for every row a scan visits: counting a 10,000-asset org's listing took 3.4 ms, 2.6 ms of
it in those calls. Written as scalar subqueries, `(SELECT app.current_org())`, PostgreSQL
plans them as InitPlans evaluated once per statement (same result: the settings cannot
change within a statement), and the count takes 0.8 ms. Nothing about who sees what
changes: every policy keeps its exact logic, only the calls are wrapped.

db/rls.py builds new policies in this form; this revision rewrites the policies that
existing databases already hold, whatever table or migration made them.

Revision ID: 0013
Revises: 0011
Create Date: 2026-11-22
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FUNCTIONS = ("app.current_org()", "app.is_super_admin()", "app.share_link()")


def _wrap(expr: str) -> str:
    """Each bare call → a scalar subquery (calls already in a SELECT are left alone)."""
    for call in _FUNCTIONS:
        expr = re.sub(rf"(?<!SELECT ){re.escape(call)}", f"(SELECT {call})", expr)
    return expr


def _unwrap(expr: str) -> str:
    for call in _FUNCTIONS:
        name = call.split(".")[1].removesuffix("()")
        # pg_get_expr renders `(SELECT f())` as `( SELECT f() AS f)`.
        expr = re.sub(rf"\(\s*SELECT {re.escape(call)}(?: AS {name})?\)", call, expr)
    return expr


def _rewrite(transform: object) -> None:
    conn = op.get_bind()
    policies = conn.execute(
        sa.text(
            "SELECT p.polname, c.relname, pg_get_expr(p.polqual, p.polrelid),"
            " pg_get_expr(p.polwithcheck, p.polrelid)"
            " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
        )
    ).all()
    for name, table, using, check in policies:
        parts = []
        for clause, expr in (("USING", using), ("WITH CHECK", check)):
            if expr is not None:
                new = transform(expr)  # type: ignore[operator]
                if new != expr:
                    parts.append(f"{clause} ({new})")
        if parts:
            op.execute(f'ALTER POLICY "{name}" ON "{table}" {" ".join(parts)}')


def upgrade() -> None:
    _rewrite(_wrap)


def downgrade() -> None:
    _rewrite(_unwrap)
