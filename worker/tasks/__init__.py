"""Importing this package registers every task and schedule with the job facade."""

from worker import maintenance_jobs  # issue 7: access-log retention, cache warm-up
from worker.alerts import delivery as webhook_delivery  # issue 7 (D2): customer webhooks
from worker.alerts import digest as alert_digest  # issue 7 (D2): daily e-mail digests
from worker.alerts import ops as ops_alerts  # issue 9: operations alerts
from worker.tasks import (
    ingest_assignments,
    ingest_epo,
    ingest_on_demand,
    ingest_reference,
    pipeline,
    system,
)

__all__ = [
    "alert_digest",
    "ingest_assignments",
    "ingest_epo",
    "ingest_on_demand",
    "ingest_reference",
    "maintenance_jobs",
    "ops_alerts",
    "pipeline",
    "system",
    "webhook_delivery",
]
