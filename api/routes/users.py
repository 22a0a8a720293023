"""Org admins manage the users of their organization (D5, api.md §3.4 #41-44, unlock)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, status
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.auth import audit, mails
from api.auth.lockout import LockoutStore
from api.auth.principal import Principal
from api.auth.sessions import SessionStore
from api.deps import AppSettings, DbSession, OrgAdminOf, Redis
from api.errors import Conflict, NotFound
from api.idempotency import IDEMPOTENT
from api.routes.auth import INVITE_TTL, issue_link_token
from api.schemas.common import Page, PageLimit, Success
from api.schemas.users import InviteRequest, InviteResponse, UserItem, UserPatch
from db.models.tenancy import Organization, User
from db.repos import auth as auth_repo
from db.repos import org_data_version
from db.repos import users as users_repo
from db.repos.organizations import get_org
from domain.passwords import UNUSABLE_HASH
from patentrack.settings import Settings

router = APIRouter(prefix="/organizations/{org_id}/users", tags=["users"])


def user_item(user: User) -> UserItem:
    if user.status == "inactive":
        state = "inactive"
    elif user.locked_at is not None:
        state = "locked"
    elif user.status == "pending":
        state = "invited"
    else:
        state = "active"
    return UserItem(
        id=user.id,
        email=user.email,
        name=user.display_name,
        role=user.role,  # type: ignore[arg-type]
        status=state,  # type: ignore[arg-type]
        mfa_enabled=user.mfa_enabled,
        last_login_at=user.last_login_at,
        created_at=user.created_at,
    )


async def _target(
    db: AsyncSession, org_id: uuid.UUID, user_id: uuid.UUID, actor: Principal
) -> User:
    user = await users_repo.get_user(db, user_id, organization_id=org_id)
    # Another org's user, or a super admin seen by an org admin: simply not there (§2.8).
    if user is None or (user.role == "super_admin" and not actor.is_super_admin):
        raise NotFound("No such user.")
    return user


async def _audit_on_user(
    db: AsyncSession,
    request: Request,
    action: str,
    *,
    org_id: uuid.UUID,
    actor: Principal,
    user_id: uuid.UUID,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Audit an admin's action on a user of `org_id` (actor and resource differ); every
    user change passes here, so it also drops the cached org profile (api.md §5.2
    `org:{orgId}:detail`, which carries the user count) once the change commits."""
    org_data_version.drop_detail_after_commit(db, request.app.state.redis, org_id)
    await audit.record(
        db,
        request,
        action,
        organization_id=org_id,
        actor_user_id=actor.user_id,
        actor_role=actor.role,
        resource_type="user",
        resource_id=user_id,
        before=before,
        after=after,
    )


async def _guard_last_admin(db: AsyncSession, org_id: uuid.UUID, user: User) -> None:
    """Never leave an organization without an active admin (409 last_admin)."""
    if user.role != "org_admin" or user.status != "active":
        return
    admins = await users_repo.active_admin_ids_for_update(db, org_id)
    if admins == [user.id] or len(admins) <= 1:
        raise Conflict(
            "An organization needs at least one admin.", details={"reason": "last_admin"}
        )


async def create_invitation(
    db: AsyncSession,
    request: Request,
    settings: Settings,
    *,
    org: Organization,
    email: str,
    name: str,
    role: str,
    actor: Principal,
) -> uuid.UUID:
    """Create the invited (pending) user and mail the 7-day invite link (api.md §2.4)."""
    email = email.lower()
    if await auth_repo.email_taken(db, email):
        raise Conflict("A user with this e-mail already exists.")
    first, _, last = name.strip().partition(" ")
    user = User(
        id=uuid.uuid4(),
        organization_id=org.id,
        email=email,
        # Unusable until the invitee sets a password.
        password_hash=UNUSABLE_HASH,
        first_name=first,
        last_name=last.strip() or None,
        role=role,
        status="pending",
    )
    try:
        async with db.begin_nested():
            db.add(user)
            await db.flush()
    except IntegrityError as exc:
        raise Conflict("A user with this e-mail already exists.") from exc
    token = await issue_link_token(
        db, org_id=org.id, user_id=user.id, purpose="invite", ttl=INVITE_TTL
    )
    await _audit_on_user(
        db,
        request,
        "user.invited",
        org_id=org.id,
        actor=actor,
        user_id=user.id,
        after={"role": role},
    )
    subject, body = mails.invite(settings, token, org.name)
    mails.queue_mail(db, settings, to=email, subject=subject, body=body)
    return user.id


