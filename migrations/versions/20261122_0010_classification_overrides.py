"""BR-011 classification overrides (business-rules §1.2), and issue 6's pending run scope.

`org_classification_overrides` is a tenant table (RLS forced; org admins write it through
the API role, the pipeline reads it as the worker). `classification_overrides` is shared:
platform admins write it through the API role, the pipeline only reads it. `org_pipeline_scopes` (tenant) holds the rf_ids the triggers
of an org's next pipeline run wrote, so that run can be incremental.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from db import rls
from db.roles import APP_ROLE, WORKER_ROLE
from migrations.columns import UUID, execute_all, fk, ts, uuid_pk

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# business-rules §0: core + extended types (an override may use any of them); frozen here.
OVERRIDE_TYPES = (
    "assignment",
    "employee",
    "govern",
    "merger",
    "namechg",
    "license",
    "release",
    "security",
    "correct",
    "missing",
    "other",
    "partialassignment",
    "partialrelease",
    "restatedsecurity",
    "licenseend",
    "option",
    "courtorder",
    "courtappointment",
    "addresschg",
)
_TYPE_CHECK = f"conveyance_type IN ({', '.join(repr(t) for t in OVERRIDE_TYPES)})"


def _override_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("rf_id", sa.String(50), nullable=False),
        sa.Column("conveyance_type", sa.String(30), nullable=False),
        sa.Column("employer_assign", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", UUID, nullable=True),
        ts("created_at"),
        ts("updated_at"),
    ]


def upgrade() -> None:
    op.create_table(
        "org_classification_overrides",
        uuid_pk(),
        fk(
            "organization_id",
            "org_classification_overrides",
            "organizations",
            ondelete="CASCADE",
            nullable=False,
        ),
        *_override_columns(),
        sa.UniqueConstraint(
            "organization_id", "rf_id", name="uq_org_classification_overrides_organization_id_rf_id"
        ),
        sa.CheckConstraint(
            _TYPE_CHECK, name=op.f("ck_org_classification_overrides_conveyance_type")
        ),
    )
    execute_all(rls.tenant_table("org_classification_overrides"))
    op.create_table(
        "classification_overrides",
        uuid_pk(),
        *_override_columns(),
        sa.UniqueConstraint("rf_id", name="uq_classification_overrides_rf_id"),
        sa.CheckConstraint(_TYPE_CHECK, name=op.f("ck_classification_overrides_conveyance_type")),
    )
    # Shared, admin-written: the API role writes (platform admin), the worker only reads.
    execute_all(
        [
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON classification_overrides TO {APP_ROLE}",
            f"GRANT SELECT ON classification_overrides TO {WORKER_ROLE}",
        ]
    )

    # Issue 6 incremental runs: the pending scope of an org's next run (tenant table).
    op.create_table(
        "org_pipeline_scopes",
        sa.Column(
            "organization_id",
            UUID,
            sa.ForeignKey(
                "organizations.id",
                ondelete="CASCADE",
                name="fk_org_pipeline_scopes_organization_id_organizations",
            ),
            primary_key=True,
        ),
        sa.Column("full_run", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "rf_ids",
            sa.ARRAY(sa.String(50)),
            server_default=sa.text("'{}'::varchar[]"),
            nullable=False,
        ),
        ts("updated_at"),
    )
    execute_all(rls.tenant_table("org_pipeline_scopes"))


def downgrade() -> None:
    op.drop_table("org_pipeline_scopes")
    op.drop_table("classification_overrides")
    op.drop_table("org_classification_overrides")
