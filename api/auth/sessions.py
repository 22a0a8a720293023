"""Session families in Redis (D14, api.md §2.3): opaque refresh tokens, rotated on every use.

Keys (every one carries a TTL; the auth store must be non-evicting, api.md §5.2):
- `auth:refresh:{sha256}`      live refresh token → {userId, orgId, role, sid, mfa, ...}
- `auth:refresh_used:{sha256}` tombstone of a rotated token → {sid, rotatedAt}
- `auth:session:{sid}`         the family: {userId, orgId, refreshHash, familyStartedAt, mfa,
                               pwdChange}; an access token is honoured only while its sid
                               lives here, and `pwdChange` (api.md §2.4 login step 4) is
                               read on every request, so clearing it bites at once
- `auth:sessions:{userId}`     the user's live sids (to revoke them all)
- `auth:revoked_before:{userId}` epoch seconds; access tokens issued earlier are dead
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

from domain.auth.secrets import new_opaque_token, token_hash

SESSION_TTL_S = 7 * 24 * 3600
FAMILY_MAX_AGE_S = 30 * 24 * 3600  # api.md §2.4: a family lives at most 30 days
RACE_WINDOW_S = 10  # §2.4: reuse within 10 s of rotation is a tab race, not theft
REVOKED_BEFORE_TTL_S = 900  # as long as an access token can live


def _refresh_key(h: str) -> str:
    return f"auth:refresh:{h}"


def _used_key(h: str) -> str:
    return f"auth:refresh_used:{h}"


def _session_key(sid: str) -> str:
    return f"auth:session:{sid}"


def _user_sessions_key(user_id: uuid.UUID | str) -> str:
    return f"auth:sessions:{user_id}"


# Atomic rotation (api.md §2.4): delete the old key, leave a tombstone, store the successor
# under the same sid. A tombstone hit decides race vs theft; theft revokes the family.
# Key names are derived inside the script, so this needs a non-cluster Redis (D18).
_ROTATE = """
local now = tonumber(ARGV[1])
local cur = redis.call('GET', KEYS[1])
if not cur then
  local used = redis.call('GET', KEYS[2])
  if not used then return {'invalid'} end
  local t = cjson.decode(used)
  if now - tonumber(t.rotatedAt) <= tonumber(ARGV[2]) then return {'race', t.sid} end
  local skey = 'auth:session:' .. t.sid
  local s = redis.call('GET', skey)
  if s then
    local sd = cjson.decode(s)
    redis.call('DEL', 'auth:refresh:' .. sd.refreshHash, skey)
    redis.call('SREM', 'auth:sessions:' .. sd.userId, t.sid)
  end
  return {'reused', s or ''}
end
local d = cjson.decode(cur)
local skey = 'auth:session:' .. d.sid
local s = redis.call('GET', skey)
if not s then
  redis.call('DEL', KEYS[1])
  return {'invalid'}
end
local sd = cjson.decode(s)
if now - tonumber(sd.familyStartedAt) > tonumber(ARGV[4]) then
  redis.call('DEL', KEYS[1], skey)
  redis.call('SREM', 'auth:sessions:' .. sd.userId, d.sid)
  return {'invalid'}
end
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], cjson.encode({sid = d.sid, rotatedAt = ARGV[1]}), 'EX', ARGV[3])
sd.refreshHash = ARGV[5]
redis.call('SET', skey, cjson.encode(sd), 'EX', ARGV[3])
redis.call('SET', KEYS[3], cur, 'EX', ARGV[3])
redis.call('EXPIRE', 'auth:sessions:' .. sd.userId, ARGV[3])
return {'ok', s}
"""


# Merge fields into a live family's record, keeping its TTL (no-op once it has ended).
_MERGE = """
local s = redis.call('GET', KEYS[1])
if not s then return 0 end
local d = cjson.decode(s)
for k, v in pairs(cjson.decode(ARGV[1])) do d[k] = v end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 1000 then ttl = 1000 end
redis.call('SET', KEYS[1], cjson.encode(d), 'PX', ttl)
return 1
"""


@dataclass(frozen=True, slots=True)
class SessionInfo:
    sid: str
    user_id: uuid.UUID
    org_id: uuid.UUID
    mfa: bool
    password_change_required: bool = False  # api.md §2.4 login step 4


@dataclass(frozen=True, slots=True)
class Rotation:
    """The outcome of presenting a refresh token: ok | race | reused | invalid."""

    outcome: str
    session: SessionInfo | None = None
    refresh_token: str | None = None


def _now_ms() -> int:
    return int(time.time() * 1000)


def _info(sid: str, data: dict[str, Any]) -> SessionInfo:
    return SessionInfo(
        sid=sid,
        user_id=uuid.UUID(data["userId"]),
        org_id=uuid.UUID(data["orgId"]),
        mfa=bool(data.get("mfa")),
        password_change_required=bool(data.get("pwdChange")),
    )


def live_keys(sid: str, user_id: uuid.UUID) -> tuple[str, str]:
    """The two keys `SessionStore.live` reads (the rate limiter reads them in its own
    round trip, issue 7, and hands the values to `live_from`)."""
    return _session_key(sid), f"auth:revoked_before:{user_id}"


def live_from(
    sid: str, user_id: uuid.UUID, issued_at: int, raw: Any, revoked_before: Any
) -> SessionInfo | None:
    """`SessionStore.live`'s verdict on the values of `live_keys`."""
    if raw is None or (revoked_before and issued_at < int(revoked_before)):
        return None
    info = _info(sid, json.loads(raw))
    return info if info.user_id == user_id else None


