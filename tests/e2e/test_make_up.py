"""The README's start command, run as a new user would, with no PostgreSQL/Redis configured.

`make up` must reach ready on embedded services, serve the SPA and the API from one
origin, stop every process it started on Ctrl-C, and find its data again on restart.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from patentrack.embedded import free_port

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 240


def _env(data_dir: Path, port: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "TEST_DATABASE_URL",
            "TEST_REDIS_URL",
            "JWT_SECRET",
            "ENVIRONMENT",
        }
    }
    env.update({"DATA_DIR": str(data_dir), "PORT": str(port), "PYTHONUNBUFFERED": "1"})
    return env


class Running:
    def __init__(self, proc: subprocess.Popen[str], url: str, log: Path) -> None:
        self.proc, self.url, self.log = proc, url, log


def _start(data_dir: Path, port: int, log: Path) -> Running:
    handle = log.open("w")
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "up"],
        cwd=ROOT,
        env=_env(data_dir, port),
        stdout=handle,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, like a terminal session
    )
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        for line in log.read_text().splitlines():
            if line.startswith("{") and '"event": "ready"' in line:
                return Running(proc, json.loads(line)["url"], log)
        if proc.poll() is not None:
            pytest.fail(f"make up exited early:\n{log.read_text()[-4000:]}")
        time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)
    pytest.fail(f"make up did not become ready:\n{log.read_text()[-4000:]}")


def _stop(running: Running) -> int:
    # What Ctrl-C in a terminal does: SIGINT to the foreground process group.
    os.killpg(running.proc.pid, signal.SIGINT)
    return running.proc.wait(timeout=90)


def _leftovers(data_dir: Path) -> list[str]:
    marker = str(data_dir)
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(proc.info.get("cmdline") or [])
        if marker in cmdline:
            found.append(cmdline)
    return found


def _signed_in(
    url: str, email: str = "superadmin@demo.patentrack.dev", password: str = "DemoSuper2026"
) -> httpx.Client:
    """Log in as the SPA served from `url` would: its Origin, cookies, the CSRF header."""
    client = httpx.Client(base_url=url, timeout=10, headers={"Origin": url})
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    client.headers["X-CSRF-Token"] = response.headers["X-CSRF-Token"]
    return client


@pytest.fixture
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = Path(f"/tmp/patentrack-up-{os.getpid()}")
    path.mkdir(exist_ok=True)
    yield path
    for proc in psutil.process_iter(["cmdline"]):
        if str(path) in " ".join(proc.info.get("cmdline") or []):
            proc.kill()
    subprocess.run(["rm", "-rf", str(path)], check=False)


def test_make_up_reaches_ready_serves_spa_stops_cleanly_and_keeps_data(
    data_dir: Path, tmp_path: Path
) -> None:
    port = free_port()
    log = tmp_path / "make-up-1.log"

    first = _start(data_dir, port, log)
    ready = httpx.get(f"{first.url}/api/v1/health/ready", timeout=10)
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    page = httpx.get(f"{first.url}/", timeout=10)
    assert page.status_code == 200 and "<title>PatenTrack</title>" in page.text
    deep_link = httpx.get(f"{first.url}/assets/some/deep/link", timeout=10)
    assert deep_link.status_code == 200 and '<div id="root">' in deep_link.text
    output = log.read_text()
    assert "admin@demo.patentrack.dev" in output and "member@demo.patentrack.dev" in output

    assert "superadmin@demo.patentrack.dev" in output  # development seeds a super admin
    # A probe (super admin only) proves the worker runs and leaves a row to find later.
    admin = _signed_in(first.url)
    assert httpx.post(f"{first.url}/api/v1/system/probes", json={}, timeout=10).status_code == 401
    job_id = admin.post("/api/v1/system/probes", json={"note": "survives"}).json()["data"]["jobId"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = admin.get(f"/api/v1/system/probes/{job_id}")
        if status.json()["data"]["status"] == "complete":
            break
        time.sleep(0.5)
    else:
        pytest.fail("the worker did not complete the probe")

    # A member sees real chains of title: the sample file loaded and the demo pipeline ran.
    member = _signed_in(first.url, "member@demo.patentrack.dev", "DemoMember2026")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        summary = member.get("/api/v1/dashboards/summary").json()["data"]
        if summary["metrics"]:
            break
        time.sleep(1)
    else:
        pytest.fail("the demo organization's pipeline did not produce a summary")
    assert summary["metrics"][0]["totalAssets"] > 0 and summary["brokenTitles"] > 0
    assets = member.get("/api/v1/assets").json()
    assert assets["total"] > 0 and all(a["applicationNumber"] for a in assets["data"])

    # make, interrupted, exits by the signal (-2) or reports it (2 or 130)
    assert _stop(first) in (0, 2, 130, -2)
    assert "stopped" in log.read_text()
    time.sleep(1)
    assert _leftovers(data_dir) == [], "processes survived Ctrl-C"

    second = _start(data_dir, port, tmp_path / "make-up-2.log")
    try:
        again = _signed_in(second.url).get(f"/api/v1/system/probes/{job_id}")
        assert again.json()["data"]["status"] == "complete", "data did not survive a restart"
        # Demo seeding is idempotent: the restart did not fail on existing users.
        assert "member@demo.patentrack.dev" in second.log.read_text()
    finally:
        _stop(second)
    time.sleep(1)
    assert _leftovers(data_dir) == []
