"""Request ids, access logs, body-size limit and last-resort 500s, as one ASGI middleware.

api.md §1.7: a well-formed incoming X-Request-ID is kept, otherwise a UUIDv4 is made;
it is echoed on every response, bound into every log line, and returned as
`error.requestId`. §1.8: bodies over the limit are refused with 413 before parsing.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from typing import Any

import structlog
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("patentrack.http")

_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    return _request_id.get()


class BodyTooLarge(HTTPException):
    """Raised from `receive`; an HTTPException so body parsers re-raise it as a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body exceeds {limit} bytes.")


def _envelope(status: int, code: str, message: str, request_id: str) -> bytes:
    return json.dumps(
        {"error": {"code": code, "message": message, "requestId": request_id, "details": {}}}
    ).encode()


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int, observe: Any = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        # Called with (scope, status, seconds) after each request (metrics hook).
        self.observe = observe

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _REQUEST_ID_RE.match(incoming) else str(uuid.uuid4())
        token = _request_id.set(request_id)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        state = {"status": 500, "started": False}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                state["started"] = True
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        try:
            declared = headers.get(b"content-length")
            if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
                raise BodyTooLarge(self.max_body_bytes)
            received = 0

            async def limited_receive() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > self.max_body_bytes:
                        raise BodyTooLarge(self.max_body_bytes)
                return message

            await self.app(scope, limited_receive, send_wrapper)
        except BodyTooLarge:
            if not state["started"]:
                await self._reply(
                    send_wrapper,
                    413,
                    "PAYLOAD_TOO_LARGE",
                    f"The request body exceeds {self.max_body_bytes} bytes.",
                    request_id,
                )
        except Exception:
            log.exception("unhandled error", extra={"path": scope.get("path")})
            if not state["started"]:
                await self._reply(
                    send_wrapper, 500, "INTERNAL_ERROR", "An unexpected error occurred.", request_id
                )
        finally:
            elapsed = time.perf_counter() - started
            log.info(
                "request",
                extra={
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": state["status"],
                    "duration_ms": round(elapsed * 1000, 2),
                },
            )
            if self.observe is not None:
                self.observe(scope, state["status"], elapsed)
            structlog.contextvars.unbind_contextvars("request_id")
            _request_id.reset(token)

    @staticmethod
    async def _reply(send: Send, status: int, code: str, message: str, request_id: str) -> None:
        body = _envelope(status, code, message, request_id)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
