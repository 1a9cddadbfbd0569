"""Which sentences of an article other reports contradict (the reader's ] [ marks)."""

from __future__ import annotations

import pytest

from search_index.claims.align import Comparison
from search_index.conflicts import contradicted_sentences
from search_index.ids import ArticleNotFound

A002 = "002_f8346f1b11c35f47"
A003 = "003_8aed3a971675dfb7"


def test_the_seeds_troop_figures_are_contradicted(seed_library):
    found = seed_library.contradicted("002")
    assert found, "002 and 003 disagree on troops and dead"
    text = seed_library.article(A002).text
    says = {(text[s:e], c.value) for (s, e), claims in found.items() for c in claims}
    assert any(value == "14000" for _, value in says)
    # Every span is a sentence of 002 holding a claim that conflicts with the other report's.
    for (start, end), claims in found.items():
        assert 0 <= start < end <= len(text)
        assert all(c.article_id != A002 for c in claims)
    assert list(found) == sorted(found)  # text order


def test_the_same_as_the_pairwise_claim_diff(seed_library):
    found = seed_library.contradicted(A002)
    others = [o for o in seed_library.related(A002) if o != A002]
    expected: dict[tuple[int, int], list[str]] = {}
    for other in others:
        for row in seed_library.compare(A002, other).rows:
            if row.status == "conflict" and row.a and row.b:
                expected.setdefault((row.a.start, row.a.end), []).append(row.b.value_text)
    assert {k: [c.value_text for c in v] for k, v in found.items()} == expected


def test_an_article_never_contradicts_itself(seed_library):
    compared: list[str] = []

    def compare(first: str, second: str) -> Comparison:
        compared.append(second)
        return seed_library.compare(first, second)

    contradicted_sentences(A002, [A002, A003], compare)
    assert compared == [A003]


def test_a_vanished_other_report_is_skipped_and_a_vanished_article_raises(seed_library):
    def compare(first: str, second: str) -> Comparison:
        if second == "gone":
            raise ArticleNotFound("gone", (), ambiguous=False)
        return seed_library.compare(first, second)

    assert contradicted_sentences(A002, ["gone", A003], compare) == contradicted_sentences(
        A002, [A003], compare
    )
    with pytest.raises(ArticleNotFound):
        seed_library.contradicted("no-such-article")

    def lost(first: str, second: str) -> Comparison:
        raise ArticleNotFound(first, (), ambiguous=False)

    with pytest.raises(ArticleNotFound):
        contradicted_sentences(A002, [A003], lost)


def test_stop_ends_the_scan_before_the_next_comparison(seed_library):
    compared: list[str] = []

    def compare(first: str, second: str) -> Comparison:
        compared.append(second)
        return seed_library.compare(first, second)

    asked = iter([False, True])
    found = contradicted_sentences(A002, [A003, "never"], compare, lambda: next(asked))
    assert compared == [A003] and found
    assert contradicted_sentences(A002, [A003], compare, lambda: True) == {}
