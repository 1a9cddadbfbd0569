"""Issue 19, search in the main reader: matches counted before (matched words) and after
(occurrences), entity-field hits' matches before and after, and the column of the hit word in
a hit row's snippet before (as the library cuts it) and after (from just before the hit).

    PYTHONPATH=. python benchmarks/reader_search.py CORPUS "QUERY" ...
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from search_index.library import Library
from tui.screens.reader_marks import entity_matches, entity_terms, occurrences
from tui.screens.source_rows import centred_snippet


def main(corpus: Path, queries: list[str]) -> None:
    os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp())
    library = Library.open(corpus)
    library.refresh()
    print(
        "| query | hits | matches before | matches after | hit word's column in the snippet (median) before | after |"
    )
    print("|---|---|---|---|---|---|")
    for query in queries:
        result = library.search(query)
        before = after = 0
        columns_before: list[int] = []
        columns_after: list[int] = []
        terms = entity_terms(query)
        for hit in result.hits:
            spans = [(m.start, m.end) for m in hit.matches]
            before += len(spans)
            if terms:
                spans += entity_matches(library.extraction(hit.id).mentions, terms)
            after += len(occurrences(spans))
            if hit.snippet.highlights:
                word = hit.snippet.text[slice(*_first(hit.snippet.highlights))]
                columns_before.append(hit.snippet.text[:160].find(word))
                columns_after.append(centred_snippet(hit.snippet).find(word))
        print(
            f"| `{query}` | {len(result.hits)} | {before} | {after} | "
            f"{_median(columns_before)} | {_median(columns_after)} |"
        )
    library.close()


def _first(highlights: tuple[object, ...]) -> tuple[int, int]:
    span = highlights[0]
    return span.start, span.end  # type: ignore[attr-defined]


def _median(values: list[int]) -> str:
    return str(sorted(values)[len(values) // 2]) if values else "-"


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
