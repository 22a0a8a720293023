"""Outgoing mail over SMTP (settings smtp_*): mailhog in compose, a printing sink in
`patentrack up`, a real aiosmtpd server in tests.

Mails are sent after the request's transaction commits (never for a rolled-back
change). A failure is logged without the message body: bodies carry one-time links.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
from email.message import EmailMessage

from patentrack.settings import Settings

log = logging.getLogger("patentrack.mail")
SMTP_TIMEOUT_S = 10


def _send_blocking(settings: Settings, message: EmailMessage) -> None:
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_S) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username and settings.smtp_password:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        smtp.send_message(message)


async def send_mail(settings: Settings, *, to: str, subject: str, body: str) -> bool:
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    try:
        await asyncio.to_thread(_send_blocking, settings, message)
    except (OSError, smtplib.SMTPException):
        log.error("mail not sent", extra={"subject": subject}, exc_info=True)
        return False
    return True
