"""Prometheus metrics for HTTP traffic, labelled by route template (never by raw path)."""

from __future__ import annotations

from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response

HTTP_REQUESTS = Counter(
    "patentrack_http_requests_total", "HTTP requests", ["method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "patentrack_http_request_duration_seconds",
    "HTTP request latency",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def route_template(scope: dict[str, Any]) -> str:
    """The matched route's full path template (e.g. /api/v1/assets/{id}), never the raw path.

    Routes of included routers carry their path relative to the include prefix, so the
    prefix is recovered as the part of the raw path the route's pattern does not cover.
    """
    route = scope.get("route")
    relative = getattr(route, "path", None)
    regex = getattr(route, "path_regex", None)
    if not relative or regex is None:
        return "<unmatched>"
    path: str = scope.get("path", "")
    for cut in (i for i, ch in enumerate(path) if ch == "/"):
        if regex.match(path[cut:]):
            return path[:cut] + relative
    return str(relative)


def observe(scope: dict[str, Any], status: int, seconds: float) -> None:
    """Record one request; unmatched paths share one label so cardinality stays bounded."""
    template = route_template(scope)
    method = scope.get("method", "GET")
    HTTP_REQUESTS.labels(method, template, str(status)).inc()
    HTTP_LATENCY.labels(method, template).observe(seconds)


async def metrics_endpoint(_: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
