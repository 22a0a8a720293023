"""Share links (api.md §2.7, §3.6; BR-044..047, D5, D11): management in the org's tenant
session, the visit bookkeeping in the link's org, and the viewer's reads in a share
session (`app.access_scope='share:read'`), where RLS shows only the link's assets
(migration 0007). Every viewer query also names the link explicitly: both layers hold.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.shares import ShareAccessLog, ShareLink, ShareLinkAsset
from db.repos.asset_reads import _BASE as ASSET_BASE


@dataclass(frozen=True)
class ShareRow:
    id: uuid.UUID
    organization_id: uuid.UUID
    name: str
    code: str
    permissions: dict[str, bool]
    expires_at: datetime
    max_uses: int | None
    use_count: int
    created_by: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    last_accessed_at: datetime | None
    deleted_at: datetime | None
    asset_count: int


_SHARE_COLUMNS = """
    l.id, l.organization_id, l.name, l.code, l.permissions, l.expires_at, l.max_uses,
    l.use_count, l.created_by, l.created_at, l.updated_at, l.last_accessed_at, l.deleted_at,
    (SELECT count(*) FROM share_link_assets x WHERE x.share_link_id = l.id) AS asset_count
"""


def _share(r: Any) -> ShareRow:
    return ShareRow(**dict(r))


async def org_assets(
    session: AsyncSession, org_id: uuid.UUID, asset_ids: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of `asset_ids` are live assets of the org (the rest cannot be shared)."""
    rows = await session.execute(
        text(
            "SELECT id FROM assets WHERE organization_id = :org AND deleted_at IS NULL"
            " AND id = ANY(:ids)"
        ),
        {"org": org_id, "ids": list(asset_ids)},
    )
    return set(rows.scalars())


async def _set_assets(
    session: AsyncSession, org_id: uuid.UUID, link_id: uuid.UUID, asset_ids: Sequence[uuid.UUID]
) -> None:
    await session.execute(delete(ShareLinkAsset).where(ShareLinkAsset.share_link_id == link_id))
    await session.execute(
        insert(ShareLinkAsset),
        [{"share_link_id": link_id, "asset_id": a, "organization_id": org_id} for a in asset_ids],
    )


async def create_link(
    session: AsyncSession,
    *,
    org_id: uuid.UUID,
    name: str,
    code: str,
    permissions: dict[str, bool],
    expires_at: datetime,
    max_uses: int | None,
    created_by: uuid.UUID | None,
    asset_ids: Sequence[uuid.UUID],
) -> ShareRow:
    link_id = uuid.uuid4()
    await session.execute(
        insert(ShareLink).values(
            id=link_id,
            organization_id=org_id,
            name=name,
            code=code,
            permissions=permissions,
            expires_at=expires_at,
            max_uses=max_uses,
            created_by=created_by,
        )
    )
    await _set_assets(session, org_id, link_id, asset_ids)
    found = await get_link(session, org_id, link_id)
    assert found is not None
    return found


async def get_link(session: AsyncSession, org_id: uuid.UUID, link_id: uuid.UUID) -> ShareRow | None:
    """A link of the org that is not revoked (a revoked link is "not found", §2.7)."""
    row = (
        (
            await session.execute(
                text(
                    f"SELECT {_SHARE_COLUMNS} FROM share_links l"  # noqa: S608
                    " WHERE l.id = :id AND l.organization_id = :org AND l.deleted_at IS NULL"
                ),
                {"id": link_id, "org": org_id},
            )
        )
        .mappings()
        .one_or_none()
    )
    return _share(row) if row else None


async def link_asset_ids(session: AsyncSession, link_id: uuid.UUID) -> list[uuid.UUID]:
    rows = await session.execute(
        text("SELECT asset_id FROM share_link_assets WHERE share_link_id = :id ORDER BY asset_id"),
        {"id": link_id},
    )
    return list(rows.scalars())


async def list_links(
    session: AsyncSession,
    org_id: uuid.UUID,
    *,
    created_by: uuid.UUID | None,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[ShareRow], int]:
    """Newest first, keyset on (created_at, id); `created_by` narrows to one member's
    links (D5: members manage the links they created)."""
    params: dict[str, Any] = {"org": org_id, "limit": limit + 1}
    where = "l.organization_id = :org AND l.deleted_at IS NULL"
    if created_by is not None:
        where += " AND l.created_by = :by"
        params["by"] = created_by
    total = (
        await session.execute(
            text(f"SELECT count(*) FROM share_links l WHERE {where}"),  # noqa: S608
            params,
        )
    ).scalar_one()
    page = where
    if after is not None:
        page += " AND (l.created_at, l.id) < (:after_k, :after_id)"
        params["after_k"], params["after_id"] = datetime.fromisoformat(after[0]), after[1]
    rows = await session.execute(
        text(
            f"SELECT {_SHARE_COLUMNS} FROM share_links l WHERE {page}"  # noqa: S608
            " ORDER BY l.created_at DESC, l.id DESC LIMIT :limit"
        ),
        params,
    )
    return [_share(r) for r in rows.mappings()], int(total)


