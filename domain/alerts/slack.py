"""Slack-compatible bodies (`{"text", "blocks"}`, Slack incoming webhooks' Block Kit).

`text` is the notification fallback; `blocks` the rendered message. Slack caps a
section's text at 3,000 characters, so item lists are cut to SLACK_ITEMS lines.
"""

from __future__ import annotations

from typing import Any

from domain.alerts.events import PING, EventType

SLACK_ITEMS = 10
_SECTION_LIMIT = 3000

_HEADLINES: dict[str, tuple[str, str]] = {
    EventType.NEW_CONVEYANCE: (":page_facing_up:", "new conveyance(s) recorded on your assets"),
    EventType.NEW_LIEN: (":lock:", "new lien(s) on your assets"),
    EventType.LIEN_RELEASED: (":unlock:", "lien(s) released"),
    EventType.TITLE_BROKEN: (":warning:", "asset(s) with a newly broken chain of title"),
}


def _item_line(event_type: str, item: dict[str, Any]) -> str:
    if event_type == EventType.NEW_CONVEYANCE:
        docs = ", ".join(item.get("assets") or [])
        kind = item.get("conveyanceType") or "conveyance"
        return f"• {item.get('rfId')} {kind} ({item.get('recordDate') or 'undated'}) {docs}"
    if event_type in (EventType.NEW_LIEN, EventType.LIEN_RELEASED):
        return f"• {item.get('asset')}: {item.get('securedParty')} (reel/frame {item.get('rfId')})"
    if event_type == EventType.TITLE_BROKEN:
        return f"• {item.get('asset')}: {item.get('reason') or 'broken'}"
    return f"• {item}"


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:_SECTION_LIMIT]}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def customer_message(body: dict[str, Any]) -> dict[str, Any]:
    """Render a standard event envelope (domain/alerts/events.py) as a Slack message."""
    event_type = str(body["type"])
    data: dict[str, Any] = body.get("data", {})
    footer = _context(f"PatenTrack · {event_type} · event {body['id']}")
    if event_type == PING:
        text = ":wave: PatenTrack webhook test: this endpoint receives PatenTrack alerts."
        return {"text": text, "blocks": [_section(text), footer]}
    if event_type == EventType.PIPELINE_FINISHED:
        counts = data.get("changes", {})
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no changes"
        text = f":white_check_mark: PatenTrack finished analysing your portfolio ({summary})."
        return {"text": text, "blocks": [_section(text), footer]}
    icon, label = _HEADLINES.get(event_type, (":bell:", event_type))
    count = int(data.get("count", 0))
    text = f"{icon} {count} {label}"
    items = data.get("items", [])
    lines = [_item_line(event_type, i) for i in items[:SLACK_ITEMS]]
    if count > len(lines):
        lines.append(f"… and {count - len(lines)} more")
    blocks = [_section(f"*{text}*")]
    if lines:
        blocks.append(_section("\n".join(lines)))
    blocks.append(footer)
    return {"text": text, "blocks": blocks}


def ops_message(*, title: str, resolved: bool, details: dict[str, Any]) -> dict[str, Any]:
    """An operations alert (issue 9) for the operators' Slack channel."""
    icon = ":large_green_circle: RESOLVED" if resolved else ":red_circle: ALERT"
    text = f"{icon}: {title}"
    facts = "\n".join(f"• *{k}*: {v}" for k, v in sorted(details.items()))
    blocks = [_section(f"*{text}*")]
    if facts:
        blocks.append(_section(facts))
    blocks.append(_context("PatenTrack operations"))
    return {"text": text, "blocks": blocks}
