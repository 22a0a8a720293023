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

# Outgoing alerts: customer webhooks (issue 7, D2) and operations alerts (issue 9).
WEBHOOK_DELIVER = "webhooks.deliver"
WEBHOOK_SWEEP = "webhooks.sweep"
OPS_ALERTS_EVALUATE = "ops.alerts_evaluate"
ALERT_TASKS = frozenset({WEBHOOK_DELIVER, WEBHOOK_SWEEP, OPS_ALERTS_EVALUATE})


def webhook_job_id(delivery_id: object, attempt: int) -> str:
    """One Arq job per delivery attempt: a duplicate enqueue of the same attempt is a no-op."""
    return f"webhook:{delivery_id}:{attempt}"


# E-mail digests of ownership-change alerts (issue 7, D2; worker/alerts/digest.py).
DIGEST_DAILY = "alerts.digest_daily"
DIGEST_SEND = "alerts.digest_send"
DIGEST_TASKS = frozenset({DIGEST_DAILY, DIGEST_SEND})


def digest_job_id(user_id: object, day: object) -> str:
    """One digest job per (user, UTC date): a second daily run queues nothing new."""
    return f"digest:{user_id}:{day}"


# Housekeeping (issue 7; worker/maintenance_jobs.py): share access-log retention
# (domain-model §8) and the start-up dashboard warm-up (api.md §5.2).
SHARE_ACCESS_LOG_RETENTION = "maintenance.share_access_log_retention"
WARM_DASHBOARDS = "maintenance.warm_dashboards"
MAINTENANCE_TASKS = frozenset({SHARE_ACCESS_LOG_RETENTION, WARM_DASHBOARDS})

ALL = (
    frozenset({SYSTEM_PROBE, SYSTEM_HEARTBEAT, INGEST_ASSIGNMENTS, PIPELINE_RUN})
    | REFERENCE_TASKS
    | ALERT_TASKS
    | DIGEST_TASKS
    | MAINTENANCE_TASKS
)
