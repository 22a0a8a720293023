"""Per-org pipeline benchmark (issue 6): full run, parallel pairs forced sequential, and an
incremental run after one new conveyance, on a generated org of ≥ 10,000 assets and
≥ 50,000 conveyances.

    .venv/bin/python -m benchmarks.pipeline [--assets 10000] [--per-asset 5]

Needs a PostgreSQL superuser URL in BENCH_DATABASE_URL (default
postgresql://postgres@127.0.0.1:5432/patentrack_bench_pipeline) and a Redis URL in
BENCH_REDIS_URL (default redis://127.0.0.1:6379/3). The database is recreated and
migrated; the shared tables are filled with COPY; the pipeline runs as the worker role
with RLS, exactly as the job does.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import time
import uuid
from datetime import date, timedelta
from typing import Any

DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/patentrack_bench_pipeline"
DEFAULT_REDIS = "redis://127.0.0.1:6379/3"
FIRST = ["JOHN", "MARY", "WEI", "ANNA", "RAJ", "LUIS", "KENJI", "OLGA", "PIERRE", "FATIMA"]
LAST = ["SMITH", "GARCIA", "CHEN", "MUELLER", "TANAKA", "ROSSI", "NOVAK", "SILVA", "KIM", "DUBOIS"]


_SYLLABLES = ["ka", "zor", "vel", "min", "tra", "quo", "bex", "lun", "dri", "sap", "pho", "gin"]


def _word(n: int) -> str:
    """A made-up word per n (names that differ by one digit would be one entity, BR-018)."""
    rng = random.Random(n * 7919)
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).upper()


def _company(n: int) -> str:
    return f"{_word(n)} {_word(n + 1000)} CORPORATION"


def _variant(name: str, rng: random.Random) -> str:
    """Realistic recording variants of one company name (pitfall 8)."""
    return rng.choice([name, name.replace("CORPORATION", "CORP."), name.title(), name + "."])


class Generator:
    """Conveyance chains per asset: inventors -> company, sale, security, release, sale."""

    def __init__(self, assets: int, per_asset: int, seed: int = 6) -> None:
        self.rng = random.Random(seed)
        self.assets = assets
        self.per_asset = per_asset
        self.entities: dict[str, uuid.UUID] = {}
        self.assignments: list[tuple[Any, ...]] = []
        self.documents: list[tuple[Any, ...]] = []
        self.assignors: list[tuple[Any, ...]] = []
        self.assignees: list[tuple[Any, ...]] = []
        self.reel = 100000

    def entity(self, name: str) -> uuid.UUID:
        key = name.lower()
        if key not in self.entities:
            self.entities[key] = uuid.uuid4()
        return self.entities[key]

    def conveyance(self, text: str, ors: list[str], ees: list[str], when: date, appno: str) -> str:
        self.reel += 1
        aid = uuid.uuid4()
        rf = f"{self.reel:06d}-0001"
        digest = hashlib.sha256(rf.encode()).hexdigest()
        self.assignments.append(
            (aid, rf, f"{self.reel:06d}", "0001", text, when + timedelta(days=30), when, digest)
        )
        self.documents.append((uuid.uuid4(), aid, 1, appno, date(2001, 1, 1)))
        for i, name in enumerate(ors, start=1):
            self.assignors.append((uuid.uuid4(), aid, self.entity(name), i, name, when))
        for i, name in enumerate(ees, start=1):
            self.assignees.append((uuid.uuid4(), aid, self.entity(name), i, name))
        return rf

    def asset(self, i: int) -> tuple[str, int]:
        rng = self.rng
        appno = f"{20000000 + i}"
        owner = rng.randrange(20)
        inventors = [
            f"{rng.choice(LAST)}{rng.randrange(400)}, {rng.choice(FIRST)}" for _ in range(2)
        ]
        start = date(2001, 1, 1) + timedelta(days=rng.randrange(8000))
        steps = [
            (
                "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).",
                inventors,
                [_variant(_company(owner), rng)],
            ),
        ]
        holder = owner
        while len(steps) < self.per_asset:
            kind = rng.random()
            bank = f"FIRST {rng.randrange(10)} BANK, N.A."
            if kind < 0.3:
                steps.append(("SECURITY INTEREST", [_variant(_company(holder), rng)], [bank]))
                if rng.random() < 0.8 and len(steps) < self.per_asset:
                    steps.append(("RELEASE BY SECURED PARTY", [bank], [_company(holder)]))
            else:
                nxt = rng.randrange(40)
                # 5 % of transfers come from someone who is not the holder: a broken chain.
                seller = holder if rng.random() > 0.05 else rng.randrange(40, 60)
                steps.append(
                    (
                        "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).",
                        [_variant(_company(seller), rng)],
                        [_variant(_company(nxt), rng)],
                    )
                )
                holder = nxt
        for n, (text, ors, ees) in enumerate(steps[: self.per_asset]):
            self.conveyance(text, ors, ees, start + timedelta(days=90 * n), appno)
        return appno, owner


async def _copy(raw: Any, gen: Generator) -> None:
    await raw.copy_records_to_table(
        "entities", records=[(i, n) for n, i in gen.entities.items()], columns=["id", "name"]
    )
    await raw.copy_records_to_table(
        "assignments",
        records=gen.assignments,
        columns=[
            "id",
            "rf_id",
            "reel_no",
            "frame_no",
            "convey_text",
            "record_dt",
            "exec_dt",
            "content_hash",
        ],
    )
    await raw.copy_records_to_table(
        "document_ids",
        records=gen.documents,
        columns=["id", "assignment_id", "seq", "appno_doc_num", "appno_date"],
    )
    await raw.copy_records_to_table(
        "assignors",
        records=gen.assignors,
        columns=["id", "assignment_id", "entity_id", "seq", "or_name", "exec_dt"],
    )
    await raw.copy_records_to_table(
        "assignees",
        records=gen.assignees,
        columns=["id", "assignment_id", "entity_id", "seq", "ee_name"],
    )


async def build(db_url: str, assets: int, per_asset: int) -> tuple[uuid.UUID, Generator]:
    import asyncpg

    gen = Generator(assets, per_asset)
    owners = [gen.asset(i) for i in range(assets)]
    conn = await asyncpg.connect(db_url)
    try:
        async with conn.transaction():
            await _copy(conn, gen)
            org = uuid.uuid4()
            await conn.execute(
                "INSERT INTO organizations (id, name, slug) VALUES ($1, 'Bench Org', $2)",
                org,
                f"bench-{org.hex[:8]}",
            )
            companies = [(uuid.uuid4(), org, _company(n)) for n in range(20)]
            await conn.copy_records_to_table(
                "companies", records=companies, columns=["id", "organization_id", "name"]
            )
            await conn.copy_records_to_table(
                "assets",
                records=[
                    (uuid.uuid4(), org, appno, companies[owner][0]) for appno, owner in owners
                ],
                columns=["id", "organization_id", "appno_doc_num", "company_id"],
            )
    finally:
        await conn.close()
    return org, gen


async def add_one_conveyance(db_url: str, gen: Generator) -> str:
    """One new recorded assignment on the first asset (what a daily file brings)."""
    import asyncpg

    before = len(gen.assignments), len(gen.documents), len(gen.assignors), len(gen.assignees)
    owner_names = [r[4] for r in gen.assignees if r[1] == gen.documents[0][1]]
    rf = gen.conveyance(
        "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).",
        owner_names or [_company(0)],
        ["NEW OWNER HOLDINGS LLC"],
        date(2025, 1, 1),
        gen.documents[0][3],
    )
    fresh = Generator(0, 0)
    fresh.assignments = gen.assignments[before[0] :]
    fresh.documents = gen.documents[before[1] :]
    fresh.assignors = gen.assignors[before[2] :]
    fresh.assignees = gen.assignees[before[3] :]
    conn = await asyncpg.connect(db_url)
    try:
        known = {r[0] for r in await conn.fetch("SELECT lower(name) FROM entities")}
        fresh.entities = {k: v for k, v in gen.entities.items() if k not in known}
        async with conn.transaction():
            await _copy(conn, fresh)
    finally:
        await conn.close()
    return rf


async def analyze(db_url: str) -> None:
    """Fresh planner statistics, as autovacuum keeps them on a live server (it is off on
    this machine's PostgreSQL). Without them every freshly filled table looks empty and
    the scoped run's look-ups get nested-loop plans over whole tables."""
    import asyncpg

    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def trigger(sessions: Any, org: uuid.UUID, rf_ids: list[str] | None) -> None:
    """A pipeline trigger as `worker/pipeline/triggers.request_pipeline` records it."""
    from db.repos import pipeline_runs
    from db.session import tenant_session
    from db.tenant import TenantContext

    async with tenant_session(sessions, TenantContext.for_org(org)) as s:
        await pipeline_runs.mark_dirty(s, org, "benchmark", rf_ids=rf_ids)


async def digest(url: str, org: uuid.UUID) -> dict[str, tuple[int, str]]:
    """Row checksums of every derived table (the incremental test's comparison)."""
    from sqlalchemy.engine import make_url

    from db.engine import make_engine
    from tests.worker.pipeline.sample_org import derived_digest

    engine = make_engine(make_url(url).set(drivername="postgresql+asyncpg"), pool_size=1)
    try:
        return await derived_digest(engine, org)
    finally:
        await engine.dispose()


async def timed_run(sessions: Any, redis: Any, org: uuid.UUID, **kw: Any) -> dict[str, Any]:
    from db.repos import pipeline_runs
    from db.session import tenant_session
    from db.tenant import TenantContext
    from worker.pipeline.runner import PipelineRunner

    only_if_dirty = kw.pop("only_if_dirty", False)
    start = time.perf_counter()
    outcome = await PipelineRunner(sessions, redis, **kw).run(
        org, reason="benchmark", only_if_dirty=only_if_dirty
    )
    seconds = time.perf_counter() - start
    async with tenant_session(sessions, TenantContext.for_org(org)) as s:
        steps = await pipeline_runs.job_steps(s, outcome.runs[-1])
        job = await pipeline_runs.get_job(s, outcome.runs[-1])
    return {
        "seconds": round(seconds, 2),
        "job_type": job.job_type if job else None,
        "full_reason": ((job.summary if job else None) or {}).get("fullReason"),
        "steps": {x.step_name: (x.metrics or {}).get("seconds") for x in steps},
    }


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    from redis.asyncio import Redis
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from db.engine import make_engine, make_sessionmaker
    from db.migrate import sync_url, upgrade
    from db.roles import WORKER_ROLE, role_url

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    maintenance = create_engine(
        sync_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with maintenance.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    maintenance.dispose()
    upgrade(url)
    raw_url = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    t0 = time.perf_counter()
    org, gen = await build(raw_url, args.assets, args.per_asset)
    await analyze(raw_url)
    generated = time.perf_counter() - t0
    engine = make_engine(role_url(url, WORKER_ROLE, None), pool_size=6)
    sessions = make_sessionmaker(engine)
    redis = Redis.from_url(os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    try:
        full = await timed_run(sessions, redis, org)
        sequential = await timed_run(sessions, redis, org, sequential=True)
        await analyze(raw_url)  # the derived tables the full runs just wrote
        rf = await add_one_conveyance(raw_url, gen)
        # What the ingestion fan-out does: the org's trigger carries the new rf_id, so
        # the run is scoped to it (issue 6).
        await trigger(sessions, org, [rf])
        incremental = await timed_run(sessions, redis, org, only_if_dirty=True)
        digest_incremental = await digest(url, org)
        await trigger(sessions, org, None)
        full_again = await timed_run(sessions, redis, org, only_if_dirty=True)
        digest_full = await digest(url, org)
        same = digest_incremental == digest_full
        differing = sorted(t for t in digest_full if digest_full[t] != digest_incremental.get(t))
    finally:
        await redis.aclose()
        await engine.dispose()
    return {
        "assets": args.assets,
        "conveyances": len(gen.assignments),
        "parties": len(gen.assignors) + len(gen.assignees),
        "distinct_names": len(gen.entities),
        "load_seconds": round(generated, 1),
        "full": full,
        "sequential": sequential,
        "parallel_speedup": round(sequential["seconds"] / full["seconds"], 2),
        "after_one_new_conveyance": {"rf_id": rf, **incremental},
        "full_after_it": full_again,
        "incremental_rows_equal_full_rows": same,
        "tables_differing": differing,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assets", type=int, default=10_000)
    parser.add_argument("--per-asset", type=int, default=5)
    print(json.dumps(asyncio.run(main_async(parser.parse_args())), indent=2))


if __name__ == "__main__":
    main()
