"""Webhook signatures and the at-rest sealing of webhook secrets (D2, issue 7).

Signature header (the scheme Stripe and Slack popularised, so receivers know it):
`X-PatenTrack-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, f"{t}.{body}")>`.
Signing the timestamp with the body lets a receiver reject replays older than its
tolerance; the body is the exact bytes sent, so receivers must verify before parsing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import uuid

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SIGNATURE_HEADER = "X-PatenTrack-Signature"
EVENT_HEADER = "X-PatenTrack-Event"
DELIVERY_HEADER = "X-PatenTrack-Delivery"
SECRET_PREFIX = "whsec_"  # noqa: S105  (a prefix, not a secret)
DEFAULT_TOLERANCE_S = 300


def new_secret() -> str:
    """A fresh signing secret (256 random bits), shown to the caller once."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """Hex HMAC-SHA256 of `{timestamp}.{body}` under `secret`."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    """The `X-PatenTrack-Signature` value for one delivery attempt."""
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify_header(
    secret: str, header: str, body: bytes, *, now: int, tolerance_s: int = DEFAULT_TOLERANCE_S
) -> bool:
    """What a receiver does: parse the header, check freshness, compare in constant time."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance_s:
        return False
    expected = signature(secret, timestamp, body)
    return hmac.compare_digest(expected, parts.get("v1", ""))


def _key(server_secret: str) -> bytes:
    # A dedicated 256-bit key derived from the server secret (never the secret itself).
    return hmac.new(server_secret.encode(), b"patentrack-webhook-secret-v1", "sha256").digest()


def seal_secret(server_secret: str, secret: str, *, webhook_id: uuid.UUID) -> str:
    """AES-GCM with the webhook id as associated data, so a sealed secret cannot be moved
    to another webhook row."""
    nonce = os.urandom(12)
    sealed = AESGCM(_key(server_secret)).encrypt(nonce, secret.encode(), webhook_id.bytes)
    return "v1:" + base64.b64encode(nonce + sealed).decode()


def open_secret(server_secret: str, stored: str, *, webhook_id: uuid.UUID) -> str:
    """The plain secret of a sealed value (raises InvalidTag if it was tampered with)."""
    raw = base64.b64decode(stored.removeprefix("v1:"))
    return AESGCM(_key(server_secret)).decrypt(raw[:12], raw[12:], webhook_id.bytes).decode()
