"""Where each reference source's files come from (ingestion.md §4.1): a local directory
of files under their original names, or a base URL (public host, mirror or fixture
server). Read from the environment here until the lead moves them into Settings:

    PT_SRC_<NAME>_LOCAL_DIR   directory with the published files (no network at all)
    PT_SRC_<NAME>_BASE_URL    base URL; `{year}` is replaced by the file's year

<NAME> ∈ GRANTS_BIBLIO, APPLICATIONS, CPC_MCF, CPC_SCHEME, MAINT_FEE (§4.1).
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from patentrack.settings import Settings
from worker.ingestion.download import Downloader, NotPublished
from worker.ingestion.run import download_config

DEFAULT_BASE_URLS = {
    "GRANTS_BIBLIO": "https://bulkdata.uspto.gov/data/patent/grant/redbook/bibliographic/{year}/",
    "APPLICATIONS": (
        "https://bulkdata.uspto.gov/data/patent/application/redbook/bibliographic/{year}/"
    ),
    "CPC_MCF": "https://api.uspto.gov/api/v1/datasets/products/files/CPCMCPT/",
    "CPC_SCHEME": "https://www.cooperativepatentclassification.org/sites/default/files/cpc/bulk/",
    "MAINT_FEE": "https://api.uspto.gov/api/v1/datasets/products/files/PTMNFEE2/",
}


@dataclass(frozen=True)
class SourceLocation:
    name: str
    base_url: str
    local_dir: Path | None = None

    @classmethod
    def from_env(cls, name: str, env: dict[str, str] | None = None) -> SourceLocation:
        values = os.environ if env is None else env
        local = values.get(f"PT_SRC_{name}_LOCAL_DIR")
        return cls(
            name=name,
            base_url=values.get(f"PT_SRC_{name}_BASE_URL") or DEFAULT_BASE_URLS[name],
            local_dir=Path(local) if local else None,
        )

    def url_for(self, file_name: str, day: date) -> str:
        return self.base_url.replace("{year}", f"{day:%Y}") + file_name


async def fetch_dated(
    location: SourceLocation, settings: Settings, file_name: str, day: date, dest_dir: Path
) -> Path:
    """The published file, from the local directory or downloaded (§1.1 step 2).

    Raises NotPublished when it is not there (yet); the job re-polls (§1.2).
    """
    if location.local_dir is not None:
        path = location.local_dir / file_name
        if not path.is_file():
            raise NotPublished(f"{path} does not exist")
        return path
    config = dataclasses.replace(download_config(settings), base_url=location.base_url)
    downloaded = await Downloader(config).fetch(
        location.url_for(file_name, day), dest_dir / file_name
    )
    return downloaded.path
