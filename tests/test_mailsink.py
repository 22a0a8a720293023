"""The development SMTP sink prints the links of the mails it receives."""

from __future__ import annotations

import io
import smtplib
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from rich.console import Console

from patentrack.embedded import free_port
from patentrack.mailsink import PrintingHandler


def test_sink_prints_recipient_subject_and_links() -> None:
    out = io.StringIO()
    port = free_port()
    controller = Controller(
        PrintingHandler(Console(file=out, width=200)), hostname="127.0.0.1", port=port
    )
    controller.start()
    try:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "a@x.dev", "b@y.dev", "Reset"
        message.set_content("Go here:\nhttp://127.0.0.1:8000/reset-password#token=abc123\n")
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            smtp.send_message(message)
        for _ in range(100):
            if "token=abc123" in out.getvalue():
                break
            time.sleep(0.02)
    finally:
        controller.stop()
    printed = out.getvalue()
    assert "b@y.dev" in printed and "Reset" in printed
    assert "http://127.0.0.1:8000/reset-password#token=abc123" in printed
