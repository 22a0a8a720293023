"""Which task arguments re-run a failed ingestion job (issue 9; api.md §3.5 #54).

A job row (ingestion_jobs) is one file of one source. Its task's original arguments are
rebuilt from the row's metadata, which the worker writes when it opens the job:
`business_date` for a dated assignment download (worker/ingestion/run.py), `path` for a
local or downloaded file (sha256 + path). Re-running is safe: every loader is idempotent
(BR-059; a file already loaded is skipped).
"""

from __future__ import annotations

from typing import Any

# data_sources.name → the keyword that names one local file for that source's task.
_FILE_KWARG = {
    "USPTO_PASDL_DAILY": "files",  # ingest.assignments takes a list
    "USPTO_GRANTS_BIBLIO": "file",
    "USPTO_APPLICATIONS_BIBLIO": "file",
    "USPTO_CPC_MCF": "file",
    "CPC_SCHEME": "file",
    "USPTO_MAINT_FEE_EVENTS": "file",
}


def retry_kwargs(source: str, metadata: dict[str, Any] | None) -> dict[str, Any] | None:
    """The kwargs that re-run this job's file, or None when they cannot be rebuilt
    (on-demand look-ups such as EPO families keep no re-runnable input)."""
    meta = metadata or {}
    if source == "USPTO_PASDL_DAILY" and isinstance(meta.get("business_date"), str):
        # The dated download: fetch that day again (a partial local copy is not trusted).
        return {"day": meta["business_date"]}
    kwarg = _FILE_KWARG.get(source)
    path = meta.get("path")
    if kwarg is None or not isinstance(path, str) or not path:
        return None
    return {kwarg: [path] if kwarg == "files" else path}
