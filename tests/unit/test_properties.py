"""Property-based tests (hypothesis) for the pure text helpers, the value readers, the query
layer and the claim diff. Every test is derandomized so CI sees the same examples each run."""

from __future__ import annotations

import random
import re
import shutil
import sys
import tempfile
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search_index.claims.values import parse_date, parse_quantity
from search_index.entities.values import find_dates, find_quantities
from search_index.ids import assign_ids
from search_index.query_text import plain_terms, prepare_query
from search_index.text import clean_label, fold, squash_whitespace, strip_controls

# Deterministic everywhere; fixtures shared between examples are read-only (or rebuilt per
# example under a fresh directory), so the function-scoped fixture check does not apply.
FAST = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MEDIUM = settings(FAST, max_examples=100)
INDEXING = settings(FAST, max_examples=12)

# --------------------------------------------------------------------------------------------
# Text strategies
# --------------------------------------------------------------------------------------------

SPECIAL_CHARS = [
    "\u2011",  # non-breaking hyphen
    "\u00a0",  # no-break space
    "\u202f",  # narrow no-break space
    "\u2010", "\u2013", "\u2014", "\u2212", "\u00ad",
    "\u2018", "\u2019", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u02bc",
    "\u2009", "\u3000", "\u200b", "\u200d", "\u200e", "\u200f", "\u2028", "\u2029",
    "\u0301", "\u0308", "\u0327",  # combining marks
    "e\u0301", "n\u0303",
    "金正恩", "朝鮮", "김정은", "カタカナ",
    "\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # emoji, ZWJ family
    "\U0001f3f3\ufe0f\u200d\U0001f308", "\U0001f44d\U0001f3fd",
    "مرحبا", "كيم جونغ أون", "שלום", "\u202b", "\u202c", "\u2067", "\u2069",
    "\x1b", "\x1b[31m", "\x1b]52;c;ZXZpbA==\x07", "\x1bP", "\x1b\\", "\x9b2J", "\x85",
    "\r\n", "\r", "\n", "\t", "\x00", "\x7f", "\x0b", "\x0c", "\x1c",
]  # fmt: skip

# Any code point except surrogates (which a str cannot hold as text).
any_char = st.characters(exclude_categories=("Cs",))
text_pieces = st.one_of(
    st.text(any_char, max_size=8),
    st.sampled_from(SPECIAL_CHARS),
    st.text(alphabet="abc XYZ-'\"0123", max_size=6),
)
unicode_text = st.lists(text_pieces, max_size=12).map("".join)

FOLDS = {"-", "'", '"', " "}


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F


# --------------------------------------------------------------------------------------------
# 1. fold and strip_controls
# --------------------------------------------------------------------------------------------


@FAST
@given(unicode_text)
@example("Kim Jong\u2011un\u00a0said\u202f\u201chi\u201d")
@example("\U0001f468\u200d\U0001f469\u200d\U0001f467 e\u0301 金正恩 مرحبا שלום")
def test_fold_maps_one_character_to_one_character(text):
    folded = fold(text)
    assert len(folded) == len(text)
    for original, new in zip(text, folded, strict=True):
        assert new == original or (new in FOLDS and not original.isascii()), (original, new)
    assert fold(folded) == folded


def test_fold_folds_the_characters_search_relies_on():
    assert fold("\u2011\u00a0\u202f\u2019\u201c") == "-  '\""


def _code_points(category: str) -> str:
    return "".join(
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == category
    )


def test_fold_folds_every_dash_and_every_space_separator():
    dashes, spaces = _code_points("Pd"), _code_points("Zs")
    assert "\u058a" in dashes and "\u205f" in spaces  # the scan sees the rare ones
    assert fold(dashes) == "-" * len(dashes)
    assert fold(spaces) == " " * len(spaces)


@FAST
@given(st.text(st.characters(categories=("Pd", "Zs", "Pi", "Pf", "Ps", "Pe", "Po", "Cf", "Sm"))))
def test_fold_keeps_the_length_of_punctuation_runs(text):
    folded = fold(text)
    assert len(folded) == len(text)
    for original, new in zip(text, folded, strict=True):
        # Metadata inference strips folded lines and slices the originals at the same offsets.
        assert new.isspace() == original.isspace()
        category = unicodedata.category(original)
        if category == "Pd":
            assert new == "-"
        elif category == "Zs":
            assert new == " "


@FAST
@given(unicode_text)
@example("a\x1b[31mred\x1b[0m\x1b]52;c;ZXZpbA==\x07\x9b2J\x85\r\nb\rc\x00")
@example("\x1b\x1b\x1b[")
def test_strip_controls_leaves_no_control_character(text):
    stripped = strip_controls(text)
    bad = [ch for ch in stripped if _is_control(ch) and ch not in "\n\t"]
    assert not bad, (text, stripped)
    assert "\x1b" not in stripped
    assert strip_controls(stripped) == stripped


@FAST
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40))
def test_strip_controls_keeps_text_without_controls(text):
    assert strip_controls(text) == text


@FAST
@given(st.text(st.characters(), max_size=40) | unicode_text)
@example("x\x1b]52;c;ZXZpbA==\x07y\t\r\n\u2028z")
def test_clean_label_is_one_printable_encodable_line(text):
    label = clean_label(text)
    assert not [ch for ch in label if _is_control(ch)], (text, label)
    assert "\u2028" not in label and "\u2029" not in label
    assert label == label.strip()
    label.encode("utf-8")  # no lone surrogate left
    assert clean_label(label) == label


# File names: any character a name may hold on a POSIX system (no "/" or NUL), with lone
# surrogates standing for bytes that are not UTF-8.
name_chars = st.characters(exclude_characters="/\x00") | st.sampled_from(
    ["\x1b", "\x1b[2J", "\t", "\n", "\udcff", "\x07", "\x9b", " "]
)
file_names = st.lists(name_chars, min_size=1, max_size=8).map("".join)
relpaths = st.lists(
    st.tuples(st.lists(file_names, max_size=2), file_names, st.sampled_from([".txt", ".md"])).map(
        lambda t: "/".join([*t[0], t[1] + t[2]])
    ),
    unique=True,
    max_size=12,
)


@FAST
@given(relpaths)
@example(["evil\x1b[2Jname.txt", "evilname.txt", "tab\there.txt", "tab here.md"])
@example(["x.txt", "x.md", "x.txt.md", "\x1b[2J.txt", "\x07.txt"])
def test_assign_ids_are_unique_clean_labels(paths):
    ids = assign_ids(paths)
    assert len(ids) == len(paths)
    assert len(set(ids)) == len(ids), (paths, ids)
    for article_id in ids:
        assert article_id and clean_label(article_id) == article_id, (paths, ids)
    assert assign_ids(paths) == ids


# --------------------------------------------------------------------------------------------
# 2. squash_whitespace
# --------------------------------------------------------------------------------------------

WHITESPACE = [" ", "  ", "\n", "\n\n", "\t", " \n ", "\r\n", "\u00a0", "\u2028", "\u3000",
              "\x1c", "\x1f", "\x0b\x0c", "\u2003 \u2009"]  # fmt: skip
words = st.text(
    st.characters(exclude_categories=("Cs",)).filter(lambda c: not c.isspace()),
    min_size=1,
    max_size=6,
)


@st.composite
def texts_with_word_spans(draw):
    parts = draw(st.lists(st.tuples(words, st.sampled_from(WHITESPACE)), max_size=10))
    text = draw(st.sampled_from(["", " ", "\n\n", "\t "]))
    spans = []
    for word, gap in parts:
        spans.append((len(text), len(text) + len(word)))
        text += word + gap
    return text, spans


@st.composite
def texts_with_any_spans(draw):
    text = "".join(draw(st.lists(st.sampled_from(["a", "b", "Z", "9", ".", *WHITESPACE]))))
    bounds = st.integers(0, len(text))
    spans = [tuple(sorted((draw(bounds), draw(bounds)))) for _ in range(draw(st.integers(0, 5)))]
    return text, spans


def _ink(s: str) -> str:
    return "".join(ch for ch in s if not ch.isspace())


@FAST
@given(texts_with_word_spans())
@example(("\n\nfirst  Kim\n\nJong ", [(2, 7), (9, 12), (14, 18)]))
def test_squash_whitespace_keeps_each_word_span_on_its_word(case):
    text, spans = case
    squashed, moved = squash_whitespace(text, spans)
    assert [squashed[s:e] for s, e in moved] == [text[s:e] for s, e in spans]
    assert not re.search(r"\s\s", squashed)
    assert _ink(squashed) == _ink(text)


@FAST
@given(texts_with_any_spans())
# A span ending inside a whitespace run used to take in the next word's first character.
@example(("aaa  a", [(0, 5)]))
@example(("aaa  ", [(0, 5)]))
def test_squash_whitespace_keeps_the_ink_of_any_span(case):
    text, spans = case
    squashed, moved = squash_whitespace(text, spans)
    assert len(moved) == len(spans)
    for (s, e), (ms, me) in zip(spans, moved, strict=True):
        assert 0 <= ms <= me <= len(squashed), (text, (s, e), (ms, me))
        assert _ink(squashed[ms:me]) == _ink(text[s:e]), (text, (s, e), (ms, me))


# --------------------------------------------------------------------------------------------
# 3. parse_quantity and parse_date
# --------------------------------------------------------------------------------------------

HEDGES = ["", "about ", "around ", "more than ", "nearly ", "up to ", "at least ", "~", ">",
          "<= ", "some ", "just over ", "between ", "from ", "an estimated ", "the ", "a ",
          "another ", "only ", "upwards of ", "fewer than "]  # fmt: skip
NUMBERS = ["1,234", "10,000", "10 000", "10\u202f000", "1.2", ".5", "0", "5", "3", "14000",
           "007", "1,2345", "12.", "9" * 40, "1e5", "twenty-five", "a dozen", "half a million",
           "two hundred and fifty", "three", "a", "dozens", "thousands", "tens of thousands",
           "several hundred", "a few thousand", "threefold", "$12", "£3.5", "€1,000", "US$2",
           "magnitude 6.1", "M7.2", "-4", "\u22124"]  # fmt: skip
SCALES = ["", " million", "m", "bn", " billion", "k", " thousand", "tn", " lakh", "%",
          " per cent", "th", "st"]  # fmt: skip
RANGES = ["", " to 3", " and 3", "-15", " or 7", " - 2", " to 1 million", "\u201315",
          " and", " to"]  # fmt: skip
SUFFIXES = ["", "+", " or more", " or so", " plus"]
UNITS = ["", " km", "km", " square kilometres", " sq mi", " miles", " m", "m high", " kg",
         " tonnes", " years old", "-year-old", " days", " hours", "C", " degrees fahrenheit",
         " times", "x", " percentage points", " dollars", " mph", " km/h", " litres",
         " barrels", " feet"]  # fmt: skip
COUNTED = ["", " troops", " people", " North Korean soldiers", " of them", ", officials said",
           " life-size"]  # fmt: skip

numberish = st.builds(
    lambda *parts: "".join(parts),
    st.sampled_from(HEDGES),
    st.sampled_from(NUMBERS),
    st.sampled_from(SCALES),
    st.sampled_from(RANGES),
    st.sampled_from(SUFFIXES),
    st.sampled_from(UNITS),
    st.sampled_from(COUNTED),
)
# Loose fragments glued in any order: ranges without ends, scales without numbers, "5 - -3".
quantity_fragments = st.lists(
    st.sampled_from([*HEDGES, *NUMBERS, *SCALES, *RANGES, *SUFFIXES, *UNITS, *COUNTED]),
    max_size=8,
).map("".join)
quantity_text = st.one_of(
    numberish,
    quantity_fragments,
    st.sampled_from(["Monday", "on Sunday", "October 2025", "N km", "km", "between", "%"]),
    unicode_text,
    st.text(max_size=40),
)


