"""Lockout state in Redis (D12, api.md §2.6), keyed by the hashed e-mail.

Known and unknown e-mails go through exactly the same counters, so the responses (and
their timing, both paths verify one Argon2id hash) reveal nothing about accounts.
"""

from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import Redis

from domain.auth.lockout import (
    ADMIN_LOCK_THRESHOLD,
    FAILURE_WINDOW_S,
    LockDecision,
    lock_after_failure,
)
from domain.auth.secrets import email_key


@dataclass(frozen=True, slots=True)
class LockState:
    locked: bool
    retry_after: int | None = None  # None while locked: only an admin can unlock


def _fail_key(email: str) -> str:
    return f"auth:fail:{email_key(email)}"


def _lock_key(email: str) -> str:
    return f"auth:lock:{email_key(email)}"


class LockoutStore:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def state(self, email: str, *, admin_locked: bool = False) -> LockState:
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.get(_fail_key(email))
            pipe.ttl(_lock_key(email))
            failures, lock_ttl = await pipe.execute()
        if admin_locked or int(failures or 0) >= ADMIN_LOCK_THRESHOLD:
            return LockState(locked=True, retry_after=None)
        if lock_ttl and int(lock_ttl) > 0:
            return LockState(locked=True, retry_after=int(lock_ttl))
        return LockState(locked=False)

    async def record_failure(self, email: str) -> LockDecision:
        # The window starts at the first failure: SET NX creates the counter with its TTL
        # and INCR keeps that TTL. (EXPIRE ... NX would need Redis 7; D18 promises 6.2.)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(_fail_key(email), 0, ex=FAILURE_WINDOW_S, nx=True)
            pipe.incr(_fail_key(email))
            _, failures = await pipe.execute()
        decision = lock_after_failure(int(failures))
        if decision.seconds:
            await self.redis.set(_lock_key(email), "1", ex=decision.seconds)
        return decision

    async def clear(self, email: str) -> None:
        """A successful login, a reset (temporary locks) or an admin unlock."""
        await self.redis.delete(_fail_key(email), _lock_key(email))
