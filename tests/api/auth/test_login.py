"""Login outcomes beyond the happy path (api.md §2.4)."""

from __future__ import annotations

import bcrypt
import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from domain.passwords import needs_rehash, verify_password
from tests.api.auth_support import PASSWORD, login, seed_org, seed_user
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")


def _weak_argon2() -> str:
    return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)


def _legacy_bcrypt() -> str:
    # What the legacy system stored for imported users (D12: verify once, then rehash).
    return bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()


@pytest.mark.parametrize("make_hash", [_weak_argon2, _legacy_bcrypt], ids=["argon2", "bcrypt"])
async def test_outdated_hash_verifies_once_and_is_rehashed(app, admin_engine, make_hash) -> None:
    weak = make_hash()
    who = await seed_user(admin_engine, await seed_org(admin_engine), password_hash=weak)
    async with client_for(app) as c:
        assert (await login(c, who.email)).status_code == 200
    async with admin_engine.connect() as conn:
        stored, algorithm, last_login = (
            await conn.execute(
                text(
                    "SELECT password_hash, hash_algorithm, last_login_at FROM users WHERE id = :u"
                ),
                {"u": who.user_id},
            )
        ).one()
    assert stored != weak and not needs_rehash(stored) and verify_password(PASSWORD, stored)
    assert algorithm == "argon2id" and last_login is not None


async def test_deactivated_and_unverified_users(app, admin_engine) -> None:
    org = await seed_org(admin_engine)
    inactive = await seed_user(admin_engine, org, status="inactive")
    unverified = await seed_user(admin_engine, org, status="pending", verified=False)
    async with client_for(app) as c:
        gone = await login(c, inactive.email)
        assert gone.json()["error"]["details"]["reason"] == "invalid_credentials"
        pending = await login(c, unverified.email)
        assert pending.status_code == 403
        assert pending.json()["error"]["details"]["reason"] == "email_unverified"
        wrong = await login(c, unverified.email, "Wrong-Password-1")
        # Without the right password nobody learns the account is unverified.
        assert wrong.json()["error"]["details"]["reason"] == "invalid_credentials"
