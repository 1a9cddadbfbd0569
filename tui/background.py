"""Blocking library calls the UI can walk away from: run in a daemon thread, awaited.

A Textual thread worker runs in asyncio's default executor, whose threads the process joins
as it ends (asyncio.run shuts the executor down, and so does the interpreter at exit). A search
still running there held the app's process open after ctrl+q for as long as the query took.
Awaited from an async worker instead, a read-only call runs in a daemon thread of its own: the
event loop never blocks on it, cancelling the worker (a newer query, quitting) stops waiting at
once, and an abandoned thread does not keep the process alive.

Only for calls that read: a thread abandoned at exit stops wherever it is, so anything that
writes (indexing, caches on disk) stays in an ordinary worker that is waited for.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["in_daemon_thread"]

T = TypeVar("T")


async def in_daemon_thread(work: Callable[[threading.Event], T], *, name: str) -> T:
    """``work(abandoned)`` in a daemon thread → its result (or its exception, raised here).

    ``abandoned`` is set once nobody waits any more (the awaiting task was cancelled, or
    finished): long loops check it to stop early rather than compute what will be dropped.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()
    abandoned = threading.Event()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():  # cancelled: the result is not wanted
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = work(abandoned)
        except BaseException as exc:  # delivered to the awaiting task, which reports it
            error = exc
        # The loop may be closed by now (the app quit while this ran): nobody is listening.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name=name, daemon=True).start()
    try:
        return await future
    finally:
        abandoned.set()