def _check_quantity(value):
    if value is None:
        return
    assert isinstance(value.value, str) and value.value
    if value.low is not None and value.high is not None:
        assert value.low <= value.high, value
    if value.figure is not None:
        if value.low is not None:
            assert value.low <= value.figure, value
        if value.high is not None:
            assert value.figure <= value.high, value


@FAST
@given(quantity_text)
@example("about 1,234 troops")
@example("between 5 and 3")
@example("10,000+")
@example("1.2 million")
@example("N km")
@example("between 1 million and 500")
@example("9" * 300)
@example("9" * 301)
def test_parse_quantity_never_raises_and_its_interval_holds_the_figure(text):
    _check_quantity(parse_quantity(text))


def test_parse_quantity_reads_the_documented_examples():
    q = parse_quantity("about 1,234 troops")
    assert (q.figure, q.hedge, q.counted) == (1234.0, "about", "troops")
    q = parse_quantity("between 5 and 3")
    assert (q.low, q.high, q.figure) == (3.0, 5.0, None)
    assert parse_quantity("10,000+").low == 10000.0
    assert parse_quantity("1.2 million").figure == 1_200_000.0


MONTHS = ["January", "Jan", "Jan.", "Feb", "February", "Sept", "October", "oct", "Dec",
          "May", "june"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Sun", "Sat", "Wed", "thurs"]  # fmt: skip
YEARS = ["2025", "2024", "1999", "0000", "9999", "1000", "2999", "20"]
DAYS = ["1", "1st", "25", "29", "30", "31", "0", "99", "22nd"]
MONTH, WEEKDAY, YEAR, DAY = map(st.sampled_from, (MONTHS, WEEKDAYS, YEARS, DAYS))
LEADS = ["", "on ", "in ", "since ", "the ", "early ", "mid-", "late ", "the end of ", "as of "]
TAILS = ["", " morning", ", night", ".", " 2025", " and beyond"]
OTHER_DATES = ["yesterday", "today", "tonight", "tomorrow", "last night", "the 2020s", "1990s",
               "2020-10", "2026-01-26"]  # fmt: skip
date_forms = st.one_of(
    st.builds("{} {}".format, MONTH, YEAR),
    st.builds("{} {}, {}".format, MONTH, DAY, YEAR),
    st.builds("{} {} {}".format, DAY, MONTH, YEAR),
    st.builds("{}, {} {}".format, WEEKDAY, MONTH, DAY),
    st.builds("{} {}".format, st.sampled_from(["", "last", "this", "next", "past"]), WEEKDAY),
    st.builds(
        "{} {}".format,
        st.sampled_from(["this", "last", "next", "current", "past", "coming"]),
        st.sampled_from(["week", "month", "year", "decade"]),
    ),
    st.builds(
        "{} {} ago".format,
        st.sampled_from(["1", "a", "an", "three", "twenty-one", "9999", "0", "several"]),
        st.sampled_from(["day", "days", "week", "months", "year", "decade"]),
    ),
    st.builds("{}-{}-{}".format, YEAR, st.sampled_from(["01", "2", "13", "00"]), DAY),
    st.sampled_from(MONTHS + WEEKDAYS + YEARS + OTHER_DATES),
)
date_text = st.one_of(
    st.builds("".join, st.tuples(st.sampled_from(LEADS), date_forms, st.sampled_from(TAILS))),
    unicode_text,
    st.text(max_size=40),
)
anchors = st.one_of(
    st.none(),
    st.dates(),
    st.sampled_from([date.min, date.max, date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29)]),
    st.datetimes(),
)


def _check_date(value):
    if value is None:
        return
    assert isinstance(value.value, str) and value.value
    assert value.start <= value.end, value


@FAST
@given(date_text, anchors)
@example("October 2025", None)
@example("In October", date(2026, 1, 26))
@example("on Sunday", date(2026, 1, 26))
@example("next year", date(9999, 12, 31))
@example("last Sunday", date(1, 1, 1))
@example("9999 years ago", date(2026, 1, 26))
@example("this decade", datetime(9999, 12, 31, 23, 59))
def test_parse_date_never_raises_and_its_period_is_ordered(text, anchor):
    _check_date(parse_date(text))
    _check_date(parse_date(text, anchor))


