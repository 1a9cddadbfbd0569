"""Search on the real seed articles, through the same facade the CLI and app use."""

import pytest

ALL = {
    "000_ca11f8d137dfb4bd",
    "001_ee6a89961e49bfbf",
    "002_f8346f1b11c35f47",
    "003_8aed3a971675dfb7",
    "004_2da6d9f645c22fe2",
}


def ids(result) -> set[str]:
    return {hit.id for hit in result.hits}


@pytest.mark.parametrize(
    "query", ['"Kim Jong-un"', "Kim Jong-un", "Jong\u2011un", '"Kim Jong Un"', "Kim Jong Un"]
)
def test_every_spelling_of_the_leader_finds_all_five(seed_library, query):
    result = seed_library.search(query)
    assert ids(result) == ALL
    assert result.corrected is None


def test_hyphenated_word_is_not_an_unordered_and(seed_library):
    # Every seed has both "North" and "Korea"; only the phrase order matters for "Korea-North".
    assert seed_library.search("Korea-North").total < seed_library.search("Korea North").total


def test_numbers_with_and_without_separators(seed_library):
    assert ids(seed_library.search("10000")) == ids(seed_library.search("10,000"))
    assert ids(seed_library.search("10000")) == {
        "000_ca11f8d137dfb4bd",
        "001_ee6a89961e49bfbf",
        "004_2da6d9f645c22fe2",
    }
    assert ids(seed_library.search("14,000")) == {"001_ee6a89961e49bfbf", "003_8aed3a971675dfb7"}


def test_one_letter_name_parts_are_searchable(seed_library):
    assert ids(seed_library.search("Ju-a-e")) == {"001_ee6a89961e49bfbf"}
    # "Ju Ae" (003) and "Ju-ae" (004) are one spelling once hyphens are folded.
    assert ids(seed_library.search('"Ju Ae"')) == {"003_8aed3a971675dfb7", "004_2da6d9f645c22fe2"}


def test_field_queries(seed_library):
    assert ids(seed_library.search("outlet:insider")) == {"002_f8346f1b11c35f47"}
    assert ids(seed_library.search("title:unveils")) == {"002_f8346f1b11c35f47"}
    assert "003_8aed3a971675dfb7" in ids(seed_library.search("sanction*"))


def test_boolean_operators(seed_library):
    both = ids(seed_library.search("Zelensky OR Reuters"))
    assert both == {"002_f8346f1b11c35f47", "003_8aed3a971675dfb7"}
    assert ids(seed_library.search("Kim NOT Reuters")) == ALL - {"003_8aed3a971675dfb7"}
    assert ids(seed_library.search("Reuters AND Zelensky")) == set()


def test_misspelled_query_is_corrected_and_says_so(seed_library):
    result = seed_library.search("Kim Jung Un")
    assert result.corrected == "Kim Jong Un"
    assert ids(result) == ALL


def test_fuzzy_fallback_when_no_correction_helps(seed_library):
    result = seed_library.search("Pyongyangg")
    assert result.total >= 1
    assert result.corrected or (result.notice and "near spellings" in result.notice)


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND",
        "(((",
        "*",
        "x" * 5000,
        "kim\x00\x1b[2J jong",
        ")",
        "OR OR",
        "[a TO",
        "title:",
    ],
)
def test_malformed_queries_never_raise(seed_library, query):
    result = seed_library.search(query)
    assert result.error or result.total >= 0
    if result.error:
        assert not result.hits


def test_query_with_nothing_to_search_is_a_clear_error(seed_library):
    for query in ("(((", "   ", "\x00\x01"):
        result = seed_library.search(query)
        assert result.error and not result.hits


