"""OpenAPI post-processing: our error envelope instead of FastAPI's 422 (D9)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.errors import ErrorEnvelope

_ERROR_REF = {"$ref": "#/components/schemas/ErrorEnvelope"}
_COMMON = {
    "400": "Invalid request: `VALIDATION_ERROR` with `details.fieldErrors`, or `BAD_REQUEST`",
    "413": "Request body larger than 1 MB",
    "500": "Unexpected error (only the request id is returned)",
}


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ERROR_REF}}}


def install_openapi(app: FastAPI) -> None:
    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.pop("HTTPValidationError", None)
        components.pop("ValidationError", None)
        components.update(
            ErrorEnvelope.model_json_schema(ref_template="#/components/schemas/{model}").pop(
                "$defs", {}
            )
        )
        components["ErrorEnvelope"] = ErrorEnvelope.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                responses = operation.setdefault("responses", {})
                responses.pop("422", None)
                for status, description in _COMMON.items():
                    responses.setdefault(status, _error_response(description))
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]
