"""Serve the built SPA from the API's origin, with index.html for client-side routes."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope


class SpaFiles(StaticFiles):
    """Static files; any unknown path outside /api falls back to index.html (deep links)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            return await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404 or path.startswith("api/"):
                raise
            index = Path(str(self.directory)) / "index.html"
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
