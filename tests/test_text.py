from search_index.text import fold, normalize_token, squash_whitespace, strip_controls


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
