"""The org data version (api.md §5.2): `orgver:{orgId}` in Redis, mirrored in Postgres.

Postgres (`org_pipeline_state.data_version`) is the source of truth, so the version only
ever grows, even across a Redis flush; Redis holds the copy every request reads (the PV
ETag, api.md §5.1, is answered from it before any DB access). A successful pipeline run
bumps the row and then publishes the new value; a reader that finds the key missing
reloads it from the row. Both write through one set-if-greater script, so a reload that
read an older row can never overwrite a newer bump, whatever the interleaving.

The Redis key names of the §5.2 caches live here too (the API fills them, the worker
warms and drops them, and `worker` never imports `api`), with the caches that are not
versioned and so must be dropped at pipeline completion (§5.2 step 3): the org profile
`org:{orgId}:detail` and the word-cloud pages.
"""

from __future__ import annotations

import logging
import uuid

from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.session import after_commit, tenant_session
from db.tenant import TenantContext

log = logging.getLogger("patentrack.caching")

KEY = "orgver:{org}"
CACHE_TTL_S = 24 * 3600  # api.md §5.2: 24 h safety net; the version bump is the real expiry
# PV cache-aside pages indexed per org (a Redis set `org:{orgId}:{endpoint}` of their keys)
# so the pipeline's completion can drop them without a SCAN (§5.2 step 3: the word cloud;
# its spec key `org:{orgId}:cpc-wordcloud:…` is also invalidated by the CPC load).
DROPPED_AT_COMPLETION = frozenset({"cpc-wordcloud"})
_DROP_BATCH = 500

# KEYS[1] = orgver key, ARGV[1] = version; returns the version now stored.
_SET_IF_GREATER = """
local cur = tonumber(redis.call('GET', KEYS[1]) or '-1')
local new = tonumber(ARGV[1])
if new > cur then
  redis.call('SET', KEYS[1], ARGV[1])
  return new
end
return cur
"""

_READ = text("SELECT data_version FROM org_pipeline_state WHERE organization_id = :org")
_BUMP = text(
    "INSERT INTO org_pipeline_state (organization_id, data_version) VALUES (:org, 1)"
    " ON CONFLICT (organization_id) DO UPDATE"
    " SET data_version = org_pipeline_state.data_version + 1, updated_at = now()"
    " RETURNING data_version"
)


def key(org_id: uuid.UUID) -> str:
    return KEY.format(org=org_id)


async def read_persisted(session: AsyncSession, org_id: uuid.UUID) -> int:
    """The stored version; 0 for an org the pipeline has never touched."""
    found = (await session.execute(_READ, {"org": org_id})).scalar_one_or_none()
    return int(found or 0)


async def bump_persisted(session: AsyncSession, org_id: uuid.UUID) -> int:
    """+1 in the caller's transaction (flush only; the boundary commits)."""
    return int((await session.execute(_BUMP, {"org": org_id})).scalar_one())


async def publish(redis: Redis, org_id: uuid.UUID, version: int) -> int:
    """Store `version` in Redis unless a newer one is there; returns the stored one."""
    stored = await redis.eval(_SET_IF_GREATER, 1, key(org_id), str(version))  # type: ignore[misc]
    return int(stored)


async def cached(redis: Redis, org_id: uuid.UUID) -> int | None:
    """The Redis copy, or None when the key is missing (never set, or Redis flushed)."""
    raw = await redis.get(key(org_id))
    return int(raw) if raw is not None else None


async def current(
    redis: Redis, sessionmaker: async_sessionmaker[AsyncSession], org_id: uuid.UUID
) -> int:
    """The version for a request: Redis, or (key missing) Postgres, copied back to Redis."""
    found = await cached(redis, org_id)
    if found is not None:
        return found
    async with tenant_session(sessionmaker, TenantContext.for_org(org_id)) as s:
        persisted = await read_persisted(s, org_id)
    return await publish(redis, org_id, persisted)


async def bump(
    sessionmaker: async_sessionmaker[AsyncSession], redis: Redis, org_id: uuid.UUID
) -> int:
    """Pipeline completion (api.md §5.2 steps 2-3): persist +1, publish it to Redis, then
    drop the unversioned caches (`detail`, the word cloud; `drop_derived`).

    Every ETag and versioned key of the previous version becomes unreachable at once and
    simply ages out; nothing is scanned."""
    async with tenant_session(sessionmaker, TenantContext.for_org(org_id)) as s:
        version = await bump_persisted(s, org_id)
    published = await publish(redis, org_id, version)
    await drop_derived(redis, org_id)
    return published


# --- the §5.2 cache keys ------------------------------------------------------------------


def versioned_key(org_id: uuid.UUID, version: int, name: str) -> str:
    """`org:{orgId}:v{ver}:{name}`: unreachable once the version moves on (§5.2)."""
    return f"org:{org_id}:v{version}:{name}"


