"""Prometheus metrics: HTTP traffic labelled by route template (never by raw path), and
the operations series of issue 9 (jobs, queues, ingestion, pipeline steps, freshness)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
)
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response

log = logging.getLogger("patentrack.metrics")

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


async def metrics_endpoint(request: Request) -> Response:
    """HTTP metrics of this process, then the operations series (issue 9) read now."""
    body = generate_latest()
    try:
        body += generate_latest(await operations_registry(request.app.state))
    except Exception:
        # The HTTP series still scrape while Redis or the database is down (the missing
        # operations series are the alert: `absent(patentrack_queue_depth)`).
        log.warning("operations metrics unavailable", exc_info=True)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


# ---- Operations series (issue 9) ----------------------------------------------------
# Worker-side counters and histograms live in Redis (worker/metrics.py explains why);
# state gauges — queue depth, paused queues, data freshness — are read from Redis and
# PostgreSQL at scrape time, so every API replica reports the same values and none of
# them needs the worker to be up. Build a fresh registry per scrape: no stale labels.


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _histogram(
    name: str, doc: str, label: str, raw: dict[str, str], buckets: tuple[float, ...]
) -> HistogramMetricFamily:
    family = HistogramMetricFamily(name, doc, labels=[label])
    by_label: dict[str, dict[str, float]] = {}
    for field, value in raw.items():
        key, _, part = field.rpartition("|")
        by_label.setdefault(key, {})[part] = float(value)
    for key, parts in sorted(by_label.items()):
        cumulative, points = 0.0, []
        for i, bound in enumerate((*buckets, float("inf"))):
            cumulative += parts.get(f"b{i}", 0.0)
            points.append(("+Inf" if bound == float("inf") else str(bound), cumulative))
        family.add_metric([key], points, parts.get("sum", 0.0))
    return family


class _Snapshot(Collector):
    def __init__(self, families: list[Any]) -> None:
        self.families = families

    def collect(self) -> Iterator[Any]:
        yield from self.families


async def operations_registry(state: Any) -> CollectorRegistry:
    from db.repos.ingestion_admin import list_sources
    from db.session import tenant_session
    from db.tenant import TenantContext
    from domain.ops.freshness import threshold_for
    from worker import metrics as wm
    from worker import queue_pause

    redis = state.redis
    queue = state.queue
    hashes = {}
    for key in (wm.JOB_RUNS, wm.JOB_DURATION, wm.RECORDS, wm.STEP_DURATION):
        hashes[key] = {_text(k): _text(v) for k, v in (await redis.hgetall(key)).items()}

    runs = CounterMetricFamily(
        "patentrack_job_runs", "Jobs run by the workers", labels=["task", "status"]
    )
    for field, value in sorted(hashes[wm.JOB_RUNS].items()):
        task, _, outcome = field.rpartition("|")
        runs.add_metric([task, outcome], float(value))
    records = CounterMetricFamily(
        "patentrack_records_ingested", "Source records processed", labels=["source"]
    )
    for name, value in sorted(hashes[wm.RECORDS].items()):
        records.add_metric([name], float(value))

    depth = GaugeMetricFamily("patentrack_queue_depth", "Jobs waiting", labels=["queue"])
    depth.add_metric([queue.queue_name], float(await redis.zcard(queue.queue_name)))
    paused = GaugeMetricFamily(
        "patentrack_queue_paused", "1 while a job class is paused", labels=["queue"]
    )
    for name in queue_pause.QUEUES:
        paused.add_metric([name], 1.0 if (await queue_pause.state(redis, name)).paused else 0.0)

    age = GaugeMetricFamily(
        "patentrack_data_freshness_seconds",
        "Seconds since the source's last successful load",
        labels=["source"],
    )
    limit = GaugeMetricFamily(
        "patentrack_data_stale_after_seconds",
        "The source's stale threshold (issue 9)",
        labels=["source"],
    )
    now = datetime.now(UTC)
    async with tenant_session(state.sessionmaker, TenantContext.super_admin()) as session:
        sources = [s for s, _ in await list_sources(session)]
    for source in sources:
        if source.last_success_at is not None:
            age.add_metric([source.name], (now - source.last_success_at).total_seconds())
        threshold = threshold_for(source.name)
        if threshold is not None:
            limit.add_metric([source.name], threshold.total_seconds())

    registry = CollectorRegistry(auto_describe=False)
    registry.register(
        _Snapshot(
            [
                runs,
                _histogram(
                    "patentrack_job_duration_seconds", "Job run time", "task",
                    hashes[wm.JOB_DURATION], wm.JOB_BUCKETS,
                ),
                records,
                _histogram(
                    "patentrack_pipeline_step_duration_seconds", "Pipeline step run time",
                    "step", hashes[wm.STEP_DURATION], wm.STEP_BUCKETS,
                ),
                depth,
                paused,
                age,
                limit,
            ]
        )
    )  # fmt: skip
    return registry
