"""api.md §3.1 GET/PATCH /me: name and preferences, bounded, CSRF-protected, own row only."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import text

from api.auth import csrf
from tests.api.auth_support import account, seed_user, sign_in
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("clean_tables")

SELECTIONS = {"dashboard": {"companyIds": [str(uuid.uuid4())], "range": "5y"}, "tab": "assets"}


async def _row(engine, user_id: uuid.UUID) -> tuple[str | None, str | None, str, dict]:
    async with engine.connect() as conn:
        first, last, role, prefs = (
            await conn.execute(
                text("SELECT first_name, last_name, role, preferences FROM users WHERE id = :u"),
                {"u": user_id},
            )
        ).one()
    return first, last, role, prefs


def _field_errors(response) -> dict[str, list[str]]:
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    return error["details"]["fieldErrors"]


async def test_patch_me_updates_only_the_caller(app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    other = await seed_user(admin_engine, who.org_id)
    before_other = await _row(admin_engine, other.user_id)
    async with client_for(app) as c:
        await sign_in(app, c, who)
        fresh = (await c.get("/api/v1/me")).json()
        assert fresh["preferences"] == {"darkMode": None, "savedSelections": {}}

        r = await c.patch(
            "/api/v1/me",
            json={
                "name": "  Ada Lovelace ",
                "preferences": {"darkMode": True, "savedSelections": SELECTIONS},
            },
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["name"] == "Ada Lovelace"
        assert body["preferences"] == {"darkMode": True, "savedSelections": SELECTIONS}
        assert body == (await c.get("/api/v1/me")).json()  # same shape as GET /me

        # Keys not sent stay; darkMode null means "follow the system".
        r = await c.patch("/api/v1/me", json={"preferences": {"darkMode": None}})
        assert r.json()["preferences"] == {"darkMode": None, "savedSelections": SELECTIONS}
        assert r.json()["name"] == "Ada Lovelace"
        r = await c.patch("/api/v1/me", json={"preferences": {"savedSelections": None}})
        assert r.json()["preferences"] == {"darkMode": None, "savedSelections": {}}
        assert (await c.patch("/api/v1/me", json={})).status_code == 200

    first, last, _, prefs = await _row(admin_engine, who.user_id)
    assert (first, last) == ("Ada", "Lovelace")
    assert prefs == {"darkMode": None, "savedSelections": {}}
    assert await _row(admin_engine, other.user_id) == before_other  # another user untouched


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": None}, "name"),
        ({"name": "x" * 256}, "name"),
        ({"name": "Ada\u0000"}, "name"),  # Postgres text cannot hold NUL: 400, not 500
        ({"preferences": None}, "preferences"),
        ({"preferences": {"darkMode": "yes"}}, "preferences.darkMode"),
        ({"preferences": {"theme": "dark"}}, "preferences.theme"),
        ({"preferences": {"savedSelections": []}}, "preferences.savedSelections"),
        (
            {"preferences": {"savedSelections": {f"k{i}": i for i in range(51)}}},
            "preferences.savedSelections",
        ),
        ({"preferences": {"savedSelections": {"big": "x" * 8200}}}, "preferences.savedSelections"),
        ({"preferences": {"savedSelections": {"": 1}}}, "preferences.savedSelections"),
        ({"preferences": {"savedSelections": {"k" * 101: 1}}}, "preferences.savedSelections"),
        ({"preferences": {"savedSelections": {"a": "\u0000"}}}, "preferences.savedSelections"),
        (
            {"preferences": {"savedSelections": {"a": [[[[[[[1]]]]]]]}}},
            "preferences.savedSelections",
        ),
        # Mass assignment: nothing but name and preferences can be written here.
        ({"role": "super_admin"}, "role"),
        ({"email": "evil@example.com"}, "email"),
    ],
)
async def test_patch_me_validation_names_the_field(app, admin_engine, body, field) -> None:
    who = await account(admin_engine, "org_member")
    before = await _row(admin_engine, who.user_id)
    async with client_for(app) as c:
        await sign_in(app, c, who)
        errors = _field_errors(await c.patch("/api/v1/me", json=body))
    assert field in errors, errors
    assert await _row(admin_engine, who.user_id) == before


async def test_patch_me_refuses_non_finite_numbers(app, admin_engine) -> None:
    """Python's JSON parser accepts NaN; jsonb does not. It must be a 400, not a 500."""
    who = await account(admin_engine, "org_member")
    async with client_for(app) as c:
        await sign_in(app, c, who)
        r = await c.patch(
            "/api/v1/me",
            content=b'{"preferences": {"savedSelections": {"a": NaN}}}',
            headers={"Content-Type": "application/json"},
        )
        assert "preferences.savedSelections" in _field_errors(r)


async def test_patch_me_at_the_bounds_is_accepted(app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    fifty = {f"k{i:02d}": "v" * 100 for i in range(50)}
    assert len(json.dumps(fifty, separators=(",", ":"))) <= 8 * 1024
    async with client_for(app) as c:
        await sign_in(app, c, who)
        r = await c.patch("/api/v1/me", json={"preferences": {"savedSelections": fifty}})
        assert r.status_code == 200, r.text
        assert r.json()["preferences"]["savedSelections"] == fifty


async def test_patch_me_needs_the_csrf_token(app, admin_engine) -> None:
    who = await account(admin_engine, "org_member")
    before = await _row(admin_engine, who.user_id)
    async with client_for(app) as c:
        await sign_in(app, c, who)
        token = c.headers.pop(csrf.HEADER)
        missing = await c.patch("/api/v1/me", json={"name": "Mallory"})
        assert missing.status_code == 403
        assert missing.json()["error"]["details"]["reason"] == "csrf_failed"
        forged = await c.patch(
            "/api/v1/me", json={"name": "Mallory"}, headers={csrf.HEADER: token[:-2] + "xx"}
        )
        assert forged.status_code == 403
        assert forged.json()["error"]["details"]["reason"] == "csrf_failed"
    assert await _row(admin_engine, who.user_id) == before
    async with client_for(app) as anonymous:
        assert (await anonymous.patch("/api/v1/me", json={"name": "Mallory"})).status_code == 401
