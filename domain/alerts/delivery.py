"""Delivery policy of customer webhooks (issue 7): what counts as delivered, when to retry."""

from __future__ import annotations

MAX_ERROR_LENGTH = 500


def delivered(status_code: int | None) -> bool:
    """Any 2xx answer is a delivery; redirects are not followed (a 3xx could point inside)."""
    return status_code is not None and 200 <= status_code < 300


def retry_delay(attempts_made: int, base_s: float) -> float:
    """Exponential backoff after the `attempts_made`-th failure: base, 2·base, 4·base, …"""
    return base_s * 2 ** max(attempts_made - 1, 0)


def should_retry(attempts_made: int, max_attempts: int) -> bool:
    return attempts_made < max_attempts


def short_error(text: str) -> str:
    return text if len(text) <= MAX_ERROR_LENGTH else text[: MAX_ERROR_LENGTH - 1] + "…"
