"""E-mail digest of ownership-change alerts (D2, issue 7): the caller's own subscription
and the org admin's list of subscribers."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import StrictBool

from api.schemas.common import CamelModel


class DigestFrequency(StrEnum):
    DAILY = "daily"  # the only schedule for now (07:00 UTC, worker/alerts/digest.py)


class AlertDigestUpdate(CamelModel):
    """Subscribe (`enabled: true`) or unsubscribe yourself."""

    enabled: StrictBool
    frequency: DigestFrequency = DigestFrequency.DAILY


class AlertDigestOut(CamelModel):
    enabled: StrictBool
    frequency: DigestFrequency
    last_sent_at: datetime | None = None
    subscribed_at: datetime | None = None


class DigestSubscriberOut(CamelModel):
    user_id: uuid.UUID
    email: str
    name: str
    frequency: DigestFrequency
    last_sent_at: datetime | None
    subscribed_at: datetime
