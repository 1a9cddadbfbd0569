"""Entity extraction speed against indexing speed (run by hand; not part of the test suite).

    .venv/bin/python benchmarks/extraction.py [CORPUS_DIR]

Prints articles per second for reading + metadata, entity extraction, and Whoosh indexing with
and without extraction, each on the same articles, with the machine's details.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from search_index.article_reader import read_article
from search_index.corpus import discover
from search_index.entities.extract import RuleExtractor
from search_index.index import IndexStore
from search_index.models import Article
from search_index.paths import bundled_corpus


def _articles(corpus: Path) -> tuple[list[Article], float]:
    """The corpus's articles and the seconds it took to find and read them."""
    started = time.perf_counter()
    found = discover(corpus)
    articles = [
        a for f in found.files if isinstance(a := read_article(f, found.overrides), Article)
    ]
    return articles, time.perf_counter() - started


def _repeat(articles: list[Article], minimum: int = 500) -> list[Article]:
    # A small corpus is repeated so the timings are not dominated by start-up noise.
    while articles and len(articles) < minimum:
        articles = articles + articles
    return articles


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:8.0f} articles/s"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_corpus()
    unique, read_seconds = _articles(corpus)
    articles = _repeat(unique)
    words = sum(a.words for a in articles) / max(1, len(articles))
    extractor = RuleExtractor()
    extractor.extract("warm up the gazetteer")
    started = time.perf_counter()
    extractions = [extractor.extract(a.text) for a in articles]
    extract_seconds = time.perf_counter() - started

    timings = {}
    for label, with_entities in (("index, no entities", False), ("index + entities", True)):
        folder = Path(tempfile.mkdtemp(prefix="kimreader-bench-"))
        try:
            store, _ = IndexStore.open(folder)
            started = time.perf_counter()
            with store.writing() as session:
                for article, extraction in zip(articles, extractions, strict=True):
                    session.put(article, extraction if with_entities else None)
            timings[label] = time.perf_counter() - started
            store.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(f"corpus: {corpus} ({len(articles)} articles, {words:.0f} words on average)")
    print(f"read + metadata     {_rate(len(unique), read_seconds)} ({len(unique)} files)")
    print(f"entity extraction   {_rate(len(articles), extract_seconds)}")
    for label, seconds in timings.items():
        print(f"{label:<20}{_rate(len(articles), seconds)} (one writer process)")


if __name__ == "__main__":
    main()
