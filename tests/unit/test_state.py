import json
import os
from pathlib import Path

import pytest

from search_index.paths import app_paths
from search_index.state import MAX_POSITIONS, ReadingState, StateStore, merge_states


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_round_trip(corpus):
    store = StateStore(corpus)
    state = ReadingState(last_article="b", positions={"a": 3, "b": 40}, marked=["a", "c"])
    assert store.save(state) is None
    loaded, warning = StateStore(corpus).load()
    assert warning is None
    assert loaded == state
    assert list(loaded.positions) == ["a", "b"]


def test_default_location_is_the_state_dir_keyed_like_the_index(corpus):
    store = StateStore(corpus)
    paths = app_paths()
    assert store.path.parent == paths.state_dir
    assert store.path.name == paths.index_dir(corpus).name + ".json"
    store.save(ReadingState(last_article="x"))
    assert store.path.is_file()
    assert list(corpus.iterdir()) == []


def test_missing_file_gives_defaults_without_warning(corpus):
    state, warning = StateStore(corpus).load()
    assert state == ReadingState()
    assert warning is None


def test_missing_state_dir_gives_defaults_without_warning(corpus, tmp_path):
    state, warning = StateStore(corpus, tmp_path / "nowhere" / "state").load()
    assert state == ReadingState()
    assert warning is None


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe\x00garbage", b"", b"[1, 2, 3]", b'"text"', b"[" * 100_000],
)
def test_corrupt_file_is_set_aside(corpus, tmp_path, content):
    state_dir = tmp_path / "state"
    store = StateStore(corpus, state_dir)
    state_dir.mkdir()
    store.path.write_bytes(content)

    state, warning = store.load()

    assert state == ReadingState()
    assert warning and "damaged" in warning
    assert not store.path.exists()
    aside = [p for p in state_dir.iterdir() if p.name.startswith(f"{store.path.name}.corrupt-")]
    assert len(aside) == 1
    assert aside[0].read_bytes() == content
    # A fresh save works afterwards and leaves the damaged copy alone.
    assert store.save(ReadingState(last_article="a")) is None
    assert store.load() == (ReadingState(last_article="a"), None)
    assert aside[0].exists()


def test_two_corrupt_files_in_one_second_are_both_kept(corpus, tmp_path):
    state_dir = tmp_path / "state"
    store = StateStore(corpus, state_dir)
    state_dir.mkdir()
    for content in (b"{one", b"{two"):
        store.path.write_bytes(content)
        assert store.load()[1] is not None
    kept = sorted(p.read_bytes() for p in state_dir.iterdir() if ".corrupt-" in p.name)
    assert kept == [b"{one", b"{two"]


def test_wrong_types_fall_back_to_defaults_per_field(corpus, tmp_path):
    store = StateStore(corpus, tmp_path / "state")
    store.path.parent.mkdir()
    store.path.write_text(
        json.dumps({"last_article": 7, "positions": ["a", 1], "marked": "abc"}), encoding="utf-8"
    )
    state, warning = store.load()
    assert state == ReadingState()
    assert warning is not None
    assert store.path.exists()  # valid JSON: nothing to set aside


def test_bad_entries_are_dropped_and_good_ones_kept(corpus, tmp_path):
    store = StateStore(corpus, tmp_path / "state")
    store.path.parent.mkdir()
    store.path.write_text(
        json.dumps(
            {
                "last_article": "a",
                "positions": {"a": 5, "b": "7", "c": True, "d": -1, "e": 2.5, "f": 0},
                "marked": ["a", 3, None, "b", "a"],
                "unknown": {"ignored": True},
            }
        ),
        encoding="utf-8",
    )
    state, warning = store.load()
    assert state == ReadingState(last_article="a", positions={"a": 5, "f": 0}, marked=["a", "b"])
    assert warning is not None


def test_valid_file_with_missing_fields_loads_quietly(corpus, tmp_path):
    store = StateStore(corpus, tmp_path / "state")
    store.path.parent.mkdir()
    store.path.write_text('{"last_article": "z"}', encoding="utf-8")
    assert store.load() == (ReadingState(last_article="z"), None)


def test_unwritable_state_dir_warns_instead_of_raising(corpus, tmp_path):
    # A regular file where the folder should be: fails even for root.
    blocker = tmp_path / "state"
    blocker.write_text("not a folder", encoding="utf-8")
    store = StateStore(corpus, blocker)
    warning = store.save(ReadingState(last_article="a"))
    assert warning and "not saved" in warning
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert store.load() == (ReadingState(), None)