async def update_link(
    session: AsyncSession,
    org_id: uuid.UUID,
    link_id: uuid.UUID,
    *,
    values: dict[str, Any],
    asset_ids: Sequence[uuid.UUID] | None,
) -> ShareRow:
    await session.execute(
        update(ShareLink)
        .where(ShareLink.id == link_id, ShareLink.organization_id == org_id)
        .values(**values, updated_at=text("now()"))
    )
    if asset_ids is not None:
        await _set_assets(session, org_id, link_id, asset_ids)
    found = await get_link(session, org_id, link_id)
    assert found is not None
    return found


async def revoke_link(session: AsyncSession, org_id: uuid.UUID, link_id: uuid.UUID) -> bool:
    """Soft delete (§2.7 Manage); False when there was no live link to revoke."""
    result = await session.execute(
        text(
            "UPDATE share_links SET deleted_at = now(), updated_at = now()"
            " WHERE id = :id AND organization_id = :org AND deleted_at IS NULL RETURNING id"
        ),
        {"id": link_id, "org": org_id},
    )
    return result.first() is not None


@dataclass(frozen=True)
class AccessRow:
    id: uuid.UUID
    accessed_at: datetime
    ip_address: str | None
    user_agent: str | None
    outcome: str


async def access_log(
    session: AsyncSession,
    org_id: uuid.UUID,
    link_id: uuid.UUID,
    *,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[AccessRow], int]:
    params: dict[str, Any] = {"org": org_id, "link": link_id, "limit": limit + 1}
    where = "organization_id = :org AND share_link_id = :link"
    total = (
        await session.execute(
            text(f"SELECT count(*) FROM share_access_logs WHERE {where}"),  # noqa: S608
            params,
        )
    ).scalar_one()
    if after is not None:
        where += " AND (accessed_at, id) < (:after_k, :after_id)"
        params["after_k"], params["after_id"] = datetime.fromisoformat(after[0]), after[1]
    rows = await session.execute(
        text(
            "SELECT id, accessed_at, host(ip_address) AS ip_address, user_agent, outcome"  # noqa: S608
            f" FROM share_access_logs WHERE {where}"
            " ORDER BY accessed_at DESC, id DESC LIMIT :limit"
        ),
        params,
    )
    return [AccessRow(**dict(r)) for r in rows.mappings()], int(total)


# --- the public entry (api.md §2.7 steps 1-3) -------------------------------------------


async def lookup_code(session: AsyncSession, code: str) -> tuple[uuid.UUID, uuid.UUID] | None:
    """(link id, org id) for a code, before any tenant context exists (§11.3 (5))."""
    row = (
        await session.execute(text("SELECT * FROM app.share_lookup(:c)"), {"c": code})
    ).one_or_none()
    return (row[0], row[1]) if row else None


async def visit(session: AsyncSession, link_id: uuid.UUID, *, consume: bool) -> ShareRow | None:
    """Validate (live, unexpired, under max uses) and count in one conditional UPDATE …
    RETURNING (domain-model §8), so two racing visits can never both take the last use.
    `consume=False` (the visitor already holds a token for this link) counts nothing and
    ignores max uses: reloads and sub-requests do not burn uses (§2.7 step 3)."""
    row = (
        (
            await session.execute(
                text(
                    "WITH v AS (UPDATE share_links l"  # noqa: S608  (constant fragments)
                    " SET use_count = l.use_count + CASE WHEN :consume THEN 1 ELSE 0 END,"
                    "     last_accessed_at = now()"
                    " WHERE l.id = :id AND l.deleted_at IS NULL AND l.expires_at > now()"
                    "   AND (NOT :consume OR l.max_uses IS NULL OR l.use_count < l.max_uses)"
                    f" RETURNING l.*) SELECT {_SHARE_COLUMNS} FROM v l"
                ),
                {"id": link_id, "consume": consume},
            )
        )
        .mappings()
        .one_or_none()
    )
    return _share(row) if row else None


