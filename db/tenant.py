"""The tenant context of one request or job, applied as transaction-local settings.

domain-model §11.3 (2): settings are set with `set_config(..., true)` as the first
statement of the transaction, so they vanish at commit/rollback and can never leak to
the next user of a pooled connection. Every setting is written on every transaction,
empty when absent, so nothing depends on what a previous transaction left behind.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

_APPLY = text(
    "SELECT set_config('app.current_org_id', :org, true),"
    " set_config('app.user_role', :role, true),"
    " set_config('app.current_user_id', :user, true),"
    " set_config('app.access_scope', :scope, true),"
    " set_config('app.share_link_id', :share, true)"
)


@dataclass(frozen=True, slots=True)
class TenantContext:
    """Who is asking: the org whose rows are visible, and in which capacity."""

    org_id: uuid.UUID | None = None
    role: str | None = None
    user_id: uuid.UUID | None = None
    # Share viewers never carry org_id (§11.3 (6)): only the scope and their link.
    access_scope: str | None = None
    share_link_id: uuid.UUID | None = None

    @classmethod
    def anonymous(cls) -> TenantContext:
        return cls()

    @classmethod
    def for_org(cls, org_id: uuid.UUID, role: str = "org_member") -> TenantContext:
        """A job's or request's context inside one organization."""
        return cls(org_id=org_id, role=role)

    @classmethod
    def super_admin(cls, acting_org_id: uuid.UUID | None = None) -> TenantContext:
        return cls(org_id=acting_org_id, role="super_admin")

    def bind_params(self) -> dict[str, str]:
        return {
            "org": str(self.org_id) if self.org_id else "",
            "role": self.role or "",
            "user": str(self.user_id) if self.user_id else "",
            "scope": self.access_scope or "",
            "share": str(self.share_link_id) if self.share_link_id else "",
        }


async def apply_tenant_context(target: AsyncSession | AsyncConnection, ctx: TenantContext) -> None:
    """Set every tenant setting for the current transaction (one round trip)."""
    await target.execute(_APPLY, ctx.bind_params())