def test_unwritable_nested_state_dir_warns_instead_of_raising(corpus, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    warning = StateStore(corpus, blocker / "deeper" / "state").save(ReadingState())
    assert warning is not None


def test_failed_replace_keeps_old_file_and_leaves_no_temp_files(corpus, tmp_path, monkeypatch):
    state_dir = tmp_path / "state"
    store = StateStore(corpus, state_dir)
    old = ReadingState(last_article="old", positions={"old": 1})
    assert store.save(old) is None
    before = store.path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("simulated crash during replace")

    monkeypatch.setattr(os, "replace", boom)
    warning = store.save(ReadingState(last_article="new", positions={"new": 2}))
    monkeypatch.undo()

    assert warning and "simulated crash" in warning
    assert store.path.read_bytes() == before
    assert _files(state_dir) == [store.path.name]
    assert store.load() == (old, None)


def test_save_never_leaves_temp_files(corpus, tmp_path):
    state_dir = tmp_path / "state"
    store = StateStore(corpus, state_dir)
    for n in range(3):
        assert store.save(ReadingState(last_article=str(n))) is None
    assert _files(state_dir) == [store.path.name]


def test_two_corpora_get_two_files(tmp_path):
    state_dir = tmp_path / "state"
    # Same folder name in two places: the hash must keep them apart.
    first = tmp_path / "one" / "news"
    second = tmp_path / "two" / "news"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    a, b = StateStore(first, state_dir), StateStore(second, state_dir)
    assert a.path != b.path
    a.save(ReadingState(last_article="from-one"))
    b.save(ReadingState(last_article="from-two"))
    assert len(_files(state_dir)) == 2
    assert a.load()[0].last_article == "from-one"
    assert b.load()[0].last_article == "from-two"


def test_same_corpus_by_another_spelling_shares_a_file(tmp_path, corpus):
    state_dir = tmp_path / "state"
    respelled = corpus / ".." / "corpus"
    assert StateStore(corpus, state_dir).path == StateStore(respelled, state_dir).path


def test_state_dir_inside_the_corpus_is_refused(corpus):
    store = StateStore(corpus, corpus / ".state")
    warning = store.save(ReadingState(last_article="a"))
    assert warning is not None
    assert list(corpus.iterdir()) == []


def test_positions_are_capped_to_the_most_recent(corpus, tmp_path):
    store = StateStore(corpus, tmp_path / "state")
    state = ReadingState()
    for n in range(MAX_POSITIONS + 100):
        state.set_position(f"art{n}", n)
    assert len(state.positions) == MAX_POSITIONS
    assert next(iter(state.positions)) == "art100"

    store.save(state)
    loaded, _ = store.load()
    assert list(loaded.positions) == [f"art{n}" for n in range(100, MAX_POSITIONS + 100)]


def test_updating_a_position_moves_it_to_the_end(corpus):
    state = ReadingState()
    for n in range(MAX_POSITIONS):
        state.set_position(f"art{n}", 1)
    state.set_position("art0", 99)  # touched again: now the most recent
    state.set_position("new", 5)  # pushes out the oldest, which is art1, not art0
    assert "art0" in state.positions
    assert "art1" not in state.positions
    assert list(state.positions)[-2:] == ["art0", "new"]
    assert state.positions["art0"] == 99


def test_cap_applies_to_a_dict_filled_directly(corpus, tmp_path):
    store = StateStore(corpus, tmp_path / "state")
    positions = {f"art{n}": n for n in range(MAX_POSITIONS + 10)}
    assert store.save(ReadingState(positions=positions)) is None
    assert len(positions) == MAX_POSITIONS + 10  # the caller's state is not changed
    loaded, _ = store.load()
    assert next(iter(loaded.positions)) == "art10"
    assert len(loaded.positions) == MAX_POSITIONS


def test_cap_applies_to_an_oversized_file(corpus, tmp_path):
    store = StateStore(corpus, tmp_path / "state")
    store.path.parent.mkdir()
    positions = {f"art{n}": n for n in range(MAX_POSITIONS + 10)}
    store.path.write_text(json.dumps({"positions": positions}), encoding="utf-8")
    loaded, warning = store.load()
    assert warning is None
    assert len(loaded.positions) == MAX_POSITIONS
    assert "art9" not in loaded.positions


def test_odd_article_ids_survive(corpus, tmp_path):
    store = StateStore(corpus, tmp_path / "state")
    odd = 'caf\u00e9/\udcff "quoted"\n'
    state = ReadingState(last_article=odd, positions={odd: 1}, marked=[odd])
    assert store.save(state) is None
    assert store.load() == (state, None)


# -- two apps on one corpus (issue 13: 14) ---------------------------------------------------


def test_two_apps_on_one_corpus_keep_each_others_marks_and_positions(tmp_path):
    """Each app saved its whole state over the other's: marks and positions were lost."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first, second = StateStore(corpus), StateStore(corpus)
    mine, _ = first.load()
    theirs, _ = second.load()
    mine.marked.append("a")
    mine.set_position("a", 10)
    assert first.save(mine) is None
    theirs.marked.append("b")
    theirs.set_position("b", 20)
    theirs.last_article = "b"
    assert second.save(theirs) is None
    saved, _ = StateStore(corpus).load()
    assert saved.marked == ["a", "b"]
    assert saved.positions == {"a": 10, "b": 20}
    assert saved.last_article == "b"
    assert theirs.marked == ["a", "b"]  # the second app now shows the first one's mark too
    mine.marked.remove("a")  # unmarking in one app is not undone by the other's next save
    mine.set_position("b", 5)
    assert first.save(mine) is None
    theirs.set_position("a", 3)
    assert second.save(theirs) is None
    saved, _ = StateStore(corpus).load()
    assert saved.marked == ["b"]
    assert saved.positions == {"b": 5, "a": 3}
    assert saved.last_article == "b"


def test_merge_states_applies_only_what_changed_since_the_baseline():
    disk = ReadingState("x", {"p": 1, "q": 2}, ["m1", "m2"])
    baseline = ReadingState("x", {"p": 1}, ["m1"])
    mine = ReadingState("y", {"r": 7}, ["m1", "m3"])  # p forgotten, r set, m3 marked
    merged = merge_states(disk, baseline, mine)
    assert merged == ReadingState("y", {"q": 2, "r": 7}, ["m1", "m2", "m3"])
    unchanged = merge_states(disk, baseline, ReadingState("x", {"p": 1}, ["m1"]))
    assert unchanged == disk
