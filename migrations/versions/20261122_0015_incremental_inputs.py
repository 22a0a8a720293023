"""What an incremental pipeline run reads instead of the whole org (issue 6: ≤ 1 s).

- `org_entity_groups.spellings`: every raw spelling of the name key with its count (step
  2a's input for that key). A scoped run regroups the touched components from these
  instead of re-reading the org's 110k party rows; `occurrences` stays their sum.
- `org_assignments.p5_*`: the P5 sort key of each conveyance (effective date, record
  date, reel, frame; rf_id is already there), written by step 1. A scoped run renumbers
  the timeline's global P5 `sequence` with one window query instead of re-sorting the
  org's conveyances in Python. NULL on rows written before this revision: such an org's
  next run is a full one.
- `timeline_entries (organization_id, rf_id)`: a scoped run replaces the rows of the
  affected conveyances only.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "org_entity_groups",
        sa.Column(
            "spellings",
            postgresql.JSONB(),
            nullable=False,
            server_default=sa.text("'{}'::jsonb"),
        ),
    )
    op.add_column("org_assignments", sa.Column("p5_effective_dt", sa.Date()))
    op.add_column("org_assignments", sa.Column("p5_record_dt", sa.Date()))
    op.add_column("org_assignments", sa.Column("p5_reel", sa.Integer()))
    op.add_column("org_assignments", sa.Column("p5_frame", sa.Integer()))
    op.create_index(
        "ix_timeline_entries_organization_id_rf_id",
        "timeline_entries",
        ["organization_id", "rf_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_timeline_entries_organization_id_rf_id", table_name="timeline_entries")
    for column in ("p5_frame", "p5_reel", "p5_record_dt", "p5_effective_dt"):
        op.drop_column("org_assignments", column)
    op.drop_column("org_entity_groups", "spellings")
