"""What a user waits for, from process start: kimreader's commands and the app's first frame
with the source list, next to peers timed in the same run (issue 15).

    .venv/bin/python benchmarks/startup.py [--before CHECKOUT] [--runs 7] [--corpus DIR ...]

Every figure is wall time of a whole process, measured by this script from just before it
starts the process: imports, the corpus check, the search and the printing all count.
- ``kimreader search WORD --json``, ``show ID --json`` and ``list --json`` (index built first,
  not timed), for this checkout and, with ``--before``, another one (a ``git worktree`` of an
  older commit) in the same run, one after the other in the same run;
- the app's first paint: ``kimreader --corpus DIR`` started in a real terminal (tmux, 120x40),
  the clock stopped when the pane first shows an article title in the source list (tmux polled
  every 5 ms); then ``j`` pressed ten times, each timed until the pane changes (the next
  article drawn), the median kept;
- peers: ``python -c pass``; a minimal Whoosh command line on kimreader's own index (open,
  parse, top 20 with highlights, JSON); ripgrep (``rg -i -l -F``) over the folder; SQLite FTS5
  from Python (top 20 by rank with ``snippet()``, and the count) over the same texts.
Medians of ``--runs`` runs (default 7). Corpora: the seeds and the 865 ECB+ dev reports
(``../shared/corpora/ecbplus-dev``) unless ``--corpus`` says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT.parent / "shared" / "corpora" / "ecbplus-dev"
WORD = "police"
SUFFIXES = {".txt", ".md"}

WHOOSH_CLI = r"""
import json, sys
from whoosh.index import open_dir
from whoosh.qparser import QueryParser
ix = open_dir(sys.argv[1])
with ix.searcher() as searcher:
    query = QueryParser("body", ix.schema).parse(sys.argv[2])
    hits = searcher.search(query, limit=20)
    rows = [{"id": hit["id"], "snippet": hit.highlights("body")} for hit in hits]
    print(json.dumps({"total": len(hits), "hits": rows}))
"""

FTS_CLI = r"""
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT name, snippet(docs, 1, '[', ']', '...', 12) FROM docs WHERE docs MATCH ? "
    "ORDER BY rank LIMIT 20", (sys.argv[2],)).fetchall()
total = db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (sys.argv[2],)).fetchone()[0]
print(json.dumps({"total": total, "hits": [{"id": n, "snippet": s} for n, s in rows]}))
"""


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, bytes]:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, cwd=tempfile.gettempdir())
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # rg says 1 for "no match"
        raise SystemExit(f"{argv[:4]} failed ({done.returncode}): {done.stderr[-500:]!r}")
    return elapsed, done.stdout


class Checkout:
    """One kimreader checkout run with this venv's Python, with its own cache folders."""

    def __init__(self, label: str, root: Path, home: Path) -> None:
        self.label, self.root = label, root
        self.env = dict(
            os.environ,
            PYTHONPATH=str(root),
            XDG_CACHE_HOME=str(home / label / "cache"),
            XDG_STATE_HOME=str(home / label / "state"),
            XDG_CONFIG_HOME=str(home / label / "config"),
        )

    def argv(self, *args: str) -> list[str]:
        launch = "import sys; sys.argv[0] = 'kimreader'; from tui.cli import main; main()"
        return [PY, "-c", launch, *args]

    def run(self, *args: str) -> tuple[float, bytes]:
        return timed(self.argv(*args), self.env)

    def index_dir(self, corpus: Path) -> Path:
        indexes = Path(self.env["XDG_CACHE_HOME"]) / "kimreader" / "indexes"
        tocs = sorted(indexes.glob(f"{corpus.name}-*/_MAIN_*.toc"))
        if not tocs:
            raise SystemExit(f"no index for {corpus} under {indexes}")
        return tocs[0].parent


