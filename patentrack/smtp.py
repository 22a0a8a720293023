"""One plain-text mail over the configured SMTP server (settings smtp_*), shared by the
API's account mails (api/mail.py) and the worker's alert mails (worker/alerts/transport.py).

A failure is logged without the message body: bodies may carry one-time links.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
from email.message import EmailMessage

from patentrack.settings import Settings

SMTP_TIMEOUT_S = 10


def send_blocking(settings: Settings, message: EmailMessage) -> None:
    """One message over the configured SMTP server; raises on failure (callers decide)."""
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_S) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username and settings.smtp_password:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        smtp.send_message(message)


async def send_text(
    settings: Settings, *, to: str, subject: str, body: str, log: logging.Logger, failure: str
) -> bool:
    """Send one mail off the event loop; False (logged on `log` as `failure`) when it failed."""
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    try:
        await asyncio.to_thread(send_blocking, settings, message)
    except (OSError, smtplib.SMTPException):
        log.error(failure, extra={"subject": subject}, exc_info=True)
        return False
    return True
