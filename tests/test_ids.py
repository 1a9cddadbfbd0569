import pytest

from search_index.ids import ArticleNotFound, resolve_id

IDS = ["000_ca11", "001_ee6a", "002_f834", "010_abcd"]


def test_exact_and_unique_prefix():
    assert resolve_id(IDS, "001_ee6a") == "001_ee6a"
    assert resolve_id(IDS, "002") == "002_f834"
    assert resolve_id(IDS, "01") == "010_abcd"


def test_ambiguous_prefix_lists_the_candidates():
    with pytest.raises(ArticleNotFound) as info:
        resolve_id(IDS, "00")
    assert info.value.ambiguous
    assert info.value.candidates == ("000_ca11", "001_ee6a", "002_f834")
    assert "000_ca11" in str(info.value)


def test_unknown_id_lists_what_exists():
    with pytest.raises(ArticleNotFound) as info:
        resolve_id(IDS, "999")
    assert not info.value.ambiguous
    assert "001_ee6a" in str(info.value)


def test_empty_prefix_is_not_a_match():
    with pytest.raises(ArticleNotFound):
        resolve_id(IDS, "")
