"""Run a parser in a child process and stream its batches back (ingestion.md §1.2:
"Parsing runs in a process pool so the event loop keeps heart-beating").

The domain parsers are CPU-bound Python; in a thread they share the GIL with the COPY and
merge work of the event loop. A separate process (spawned, so no threads or sockets are
inherited) parses while this one loads; a bounded queue keeps at most a couple of
batches in flight, so memory stays flat whatever the file size.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_mod
from collections.abc import Callable, Iterator
from typing import Any

_DONE = "__done__"
_ERROR = "__error__"


def _child(produce: Callable[..., Iterator[Any]], args: tuple[Any, ...], out: Any) -> None:
    try:
        for item in produce(*args):
            out.put(item)
        out.put(_DONE)
    except BaseException as exc:  # reported to the parent, which raises it
        out.put((_ERROR, f"{type(exc).__name__}: {exc}"))


class ParserProcessError(RuntimeError):
    """The parser process failed or died."""


def iter_in_process(
    produce: Callable[..., Iterator[Any]], args: tuple[Any, ...], *, ahead: int = 2
) -> Iterator[Any]:
    """Items of `produce(*args)` computed in a spawned process (`produce` must be a
    module-level function and its items picklable)."""
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue(maxsize=ahead)
    process = ctx.Process(target=_child, args=(produce, args, out), daemon=True)
    process.start()
    try:
        while True:
            try:
                item = out.get(timeout=1.0)
            except queue_mod.Empty:
                if not process.is_alive():
                    raise ParserProcessError(
                        f"parser exited with code {process.exitcode}"
                    ) from None
                continue
            if isinstance(item, str) and item == _DONE:
                return
            if isinstance(item, tuple) and len(item) == 2 and item[0] == _ERROR:
                raise ParserProcessError(item[1])
            yield item
    finally:
        if process.is_alive():
            process.terminate()
        process.join(timeout=5)
        out.close()
