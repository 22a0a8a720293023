"""Importing this package registers every task and schedule with the job facade."""

from worker.tasks import (
    ingest_assignments,
    ingest_epo,
    ingest_on_demand,
    ingest_reference,
    pipeline,
    system,
)

__all__ = [
    "ingest_assignments",
    "ingest_epo",
    "ingest_on_demand",
    "ingest_reference",
    "pipeline",
    "system",
]
