"""One run per organization at a time, dirty-flag follow-ups, resume (D15, business-rules §10).

- A session-level PostgreSQL advisory lock per org (on its own connection, held for the
  whole job) serialises runs, whatever job id they were enqueued under.
- Triggers set `org_pipeline_state.dirty`. A run clears it when it starts; when it
  finishes it re-reads the flag under FOR UPDATE and, if set, runs exactly once more,
  so any number of triggers during a run collapse into one follow-up run.
- A run whose latest processing job failed (or died mid-run) and that has no newer trigger
  resumes that job: only steps not yet `success` are executed.
- RULESET_VERSION differing from the last successful run's forces a full rebuild (P7).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from redis.asyncio import Redis
from sqlalchemy import func, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.repos import org_data_version
from db.repos import pipeline_runs as runs
from domain.titles.version import RULESET_VERSION
from worker.alerts.pipeline_events import emit_alert_events
from worker.pipeline import data_events, events
from worker.pipeline.dag import StepFailed, execute
from worker.pipeline.env import NeedFullRun, RunEnv, Scope

log = logging.getLogger("patentrack.pipeline")

LOCK_CLASS = 60606  # advisory-lock namespace of the pipeline (pg_advisory_lock(int, int))


@dataclass(frozen=True)
class Outcome:
    """What one job did: the processing jobs it ran (in order), or nothing."""

    runs: list[uuid.UUID]
    skipped: bool = False


@asynccontextmanager
async def org_lock(engine: AsyncEngine, org_id: uuid.UUID) -> AsyncIterator[bool]:
    """Hold the org's advisory lock; yields True if another holder had to be waited for."""
    async with engine.connect() as conn:
        auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
        params = {"c": LOCK_CLASS, "o": str(org_id)}
        got = (
            await auto.execute(text("SELECT pg_try_advisory_lock(:c, hashtext(:o))"), params)
        ).scalar()
        if not got:
            await auto.execute(text("SELECT pg_advisory_lock(:c, hashtext(:o))"), params)
        try:
            yield not got
        finally:
            await auto.execute(text("SELECT pg_advisory_unlock(:c, hashtext(:o))"), params)


def _scope_of(
    pending: runs.PendingScope | None, ruleset_changed: bool
) -> tuple[Scope | None, str | None]:
    """Issue 6: an incremental scope, or why this run is full (first fallback rules; the
    flag step adds those that need the data, e.g. modified conveyances, scope > 20 %)."""
    if ruleset_changed:
        return None, "ruleset changed or first run (P7)"
    if pending is None or (not pending.rf_ids and not pending.full):
        return None, "no scope known"
    if pending.full:
        return None, "a trigger without a scope (rebuild, companies, overrides)"
    return Scope(pending.rf_ids), None


@dataclass
class _Plan:
    job_id: uuid.UUID
    done: set[str]
    scope: Scope | None = None  # issue 6: an incremental run's scope (None: full)


