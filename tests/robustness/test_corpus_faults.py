"""Corpus files that lie: links out of the corpus, a file swapped for a FIFO, an edit that hides
behind a restored modification time, an article that keeps changing while it is indexed
(issue 13: 8 and 11)."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from search_index import refresh as refresh_module
from search_index.article_reader import read_article
from search_index.corpus import LINK_OUTSIDE, discover
from search_index.library import Library
from search_index.models import SkippedFile

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks and FIFOs")
STORY = "Quake strikes coastal town\n\nAt least 40 people died, officials said on Tuesday.\n"


def _backdate(path: Path, seconds: float = 120) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - int(seconds * 1e9)))


@posix_only
def test_links_are_followed_only_inside_the_corpus(tmp_path):
    corpus, private = tmp_path / "corpus", tmp_path / "private"
    corpus.mkdir()
    private.mkdir()
    (private / "notes.txt").write_text("My private notes about a source\n\nDo not share.\n")
    (corpus / "report.txt").write_text(STORY)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "inner.txt").write_text(STORY.replace("40", "41"))
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "notes.txt").symlink_to(private / "notes.txt")
    (corpus / "private").symlink_to(private, target_is_directory=True)
    (corpus / "everything").symlink_to("/", target_is_directory=True)
    (corpus / "alias.txt").symlink_to(corpus / "report.txt")  # inside: followed
    (corpus / "sub-link").symlink_to(corpus / "sub", target_is_directory=True)  # inside too

    found = discover(corpus)
    # sub-link is followed, and found to be sub again (read once, as before).
    assert sorted(f.relpath for f in found.files) == ["alias.txt", "report.txt", "sub/inner.txt"]
    outside = {s.path: s.reason for s in found.skipped if s.reason == LINK_OUTSIDE}
    assert set(outside) == {"passwd.txt", "notes.txt", "private", "everything"}
    with Library.open(corpus) as library:
        library.refresh()
        assert library.search("private notes").total == 0
        assert library.search("root").total == 0


@posix_only
def test_a_file_swapped_for_a_link_out_of_the_corpus_after_discovery_is_not_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "secret.txt").write_text(STORY.replace("Quake", "Secret"))
    (corpus / "a.txt").write_text(STORY)
    found = discover(corpus)
    (corpus / "a.txt").unlink()
    (corpus / "a.txt").symlink_to(tmp_path / "secret.txt")
    assert read_article(found.files[0], found.overrides) == SkippedFile("a.txt", LINK_OUTSIDE)


@posix_only
def test_a_file_swapped_for_a_fifo_between_discovery_and_reading_does_not_hang(tmp_path):
    """Reading opens without blocking and checks what it opened (a stat of the name before the
    open left a window in which a FIFO swapped in blocked the read for ever)."""
    (tmp_path / "a.txt").write_text(STORY)
    found = discover(tmp_path)
    (tmp_path / "a.txt").unlink()
    os.mkfifo(tmp_path / "a.txt")
    result: list[object] = []
    reader = threading.Thread(
        target=lambda: result.append(read_article(found.files[0], found.overrides)), daemon=True
    )
    reader.start()
    reader.join(30)  # a hang guard, not a speed claim: the read used to block for ever
    if reader.is_alive():  # unblock the reader so the test run can end
        with open(os.open(tmp_path / "a.txt", os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert result == [SkippedFile("a.txt", "not a regular file")]
    # And discovery of a FIFO with an article's name says so too.
    assert [s.reason for s in discover(tmp_path).skipped] == ["not a regular file"]


def test_an_edit_of_the_same_size_with_its_mtime_restored_is_read(seeds_copy):
    for path in seeds_copy.iterdir():
        _backdate(path)
    target = sorted(seeds_copy.iterdir())[0]
    with Library.open(seeds_copy) as library:
        library.refresh()
    with Library.open(seeds_copy) as library:  # the stamps are trusted now
        assert library.refresh().report.unchanged == 5
    st = target.stat()
    text = target.read_text(encoding="utf-8")
    edited = text.replace("museum", "zeugma", 1)
    assert len(edited.encode()) == len(text.encode()) and edited != text
    target.write_text(edited, encoding="utf-8")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # as `touch -r` or a restore would
    assert target.stat().st_mtime_ns == st.st_mtime_ns and target.stat().st_size == st.st_size
    with Library.open(seeds_copy) as library:
        assert library.refresh().report.updated == 1
        assert library.search("zeugma").total == 1


def test_an_article_that_changes_while_indexed_is_kept_and_read_when_it_settles(
    seeds_copy, monkeypatch
):
    target = sorted(seeds_copy.iterdir())[1]
    with Library.open(seeds_copy) as library:
        library.refresh()
        article_id = next(i for i in library.ids() if i.startswith(target.name[:3]))
    real_read = refresh_module.read_article
    writes = iter(["quokka", "wombat"])

    def rewritten_under_the_reader(source, overrides):
        if source.path == target:
            word = next(writes, None)
            if word is not None:
                text = target.read_text(encoding="utf-8")
                sentence = f"\n\nThe museum's guide, a {word} keeper, spoke to reporters.\n\n"
                target.write_text(text.replace("\n\n", sentence, 1), encoding="utf-8")
        return real_read(source, overrides)

    monkeypatch.setattr(refresh_module, "read_article", rewritten_under_the_reader)
    for path in seeds_copy.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    with Library.open(seeds_copy) as library:
        report = library.refresh().report
        assert article_id in library.ids()  # kept as it was: it used to be removed for good
        assert report.removed == 0
        assert library.search("Mansudae").total == 4
    with Library.open(seeds_copy) as library:
        assert library.refresh().skipped  # changed again while read: still kept
        assert article_id in library.ids()
    monkeypatch.setattr(refresh_module, "read_article", real_read)
    with Library.open(seeds_copy) as library:
        library.refresh()
        assert article_id in library.ids()
        assert library.search("wombat").total == 1
    shutil.rmtree(seeds_copy)


# -- where kimreader writes (issue 13: 10 and 13) ---------------------------------------------


def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_a_cache_inside_the_corpus_is_refused_and_nothing_is_written_there(tmp_path, monkeypatch):
    """`kimreader --corpus ~` with the cache in ~/.cache wrote the index into the corpus."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "report.txt").write_text(STORY)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    before = _tree(home)
    with Library.open(home) as library:
        report = library.refresh().report
        assert report.in_memory
        assert any("inside the corpus" in w for w in report.warnings), report.warnings
        assert library.search("quake").total == 1
    from search_index.state import ReadingState, StateStore

    assert "inside the corpus" in (StateStore(home).save(ReadingState("report")) or "")
    assert _tree(home) == before


def test_a_valid_index_on_a_read_only_mount_is_read_as_it_is(seeds_copy, monkeypatch):
    """It was ignored, and every command indexed the corpus again in memory."""
    import errno

    from search_index.index import store as store_module

    with Library.open(seeds_copy) as library:
        library.refresh()

    def read_only(folder: Path) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(store_module, "_check_writable", read_only)
    with Library.open(seeds_copy) as library:
        report = library.refresh().report
        assert not report.in_memory and report.unchanged == 5 and report.changed == 0
        assert any("read-only" in w for w in report.warnings)
        assert library.search("Mansudae").total == 4
    (seeds_copy / "new.txt").write_text(STORY)
    with Library.open(seeds_copy) as library:  # a change can only be indexed in memory
        report = library.refresh().report
        assert report.in_memory and len(library.ids()) == 6
        assert library.search("quake").total == 1
