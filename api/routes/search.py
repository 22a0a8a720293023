"""`GET /assets/search`: ranked search over the org's assets (api.md §3.2 #21, R32).

Registered before the asset router so the static segment wins over `/assets/{asset_id}`
(api.md §1.1). Cache class NS (§5.1). The snippet is built here: the matched text is
HTML-escaped piece by piece and only the matches are wrapped in `<mark>`, so no markup
from the data can reach the client."""

from __future__ import annotations

import html
import re
from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import AppSettings, DbSession, OrgMember
from api.errors import ErrorEnvelope, ValidationFailed
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, keyset_page
from api.schemas.common import CursorInfo, CursorPage
from api.schemas.search import SearchField, SearchHit
from db.repos import asset_search

router = APIRouter(
    prefix="/assets",
    tags=["assets"],
    responses={
        401: {"model": ErrorEnvelope, "description": "No valid session."},
        403: {"model": ErrorEnvelope, "description": "Role too low."},
    },
)

DEFAULT_FIELDS = (SearchField.by_title, SearchField.number, SearchField.assignee)
SNIPPET_CHARS = 160


def snippet(text_: str | None, q: str) -> str:
    """`text_` HTML-escaped with case-insensitive matches of `q` (or of its words) marked,
    cut to about SNIPPET_CHARS around the first match."""
    if not text_:
        return ""
    words = sorted({w for w in [q, *q.split()] if w}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(text_)
    start = max(0, (first.start() if first else 0) - SNIPPET_CHARS // 3)
    window = text_[start : start + SNIPPET_CHARS]
    out, pos = [], 0
    for m in pattern.finditer(window):
        out.append(html.escape(window[pos : m.start()]))
        out.append(f"<mark>{html.escape(m.group(0))}</mark>")
        pos = m.end()
    out.append(html.escape(window[pos:]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + SNIPPET_CHARS < len(text_) else ""
    return prefix + "".join(out) + suffix


@router.get("/search", operation_id="assets_search", response_model=CursorPage[SearchHit])
async def search_assets(
    who: OrgMember,
    db: DbSession,
    settings: AppSettings,
    response: Response,
    q: Annotated[str, Query(min_length=1, max_length=255)],
    fields: Annotated[list[SearchField] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=4096)] = None,
) -> CursorPage[SearchHit]:
    """Assets matching `q` in the chosen fields (default title, number, assignee), best
    first; `matchField` is the field that scored highest."""
    term = q.strip()  # api.md §1.5: free text is trimmed
    if not term:
        raise ValidationFailed(
            "q is blank.", field_errors={"q": ["must not be blank"]}, reason="blank_query"
        )
    chosen = sorted({f.value for f in (fields or DEFAULT_FIELDS)})
    page, total = await keyset_page(
        settings,
        {"org": who.tenant_org_id, "q": term, "fields": chosen},
        cursor,
        limit,
        lambda after: asset_search.search_assets(
            db, who.tenant_org_id, term, chosen, limit=limit, after=after
        ),
    )
    response.headers["Cache-Control"] = "no-store"
    return CursorPage[SearchHit](
        data=[
            SearchHit(
                id=r.id,
                grant_number=r.grant_number,
                application_number=r.application_number,
                title=r.title,
                match_field=SearchField(r.match_field),
                match_snippet=snippet(r.match_text, term),
                score=round(r.score, 6),
            )
            for r in page.rows
        ],
        cursor=CursorInfo(next=page.next_cursor, has_more=page.has_more),
        total=total,
        totalIsApproximate=False,
    )
