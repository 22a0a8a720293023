"""CSV export queries (issue 7 "Exports"): the asset list, broken titles and open liens of
the caller's org, streamed from a server-side cursor in fixed-size batches so a 100,000-row
export holds one batch in memory, never the whole result.

Filters are those of the matching lists (asset_reads.AssetFilters for assets; repeatable
companyId for broken titles and liens); rows come in a stable order (number, then id).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from db.repos.asset_reads import AssetFilters
from db.repos.asset_reads import _where as asset_where

BATCH_ROWS = 1000

ASSET_COLUMNS = (
    "id",
    "application_number",
    "grant_number",
    "title",
    "application_date",
    "grant_date",
    "company",
    "status",
    "current_holders",
    "open_lien_count",
)
BROKEN_COLUMNS = (
    "asset_id",
    "application_number",
    "grant_number",
    "company",
    "reason_code",
    "reasons",
    "break_seq",
    "break_point_rf_id",
    "missing_link_from",
    "missing_link_to",
    "current_holders",
    "detected_at",
)
LIEN_COLUMNS = (
    "asset_id",
    "application_number",
    "grant_number",
    "company",
    "rf_id",
    "secured_party",
    "grantors",
    "record_date",
    "effective_date",
)


async def _stream(
    session: AsyncSession, sql: str, params: dict[str, Any]
) -> AsyncIterator[Sequence[Sequence[Any]]]:
    """Batches of rows from a server-side cursor (asyncpg portal, `yield_per`)."""
    result = await session.stream(text(sql).execution_options(yield_per=BATCH_ROWS), params)
    async for batch in result.partitions(BATCH_ROWS):
        yield batch


def stream_assets(
    session: AsyncSession, org_id: uuid.UUID, filters: AssetFilters
) -> AsyncIterator[Sequence[Sequence[Any]]]:
    """The `/assets` list's rows (its read model `asset_listing` and filters), by
    application number, with the D2 holders and open-lien count."""
    params: dict[str, Any] = {"org": org_id}
    where = ["l.organization_id = :org", *asset_where(filters, params)]
    sql = f"""
        SELECT l.asset_id, l.appno, l.grant_no, l.title, l.appno_date, l.grant_date,
               c.name, l.status, array_to_string(o.holders, '; '),
               COALESCE(o.open_lien_count, 0)
        FROM asset_listing l
        LEFT JOIN companies c ON c.id = l.company_id
        LEFT JOIN asset_ownership o ON o.organization_id = :org AND o.asset_id = l.asset_id
        WHERE {" AND ".join(where)}
        ORDER BY l.sk_application_number, l.asset_id"""  # noqa: S608
    return _stream(session, sql, params)


def _company(params: dict[str, Any], company_ids: Sequence[uuid.UUID]) -> str:
    if not company_ids:
        return ""
    params["company_ids"] = list(company_ids)
    return "AND s.company_id = ANY(:company_ids)"


def stream_broken_titles(
    session: AsyncSession, org_id: uuid.UUID, company_ids: Sequence[uuid.UUID]
) -> AsyncIterator[Sequence[Sequence[Any]]]:
    params: dict[str, Any] = {"org": org_id}
    sql = f"""
        SELECT b.asset_id, s.appno_doc_num, s.grant_doc_num, c.name, b.reason_code,
               array_to_string(b.reasons, '; '), b.break_seq, b.break_point_rf_id,
               b.missing_link_from, b.missing_link_to,
               array_to_string(b.current_holders, '; '), b.detected_at
        FROM broken_title_chains b
        JOIN assets s ON s.id = b.asset_id AND s.deleted_at IS NULL
        LEFT JOIN companies c ON c.id = s.company_id
        WHERE b.organization_id = :org AND b.status = 'broken' {_company(params, company_ids)}
        ORDER BY s.appno_doc_num NULLS LAST, s.grant_doc_num NULLS LAST, b.asset_id"""  # noqa: S608
    return _stream(session, sql, params)


def stream_open_liens(
    session: AsyncSession, org_id: uuid.UUID, company_ids: Sequence[uuid.UUID]
) -> AsyncIterator[Sequence[Sequence[Any]]]:
    params: dict[str, Any] = {"org": org_id}
    sql = f"""
        SELECT l.asset_id, s.appno_doc_num, s.grant_doc_num, c.name, l.rf_id,
               l.secured_party_name, array_to_string(l.grantors, '; '), l.record_dt,
               l.effective_dt
        FROM open_liens l
        JOIN assets s ON s.id = l.asset_id AND s.deleted_at IS NULL
        LEFT JOIN companies c ON c.id = s.company_id
        WHERE l.organization_id = :org {_company(params, company_ids)}
        ORDER BY s.appno_doc_num NULLS LAST, s.grant_doc_num NULLS LAST, l.asset_id,
                 l.rf_id, l.secured_party_key"""  # noqa: S608
    return _stream(session, sql, params)
