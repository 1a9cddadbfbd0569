"""Stories at scale, as the user waits for them (issue 18): whole ``kimreader`` processes on a
large corpus, timed from just before each starts.

    .venv/bin/python benchmarks/stories_scale.py CORPUS [--home DIR]

1. ``stories --json`` on a fresh index: the corpus grouped for the first time;
2. ``stories --json`` again: the saved grouping read back;
3. one new article added (a copy of an existing one with a new first line), then ``stories
   --json``: the refresh indexes it and it is assigned to a story without grouping again;
4. ``timeline --story ID --json`` and ``claims --story ID --json`` for the new article's story.
The corpus folder gets one file (``zz-stories-benchmark.txt``), removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
LAUNCH = "import sys; sys.argv[0] = 'kimreader'; from tui.cli import main; main()"


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(
        [PY, "-c", LAUNCH, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    return time.perf_counter() - started, out.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--home", type=Path, default=Path("/tmp/kimreader-stories-bench"))
    options = parser.parse_args()
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(options.home / "cache"),
        "XDG_DATA_HOME": str(options.home / "data"),
        "XDG_CONFIG_HOME": str(options.home / "config"),
        "XDG_STATE_HOME": str(options.home / "state"),
    }
    corpus = ["--corpus", str(options.corpus)]
    seconds, _ = timed([*corpus, "index"], env)
    print(f"index (not part of the figures)          {seconds:8.2f} s")
    first, out = timed([*corpus, "stories", "--json"], env)
    stories = json.loads(out)
    print(f"stories, first grouping                  {first:8.2f} s  ({len(stories)} stories)")
    again, _ = timed([*corpus, "stories", "--json"], env)
    print(f"stories, read back                       {again:8.2f} s")
    source = sorted(options.corpus.glob("*.txt"))[len(stories) // 2]
    added = options.corpus / "zz-stories-benchmark.txt"
    text = source.read_text(encoding="utf-8")
    added.write_text("Update: " + text, encoding="utf-8")
    try:
        assigned, out = timed([*corpus, "stories", "--json"], env)
        story = next(s for s in json.loads(out) if added.stem in s["articles"])
        same = source.stem in story["articles"]
        print(
            f"one article added, indexed and assigned  {assigned:8.2f} s  "
            f"(joined its source's story: {same})"
        )
        for command in ("timeline", "claims"):
            seconds, _ = timed([*corpus, command, "--story", story["id"], "--json"], env)
            print(f"{command} --story (whole process){'':<10}{seconds:8.2f} s")
    finally:
        added.unlink()


if __name__ == "__main__":
    main()
