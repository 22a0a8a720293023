"""Pre-tenant lookups (through the SECURITY DEFINER functions), one-time tokens, backup codes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.auth import MfaBackupCode, UserToken


@dataclass(frozen=True, slots=True)
class LoginRecord:
    """What login needs to know about an e-mail before any tenant context exists."""

    user_id: uuid.UUID
    organization_id: uuid.UUID
    role: str
    status: str
    password_hash: str
    email_verified: bool
    mfa_enabled: bool
    locked: bool
    org_status: str
    org_mfa_required: bool


@dataclass(frozen=True, slots=True)
class TokenRecord:
    token_id: uuid.UUID
    user_id: uuid.UUID
    organization_id: uuid.UUID
    role: str


async def login_lookup(session: AsyncSession, email: str) -> LoginRecord | None:
    row = (
        await session.execute(text("SELECT * FROM app.auth_login_lookup(:e)"), {"e": email})
    ).one_or_none()
    return LoginRecord(*row) if row else None


async def token_lookup(session: AsyncSession, purpose: str, token_hash: str) -> TokenRecord | None:
    """A live (unused, unexpired) token of `purpose`; None for anything else."""
    row = (
        await session.execute(
            text("SELECT * FROM app.auth_token_lookup(:p, :h)"), {"p": purpose, "h": token_hash}
        )
    ).one_or_none()
    return TokenRecord(*row) if row else None


async def email_taken(session: AsyncSession, email: str) -> bool:
    return bool(
        (await session.execute(text("SELECT app.auth_email_taken(:e)"), {"e": email})).scalar()
    )


async def issue_token(
    session: AsyncSession,
    *,
    organization_id: uuid.UUID,
    user_id: uuid.UUID,
    purpose: str,
    token_hash: str,
    ttl: timedelta,
) -> None:
    """Store a new token's hash; older live tokens of the same purpose die (api.md §2.3)."""
    await session.execute(
        update(UserToken)
        .where(
            UserToken.user_id == user_id,
            UserToken.purpose == purpose,
            UserToken.used_at.is_(None),
        )
        .values(used_at=func.now())
    )
    session.add(
        UserToken(
            organization_id=organization_id,
            user_id=user_id,
            purpose=purpose,
            token_hash=token_hash,
            expires_at=func.now() + ttl,
        )
    )
    await session.flush()


async def consume_token(session: AsyncSession, token_id: uuid.UUID) -> bool:
    """Mark a token used; False if another request used it first (single use under races)."""
    result = await session.execute(
        update(UserToken)
        .where(
            UserToken.id == token_id,
            UserToken.used_at.is_(None),
            UserToken.expires_at > func.now(),
        )
        .values(used_at=func.now())
        .returning(UserToken.id)
    )
    return result.scalar_one_or_none() is not None


async def replace_backup_codes(
    session: AsyncSession, *, organization_id: uuid.UUID, user_id: uuid.UUID, hashes: list[str]
) -> None:
    await session.execute(delete(MfaBackupCode).where(MfaBackupCode.user_id == user_id))
    session.add_all(
        MfaBackupCode(organization_id=organization_id, user_id=user_id, code_hash=h) for h in hashes
    )
    await session.flush()


async def use_backup_code(session: AsyncSession, *, user_id: uuid.UUID, code_hash: str) -> bool:
    """Burn one unused backup code; False if none matches (or it was just used)."""
    target = (
        select(MfaBackupCode.id)
        .where(
            MfaBackupCode.user_id == user_id,
            MfaBackupCode.code_hash == code_hash,
            MfaBackupCode.used_at.is_(None),
        )
        .limit(1)
        .scalar_subquery()
    )
    result = await session.execute(
        update(MfaBackupCode)
        .where(MfaBackupCode.id == target, MfaBackupCode.used_at.is_(None))
        .values(used_at=func.now())
        .returning(MfaBackupCode.id)
    )
    return result.scalar_one_or_none() is not None


async def delete_backup_codes(session: AsyncSession, user_id: uuid.UUID) -> None:
    await session.execute(delete(MfaBackupCode).where(MfaBackupCode.user_id == user_id))
