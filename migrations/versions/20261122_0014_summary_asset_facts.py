"""Per-asset summary facts (issue 6: step 7 without reloading the whole org).

`summary_asset_facts` [T]: one row per org asset holding everything the asset contributes
to the BR-043 summary metrics (domain/titles/summary_facts.py `AssetFacts`): its key,
company, layout and filing date, its conveyances with their arrows, the person keys of
its inventors and of its employee-link assignors (BR-041), its third parties and its
activities. A run rewrites the facts of the assets it touched; the company rows and the
BR-042 org row are one aggregation over the org's facts (db/repos/summary_facts.py).
Tuples are stored as parallel arrays (rf_ids[i] has arrows[i], ...).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import rls
from migrations.columns import UUID, execute_all, fk, ts, uuid_pk

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "summary_asset_facts"
_ARRAYS = (
    ("rf_ids", sa.Text()),
    ("arrows", sa.Integer()),
    ("inventors", sa.Text()),
    ("backfill", sa.Text()),
    ("third_party_ids", sa.Text()),
    ("third_person_keys", sa.Text()),
    ("activity_company_ids", sa.Text()),
    ("activity_ids", sa.Integer()),
    ("activity_counterparties", sa.Text()),
)


def upgrade() -> None:
    op.create_table(
        TABLE,
        uuid_pk(),
        fk("organization_id", TABLE, "organizations", ondelete="CASCADE", nullable=False),
        fk("asset_id", TABLE, "assets", ondelete="CASCADE", nullable=False),
        sa.Column("asset_key", sa.Text(), nullable=False),
        sa.Column("company_id", UUID, nullable=True),
        sa.Column("layout_id", sa.Integer(), nullable=False),
        sa.Column("appno_date", sa.Date(), nullable=True),
        *(sa.Column(name, sa.ARRAY(item), nullable=False) for name, item in _ARRAYS),
        sa.Column("ruleset_version", sa.String(32), nullable=False),
        sa.Column("run_id", UUID, nullable=False),
        ts("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_summary_asset_facts"),
        sa.UniqueConstraint(
            "organization_id", "asset_id", name="uq_summary_asset_facts_organization_id_asset_id"
        ),
    )
    op.create_index(
        "ix_summary_asset_facts_organization_id_company_id",
        TABLE,
        ["organization_id", "company_id"],
    )
    execute_all(rls.tenant_table(TABLE))


def downgrade() -> None:
    op.drop_table(TABLE)
