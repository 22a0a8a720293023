"""The SPA in headless Chromium against the real backend with the demo data (issue 8).

`patentrack up` runs on a fresh database of the test PostgreSQL server and the test Redis,
seeds the demo organization from the real USPTO sample file and runs its pipeline; the
built SPA is served from the API's origin. `frontend/e2e/run.mjs` (playwright-core with the
system Chromium, axe-core) then drives the flows and writes a JSON result, screenshots at
1280x800 and 375x812 go to `artifacts/screenshots/`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from redis import Redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from db.migrate import sync_url
from patentrack.embedded import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
READY_TIMEOUT_S = 240
FLOWS = {
    "login_and_dashboard",
    "asset_diagram",
    "share_create_view_revoke",
    "phone_screens",
    "member_cannot_reach_admin",
    "admin_rebuild_live_steps",
    "customer_screens",
}
SCREENSHOTS = {
    "dashboard-desktop",
    "dashboard-phone",
    "assets-desktop",
    "assets-phone",
    "asset-diagram-desktop",
    "asset-diagram-phone",
    "share-diagram-desktop",
    "share-diagram-phone",
    "share-revoked-phone",
}


@pytest.fixture
def e2e_database(admin_url: str) -> Iterator[str]:
    """A database of its own on the test server, dropped afterwards (`up` migrates it)."""
    name = f"patentrack_spa_e2e_{os.getpid()}"
    url = make_url(admin_url).set(database=name)
    maintenance = create_engine(
        sync_url(make_url(admin_url).set(database="postgres")), isolation_level="AUTOCOMMIT"
    )
    with maintenance.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    yield url.render_as_string(hide_password=False)
    with maintenance.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    maintenance.dispose()


def _env(database_url: str, redis_url: str, data_dir: Path, port: int) -> dict[str, str]:
    drop = {"TEST_DATABASE_URL", "TEST_REDIS_URL", "JWT_SECRET", "ENVIRONMENT", "APP_URL"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "DATA_DIR": str(data_dir),
            "PORT": str(port),
            "PYTHONUNBUFFERED": "1",
            # The flows sign in about ten times a minute from one IP (admin, member, the
            # fixture's own check), more than the 5/min per-IP login limit allows a person.
            "RATE_LIMIT_SCALE": "10",
        }
    )
    return env


@pytest.fixture
def backend(e2e_database: str, redis_url: str, tmp_path: Path) -> Iterator[str]:
    """`patentrack up` with the demo data; yields its URL once the demo pipeline has run."""
    assert (ROOT / "frontend/dist/index.html").exists(), "build the SPA first (make spa)"
    # A clean Redis db: earlier tests' rate-limit windows and sessions must not leak in.
    Redis.from_url(redis_url).flushdb()
    port = free_port()
    log = tmp_path / "up.log"
    handle = log.open("w")
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/patentrack"), "up", "--port", str(port)],
        cwd=ROOT,
        env=_env(e2e_database, redis_url, tmp_path / "data", port),
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
        handle.close()


def _wait_ready(proc: subprocess.Popen[str], log: Path) -> str:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        for line in log.read_text().splitlines():
            if line.startswith("{") and '"event": "ready"' in line:
                return str(json.loads(line)["url"])
        if proc.poll() is not None:
            pytest.fail(f"patentrack up exited early:\n{log.read_text()[-4000:]}")
        time.sleep(0.5)
    pytest.fail(f"patentrack up did not become ready:\n{log.read_text()[-4000:]}")


def _wait_demo_pipeline(url: str) -> None:
    client = httpx.Client(base_url=url, timeout=10, headers={"Origin": url})
    login = client.post(
        "/api/v1/auth/login",
        json={"email": "member@demo.patentrack.dev", "password": "DemoMember2026"},
    )
    assert login.status_code == 200, login.text
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if client.get("/api/v1/dashboards/summary").json()["data"]["metrics"]:
            return
        time.sleep(1)
    pytest.fail("the demo organization's pipeline did not produce a summary")


@pytest.mark.timeout(900)
def test_spa_flows_in_headless_chromium(backend: str) -> None:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package"
    node = shutil.which("node")
    assert node, "node is missing"
    # Only this test's own screenshots: the admin e2e test writes beside them.
    for name in SCREENSHOTS:
        (ARTIFACTS / "screenshots" / f"{name}.png").unlink(missing_ok=True)
    ARTIFACTS.mkdir(exist_ok=True)
    run = subprocess.run(
        [node, "e2e/run.mjs", backend, str(ARTIFACTS)],
        cwd=ROOT / "frontend",
        env={**os.environ, "CHROMIUM_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=780,
    )
    result_file = ARTIFACTS / "e2e-result.json"
    assert result_file.exists(), f"no result:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    result = json.loads(result_file.read_text())
    failed = {name: flow["error"] for name, flow in result["flows"].items() if not flow["ok"]}
    assert failed == {}, json.dumps(failed, indent=2)[:6000]
    assert set(result["flows"]) == FLOWS
    assert run.returncode == 0, run.stderr[-3000:]

    # The dashboard shows the API's figures; the diagram draws the payload's boxes and edges.
    dash = result["flows"]["login_and_dashboard"]["details"]
    assert dash["shown"] == dash["expected"] and dash["expected"]["totalAssets"] > 0
    diagram = result["flows"]["asset_diagram"]["details"]
    assert diagram["boxes"] == diagram["expected"]["boxes"] > 0
    assert diagram["edges"] == diagram["expected"]["edges"] > 0
    share = result["flows"]["share_create_view_revoke"]["details"]
    assert share["sharedBoxes"] > 0 and share["revokedTitle"] == "Link not found"
    assert share["phoneWidth"] <= 376
    rebuild = result["flows"]["admin_rebuild_live_steps"]["details"]
    # A new run, known to the page only through the event stream, completed every step.
    assert rebuild["runId"] and rebuild["runId"] != rebuild["previousRunId"]
    assert "success" in rebuild["statusesSeen"]

    # axe-core: no serious or critical violations on the main screens.
    assert {"dashboard", "assets", "asset-overview", "asset-diagram", "share-diagram"} <= set(
        result["axe"]
    )
    serious = {screen: found for screen, found in result["axe"].items() if found}
    assert serious == {}, json.dumps(serious, indent=2)[:6000]

    shots = {p.stem for p in (ARTIFACTS / "screenshots").glob("*.png")}
    assert shots >= SCREENSHOTS, f"missing screenshots: {SCREENSHOTS - shots}"
