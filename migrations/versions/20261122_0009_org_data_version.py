"""The org data version (api.md §5.2): `org_pipeline_state.data_version`.

Redis `orgver:{orgId}` is only a copy: this column is the source of truth, bumped in the
transaction that records a successful pipeline run, and read back into Redis when the key
is missing (after a flush). ETags and cache keys embed it, so a bump invalidates them all.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "org_pipeline_state",
        sa.Column("data_version", sa.BigInteger(), server_default="0", nullable=False),
    )


def downgrade() -> None:
    op.drop_column("org_pipeline_state", "data_version")
