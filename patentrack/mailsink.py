"""A local SMTP sink for `patentrack up`: prints each mail's recipient, subject and links.

Development only: the one-command start has no mail server, yet sign-up, reset and
invite flows must be usable, so their links are printed where the developer looks.
"""

from __future__ import annotations

import re
import signal
import threading
from email import message_from_bytes
from typing import Any

from aiosmtpd.controller import Controller
from rich.console import Console

_LINK = re.compile(r"https?://\S+")


class PrintingHandler:
    def __init__(self, console: Console) -> None:
        self.console = console

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content)
        payload = message.get_payload(decode=True)
        body = payload.decode(errors="replace") if isinstance(payload, bytes) else ""
        self.console.print(f"[bold]mail[/] to {message['To']}: {message['Subject']}")
        for link in _LINK.findall(body):
            self.console.print(f"  {link}", soft_wrap=True)
        return "250 OK"


def run(host: str, port: int) -> None:
    """Serve until SIGTERM/SIGINT."""
    console = Console(stderr=True)
    controller = Controller(PrintingHandler(console), hostname=host, port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        stop.wait()
    finally:
        controller.stop()
