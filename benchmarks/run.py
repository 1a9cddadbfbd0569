"""kimreader at scale: one command that measures everything and writes benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py                 # 1k and 10k (about 15 minutes)
    .venv/bin/python benchmarks/run.py --sizes 1000    # a quick run
    .venv/bin/python benchmarks/run.py --sizes 1000 10000 50000

Run by hand (or in a separate CI step with a small size); never part of the test suite. Each
measurement runs in its own process so its peak memory (RSS) is its own. Corpora come from
benchmarks/generate.py with a fixed seed, so every run measures the same text. ripgrep (`rg`,
Debian package `ripgrep`) and SQLite FTS5 (Python's sqlite3) are measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORK = Path(os.environ.get("KIMREADER_BENCH_DIR", "/tmp/kimreader-bench"))
QUERIES = {
    "term": "earthquake",
    "two-term AND": "flood AND minister",
    "phrase": '"said on"',
    "field (person:)": "person:Garcia",
    "misspelled": "earthqauke",
}
# The same questions for ripgrep (case-insensitive, files that match) and FTS5.
RG = {
    "term": [["earthquake"]],
    "two-term AND": [["flood"], ["minister"]],
    "phrase": [["said on"]],
    "field (person:)": [["Garcia"]],
    "misspelled": [["earthqauke"]],
}
FTS = {
    "term": "earthquake",
    "two-term AND": "flood AND minister",
    "phrase": '"said on"',
    "field (person:)": "Garcia",
    "misspelled": "earthqauke",
}
REPEAT = 30
LONG_REPORTS = 6  # the corpus of 1,500-word reports that compare is timed on


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# -- phases (each runs in a child process) ---------------------------------------------------


def phase_build(corpus: Path, analysis: bool) -> dict[str, Any]:
    from search_index.entities.extract import NullExtractor
    from search_index.library import Library

    started = time.perf_counter()
    library = Library.open(corpus, rebuild=True, extractor=None if analysis else NullExtractor())
    report = library.refresh(parallel=True).report
    seconds = time.perf_counter() - started
    library.close()
    return {"seconds": seconds, "articles": report.added, "rate": report.added / seconds}


def phase_incremental(corpus: Path) -> dict[str, Any]:
    from search_index.library import Library

    target = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
    original = target.read_bytes()
    try:
        target.write_bytes(original + b"\nA correction was appended to this report.\n")
        started = time.perf_counter()
        library = Library.open(corpus)
        report = library.refresh().report
        seconds = time.perf_counter() - started
        library.close()
    finally:
        target.write_bytes(original)
        library = Library.open(corpus)
        library.refresh()
        library.close()
    return {"seconds": seconds, "updated": report.updated}


def phase_search(corpus: Path) -> dict[str, Any]:
    from search_index.library import Library

    library = Library.open(corpus)
    library.refresh()
    results: dict[str, Any] = {}
    for name, query in QUERIES.items():
        library.search(query)  # warm the searcher, as the app's would be
        times, cached = [], []
        for _ in range(REPEAT):
            library.clear_cache()  # measure the search itself, not the result cache
            started = time.perf_counter()
            result = library.search(query)
            times.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            library.search(query)
            cached.append((time.perf_counter() - started) * 1000)
        results[name] = {
            "p50": percentile(times, 50),
            "p95": percentile(times, 95),
            "cached_p50": percentile(cached, 50),
            "total": result.total,
            "corrected": result.corrected,
        }
    library.close()
    return results


def phase_entities(corpus: Path) -> dict[str, Any]:
    """The corpus-wide entity table, built on the first `person:` query or entity panel."""
    from search_index.library import Library

    library = Library.open(corpus)
    started = time.perf_counter()
    table = library.entities()
    seconds = time.perf_counter() - started
    library.close()
    return {"seconds": seconds, "entities": len(table.entities)}


def phase_first_paint(corpus: Path) -> dict[str, Any]:
    import asyncio

    from tui.app import KimreaderApp

    async def measure() -> float:
        started = time.perf_counter()
        app = KimreaderApp(corpus, remember=False)
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.articles:
                await pilot.pause(0.005)
                if time.perf_counter() - started > 600:
                    break
            return time.perf_counter() - started

    return {"seconds": asyncio.run(measure())}


def phase_claims(corpus: Path) -> dict[str, Any]:
    from search_index.library import Library

    library = Library.open(corpus)
    library.refresh()
    ids = library.ids()
    results: dict[str, Any] = {"compare": _compare_long_reports()}
    for size in (50, 500):
        chosen = ids[:size]
        library._claims.clear()
        started = time.perf_counter()
        from search_index.claims.matrix import claim_matrix

        subjects = claim_matrix({i: library.claims(i) for i in chosen})
        results[f"matrix_{size}"] = {
            "seconds": time.perf_counter() - started,
            "subjects": len(subjects),
        }
    library.close()
    return results


def _compare_long_reports() -> dict[str, Any]:
    """``compare`` of two reports of one story, about 1,500 words each (the generator's
    ``words=1500``), from their own small corpus; loading their stored claims included."""
    from generate import generate  # benchmarks/generate.py

    from search_index.library import Library

    corpus = WORK / "corpus-1500-words"
    if not (corpus / ".complete").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        generate(corpus, LONG_REPORTS, words=1500)
        (corpus / ".complete").write_text("")
    library = Library.open(corpus)
    library.refresh()
    # Files are <cluster>_<source>.txt: the first two share a story.
    first, second = sorted(library.catalog(), key=lambda a: a.path)[:2]
    times = []
    for _ in range(5):
        library._claims.clear()
        started = time.perf_counter()
        comparison = library.compare(first.id, second.id)
        times.append(time.perf_counter() - started)
    library.close()
    return {
        "ms": statistics.median(times) * 1000,
        "words": [first.words, second.words],
        "rows": len(comparison.rows),
    }


def phase_ripgrep(corpus: Path) -> dict[str, Any]:
    if shutil.which("rg") is None:
        return {"error": "ripgrep (rg) is not installed: apt-get install ripgrep"}
    results = {}
    for name, patterns in RG.items():
        times = []
        for _ in range(5):
            started = time.perf_counter()
            files: set[str] | None = None
            for pattern in patterns:
                out = subprocess.run(
                    ["rg", "-i", "-l", "-F", pattern[0], str(corpus)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                found = set(out.stdout.split())
                files = found if files is None else files & found
            times.append((time.perf_counter() - started) * 1000)
        results[name] = {"p50": statistics.median(times), "total": len(files or ())}
    return results


def phase_fts5(corpus: Path) -> dict[str, Any]:
    started = time.perf_counter()
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table docs using fts5(name, body)")
    db.executemany(
        "insert into docs values (?, ?)",
        ((p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))),
    )
    build = time.perf_counter() - started
    results: dict[str, Any] = {"build_seconds": build}
    for name, query in FTS.items():
        times = []
        count = 0
        for _ in range(REPEAT):
            started = time.perf_counter()
            rows = db.execute(
                "select name, snippet(docs, 1, '[', ']', '…', 20) from docs "
                "where docs match ? order by rank limit 20",
                (query,),
            ).fetchall()
            count = db.execute("select count(*) from docs where docs match ?", (query,)).fetchone()[
                0
            ]
            times.append((time.perf_counter() - started) * 1000)
            del rows
        results[name] = {"p50": percentile(times, 50), "p95": percentile(times, 95), "total": count}
    return results


PHASES = {
    "build": lambda c: phase_build(c, True),
    "build-plain": lambda c: phase_build(c, False),
    "incremental": phase_incremental,
    "search": phase_search,
    "entities": phase_entities,
    "first-paint": phase_first_paint,
    "claims": phase_claims,
    "ripgrep": phase_ripgrep,
    "fts5": phase_fts5,
}


def run_phase(name: str, corpus: Path, cache: Path) -> dict[str, Any]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(HERE.parent)}
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(size: int) -> dict[str, Any]:
    from generate import generate  # benchmarks/generate.py

    corpus = WORK / f"corpus-{size}"
    if not (corpus / ".complete").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        generate(corpus, size)
        (corpus / ".complete").write_text("")
    cache = WORK / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    results: dict[str, Any] = {"size": size}
    for name in (
        "build-plain",
        "build",
        "first-paint",
        "incremental",
        "entities",
        "entities-saved",
        "search",
        "claims",
        "ripgrep",
        "fts5",
    ):
        print(f"[{size}] {name} …", file=sys.stderr, flush=True)
        if name == "first-paint":
            # Index absent (a whole first build in the app's worker: only for small corpora),
            # then present.
            if size <= 1000:
                absent_cache = WORK / f"cache-{size}-fresh"
                shutil.rmtree(absent_cache, ignore_errors=True)
                results["first-paint-absent"] = run_phase(name, corpus, absent_cache)
                shutil.rmtree(absent_cache, ignore_errors=True)
            results["first-paint-present"] = run_phase(name, corpus, cache)
            continue
        if name == "entities-saved":
            # The same question in a later session: the table merged just before was saved
            # beside the index, and is read back.
            results[name] = run_phase("entities", corpus, cache)
            continue
        results[name] = run_phase(name, corpus, cache)
    return results


def machine() -> str:
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"Python {platform.python_version()}, Whoosh {version('Whoosh')}, "
        f"textual {version('textual')}, rapidfuzz {version('rapidfuzz')}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    parser.add_argument("--phase", choices=sorted(PHASES))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--out", type=Path, default=HERE / "scale.json")
    args = parser.parse_args()
    if args.phase:
        result = PHASES[args.phase](args.corpus)
        result["peak_rss_mb"] = peak_rss_mb()
        print(json.dumps(result))
        return
    sys.path.insert(0, str(HERE))
    WORK.mkdir(parents=True, exist_ok=True)
    all_results: dict[str, Any] = {
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d"),
        "sizes": [],
    }
    # The bundled seeds: the app's first paint target is set on them.
    from search_index.paths import bundled_corpus

    seeds_cache = WORK / "cache-seeds"
    shutil.rmtree(seeds_cache, ignore_errors=True)
    all_results["seeds"] = {
        "first-paint-absent": run_phase("first-paint", bundled_corpus(), seeds_cache),
        "first-paint-present": run_phase("first-paint", bundled_corpus(), seeds_cache),
    }
    from report import write_results  # benchmarks/report.py

    for size in args.sizes:
        all_results["sizes"].append(measure(size))
        args.out.write_text(json.dumps(all_results, indent=2))
        write_results(all_results)
    print(f"wrote {args.out} and the scale section of {HERE / 'RESULTS.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
