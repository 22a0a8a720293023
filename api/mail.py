"""Outgoing mail over SMTP (settings smtp_*): mailhog in compose, a printing sink in
`patentrack up`, a real aiosmtpd server in tests.

Mails are sent after the request's transaction commits (never for a rolled-back
change). A failure is logged without the message body: bodies carry one-time links.
"""

from __future__ import annotations

import logging

from patentrack.settings import Settings
from patentrack.smtp import send_text

log = logging.getLogger("patentrack.mail")


async def send_mail(settings: Settings, *, to: str, subject: str, body: str) -> bool:
    return await send_text(
        settings, to=to, subject=subject, body=body, log=log, failure="mail not sent"
    )
