"""The worker processes that analyse articles (entities, claims) while an index is built.

Forked for ``kimreader index``; spawned (a fresh interpreter) for a threaded caller such as
the app, because forking a process that runs threads can deadlock the child.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .index import exit_with_parent

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["analysis_pool"]


@contextmanager
def analysis_pool(procs: int, *, spawn: bool = False) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of ``procs`` workers, or None (analyse in this process) for one, or when no
    worker process can be started: the build is slower then, never refused."""
    if procs <= 1:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers share the index's write lock, which is held: they must not outlive this
    # process, or they would keep it (see exit_with_parent). Spawned ones inherit no lock, but
    # should not outlive it either, and must not write to the terminal the app draws on.
    try:
        if spawn:
            _start_resource_tracker()
        pool = ProcessPoolExecutor(
            max_workers=procs,
            mp_context=multiprocessing.get_context("spawn") if spawn else None,
            initializer=_worker_started,
            initargs=(os.getpid(), spawn),
        )
    except (OSError, ValueError):
        yield None
        return
    try:
        yield pool
    except BaseException:
        # Cancelled (the app quits) or failed: drop the queued articles rather than wait for
        # a whole batch to be analysed for nothing.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _worker_started(parent: int, quiet: bool) -> None:
    exit_with_parent(parent)
    if quiet:
        # A spawned worker shares the app's terminal: a stray warning printed there would be
        # drawn over the app's screen.
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    The tracker is started with ``sys.stderr``'s file descriptor. A host that replaced
    ``sys.stderr`` with an object without one (Textual's print capture answers -1) makes every
    spawn fail with "bad value(s) in fds_to_keep": the tracker gets the null device then.
    """
    from multiprocessing import resource_tracker

    try:
        descriptor = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        descriptor = -1
    if descriptor >= 0:
        resource_tracker.ensure_running()
        return
    saved = sys.stderr
    with open(os.devnull, "w") as sink:
        sys.stderr = sink
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved
