"""Where a search's time goes: each step of kimreader's search layer, timed on a built index.

    .venv/bin/python benchmarks/search_profile.py [CORPUS]

Run after benchmarks/run.py (which builds /tmp/kimreader-bench/corpus-10000 and its index in
/tmp/kimreader-bench/cache-10000; set XDG_CACHE_HOME to that cache folder). Each step of the
engine is wrapped with a timer and the run.py queries are searched 30 times each with the
result cache cleared; the table shows milliseconds per query. "Whoosh decode" isolates
Whoosh's own storage costs: reading every posting block of the query's terms (a zlib-compressed
pickle of ids, weights and positions/character offsets per block of 128 postings) and reading
the top hits' stored fields (a zlib-compressed pickle per document).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import QUERIES

from search_index.index import query as query_module
from search_index.library import DEFAULT_LIMIT, Library

REPEAT = 30
STEPS = {
    "_rank_plain_terms": "rank (posting lists)",
    "_record_top_terms": "top hits' offsets",
    "_article_from_fields": "article objects",
    "_snippet": "snippets",
    "_body_matches": "match offsets",
    "_correct_text": "spelling correction",
}
WHOOSH = {"fields": "stored fields (Whoosh)", "highlights": "fragments (Whoosh highlighter)"}


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kimreader-bench/corpus-10000")
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started

        return wrapper

    # Each step is wrapped where the search path looks it up when it runs: search_index.index.query.
    for name in STEPS:
        if hasattr(query_module, name):
            setattr(query_module, name, timed(name, getattr(query_module, name)))
    from whoosh import searching

    for name in WHOOSH:
        setattr(searching.Hit, name, timed(name, getattr(searching.Hit, name)))

    library = Library.open(corpus)
    library.refresh()
    header = ["query", "total ms", *STEPS.values(), *WHOOSH.values(), "Whoosh decode ms"]
    print(" | ".join(header))
    print("|".join("---" for _ in header))
    for label, query in QUERIES.items():
        library.search(query)
        spent.clear()
        started = time.perf_counter()
        for _ in range(REPEAT):
            library.clear_cache()
            result = library.search(query)
        total = (time.perf_counter() - started) / REPEAT * 1000
        steps = [spent[name] / REPEAT * 1000 for name in [*STEPS, *WHOOSH]]
        decode = whoosh_decode(library, result.corrected or query)
        cells = [label, f"{total:.2f}", *(f"{v:.2f}" for v in steps), f"{decode:.2f}"]
        print(" | ".join(cells))


def whoosh_decode(library: Library, query: str) -> float:
    """Milliseconds Whoosh's formats alone need for this query: every posting block of its
    body and word-pair terms decoded, and DEFAULT_LIMIT documents' stored fields read."""
    store = library._store
    searcher = store.searcher()
    parsed = query_module._with_word_pairs(store._parser().parse(query))
    terms = [(f, t) for f, t in parsed.existing_terms(searcher.reader(), expand=True)]
    started = time.perf_counter()
    for _ in range(REPEAT):
        for sub, _offset in searcher.leaf_searchers():
            reader = sub.reader()
            for field, btext in terms:
                if (field, btext) not in reader:
                    continue
                matcher = reader._terms.matcher(field, btext, searcher.schema[field].format)
                while True:
                    matcher._read_data()
                    if matcher._lastblock:
                        break
                    matcher._goto(matcher._nextoffset)
        for docnum in range(DEFAULT_LIMIT):
            searcher.stored_fields(docnum * 97 % searcher.doc_count_all())
    return (time.perf_counter() - started) / REPEAT * 1000


if __name__ == "__main__":
    main()
