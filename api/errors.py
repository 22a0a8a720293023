"""Our error types and the one error envelope every failure is rendered in (api.md §1.3, D9)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.request_context import current_request_id


class ApiError(Exception):
    """An expected failure with its HTTP status, stable code and safe message."""

    status = 400
    code = "BAD_REQUEST"

    def __init__(
        self,
        message: str,
        *,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}
        self.headers = headers or {}


class BadRequest(ApiError):
    status, code = 400, "BAD_REQUEST"


class Unauthorized(ApiError):
    status, code = 401, "UNAUTHORIZED"


class Forbidden(ApiError):
    status, code = 403, "FORBIDDEN"


class NotFound(ApiError):
    status, code = 404, "NOT_FOUND"


class Conflict(ApiError):
    status, code = 409, "CONFLICT"


class Gone(ApiError):
    status, code = 410, "GONE"


class PayloadTooLarge(ApiError):
    status, code = 413, "PAYLOAD_TOO_LARGE"


class RateLimited(ApiError):
    status, code = 429, "RATE_LIMITED"


class ServiceUnavailable(ApiError):
    status, code = 503, "SERVICE_UNAVAILABLE"


_CODE_BY_STATUS = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    410: "GONE",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "RATE_LIMITED",
    500: "INTERNAL_ERROR",
    503: "SERVICE_UNAVAILABLE",
}


class FieldError(BaseModel):
    field: str = Field(description="Where the value came from and its path, e.g. body.password")
    message: str
    type: str


class ErrorBody(BaseModel):
    code: str = Field(examples=["VALIDATION_ERROR"])
    message: str
    requestId: str | None = None
    details: dict[str, Any] = Field(
        default_factory=dict,
        description="Machine-readable context; for VALIDATION_ERROR `fieldErrors` maps each "
        "field to its messages (D9).",
    )
    validationErrors: list[FieldError] | None = None


class ErrorEnvelope(BaseModel):
    """The shape of every error response."""

    error: ErrorBody


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    details: dict[str, Any] | None = None,
    validation_errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "code": code,
        "message": message,
        "requestId": current_request_id(),
        "details": details or {},
    }
    if validation_errors is not None:
        body["validationErrors"] = validation_errors
    return JSONResponse({"error": body}, status_code=status, headers=headers)


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(
        exc.status, exc.code, exc.message, details=exc.details, headers=exc.headers
    )


def _field_path(loc: tuple[Any, ...]) -> str:
    # ("body", "user", "email") -> "user.email"; a bare location keeps its name.
    parts = [str(p) for p in loc[1:]] or [str(loc[0])]
    return ".".join(parts)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "BAD_REQUEST", "The request body is not valid JSON.")
    field_errors: dict[str, list[str]] = {}
    listed: list[dict[str, str]] = []
    for err in errors:
        loc = tuple(err.get("loc", ()))
        field_errors.setdefault(_field_path(loc), []).append(str(err.get("msg", "invalid")))
        listed.append(
            {
                "field": ".".join(str(p) for p in loc),
                "message": str(err.get("msg", "invalid")),
                "type": str(err.get("type", "value_error")),
            }
        )
    return error_response(
        400,
        "VALIDATION_ERROR",
        "The request is invalid: " + ", ".join(sorted(field_errors)) + ".",
        details={"fieldErrors": field_errors},
        validation_errors=listed,
    )


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODE_BY_STATUS.get(exc.status_code, "ERROR")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ").lower()
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


def install_error_handlers(app: FastAPI) -> None:
    """Unexpected exceptions are rendered by RequestContextMiddleware, with the request id."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)


class ValidationFailed(ApiError):
    """A rule our code checks (not Pydantic), reported like D9: `details.fieldErrors`."""

    status, code = 400, "VALIDATION_ERROR"

    def __init__(self, message: str, *, field_errors: dict[str, list[str]], reason: str) -> None:
        super().__init__(message, details={"reason": reason, "fieldErrors": field_errors})