span_text = st.one_of(
    st.lists(
        st.one_of(
            numberish,
            st.sampled_from(["on Sunday", "October 2025", "Jan 25, 2026", "[5]", "5th", "\n",
                             " over ", " some ", "handsome ", "turnover ", "magnitude ",
                             "www.example.com/2025/10", " killed", ", ", ". "]),
        ),
        max_size=6,
    ).map(" ".join),
    unicode_text,
)  # fmt: skip


@FAST
@given(span_text)
# The second quantity's hedge used to stay inside the first quantity's span as well.
@example("killed 12 people over 3 days")
@example("about thousands of 5")
# A hedge was found inside a longer word: "over 5 percent" out of "turnover 5 percent".
@example("a turnover 5 percent higher")
@example("a handsome 5 percent raise")
@example("1,234 dollarsabout 2025about ")
def test_date_and_quantity_spans_are_ordered_whole_words_and_readable(text):
    folded = fold(text)
    dates = find_dates(folded)
    for spans in (dates, find_quantities(folded, dates)):
        previous_end = 0
        for start, end, _ in spans:
            assert previous_end <= start < end <= len(folded), (folded, spans)
            previous_end = end
            # A span never starts inside a word.
            assert start == 0 or not folded[start - 1].isalnum() or not folded[start].isalnum()
            _check_quantity(parse_quantity(folded[start:end]))
            _check_date(parse_date(folded[start:end], date(2026, 1, 26)))


# --------------------------------------------------------------------------------------------
# 4. The query layer
# --------------------------------------------------------------------------------------------

SYNTAX = ['"', "(", ")", "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "*", "?", "~", "~2", "^",
          "^2", ":", "title:", "body:", "person:", "org:", "place:", "person:\"", "[", "TO",
          "]", "{", "}", "-", "+", "'", "\\", "/", "<", ">", "=", "''", "#"]  # fmt: skip
QUERY_WORDS = ["Kim", "Jong-un", "kim jong un", "Jong\u2011un", "troops", "10,000", "14000",
               "Pyongyang", "Russia", "Ukraine", "museum", "soldiers", "zzxq", "a", "the",
               "2025", "Kim Jong Un", "Kursk", "Ri", "x"]  # fmt: skip
syntax_query = st.lists(
    st.one_of(st.sampled_from(SYNTAX), st.sampled_from(QUERY_WORDS), st.text(max_size=4)),
    max_size=8,
).flatmap(
    lambda tokens: st.lists(
        st.sampled_from(["", " "]), min_size=len(tokens), max_size=len(tokens)
    ).map(lambda gaps: "".join(t + g for t, g in zip(tokens, gaps, strict=True)))
)
any_query = st.one_of(syntax_query, unicode_text, st.text(max_size=30))

_texts: dict[str, str] = {}


def _article_text(library, article_id: str) -> str:
    if article_id not in _texts:
        _texts[article_id] = library.article(article_id).text
    return _texts[article_id]


@MEDIUM
@given(any_query)
@example('title:"Kim')
@example("person:(")
@example("[a TO")
@example("Kim^")
@example("*")
@example("NOT")
@example('person:"Kim Jong Un" AND (troops OR ')
@example("x" * 2000)
# An empty entity phrase used to reach the entity table as None (AttributeError).
@example('person:""')
@example('""person:"')
@example('org:"" OR place:""')
def test_search_never_raises_and_matches_point_into_the_text(seed_library, query):
    result = seed_library.search(query)
    assert result.error is None or (isinstance(result.error, str) and result.hits == ())
    assert result.total >= len(result.hits)
    assert len({hit.id for hit in result.hits}) == len(result.hits)
    for hit in result.hits:
        text = _article_text(seed_library, hit.id)
        previous_end = 0
        for span in hit.matches:  # in order, apart, inside the text
            assert previous_end <= span.start < span.end <= len(text), (query, hit.id, span)
            previous_end = span.end
        for span in hit.snippet.highlights:
            assert 0 <= span.start < span.end <= len(hit.snippet.text), (query, hit.snippet)