def dashboard_key(org_id: uuid.UUID, version: int) -> str:
    return versioned_key(org_id, version, "dashboard")


def index_key(org_id: uuid.UUID, endpoint: str) -> str:
    """The set of an org's cached pages of `endpoint` (one of DROPPED_AT_COMPLETION)."""
    return f"org:{org_id}:{endpoint}"


def detail_key(org_id: uuid.UUID) -> str:
    return f"org:{org_id}:detail"


def _detail_epoch_key(org_id: uuid.UUID) -> str:
    return f"org:{org_id}:detail:epoch"


# --- org:{orgId}:detail (api.md §3.4 #33; §5.2: 24 h, dropped on change) -----------------
#
# Cache-aside on an unversioned key has a race: a reader loads the old row, a writer
# commits and drops the key, then the reader stores the old row for 24 h. So every drop
# also bumps an epoch, and a reader stores only if the epoch is still the one it saw
# before reading Postgres (one atomic script): a store that raced a drop is discarded.

# KEYS[1] = detail, KEYS[2] = epoch; ARGV = epoch seen, body, ttl. 1 when stored.
_STORE_IF_EPOCH = """
if (redis.call('GET', KEYS[2]) or '0') == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0
"""


async def lookup_detail(redis: Redis, org_id: uuid.UUID) -> tuple[bytes | None, str]:
    """(cached body or None, the epoch to hand to `store_detail` after reading Postgres)."""
    body, epoch = await redis.mget(detail_key(org_id), _detail_epoch_key(org_id))
    return (bytes(body) if body is not None else None), (
        epoch.decode() if isinstance(epoch, bytes) else str(epoch or "0")
    )


async def store_detail(redis: Redis, org_id: uuid.UUID, epoch: str, body: bytes) -> bool:
    """Fill the cache unless a drop happened since `lookup_detail` (then: False)."""
    keys = (detail_key(org_id), _detail_epoch_key(org_id))
    args = (epoch, body.decode(), str(CACHE_TTL_S))
    stored = await redis.eval(_STORE_IF_EPOCH, 2, *keys, *args)  # type: ignore[misc]
    return bool(stored)


async def drop_detail(redis: Redis, org_id: uuid.UUID) -> None:
    """§5.2: org PATCH, company, user or integration change, pipeline completion."""
    async with redis.pipeline(transaction=True) as pipe:
        pipe.incr(_detail_epoch_key(org_id))
        # Outlives any detail stored under the old epoch (and any read in flight).
        pipe.expire(_detail_epoch_key(org_id), 2 * CACHE_TTL_S)
        pipe.delete(detail_key(org_id))
        await pipe.execute()


def drop_detail_after_commit(session: AsyncSession, redis: Redis, org_id: uuid.UUID) -> None:
    """Drop the profile once the change is committed (before, a reader could refill it
    from the old row); a failed drop is logged, never the request's failure."""

    async def _drop() -> None:
        try:
            await drop_detail(redis, org_id)
        except Exception:
            log.warning("org detail drop failed", exc_info=True, extra={"org": str(org_id)})

    after_commit(session, _drop)


async def drop_indexed(redis: Redis, org_id: uuid.UUID, endpoint: str) -> int:
    """UNLINK every indexed page of `endpoint`; SPOP, so a page stored meanwhile stays
    indexed for the next drop. Returns how many keys went."""
    idx, dropped = index_key(org_id, endpoint), 0
    while True:
        members = await redis.spop(idx, _DROP_BATCH)  # type: ignore[misc]
        if not members:
            return dropped
        dropped += int(await redis.unlink(*members))


async def drop_derived(redis: Redis, org_id: uuid.UUID) -> None:
    """api.md §5.2 "On pipeline completion" step 3: drop `detail` and the word cloud."""
    await drop_detail(redis, org_id)
    for endpoint in sorted(DROPPED_AT_COMPLETION):
        await drop_indexed(redis, org_id, endpoint)


_RECENTLY_RUN = text(
    "SELECT s.organization_id FROM org_pipeline_state s"
    " JOIN organizations o ON o.id = s.organization_id"
    " WHERE s.last_success_at > now() - make_interval(days => :days)"
    "   AND o.status IN ('active', 'trial')"
    " ORDER BY s.last_success_at DESC, s.organization_id LIMIT :limit"
)


async def recently_run_orgs(session: AsyncSession, *, days: int, limit: int) -> list[uuid.UUID]:
    """Live orgs with a successful pipeline run in the last `days`, most recent first
    (the "active orgs" whose dashboards are warmed after a Redis flush, §5.2). Needs a
    context that sees every org (the worker's super-admin context)."""
    rows = await session.execute(_RECENTLY_RUN, {"days": days, "limit": limit})
    return list(rows.scalars())
