import unicodedata

from search_index.text import (
    clean_label,
    fold,
    normalize_token,
    one_line,
    replace_surrogates,
    squash_whitespace,
    strip_controls,
)


def test_fold_keeps_length_and_maps_hyphens_quotes_spaces():
    original = "Kim Jong\u2011un\u202fsaid \u201chello\u201d \u2014 it\u2019s 10\u00a0000"
    folded = fold(original)
    assert len(folded) == len(original)
    assert folded == 'Kim Jong-un said "hello" - it\'s 10 000'


def test_fold_offsets_point_at_the_same_characters():
    original = "Ri\u00a0Sol\u2011ju and Ju\u2011a\u2011e"
    folded = fold(original)
    start = folded.index("Ju-a-e")
    assert original[start : start + 6] == "Ju\u2011a\u2011e"


def test_fold_folds_rare_dashes_and_spaces():
    dashes = (
        "\u058a\u05be\u1400\u1806\u2e17\u2e1a\u2e40\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\U00010ead"
    )
    spaces = "\u1680\u205f"
    assert fold(dashes) == "-" * len(dashes)
    assert fold(spaces) == "  "
    # An Armenian hyphen or a Hebrew maqaf in a name reads as the hyphen a query types.
    assert fold("Kim Jong\u058aun\u205fsaid") == "Kim Jong-un said"


def test_fold_keeps_folding_characters_outside_the_dash_and_space_categories():
    # Soft hyphen (Cf), minus (Sm), primes (Po), modifier apostrophe (Lm), low-9 quotes (Ps).
    assert fold("\u00ad\u2212\u2032\u2033\u02bc\u201a\u201e\u2e42") == "--'\"''\"\""
    assert [unicodedata.category(c) for c in "\u00ad\u2212\u2032"] == ["Cf", "Sm", "Po"]


def test_fold_leaves_single_angle_quotes_for_breadcrumbs():
    # "Home › World › Asia" is page furniture that metadata inference finds by its "›".
    assert fold("Home \u203a World \u2039") == "Home \u203a World \u2039"


def test_clean_label_makes_one_line_without_controls():
    assert clean_label("x\x1b]52;c;ZXZpbA==\x07y") == "xy"
    assert clean_label("evil\x1b[2Jname") == "evilname"
    assert (
        clean_label("  tab\there \t\t and\r\nline\u2028end \x85\x9b2J") == "tab here and line end"
    )
    assert clean_label("two  spaces stay") == "two  spaces stay"
    assert clean_label("\x1b[31m\x07\t") == ""


def test_clean_label_replaces_undecodable_file_name_bytes():
    name = b"caf\xe9 \xff.txt".decode("utf-8", "surrogateescape")
    assert clean_label(name) == "caf\ufffd \ufffd.txt"
    assert replace_surrogates(name).encode("utf-8") == "caf\ufffd \ufffd.txt".encode()


def test_normalize_token_applies_nfkc_and_casefold():
    assert normalize_token("ＫＩＭ") == "kim"
    assert normalize_token("Straße") == "strasse"


def test_strip_controls_removes_escapes_but_keeps_text():
    # colours, an OSC 52 clipboard write, a NUL, an 8-bit CSI, and three kinds of line end
    text = "a\x1b[31mred\x1b[0m b\x1b]52;c;ZXZpbA==\x07c\x00d\x9b2J\r\nf\rg"
    assert strip_controls(text) == "ared bcd\nf\ng"


def test_strip_controls_keeps_markup_like_text_literally():
    text = "[bold]x[/] [@click=app.quit]y[/]"
    assert strip_controls(text) == text


def test_squash_whitespace_moves_spans_with_their_text():
    text = "first para.\n\nSecond  para with Kim\n\nJong"
    squashed, spans = squash_whitespace(
        text, [(text.index("Kim"), text.index("Kim") + 3), (text.index("Jong"), len(text))]
    )
    assert squashed == "first para. Second para with Kim Jong"
    assert [squashed[s:e] for s, e in spans] == ["Kim", "Jong"]


def test_squash_whitespace_keeps_every_word_span_on_its_word():
    import random

    rng = random.Random(3)
    for _ in range(300):
        words = ["".join(rng.choice("abcXYZ") for _ in range(rng.randint(1, 6))) for _ in range(8)]
        gaps = [rng.choice([" ", "  ", "\n\n", " \n ", "\t"]) for _ in words]
        text = rng.choice(["", " ", "\n"]) + "".join(
            w + g for w, g in zip(words, gaps, strict=True)
        )
        spans, at = [], 0
        for w, g in zip(words, gaps, strict=True):
            start = text.index(w, at)
            spans.append((start, start + len(w)))
            at = start + len(w) + len(g)
        squashed, moved = squash_whitespace(text, spans)
        assert [squashed[s:e] for s, e in moved] == words
        assert "  " not in squashed and "\n" not in squashed


def test_clean_label_drops_bidi_overrides_that_disguise_a_name():
    # U+202E makes "report\u202etxt.exe" display as "reportexe.txt".
    assert clean_label("report\u202etxt.exe") == "reporttxt.exe"
    assert clean_label("\u2066Kim\u2069 \u202aJong\u202c") == "Kim Jong"
    assert clean_label("\u05e9\u05dc\u05d5\u05dd") == "\u05e9\u05dc\u05d5\u05dd"  # RTL text stays


def test_one_line_keeps_what_is_typed_but_no_controls_or_breaks():
    assert one_line("  museum \x1b]52;c;ZXZpbA==\x07 ") == "  museum  "  # spaces kept
    assert one_line("a\tb\nc\r\nd\x1b[2J") == "a b c d"


def test_precomputed_fold_points_match_a_scan_of_this_unicode_version():
    # The precomputed table spares every process a scan of all code points; it must say what
    # the scan says, or a newer Python's Unicode would fold differently from an older one.
    from search_index import text

    known = text._KNOWN_CATEGORY_POINTS.get(unicodedata.unidata_version)
    scanned = text._scan_category_points()
    if known is not None:
        assert known == scanned
    text._fold_table.cache_clear()
    try:
        table = text._fold_table()
    finally:
        text._fold_table.cache_clear()
    for char in scanned[0]:
        assert table[ord(char)] == "-"
    for char in scanned[1]:
        assert table[ord(char)] == " "
