"""The account mails. Links carry the token in the URL fragment, which browsers never send
to a server or put in a Referer, so the token reaches only the SPA (api.md §2.1)."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession

from api.mail import send_mail
from db.session import after_commit
from patentrack.settings import Settings


def link(settings: Settings, page: str, token: str) -> str:
    return f"{settings.app_url.rstrip('/')}/{page}#token={token}"


# Strong references to in-flight sends (the event loop keeps only weak ones).
_SENDING: set[asyncio.Task[bool]] = set()


def queue_mail(db: AsyncSession, settings: Settings, *, to: str, subject: str, body: str) -> None:
    """Send once the request's transaction has committed (no mail for a rolled-back change).

    The send is not awaited by the request: SMTP latency must not tell a caller whether
    an address has an account (forgot-password, register, resend answer uniformly).
    """

    async def _send() -> None:
        task = asyncio.create_task(send_mail(settings, to=to, subject=subject, body=body))
        _SENDING.add(task)
        task.add_done_callback(_SENDING.discard)

    after_commit(db, _send)


def verify_email(settings: Settings, token: str) -> tuple[str, str]:
    return (
        "Confirm your PatenTrack e-mail address",
        "Welcome to PatenTrack.\n\nConfirm your e-mail address within one hour:\n"
        f"{link(settings, 'verify-email', token)}\n",
    )


def reset_password(settings: Settings, token: str) -> tuple[str, str]:
    return (
        "Reset your PatenTrack password",
        "Someone asked to reset the password of this PatenTrack account.\n\n"
        f"Choose a new password within one hour:\n{link(settings, 'reset-password', token)}\n\n"
        "If it was not you, ignore this mail; your password stays as it is.\n",
    )


def invite(settings: Settings, token: str, org_name: str) -> tuple[str, str]:
    return (
        f"You are invited to {org_name} on PatenTrack",
        f"You have been invited to join {org_name} on PatenTrack.\n\n"
        f"Set your password within seven days:\n{link(settings, 'accept-invite', token)}\n",
    )


def account_exists(settings: Settings) -> tuple[str, str]:
    # R22: registering an existing e-mail answers like a new one; the owner learns here.
    return (
        "PatenTrack: someone tried to register with your e-mail",
        "Someone tried to create a PatenTrack account with this e-mail address, which "
        "already has one.\n\nIf you forgot your password, reset it here:\n"
        f"{settings.app_url.rstrip('/')}/forgot-password\n",
    )
