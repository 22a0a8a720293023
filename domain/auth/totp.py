"""TOTP (RFC 6238: SHA-1, 6 digits, 30 s step, ±1 step) and backup codes (api.md §2.4)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

import pyotp

STEP_S = 30
DIGITS = 6
WINDOW = 1  # accept the previous and next step for clock drift (RFC 6238 §5.2)
BACKUP_CODE_COUNT = 10
BACKUP_CODE_LENGTH = 10
# Unambiguous upper-case alphabet (no 0/O, 1/I/L) so codes survive being read aloud.
BACKUP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ISSUER = "PatenTrack"


def new_secret() -> str:
    """A fresh base32 TOTP secret (160 bits, RFC 4226 §4 recommends ≥128)."""
    return pyotp.random_base32(length=32)


def provisioning_uri(secret: str, account: str) -> str:
    """The otpauth:// URI an authenticator app scans."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_S).provisioning_uri(
        name=account, issuer_name=ISSUER
    )


def code_at(secret: str, step: int) -> str:
    """The code for time step `step` (used by tests and by `matching_step`)."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_S).generate_otp(step)


def current_step(now: float | None = None) -> int:
    """RFC 6238 T = floor(unix time / step)."""
    return int((time.time() if now is None else now) // STEP_S)


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step (within ±WINDOW) whose code equals `code`, for the replay guard."""
    code = code.strip().replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    base = current_step(now)
    for step in range(base - WINDOW, base + WINDOW + 1):
        if hmac.compare_digest(code_at(secret, step), code):
            return step
    return None


def new_backup_codes() -> list[str]:
    """api.md §2.4: ten single-use 10-character codes, shown once."""
    return [
        "".join(secrets.choice(BACKUP_ALPHABET) for _ in range(BACKUP_CODE_LENGTH))
        for _ in range(BACKUP_CODE_COUNT)
    ]


def normalize_backup_code(code: str) -> str:
    return code.strip().replace("-", "").replace(" ", "").upper()


def hash_backup_code(code: str) -> str:
    """Backup codes carry ~50 random bits and are rate limited; SHA-256 is enough at rest."""
    return hashlib.sha256(normalize_backup_code(code).encode()).hexdigest()
