"""The committed openapi.json is generated from the app, and documents our errors (D9)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from api.openapi_export import render_openapi

ROOT = Path(__file__).resolve().parents[2]


def test_committed_openapi_is_current() -> None:
    committed = (ROOT / "openapi.json").read_text()
    assert committed == render_openapi(), "openapi.json is stale: run `make openapi`"


def test_no_422_and_every_operation_documents_the_400_envelope() -> None:
    schema = json.loads(render_openapi())
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    assert "ErrorEnvelope" in schema["components"]["schemas"]
    operations = [op for item in schema["paths"].values() for op in item.values()]
    assert operations
    for op in operations:
        assert "422" not in op["responses"], op["operationId"]
        ref = op["responses"]["400"]["content"]["application/json"]["schema"]["$ref"]
        assert ref == "#/components/schemas/ErrorEnvelope"
        assert op["operationId"]


async def test_docs_and_schema_are_served(client: httpx.AsyncClient) -> None:
    schema = await client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "PatenTrack API"
    docs = await client.get("/api/v1/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
