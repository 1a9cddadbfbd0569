"""The synthetic corpus generator (benchmarks/synth behind benchmarks/generate.py).

Benchmarks and the scale tests rely on it giving the same bytes for the same seed, so these
tests pin determinism and a few properties of its output without storing a copy of it: one
hash of a five-article corpus pins the exact bytes (it was taken from the generator before it
was split into the ``synth`` package, so a refactoring that changes a byte fails here).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# sha256 over "name\0bytes\0" of each file of ``generate(dir, 5, seed=7, words=600)``, in the
# order returned.
PINNED_5_ARTICLES = "0c235e12b03c59e3b5559a98ea15069cc22abc1317bf137ccf8045b3606f49d4"

Generate = Callable[..., list[Path]]


@pytest.fixture(scope="module")
def generate() -> Iterator[Generate]:
    """``generate`` imported the way benchmarks and the scale tests import it."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate as function
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    yield function


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _texts(paths: list[Path]) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def test_five_articles_have_the_pinned_bytes(generate: Generate, tmp_path: Path) -> None:
    assert _digest(generate(tmp_path, 5, seed=7, words=600)) == PINNED_5_ARTICLES


def test_same_seed_gives_the_same_bytes_with_one_or_two_workers(
    generate: Generate, tmp_path: Path
) -> None:
    first = generate(tmp_path / "a", 40, seed=11, words=300, workers=1)
    second = generate(tmp_path / "b", 40, seed=11, words=300, workers=2)
    assert [p.name for p in first] == [p.name for p in second]
    assert _texts(first) == _texts(second)


def test_a_different_seed_gives_different_text(generate: Generate, tmp_path: Path) -> None:
    one = _texts(generate(tmp_path / "a", 12, seed=1, words=300))
    two = _texts(generate(tmp_path / "b", 12, seed=2, words=300))
    assert set(one.values()).isdisjoint(two.values())


@pytest.mark.parametrize("count", [1, 2, 3, 7, 31])
def test_count_is_honoured(generate: Generate, tmp_path: Path, count: int) -> None:
    paths = generate(tmp_path, count, seed=4, words=150)
    assert len(paths) == count
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_clusters_have_three_to_six_distinct_sources(generate: Generate, tmp_path: Path) -> None:
    paths = generate(tmp_path, 200, seed=9, words=150)
    clusters: dict[str, list[str]] = {}
    for path in paths:
        number, source = path.stem.split("_", 1)
        clusters.setdefault(number, []).append(source)
    assert all(3 <= len(sources) <= 6 for sources in clusters.values()), clusters
    assert all(len(set(sources)) == len(sources) for sources in clusters.values())


def test_a_cluster_does_not_depend_on_the_corpus_size(generate: Generate, tmp_path: Path) -> None:
    small = _texts(generate(tmp_path / "small", 30, seed=6, words=200))
    large = _texts(generate(tmp_path / "large", 90, seed=6, words=200))
    last = max(name.split("_")[0] for name in small)  # the one cut short to fit the count
    kept = {name: text for name, text in small.items() if not name.startswith(last)}
    assert kept
    assert {name: large[name] for name in kept} == kept


@pytest.mark.parametrize("words", [200, 600, 1500])
def test_average_length_follows_words(generate: Generate, tmp_path: Path, words: int) -> None:
    paths = generate(tmp_path, 40, seed=3, words=words)
    counts = [len(p.read_text(encoding="utf-8").split()) for p in paths]
    assert 0.75 * words <= sum(counts) / len(counts) <= 1.25 * words


def test_command_line_writes_count_articles(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import main
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert main([str(tmp_path), "--count", "4", "--seed", "2", "--words", "150"]) == 0
    assert len(list(tmp_path.iterdir())) == 4
    with pytest.raises(SystemExit):
        main(["--count", "4"])  # no folder
