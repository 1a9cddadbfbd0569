"""Claim diff and claim matrix speed (run by hand; not part of the test suite).

    .venv/bin/python benchmarks/claims.py

Builds, in a temporary folder, two ~1,500-word articles out of the seeds and the held-out and
pair corpora, and a 50-article corpus, then times compare() and the claim matrix on indexes
that are already built (claims are extracted at index time).
"""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from search_index.library import Library

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "corpora" / "heldout").glob("*.txt")),
    *sorted((ROOT / "tests" / "corpora" / "pairs").rglob("*.txt")),
]


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        pair = Path(tmp) / "pair"
        pair.mkdir()
        texts = [_body(p) for p in SOURCES]
        half = len(texts) // 2
        for name, chunk in (("a", texts[:5]), ("b", texts[half : half + 5])):
            (pair / f"{name}.txt").write_text(
                f"Long report {name}\n\n" + "\n\n".join(chunk), encoding="utf-8"
            )
        corpus = Path(tmp) / "fifty"
        corpus.mkdir()
        for i in range(50):
            (corpus / f"{i:02d}.txt").write_text(texts[i % len(texts)] + f"\n\nCopy {i}.\n")

        library = Library.open(pair)
        library.refresh()
        words = [library.article(i).words for i in ("a", "b")]
        claims = [len(library.claims(i)) for i in ("a", "b")]
        library._claims.clear()  # time loading the stored claims too
        compare_s = _timed(lambda: (library._claims.clear(), library.compare("a", "b")))

        fifty = Library.open(corpus)
        fifty.refresh()
        matrix_s = _timed(lambda: (fifty._claims.clear(), fifty.claim_matrix()), repeat=3)
        subjects = len(fifty.claim_matrix())

    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"compare: two articles of {words} words, {claims} claims: {compare_s * 1000:.0f} ms")
    print(f"claim matrix: 50 articles, {subjects} subjects: {matrix_s:.2f} s")


if __name__ == "__main__":
    main()
