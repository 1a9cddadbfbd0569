import pytest

from search_index.ids import ArticleNotFound, assign_ids, resolve_id

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


def test_ids_are_stems_then_paths_for_plain_names():
    paths = ["a/report.txt", "b/report.txt", "b/other.md", "c/d/story.markdown"]
    assert assign_ids(paths) == ["a/report", "b/report", "other", "story"]


def test_ids_carry_no_escapes_or_control_characters():
    paths = ["evil\x1b[2Jname.txt", "tab\there.txt", "osc\x1b]52;c;ZXZpbA==\x07.md", "sub\n/x.txt"]
    assert assign_ids(paths) == ["evilname", "tab here", "osc", "x"]


def test_a_cleaned_name_never_takes_the_id_of_a_plain_one():
    paths = ["evil\x1b[2Jname.txt", "evilname.txt", "tab\there.txt", "tab here.md"]
    assert assign_ids(paths) == ["evilname.txt", "evilname", "tab here.txt", "tab here"]


def test_ids_stay_unique_when_stem_and_path_both_clash():
    # Same stem in the same folder: the path without its suffix clashes too.
    assert assign_ids(["x.txt", "x.md"]) == ["x.txt", "x.md"]
    ids = assign_ids(["a\x07.txt", "a\x08.txt", "\x1b[2J.txt", "\x07.md"])
    assert len(set(ids)) == 4
    assert ids[0].startswith("a~") and ids[1].startswith("a~")
    assert ids[2].startswith("article~") and ids[3].startswith("article~")
    # The digest comes from the path, so the ids do not depend on the order of discovery.
    assert assign_ids(["a\x08.txt", "a\x07.txt"]) == [ids[1], ids[0]]


def test_ids_replace_bytes_that_are_not_utf8():
    name = b"bad\xffname.txt".decode("utf-8", "surrogateescape")
    (article_id,) = assign_ids([name])
    assert article_id == "bad\ufffdname"
    article_id.encode("utf-8")


def test_a_raw_file_name_finds_its_cleaned_id():
    ids = assign_ids(["evil\x1b]52;c;ZXZpbA==\x07name\x1b[2J.txt", "tab\there.txt"])
    assert resolve_id(ids, "evil\x1b]52;c;ZXZpbA==\x07name\x1b[2J") == "evilname"
    assert resolve_id(ids, "tab\there") == "tab here"
    with pytest.raises(ArticleNotFound):
        resolve_id(ids, "\x1b[2J")
