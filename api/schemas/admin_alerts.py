"""Operations alerts as recorded by the evaluator (issue 9)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from api.schemas.common import CamelModel


class OpsAlertStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class OpsAlertOut(CamelModel):
    id: uuid.UUID
    condition_key: str
    kind: str
    status: OpsAlertStatus
    title: str
    details: dict[str, Any]
    opened_at: datetime
    resolved_at: datetime | None
    last_notified_at: datetime | None
    notify_count: int
