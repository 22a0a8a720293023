"""D12 password policy and hashing."""

from __future__ import annotations

from argon2 import PasswordHasher

from domain.passwords import (
    DUMMY_HASH,
    UNUSABLE_HASH,
    hash_password,
    needs_rehash,
    policy_violations,
    verify_password,
)


def test_policy_lists_every_unmet_rule() -> None:
    assert policy_violations("Good-Password-12") == []
    assert len(policy_violations("short")) == 3  # length, upper-case, digit
    assert policy_violations("alllowercase12") == ["must contain an upper-case letter"]
    assert policy_violations("ALLUPPERCASE12") == ["must contain a lower-case letter"]
    assert policy_violations("NoDigitsAtAllHere") == ["must contain a digit"]
    assert "must be at most 128 characters long" in policy_violations("Aa1" * 50)
    assert policy_violations("Me@Example.com1", email="me@example.com1") == [
        "must not be your e-mail address"
    ]


def test_argon2id_round_trip_and_rejections() -> None:
    encoded = hash_password("Good-Password-12")
    assert encoded.startswith("$argon2id$")
    assert verify_password("Good-Password-12", encoded)
    assert not verify_password("good-password-12", encoded)
    assert not verify_password("anything", UNUSABLE_HASH)
    assert not verify_password("anything", DUMMY_HASH)
    assert not needs_rehash(encoded)


def test_weaker_parameters_and_legacy_bcrypt_need_a_rehash() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("Good-Password-12")
    assert verify_password("Good-Password-12", weak) and needs_rehash(weak)
    legacy = "$2b$12$" + "a" * 53
    assert needs_rehash(legacy)
    assert not verify_password("whatever", legacy)  # never verifies without a match
