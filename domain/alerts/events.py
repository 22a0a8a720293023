"""Customer alert events (D2) and their standard JSON envelope (issue 7).

One event per type per pipeline run, carrying the items that changed (capped at
MAX_ITEMS, with the full `count`): a large ingest touching hundreds of assets is one
delivery per webhook and type, not hundreds. The event id is derived from the run and
the type, so emitting a run's events twice can never deliver them twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventType(StrEnum):
    NEW_CONVEYANCE = "new_conveyance"
    NEW_LIEN = "new_lien"
    LIEN_RELEASED = "lien_released"
    TITLE_BROKEN = "title_broken"
    PIPELINE_FINISHED = "pipeline_finished"


PING = "ping"  # POST /webhooks/{id}/test; not subscribable, always delivered to that hook
MAX_ITEMS = 100
_EVENT_NS = uuid.UUID("3f0c1c9e-6d0b-4f64-9a55-0d7a4c3b8e21")


def event_id(run_id: uuid.UUID, event_type: str) -> uuid.UUID:
    """Deterministic per (run, type): the delivery table's unique key makes emitting idempotent."""
    return uuid.uuid5(_EVENT_NS, f"{run_id}:{event_type}")


def envelope(
    *,
    event_type: str,
    event: uuid.UUID,
    org_id: uuid.UUID,
    created_at: datetime,
    data: dict[str, Any],
) -> dict[str, Any]:
    """The standard body: `{id, type, createdAt, organizationId, data}` (camelCase, §1.1)."""
    return {
        "id": str(event),
        "type": event_type,
        "createdAt": created_at.isoformat(),
        "organizationId": str(org_id),
        "data": data,
    }


def item_data(run_id: uuid.UUID, items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """`data` of an item event: the first MAX_ITEMS items and how many there were."""
    ordered = sorted(items, key=lambda i: str(i.get("key", "")))
    return {
        "runId": str(run_id),
        "count": len(items),
        "truncated": len(items) > MAX_ITEMS,
        "items": [{k: v for k, v in i.items() if k != "key"} for i in ordered[:MAX_ITEMS]],
    }


def ping_data(webhook_id: uuid.UUID) -> dict[str, Any]:
    return {"webhookId": str(webhook_id), "message": "PatenTrack webhook test"}
