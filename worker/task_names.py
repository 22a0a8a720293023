"""Every task's queue name, so callers can enqueue without importing the worker's code."""

from __future__ import annotations

SYSTEM_PROBE = "system.probe"
SYSTEM_HEARTBEAT = "system.heartbeat"
INGEST_ASSIGNMENTS = "ingest.assignments"
# Registered by the pipeline issue; ingestion already enqueues it per affected org.
PIPELINE_RUN = "pipeline.run"


def pipeline_job_id(org_id: object) -> str:
    """The unique Arq job id of an org's pipeline run (D15: never a queue of duplicates)."""
    return f"pipeline:org:{org_id}"


def epo_families_job_id(org_id: object) -> str:
    """One queued EPO family batch per org (ingestion.md §2.7, after new assignments)."""
    return f"epo:org:{org_id}"


# Reference data (issue 5, ingestion.md §2.2-2.8, §2.11).
INGEST_GRANTS = "ingest.grants"
INGEST_APPLICATIONS = "ingest.applications"
INGEST_CPC_MASTER = "ingest.cpc_master"
INGEST_CPC_SCHEME = "ingest.cpc_scheme"
INGEST_MAINTENANCE_FEES = "ingest.maintenance_fees"
INGEST_EPO_FAMILIES = "ingest.epo_families"
INGEST_ASSIGNMENT_HISTORY = "ingest.assignment_history"
ENRICH_COMPANY = "enrich.company"
REFERENCE_TASKS = frozenset(
    {
        INGEST_GRANTS,
        INGEST_APPLICATIONS,
        INGEST_CPC_MASTER,
        INGEST_CPC_SCHEME,
        INGEST_MAINTENANCE_FEES,
        INGEST_EPO_FAMILIES,
        INGEST_ASSIGNMENT_HISTORY,
        ENRICH_COMPANY,
    }
)

ALL = (
    frozenset({SYSTEM_PROBE, SYSTEM_HEARTBEAT, INGEST_ASSIGNMENTS, PIPELINE_RUN}) | REFERENCE_TASKS
)
