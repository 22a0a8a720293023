"""Assignment ingest benchmark (issue 4): plain lxml floor vs our full ingest vs naive ORM.

    .venv/bin/python -m benchmarks.assignments_ingest [--records 100000] [--naive 5000]

Needs a PostgreSQL superuser URL in BENCH_DATABASE_URL (default
postgresql://postgres@127.0.0.1:5432/patentrack_bench); the database is recreated and
migrated, then loaded as the worker role exactly as the job does. Each phase runs in its
own subprocess so its peak RSS (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "assignments" / "ad20160101.xml"
_RECORD = re.compile(r"    <patent-assignment>\n.*?    </patent-assignment>\n", re.S)
_REEL = re.compile(r"<reel-no>(\d+)</reel-no>")
DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/patentrack_bench"


def generate(path: Path, records: int) -> int:
    """≥ `records` real records, copy k shifting reel numbers by k·100000 (unique rf_id)."""
    text = SAMPLE.read_text(encoding="utf-8")
    found = list(_RECORD.finditer(text))
    head, body, tail = (
        text[: found[0].start()],
        [m.group(0) for m in found],
        text[found[-1].end() :],
    )
    written = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        copy = 0
        while written < records:
            for rec in body:
                if written >= records:
                    break
                out.write(
                    _REEL.sub(lambda m, c=copy: f"<reel-no>{int(m[1]) + c * 100000}</reel-no>", rec)
                )
                written += 1
            copy += 1
        out.write(tail)
    return written


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_lxml(path: Path) -> dict[str, Any]:
    from lxml import etree

    start = time.perf_counter()
    count = 0
    for _, el in etree.iterparse(
        str(path), tag="patent-assignment", resolve_entities=False, no_network=True, huge_tree=True
    ):
        count += 1
        el.clear()
        while el.getprevious() is not None:
            del el.getparent()[0]
    return {"records": count, "seconds": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}


def phase_domain(path: Path) -> dict[str, Any]:
    from domain.ingestion.assignments_xml import iter_assignments

    start = time.perf_counter()
    count = sum(1 for _ in iter_assignments(path))
    return {"records": count, "seconds": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}


def _worker_sessions(admin_url: str) -> Any:
    from db.engine import make_engine, make_sessionmaker
    from db.roles import WORKER_ROLE, role_url

    engine = make_engine(role_url(admin_url, WORKER_ROLE, None), pool_size=2)
    return engine, make_sessionmaker(engine)


async def _full(path: Path, admin_url: str, batch: int) -> dict[str, Any]:
    from worker.ingestion.assignments import AssignmentIngest

    engine, sessions = _worker_sessions(admin_url)
    try:
        start = time.perf_counter()
        outcome = await AssignmentIngest(sessions, batch_size=batch).load_path(path, force=True)
        seconds = time.perf_counter() - start
    finally:
        await engine.dispose()
    return {
        "records": outcome.processed,
        "inserted": outcome.inserted,
        "failed": outcome.failed,
        "seconds": seconds,
        "rss_mb": _peak_rss_mb(),
        # The parser's own process, when the file is big enough to get one.
        "parser_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


async def _naive(path: Path, admin_url: str, limit: int) -> dict[str, Any]:
    from benchmarks.naive_orm import naive_load

    engine, sessions = _worker_sessions(admin_url)
    try:
        start = time.perf_counter()
        count = await naive_load(sessions, path, limit)
        seconds = time.perf_counter() - start
    finally:
        await engine.dispose()
    return {"records": count, "seconds": seconds, "rss_mb": _peak_rss_mb()}


def _fresh_database(admin_url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from db.migrate import sync_url, upgrade

    name = make_url(admin_url).database
    maintenance = create_engine(
        sync_url(admin_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with maintenance.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    maintenance.dispose()
    upgrade(admin_url)


def _truncate(admin_url: str) -> None:
    from sqlalchemy import create_engine, text

    from db.migrate import sync_url

    engine = create_engine(sync_url(admin_url))
    with engine.begin() as conn:
        conn.execute(
            text(
                "TRUNCATE assignments, document_ids, assignors, assignees, entities,"
                " ingestion_errors, ingestion_jobs CASCADE"
            )
        )
    engine.dispose()


def _run_phase(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.assignments_ingest", "--phase", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _child(args: argparse.Namespace) -> None:
    path = Path(args.file)
    if args.phase == "lxml":
        result = phase_lxml(path)
    elif args.phase == "domain":
        result = phase_domain(path)
    elif args.phase == "full":
        result = asyncio.run(_full(path, args.db, args.batch))
    else:
        result = asyncio.run(_naive(path, args.db, args.naive))
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000, help="second size for RSS")
    parser.add_argument("--naive", type=int, default=5_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--phase", default=None)
    parser.add_argument("--file", default=None)
    args = parser.parse_args()
    if args.phase:
        _child(args)
        return
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "ad_big.xml", Path(tmp) / "ad_small.xml"
        report["records"] = generate(big, args.records)
        generate(small, args.small)
        mb = big.stat().st_size / 1e6
        report["file_mb"] = round(mb, 1)
        _fresh_database(args.db)
        common = ["--db", args.db, "--batch", str(args.batch), "--naive", str(args.naive)]
        lxml = _run_phase("lxml", "--file", str(big), *common)
        domain = _run_phase("domain", "--file", str(big), *common)
        full_small = _run_phase("full", "--file", str(small), *common)
        _truncate(args.db)
        full = _run_phase("full", "--file", str(big), *common)
        _truncate(args.db)
        naive = _run_phase("naive", "--file", str(big), *common)
    per = {k: v["seconds"] / v["records"] for k, v in {"full": full, "naive": naive}.items()}
    report.update(
        {
            "lxml_parse": {**lxml, "mb_s": mb / lxml["seconds"]},
            "domain_parse": {**domain, "mb_s": mb / domain["seconds"]},
            "full_ingest": {
                **full,
                "mb_s": mb / full["seconds"],
                "assignments_s": full["records"] / full["seconds"],
            },
            "full_ingest_small": full_small,
            "naive_orm": {**naive, "assignments_s": naive["records"] / naive["seconds"]},
            "full_vs_lxml": lxml["seconds"] / full["seconds"],
            "full_vs_domain_parse": domain["seconds"] / full["seconds"],
            "full_vs_naive_per_assignment": per["naive"] / per["full"],
        }
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
