"""Reading corpus folders: every bad file is skipped with a reason, the rest is read."""

import os
import re
from pathlib import Path

import pytest

from search_index import corpus
from search_index.article_reader import read_article
from search_index.corpus import CorpusError, decode, discover
from search_index.models import Article, SkippedFile

STORY = "Flood waters rise in the valley\n\nRescuers said 12 people were missing on Monday.\n"


def _read_all(root: Path) -> tuple[list[Article], list[SkippedFile]]:
    found = discover(root)
    articles: list[Article] = []
    skipped = list(found.skipped)
    for source in found.files:
        result = read_article(source, found.overrides)
        (skipped if isinstance(result, SkippedFile) else articles).append(result)
    return articles, skipped


def test_bad_files_are_skipped_with_reasons_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # not an article type: ignored quietly
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    articles, skipped = _read_all(tmp_path)
    assert [a.id for a in articles] == ["good"]
    reasons = {s.path: s.reason for s in skipped}
    assert reasons == {
        "binary.txt": "binary file, not text",
        "blank.txt": "empty file",
        "empty.md": "empty file",
    }


def test_oversized_files_are_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_ARTICLE_BYTES", 100)
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    (tmp_path / "small.txt").write_text(STORY[:90], encoding="utf-8")
    articles, skipped = _read_all(tmp_path)
    assert [a.id for a in articles] == ["small"]
    assert skipped[0].path == "big.txt" and "larger than" in skipped[0].reason


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "open.txt").write_text(STORY, encoding="utf-8")
    real_open = os.open

    def guarded_open(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    # Tests may run as root, for whom chmod 000 does not stop reading: simulate the refusal.
    monkeypatch.setattr(os, "open", guarded_open)
    articles, skipped = _read_all(tmp_path)
    assert [a.id for a in articles] == ["open"]
    assert skipped == [SkippedFile("locked.txt", "permission denied")]


def test_symlink_loops_and_broken_links_do_not_hang(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "story.txt").write_text(STORY, encoding="utf-8")
    os.symlink(tmp_path, sub / "loop")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    articles, skipped = _read_all(tmp_path)
    assert [a.id for a in articles] == ["story"]
    reasons = {s.path: s.reason for s in skipped}
    assert reasons["dangling.txt"] == "broken link"
    assert "loop" in reasons["sub/loop"]


def test_subfolders_are_read_and_clashing_stems_get_path_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "other.md").write_text(STORY, encoding="utf-8")
    articles, _ = _read_all(tmp_path)
    assert sorted(a.id for a in articles) == ["a/report", "b/report", "other"]


def test_invalid_utf8_falls_back_and_says_so(tmp_path):
    latin = "Café owners in Zürich said prices rose.\nThe société générale report".encode("cp1252")
    (tmp_path / "latin.txt").write_bytes(latin * 3)
    mostly = STORY.encode() * 5 + b"One \xff broken byte.\n"
    (tmp_path / "mostly.txt").write_bytes(mostly)
    articles = {a.id: a for a in _read_all(tmp_path)[0]}
    assert "Café" in articles["latin"].body + articles["latin"].title
    assert articles["latin"].notes and "not valid UTF-8" in articles["latin"].notes[0]
    assert "\ufffd" in articles["mostly"].body
    assert "undecodable" in articles["mostly"].notes[0]


def test_decode_handles_boms():
    assert decode("\ufeffhello".encode("utf-8")) == ("hello", None)
    assert decode("hello".encode("utf-16")) == ("hello", None)


def test_control_sequences_are_stripped_from_article_text(tmp_path):
    hostile = (
        "Headline about markets today\n\n"
        "Prices \x1b[31mfell\x1b[0m \x1b]52;c;aGk=\x07[bold]sharply[/].\n"
    )
    (tmp_path / "x.txt").write_text(hostile, encoding="utf-8")
    (article,), _ = _read_all(tmp_path)
    assert "\x1b" not in article.body
    assert "[bold]sharply[/]" in article.body  # markup-like text stays literal data


