"""What every step receives: the org, the run, and how to open its tenant transaction."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.session import tenant_session
from db.tenant import TenantContext

R = TypeVar("R")


@dataclass(frozen=True)
class StepResult:
    """Rows written and free-form metrics, recorded on `processing_steps`."""

    records: int
    metrics: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunEnv:
    org_id: uuid.UUID
    run_id: uuid.UUID
    ruleset: str
    today: date
    generated_at: str
    sessionmaker: async_sessionmaker[AsyncSession]
    # Benchmarks force the parallel pairs to run one after the other (ratio measurement).
    sequential: bool = False
    # The run's snapshot of its shared inputs (conveyances, parties), loaded once and
    # only read by the steps; derived data still flows only through stored outputs.
    cache: dict[str, Any] = field(default_factory=dict)
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    async def cached(self, key: str, load: Callable[[], Awaitable[R]]) -> R:
        """`load()` once per run (concurrent steps wait for the first loader)."""
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key not in self.cache:
                self.cache[key] = await load()
        value: R = self.cache[key]
        return value

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """One step transaction with the org's tenant context (RLS applies; worker role)."""
        async with tenant_session(self.sessionmaker, TenantContext.for_org(self.org_id)) as s:
            yield s

    def derived(self) -> dict[str, Any]:
        """Columns every derived row carries (P7 ruleset version, run provenance)."""
        return {
            "organization_id": self.org_id,
            "ruleset_version": self.ruleset,
            "run_id": self.run_id,
        }


async def compute(fn: Callable[..., R], *args: Any) -> R:
    """Run pure CPU work off the event loop so the other step of a stage keeps going."""
    return await asyncio.to_thread(fn, *args)
