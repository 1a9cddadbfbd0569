"""The first open of a large corpus in the app, and the event loop's largest stall (issue 18).

    .venv/bin/python benchmarks/first_open.py CORPUS [--before CHECKOUT] [--skip-terminal]
    .venv/bin/python benchmarks/first_open.py CORPUS --stalls [--indexed]

Terminal part (what the user sees): ``kimreader --corpus CORPUS`` started in a real terminal
(tmux, 120x40) with an empty cache; the clock starts just before the process and the pane is
polled every 20 ms: the first article title in the source list (reading can start), and the
status line no longer saying "indexing" for 3 s (the build finished). Then ``kimreader index`` on the
same corpus with another empty cache, whole process, in the same run; with ``--before``, the
app of another checkout (a ``git worktree``) too.

Stall part (``--stalls``): the app run headless in this process (``App.run_test``) with an
empty cache (or, ``--indexed``, the cache in XDG_CACHE_HOME as it is), while a task on the
event loop asks to be woken every 10 ms and records how late it was: the largest lateness is
the longest a key press could have waited. Keys are pressed all along (``j`` every 200 ms), and
once the corpus is open: ``M`` (a story's overview), ``t``, ``s`` (grouping), a search.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TICK = 0.010
QUIET = 3.0
# The console script's entry point, run by this interpreter from the checkout on PYTHONPATH.
LAUNCH = 'import sys; from tui.cli import main; sys.argv[0] = "kimreader"; main()'


def _pane(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def terminal_open(checkout: Path, corpus: Path, limit: float = 900.0) -> tuple[float, float]:
    """(seconds to the first article row, seconds to the end of indexing), whole process."""
    session = f"firstopen{os.getpid()}"
    with tempfile.TemporaryDirectory() as cache:
        env = f"XDG_CACHE_HOME={cache} PYTHONPATH={checkout}"
        # From inside the checkout: `python -c` puts the working folder first on sys.path, so
        # run from elsewhere it would import that folder's kimreader, not the checkout's.
        command = (
            f"cd {checkout} && {env} {sys.executable} -c '{LAUNCH}' --corpus {corpus}; sleep 5"
        )
        started = time.perf_counter()
        subprocess.run(
            ["tmux", "new-session", "-d", "-x", "120", "-y", "40", "-s", session, command],
            check=True,
        )
        first = done = quiet_since = None
        try:
            while time.perf_counter() - started < limit:
                pane = _pane(session)
                now = time.perf_counter() - started
                lines = pane.splitlines()
                listed = any(
                    line.startswith("│") and len(line) > 3 and line[2] not in " ─"
                    for line in lines[1:-3]
                )
                if first is None and listed and "Opening" not in pane:
                    first = now
                # Between two batches the status line briefly tells something else: the build
                # is over when "indexing" has been gone for QUIET seconds.
                if first is not None and "indexing" not in pane and "Opening" not in pane:
                    quiet_since = now if quiet_since is None else quiet_since
                    if now - quiet_since >= QUIET:
                        done = quiet_since
                        break
                else:
                    quiet_since = None
                time.sleep(0.02)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return (first or float("nan"), done or float("nan"))


def index_command(checkout: Path, corpus: Path) -> float:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONPATH": str(checkout)}
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", LAUNCH, "--corpus", str(corpus), "index"],
            cwd=checkout,
            env=env,
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - started


async def _stalls(corpus: Path) -> dict[str, float]:
    from tui.app import KimreaderApp

    app = KimreaderApp(corpus, remember=False)
    worst: dict[str, float] = {}
    phase = {"name": "opening"}

    async def watch() -> None:
        loop = asyncio.get_running_loop()
        while True:
            asked = loop.time()
            await asyncio.sleep(TICK)
            late = loop.time() - asked - TICK
            name = phase["name"]
            worst[name] = max(worst.get(name, 0.0), late)

    async with app.run_test(size=(120, 40)) as pilot:
        watcher = asyncio.create_task(watch())
        started = time.perf_counter()
        while not app._loaded and time.perf_counter() - started < 900:
            await pilot.press("j")
            await asyncio.sleep(0.2)
        worst["open (s)"] = time.perf_counter() - started
        for name, keys in (
            ("overview", ["M"]),
            ("back", ["q"]),
            ("timeline", ["t"]),
            ("back2", ["q"]),
            ("grouping", ["s", "s"]),
            ("search", ["slash", *"police", "enter"]),
        ):
            phase["name"] = name
            for key in keys:
                await pilot.press(key)
            for _ in range(3):
                await app.workers.wait_for_complete()
                await asyncio.sleep(0.3)
        watcher.cancel()
    return worst


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--stalls", action="store_true")
    parser.add_argument("--indexed", action="store_true")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    if args.stalls:
        if args.indexed:
            found = asyncio.run(_stalls(corpus))
        else:
            with tempfile.TemporaryDirectory() as cache:
                os.environ["XDG_CACHE_HOME"] = cache
                found = asyncio.run(_stalls(corpus))
        for name, value in found.items():
            unit = "s" if name.endswith("(s)") else "ms"
            shown = value if unit == "s" else value * 1000
            print(f"{name:<12} {shown:8.1f} {'' if unit == 's' else 'ms largest stall'}")
        return
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed")
    rows = [("this checkout, app", terminal_open(ROOT, corpus))]
    if args.before is not None:
        rows.append((f"{args.before}, app", terminal_open(args.before.resolve(), corpus)))
    index = index_command(ROOT, corpus)
    for name, (first, done) in rows:
        print(f"{name:<40} first article listed {first:6.1f} s   indexing done {done:6.1f} s")
    print(f"{'kimreader index (whole process)':<40} {index:6.1f} s")


if __name__ == "__main__":
    main()
