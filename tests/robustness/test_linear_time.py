"""Hostile input costs time in proportion to its size (issue #7): a long word, thousands of
numbers in one sentence or thousands of names in one article must not hang indexing.

Each test times the same work at two sizes, the second four times the first, and requires the
time to grow less than eightfold: linear work takes four times as long, quadratic work sixteen
times. (Doubling tells the two apart less well: 2 against 4, and linear work that is part of
every run pulls the quadratic ratio down towards 3.) Times are the best of a few runs, and a
larger run that is still very fast passes whatever the ratio, so that scheduling noise on a
busy machine cannot fail a test.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support.timing import best_time

from search_index.article_reader import read_article
from search_index.claims.extract import extract_claims
from search_index.claims.records import claim_from_record, claim_to_record
from search_index.corpus import discover
from search_index.entities.extract import RuleExtractor
from search_index.entities.values import find_dates, find_quantities
from search_index.ids import assign_ids
from search_index.metadata import infer_metadata
from search_index.models import Article
from search_index.sidecar import nesting_depth, split_front_matter
from search_index.text import clean_label, fold

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet".split()
FAST = 0.05  # seconds: below this a ratio says more about the machine than about the code
STEP = 4
MAX_RATIO = 8


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    extractor = RuleExtractor()
    extractor.extract("Kim Jong Un said 12 people died in Seoul on 3 May 2024.")  # load data
    return extractor


def article(body: str) -> Article:
    return Article(
        id="hostile",
        path="hostile.txt",
        title="A hostile article",
        outlet=None,
        published=None,
        url=None,
        body=body,
        content_hash="0",
    )


def quantities(text: str) -> list[tuple[int, int, str]]:
    folded = fold(text)
    return find_quantities(folded, find_dates(folded))


def assert_linear(work: Callable[[str], object], make: Callable[[int], str], n: int) -> None:
    small, large = make(n), make(STEP * n)
    t_small = best_time(lambda: work(small))
    t_large = best_time(lambda: work(large))
    assert t_large < FAST or t_large / t_small < MAX_RATIO, (
        f"{t_small:.3f}s for size {n}, {t_large:.3f}s for size {STEP * n}"
    )


def assert_addresses_are_not_cubic() -> None:
    # The address pattern used to retry "\S+@" at every position of a word, backtracking over
    # the rest of it: quadratic in the word's length, and cubic for "x@x@x@..." (1.5 s for
    # 2,000 characters, three minutes for 10,000). Tests run this before feeding longer
    # words, which would otherwise hang rather than fail.
    assert quantities("x@" * 1_000) == []
    assert_linear(quantities, lambda n: "x@" * n, 250)


@pytest.mark.parametrize("unit", ["a", "1", "a1", "x@"])
def test_quantities_in_a_long_word_take_linear_time(unit):
    assert_addresses_are_not_cubic()
    assert_linear(quantities, lambda n: unit * (n // len(unit)), 10_000)


@pytest.mark.parametrize("separator", [" ", ", "])
def test_claims_of_many_numbers_in_one_sentence_take_linear_time(extractor, separator):
    # Claims used to redo the sentence's clauses, words, names and attribution for every number
    # in it: 10,000 numbers in one sentence took minutes.
    def analyse(body: str) -> object:
        item = article(body)
        claims = extract_claims(item, extractor.extract(item.text))
        assert len(claims) > 0
        return claims

    assert_linear(analyse, lambda n: separator.join(map(str, range(1, n + 1))) + ".", 1_000)


def test_claims_of_a_sentence_full_of_names_and_figures_take_linear_time(extractor):
    def analyse(body: str) -> object:
        item = article(body)
        return extract_claims(item, extractor.extract(item.text))

    def make(n: int) -> str:
        return ", ".join(f"in 2024 Kim sent {i} troops to Russia" for i in range(n)) + "."

    assert_linear(analyse, make, 250)


def test_stored_claims_grow_linearly_with_the_figures_of_a_sentence(extractor):
    # Every record used to hold its sentence: 10,000 numbers in one sentence made 500 MB of
    # records, 34 s to index and 7 s to read back.
    def stored_size(n: int) -> int:
        item = article(" ".join(map(str, range(1, n + 1))) + ".")
        claims = extract_claims(item, extractor.extract(item.text))
        stored = json.dumps([claim_to_record(c) for c in claims])
        assert [claim_from_record(item, r) for r in json.loads(stored)] == claims
        return len(stored)

    assert stored_size(2_000) < 3 * stored_size(1_000)


def test_names_in_a_long_article_take_linear_time(extractor):
    # Every name found and every date was compared with every name found before it.
    assert_linear(extractor.extract, lambda n: "The US said. " * n, 2_000)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "a" * n, id="word-a"),
        pytest.param(lambda n: "1" * n, id="word-1"),
        pytest.param(lambda n: "a1" * (n // 2), id="word-a1"),
        pytest.param(lambda n: "x@" * (n // 2), id="word-x@"),
        pytest.param(
            lambda n: " ".join(WORDS[i % 10] for i in range(n // 6)) + ".", id="long-line"
        ),
        pytest.param(lambda n: " ".join(map(str, range(1, n // 10 + 1))) + ".", id="numbers"),
        pytest.param(
            lambda n: ", ".join(map(str, range(1, n // 10 + 1))) + ".", id="numbers-commas"
        ),
    ],
)
def test_hostile_articles_are_analysed_in_linear_time(extractor, make):
    # From 14 s to hours before the fix for the largest of these (a megabyte line, 10,000
    # numbers in one sentence); 25,000 against 100,000 characters tells linear from quadratic.
    assert_addresses_are_not_cubic()

    def analyse(body: str) -> object:
        item = article(body)
        return extract_claims(item, extractor.extract(item.text))

    assert_linear(analyse, make, 25_000)


def _compare_with_itself(extractor: RuleExtractor, body: str) -> object:
    from search_index.claims.align import compare

    a = article(body)
    claims = extract_claims(a, extractor.extract(a.text))
    return compare(a, claims, a, claims)


@pytest.mark.parametrize(
    "make",
    [
        # Every figure in one sentence, with one subject: every pair of claims shares it.
        lambda n: "Officials counted " + " ".join(f"{i} troops" for i in range(n)) + ".",
        # One figure a sentence, all on one subject, as in a long statistical table.
        lambda n: " ".join(f"In district {i}, {i + 7} people were killed." for i in range(n)),
    ],
)
def test_comparing_articles_of_many_claims_takes_linear_time(extractor, make):
    # Aligning used to score every pair of claims: 10,000 claims took over a quarter of an hour.
    assert_linear(lambda body: _compare_with_itself(extractor, body), make, 250)


def test_an_article_of_numbers_compares_in_linear_time(extractor):
    def make(n: int) -> str:
        return "Officials counted " + " ".join(str(i) for i in range(n)) + "."

    comparison = _compare_with_itself(extractor, make(2_000))
    assert comparison.summary["agree"] > 0 and comparison.summary["conflict"] == 0
    assert_linear(lambda body: _compare_with_itself(extractor, body), make, 1_000)


# --------------------------------------------------------------------------------------------
# Titles, labels and front matter (issue #13): a long run of blanks in a title made every
# command take seconds to minutes (a 40 KB title, 22 s; 60 KB of front matter, 74 s to index).
# Each pattern below ran from every position of the run and scanned to its end.

BLANKS = 10_000


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "a" + " " * n + "b", id="spaces"),
        pytest.param(lambda n: " " * n + "\x01", id="spaces-then-control"),
        pytest.param(lambda n: "a" + " " * n + "\t", id="spaces-then-tab"),
        pytest.param(lambda n: ("a" + " " * 99) * (n // 100), id="runs-of-spaces"),
        pytest.param(lambda n: " \t" * (n // 2), id="spaces-and-tabs"),
        pytest.param(lambda n: " " * n + "\n" + " " * n, id="spaces-around-a-break"),
        pytest.param(lambda n: "\u00a0" * n + "x", id="no-break-spaces"),
    ],
)
def test_labels_take_linear_time(make):
    assert_linear(clean_label, make, BLANKS)


def test_ids_of_blank_filled_names_take_linear_time():
    assert_linear(lambda name: assign_ids([name]), lambda n: "a" + " " * n + "b.txt", BLANKS)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "title: a" + " " * n + "b", id="title"),
        pytest.param(lambda n: 'title: "a' + " " * n + 'b"', id="quoted-title"),
        pytest.param(lambda n: "date: 2024-03-05" + " " * n + "x", id="date"),
        pytest.param(lambda n: "title" + " " * n + "x", id="key-then-blanks"),
        pytest.param(lambda n: "t" * n + " " * n + "x", id="long-key"),
        pytest.param(lambda n: "title: a" + " #" * (n // 2), id="comments"),
        pytest.param(lambda n: "title: " + "-" * n + " x", id="punctuation"),
        pytest.param(lambda n: "title: a\n" * (n // 9), id="many-lines"),
    ],
)
def test_front_matter_takes_linear_time(make):
    assert_linear(lambda line: split_front_matter(f"---\n{line}\n---\nBody."), make, BLANKS)


BODY = "\n\nOfficials said the storm hit the coast on Monday. Rescuers reached the valley.\n"


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "Storm | hits coast" + " " * n + "x" + BODY, id="headline-pipe"),
        pytest.param(lambda n: "Storm hits" + " " * n + "x · now" + BODY, id="headline-dot"),
        pytest.param(lambda n: "Storm - hits" + " " * n + "- x" + BODY, id="headline-dash"),
        pytest.param(lambda n: "Storm hits coast" + BODY + "a |b" + " " * n + "x\n", id="body"),
        pytest.param(lambda n: " | " * (n // 3) + BODY, id="separators"),
        pytest.param(lambda n: "|" + " " * n + "|" + BODY, id="blank-segment"),
        pytest.param(lambda n: "Storm hits coast" + " " * n + "x" + BODY, id="headline"),
        pytest.param(lambda n: "By Jane" + " " * n + "Doe\nStorm hits coast" + BODY, id="byline"),
        pytest.param(lambda n: "PARIS" + " " * n + "(Reuters) - x" + BODY, id="dateline"),
        pytest.param(lambda n: "© " + " " * n + "x" + BODY, id="copyright"),
        pytest.param(lambda n: "Source:" + " " * n + "x" + BODY, id="source"),
        pytest.param(lambda n: "-" * n + BODY, id="rule"),
        pytest.param(lambda n: "Updated" + " " * n + "x" + BODY, id="date-label"),
    ],
)
def test_inferring_metadata_takes_linear_time(make):
    assert_linear(infer_metadata, make, BLANKS)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "'a" * n, id="literal-strings"),
        pytest.param(lambda n: '"a' * n, id="basic-strings"),
        pytest.param(lambda n: '"""' + '"a' * n, id="multiline-basic"),
        pytest.param(lambda n: "'''" * n, id="multiline-literals"),
        pytest.param(lambda n: '"' + "\\" * n, id="backslashes"),
        pytest.param(lambda n: "[]{}" * n, id="brackets"),
    ],
)
def test_sidecar_nesting_is_counted_in_linear_time(make):
    assert_linear(nesting_depth, make, 20_000)


