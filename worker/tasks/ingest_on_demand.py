"""On-demand reference jobs: an asset's full assignment history from the search API
(D20, ingestion.md §2.8) and company enrichment (§2.11; never blocks the pipeline)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx

from db.repos.enrichment import company_name, save_enrichment
from db.tenant import TenantContext
from patentrack.settings import Settings, get_settings
from worker.enrichment.providers import providers_from_env
from worker.enrichment.service import Enricher, store_logo
from worker.ingestion.assignment_api_client import AssignmentApiClient, AssignmentApiConfig
from worker.ingestion.assignment_history import load_history
from worker.ingestion.job_record import ErrorRow, JobRecorder, SourceSpec
from worker.jobs import JobContext, task
from worker.task_names import ENRICH_COMPANY, INGEST_ASSIGNMENT_HISTORY
from worker.tasks.ingest_reference import summary

ENRICHMENT_SOURCE = SourceSpec(
    name="ENRICHMENT",
    source_type="rest_api",
    schedule_type="on_demand",
    schedule_cron=None,
    endpoint_url=None,
    file_pattern=None,
    format="json",
)


@task(INGEST_ASSIGNMENT_HISTORY, retries=3, timeout=600, backoff=30)
async def ingest_assignment_history(
    ctx: JobContext,
    *,
    patent: str | None = None,
    application: str | None = None,
    reel_frame: str | None = None,
) -> dict[str, Any]:
    """The full recorded history of one grant, application or reel-frame (D20)."""
    filter_name, query = (
        ("PatentNumber", patent)
        if patent
        else ("ApplicationNumber", application)
        if application
        else ("ReelFrame", reel_frame)
    )
    if not query:
        raise ValueError("one of patent, application or reel_frame is required")
    client = AssignmentApiClient(AssignmentApiConfig.from_env())
    try:
        outcome = await load_history(
            ctx.sessionmaker, client, filter_name=filter_name, query=query, queue=ctx.queue
        )
    finally:
        await client.aclose()
    return summary(outcome)


@task(ENRICH_COMPANY, retries=5, timeout=120, backoff=10)
async def enrich_company(
    ctx: JobContext, *, organization_id: str, company_id: str
) -> dict[str, Any]:
    """Domain and logo of one company (§2.11: 5 tries from 10 s backoff)."""
    org, company = uuid.UUID(organization_id), uuid.UUID(company_id)
    settings = ctx.extras.get("settings")
    data_dir = (settings if isinstance(settings, Settings) else get_settings()).data_dir
    recorder = JobRecorder(ctx.sessionmaker, ENRICHMENT_SOURCE)
    tenant = TenantContext.for_org(org, role="org_admin")
    async with ctx.session(tenant) as session:
        name = await company_name(session, company)
    if name is None:
        return {"status": "skipped", "reason": "company not found"}
    outcome = await recorder.start(f"company:{company}", metadata={"organization_id": str(org)})
    async with httpx.AsyncClient(timeout=20) as http:
        domains, logos = providers_from_env(http)
        result = await Enricher(ctx.redis, domains, logos).enrich(name)
    key = (
        await asyncio.to_thread(store_logo, data_dir, result.logo_png) if result.logo_png else None
    )
    async with ctx.session(tenant) as session:
        await save_enrichment(
            session,
            company,
            domain=result.domain,
            logo_storage_key=key,
            data={
                "provider": result.provider,
                "confidence": result.confidence,
                "placeholder": result.placeholder,
                "initials": result.initials,
                "errors": list(result.errors),
            },
        )
    async with recorder.session() as s:
        await recorder.record_batch(
            s,
            outcome,
            processed=1,
            inserted=0,
            updated=0 if result.placeholder else 1,
            errors=[ErrorRow(None, None, name[:100], "other", e, None) for e in result.errors],
        )
    # A provider failure degrades to a placeholder ("partial"), cached for an hour only,
    # so a later trigger retries; the pipeline never waits for enrichment.
    await recorder.finish(outcome)
    return {"status": outcome.status, "domain": result.domain, "placeholder": result.placeholder}
