"""Whole-process time of `kimreader compare A B --json`, from process start to output, for two
checkouts in the same run (index built first; median of 7).

    .venv/bin/python benchmarks/claim_diff_process.py BEFORE_CHECKOUT [AFTER_CHECKOUT]

BEFORE_CHECKOUT is a `git worktree` of the older commit; both run with this venv's Python.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

PY = sys.executable


def run(root, cache, args):
    env = dict(os.environ, PYTHONPATH=root, XDG_CACHE_HOME=cache, XDG_STATE_HOME=cache + "s")
    t = time.perf_counter()
    p = subprocess.run(
        [PY, "-c", "import sys; from tui.cli import main; sys.argv[0]='kimreader'; main()", *args],
        env=env,
        capture_output=True,
        cwd="/tmp",
    )
    return time.perf_counter() - t, p.returncode, len(p.stdout)


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKOUTS = (("before", sys.argv[1]), ("after", sys.argv[2] if len(sys.argv) > 2 else ROOT))
for label, root in CHECKOUTS:
    for corpus, a, b in (
        (os.path.join(ROOT, "seeds"), "002", "003"),
        (
            os.path.join(ROOT, "..", "shared", "corpora", "ecbplus-dev", "t30-ecb"),
            "30_10ecb",
            "30_1ecb",
        ),
    ):
        cache = os.path.join(
            tempfile.gettempdir(), f"kimreader-pt-{label}-{os.path.basename(corpus)}"
        )
        run(root, cache, ["--corpus", corpus, "index"])
        times = []
        for _ in range(7):
            dt, rc, n = run(root, cache, ["--corpus", corpus, "compare", a, b, "--json"])
            times.append(dt)
        print(
            label,
            os.path.basename(corpus),
            f"median {statistics.median(times) * 1000:.0f} ms",
            "rc",
            rc,
            "bytes",
            n,
        )
