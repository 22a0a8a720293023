"""Helpers for the auth attack suite: committed orgs/users, sessions, SMTP capture."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.auth import csrf
from api.auth.mfa_state import encrypt_secret
from api.auth.sessions import SessionStore
from api.auth.tokens import issue_access_token
from domain.passwords import hash_password
from patentrack.settings import Settings

PASSWORD = "Correct-Horse-42"
# http.cookiejar files cookies of a dotless host under "<host>.local".
JAR_DOMAIN = "testserver.local"
_HASH = hash_password(PASSWORD)


@dataclass
class Account:
    user_id: uuid.UUID
    org_id: uuid.UUID
    email: str
    role: str


async def seed_org(
    engine: AsyncEngine,
    *,
    status: str = "active",
    mfa_required: bool = False,
    platform: bool = False,
) -> uuid.UUID:
    org_id = uuid.uuid4()
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO organizations (id, name, slug, status, mfa_required, is_platform)"
                " VALUES (:id, :name, :slug, :status, :mfa, :platform)"
            ),
            {
                "id": org_id,
                "name": f"Org {org_id.hex}",
                "slug": f"org-{org_id.hex}",
                "status": status,
                "mfa": mfa_required,
                "platform": platform,
            },
        )
    return org_id


async def seed_user(
    engine: AsyncEngine,
    org_id: uuid.UUID,
    *,
    role: str = "org_member",
    status: str = "active",
    verified: bool = True,
    password_hash: str = _HASH,
    mfa_secret: str | None = None,
    settings: Settings | None = None,
) -> Account:
    user_id = uuid.uuid4()
    email = f"u-{user_id.hex[:12]}@example.com"
    stored_secret = (
        encrypt_secret(settings, mfa_secret, user_id=user_id) if mfa_secret and settings else None
    )
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO users (id, organization_id, email, password_hash, role, status,"
                " email_verified_at, mfa_enabled, mfa_secret) VALUES (:id, :org, :email, :hash,"
                " :role, :status, CASE WHEN :verified THEN now() END, :mfa, :secret)"
            ),
            {
                "id": user_id,
                "org": org_id,
                "email": email,
                "hash": password_hash,
                "role": role,
                "status": status,
                "verified": verified,
                "mfa": stored_secret is not None,
                "secret": stored_secret,
            },
        )
    return Account(user_id, org_id, email, role)


async def account(engine: AsyncEngine, role: str, **org_kwargs: object) -> Account:
    org_id = await seed_org(engine, platform=role == "super_admin", **org_kwargs)  # type: ignore[arg-type]
    return await seed_user(engine, org_id, role=role)


def use_csrf(client: httpx.AsyncClient) -> None:
    """What the SPA does: copy the csrf_token cookie into the X-CSRF-Token header."""
    client.headers[csrf.HEADER] = client.cookies.get(csrf.COOKIE, domain=JAR_DOMAIN) or ""


async def sign_in(
    app: FastAPI, client: httpx.AsyncClient, who: Account, *, mfa: bool = True
) -> str:
    """Mint a session exactly as login does (no password round trip); returns the sid."""
    settings: Settings = app.state.settings
    sid, refresh = await SessionStore(app.state.redis).create(
        user_id=who.user_id, org_id=who.org_id, role=who.role, mfa=mfa
    )
    access, _ = issue_access_token(
        settings, user_id=who.user_id, org_id=who.org_id, role=who.role, sid=sid, mfa=mfa
    )
    client.cookies.set("access_token", access, domain=JAR_DOMAIN, path="/api/v1")
    client.cookies.set("refresh_token", refresh, domain=JAR_DOMAIN, path="/api/v1/auth")
    client.cookies.set(csrf.COOKIE, csrf.issue(settings, sid), domain=JAR_DOMAIN, path="/")
    use_csrf(client)
    return sid


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": password})
    if response.status_code == 200 and not response.json().get("mfaRequired"):
        use_csrf(client)
    return response


@dataclass
class Mailbox:
    """A real SMTP server on loopback (aiosmtpd) collecting what the API sends."""

    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(message_from_bytes(envelope.content))  # type: ignore[attr-defined]
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]

    async def wait_for(self, address: str, count: int = 1) -> list[Message]:
        for _ in range(200):
            found = self.to(address)
            if len(found) >= count:
                return found
            await asyncio.sleep(0.02)
        raise AssertionError(f"no mail for {address}; got {[m['To'] for m in self.messages]}")


def link_token(message: Message, page: str) -> str:
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    match = re.search(rf"https?://\S+/{page}#token=([0-9a-f]+)", body)
    assert match, body
    return match.group(1)
