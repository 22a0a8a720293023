"""The session cookies (api.md §2.1): HttpOnly, Secure, SameSite=Strict, narrow paths."""

from __future__ import annotations

from starlette.responses import Response

from api.auth import csrf
from api.auth.tokens import ACCESS_TTL_S
from patentrack.settings import Settings

ACCESS_COOKIE = "access_token"
REFRESH_COOKIE = "refresh_token"
ACCESS_PATH = "/api/v1"
# R18: the refresh cookie reaches only /auth (refresh and logout), never other routes.
REFRESH_PATH = "/api/v1/auth"
REFRESH_TTL_S = 7 * 24 * 3600


def set_session_cookies(
    response: Response,
    settings: Settings,
    *,
    access_token: str,
    refresh_token: str | None,
    csrf_token: str,
) -> None:
    secure = settings.cookie_secure
    response.set_cookie(
        ACCESS_COOKIE,
        access_token,
        max_age=ACCESS_TTL_S,
        path=ACCESS_PATH,
        httponly=True,
        secure=secure,
        samesite="strict",
    )
    if refresh_token is not None:
        response.set_cookie(
            REFRESH_COOKIE,
            refresh_token,
            max_age=REFRESH_TTL_S,
            path=REFRESH_PATH,
            httponly=True,
            secure=secure,
            samesite="strict",
        )
    # JS-readable on purpose: the SPA copies it into the X-CSRF-Token header (§1.9).
    response.set_cookie(
        csrf.COOKIE,
        csrf_token,
        max_age=REFRESH_TTL_S,
        path="/",
        httponly=False,
        secure=secure,
        samesite="strict",
    )
    response.headers[csrf.HEADER] = csrf_token


def clear_session_cookies(response: Response, settings: Settings) -> None:
    """§2.1: logout and any revocation expire every cookie."""
    secure = settings.cookie_secure
    for name, path, httponly in (
        (ACCESS_COOKIE, ACCESS_PATH, True),
        (REFRESH_COOKIE, REFRESH_PATH, True),
        (csrf.COOKIE, "/", False),
    ):
        response.delete_cookie(name, path=path, secure=secure, httponly=httponly, samesite="strict")
