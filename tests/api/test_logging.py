"""Logs are JSON, one object per line, and every line of a request carries its request id."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
from fastapi import FastAPI

from patentrack.logging import configure_logging


async def test_request_log_lines_are_json_with_the_request_id(
    app: FastAPI, client: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    @app.get("/api/v1/test-logs")
    async def logs_something() -> dict[str, str]:
        logging.getLogger("patentrack.test").info("inside the handler")
        return {"ok": "yes"}

    configure_logging("INFO")
    try:
        await client.get("/api/v1/test-logs", headers={"X-Request-ID": "log-test-0001"})
        lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    finally:
        logging.getLogger().handlers.clear()
    ours = [line for line in lines if line.get("request_id") == "log-test-0001"]
    events = {line["event"] for line in ours}
    assert {"inside the handler", "request"} <= events
    access = next(line for line in ours if line["event"] == "request")
    assert access["status"] == 200 and access["path"] == "/api/v1/test-logs"
    assert "cookie" not in json.dumps(lines).lower()
