"""Writing a corpus: cluster sizes for ``count`` articles, files, worker processes, the self-check."""

from __future__ import annotations

import math
import os
import random
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .article import Article
from .cluster import build_cluster


def _cluster_sizes(count: int, seed: int) -> list[int]:
    rng = random.Random(f"kimreader-corpus-sizes:{seed}")
    sizes: list[int] = []
    left = count
    while left > 0:
        size = rng.randint(3, 6)
        if left <= 6:
            size = left
        elif left - size < 3:
            size = left - 3
        sizes.append(size)
        left -= size
    return sizes


def _write_clusters(out_dir: Path, jobs: list[tuple[int, int]], seed: int, words: int) -> list[str]:
    """Write the clusters ``jobs`` ((number, size) pairs); the file names, in order."""
    names: list[str] = []
    for number, size in jobs:
        cluster = build_cluster(number, size, seed, words)
        for pos, source in enumerate(cluster.sources):
            text = Article(cluster, pos, words).render()
            name = f"{number:05d}_{source.slug}.txt"
            with open(out_dir / name, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            names.append(name)
    return names


def generate(
    out_dir: Path, count: int, seed: int = 7, words: int = 600, workers: int | None = None
) -> list[Path]:
    """Write ``count`` articles to ``out_dir`` and return their paths, in cluster order.

    Clusters are independent, so large corpora are written by several processes (``workers``,
    by default one per core for 2,000 articles or more); the bytes do not depend on it.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = list(enumerate(_cluster_sizes(count, seed)))
    if workers is None:
        workers = min(8, os.cpu_count() or 1) if count >= 2000 else 1
    names: list[str] = []
    if workers > 1 and len(jobs) > 1:
        step = max(1, math.ceil(len(jobs) / (workers * 4)))
        chunks = [jobs[i : i + step] for i in range(0, len(jobs), step)]
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(_write_clusters, out_dir, c, seed, words) for c in chunks]
                for future in futures:
                    names.extend(future.result())
        except (OSError, NotImplementedError, BrokenProcessPool):
            names = _write_clusters(out_dir, jobs, seed, words)  # no processes here: one is fine
    else:
        names = _write_clusters(out_dir, jobs, seed, words)
    return [out_dir / name for name in names]


def check() -> None:
    """Generate 200 articles twice (once in worker processes) and compare the bytes."""
    with tempfile.TemporaryDirectory(prefix="kimreader-gen-") as tmp:
        a, b = Path(tmp, "a"), Path(tmp, "b")
        started = time.perf_counter()
        first = generate(a, 200, workers=1)
        seconds = time.perf_counter() - started
        second = generate(b, 200, workers=2)
        assert len(first) == 200, len(first)
        assert [p.name for p in first] == [p.name for p in second]
        assert sorted(p.name for p in a.iterdir()) == sorted(p.name for p in first)
        for x, y in zip(first, second, strict=True):
            assert x.read_bytes() == y.read_bytes(), x.name
        counts = [len(p.read_text(encoding="utf-8").split()) for p in first]
        clusters = len({p.name.split("_")[0] for p in first})
    print(f"ok: 200 articles byte-identical across two runs ({seconds:.2f} s per run)")
    print(f"average words: {sum(counts) / len(counts):.0f} (min {min(counts)}, max {max(counts)})")
    print(f"clusters: {clusters}")