class PipelineRunner:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        redis: Redis,
        *,
        sequential: bool = False,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.redis = redis
        self.sequential = sequential

    def _env(self, org_id: uuid.UUID, job_id: uuid.UUID) -> RunEnv:
        now = datetime.now(UTC)
        return RunEnv(
            org_id=org_id,
            run_id=job_id,
            ruleset=RULESET_VERSION,
            today=now.date(),
            generated_at=now.isoformat(),
            sessionmaker=self.sessionmaker,
            sequential=self.sequential,
        )

    async def run(
        self,
        org_id: uuid.UUID,
        *,
        reason: str | None = None,
        only_if_dirty: bool = False,
        manual: bool = False,
        arq_job_id: str | None = None,
    ) -> Outcome:
        """Run the org's pipeline now (and its follow-ups); see the module docstring."""
        engine = self.sessionmaker.kw["bind"]
        done_runs: list[uuid.UUID] = []
        async with org_lock(engine, org_id) as waited:
            # A job that waited for another run, or a fallback trigger, only runs if a
            # trigger is still pending: the other run may already have absorbed it.
            first = not (waited or only_if_dirty)
            while True:
                plan = await self._begin(org_id, first, reason, manual, arq_job_id)
                if plan is None:
                    return Outcome(done_runs, skipped=not done_runs)
                first = False
                done_runs.append(plan.job_id)
                await self._run_job(org_id, plan)
                if not await self._finish(org_id, plan.job_id):
                    return Outcome(done_runs)
                reason = "follow-up: triggered during the previous run"
                manual = False

    async def _begin(
        self,
        org_id: uuid.UUID,
        first: bool,
        reason: str | None,
        manual: bool,
        arq_job_id: str | None,
    ) -> _Plan | None:
        """Decide, under the latch's row lock: resume the failed run, start one, or stop."""
        env = self._env(org_id, uuid.uuid4())
        async with env.session() as s:
            state = await runs.lock_state(s, org_id)
            latest = await runs.latest_job(s, org_id)
            resumable = (
                latest is not None
                and latest.status in ("failed", "running")  # "running": a worker died
                and not state.dirty  # a newer trigger means new inputs: rebuild instead
                and latest.ruleset_version == RULESET_VERSION  # P7: a bump is a full rebuild
            )
            if resumable:
                assert latest is not None
                steps = await runs.job_steps(s, latest.id)
                await runs.update_job(
                    s,
                    latest.id,
                    status="running",
                    error_message=None,
                    completed_at=None,
                    attempts=latest.attempts + 1,
                )
                state.running_job_id = latest.id
                stored = (latest.summary or {}).get("scope")
                plan = _Plan(
                    latest.id,
                    {x.step_name for x in steps if x.status == "success"},
                    Scope.from_json(stored) if stored else None,
                )
            elif not (state.dirty or first):
                return None
            else:
                full = state.ruleset_version != RULESET_VERSION
                scope, full_reason = _scope_of(await runs.take_scope(s, org_id), full)
                job = await runs.create_job(
                    s,
                    org_id=org_id,
                    job_type="incremental"
                    if scope is not None
                    else ("manual" if manual else "full_rebuild"),
                    reason=(state.dirty_reason if state.dirty else None) or reason,
                    ruleset=RULESET_VERSION,
                    arq_job_id=arq_job_id,
                    triggered_by=state.requested_by if state.dirty else None,
                )
                await runs.update_job(
                    s,
                    job.id,
                    summary={
                        "rulesetChanged": full,
                        "previousRuleset": state.ruleset_version,
                        "scope": scope.to_json() if scope else None,
                        "fullReason": full_reason,
                    },
                )
                state.dirty = False
                state.dirty_reason = None
                state.running_job_id = job.id
                plan = _Plan(job.id, set(), scope)
        event = "run.resumed" if plan.done or resumable else "run.started"
        await events.publish(
            self.redis, org_id, event, runId=str(plan.job_id), done=sorted(plan.done)
        )
        return plan

    async def _run_job(self, org_id: uuid.UUID, plan: _Plan) -> None:
        env = self._env(org_id, plan.job_id)
        env.scope = plan.scope
        try:
            try:
                executed = await execute(env, self.redis, plan.done)
            except NeedFullRun as why:
                # Issue 6: the scoped run met a change it cannot apply exactly; the same
                # job recomputes everything (every step is idempotent).
                env.scope = None
                env.cache.clear()  # a scoped run's snapshot holds only part of the org
                async with env.session() as s:
                    job = await runs.get_job(s, plan.job_id)
                    summary = {**((job.summary if job else None) or {})}
                    summary.update(scope=None, fullReason=f"fallback: {why}")
                    await runs.update_job(s, plan.job_id, job_type="full_rebuild", summary=summary)
                await events.publish(
                    self.redis, org_id, "run.full_fallback", runId=str(plan.job_id), reason=str(why)
                )
                executed = await execute(env, self.redis, set())
        except StepFailed as exc:
            async with env.session() as s:
                state = await runs.lock_state(s, org_id)
                state.running_job_id = None
                state.last_job_id = plan.job_id
                await runs.update_job(
                    s,
                    plan.job_id,
                    status="failed",
                    completed_at=func.clock_timestamp(),
                    error_message=str(exc)[:2000],
                )
            await events.publish(
                self.redis, org_id, "run.failed", runId=str(plan.job_id), steps=exc.steps
            )
            await data_events.run_ended(self.sessionmaker, self.redis, org_id, plan.job_id)  # §4
            raise
        log.info(
            "pipeline run finished",
            extra={"org": str(org_id), "run": str(plan.job_id), "steps": executed},
        )

    async def _finish(self, org_id: uuid.UUID, job_id: uuid.UUID) -> bool:
        """Mark the run successful; True if a trigger arrived meanwhile (run once more)."""
        env = self._env(org_id, job_id)
        async with env.session() as s:
            state = await runs.lock_state(s, org_id)
            await runs.update_job(s, job_id, status="success", completed_at=func.clock_timestamp())
            state.running_job_id = None
            state.last_job_id = job_id
            state.last_success_at = datetime.now(UTC)
            state.ruleset_version = RULESET_VERSION
            again = state.dirty
            await emit_alert_events(s, org_id, job_id, redis=self.redis)  # D2 webhooks
        await org_data_version.bump(self.sessionmaker, self.redis, org_id)  # api.md §5.2
        await events.publish(self.redis, org_id, "run.finished", runId=str(job_id), followUp=again)
        await data_events.run_ended(self.sessionmaker, self.redis, org_id, job_id)  # api.md §4
        return again