def _corpus(root: Path, n: int) -> Path:
    folder = root / f"corpus-{n}"
    folder.mkdir()
    blanks = " " * n
    (folder / "front.txt").write_text(
        f"---\ntitle: Storm{blanks}hits\ndate: 2024-03-05{blanks}x\nsource: a{blanks}b\n---\n"
        f"Storm | hits coast{blanks}x{BODY}",
        encoding="utf-8",
    )
    (folder / "plain.txt").write_text(f"Storm hits coast{blanks}x{BODY}", encoding="utf-8")
    (folder / "kimreader.toml").write_text(
        f'["plain"]\ntitle = "a{blanks}b"\noutlet = "{blanks}x"\npublished = "x{blanks}y"\n',
        encoding="utf-8",
    )
    return folder


def test_reading_a_corpus_of_blank_filled_titles_takes_linear_time(tmp_path):
    def read(folder: str) -> object:
        found = discover(Path(folder))
        articles = [read_article(source, found.overrides) for source in found.files]
        assert all(isinstance(a, Article) for a in articles)
        return articles

    assert_linear(read, lambda n: str(_corpus(tmp_path, n)), BLANKS)


def markdown_table(rows: int, columns: int) -> str:
    cells = " | ".join(f"{WORDS[c % len(WORDS)]} {c}" for c in range(columns))
    rule = "|" + "---|" * columns
    return "Title\n\n" + "\n\n".join([f"| {cells} |", rule] + [f"| {cells} |"] * rows)


