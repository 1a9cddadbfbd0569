from search_index.query_text import MAX_QUERY_CHARS, plain_terms, prepare_query, rewrite_hyphens


def test_hyphenated_words_become_phrase_or_closed_up():
    assert rewrite_hyphens("Kim Jong-un") == 'Kim ("Jong un" OR Jongun)'
    assert rewrite_hyphens("Ju-a-e") == '("Ju a e" OR Juae)'


def test_hyphens_inside_phrases_and_wildcards_are_left_alone():
    assert rewrite_hyphens('"Kim Jong-un" visit') == '"Kim Jong-un" visit'
    assert rewrite_hyphens("Jong-u*") == "Jong-u*"


def test_field_prefix_keeps_applying_to_rewritten_word():
    assert rewrite_hyphens("title:Jong-un") == 'title:("Jong un" OR Jongun)'


def test_non_breaking_hyphen_is_folded_before_rewriting():
    assert prepare_query("Jong\u2011un").text == '("Jong un" OR Jongun)'


def test_control_characters_and_escapes_are_removed():
    assert prepare_query("kim\x1b[31m\x00 jong\tun\n").text == "kim jong un"


def test_unbalanced_quote_is_closed():
    assert prepare_query('"memorial museum').text == '"memorial museum"'


def test_long_query_is_shortened_with_a_notice():
    prepared = prepare_query("word " * 2000)
    assert len(prepared.text) <= MAX_QUERY_CHARS
    assert prepared.notices and "shortened" in prepared.notices[0]


def test_plain_terms_drops_syntax_and_lowercases_operators():
    assert plain_terms('(((title:"Kim AND" OR') == "title kim and or"
    assert plain_terms("10,000 troops") == "10,000 troops"
    assert plain_terms("((( *") == ""
