"""Customer webhooks (D2, issue 7): registration, deliveries, replay."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from api.schemas.common import CamelModel
from domain.alerts.events import EventType
from domain.alerts.targets import MAX_URL_LENGTH

WebhookUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_URL_LENGTH)
]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
EventTypes = Annotated[list[EventType], Field(min_length=1, max_length=len(EventType))]


class WebhookFormat(StrEnum):
    STANDARD = "standard"
    SLACK = "slack"  # Slack incoming-webhook body: {"text", "blocks"}


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class WebhookCreate(CamelModel):
    url: WebhookUrl
    event_types: EventTypes
    format: WebhookFormat = WebhookFormat.STANDARD
    description: Description | None = None
    active: bool = True


class WebhookUpdate(CamelModel):
    """Only the fields sent change; the secret never changes here."""

    url: WebhookUrl | None = None
    event_types: EventTypes | None = None
    format: WebhookFormat | None = None
    description: Description | None = None
    active: bool | None = None


class WebhookOut(CamelModel):
    id: uuid.UUID
    url: str
    event_types: list[EventType]
    format: WebhookFormat
    description: str | None
    active: bool
    created_by: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class WebhookCreated(WebhookOut):
    """The create response: the only time the signing secret is ever returned."""

    secret: str = Field(
        description="HMAC-SHA256 key of X-PatenTrack-Signature; shown once, store it now."
    )


class DeliveryAttempt(CamelModel):
    attempt: int
    at: datetime
    status_code: int | None = None
    error: str | None = None
    duration_ms: int | None = None


class DeliveryOut(CamelModel):
    id: uuid.UUID
    webhook_id: uuid.UUID
    event_type: str
    event_id: uuid.UUID
    status: DeliveryStatus
    attempts: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    attempt_log: list[DeliveryAttempt]
    payload: dict[str, Any]
