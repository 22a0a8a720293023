"""The daily e-mail digest of ownership-change alerts (D2, issue 7), rendered (pure).

Input: the events recorded since the subscriber's last digest (worker/alerts/
pipeline_events.py writes their `data`: `{runId, count, truncated, items}`, each item
carrying `assetRefs` = `[{id, number}]`). Output: a subject, a plain-text body and an
HTML body with the same content. Every value that came from data (party names,
conveyance types, numbers) is HTML-escaped in the HTML part, so a lender called
`<script>` is text, never markup; links point at the app's asset pages (settings.app_url).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from domain.alerts.events import EventType

# The ownership-change types a digest lists, in the order it lists them. `pipeline_finished`
# is a webhook heartbeat, not a change: it is never recorded for digests.
SECTIONS: tuple[tuple[str, str], ...] = (
    (EventType.NEW_CONVEYANCE, "New conveyances on watched assets"),
    (EventType.NEW_LIEN, "New liens"),
    (EventType.LIEN_RELEASED, "Liens released"),
    (EventType.TITLE_BROKEN, "Titles that became broken"),
)
# A digest stays readable: past this many lines a section says how many more there were.
MAX_LINES_PER_SECTION = 50


@dataclass(frozen=True)
class DigestEvent:
    event_type: str
    created_at: datetime
    data: dict[str, Any]


@dataclass(frozen=True)
class Digest:
    subject: str
    text: str
    html: str
    changes: int  # items across every section (the events' full counts)


def asset_url(app_url: str, asset_id: str) -> str:
    return f"{app_url.rstrip('/')}/assets/{quote(str(asset_id), safe='')}"


def _one_line(value: object) -> str:
    """Header-safe and list-safe: no line breaks, runs of whitespace collapsed."""
    return re.sub(r"\s+", " ", str(value)).strip()


def _rf(item: dict[str, Any], key: str = "rfId") -> str:
    return f"reel/frame {_one_line(item[key])}" if item.get(key) else ""


def describe(event_type: str, item: dict[str, Any]) -> str:
    """One plain sentence for one item (no asset links; those are listed with it)."""
    asset = _one_line(item.get("asset") or "")
    recorded = f"recorded {_one_line(item['recordDate'])}" if item.get("recordDate") else ""
    party = _one_line(item.get("securedParty") or "an unnamed party")
    if event_type == EventType.NEW_CONVEYANCE:
        kind = _one_line(item.get("conveyanceType") or "conveyance")
        numbers = ", ".join(_one_line(n) for n in item.get("assets") or [])
        details = "; ".join(p for p in (_rf(item), recorded) if p)
        return f"{kind.capitalize()} on {numbers or 'your assets'}" + (
            f" ({details})" if details else ""
        )
    if event_type == EventType.NEW_LIEN:
        details = "; ".join(p for p in (_rf(item), recorded) if p)
        return f"{asset}: security interest to {party}" + (f" ({details})" if details else "")
    if event_type == EventType.LIEN_RELEASED:
        rf = _rf(item)
        return f"{asset}: lien of {party} released" + (f" ({rf})" if rf else "")
    if event_type == EventType.TITLE_BROKEN:
        reason = _one_line(item.get("reason") or "chain of title broken").replace("_", " ")
        at = _rf(item, "breakPointRfId")
        return f"{asset}: chain of title broken ({reason}" + (f", at {at})" if at else ")")
    return _one_line(item)


def _refs(item: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (str(r["id"]), _one_line(r.get("number") or r["id"]))
        for r in item.get("assetRefs") or []
        if r.get("id")
    ]


@dataclass(frozen=True)
class _Section:
    title: str
    event_type: str
    items: list[dict[str, Any]]
    total: int


def _sections(events: Sequence[DigestEvent]) -> list[_Section]:
    found = []
    for event_type, title in SECTIONS:
        mine = [e for e in events if e.event_type == event_type]
        total = sum(int(e.data.get("count", len(e.data.get("items") or []))) for e in mine)
        items = [i for e in mine for i in e.data.get("items") or []]
        if total or items:
            found.append(_Section(title, event_type, items, max(total, len(items))))
    return found


def _subject(org_name: str, changes: int) -> str:
    noun = "change" if changes == 1 else "changes"
    return _one_line(f"PatenTrack daily digest for {org_name}: {changes} ownership {noun}")


def render_digest(
    events: Sequence[DigestEvent],
    *,
    org_name: str,
    recipient_name: str,
    app_url: str,
    day: date,
) -> Digest | None:
    """The digest of `events`, or None when there is nothing to tell."""
    sections = _sections(events)
    if not sections:
        return None
    changes = sum(s.total for s in sections)
    base = app_url.rstrip("/")
    settings_url = f"{base}/settings"
    greeting = f"Hello {_one_line(recipient_name)}," if recipient_name.strip() else "Hello,"
    intro = (
        f"Ownership changes found for {_one_line(org_name)} since your last digest "
        f"({day.isoformat()}, UTC):"
    )

    text_lines = [greeting, "", intro]
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html><body>",
        f"<p>{esc(greeting)}</p>",
        f"<p>{esc(intro)}</p>",
    ]
    for section in sections:
        shown = section.items[:MAX_LINES_PER_SECTION]
        heading = f"{section.title} ({section.total})"
        text_lines += ["", heading, "-" * len(heading)]
        parts += [f"<h3>{esc(heading)}</h3>", "<ul>"]
        for item in shown:
            sentence = describe(section.event_type, item)
            refs = _refs(item)
            text_lines.append(f"* {sentence}")
            text_lines += [f"    {number}: {asset_url(base, aid)}" for aid, number in refs]
            links = ", ".join(
                f'<a href="{esc(asset_url(base, aid), quote=True)}">{esc(number)}</a>'
                for aid, number in refs
            )
            parts.append(f"<li>{esc(sentence)}" + (f" &mdash; {links}" if links else "") + "</li>")
        more = section.total - len(shown)
        if more > 0:
            text_lines.append(f"* ... and {more} more")
            parts.append(f"<li>&hellip; and {more} more</li>")
        parts.append("</ul>")
    footer = "You receive this daily digest because you subscribed to it in PatenTrack."
    text_lines += ["", footer, f"Change it in your settings: {settings_url}", ""]
    parts += [
        f'<p style="color:#666">{esc(footer)} '
        f'<a href="{esc(settings_url, quote=True)}">Change it in your settings</a>.</p>',
        "</body></html>",
    ]
    return Digest(
        subject=_subject(org_name, changes),
        text="\n".join(text_lines),
        html="\n".join(parts) + "\n",
        changes=changes,
    )
