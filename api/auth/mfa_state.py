"""MFA state (api.md §2.3, §2.4): the pending login step, pending enrolment, replay guard,
and the AES-GCM encryption of TOTP secrets at rest.

- `auth:mfa_pending:{sha256}` {userId, orgId, role, email, attempts} for 5 minutes
- `auth:mfa_setup:{userId}`   the encrypted pending secret and backup-code hashes, 10 min
- `auth:totp_used:{userId}:{step}` a code once accepted is refused for 90 s (RFC 6238 §5.2)
"""

from __future__ import annotations

import base64
import hmac
import json
import os
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from redis.asyncio import Redis

from domain.auth.secrets import new_opaque_token, token_hash
from patentrack.settings import Settings

PENDING_TTL_S = 300
SETUP_TTL_S = 600
REPLAY_TTL_S = 90
MAX_ATTEMPTS = 5  # §2.4: five bad codes burn the mfaToken


def _key(settings: Settings) -> bytes:
    # A dedicated 256-bit key derived from the server secret (never the secret itself).
    return hmac.new(settings.jwt_secret_value().encode(), b"patentrack-totp-v1", "sha256").digest()


def encrypt_secret(settings: Settings, secret: str, *, user_id: uuid.UUID) -> str:
    """AES-GCM with the user id as associated data, so a ciphertext cannot be moved."""
    nonce = os.urandom(12)
    sealed = AESGCM(_key(settings)).encrypt(nonce, secret.encode(), str(user_id).encode())
    return "v1:" + base64.b64encode(nonce + sealed).decode()


def decrypt_secret(settings: Settings, stored: str, *, user_id: uuid.UUID) -> str:
    raw = base64.b64decode(stored.removeprefix("v1:"))
    return AESGCM(_key(settings)).decrypt(raw[:12], raw[12:], str(user_id).encode()).decode()


@dataclass(frozen=True, slots=True)
class PendingLogin:
    user_id: uuid.UUID
    org_id: uuid.UUID
    role: str
    email: str
    attempts: int


class MfaStore:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def start_login(
        self, *, user_id: uuid.UUID, org_id: uuid.UUID, role: str, email: str
    ) -> str:
        token = new_opaque_token()
        payload = {
            "userId": str(user_id),
            "orgId": str(org_id),
            "role": role,
            "email": email,
            "attempts": 0,
        }
        await self.redis.set(
            f"auth:mfa_pending:{token_hash(token)}", json.dumps(payload), ex=PENDING_TTL_S
        )
        return token

    async def pending_login(self, token: str) -> PendingLogin | None:
        raw = await self.redis.get(f"auth:mfa_pending:{token_hash(token)}")
        if raw is None:
            return None
        d = json.loads(raw)
        return PendingLogin(
            uuid.UUID(d["userId"]), uuid.UUID(d["orgId"]), d["role"], d["email"], d["attempts"]
        )

    async def failed_attempt(self, token: str) -> int:
        """Count a bad code; the token burns at MAX_ATTEMPTS. Returns attempts so far."""
        key = f"auth:mfa_pending:{token_hash(token)}"
        raw = await self.redis.get(key)
        if raw is None:
            return MAX_ATTEMPTS
        d = json.loads(raw)
        d["attempts"] += 1
        if d["attempts"] >= MAX_ATTEMPTS:
            await self.redis.delete(key)
        else:
            await self.redis.set(key, json.dumps(d), keepttl=True)
        return int(d["attempts"])

    async def finish_login(self, token: str) -> bool:
        """Consume the mfaToken; False if a concurrent request consumed it first."""
        return bool(await self.redis.delete(f"auth:mfa_pending:{token_hash(token)}"))

    async def put_setup(self, user_id: uuid.UUID, payload: dict[str, Any]) -> None:
        await self.redis.set(f"auth:mfa_setup:{user_id}", json.dumps(payload), ex=SETUP_TTL_S)

    async def get_setup(self, user_id: uuid.UUID) -> dict[str, Any] | None:
        raw = await self.redis.get(f"auth:mfa_setup:{user_id}")
        return json.loads(raw) if raw else None

    async def drop_setup(self, user_id: uuid.UUID) -> None:
        await self.redis.delete(f"auth:mfa_setup:{user_id}")

    async def claim_step(self, user_id: uuid.UUID, step: int) -> bool:
        """Replay guard: True the first time a (user, step) code is used, False after."""
        return bool(
            await self.redis.set(f"auth:totp_used:{user_id}:{step}", "1", nx=True, ex=REPLAY_TTL_S)
        )
