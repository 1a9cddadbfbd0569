"""ctrl+q quits at once, even while a search the user typed is still running.

A thread worker runs in asyncio's default executor, and the process cannot end (asyncio.run
and the interpreter both join that executor's threads) until the query finishes: an expensive
query held a quitting app open for as long as it ran. The query's own time is the engine's
business; here the UI must neither wait for it nor block while it runs.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from test_app import settle

from search_index.library import Library
from search_index.models import SearchResult
from tui.app import KimreaderApp

# A hang guard only: a quitting app takes well under a second; a hung one would take forever.
HANG_GUARD = 60.0


def block_searches(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Make every search wait until released → (started, release)."""
    started, release = threading.Event(), threading.Event()

    def search(self: Library, query: str, *, limit: int = 20, offset: int = 0) -> SearchResult:
        started.set()
        release.wait(HANG_GUARD * 2)
        return SearchResult(query=query, hits=(), total=0)

    monkeypatch.setattr(Library, "search", search)
    return started, release


async def wait_for_event(event: threading.Event, pilot) -> None:
    async def poll() -> None:
        while not event.is_set():
            await pilot.pause(0.02)

    await asyncio.wait_for(poll(), HANG_GUARD)


async def test_ctrl_q_quits_while_a_search_runs(monkeypatch):
    started, release = block_searches(monkeypatch)
    app = KimreaderApp(remember=False)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(app, pilot)
            await pilot.press("slash", *"museum", "enter")
            await wait_for_event(started, pilot)
            # The UI still answers while the query runs.
            await pilot.press("escape")
            await pilot.pause()
            assert app.is_running
            await pilot.press("ctrl+q")
            await asyncio.wait_for(pilot.wait_for_scheduled_animations(), HANG_GUARD)
        assert not app.is_running
        # What asyncio.run does as the process ends: join the default executor's threads. A
        # search running there kept a quit app's process alive until the query finished.
        loop = asyncio.get_running_loop()
        await asyncio.wait_for(loop.shutdown_default_executor(), HANG_GUARD / 4)
        assert not release.is_set()  # quitting did not wait for the query to be released
    finally:
        release.set()


SCRIPT = textwrap.dedent(
    """
    import sys, threading
    from search_index.library import Library
    from search_index.models import SearchResult
    from tui.app import KimreaderApp

    release = threading.Event()

    def search(self, query, *, limit=20, offset=0):
        print("searching", flush=True)
        release.wait()  # a query that never ends
        return SearchResult(query=query, hits=(), total=0)

    Library.search = search

    async def drive(pilot):
        app = pilot.app
        while app.library is None or not app.main.query_one("#sources").option_count:
            await pilot.pause(0.05)
        await pilot.press("slash", *"museum", "enter")
        await pilot.pause(0.5)
        await pilot.press("ctrl+q")

    KimreaderApp(remember=False).run(headless=True, auto_pilot=drive)
    print("quit", flush=True)
    """
)


def test_the_process_ends_when_ctrl_q_is_pressed_during_a_search(tmp_path: Path):
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"still running after ctrl+q: {out!r} {err[-2000:]!r}") from None
    assert "searching" in out and "quit" in out, (out, err[-2000:])
    assert process.returncode == 0, err[-2000:]