def test_snippet_highlights_and_match_offsets_point_at_the_text(seed_library):
    result = seed_library.search('"Kim Jong-un"')
    hit = next(h for h in result.hits if h.id == "001_ee6a89961e49bfbf")
    body = seed_library.article(hit.id).text
    # The U+2011 spelling is matched, and the offsets land on its original characters: each
    # occurrence of the phrase is one span.
    assert "Kim Jong\u2011un" in {body[m.start : m.end] for m in hit.matches}
    assert {body[m.start : m.end].replace("\u2011", "-") for m in hit.matches} == {"Kim Jong-un"}
    for span in hit.snippet.highlights:
        assert hit.snippet.text[span.start : span.end] in {"Kim", "Jong", "un", "Un"}


def test_phrase_matches_only_mark_the_phrase(seed_library):
    result = seed_library.search('"Kim Jong Un"')
    hit = next(h for h in result.hits if h.id == "003_8aed3a971675dfb7")
    body = seed_library.article(hit.id).text
    # "Kim and his daughter" in 003 is not part of the phrase, so it is not marked.
    assert hit.matches
    assert {body[m.start : m.end] for m in hit.matches} == {"Kim Jong Un"}


def test_stemming(seed_library):
    assert ids(seed_library.search("sculpture")) == ids(seed_library.search("sculptures"))


def _library_of(tmp_path, texts: dict[str, str]):
    from search_index.library import Library

    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    library = Library.open(tmp_path)
    library.refresh()
    return library


PHRASES = {
    name: f"A report from the capital\n\n{body}\n"
    for name, body in {
        "adjacent": "Officials said on Monday that the museum opened to the public.",
        "apart": "On Monday officials said the museum had opened; the public came later.",
        "pairs_only": "Visitors saw the museum. A museum opened nearby. The museum was full.",
    }.items()
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Two words: answered from the word-pair field, so word order and adjacency decide.
        ('"said on"', {"adjacent"}),
        ('"on said"', set()),
        # Three words: every pair occurs in pairs_only ("the museum", "museum opened"), but
        # not the three in a row; the positions are still checked.
        ('"the museum opened"', {"adjacent"}),
        ('"museum opened" OR "had opened"', {"adjacent", "pairs_only", "apart"}),
        ('"officials said museum"~2', {"apart"}),  # a sloppy phrase is Whoosh's own
    ],
)
def test_phrases_match_exactly_what_a_position_check_would(tmp_path, query, expected):
    with _library_of(tmp_path, PHRASES) as library:
        result = library.search(query)
        assert ids(result) == expected
        assert result.total == len(expected)


def test_a_two_word_phrase_still_marks_its_words(tmp_path):
    with _library_of(tmp_path, PHRASES) as library:
        (hit,) = library.search('"said on"').hits
        text = library.article(hit.id).text
        assert [text[m.start : m.end] for m in hit.matches] == ["said on"]


def test_a_phrase_is_marked_once_across_what_lies_between_its_words(tmp_path):
    """A quote mark or a dash between a phrase's words is part of the one occurrence: the
    reader counts and steps to it once (it counted "the 'Memorial" as two matches)."""
    texts = {
        "quoted": "A report from the capital\n\nOfficials said on Monday that the site of the "
        "'Memorial Museum' opened to the public.\n"
    }
    with _library_of(tmp_path, texts) as library:
        (hit,) = library.search('"the memorial museum"').hits
        text = library.article(hit.id).text
        assert [text[m.start : m.end] for m in hit.matches] == ["the 'Memorial Museum"]


def test_correction_counts_a_swap_as_one_edit_and_letters_not_bytes(tmp_path):
    texts = {
        "a": "Talks in Chernihiv\n\nThe minister met officials in Чернигов on Monday.\n",
        "b": "After the quake\n\nMueller and the minister spoke about the earthquake.\n",
    }
    with _library_of(tmp_path, texts) as library:
        # A swap is one edit (Damerau-Levenshtein), so "earthqauke" is one edit from the word.
        assert library.search("earthqauke").corrected == "earthquake"
        # Edits count letters, not bytes: two letters changed in a Cyrillic word are two edits
        # (four UTF-8 bytes differ).
        result = library.search("Чершишов")
        assert result.corrected == "Чернигов"
        assert ids(result) == {"a"}
