"""API latency benchmark (issue 7): 1,000,000 assets and 5,000,000 conveyances across 100
organizations; p50/p95/p99 and throughput of the asset list, asset detail, dashboard
summary and diagram endpoints at 50 concurrent clients, against the same queries through
bare asyncpg (benchmarks/api_floor.py) as the floor.

    .venv/bin/python -m benchmarks.api_latency seed      # once: ~15 min, ~15 GB
    .venv/bin/python -m benchmarks.api_latency run [--seconds 20] [--connections 50]

Needs `wrk` (Debian package `wrk`) as the load tool: a compiled client on loopback, so the
load generator does not compete with the servers for the GIL. BENCH_DATABASE_URL (default
postgresql://postgres@127.0.0.1:5432/patentrack_bench_api) must be a superuser URL;
BENCH_REDIS_URL defaults to redis://127.0.0.1:6379/9 (flushed).
Both servers run as one uvicorn process each (one event loop), with a pool of 10.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/patentrack_bench_api"
DEFAULT_REDIS = "redis://127.0.0.1:6379/9"
ORGS = 100
PASSWORD = "BenchUser2026!"  # noqa: S105 (a throwaway benchmark account)
ROOT = Path(__file__).resolve().parents[1]

WRK_SCRIPT = r"""
local reqs = {}
local i = 0
init = function(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t?(.*)$")
    local headers = {}
    if cookie ~= nil and cookie ~= "" then headers["Cookie"] = cookie end
    reqs[#reqs + 1] = wrk.format("GET", path, headers)
  end
  math.randomseed(os.time() + #tostring({}))
  i = math.random(#reqs)
end
request = function()
  i = i % #reqs + 1
  return reqs[i]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"p50_us":%d,"p95_us":%d,"p99_us":%d,"requests":%d,"duration_us":%d,'
    .. '"socket_errors":%d,"non_2xx":%d}\n',
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def _raw(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def seed(url: str, orgs_count: int = ORGS) -> None:
    import asyncpg
    from redis.asyncio import Redis
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from benchmarks import pipeline as bench_pipeline
    from benchmarks.api_seed import replicate
    from db.engine import make_engine, make_sessionmaker
    from db.migrate import sync_url, upgrade
    from db.roles import WORKER_ROLE, role_url
    from domain.passwords import hash_password

    maintenance = create_engine(
        sync_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with maintenance.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    maintenance.dispose()
    upgrade(url)
    raw = _raw(url)
    started = time.perf_counter()
    org0, gen = await bench_pipeline.build(raw, 10_000, 5)
    conn = await asyncpg.connect(raw)
    try:
        # Titles, so the list's title sort and search have something to work on.
        await conn.execute(
            "UPDATE document_ids SET title = 'System and method for '"
            " || (ARRAY['wireless','optical','battery','neural','fluid','polymer'])"
            "[1 + (hashtext(appno_doc_num) & 5)] || ' ' || appno_doc_num"
        )
    finally:
        await conn.close()
    engine = make_engine(role_url(url, WORKER_ROLE, None), pool_size=6)
    redis = Redis.from_url(os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    try:
        run = await bench_pipeline.timed_run(make_sessionmaker(engine), redis, org0)
    finally:
        await redis.aclose()
        await engine.dispose()
    print(f"organization 0: {len(gen.assignments)} conveyances, pipeline {run['seconds']} s")
    conn = await asyncpg.connect(raw)
    try:
        orgs = [org0, *await replicate(conn, org0, orgs_count - 1)]
        password_hash = hash_password(PASSWORD)
        await conn.executemany(
            "INSERT INTO users (organization_id, email, password_hash, role, status,"
            " email_verified_at) VALUES ($1, $2, $3, 'org_member', 'active', now())",
            [(org, f"bench{k}@bench.patentrack.dev", password_hash) for k, org in enumerate(orgs)],
        )
        print("vacuum analyze ...")
        await conn.execute("VACUUM ANALYZE")
        counts = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM assets) AS assets,"
            " (SELECT count(*) FROM assignments) AS conveyances,"
            " (SELECT count(*) FROM organizations) AS orgs,"
            " pg_size_pretty(pg_database_size(current_database())) AS size"
        )
    finally:
        await conn.close()
    print(json.dumps({**dict(counts), "seconds": round(time.perf_counter() - started)}))


def _serve(
    argv: list[str], env: dict[str, str], port: int, workers: int = 1
) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            *argv,
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import httpx

    for _ in range(120):
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"server on port {port} did not start")


def _wrk(
    url: str, lines: list[str], seconds: int, connections: int, script: Path
) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(lines) + "\n")
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
            "--",
            f.name,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(f.name)
    result = json.loads(out.strip().splitlines()[-1])
    rps = result["requests"] / (result["duration_us"] / 1e6)
    return {
        "p50_ms": round(result["p50_us"] / 1000, 1),
        "p95_ms": round(result["p95_us"] / 1000, 1),
        "p99_ms": round(result["p99_us"] / 1000, 1),
        "rps": round(rps),
        "errors": result["socket_errors"] + result["non_2xx"],
    }


async def _targets(url: str) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, list[uuid.UUID]]]:
    """Each org's benchmark user (e-mail) and 20 of its assets, picked by hash."""
    import asyncpg

    conn = await asyncpg.connect(_raw(url))
    try:
        users = {
            r[0]: r[1]
            for r in await conn.fetch(
                "SELECT organization_id, email FROM users WHERE email LIKE 'bench%' ORDER BY email"
            )
        }
        assets: dict[uuid.UUID, list[uuid.UUID]] = {}
        for org in users:
            rows = await conn.fetch(
                "SELECT id FROM assets WHERE organization_id = $1 ORDER BY md5(id::text) LIMIT 20",
                org,
            )
            assets[org] = [r[0] for r in rows]
    finally:
        await conn.close()
    return users, assets


def run(
    url: str, seconds: int, connections: int, workers: int = 1, only: list[str] | None = None
) -> dict[str, Any]:
    import httpx

    from db.roles import APP_ROLE, role_url

    users, assets = asyncio.run(_targets(url))
    orgs = list(users)
    api_port, floor_port = 8701, 8702
    jwt_secret = secrets.token_urlsafe(48)
    api_env = {
        "ENVIRONMENT": "development",
        "DATABASE_URL": url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS),
        "JWT_SECRET": jwt_secret,
        "RATE_LIMIT_SCALE": "1000",
        "LOG_LEVEL": "WARNING",
    }
    app_url = _raw(role_url(url, APP_ROLE, None).render_as_string(hide_password=False))
    script = Path(tempfile.mkdtemp()) / "rotate.lua"
    script.write_text(WRK_SCRIPT)
    api = _serve(["api.app:create_app", "--factory"], api_env, api_port, workers)
    floor = _serve(
        ["benchmarks.api_floor:app"], {"BENCH_APP_DATABASE_URL": app_url}, floor_port, workers
    )
    try:
        cookies: dict[uuid.UUID, str] = {}
        with httpx.Client(base_url=f"http://127.0.0.1:{api_port}") as client:
            for org, email in users.items():
                client.cookies.clear()
                r = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
                r.raise_for_status()
                cookies[org] = f"access_token={client.cookies.get('access_token')}"
        rng = random.Random(7)
        pairs = [(org, a) for org in orgs for a in assets[org]]
        rng.shuffle(pairs)
        shuffled_orgs = orgs * 5
        rng.shuffle(shuffled_orgs)
        ours = {
            "asset list": [f"/api/v1/assets?limit=50\t{cookies[o]}" for o in shuffled_orgs],
            "asset detail": [f"/api/v1/assets/{a}\t{cookies[o]}" for o, a in pairs],
            "dashboard summary": [
                f"/api/v1/dashboards/summary\t{cookies[o]}" for o in shuffled_orgs
            ],
            "diagram": [f"/api/v1/assets/{a}/diagram\t{cookies[o]}" for o, a in pairs],
        }
        bare = {
            "asset list": [f"/list?org={o}" for o in shuffled_orgs],
            "asset detail": [f"/detail?org={o}&id={a}" for o, a in pairs],
            "dashboard summary": [f"/summary?org={o}" for o in shuffled_orgs],
            "diagram": [f"/diagram?org={o}&id={a}" for o, a in pairs],
        }
        # Warm both (caches, pools, plans) for a few seconds before measuring.
        results: dict[str, Any] = {}
        for name in ours:
            if only and name not in only:
                continue
            _wrk(f"http://127.0.0.1:{api_port}", ours[name], 3, connections, script)
            _wrk(f"http://127.0.0.1:{floor_port}", bare[name], 3, connections, script)
            mine = _wrk(f"http://127.0.0.1:{api_port}", ours[name], seconds, connections, script)
            floor_ = _wrk(
                f"http://127.0.0.1:{floor_port}", bare[name], seconds, connections, script
            )
            results[name] = {
                "ours": mine,
                "floor": floor_,
                "throughput_vs_floor": round(mine["rps"] / max(floor_["rps"], 1), 2),
            }
            print(name, json.dumps(results[name]), flush=True)
    finally:
        for proc in (api, floor):
            proc.terminate()
            proc.wait(timeout=20)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["seed", "run"])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn processes per server")
    parser.add_argument("--only", action="append", help="run: only this endpoint (repeatable)")
    parser.add_argument(
        "--orgs", type=int, default=ORGS, help="seed: organizations (fewer for quick A/B runs)"
    )
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    if args.command == "seed":
        asyncio.run(seed(url, args.orgs))
    else:
        print(
            json.dumps(run(url, args.seconds, args.connections, args.workers, args.only), indent=2)
        )


if __name__ == "__main__":
    main()
