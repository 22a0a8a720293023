"""The `patentrack` command: up, migrate, api, worker, scheduler, createsuperuser, openapi."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import httpx
import typer
from rich.console import Console

from patentrack.cli_ingest import ingest_app
from patentrack.settings import Settings, SettingsError, load_settings

app = typer.Typer(help="PatenTrack: who really owns a patent.", no_args_is_help=True)
app.add_typer(ingest_app, name="ingest")
console = Console(stderr=True)
ROOT = Path(__file__).resolve().parent.parent


def _settings(**overrides: object) -> Settings:
    try:
        return load_settings(**overrides)
    except SettingsError as exc:
        console.print(f"[bold red]Configuration error:[/] {exc}", soft_wrap=True)
        raise typer.Exit(2) from exc


def _configure_logging(settings: Settings) -> None:
    from patentrack.logging import configure_logging

    configure_logging(settings.log_level)


@app.command()
def migrate() -> None:
    """Create the database roles and bring the schema to the newest migration."""

    settings = _settings()
    if not settings.database_url:
        console.print(
            "[red]DATABASE_URL is not set[/] (or use `patentrack up` for embedded services)"
        )
        raise typer.Exit(2)
    _migrate(settings)
    console.print("migrations at head")


def _migrate(settings: Settings) -> None:
    from db.migrate import upgrade

    assert settings.database_url
    upgrade(
        settings.database_url,
        app_password=settings.db_app_password.get_secret_value()
        if settings.db_app_password
        else None,
        worker_password=settings.db_worker_password.get_secret_value()
        if settings.db_worker_password
        else None,
    )


@app.command()
def api(
    host: Annotated[str | None, typer.Option(help="Bind address")] = None,
    port: Annotated[int | None, typer.Option(help="Port")] = None,
) -> None:
    """Run the HTTP API (uvicorn), serving the built SPA from the same origin."""
    import uvicorn

    from api.app import create_app

    settings = _settings()
    _configure_logging(settings)
    uvicorn.run(
        create_app(settings),
        host=host or settings.host,
        port=port or settings.port,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        timeout_graceful_shutdown=20,
    )


@app.command()
def worker(
    burst: Annotated[bool, typer.Option(help="Exit when the queue is empty")] = False,
) -> None:
    """Run the Arq worker that executes jobs (graceful shutdown on SIGTERM/SIGINT)."""
    from worker.runtime import build_worker

    settings = _settings()
    _configure_logging(settings)
    asyncio.set_event_loop(asyncio.new_event_loop())
    build_worker(settings, burst=burst).run()


@app.command()
def scheduler() -> None:
    """Run the scheduler: enqueues the cron-scheduled jobs (ingestion, heartbeat)."""
    from worker.runtime import build_scheduler

    settings = _settings()
    _configure_logging(settings)
    asyncio.set_event_loop(asyncio.new_event_loop())
    build_scheduler(settings).run()


@app.command()
def createsuperuser(
    email: Annotated[str, typer.Option(prompt=True)],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
) -> None:
    """Create a super admin in the platform organization."""
    from domain.passwords import policy_violations
    from patentrack.demo import create_superuser

    problems = policy_violations(password)
    if problems:
        console.print("[red]Password " + "; ".join(problems) + "[/]")
        raise typer.Exit(2)
    settings = _settings()
    created = asyncio.run(create_superuser(settings, email=email, password=password))
    console.print("super admin created" if created else "[yellow]that e-mail already exists[/]")
    if not created:
        raise typer.Exit(1)


@app.command()
def mailsink(
    port: Annotated[int, typer.Option(help="SMTP port")] = 1025,
    host: Annotated[str, typer.Option(help="Bind address")] = "127.0.0.1",
) -> None:
    """Development SMTP sink: print the links of every mail the API sends."""
    from patentrack.mailsink import run

    run(host, port)


@app.command()
def openapi(
    check: Annotated[bool, typer.Option(help="Fail if openapi.json is stale")] = False,
) -> None:
    """Write the OpenAPI document to openapi.json (or check that it is current)."""
    from api.openapi_export import render_openapi

    rendered = render_openapi()
    target = ROOT / "openapi.json"
    if check:
        if not target.exists() or target.read_text() != rendered:
            console.print("[red]openapi.json is stale: run `make openapi`[/]")
            raise typer.Exit(1)
        console.print("openapi.json is current")
        return
    target.write_text(rendered)
    console.print(f"wrote {target}")


@app.command()
def up(
    port: Annotated[int | None, typer.Option(help="API port")] = None,
    demo: Annotated[bool, typer.Option(help="Seed the demo organization")] = True,
) -> None:
    """Start everything: embedded PostgreSQL/Redis unless configured, API, worker, scheduler."""
    from patentrack.demo import (
        DEMO_LOGINS,
        DEMO_SUPERADMIN,
        load_demo_assignments,
        request_demo_pipeline,
        seed_demo,
    )
    from patentrack.services import resolve
    from patentrack.supervisor import Supervisor, install_signal_handlers

    settings = _settings()
    install_signal_handlers()
    port = port or settings.port
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    console.print(f"[bold]PatenTrack[/] starting (data in {settings.data_dir.resolve()})")
    services = resolve(settings)
    supervisor: Supervisor | None = None
    try:
        env = {
            **os.environ,
            "DATABASE_URL": services.database_url,
            "REDIS_URL": services.redis_url,
            "JWT_SECRET": settings.jwt_secret_value(),
            "PORT": str(port),
            # The SPA is served from the URL printed below, so that is the allowed Origin
            # (api.md §1.8) and the base of mailed links, unless APP_URL says otherwise.
            "APP_URL": os.environ.get("APP_URL") or f"http://{settings.host}:{port}",
        }
        settings = _settings(database_url=services.database_url, redis_url=services.redis_url)
        console.print("applying migrations…")
        _migrate(settings)
        if demo:
            asyncio.run(seed_demo(settings))
            asyncio.run(load_demo_assignments(settings))
            asyncio.run(request_demo_pipeline(settings))  # the worker below runs it
        supervisor = Supervisor(env)
        if "smtp_host" not in settings.model_fields_set:
            # No mail server configured: a local sink prints the mails' links instead.
            from patentrack.embedded import free_port

            env["SMTP_HOST"], env["SMTP_PORT"] = "127.0.0.1", str(free_port())
            supervisor.spawn("mail", ["mailsink", "--port", env["SMTP_PORT"]])
        supervisor.spawn("api", ["api", "--port", str(port)])
        supervisor.spawn("worker", ["worker"])
        supervisor.spawn("scheduler", ["scheduler"])
        url = f"http://{settings.host}:{port}"
        _wait_ready(url, supervisor)
        console.print(f"\n[bold green]PatenTrack is ready:[/] {url}")
        if demo:
            logins = (*DEMO_LOGINS, DEMO_SUPERADMIN) if settings.is_development else DEMO_LOGINS
            for login in logins:
                console.print(f"  {login.role:<11} {login.email}  password: {login.password}")
        console.print("Press Ctrl-C to stop.\n")
        print(json.dumps({"event": "ready", "url": url}), flush=True)
        while True:
            exited = supervisor.first_exited()
            if exited:
                console.print(f"[red]{exited} exited unexpectedly; stopping everything[/]")
                raise typer.Exit(1)
            time.sleep(0.5)
    except KeyboardInterrupt:
        console.print("\nstopping…")
    finally:
        if supervisor is not None:
            supervisor.stop()
        services.stop()
        console.print("stopped")


def _wait_ready(url: str, supervisor: object, timeout: float = 120) -> None:
    from patentrack.supervisor import Supervisor

    assert isinstance(supervisor, Supervisor)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        exited = supervisor.first_exited()
        if exited:
            console.print(f"[red]{exited} failed to start[/]")
            raise typer.Exit(1)
        try:
            if httpx.get(f"{url}/api/v1/health/ready", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    console.print("[red]the API did not become ready in time[/]")
    raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app(prog_name="patentrack")
    sys.exit(0)