def test_missing_or_non_folder_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        discover(tmp_path / "nope")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a folder"):
        discover(tmp_path / "file.txt")


def test_reading_never_writes_into_the_corpus(seeds_copy):
    before = {p: p.stat().st_mtime_ns for p in seeds_copy.rglob("*")}
    _read_all(seeds_copy)
    assert {p: p.stat().st_mtime_ns for p in seeds_copy.rglob("*")} == before


def test_sidecar_overrides_change_the_fingerprint(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    first = discover(tmp_path).files[0].fingerprint
    (tmp_path / "kimreader.toml").write_text(
        '[story]\noutlet = "Valley Gazette"\n', encoding="utf-8"
    )
    found = discover(tmp_path)
    assert found.files[0].fingerprint != first
    article = read_article(found.files[0], found.overrides)
    assert isinstance(article, Article) and article.outlet == "Valley Gazette"


UNTITLED = (
    "Officials said that 12 people were hurt on Monday in the city, and more text follows "
    "here with several words to make it long enough. The museum opened in 2024 with 40 halls.\n"
)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def test_file_names_with_controls_give_clean_ids_and_titles_and_still_read(tmp_path):
    names = {
        "evil\x1b[2Jname.txt": "evilname",
        "tab\there.txt": "tab here",
        "osc\x1b]52;c;ZXZpbA==\x07clip.md": "oscclip",
        "bell\x07\x9b2Jring.txt": "bellring",
        "plain_name.txt": "plain_name",
    }
    for name in names:
        (tmp_path / name).write_text(UNTITLED, encoding="utf-8")
    bad = os.fsdecode(b"bad\xffbyte.txt")
    (tmp_path / bad).write_text(UNTITLED, encoding="utf-8")
    found = discover(tmp_path)
    assert sorted(found.by_id()) == sorted([*names.values(), "bad\ufffdbyte"])
    by_id = found.by_id()
    for name, article_id in names.items():
        # The id only labels the file: reading goes by the path it was found at.
        assert by_id[article_id].path == tmp_path / name
        article = read_article(by_id[article_id], found.overrides)
        assert isinstance(article, Article) and article.id == article_id
        assert article.title and not CONTROL.search(article.title), article.title
    titles = {a.id: a.title for a in _read_all(tmp_path)[0]}
    assert titles["tab here"] == "tab here"
    assert titles["evilname"] == "evilname"
    assert titles["plain_name"] == "plain name"
    broken = read_article(by_id["bad\ufffdbyte"], found.overrides)
    assert isinstance(broken, Article)
    # Everything an article carries can be written out (index, catalog, terminal).
    for text in (broken.id, broken.title, broken.path):
        text.encode("utf-8")
    assert broken.path == "bad\ufffdbyte.txt"


def test_a_file_name_of_nothing_but_controls_still_gets_an_id_and_a_title(tmp_path):
    (tmp_path / "\x1b[2J.txt").write_text(UNTITLED, encoding="utf-8")
    (tmp_path / "\x07.txt").write_text(UNTITLED, encoding="utf-8")
    articles, skipped = _read_all(tmp_path)
    assert not skipped
    assert len({a.id for a in articles}) == 2
    for article in articles:
        assert article.id.startswith("article~")
        assert article.title and not CONTROL.search(article.title + article.id)


def test_same_stem_in_one_folder_gets_distinct_ids(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    articles, _ = _read_all(tmp_path)
    assert sorted(a.id for a in articles) == ["story.md", "story.txt"]


def test_sidecar_values_with_escapes_are_cleaned_on_the_article(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "kimreader.toml").write_text(
        '[story]\ntitle = "x\\u001b]52;c;ZXZpbA==\\u0007y"\noutlet = "Valley\\tGazette\\n"\n',
        encoding="utf-8",
    )
    ((article,), _) = _read_all(tmp_path)
    assert article.title == "xy"
    assert article.outlet == "Valley Gazette"