class SessionStore:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis
        self._rotate = redis.register_script(_ROTATE)
        self._merge = redis.register_script(_MERGE)

    async def create(
        self,
        *,
        user_id: uuid.UUID,
        org_id: uuid.UUID,
        role: str,
        mfa: bool,
        password_change_required: bool = False,
    ) -> tuple[str, str]:
        """A new family: returns (sid, refresh token). Only the token's hash is stored."""
        sid = uuid.uuid4().hex
        refresh = new_opaque_token()
        h = token_hash(refresh)
        now = _now_ms()
        record = {"userId": str(user_id), "orgId": str(org_id), "role": role, "sid": sid}
        session = {
            "sid": sid,
            "userId": str(user_id),
            "orgId": str(org_id),
            "refreshHash": h,
            "familyStartedAt": now,
            "mfa": mfa,
            "pwdChange": password_change_required,
        }
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(_refresh_key(h), json.dumps({**record, "createdAt": now}), ex=SESSION_TTL_S)
            pipe.set(_session_key(sid), json.dumps(session), ex=SESSION_TTL_S)
            pipe.sadd(_user_sessions_key(user_id), sid)
            pipe.expire(_user_sessions_key(user_id), SESSION_TTL_S)
            await pipe.execute()
        return sid, refresh

    async def rotate(self, refresh_token: str) -> Rotation:
        old = token_hash(refresh_token)
        successor = new_opaque_token()
        new = token_hash(successor)
        result = await self._rotate(
            keys=[_refresh_key(old), _used_key(old), _refresh_key(new)],
            args=[_now_ms(), RACE_WINDOW_S * 1000, SESSION_TTL_S, FAMILY_MAX_AGE_S * 1000, new],
        )
        outcome = result[0].decode() if isinstance(result[0], bytes) else str(result[0])
        if outcome == "reused" and result[1]:
            revoked = json.loads(result[1])
            return Rotation(outcome, _info(str(revoked["sid"]), revoked))
        if outcome != "ok":
            return Rotation(outcome)
        data = json.loads(result[1])
        return Rotation("ok", _info(str(data["sid"]), data), successor)

    async def _refresh_payload(self, h: str) -> bytes | None:
        raw: bytes | None = await self.redis.get(_refresh_key(h))
        return raw

    async def peek(self, refresh_token: str) -> SessionInfo | None:
        """The live family a refresh token belongs to, without rotating it."""
        raw = await self._refresh_payload(token_hash(refresh_token))
        if raw is None:
            return None
        sid = json.loads(raw)["sid"]
        session = await self.redis.get(_session_key(sid))
        return _info(sid, json.loads(session)) if session else None

    async def get(self, sid: str) -> SessionInfo | None:
        raw = await self.redis.get(_session_key(sid))
        return _info(sid, json.loads(raw)) if raw else None

    async def live(self, sid: str, user_id: uuid.UUID, issued_at: int) -> SessionInfo | None:
        """The family an access token belongs to, or None when it has ended or a revocation
        postdates the token. One round trip; the caller also reads the family's flags."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for k in live_keys(sid, user_id):
                pipe.get(k)
            raw, revoked_before = await pipe.execute()
        return live_from(sid, user_id, issued_at, raw, revoked_before)

    async def is_live(self, sid: str, user_id: uuid.UUID, issued_at: int) -> bool:
        """An access token stands only while its family lives and no revocation postdates it."""
        return await self.live(sid, user_id, issued_at) is not None

    async def _update(self, sid: str, **fields: Any) -> None:
        # Atomic, so a concurrent rotation's new refreshHash is never overwritten.
        await self._merge(keys=[_session_key(sid)], args=[json.dumps(fields)])

    async def mark_mfa(self, sid: str) -> None:
        """The second factor was satisfied in this family (enrolment confirmed)."""
        await self._update(sid, mfa=True)

    async def set_password_change_required(self, sid: str, required: bool) -> None:
        """api.md §2.4 login step 4: (un)gate this family until the password is changed."""
        await self._update(sid, pwdChange=required)

    async def revoke(self, sid: str) -> None:
        raw = await self.redis.get(_session_key(sid))
        if raw is None:
            return
        data = json.loads(raw)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(_refresh_key(data["refreshHash"]), _session_key(sid))
            pipe.srem(_user_sessions_key(data["userId"]), sid)
            await pipe.execute()

    async def revoke_all(self, user_id: uuid.UUID, *, keep_sid: str | None = None) -> int:
        """End every family of the user (except `keep_sid`); returns how many ended."""
        sids = [
            s.decode() if isinstance(s, bytes) else str(s)
            for s in await self.redis.smembers(_user_sessions_key(user_id))  # type: ignore[misc]
        ]
        ended = 0
        for sid in sids:
            if sid != keep_sid:
                await self.revoke(sid)
                ended += 1
        if keep_sid is None:
            await self.redis.set(
                f"auth:revoked_before:{user_id}", int(time.time()), ex=REVOKED_BEFORE_TTL_S
            )
        return ended
