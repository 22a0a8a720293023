"""The admin panel of the SPA in headless Chromium against the real backend (issues 8, 9).

Same harness as test_spa_e2e.py: `patentrack up` with the demo data on a database of its
own, the built SPA from the API's origin, then `frontend/e2e/admin.mjs` (playwright-core
with the system Chromium, axe-core). The USPTO daily feed is a fake on loopback serving the
real sample file under the name of another day, so a super admin's "Run now" downloads and
loads it offline while the page shows its progress and completion live.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from redis import Redis

from patentrack.demo import DEMO_ASSIGNMENTS
from patentrack.embedded import free_port
from tests.e2e.test_spa_e2e import (  # the shared harness
    _env,
    _wait_demo_pipeline,
    _wait_ready,
    e2e_database,  # noqa: F401  (fixture)
)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
DAY = "2016-01-02"  # not the demo's own day, so the file is new to the database
FLOWS = {
    "super_admin_ingestion_live",
    "org_admin_rebuild_live",
    "member_no_admin",
    "admin_phone_screens",
}
SCREENS = {"overview", "ingestion", "jobs", "freshness", "organizations", "pipeline"}


class _Feed(BaseHTTPRequestHandler):
    """The PASDL daily files: only ad20160102.zip exists (the sample's bytes)."""

    body = DEMO_ASSIGNMENTS.read_bytes()
    requests: list[str] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        if self.path.rstrip("/").endswith(f"ad{DAY.replace('-', '')}.zip"):
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(self.body)))
            self.end_headers()
            self.wfile.write(self.body)
            return
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def fake_uspto() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/files/PASDL/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def admin_backend(
    e2e_database: str,  # noqa: F811
    redis_url: str,
    tmp_path: Path,
    fake_uspto: str,
) -> Iterator[str]:
    """`patentrack up` (development: the demo super admin exists, no MFA) whose daily
    assignment feed is the fake above; small batches so the load reports progress."""
    assert (ROOT / "frontend/dist/index.html").exists(), "build the SPA first (make spa)"
    Redis.from_url(redis_url).flushdb()  # no rate-limit windows or sessions of earlier tests
    port = free_port()
    env = _env(e2e_database, redis_url, tmp_path / "data", port)
    env.update({"USPTO_ASSIGNMENT_BASE_URL": fake_uspto, "INGEST_BATCH_SIZE": "20"})
    env.pop("USPTO_API_KEY", None)
    log = tmp_path / "up.log"
    with log.open("w") as handle:
        proc = subprocess.Popen(
            [str(ROOT / ".venv/bin/patentrack"), "up", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            url = _wait_ready(proc, log)
            _wait_demo_pipeline(url)
            yield url
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
                try:
                    proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=10)


@pytest.mark.timeout(900)
def test_admin_panel_flows_in_headless_chromium(admin_backend: str) -> None:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package"
    node = shutil.which("node")
    assert node, "node is missing"
    ARTIFACTS.mkdir(exist_ok=True)
    result_file = ARTIFACTS / "e2e-admin-result.json"
    result_file.unlink(missing_ok=True)
    for old in (ARTIFACTS / "screenshots").glob("admin-*.png"):
        old.unlink()
    run = subprocess.run(
        [node, "e2e/admin.mjs", admin_backend, str(ARTIFACTS), DAY],
        cwd=ROOT / "frontend",
        env={**os.environ, "CHROMIUM_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=780,
    )
    assert result_file.exists(), f"no result:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    result = json.loads(result_file.read_text())
    failed = {name: flow["error"] for name, flow in result["flows"].items() if not flow["ok"]}
    assert failed == {}, json.dumps(failed, indent=2)[:6000]
    assert set(result["flows"]) == FLOWS
    assert run.returncode == 0, run.stderr[-3000:]

    # (1) The ingestion was downloaded from the fake feed and watched to completion live.
    assert any(p.endswith(f"ad{DAY.replace('-', '')}.zip") for p in _Feed.requests)
    ingest = result["flows"]["super_admin_ingestion_live"]["details"]
    assert "completed" in ingest["statusesSeen"] and ingest["records"] > 0
    assert ingest["progressEvents"] >= 2
    # (2) A new run, known to the page only through the stream, completed every step.
    rebuild = result["flows"]["org_admin_rebuild_live"]["details"]
    assert rebuild["runId"] and rebuild["runId"] != rebuild["previousRunId"]
    assert "success" in rebuild["statusesSeen"] and rebuild["historySteps"] == 8
    # (3) A member reaches no admin screen; the API refuses it too.
    member = result["flows"]["member_no_admin"]["details"]
    assert set(member["reached"].values()) == {"Access denied"} and member["apiStatus"] == 403

    serious = {screen: found for screen, found in result["axe"].items() if found}
    assert serious == {}, json.dumps(serious, indent=2)[:6000]
    assert {f"admin-{s}" for s in SCREENS} <= set(result["axe"])
    shots = {p.stem for p in (ARTIFACTS / "screenshots").glob("admin-*.png")}
    wanted = {f"admin-{s}-{size}" for s in SCREENS for size in ("desktop", "phone")}
    assert shots >= wanted, f"missing screenshots: {wanted - shots}"
