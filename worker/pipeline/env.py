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


class NeedFullRun(Exception):
    """A scoped (incremental) run found a change it cannot apply exactly: run in full."""


@dataclass(frozen=True)
class Scope:
    """Issue 6: an incremental run's scope. `rf_ids` are the new conveyances (from the
    triggers); the flag step widens it to every asset, conveyance and company whose
    derived rows can change (`assets`, `rf_ids_affected`, `companies`), stored on the job
    so a resumed run uses the same scope."""

    rf_ids: tuple[str, ...]
    assets: tuple[str, ...] | None = None
    rf_ids_affected: tuple[str, ...] | None = None
    companies: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "rfIds": list(self.rf_ids),
            "assets": None if self.assets is None else list(self.assets),
            "rfIdsAffected": None if self.rf_ids_affected is None else list(self.rf_ids_affected),
            "companies": None if self.companies is None else list(self.companies),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Scope:
        def opt(key: str) -> tuple[str, ...] | None:
            value = raw.get(key)
            return None if value is None else tuple(value)

        return cls(
            tuple(raw.get("rfIds") or ()),
            opt("assets"),
            opt("rfIdsAffected"),
            opt("companies"),
        )


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
    # Issue 6: set for an incremental run (None: full run).
    scope: Scope | None = None
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
