"""A large build run in a process of its own, for a caller that runs threads (the app).

`kimreader index` builds fast because it forks: worker processes analyse the articles and
Whoosh's multi-process writer indexes them on every core. A program that runs threads must
not fork (a child can inherit a lock another thread held, and hang), and indexing in one of
its threads both runs Whoosh on one core and takes the interpreter's lock from the threads
that draw the screen. So the app starts this module as a fresh process, which runs the same
parallel build in batches and tells, one JSON object per line on its stdout, each phase, each
article analysed and each batch committed; the app reads the index as batches land.

    python -m search_index.build_process CORPUS INDEX_DIR [--wait SECONDS]
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .models import FileNote

__all__ = ["BUSY_EXIT", "BuildOutcome", "build_in_process", "main"]

# The child's exit code when another process held the index for longer than it waited.
BUSY_EXIT = 3
# How often the waiting caller is asked whether to go on while the child says nothing (a
# commit takes seconds): quitting the app must not wait for a commit to end.
POLL_SECONDS = 0.2
# The package's parent folder: the child imports this package from there, as the caller did.
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BuildOutcome:
    """What the build process did: counts as a refresh reports them, or why it failed."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: bool = False
    notes: list[FileNote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    busy: bool = False
    failed: str | None = None


def build_in_process(
    corpus_dir: Path,
    index_dir: Path,
    *,
    progress: Callable[[int, int], None] | None,
    phase: Callable[[str], None] | None,
    committed: Callable[[], None] | None,
    wait: float | None,
) -> BuildOutcome:
    """Run the build in a child process and relay what it tells to the callbacks.

    ``progress`` is also called, with the last counts, every POLL_SECONDS while the child is
    quiet: whatever it raises (the caller cancelled) ends the child and is raised here; the
    batches committed before stay. A child that cannot start or dies is a ``failed`` outcome:
    the caller indexes what is left itself.
    """
    command = [sys.executable, "-m", __name__, str(corpus_dir), str(index_dir)]
    if wait is not None:
        command += ["--wait", str(wait)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p
    )
    # stderr to a file, not a pipe: a child that writes much there must never block on it.
    with tempfile.TemporaryFile() as errors:
        try:
            child = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
                env=env,
            )
        except OSError as exc:
            return BuildOutcome(failed=f"could not start the build process: {exc}")
        outcome = BuildOutcome()
        try:
            assert child.stdout is not None
            _relay(child.stdout, outcome, progress, phase, committed)
            code = child.wait()
        except BaseException:
            _stop(child)
            raise
        finally:
            child.stdout.close()  # type: ignore[union-attr]
        if code == BUSY_EXIT:
            outcome.busy = True
        elif code != 0:
            errors.seek(0)
            told = errors.read().decode("utf-8", "replace").strip().splitlines()
            outcome.failed = told[-1] if told else f"the build process ended with code {code}"
    return outcome


def _relay(
    stream: IO[bytes],
    outcome: BuildOutcome,
    progress: Callable[[int, int], None] | None,
    phase: Callable[[str], None] | None,
    committed: Callable[[], None] | None,
) -> None:
    counts = (0, 0)
    pending = b""
    fd = stream.fileno()
    while True:
        ready, _, _ = select.select([fd], [], [], POLL_SECONDS)
        if not ready:
            if progress is not None:
                progress(*counts)  # lets the caller cancel while the child commits
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        *lines, pending = (pending + chunk).split(b"\n")
        for line in lines:
            message = _message(line)
            if "progress" in message and progress is not None:
                counts = (int(message["progress"][0]), int(message["progress"][1]))
                progress(*counts)
            elif "phase" in message and phase is not None:
                phase(str(message["phase"]))
            elif "committed" in message and committed is not None:
                committed()
            elif "done" in message:
                done = message["done"]
                outcome.added = int(done["added"])
                outcome.updated = int(done["updated"])
                outcome.removed = int(done["removed"])
                outcome.rebuilt = bool(done["rebuilt"])
                outcome.notes = [FileNote(str(p), str(m)) for p, m in done["notes"]]
                outcome.warnings = [str(w) for w in done["warnings"]]


def _message(line: bytes) -> dict[str, Any]:
    try:
        message = json.loads(line)
    except ValueError:
        return {}  # not ours (a library printing): ignored
    return message if isinstance(message, dict) else {}


def _stop(child: subprocess.Popen[bytes]) -> None:
    # SIGTERM ends it at once (no handler): the index lock goes with the process, its own
    # workers exit with it (exit_with_parent), what it committed stays.
    child.terminate()
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m search_index.build_process")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("--wait", type=float)
    args = parser.parse_args(argv)

    from .corpus import CorpusError, check_corpus_dir
    from .index import IndexStore
    from .library import Library

    out = sys.stdout

    def emit(message: dict[str, Any]) -> None:
        out.write(json.dumps(message) + "\n")
        out.flush()

    last = {"at": 0.0}

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - last["at"] >= 0.05:  # a line per article is needless
            last["at"] = now
            emit({"progress": [done, total]})

    try:
        corpus = check_corpus_dir(args.corpus)
        store, warnings = IndexStore.open(args.index_dir)
        with Library(corpus, store, warnings, None) as library:
            result = library.refresh(
                progress,
                parallel=True,
                batched=True,
                wait=args.wait,
                phase=lambda name: emit({"phase": name}),
                committed=lambda: emit({"committed": True}),
            )
            report = result.report
            if not (report.busy or report.failed) and library.ids():
                # As `kimreader index` does: the stories are ready when the app asks.
                emit({"phase": "grouping"})
                library.stories()
    except CorpusError as exc:
        print(f"kimreader: {exc}", file=sys.stderr)
        return 1
    if report.busy:
        return BUSY_EXIT
    done = {
        "added": report.added,
        "updated": report.updated,
        "removed": report.removed,
        "rebuilt": report.rebuilt,
        "notes": [[n.path, n.message] for n in result.notes],
        "warnings": list(report.warnings),
    }
    emit({"done": done})
    return 0


if __name__ == "__main__":
    sys.exit(main())
