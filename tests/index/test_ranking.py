"""Posting-list ranking: the same hits, scores and totals as Whoosh's own collector."""

from __future__ import annotations

import random
import re

import pytest
from support import SEEDS

from search_index.ranking import Segment, TermPostings, rank_all_terms


def postings(ids: list[int], weights: list[float], lengths: list[int]) -> TermPostings:
    return TermPostings(ids, weights, lengths, idf=1.5, average_length=10.0, b=0.75, k1=1.2)


def bm25(tf: float, length: int) -> float:
    return 1.5 * ((tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * length / 10.0)))


def test_one_term_scores_and_orders_by_bm25():
    lengths = [10, 5, 10, 40]
    ranked = rank_all_terms(
        [Segment(0, [postings([0, 1, 2, 3], [1.0, 1.0, 3.0, 1.0], lengths)])], 10
    )
    assert ranked.total == 4
    # More occurrences first, then the shorter text: BM25's length normalisation.
    assert [d for _, d in ranked.top] == [2, 1, 0, 3]
    assert [s for s, _ in ranked.top] == pytest.approx(
        [bm25(3, 10), bm25(1, 5), bm25(1, 10), bm25(1, 40)]
    )


def test_ties_go_to_the_lower_document_number_across_segments():
    lengths = [10] * 4
    same = [
        Segment(4, [postings([3, 1], [1.0, 1.0], lengths)]),
        Segment(0, [postings([2], [1.0], lengths)]),
    ]
    ranked = rank_all_terms(same, 2)
    assert [d for _, d in ranked.top] == [2, 5]
    assert ranked.total == 3


def test_and_keeps_documents_with_every_term_and_sums_their_scores():
    lengths = [10] * 6
    first = postings([0, 2, 4, 5], [1.0] * 4, lengths)
    second = postings([2, 3, 5], [2.0] * 3, lengths)
    ranked = rank_all_terms([Segment(0, [first, second])], 10)
    assert sorted(d for _, d in ranked.top) == [2, 5]
    assert ranked.top[0][0] == pytest.approx(bm25(1.0, 10) + bm25(2.0, 10))


def test_deleted_documents_neither_rank_nor_count():
    lengths = [10] * 3
    ranked = rank_all_terms(
        [Segment(0, [postings([0, 1, 2], [1.0] * 3, lengths)], frozenset({1}))], 10
    )
    assert [d for _, d in ranked.top] == [0, 2]
    assert ranked.total == 2


def test_a_segment_without_some_term_adds_nothing():
    ranked = rank_all_terms([Segment(0, []), Segment(10, [postings([0], [1.0], [10])])], 5)
    assert ranked.top == [(pytest.approx(bm25(1.0, 10)), 10)]
    assert rank_all_terms([], 5) == rank_all_terms([Segment(0, [])], 5)


# -- against Whoosh, on a corpus big enough for many posting blocks and several segments --


@pytest.fixture(scope="module")
def shuffled_library(tmp_path_factory: pytest.TempPathFactory):
    """300 articles of seed sentences in shuffled order, indexed in two commits (two
    segments), then one article rewritten (a deletion)."""
    from search_index.entities.extract import NullExtractor
    from search_index.library import Library

    sentences = [
        s
        for path in sorted(SEEDS.glob("*.txt"))
        for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))
        if len(s.split()) > 4
    ]
    rng = random.Random(7)
    corpus = tmp_path_factory.mktemp("shuffled")
    home = tmp_path_factory.mktemp("shuffled-home")

    def write(first: int, last: int) -> None:
        for n in range(first, last):
            body = " ".join(rng.sample(sentences, rng.randint(6, 30)))
            (corpus / f"a{n:03d}.txt").write_text(f"Report {n}\n\n{body}\n", encoding="utf-8")

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        write(0, 200)
        library = Library.open(corpus, extractor=NullExtractor())
        library.refresh()
        write(200, 300)
        library.refresh()
        (corpus / "a007.txt").write_text("Report 7\n\nNorth Korea said on Monday.\n")
        library.refresh()
        yield library
        library.close()


QUERIES = [
    "Korea",
    "museum",
    "soldiers AND Russia",
    "Kim AND Pyongyang AND museum",
    '"said on"',
    '"North Korea"',
    "troops AND NOT Russia",  # not plain terms: Whoosh's collector answers
    "nonexistentword",
]


@pytest.mark.parametrize("query", QUERIES)
def test_posting_ranking_matches_whoosh(shuffled_library, query):
    from whoosh import collectors

    from search_index.index import postings
    from search_index.index import query as query_module

    store = shuffled_library._store
    searcher = store.searcher()
    assert len(searcher.leaf_searchers()) >= 2
    parsed = query_module._with_word_pairs(store._parser().parse(query))
    ranked = postings._rank_plain_terms(searcher, parsed, 15, {})
    collector = collectors.TopCollector(limit=15, usequality=False)
    searcher.search_with_collector(parsed, collector)
    expected = collector.results()
    if "NOT" in query:
        assert ranked is None
        return
    assert ranked is not None
    assert ranked.total == len(expected)
    assert [d for _, d in ranked.top] == [d for _, d in expected.top_n]
    assert [s for s, _ in ranked.top] == pytest.approx([s for s, _ in expected.top_n])


def test_hits_found_by_posting_ranking_still_mark_their_words(shuffled_library):
    result = shuffled_library.search("museum AND soldiers")
    assert result.total > 15
    for hit in result.hits:
        article = shuffled_library.article(hit.id)
        marked = {article.text[m.start : m.end].lower() for m in hit.matches}
        assert "museum" in marked
        assert any(word.startswith("soldier") for word in marked)
        assert any(
            hit.snippet.text[h.start : h.end].lower() == "museum" for h in hit.snippet.highlights
        )


@pytest.mark.parametrize(
    "query", ["Korea", "soldiers AND Russia", "museum OR troops", '"North Korea"']
)
def test_pages_of_a_ranking_join_up_to_the_whole_ranking(shuffled_library, query):
    whole = shuffled_library.search(query, limit=60)
    assert whole.total > 25
    pages = [shuffled_library.search(query, limit=10, offset=n) for n in range(0, 60, 10)]
    assert [h.id for p in pages for h in p.hits] == [h.id for h in whole.hits]
    assert [h.snippet for p in pages for h in p.hits] == [h.snippet for h in whole.hits]
    assert {p.total for p in pages} == {whole.total}
    assert pages[0].has_more and pages[0].offset == 0 and pages[2].offset == 20
    last = shuffled_library.search(query, limit=10, offset=whole.total - 3)
    assert len(last.hits) == 3 and not last.has_more
    assert shuffled_library.search(query, limit=10, offset=whole.total + 5).hits == ()


def test_an_or_counts_every_match_whatever_the_page_size(shuffled_library):
    def every(query: str) -> set[str]:
        return {h.id for h in shuffled_library.search(query, limit=1000).hits}

    either = every("museum") | every("troops")
    assert len(either) > 20
    for limit in (1, 10, 1000):
        assert shuffled_library.search("museum OR troops", limit=limit).total == len(either)
