"""Opaque one-time secrets: how they are made and how they are kept (hashes only)."""

from __future__ import annotations

import hashlib
import secrets

REFRESH_TOKEN_BYTES = 32  # api.md §2.1: 32 random bytes, base64url


def new_opaque_token(nbytes: int = REFRESH_TOKEN_BYTES) -> str:
    """A URL-safe random token; only its hash is ever stored (D14, api.md §2.3)."""
    return secrets.token_urlsafe(nbytes)


def new_hex_token() -> str:
    """api.md §2.4: reset and invite tokens are 40 hex characters (160 bits)."""
    return secrets.token_hex(20)


def token_hash(token: str) -> str:
    """SHA-256 hex: the stored form of a high-entropy token (no salt needed at 160+ bits)."""
    return hashlib.sha256(token.encode()).hexdigest()


def email_key(email: str) -> str:
    """The e-mail as a lockout key: hashed so Redis never holds addresses (api.md §2.3)."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()
