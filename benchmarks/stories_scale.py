"""Stories at scale, as the user waits for them (issue 18): whole ``kimreader`` processes on a
large corpus, timed from just before each starts.

    .venv/bin/python benchmarks/stories_scale.py CORPUS [--home DIR] [--before CHECKOUT]
        [--added N]

1. ``stories --json`` on a fresh index: the corpus grouped for the first time;
2. ``stories --json`` again: the saved grouping read back;
3. one new article added (a copy of an existing one with a new first line), then ``stories
   --json``: the refresh indexes it and it is assigned to a story without grouping again;
   repeated with ``--added`` different articles, one at a time (each stays while the next is
   added);
4. ``timeline --story ID --json`` and ``claims --story ID --json`` for the new article's story.
The corpus folder gets the added files (``zz-stories-benchmark-N.txt``), removed at the end.

``--before CHECKOUT`` times the same steps with the code of another checkout (a git worktree of
the previous version) in the same run, step by step side by side, with its own cache folders
(``HOME/before``) and a copy of this run's index, so both start from the same index.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
LAUNCH = "import sys; sys.argv[0] = 'kimreader'; from tui.cli import main; main()"


class Code:
    """One checkout of kimreader, run with its own cache, data, config and state folders."""

    def __init__(self, label: str, checkout: Path, home: Path) -> None:
        self.label = label
        self.checkout = checkout
        self.home = home
        self.env = {
            **os.environ,
            # The checkout's own code, whatever the interpreter has installed.
            "PYTHONPATH": str(checkout),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
        }

    def timed(self, args: list[str]) -> tuple[float, str]:
        started = time.perf_counter()
        out = subprocess.run(
            [PY, "-c", LAUNCH, *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.checkout,
            check=True,
        )
        return time.perf_counter() - started, out.stdout


def copy_index(source: Code, target: Code) -> None:
    """The index the first checkout built, for the second, without its saved stories."""
    shutil.rmtree(target.home / "cache", ignore_errors=True)
    shutil.copytree(
        source.home / "cache",
        target.home / "cache",
        ignore=shutil.ignore_patterns("kimreader-stories*", ".kimreader-stories*"),
    )


def row(what: str, figures: list[str]) -> None:
    print(f"{what:<46}" + "".join(f"{f:>26}" for f in figures), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--home", type=Path, default=Path("/tmp/kimreader-stories-bench"))
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--added", type=int, default=1, help="articles added, one at a time")
    options = parser.parse_args()
    after = Code("this checkout", ROOT, options.home)
    codes = [after]
    if options.before is not None:
        codes.insert(0, Code(f"before ({options.before})", options.before, options.home / "before"))
    corpus = ["--corpus", str(options.corpus)]

    seconds, _ = after.timed([*corpus, "index"])
    print(f"index (not part of the figures): {seconds:.2f} s")
    for code in codes:
        if code is not after:
            copy_index(after, code)
            code.timed([*corpus, "index"])  # nothing to do: brings the copy's catalog in line
    row("whole process, seconds", [c.label for c in codes])

    first = [code.timed([*corpus, "stories", "--json"]) for code in codes]
    counts = [len(json.loads(out)) for _, out in first]
    row(
        "stories, first grouping",
        [f"{s:.2f} ({n} stories)" for (s, _), n in zip(first, counts, strict=True)],
    )
    again = [code.timed([*corpus, "stories", "--json"])[0] for code in codes]
    row("stories, read back", [f"{s:.2f}" for s in again])

    sources = sorted(options.corpus.glob("*.txt"))
    added_files: list[Path] = []
    times: list[list[float]] = [[] for _ in codes]
    story_ids: list[str] = []
    try:
        for n in range(options.added):
            source = sources[(counts[-1] // 2 + 997 * n) % len(sources)]
            added = options.corpus / f"zz-stories-benchmark-{n}.txt"
            added.write_text("Update: " + source.read_text(encoding="utf-8"), encoding="utf-8")
            added_files.append(added)
            figures = []
            for code, spent in zip(codes, times, strict=True):
                seconds, out = code.timed([*corpus, "stories", "--json"])
                story = next(s for s in json.loads(out) if added.stem in s["articles"])
                spent.append(seconds)
                figures.append(f"{seconds:.2f} (joined: {source.stem in story['articles']})")
                if code is after:
                    story_ids.append(story["id"])
            row(f"one article added ({n + 1}), indexed, assigned", figures)
        if options.added > 1:
            row(
                "one article added: median / worst",
                [f"{statistics.median(s):.2f} / {max(s):.2f}" for s in times],
            )
        for command in ("timeline", "claims"):
            spent = [
                code.timed([*corpus, command, "--story", story_ids[-1], "--json"])[0]
                for code in codes
            ]
            row(f"{command} --story", [f"{s:.2f}" for s in spent])
    finally:
        for added in added_files:
            added.unlink()


if __name__ == "__main__":
    main()