@FAST
@given(any_query)
@example('a "b' + "x" * 1000)
def test_prepared_queries_are_clean_and_balanced(query):
    prepared = prepare_query(query)
    assert not any(_is_control(ch) for ch in prepared.text)
    assert prepared.text.count('"') % 2 == 0
    terms = plain_terms(prepared.text)
    assert terms == terms.lower() and len(terms.split()) <= 32


# --------------------------------------------------------------------------------------------
# 5. The claim diff
# --------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?\"\u201d])\s+(?=[A-Z\"\u201c])")


def prose_sentences(library) -> list[str]:
    """The articles' prose sentences (table rows and link lists left out: on their own they
    are page furniture, and a file of nothing else is rightly skipped)."""
    sentences = []
    for article_id in library.ids():
        body = library.article(article_id).body
        for paragraph in body.split("\n"):
            sentences.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    return [s for s in sentences if s[0].isalnum() and s[-1] in '."\u201d' and len(s) > 30]


@pytest.fixture(scope="module")
def seed_sentences(seed_library) -> list[str]:
    return prose_sentences(seed_library)


def _write_article(folder: Path, name: str, published: str, sentences: list[str]) -> None:
    (folder / name).write_text(
        f"Report {name} on the memorial\nPublished: {published}\n" + "\n".join(sentences) + "\n",
        encoding="utf-8",
    )


def check_claim_diff(
    folder: Path, a: list[str], b: list[str], dates: tuple[str, str] = ("26 Jan. 2026",) * 2
) -> None:
    """Index two articles made of ``a``'s and ``b``'s sentences and check the claim diff:
    each article against itself, and the two against each other both ways round."""
    from search_index.library import Library

    _write_article(folder, "a.txt", dates[0], a)
    _write_article(folder, "b.txt", dates[1], b)
    with Library.open(folder) as library:
        library.refresh(parallel=False)
        assert not library.last_refresh.skipped
        first, second = library.ids()
        for article_id in (first, second):
            same = library.compare(article_id, article_id).summary
            assert same["conflict"] == 0, (article_id, same)
            assert same["only_a"] == same["only_b"] == 0, (article_id, same)
        ab = library.compare(first, second).summary
        ba = library.compare(second, first).summary
        assert (ab["only_a"], ab["only_b"]) == (ba["only_b"], ba["only_a"]), (a, b, ab, ba)
        for status in ("conflict", "agree", "compatible"):
            assert ab[status] == ba[status], (status, a, b, ab, ba)


PUBLISHED = ["26 Jan. 2026", "5 Jan. 2026", "13 Dec. 2025", "1 Oct. 2024"]


@INDEXING
@given(data=st.data())
def test_claim_diff_is_reflexive_and_symmetric(seed_sentences, tmp_path_factory, data):
    rng = random.Random(data.draw(st.integers(0, 2**32 - 1), label="shuffle seed"))
    sizes = (data.draw(st.integers(1, 12), label="A"), data.draw(st.integers(1, 12), label="B"))
    a, b = (rng.sample(seed_sentences, min(n, len(seed_sentences))) for n in sizes)
    if data.draw(st.booleans(), label="B repeats A's sentences shuffled"):
        b = rng.sample(a, len(a)) + a[: rng.randint(0, len(a))]
    dates = (data.draw(st.sampled_from(PUBLISHED)), data.draw(st.sampled_from(PUBLISHED)))
    # A name never used before in this session: Hypothesis seeds the global ``random`` alike
    # for every example, so Whoosh (which names segments with it) would give a reused folder's
    # new segment the old segment's name, in the index it kept in the cache for that path.
    folder = Path(tempfile.mkdtemp(prefix="claims-corpus-", dir=tmp_path_factory.getbasetemp()))
    try:
        check_claim_diff(folder, a, b, dates)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
