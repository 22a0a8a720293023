"""EPO OPS families on demand (per asset, per organization) and the daily refresh of
lookups older than 30 days (ingestion.md §2.7). One `ingestion_jobs` row per run; a key
OPS cannot serve becomes one `ingestion_errors` row and the run goes on; a black/quota
pause (EpoPaused) ends the run so the job can be deferred until the window resets.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.loaders.assignments import raw_connection
from db.loaders.families import record_lookup, replace_family
from db.repos.reference_assets import due_family_lookups, fresh_family_lookups, granted_assets
from db.session import tenant_session
from db.tenant import TenantContext
from domain.ingestion.epo_ops import parse_family_response
from domain.ingestion.xml_safety import XMLSyntaxError
from worker.ingestion.epo_client import EpoError, EpoOpsClient, EpoPaused
from worker.ingestion.job_record import (
    ErrorRow,
    JobRecorder,
    RunOutcome,
    SourceSpec,
    fan_out_documents,
)
from worker.jobs import JobQueue

EPO_SOURCE = SourceSpec(
    name="EPO_OPS_FAMILIES",
    source_type="rest_api",
    schedule_type="daily",
    schedule_cron="0 6 * * *",  # domain-model §9: EPO families daily 06:00 UTC
    endpoint_url="https://ops.epo.org/3.2/rest-services/family/publication/docdb/",
    file_pattern=None,
    format="xml",
    expected_interval_hours=24,
)


def us_grant_key(grant_doc_num: str, kind: str | None) -> str:
    """DOCDB key of a US grant (`US.10465445.B2`); designs are kind S."""
    default = "S" if grant_doc_num.startswith("D") else "B2"
    return f"US.{grant_doc_num}.{kind or default}"


async def organization_keys(
    sessionmaker: async_sessionmaker[AsyncSession], org_id: uuid.UUID, *, only_new: bool = False
) -> list[str]:
    """Family keys of one organization's granted assets (its own tenant context); with
    `only_new`, only those never looked up or due again, so a fan-out after every load
    spends OPS quota on new assets only (ingestion.md §2.7)."""
    async with tenant_session(sessionmaker, TenantContext.for_org(org_id)) as session:
        keys = [us_grant_key(g, k) for g, k in await granted_assets(session, org_id)]
        if only_new:
            fresh = await fresh_family_lookups(session, keys)
            keys = [k for k in keys if k not in fresh]
        return keys


async def due_keys(sessionmaker: async_sessionmaker[AsyncSession], limit: int) -> list[str]:
    async with tenant_session(sessionmaker, TenantContext.anonymous()) as session:
        return await due_family_lookups(session, limit)


async def load_families(
    sessionmaker: async_sessionmaker[AsyncSession],
    client: EpoOpsClient,
    keys: Sequence[str],
    *,
    queue: JobQueue | None = None,
    run_name: str = "on-demand",
) -> RunOutcome:
    """Fetch and store the family of every key (`CC.number.kind`)."""
    recorder = JobRecorder(sessionmaker, EPO_SOURCE)
    outcome = await recorder.start(run_name, metadata={"keys": len(keys)})
    paused: EpoPaused | None = None
    for key in keys:
        try:
            inserted, error = await _one(recorder, client, key, outcome)
        except EpoPaused as exc:
            paused = exc
            break
        async with recorder.session() as s:
            await recorder.record_batch(
                s, outcome, processed=1, inserted=inserted, updated=0,
                errors=[] if error is None else [error],
            )  # fmt: skip
    await recorder.finish(outcome, error=None if paused is None else str(paused))
    outcome.organizations = await fan_out_documents(
        sessionmaker, queue, appnos=outcome.appnos, grants=outcome.grants
    )
    if paused is not None:
        raise paused
    return outcome


async def _one(
    recorder: JobRecorder, client: EpoOpsClient, key: str, outcome: RunOutcome
) -> tuple[int, ErrorRow | None]:
    country, number, kind = ([*key.split("."), None, None])[:3]
    try:
        response = await client.family(country or "", number or "", kind)
    except EpoPaused:
        raise
    except EpoError as exc:
        return 0, ErrorRow(None, None, key, "other", str(exc), None)
    now = datetime.now(UTC)
    async with recorder.session() as s:
        conn = await raw_connection(s)
        if response.status == 404 or response.body is None:
            # Cached as "no family" too, so the refresh does not ask again for 30 days.
            await record_lookup(
                conn, key, http_status=404, family_id=None, member_count=None, fetched_at=now
            )
            return 0, None
        try:
            family = parse_family_response(response.body)
        except XMLSyntaxError as exc:
            body = {"xml": response.body[:8192].decode("utf-8", "replace")}
            return 0, ErrorRow(None, None, key, "parse", str(exc), body)
        result = await replace_family(conn, key, family, fetched_at=now)
    if result.replaced:
        outcome.grants |= result.us_grants
        outcome.appnos |= result.us_appnos
    return int(result.replaced), None
