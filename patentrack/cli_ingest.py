"""`patentrack ingest assignments --date YYYY-MM-DD | --file PATH [--file PATH ...]`.

Runs the scheduled job's code path in-process (ingestion.md §4.1) with a progress bar
for people at a terminal: records/s and MB/s of uncompressed XML.
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from patentrack.settings import Settings, SettingsError, load_settings

ingest_app = typer.Typer(help="Load published source files.", no_args_is_help=True)
console = Console(stderr=True)


class _Rates(ProgressColumn):
    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        records = int(task.fields.get("records", 0))
        if elapsed <= 0:
            return Text(f"{records:,} records")
        mb_s = task.completed / 1e6 / elapsed
        return Text(f"{records:,} rec {records / elapsed:,.0f} rec/s {mb_s:.1f} MB/s")


async def _run(settings: Settings, day: date | None, files: list[Path], force: bool) -> int:
    from db.engine import make_engine, make_sessionmaker
    from worker.ingestion.batches import xml_bytes
    from worker.ingestion.run import run_assignments
    from worker.jobs import JobQueue, connect_redis

    engine = make_engine(settings.worker_db_url(), pool_size=2)
    redis = await connect_redis(settings.redis_url) if settings.redis_url else None
    total = sum(xml_bytes(p) for p in files) or None
    done = {"bytes": 0, "records": 0, "last_bytes": 0, "last_records": 0}
    try:
        with Progress(
            TextColumn("[bold]assignments"),
            BarColumn(bar_width=24),
            TextColumn("{task.percentage:>3.0f}%"),
            _Rates(),
            TimeElapsedColumn(),
            console=console,
        ) as bar:
            task = bar.add_task("load", total=total, records=0)

            def progress(bytes_read: int, records: int) -> None:
                if bytes_read < done["last_bytes"]:  # the next file started
                    done["bytes"] += done["last_bytes"]
                    done["records"] += done["last_records"]
                done["last_bytes"], done["last_records"] = bytes_read, records
                bar.update(
                    task, completed=done["bytes"] + bytes_read, records=done["records"] + records
                )

            result = await run_assignments(
                make_sessionmaker(engine),
                settings,
                JobQueue(redis) if redis is not None else None,
                days=[day] if day else None,
                files=files or None,
                force=force,
                progress=progress,
            )
    finally:
        if redis is not None:
            await redis.aclose()
        await engine.dispose()
    for f in result.files:
        console.print(
            f"{f.file_name}: {f.status}  processed {f.processed}  inserted {f.inserted}"
            f"  updated {f.updated}  unchanged {f.unchanged}  failed {f.failed}"
            + (f"  ({f.error})" if f.error else "")
        )
    if result.organizations:
        console.print(f"pipelines queued for {len(result.organizations)} organization(s)")
    if result.status in ("failed", "paused", "busy"):
        console.print(f"[red]{result.error}[/]")
        return 1
    return 0


@ingest_app.command("assignments")
def assignments(
    day: Annotated[
        str | None, typer.Option("--date", help="Download the file of this day (YYYY-MM-DD)")
    ] = None,
    file: Annotated[
        list[Path] | None,
        typer.Option("--file", exists=True, help="Local .xml/.zip file or folder (repeatable)"),
    ] = None,
    force: Annotated[bool, typer.Option(help="Reload a file already loaded")] = False,
) -> None:
    """Load the USPTO daily assignment feed: one dated download, or local files."""
    if (day is None) == (not file):
        console.print("[red]give either --date YYYY-MM-DD or one or more --file PATH[/]")
        raise typer.Exit(2)
    try:
        parsed = date.fromisoformat(day) if day else None
    except ValueError as exc:
        console.print(f"[red]--date must be YYYY-MM-DD, not {day!r}[/]")
        raise typer.Exit(2) from exc
    try:
        settings = load_settings()
    except SettingsError as exc:
        console.print(f"[bold red]Configuration error:[/] {exc}", soft_wrap=True)
        raise typer.Exit(2) from exc
    if not settings.database_url and not settings.worker_database_url:
        console.print("[red]DATABASE_URL is not set[/]")
        raise typer.Exit(2)
    raise typer.Exit(asyncio.run(_run(settings, parsed, list(file or []), force)))


# Reference sources (issue 5): grants, applications, CPC, fees, EPO, search API.
from patentrack.cli_ingest_reference import register as _register_reference  # noqa: E402

_register_reference(ingest_app)
