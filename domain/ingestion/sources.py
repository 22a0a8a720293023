"""Open published files as XML/text streams: plain files, ZIP, TAR and folders (§1.1 step 4).

Pure stdlib, local files only, no network. Each yielded stream is valid until the
iterator advances (it is closed then), so consumers parse one member at a time.
"""

from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, NamedTuple

XML_SUFFIXES: tuple[str, ...] = (".xml",)

# A nested ZIP is spilled to a temp file (ZIP needs seeking; §1.1) only past this size.
_SPOOL_MAX = 64 * 1024 * 1024


class SourceStream(NamedTuple):
    """One member stream: its name (archive member path or file path) and binary stream."""

    name: str
    stream: IO[bytes]


def _wanted(name: str, suffixes: Iterable[str]) -> bool:
    base = name.rsplit("/", 1)[-1]
    # Skip resource forks and hidden files that macOS zip tools add.
    if base.startswith(".") or "__MACOSX/" in name:
        return False
    lower = name.lower()
    return any(lower.endswith(s.lower()) for s in suffixes)


def _is_zip_name(name: str) -> bool:
    return name.lower().endswith(".zip")


def _is_tar_name(name: str) -> bool:
    return name.lower().endswith((".tar", ".tar.gz", ".tgz"))


def _iter_zip(fileobj: IO[bytes] | str, suffixes: tuple[str, ...]) -> Iterator[SourceStream]:
    with zipfile.ZipFile(fileobj) as archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            if _is_zip_name(info.filename):
                with archive.open(info) as inner:
                    yield from _iter_spilled_zip(inner, suffixes)
            elif _wanted(info.filename, suffixes):
                with archive.open(info) as member:
                    yield SourceStream(info.filename, member)


def _iter_spilled_zip(stream: IO[bytes], suffixes: tuple[str, ...]) -> Iterator[SourceStream]:
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_MAX) as spill:
        shutil.copyfileobj(stream, spill)
        spill.seek(0)
        yield from _iter_zip(spill, suffixes)


def _iter_tar(path: str, suffixes: tuple[str, ...]) -> Iterator[SourceStream]:
    # Streaming mode ("r|*"): members are read in archive order without seeking, so a
    # 10 GB Red Book TAR is never unpacked to disk (§2.2); folder names are ignored.
    with tarfile.open(path, mode="r|*") as archive:
        for member in archive:
            if not member.isfile():
                continue
            if _is_zip_name(member.name):
                extracted = archive.extractfile(member)
                if extracted is not None:
                    with extracted:
                        yield from _iter_spilled_zip(extracted, suffixes)
            elif _wanted(member.name, suffixes):
                extracted = archive.extractfile(member)
                if extracted is not None:
                    with extracted:
                        yield SourceStream(member.name, extracted)


def iter_source_streams(
    path: str | os.PathLike[str], suffixes: tuple[str, ...] = XML_SUFFIXES
) -> Iterator[SourceStream]:
    """Yield member streams whose names end with ``suffixes`` from a file, archive or folder."""
    p = Path(path)
    if p.is_dir():
        for child in sorted(c for c in p.rglob("*") if c.is_file()):
            yield from iter_source_streams(child, suffixes)
        return
    name = p.name
    if _is_zip_name(name):
        yield from _iter_zip(str(p), suffixes)
    elif _is_tar_name(name):
        yield from _iter_tar(str(p), suffixes)
    elif _wanted(name, suffixes):
        with p.open("rb") as handle:
            yield SourceStream(str(p), handle)


def open_assignment_source(path: str | os.PathLike[str]) -> Iterator[SourceStream]:
    """Yield the daily assignment XML stream(s) of an ``.xml``, ``.zip`` or folder (§2.1)."""
    return iter_source_streams(path, XML_SUFFIXES)
