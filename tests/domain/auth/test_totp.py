"""RFC 6238 windows and backup codes."""

from __future__ import annotations

import pyotp

from domain.auth import totp


def test_matches_rfc6238_reference_implementation() -> None:
    secret = totp.new_secret()
    now = 1_790_000_000.0
    code = pyotp.TOTP(secret).at(now)
    assert totp.matching_step(secret, code, now) == totp.current_step(now)


def test_one_step_of_drift_either_way_and_no_more() -> None:
    secret = totp.new_secret()
    now = 1_790_000_000.0
    step = totp.current_step(now)
    assert totp.matching_step(secret, totp.code_at(secret, step - 1), now) == step - 1
    assert totp.matching_step(secret, totp.code_at(secret, step + 1), now) == step + 1
    far = totp.code_at(secret, step - 2)
    if far not in {totp.code_at(secret, s) for s in (step - 1, step, step + 1)}:
        assert totp.matching_step(secret, far, now) is None


def test_malformed_codes_never_match() -> None:
    secret = totp.new_secret()
    for code in ("", "12345", "1234567", "abcdef", "12 34 5x"):
        assert totp.matching_step(secret, code) is None


def test_backup_codes_are_ten_distinct_unambiguous_codes() -> None:
    codes = totp.new_backup_codes()
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(len(c) == 10 and set(c) <= set(totp.BACKUP_ALPHABET) for c in codes)
    assert not set("01OIL") & set("".join(codes))
    assert totp.hash_backup_code(codes[0]) == totp.hash_backup_code(f" {codes[0].lower()} ")
    assert totp.hash_backup_code(codes[0]) != totp.hash_backup_code(codes[1])
