"""`patentrack ingest <source>` for the reference sources (ingestion.md §4.1): grants,
applications, cpc-master, cpc-scheme, maintenance-fees, epo-families, assignment-history.

Each runs the scheduled job's code path in-process, with a progress bar (documents and
documents/s) for people at a terminal. Registered on the `ingest` sub-app of
patentrack/cli_ingest.py by `register()`.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from patentrack.settings import Settings, SettingsError, load_settings

console = Console(stderr=True)
Files = Annotated[
    list[Path] | None,
    typer.Option("--file", exists=True, help="Local file or folder (repeatable)"),
]
Force = Annotated[bool, typer.Option(help="Reload a file already loaded")]
Day = Annotated[str | None, typer.Option("--date", help="Business date (YYYY-MM-DD)")]


def _settings() -> Settings:
    try:
        settings = load_settings()
    except SettingsError as exc:
        console.print(f"[bold red]Configuration error:[/] {exc}", soft_wrap=True)
        raise typer.Exit(2) from exc
    if not settings.database_url and not settings.worker_database_url:
        console.print("[red]DATABASE_URL is not set[/]")
        raise typer.Exit(2)
    return settings


def _bar(label: str) -> tuple[AbstractContextManager[Progress], Callable[[int], None]]:
    progress = Progress(
        SpinnerColumn(),
        TextColumn(f"[bold]{label}"),
        TextColumn("{task.completed:,} docs"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console,
    )
    task = progress.add_task(label, total=None, rate="")

    def update(done: int) -> None:
        elapsed = progress.tasks[0].elapsed or 0.0
        rate = f"{done / elapsed:,.0f} docs/s" if elapsed > 0 else ""
        progress.update(task, completed=done, rate=rate)

    return progress, update


Runner = Callable[[Any, Any, Callable[[int], None]], Awaitable[list[Any]]]


async def _with_resources(settings: Settings, label: str, run: Runner) -> int:
    from db.engine import make_engine, make_sessionmaker
    from worker.jobs import connect_redis

    engine = make_engine(settings.worker_db_url(), pool_size=2)
    redis = await connect_redis(settings.redis_url) if settings.redis_url else None
    try:
        bar, update = _bar(label)
        with bar:
            outcomes = await run(make_sessionmaker(engine), redis, update)
    finally:
        if redis is not None:
            await redis.aclose()
        await engine.dispose()
    failed = False
    for o in outcomes:
        console.print(
            f"{o.file_name}: {o.status}  processed {o.processed}  inserted {o.inserted}"
            f"  updated {o.updated}  unchanged {o.unchanged}  failed {o.failed}"
            + (f"  ({o.error})" if o.error else ""),
            soft_wrap=True,
        )
        failed = failed or o.status == "failed"
        if o.organizations:
            console.print(f"pipelines queued for {len(o.organizations)} organization(s)")
    return 1 if failed else 0


def _one_of(day: str | None, files: list[Path] | None) -> date | None:
    if (day is None) == (not files):
        console.print("[red]give either --date YYYY-MM-DD or one or more --file PATH[/]")
        raise typer.Exit(2)
    try:
        return date.fromisoformat(day) if day else None
    except ValueError as exc:
        console.print(f"[red]--date must be YYYY-MM-DD, not {day!r}[/]")
        raise typer.Exit(2) from exc


async def _dated(settings: Settings, location: str, file_name: str, day: date) -> Path:
    from worker.ingestion.download import NotPublished
    from worker.ingestion.reference_sources import SourceLocation, fetch_dated

    workdir = (settings.ingest_workdir or settings.data_dir / "ingest") / location.lower()
    try:
        return await fetch_dated(
            SourceLocation.from_env(location), settings, file_name, day, workdir
        )
    except NotPublished as exc:
        console.print(f"[red]{file_name} is not published: {exc}[/]")
        raise typer.Exit(1) from exc


def _file_source(label: str, location: str, name_of: Callable[[date], str], load: Any) -> Any:
    def command(day: Day = None, file: Files = None, force: Force = False) -> None:
        parsed = _one_of(day, file)
        settings = _settings()

        async def run(sessions: Any, redis: Any, update: Callable[[int], None]) -> list[Any]:
            from worker.jobs import JobQueue

            queue = JobQueue(redis) if redis is not None else None
            paths = list(file or [])
            if parsed is not None:
                paths = [await _dated(settings, location, name_of(parsed), parsed)]
            return [await load(sessions, p, queue, force, update, parsed) for p in paths]

        raise typer.Exit(asyncio.run(_with_resources(settings, label, run)))

    command.__doc__ = f"Load {label}: one dated download (--date), or local files (--file)."
    return command


async def _grants(s: Any, p: Path, q: Any, force: bool, update: Any, day: date | None) -> Any:
    from worker.ingestion.biblio import GRANTS, load_biblio_file

    return await load_biblio_file(
        s, GRANTS, p, queue=q, force=force, progress=update, business_date=day
    )


async def _applications(s: Any, p: Path, q: Any, force: bool, update: Any, day: date | None) -> Any:
    from worker.ingestion.biblio import APPLICATIONS, load_biblio_file

    return await load_biblio_file(
        s, APPLICATIONS, p, queue=q, force=force, progress=update, business_date=day
    )


async def _cpc_master(s: Any, p: Path, q: Any, force: bool, update: Any, day: date | None) -> Any:
    from worker.ingestion.snapshots import load_cpc_master_file

    return await load_cpc_master_file(s, p, force=force, progress=update)


async def _cpc_scheme(s: Any, p: Path, q: Any, force: bool, update: Any, day: date | None) -> Any:
    from worker.ingestion.snapshots import load_cpc_scheme_file

    return await load_cpc_scheme_file(s, p, force=force)


async def _fees(s: Any, p: Path, q: Any, force: bool, update: Any, day: date | None) -> Any:
    from worker.ingestion.snapshots import load_maintenance_file

    return await load_maintenance_file(s, p, queue=q, force=force, progress=update)


def _epo_families(
    patent: Annotated[
        list[str] | None, typer.Option("--patent", help="DOCDB key, e.g. US.10465445.B2")
    ] = None,
    organization: Annotated[str | None, typer.Option(help="Every granted asset of an org")] = None,
) -> None:
    """Fetch EPO OPS families: given keys, an org's assets, or (neither) the due refresh."""
    settings = _settings()

    async def run(sessions: Any, redis: Any, update: Callable[[int], None]) -> list[Any]:
        from worker.ingestion.epo_client import EpoConfig, EpoOpsClient
        from worker.ingestion.families import due_keys, load_families, organization_keys
        from worker.jobs import JobQueue

        if redis is None:
            console.print("[red]REDIS_URL is required (token cache and shared throttle)[/]")
            raise typer.Exit(2)
        if patent:
            keys = list(patent)
        elif organization:
            keys = await organization_keys(sessions, uuid.UUID(organization))
        else:
            keys = await due_keys(sessions, 500)
        client = EpoOpsClient(EpoConfig.from_env(), redis)
        try:
            outcome = await load_families(sessions, client, keys, queue=JobQueue(redis))
        finally:
            await client.aclose()
        update(outcome.processed)
        return [outcome]

    raise typer.Exit(asyncio.run(_with_resources(settings, "epo-families", run)))


