"""Grant ingest benchmark (issue 5): plain lxml parse floor vs our full ingest.

    .venv/bin/python -m benchmarks.grants_ingest [--docs 6000] [--small 1500]

Builds a weekly-style concatenated grant file (each document with its own `<?xml …?>`
and DOCTYPE, as in `ipg`/`ipgb` files) of ≥ `--docs` documents from the real v4.x
samples in tests/fixtures/grants (copy k gets unique grant and application numbers), then
runs each phase in its own subprocess so its peak RSS (ru_maxrss) is its own:

- lxml: split at `<?xml` lines + `etree.fromstring` per document (the floor);
- domain: `iter_grants` alone (our parser);
- full: `load_biblio_file` as `patentrack_worker` into a freshly migrated database
  (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/patentrack_bench_grants);
- full-small: the same on a `--small` file, to show RSS does not grow with file size.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GRANTS = ROOT / "tests" / "fixtures" / "grants"
# v4.x documents lxml parses without help (v2.5 needs entity substitution; US07057742 has
# broken markup in its description, which only our recover path survives).
SOURCES = (
    "ipgb20221025_wk43.zip",
    "ipg211019_two_v45.xml",
    "US08926509_v45.xml",
    "US08930553_v45.xml",
    "v4-5-B1.xml",
    "US07272630B2_v42.xml",
    "US06859910_v40.xml",
)
DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/patentrack_bench_grants"
_PUB = re.compile(r"(<publication-reference>.*?<doc-number>)([A-Z]*)(\d+)(</doc-number>)", re.S)
_APP = re.compile(r"(<application-reference[^>]*>.*?<doc-number>)(\d+)(</doc-number>)", re.S)


def _documents() -> list[str]:
    from domain.ingestion.uspto_xml import split_documents

    docs: list[str] = []
    for name in SOURCES:
        path = GRANTS / name
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                members = [archive.read(n) for n in archive.namelist() if n.endswith(".xml")]
        else:
            members = [path.read_bytes()]
        for data in members:
            for chunk in split_documents(io.BytesIO(data)):
                text = chunk.decode("utf-8")
                if "<us-patent-grant" in text:
                    docs.append(text.rstrip("\n") + "\n")
    return docs


def generate(path: Path, count: int) -> int:
    """`count` documents; copy k of a sample gets grant/application numbers offset by k."""
    samples = _documents()
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            doc = samples[i % len(samples)]
            doc = _PUB.sub(
                lambda m, i=i: (
                    m[1] + m[2] + f"{(2 * 10 ** (len(m[3]) - 1) + i):0{len(m[3])}d}" + m[4]
                ),
                doc,
                count=1,
            )
            doc = _APP.sub(lambda m, i=i: f"{m[1]}{16_000_000 + i:08d}{m[3]}", doc, count=1)
            out.write(doc)
    return count


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_lxml(path: Path) -> dict[str, Any]:
    from lxml import etree

    from domain.ingestion.uspto_xml import split_documents

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False
    )
    start = time.perf_counter()
    count = 0
    with path.open("rb") as handle:
        for chunk in split_documents(handle):
            etree.fromstring(chunk, parser)
            count += 1
    return {"docs": count, "seconds": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}


def phase_domain(path: Path) -> dict[str, Any]:
    from domain.ingestion.grants_xml import iter_grants

    start = time.perf_counter()
    count = sum(1 for _ in iter_grants(path))
    return {"docs": count, "seconds": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}


def phase_full(path: Path, db_url: str) -> dict[str, Any]:
    from db.engine import make_engine, make_sessionmaker
    from db.roles import WORKER_ROLE, role_url
    from worker.ingestion.biblio import GRANTS, load_biblio_file

    async def run() -> dict[str, Any]:
        engine = make_engine(role_url(db_url, WORKER_ROLE, None), pool_size=2)
        start = time.perf_counter()
        outcome = await load_biblio_file(
            make_sessionmaker(engine), GRANTS, path, force=True,
            batch_size=int(os.environ.get("BENCH_BATCH", "1000")),
        )  # fmt: skip
        seconds = time.perf_counter() - start
        await engine.dispose()
        return {
            "docs": outcome.processed,
            "inserted": outcome.inserted,
            "failed": outcome.failed,
            "status": outcome.status,
            "seconds": seconds,
            "rss_mb": _peak_rss_mb(),
            # The parser runs in a spawned child process (worker/ingestion/parse_process.py).
            "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }

    return asyncio.run(run())


def _fresh_database(db_url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from db.migrate import sync_url, upgrade

    url = make_url(db_url)
    admin = create_engine(sync_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()
    upgrade(db_url)


def _in_subprocess(phase: str, path: Path, db_url: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.grants_ingest", "--phase", phase, str(path)],
        cwd=ROOT,
        env={**os.environ, "BENCH_DATABASE_URL": db_url},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=6000)
    parser.add_argument("--small", type=int, default=1500)
    parser.add_argument("--phase")
    parser.add_argument("path", nargs="?")
    args = parser.parse_args()
    db_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    if args.phase:
        path = Path(args.path)
        result = {
            "lxml": lambda: phase_lxml(path),
            "domain": lambda: phase_domain(path),
            "full": lambda: phase_full(path, db_url),
        }[args.phase]()
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "ipg_bench.xml", Path(tmp) / "ipg_bench_small.xml"
        generate(big, args.docs)
        generate(small, args.small)
        mb = big.stat().st_size / 1e6
        print(f"file: {args.docs} documents, {mb:.1f} MB", flush=True)
        results: dict[str, dict[str, Any]] = {}
        for phase in ("lxml", "domain"):
            results[phase] = _in_subprocess(phase, big, db_url)
        _fresh_database(db_url)
        results["full"] = _in_subprocess("full", big, db_url)
        _fresh_database(db_url)
        results["full-small"] = _in_subprocess("full", small, db_url)
        sizes = {"full-small": small.stat().st_size / 1e6}
    for name, r in results.items():
        size = sizes.get(name, mb)
        print(
            f"{name:>10}: {r['docs']:>6} docs {r['seconds']:7.1f} s"
            f"  {size / r['seconds']:6.2f} MB/s  {r['docs'] / r['seconds']:7.0f} docs/s"
            f"  peak RSS {r['rss_mb']:.0f} MB"
            + (f" (+ parser {r['child_rss_mb']:.0f} MB)" if "child_rss_mb" in r else "")
            + (f"  ({r['status']}, inserted {r['inserted']})" if "status" in r else "")
        )
    ratio = (mb / results["full"]["seconds"]) / (mb / results["lxml"]["seconds"])
    print(f"full ingest / plain lxml parse throughput: {ratio:.1%}")


if __name__ == "__main__":
    main()