async def refusal(session: AsyncSession, link_id: uuid.UUID) -> str:
    """Why `visit` refused: revoked, expired or exhausted (in that order of precedence)."""
    row = (
        await session.execute(
            text(
                "SELECT deleted_at IS NOT NULL, expires_at <= now(),"
                " max_uses IS NOT NULL AND use_count >= max_uses FROM share_links WHERE id = :id"
            ),
            {"id": link_id},
        )
    ).one_or_none()
    if row is None or row[0]:
        return "revoked"
    return "expired" if row[1] else "exhausted"


async def log_access(
    session: AsyncSession,
    *,
    org_id: uuid.UUID,
    link_id: uuid.UUID,
    ip: str | None,
    user_agent: str | None,
    outcome: str,
) -> None:
    """BR-047: every attempt on a known link (IP as INET, user agent, time, outcome)."""
    await session.execute(
        insert(ShareAccessLog).values(
            id=uuid.uuid4(),
            organization_id=org_id,
            share_link_id=link_id,
            ip_address=ip,
            user_agent=user_agent,
            outcome=outcome,
        )
    )


async def org_name(session: AsyncSession, org_id: uuid.UUID) -> str:
    return str(
        (
            await session.execute(
                text("SELECT name FROM organizations WHERE id = :id"), {"id": org_id}
            )
        ).scalar_one()
    )


# --- the viewer's reads (share session) -------------------------------------------------


async def viewer_state(session: AsyncSession, link_id: uuid.UUID) -> dict[str, Any] | None:
    """The link's state as `share:{id}:state` caches it (api.md §2.3); read in the share
    session, whose RLS shows this one link row and its asset list."""
    row = (
        await session.execute(
            text(
                "SELECT organization_id, code, permissions, expires_at, deleted_at IS NOT NULL,"
                " updated_at FROM share_links WHERE id = :id"
            ),
            {"id": link_id},
        )
    ).one_or_none()
    if row is None:
        return None
    return {
        "orgId": str(row[0]),
        "code": row[1],
        "perms": dict(row[2]),
        "expiresAt": row[3].isoformat(),
        "deleted": bool(row[4]),
        "updatedAt": row[5].isoformat(),
        "assetIds": [str(a) for a in await link_asset_ids(session, link_id)],
    }


@dataclass(frozen=True)
class SharedAssetRow:
    id: uuid.UUID
    application_number: str | None
    grant_number: str | None
    title: str | None
    status: str | None
    holders: list[str]
    sort_key: str


# By application number; C collation makes the keyset order byte-wise and stable.
_SHARED_SORT = "COALESCE(b.appno, '') COLLATE \"C\""


async def shared_assets(
    session: AsyncSession,
    org_id: uuid.UUID,
    link_id: uuid.UUID,
    *,
    limit: int,
    after: tuple[str, uuid.UUID] | None,
) -> tuple[list[SharedAssetRow], int]:
    """The link's assets by application number, keyset-paged, with the D2 current owner."""
    params: dict[str, Any] = {"org": org_id, "link": link_id, "limit": limit + 1}
    filtered = (
        f"SELECT b.*, {_SHARED_SORT} AS sort_key,"  # noqa: S608  (constant fragments)
        " COALESCE(o.holders, '{}') AS holders FROM ("
        + ASSET_BASE
        + ") b JOIN share_link_assets x ON x.asset_id = b.id AND x.share_link_id = :link"
        " LEFT JOIN asset_ownership o ON o.asset_id = b.id AND o.organization_id = :org"
    )
    total = (
        await session.execute(text(f"SELECT count(*) FROM ({filtered}) f"), params)  # noqa: S608
    ).scalar_one()
    page = f"SELECT * FROM ({filtered}) f"  # noqa: S608
    if after is not None:
        page += " WHERE (f.sort_key, f.id) > (:after_k, :after_id)"
        params["after_k"], params["after_id"] = after
    page += " ORDER BY f.sort_key, f.id LIMIT :limit"
    rows = (await session.execute(text(page), params)).mappings().all()
    return [
        SharedAssetRow(
            id=r["id"],
            application_number=r["appno"],
            grant_number=r["grant_no"],
            title=r["title"],
            status=r["status"],
            holders=list(r["holders"]),
            sort_key=r["sort_key"],
        )
        for r in rows
    ], int(total)


# --- retention (domain-model §8: IP addresses are personal data) --------------------------


async def delete_access_logs_before(session: AsyncSession, *, days: int) -> int:
    """Delete every org's access-log rows older than `days`; the caller's context must
    see all orgs (the worker's super-admin context). Returns how many rows went."""
    result = await session.execute(
        text(
            "DELETE FROM share_access_logs WHERE accessed_at < now() - make_interval(days => :days)"
        ),
        {"days": days},
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
