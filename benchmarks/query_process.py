"""Whole-process time of `kimreader search QUERY --json`, from process start to output, for two
checkouts in the same run, on real news (all ECB+ dev reports, read as one corpus; index built
first; median of 3). The queries are those issue 13 found slow or silent, and ordinary ones.

    .venv/bin/python benchmarks/query_process.py BEFORE_CHECKOUT [AFTER_CHECKOUT]

BEFORE_CHECKOUT is a `git worktree` of the older commit; both run with this venv's Python.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

PY = sys.executable
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "ecbplus-dev")
QUERIES = ("police", '"said on"', "pairs:*", "pairs:[a TO z]", "body:[a TO z]", "said~3", "s*")


def run(root: str, cache: str, args: list[str]) -> tuple[float, int, bytes]:
    env = dict(os.environ, PYTHONPATH=root, XDG_CACHE_HOME=cache, XDG_STATE_HOME=cache + "s")
    started = time.perf_counter()
    done = subprocess.run(
        [PY, "-c", "import sys; from tui.cli import main; sys.argv[0]='kimreader'; main()", *args],
        env=env,
        capture_output=True,
        cwd=tempfile.gettempdir(),
    )
    return time.perf_counter() - started, done.returncode, done.stdout


def main() -> None:
    checkouts = (("before", sys.argv[1]), ("after", sys.argv[2] if len(sys.argv) > 2 else ROOT))
    for label, root in checkouts:
        cache = os.path.join(tempfile.gettempdir(), f"kimreader-qp-{label}")
        run(root, cache, ["--corpus", CORPUS, "index"])
        for query in QUERIES:
            times, hits, error = [], None, None
            for _ in range(3):
                dt, code, out = run(root, cache, ["--corpus", CORPUS, "search", query, "--json"])
                times.append(dt)
                try:
                    data = json.loads(out)
                    hits, error = data.get("total"), data.get("error")
                except ValueError:
                    hits, error = None, f"exit {code}"
            shown = f"{hits} hits" if not error else f"refused: {error[:50]}"
            print(f"{label:6} {query:16} median {statistics.median(times) * 1000:6.0f} ms  {shown}")


if __name__ == "__main__":
    main()
