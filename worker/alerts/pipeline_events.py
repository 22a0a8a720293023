"""Customer alert events at the end of a pipeline run (D2, issue 7).

Called once from the run's finish transaction (worker/pipeline/runner.py), so the
snapshot move, the delivery rows and the run's success commit together; the delivery
jobs are queued after that commit (D17).

The diff is against `alert_snapshots` (what the previous finished run showed):
- `new_conveyance`: an rf_id newly linked to a watched asset (org_assignments);
- `new_lien` / `lien_released`: an open lien appeared / disappeared while its asset is
  still in the portfolio (open_liens);
- `title_broken`: an asset's chain became broken (broken_title_chains);
- `pipeline_finished`: every run, with the counts above.

"Watched" means the asset was already in the portfolio at the previous run: adding a
company or asset brings its whole history, which is not news. An org with neither an
active webhook nor a digest subscriber keeps no snapshot; the first run after one
appears sets the baseline silently (only `pipeline_finished` goes out).

The four ownership-change events are also appended to `alert_events` (migration 0011),
each item with `assetRefs` (`[{id, number}]`, links for the daily e-mail digest,
worker/alerts/digest.py); webhook payloads stay as they were (no asset ids).
`pipeline_finished` is a webhook heartbeat, not a change, so it is not recorded.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from arq import ArqRedis
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from db.repos import alert_digests as digests
from db.repos import alert_snapshots as snaps
from db.repos import webhooks as repo
from db.session import after_commit
from domain.alerts.events import EventType, envelope, event_id, item_data
from worker.alerts.delivery import enqueue_attempt
from worker.jobs import JobQueue

log = logging.getLogger("patentrack.alerts")

Item = tuple[str, dict[str, Any] | None]


def _watched(items: Iterable[Item], new_assets: set[str]) -> list[dict[str, Any]]:
    """Items touching at least one asset that was already watched, as event items."""
    found = []
    for key, detail in items:
        detail = detail or {}
        assets = {str(a) for a in detail.get("assetIds") or []}
        if assets - new_assets:
            found.append({"key": key, **detail})  # assetIds: dropped per audience below
    return found


def _without_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Webhook items: the documented payload has numbers, not our internal asset ids."""
    return [{k: v for k, v in i.items() if k != "assetIds"} for i in items]


async def _with_refs(
    session: AsyncSession, org_id: uuid.UUID, items: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Digest items: `assetIds` become `assetRefs` `[{id, number}]` (links to asset pages)."""
    ids = [str(a) for i in items for a in i.get("assetIds") or []]
    numbers = await digests.asset_numbers(session, org_id, ids)
    return [
        {
            **{k: v for k, v in i.items() if k != "assetIds"},
            "assetRefs": [
                {"id": str(a), "number": numbers.get(str(a), "")} for a in i.get("assetIds") or []
            ],
        }
        for i in items
    ]


async def _changes(
    session: AsyncSession, org_id: uuid.UUID
) -> tuple[bool, dict[str, list[dict[str, Any]]]]:
    """(baseline existed, items per event type) after moving the snapshot forward."""
    baseline = await snaps.has_baseline(session, org_id)
    diffs = {kind.name: await snaps.diff(session, org_id, kind) for kind in snaps.KINDS}
    if not baseline:
        await snaps.mark_baseline(session, org_id)
        return False, {}
    new_assets = {key for key, _ in diffs[snaps.ASSETS.name].added}
    removed_liens = diffs[snaps.LIENS.name].removed
    lien_assets = [str(a) for _, d in removed_liens for a in (d or {}).get("assetIds") or []]
    live = await snaps.live_assets(session, org_id, lien_assets)
    released = [
        (k, d) for k, d in removed_liens if {str(a) for a in (d or {}).get("assetIds") or []} & live
    ]
    return True, {
        EventType.NEW_CONVEYANCE: _watched(diffs[snaps.CONVEYANCES.name].added, new_assets),
        EventType.NEW_LIEN: _watched(diffs[snaps.LIENS.name].added, new_assets),
        EventType.LIEN_RELEASED: _watched(released, set()),
        EventType.TITLE_BROKEN: _watched(diffs[snaps.BROKEN.name].added, new_assets),
    }


def _queue(queue: JobQueue | None, redis: Redis | None) -> JobQueue | None:
    if queue is not None or redis is None:
        return queue
    arq = redis if isinstance(redis, ArqRedis) else ArqRedis(connection_pool=redis.connection_pool)
    return JobQueue(arq)


async def emit_alert_events(
    session: AsyncSession,
    org_id: uuid.UUID,
    run_id: uuid.UUID,
    *,
    redis: Redis | None = None,
    queue: JobQueue | None = None,
) -> dict[str, int]:
    """Diff the finished run against the previous one, record the ownership changes for
    the e-mail digests and create the org's webhook deliveries (queued after commit;
    without a queue the sweeper picks them up). Returns how many items each event type
    carried."""
    hooks = await repo.list_active(session, org_id)
    if not hooks and not await digests.has_subscribers(session, org_id):
        await snaps.clear(session, org_id)
        return {}
    had_baseline, items = await _changes(session, org_id)
    now = datetime.now(UTC)
    counts = {str(t): len(v) for t, v in items.items()}
    recorded: list[tuple[str, dict[str, Any]]] = []
    for t, v in items.items():
        if v:  # capped first (MAX_ITEMS), so only the kept items' numbers are looked up
            data = item_data(run_id, v)
            recorded.append(
                (str(t), {**data, "items": await _with_refs(session, org_id, data["items"])})
            )
    await digests.record_events(session, org_id, run_id, recorded)
    events: list[tuple[str, dict[str, Any]]] = [
        (str(t), item_data(run_id, _without_ids(v))) for t, v in items.items() if v
    ]
    events.append(
        (
            EventType.PIPELINE_FINISHED,
            {"runId": str(run_id), "status": "success", "baseline": not had_baseline,
             "changes": {k: v for k, v in counts.items() if v}},
        )
    )  # fmt: skip
    created: list[uuid.UUID] = []
    for event_type, data in events:
        targets = [h.id for h in hooks if event_type in h.event_types]
        evt = event_id(run_id, event_type)
        body = envelope(event_type=event_type, event=evt, org_id=org_id, created_at=now, data=data)
        created += await repo.create_deliveries(
            session, org_id, targets, event_type=event_type, event_id=evt, payload=body
        )
    jobs = _queue(queue, redis)
    if created and jobs is not None:

        async def _enqueue() -> None:
            for delivery_id in created:
                await enqueue_attempt(jobs, org_id, delivery_id, 0)

        after_commit(session, _enqueue)
    log.info(
        "alert events emitted",
        extra={"org": str(org_id), "run": str(run_id), "deliveries": len(created), **counts},
    )
    return counts