@pytest.mark.parametrize(
    ("make", "n"),
    [
        (lambda n: markdown_table(n, 4), 1_000),  # a long table
        (lambda n: markdown_table(1, n), 1_000),  # a row of thousands of columns
        (lambda n: "Title\n\n```\n\n" + "code line\n\n" * n, 2_000),  # a fence never closed
        (lambda n: "Title\n\n" + "- " * n + "deep", 2_000),  # lists nested on one line
        (lambda n: "Title\n\n" + "> " * n + "deep", 2_000),  # quotes nested on one line
        (lambda n: "Title\n\n" + "- item\n\n" * n, 2_000),  # a long list
        (lambda n: "Title\n\n" + "**a** [b](c) `d` " * n, 1_000),  # inline markup on a line
        (lambda n: "Title\n\n" + "*a " * n, 1_000),  # emphasis never closed
    ],
)
@pytest.mark.parametrize("width", [None, 80])
def test_markdown_layout_of_hostile_articles_takes_linear_time(make, n, width):
    from search_index.formats.markdown_layout import markdown_layout

    def lay_out(text: str) -> object:
        layout = markdown_layout(text, width)
        assert "deep" not in text or "deep" in layout.text
        return layout

    # The tables make tens of thousands of small objects, and each full collection walks every
    # object the test session holds: frozen, that heap is not counted as the layout's cost.
    gc.collect()
    gc.freeze()
    try:
        assert_linear(lay_out, make, n)
    finally:
        gc.unfreeze()
