"""How stories are kept beside the index (issue 18): one SQLite file, read a row at a time and
written back only where an assignment changed it. The state read back row by row must give the
answers the whole state in memory gives; a damaged, read-only or older file must cost nothing
but time. Real excerpts: ECB+ reports (tests/corpora/stories/README.md says where they come
from)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from support import CORPORA
from support.story_corpus import SECOND_FIGHT, story_corpus

from search_index import story_index
from search_index.library import Library
from search_index.stories import StoryArticle, StoryState, assign, cluster, remove, stored, stories
from search_index.stories.stored import STATE_FILE, SavedStories, write_whole

VERSION = story_index.STORIES_VERSION
HELD_OUT = "t07-plus_7_3ecbplus"


def _excerpts() -> list[StoryArticle]:
    articles = []
    for path in sorted((CORPORA / "stories").glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        articles.append(StoryArticle(id=path.stem, title=title, body=body))
    return articles


def _saved(folder: Path) -> SavedStories:
    saved = SavedStories.open(folder, VERSION)
    assert saved is not None
    return saved


def _same_state(stored_state: StoryState, memory: StoryState) -> None:
    """Every article, story, term count, posting and surface equal (centroids to rounding)."""
    assert stored_state.to_json() == memory.to_json()
    assert {t: dict(p) for t, p in stored_state.postings.items() if p} == {
        t: dict(p) for t, p in memory.postings.items() if p
    }
    for story_id, story in memory.stories.items():
        kept = stored_state.stories[story_id]
        assert kept.first == story.first and kept.last == story.last
        assert kept.centroid.keys() == story.centroid.keys()
        assert all(abs(kept.centroid[t] - w) < 1e-5 for t, w in story.centroid.items())


def _save(saved: SavedStories, state: StoryState) -> None:
    named = {s.id: s for s in stories(state) if s.id in state.changes.stories}
    saved.save_changes(state, named, {}, [], "")


def test_a_state_read_row_by_row_assigns_and_removes_as_the_whole_state_does(tmp_path: Path):
    articles = _excerpts()
    held_out = [a for a in articles if a.id.endswith("_3ecbplus")]
    memory = cluster([a for a in articles if a not in held_out])
    write_whole(tmp_path, VERSION, memory, {s.id: s for s in stories(memory)}, {}, "")

    for article in held_out:  # one session each, like articles arriving one by one
        with _saved(tmp_path) as saved:
            saved.begin()
            state = saved.state()
            assert assign(state, article) == assign(memory, article)
            _save(saved, state)
    with _saved(tmp_path) as saved:
        _same_state(saved.state(), memory)
        assert set(saved.listing().values()) == set(stories(memory))

    with _saved(tmp_path) as saved:
        saved.begin()
        state = saved.state()
        remove(state, HELD_OUT)
        remove(memory, HELD_OUT)
        _save(saved, state)
    with _saved(tmp_path) as saved:
        _same_state(saved.state(), memory)
        assert set(saved.listing().values()) == set(stories(memory))


def test_an_assignment_reads_only_the_rows_it_needs(tmp_path: Path):
    articles = _excerpts()
    memory = cluster(articles[:-1])
    write_whole(tmp_path, VERSION, memory, {s.id: s for s in stories(memory)}, {}, "")
    with _saved(tmp_path) as saved:
        state = saved.state()
        assign(state, articles[-1])
        read = set(state.docs._values)  # type: ignore[attr-defined]
    # Joining a story reads its centroid, not its members' rows: only the new article is held.
    assert read == {articles[-1].id}


def test_reopened_stories_are_read_back_not_grouped_again(tmp_path: Path, monkeypatch):
    corpus = story_corpus(tmp_path)
    with Library.open(corpus) as first:
        first.refresh()
        expected = first.stories()
        folder = first.index_dir
    assert folder is not None and (folder / STATE_FILE).is_file()

    def no_cluster(*args: object, **kwargs: object) -> None:
        raise AssertionError("grouped the corpus again though nothing changed")

    monkeypatch.setattr(story_index, "cluster", no_cluster)
    with Library.open(corpus) as second:
        second.refresh()
        assert second.stories() == expected
        assert not second.story_warnings


def test_a_corrupt_state_file_is_told_and_replaced_by_grouping_again(tmp_path: Path):
    corpus = story_corpus(tmp_path)
    with Library.open(corpus) as first:
        first.refresh()
        expected = first.stories()
        folder = first.index_dir
    assert folder is not None
    (folder / STATE_FILE).write_bytes(b"not a database " * 200)
    with Library.open(corpus) as second:
        second.refresh()
        assert second.stories() == expected
        assert any(STATE_FILE in w and "cannot be read" in w for w in second.story_warnings)
    with Library.open(corpus) as third:  # the file was written anew
        third.refresh()
        assert third.stories() == expected
        assert not third.story_warnings


def test_a_read_only_state_file_is_told_and_loses_nothing(tmp_path: Path, monkeypatch):
    corpus = story_corpus(tmp_path)
    (corpus / f"{HELD_OUT}.txt").rename(tmp_path / "held-out.txt")
    with Library.open(corpus) as first:
        first.refresh()
        first.stories()
    shutil.move(tmp_path / "held-out.txt", corpus / f"{HELD_OUT}.txt")

    def read_only(path: Path) -> sqlite3.Connection:
        # Tests may run as root, whom file modes do not stop: open the file read-only instead.
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)

    with monkeypatch.context() as patch:
        patch.setattr(stored, "_connect", read_only)
        with Library.open(corpus) as second:
            second.refresh()
            story = second.story_of(HELD_OUT)
            assert story is not None and set(story.members) == set(SECOND_FIGHT)
            assert any("cannot save" in w for w in second.story_warnings)
    with Library.open(corpus) as third:  # writable again: the saved stories are intact
        third.refresh()
        story = third.story_of(HELD_OUT)
        assert story is not None and set(story.members) == set(SECOND_FIGHT)
        assert not third.story_warnings


def test_an_older_kimreaders_state_is_ignored_and_removed(tmp_path: Path):
    corpus = story_corpus(tmp_path)
    with Library.open(corpus) as first:
        first.refresh()
        expected = first.stories()
        folder = first.index_dir
    assert folder is not None
    # Version 1 kept two JSON files; a state file of another version is as good as none.
    old = {"version": "1", "fingerprints": {}, "state": {}, "stories": []}
    for name in story_index.OLD_FILES:
        (folder / name).write_text(json.dumps(old), encoding="utf-8")
    with sqlite3.connect(folder / STATE_FILE) as db:
        db.execute("UPDATE meta SET value = 'older' WHERE key = 'version'")
    db.close()
    with Library.open(corpus) as second:
        assert not second.stories_are_cheap(10_000)  # nothing usable is kept
        second.refresh()
        assert second.stories() == expected
        assert not second.story_warnings
    assert not any((folder / name).exists() for name in story_index.OLD_FILES)
    with _saved(folder) as saved:
        assert set(saved.listing().values()) == set(expected)


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE docs SET vector = '{'",
        "DROP TABLE postings",
        "UPDATE stories SET norm = 'not a number'",
        "UPDATE stories SET first = 'someday'",
    ],
)
def test_a_damaged_row_is_told_and_the_corpus_grouped_again(tmp_path: Path, damage: str):
    corpus = story_corpus(tmp_path)
    (corpus / f"{HELD_OUT}.txt").rename(tmp_path / "held-out.txt")
    with Library.open(corpus) as first:
        first.refresh()
        first.stories()
        folder = first.index_dir
    assert folder is not None
    with sqlite3.connect(folder / STATE_FILE) as db:
        db.execute(damage)
    db.close()
    shutil.move(tmp_path / "held-out.txt", corpus / f"{HELD_OUT}.txt")
    with Library.open(corpus) as second:
        second.refresh()
        story = second.story_of(HELD_OUT)
        assert story is not None and set(story.members) == set(SECOND_FIGHT)
        assert any("grouping the corpus again" in w for w in second.story_warnings)


def test_rows_that_contradict_each_other_are_told_and_the_corpus_grouped_again(tmp_path: Path):
    corpus = story_corpus(tmp_path)
    with Library.open(corpus) as first:
        first.refresh()
        first.stories()
        folder = first.index_dir
    assert folder is not None
    with sqlite3.connect(folder / STATE_FILE) as db:
        db.execute("UPDATE stories SET members = '[]'")  # articles whose story forgot them
    db.close()
    (corpus / "t07-plus_7_1ecbplus.txt").unlink()  # removing one needs its story's members
    with Library.open(corpus) as second:
        second.refresh()
        story = second.story_of("t07-plus_7_2ecbplus")
        assert story is not None and set(story.members) == set(SECOND_FIGHT[1:])
        assert any("damaged" in w for w in second.story_warnings)


def test_a_state_file_locked_by_another_process_is_read_not_written(tmp_path: Path, monkeypatch):
    corpus = story_corpus(tmp_path)
    (corpus / f"{HELD_OUT}.txt").rename(tmp_path / "held-out.txt")
    with Library.open(corpus) as first:
        first.refresh()
        first.stories()
        folder = first.index_dir
    assert folder is not None
    shutil.move(tmp_path / "held-out.txt", corpus / f"{HELD_OUT}.txt")
    monkeypatch.setattr(stored, "LOCK_TIMEOUT", 0.05)
    other = sqlite3.connect(folder / STATE_FILE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another kimreader writing the stories meanwhile
    try:
        with Library.open(corpus) as second:
            second.refresh()
            story = second.story_of(HELD_OUT)
            assert story is not None and set(story.members) == set(SECOND_FIGHT)
            assert any("locked" in w for w in second.story_warnings)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with _saved(folder) as saved:  # nothing half written: the new article is not in it yet
        assert HELD_OUT not in saved.fingerprints()
        assert all(HELD_OUT not in s.members for s in saved.listing().values())
    with Library.open(corpus) as third:
        third.refresh()
        story = third.story_of(HELD_OUT)
        assert story is not None and set(story.members) == set(SECOND_FIGHT)
        assert not third.story_warnings
