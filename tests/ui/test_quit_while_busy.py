"""ctrl+q quits at once, even while a search the user typed is still running.

A thread worker runs in asyncio's default executor, and the process cannot end (asyncio.run
and the interpreter both join that executor's threads) until the query finishes: an expensive
query held a quitting app open for as long as it ran. The query's own time is the engine's
business; here the UI must neither wait for it nor block while it runs.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from support import ROOT
from support.pilot import settle

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
    root = ROOT
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


INDEXING_SCRIPT = textwrap.dedent(
    """
    import sys, threading, time
    from pathlib import Path
    from search_index import refresh as refresh_module
    from tui.app import KimreaderApp

    analysed = []
    real = refresh_module._analyse

    def slow(source, **kwargs):
        analysed.append(source.id)
        time.sleep(0.2)  # an article that takes long to analyse
        return real(source, **kwargs)

    refresh_module._analyse = slow

    async def drive(pilot):
        while len(analysed) < 3:
            await pilot.pause(0.05)
        await pilot.press("ctrl+q")

    KimreaderApp(Path(sys.argv[1]), remember=False).run(headless=True, auto_pilot=drive)
    print("quit after", len(analysed), flush=True)
    """
)


def test_the_process_ends_when_ctrl_q_is_pressed_during_the_first_index(
    tmp_path: Path, monkeypatch
):
    """The indexing thread ran to the end of the corpus before the process could exit."""
    root = ROOT
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(200):  # 40 s of analysis at 0.2 s each: far past the hang guard
        (corpus / f"a{n:03d}.txt").write_text(
            f"Report number {n} on the quake\n\nAt least {n} people died, officials said.\n"
        )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the child's cache too
    env = dict(os.environ)
    process = subprocess.Popen(
        [sys.executable, "-c", INDEXING_SCRIPT, str(corpus)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        out, err = process.communicate(timeout=HANG_GUARD / 2)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"still indexing after ctrl+q: {out!r} {err[-2000:]!r}") from None
    assert process.returncode == 0, err[-2000:]
    assert "quit after" in out
    assert int(out.split()[-1]) < 200
    with Library.open(corpus) as library:  # nothing half-committed: the next run indexes all
        assert library.refresh().report.added == 200


LARGE_BUILD_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from tui.app import KimreaderApp

    app = KimreaderApp(Path(sys.argv[1]), remember=False)

    async def drive(pilot):
        while not app.articles:  # the first batch is committed and listed
            await pilot.pause(0.05)
        print("listed", len(app.articles), flush=True)
        await pilot.press("ctrl+q")

    app.run(headless=True, auto_pilot=drive)
    print("quit", flush=True)
    """
)


def test_ctrl_q_during_a_large_first_build_ends_the_process_and_keeps_the_batches_committed(
    tmp_path: Path, monkeypatch
):
    """A large first build analyses in worker processes: quitting must not wait for them to
    analyse the whole folder, and what was committed stays (the next run indexes the rest)."""
    count = 1000
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(count):
        (corpus / f"a{n:04d}.txt").write_text(
            f"Report number {n} on the quake in Region {n % 40}\n\n"
            + f"At least {n} people died in Region {n % 40}, officials said on Monday. " * 4
        )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    process = subprocess.Popen(
        [sys.executable, "-c", LARGE_BUILD_SCRIPT, str(corpus)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        out, err = process.communicate(timeout=HANG_GUARD * 3)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"still building after ctrl+q: {out!r} {err[-2000:]!r}") from None
    assert process.returncode == 0, err[-2000:]
    assert "quit" in out, out
    listed = int(out.split()[1])
    assert 0 < listed < count
    # The build process (and its workers) went with the app: none is left holding the index.
    deadline = time.monotonic() + HANG_GUARD
    while _processes_naming(corpus) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_naming(corpus) == []
    with Library.open(corpus) as library:
        assert 0 < library.refresh().report.added <= count - listed


def _processes_naming(path: Path) -> list[str]:
    """The command lines of running processes that name ``path`` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (entry / "stat").read_text().split()[2]
        except OSError:
            continue
        if str(path) in command and state != "Z":
            found.append(command)
    return found
