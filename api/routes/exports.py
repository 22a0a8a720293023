"""CSV exports of the caller's organization (issue 7 "Exports"): assets, broken titles and
open liens, with the filters of the matching lists.

Streamed: the body is produced batch by batch from a server-side cursor
(db.repos.exports) inside its own tenant session, opened when streaming starts — the
request's DbSession has committed by then — so a 100,000-row export holds one batch.

CSV injection (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection):
a cell starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with a single
quote so spreadsheet software reads it as text, never as a formula."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import OrgMember
from api.errors import ErrorEnvelope, ValidationFailed
from api.schemas.assets import ConveyanceType, TitleStatusFilter
from db.repos import exports
from db.repos.asset_reads import AssetFilters
from db.session import tenant_session

router = APIRouter(
    prefix="/exports",
    tags=["exports"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
    },
)
_CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "A CSV file (streamed)."}
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

CompanyIds = Annotated[list[uuid.UUID] | None, Query(alias="companyId")]
Stream = Callable[[AsyncSession], AsyncIterator[Sequence[Sequence[Any]]]]
CompanyRows = Callable[
    [AsyncSession, uuid.UUID, Sequence[uuid.UUID]], AsyncIterator[Sequence[Sequence[Any]]]
]


def safe_cell(value: Any) -> str:
    """One CSV cell: dates ISO-8601, None empty, formula-looking text neutralised (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    text_ = str(value)
    return "'" + text_ if text_.startswith(FORMULA_PREFIXES) else text_


async def csv_chunks(
    request: Request, who: OrgMember, header: Sequence[str], stream: Stream
) -> AsyncIterator[bytes]:
    """The header, then one encoded chunk per fetched batch."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    yield buffer.getvalue().encode()
    async with tenant_session(request.app.state.sessionmaker, who.tenant_context()) as session:
        async for batch in stream(session):
            buffer.seek(0)
            buffer.truncate()
            writer.writerows([safe_cell(v) for v in row] for row in batch)
            yield buffer.getvalue().encode()


def _response(
    request: Request, who: OrgMember, name: str, header: Sequence[str], stream: Stream
) -> StreamingResponse:
    return StreamingResponse(
        csv_chunks(request, who, header, stream),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


@router.get(
    "/assets.csv", operation_id="exports_assets", response_class=StreamingResponse, responses=_CSV
)
async def export_assets(
    request: Request,
    who: OrgMember,
    company_id: CompanyIds = None,
    status: TitleStatusFilter = TitleStatusFilter.all,
    conveyance_type: Annotated[ConveyanceType | None, Query(alias="conveyanceType")] = None,
    has_open_liens: Annotated[bool | None, Query(alias="hasOpenLiens")] = None,
    date_from: Annotated[date | None, Query(alias="dateFrom")] = None,
    date_to: Annotated[date | None, Query(alias="dateTo")] = None,
    search: Annotated[str | None, Query(max_length=255)] = None,
) -> StreamingResponse:
    """The org's assets (the `/assets` filters), by application number."""
    if date_from and date_to and date_from > date_to:
        raise ValidationFailed(
            "dateFrom is after dateTo.",
            field_errors={"dateFrom": ["must not be after dateTo"]},
            reason="date_range",
        )
    filters = AssetFilters(
        company_ids=sorted(set(company_id or [])),
        status=None if status is TitleStatusFilter.all else status.value,
        conveyance_type=conveyance_type.value if conveyance_type else None,
        has_open_liens=has_open_liens,
        date_from=date_from,
        date_to=date_to,
        search=(search or "").strip() or None,
    )
    org = who.tenant_org_id
    return _response(
        request,
        who,
        "assets.csv",
        exports.ASSET_COLUMNS,
        lambda s: exports.stream_assets(s, org, filters),
    )


def _per_company(
    request: Request,
    who: OrgMember,
    company_id: list[uuid.UUID] | None,
    name: str,
    header: Sequence[str],
    rows: CompanyRows,
) -> StreamingResponse:
    """An export filtered only by the repeatable `companyId` (§1.5)."""
    org, companies = who.tenant_org_id, sorted(set(company_id or []))
    return _response(request, who, name, header, lambda s: rows(s, org, companies))


@router.get(
    "/broken-titles.csv",
    operation_id="exports_broken_titles",
    response_class=StreamingResponse,
    responses=_CSV,
)
async def export_broken_titles(
    request: Request, who: OrgMember, company_id: CompanyIds = None
) -> StreamingResponse:
    """BR-032..036 broken titles (the `/dashboards/broken-titles` filter)."""
    return _per_company(
        request,
        who,
        company_id,
        "broken-titles.csv",
        exports.BROKEN_COLUMNS,
        exports.stream_broken_titles,
    )


@router.get(
    "/open-liens.csv",
    operation_id="exports_open_liens",
    response_class=StreamingResponse,
    responses=_CSV,
)
async def export_open_liens(
    request: Request, who: OrgMember, company_id: CompanyIds = None
) -> StreamingResponse:
    """D2 open liens: security interests without a matching release, per asset and lender."""
    return _per_company(
        request, who, company_id, "open-liens.csv", exports.LIEN_COLUMNS, exports.stream_open_liens
    )