def _assignment_history(
    patent: Annotated[str | None, typer.Option(help="Grant number")] = None,
    application: Annotated[str | None, typer.Option(help="Application number")] = None,
    reel_frame: Annotated[str | None, typer.Option(help="Reel-frame, e.g. 47086-788")] = None,
) -> None:
    """Fetch the full assignment history of one document from the search API (D20)."""
    given = [(f, v) for f, v in (("PatentNumber", patent), ("ApplicationNumber", application),
                                 ("ReelFrame", reel_frame)) if v]  # fmt: skip
    if len(given) != 1:
        console.print("[red]give exactly one of --patent, --application, --reel-frame[/]")
        raise typer.Exit(2)
    ((filter_name, query),) = given
    settings = _settings()

    async def run(sessions: Any, redis: Any, update: Callable[[int], None]) -> list[Any]:
        from worker.ingestion.assignment_api_client import AssignmentApiClient, AssignmentApiConfig
        from worker.ingestion.assignment_history import load_history
        from worker.jobs import JobQueue

        client = AssignmentApiClient(AssignmentApiConfig.from_env())
        try:
            outcome = await load_history(
                sessions, client, filter_name=filter_name, query=query,
                queue=JobQueue(redis) if redis is not None else None,
            )  # fmt: skip
        finally:
            await client.aclose()
        update(outcome.processed)
        return [outcome]

    raise typer.Exit(asyncio.run(_with_resources(settings, "assignment-history", run)))


def _weekly(prefix: str) -> Callable[[date], str]:
    # Same names as worker/ingestion/biblio.py (§2.2), without importing the worker here.
    return lambda d: f"{prefix}{d:%Y%m%d}_wk{d.isocalendar().week:02d}.zip"


def register(app: typer.Typer) -> None:
    """Add the reference-source commands to `patentrack ingest`."""
    app.command("grants")(_file_source("grants", "GRANTS_BIBLIO", _weekly("ipgb"), _grants))
    app.command("applications")(
        _file_source("applications", "APPLICATIONS", _weekly("ipab"), _applications)
    )
    app.command("cpc-master")(
        _file_source(
            "cpc-master", "CPC_MCF", lambda d: f"US_Grant_CPC_MCF_XML_{d:%Y-%m-%d}.zip", _cpc_master
        )
    )
    app.command("cpc-scheme")(
        _file_source("cpc-scheme", "CPC_SCHEME", lambda d: f"CPCTitleList{d:%Y%m}.zip", _cpc_scheme)
    )
    app.command("maintenance-fees")(
        _file_source(
            "maintenance-fees", "MAINT_FEE", lambda d: f"MaintFeeEvents_{d:%Y%m%d}.zip", _fees
        )
    )
    app.command("epo-families")(_epo_families)
    app.command("assignment-history")(_assignment_history)