@router.get("", operation_id="users_list", response_model=Page[UserItem])
async def list_users(
    org_id: uuid.UUID,
    _: OrgAdminOf,
    db: DbSession,
    limit: Annotated[PageLimit, Query()] = 25,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[UserItem]:
    """The organization's users."""
    users, total = await users_repo.list_users(db, org_id, limit=limit, offset=offset)
    return Page[UserItem](data=[user_item(u) for u in users], total=total)


@router.post(
    "",
    operation_id="users_invite",
    response_model=InviteResponse,
    status_code=status.HTTP_201_CREATED,
    dependencies=[IDEMPOTENT],
)
async def invite_user(
    org_id: uuid.UUID,
    body: InviteRequest,
    actor: OrgAdminOf,
    request: Request,
    db: DbSession,
    settings: AppSettings,
) -> InviteResponse:
    """Invite someone by e-mail; they set their own password from the link."""
    org = await get_org(db, org_id)
    if org is None:
        raise NotFound("No such organization.")
    user_id = await create_invitation(
        db,
        request,
        settings,
        org=org,
        email=body.email,
        name=body.name,
        role=body.role,
        actor=actor,
    )
    return InviteResponse(user_id=user_id, invitation_sent=True)


@router.patch("/{user_id}", operation_id="users_update", response_model=UserItem)
async def change_role(
    org_id: uuid.UUID,
    user_id: uuid.UUID,
    body: UserPatch,
    actor: OrgAdminOf,
    request: Request,
    db: DbSession,
    redis: Redis,
) -> UserItem:
    """Change a user's role; their sessions end so the new role applies at once."""
    user = await _target(db, org_id, user_id, actor)
    if body.role != user.role:
        if body.role != "org_admin":
            await _guard_last_admin(db, org_id, user)
        before = user.role
        await users_repo.update_user(db, user.id, role=body.role)
        await SessionStore(redis).revoke_all(user.id)
        await _audit_on_user(
            db,
            request,
            "user.role_changed",
            org_id=org_id,
            actor=actor,
            user_id=user.id,
            before={"role": before},
            after={"role": body.role},
        )
        await db.refresh(user)
    return user_item(user)


@router.delete("/{user_id}", operation_id="users_deactivate", response_model=Success)
async def deactivate_user(
    org_id: uuid.UUID,
    user_id: uuid.UUID,
    actor: OrgAdminOf,
    request: Request,
    db: DbSession,
    redis: Redis,
) -> Success:
    """Deactivate a user: they cannot sign in and every session ends now."""
    user = await _target(db, org_id, user_id, actor)
    if user.status != "inactive":
        await _guard_last_admin(db, org_id, user)
        await users_repo.update_user(db, user.id, status="inactive")
        await SessionStore(redis).revoke_all(user.id)
        await _audit_on_user(
            db, request, "user.deactivated", org_id=org_id, actor=actor, user_id=user.id
        )
    return Success()


@router.post("/{user_id}/unlock", operation_id="users_unlock", response_model=Success)
async def unlock_user(
    org_id: uuid.UUID,
    user_id: uuid.UUID,
    actor: OrgAdminOf,
    request: Request,
    db: DbSession,
    redis: Redis,
) -> Success:
    """Lift every lockout, including the 20-failure lock only an admin can lift (D12)."""
    user = await _target(db, org_id, user_id, actor)
    await users_repo.update_user(db, user.id, locked_at=None)
    await LockoutStore(redis).clear(user.email)
    await _audit_on_user(db, request, "user.unlocked", org_id=org_id, actor=actor, user_id=user.id)
    return Success()
