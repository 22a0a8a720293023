"""`patentrack up`: run the API, the worker and the scheduler, and stop them all together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence

STOP_TIMEOUT_S = 30


class Supervisor:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.children: dict[str, subprocess.Popen[bytes]] = {}
        self._stopping = False

    def spawn(self, name: str, args: Sequence[str]) -> None:
        self.children[name] = subprocess.Popen(  # noqa: S603 (our own CLI)
            [sys.executable, "-m", "patentrack", *args],
            env=self.env,
            # Own process group: a terminal Ctrl-C reaches only us, and we stop the
            # children in order (API first, so no request is cut mid-transaction).
            start_new_session=True,
        )

    def first_exited(self) -> str | None:
        for name, proc in self.children.items():
            if proc.poll() is not None:
                return name
        return None

    def stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        for proc in self.children.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for proc in self.children.values():
            remaining = max(0.1, deadline - time.monotonic())
            try:
                proc.wait(remaining)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def install_signal_handlers() -> None:
    """Turn SIGTERM into KeyboardInterrupt so both stop paths run the same cleanup."""

    def _raise(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _raise)
