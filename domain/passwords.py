"""Password hashing and policy (D12): Argon2id, legacy bcrypt verified once then rehashed."""

from __future__ import annotations

import hmac
import re

import bcrypt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()  # argon2-cffi defaults are Argon2id with RFC 9106 parameters

MIN_LENGTH = 12
MAX_LENGTH = 128  # api.md §2.5; also bounds the hashing work an attacker can ask for
BCRYPT_PREFIXES = ("$2a$", "$2b$", "$2y$")

# Verified against when an e-mail is unknown, so both paths cost one Argon2id verify
# (api.md §2.6: unknown e-mails behave identically, timing included).
DUMMY_HASH = _HASHER.hash("dummy-password-never-matches-anything")


def hash_password(password: str) -> str:
    """D12: an Argon2id hash of `password`."""
    return _HASHER.hash(password)


def is_legacy_hash(encoded: str) -> bool:
    """D12: a bcrypt hash imported from the legacy system."""
    return encoded.startswith(BCRYPT_PREFIXES)


def _verify_bcrypt(password: str, encoded: str) -> bool:
    try:
        return bool(bcrypt.checkpw(password.encode(), encoded.encode()))
    except ValueError:
        return False


def verify_password(password: str, encoded: str) -> bool:
    """D12: True when `password` matches the stored Argon2id (or legacy bcrypt) hash."""
    if is_legacy_hash(encoded):
        return _verify_bcrypt(password, encoded)
    try:
        return _HASHER.verify(encoded, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(encoded: str) -> bool:
    """D12: the stored hash is legacy bcrypt or uses weaker parameters than today's."""
    if is_legacy_hash(encoded):
        return True
    try:
        return _HASHER.check_needs_rehash(encoded)
    except InvalidHashError:
        return True


def policy_violations(password: str, *, email: str | None = None) -> list[str]:
    """D12 (+ api.md §2.5 length cap and e-mail rule): one message per unmet rule."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"must be at least {MIN_LENGTH} characters long")
    if len(password) > MAX_LENGTH:
        problems.append(f"must be at most {MAX_LENGTH} characters long")
    if not re.search(r"[A-Z]", password):
        problems.append("must contain an upper-case letter")
    if not re.search(r"[a-z]", password):
        problems.append("must contain a lower-case letter")
    if not re.search(r"\d", password):
        problems.append("must contain a digit")
    if email and hmac.compare_digest(password.strip().lower(), email.strip().lower()):
        problems.append("must not be your e-mail address")
    return problems


# Stored for invited users until they choose a password: not a hash, so nothing verifies.
UNUSABLE_HASH = "!unusable"
