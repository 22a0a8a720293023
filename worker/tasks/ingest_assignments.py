"""The daily USPTO assignment ingestion job (ingestion.md §2.1), scheduled at 02:00 UTC."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from patentrack.settings import Settings, get_settings
from worker.ingestion.assignments import DAILY_SOURCE
from worker.ingestion.progress import tracked
from worker.ingestion.run import run_assignments
from worker.jobs import JobContext, schedule, task
from worker.task_names import INGEST_ASSIGNMENTS


@task(INGEST_ASSIGNMENTS, retries=3, timeout=3600, backoff=60)
async def ingest_assignments(
    ctx: JobContext,
    *,
    day: str | None = None,
    files: list[str] | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Download and load a dated file (default: catch up to yesterday) or local files.

    Idempotent (Arq may run it twice): a file already loaded is skipped, and re-merging
    records changes nothing (BR-059). Transient download failures raise, so the facade
    retries with backoff; a refused API key pauses the source and returns `failed`.
    """
    settings = ctx.extras.get("settings")
    if not isinstance(settings, Settings):
        settings = get_settings()
    # issue 9: live progress on `events:admin` (worker/ingestion/progress.py).
    async with tracked(ctx, INGEST_ASSIGNMENTS, DAILY_SOURCE.name) as progress:
        result = await run_assignments(
            ctx.sessionmaker,
            settings,
            ctx.queue,
            days=[date.fromisoformat(day)] if day else None,
            files=[Path(f) for f in files] if files else None,
            force=force,
            progress=progress.on_assignment_batch,
        )
        await progress.complete(
            result.status,
            inserted=sum(f.inserted for f in result.files),
            updated=sum(f.updated for f in result.files),
            failed=sum(f.failed for f in result.files),
            error=result.error,
            attempts=ctx.job_try,
        )
    return result.as_dict()


schedule(INGEST_ASSIGNMENTS, hour=2, minute=0, second=0)
