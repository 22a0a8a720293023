"""Run a blocking parser on a thread, a bounded number of batches ahead of the consumer.

The parsers (domain, lxml) are CPU work; merges mostly wait on PostgreSQL. Parsing the
next batch while the event loop awaits the database overlaps the two, and the bounded
hand-off keeps memory at a few batches whatever the file size (ingestion.md §1.1 step 5).
Used by every source (assignments, grants, CPC, fees).
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
_DONE = object()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of at most `size` items, in order."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


async def in_background(
    produce: Callable[[], Iterable[T]], *, ahead: int = 2, name: str = "parser"
) -> AsyncIterator[T]:
    """Items of `produce()` computed on a thread, at most `ahead` items in flight."""
    handoff: queue.Queue[Any] = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def run() -> None:
        try:
            for item in produce():
                while not stop.is_set():
                    try:
                        handoff.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            handoff.put(_DONE)
        except BaseException as exc:  # handed to the consumer, which re-raises it
            handoff.put(exc)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    try:
        while True:
            item = await asyncio.to_thread(handoff.get)
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():
            try:  # unblock a producer waiting on a full queue
                handoff.get_nowait()
            except queue.Empty:
                await asyncio.sleep(0.01)