def _pane(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def app_session(checkout: Checkout, corpus: Path, titles: list[str]) -> tuple[float, float]:
    """Seconds from starting ``kimreader`` in a 120x40 tmux pane to a title on screen, and the
    median seconds from pressing ``j`` to the screen showing the next article (ten presses)."""
    session = f"kr-paint-{os.getpid()}"
    keys = ("PYTHONPATH", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")
    env_args = [f"{key}={checkout.env[key]}" for key in keys]
    launch = "\"import sys; sys.argv[0] = 'kimreader'; from tui.cli import main; main()\""
    command = " ".join(
        ["env", *env_args, "TERM=xterm-256color", PY, "-c", launch, "--corpus", str(corpus)]
    )
    needles = [title[:18] for title in titles if len(title) >= 8][:50]
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "120", "-y", "40", "-s", session, command], check=True
    )
    try:
        while not any(needle in _pane(session) for needle in needles):
            if time.perf_counter() - started > 60:
                raise SystemExit(f"{checkout.label}: no title on screen after 60 s")
            time.sleep(0.005)
        paint = time.perf_counter() - started
        time.sleep(1.0)  # let the first article's workers finish
        steps = []
        for _ in range(10):
            before = _pane(session)
            pressed = time.perf_counter()
            subprocess.run(["tmux", "send-keys", "-t", session, "j"], check=True)
            while _pane(session) == before:
                if time.perf_counter() - pressed > 30:
                    raise SystemExit(f"{checkout.label}: j changed nothing in 30 s")
                time.sleep(0.002)
            steps.append(time.perf_counter() - pressed)
            time.sleep(0.3)
        return paint, statistics.median(steps)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def build_fts(corpus: Path, path: Path) -> None:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(name, body, tokenize='porter')")
    for file in sorted(corpus.rglob("*")):
        if file.is_file() and file.suffix in SUFFIXES:
            text = file.read_text(encoding="utf-8", errors="replace")
            db.execute("INSERT INTO docs VALUES (?, ?)", (str(file.relative_to(corpus)), text))
    db.commit()
    db.close()


def median_ms(work: Callable[[], float], runs: int) -> float:
    return statistics.median(work() for _ in range(runs)) * 1000


def measure(corpus: Path, checkouts: list[Checkout], runs: int, home: Path) -> dict[str, float]:
    for checkout in checkouts:
        timed(checkout.argv("--corpus", str(corpus), "index"), checkout.env)
    listing = json.loads(checkouts[-1].run("--corpus", str(corpus), "list", "--json")[1])
    articles = listing["articles"] if isinstance(listing, dict) else listing
    titles = [str(item.get("title") or "") for item in articles]
    first_id = str(articles[len(articles) // 2]["id"])
    fts = home / f"{corpus.name}.fts5"
    build_fts(corpus, fts)
    figures: dict[str, float] = {}

    def put(name: str, work: Callable[[], float]) -> None:
        figures[name] = median_ms(work, runs)
        print(f"  {name:42} {figures[name]:8.0f} ms", flush=True)

    put("python -c pass", lambda: timed([PY, "-c", "pass"])[0])
    c = str(corpus)
    for checkout in checkouts:
        put(
            f"{checkout.label}: search {WORD} --json",
            lambda ch=checkout: ch.run("--corpus", c, "search", WORD, "--json")[0],
        )
        put(
            f"{checkout.label}: show ID --json",
            lambda ch=checkout: ch.run("--corpus", c, "show", first_id, "--json")[0],
        )
        put(
            f"{checkout.label}: list --json",
            lambda ch=checkout: ch.run("--corpus", c, "list", "--json")[0],
        )
        sessions = [app_session(checkout, corpus, titles) for _ in range(runs)]
        for name, at in (("app first paint (tmux)", 0), ("app: j to next article drawn", 1)):
            label = f"{checkout.label}: {name}"
            figures[label] = statistics.median(session[at] for session in sessions) * 1000
            print(f"  {label:42} {figures[label]:8.0f} ms", flush=True)
    index = checkouts[-1].index_dir(corpus)
    put(
        "peer: minimal Whoosh CLI, same index",
        lambda: timed([PY, "-c", WHOOSH_CLI, str(index), WORD], checkouts[-1].env)[0],
    )
    if shutil.which("rg"):
        put("peer: rg -i -l -F", lambda: timed(["rg", "-i", "-l", "-F", WORD, str(corpus)])[0])
    put(
        "peer: SQLite FTS5 (python, snippets)",
        lambda: timed([PY, "-c", FTS_CLI, str(fts), WORD])[0],
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--before", type=Path, help="an older checkout to time in the same run")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--corpus", type=Path, action="append")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--home", type=Path, help="keep the checkouts' caches here (a 10k index is built once)"
    )
    args = parser.parse_args()
    corpora = args.corpus or [ROOT / "seeds", ECB]
    home = args.home or Path(tempfile.mkdtemp(prefix="kimreader-startup-"))
    checkouts = [Checkout("before", args.before.resolve(), home)] if args.before else []
    checkouts.append(Checkout("now", ROOT, home))
    results = {}
    try:
        for corpus in corpora:
            print(f"{corpus.name}:", flush=True)
            results[corpus.name] = measure(corpus.resolve(), checkouts, args.runs, home)
    finally:
        if not args.home:
            shutil.rmtree(home, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
