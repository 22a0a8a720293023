"""Render the OpenAPI document without starting services (for the committed openapi.json)."""

from __future__ import annotations

import json

from api.app import create_app
from patentrack.settings import load_settings


def render_openapi() -> str:
    # The schema depends only on routes, not on live services; production mode leaves
    # out the development-only routes so the committed contract is the public one.
    settings = load_settings(
        environment="production",
        database_url="postgresql://openapi@localhost/openapi",
        redis_url="redis://localhost:6379/0",
        jwt_secret="openapi-export-" + "x1y2z3w4v5u6t7s8r9q0" * 2,
    )
    return json.dumps(create_app(settings).openapi(), indent=2, sort_keys=True) + "\n"
