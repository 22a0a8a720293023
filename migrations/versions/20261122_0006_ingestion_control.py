"""Ingestion control (issue 9, api.md §3.5): the API may pause and resume a data source.

The API role otherwise only reads the platform ingestion tables (§11.3 (9)); this grants
it UPDATE on exactly the columns pause/resume writes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

from db.roles import APP_ROLE

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(f"GRANT UPDATE (is_active, updated_at) ON data_sources TO {APP_ROLE}")


def downgrade() -> None:
    op.execute(f"REVOKE UPDATE (is_active, updated_at) ON data_sources FROM {APP_ROLE}")
