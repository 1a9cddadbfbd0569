"""A refresh of a corpus nothing touched answers from the clean state (clean_state.py) without
discovery, and every kind of change still reaches the index: a file rewritten (even with its
size and mtime put back), added or removed, the sidecar edited, the index rebuilt elsewhere,
the state file damaged."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from search_index import refresh as refresh_module
from search_index.clean_state import CLEAN_NAME, files_digest, matches, snapshot
from search_index.library import Library

STORY = "Quake strikes coastal town\n\nA strong earthquake struck the coastal town on Monday.\n"


def _open(corpus: Path, **kwargs: object) -> Library:
    library = Library.open(corpus, **kwargs)  # type: ignore[arg-type]
    library.refresh()
    return library


def _age(folder: Path, seconds: float = 60) -> None:
    """Backdate every file: a file modified within two seconds of a snapshot is never taken as
    unchanged (its mtime may not show a second write)."""
    for path in folder.iterdir():
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - int(seconds * 1e9)))


@pytest.fixture
def no_discovery(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the full checks a refresh makes (discovery of every file)."""
    calls: list[int] = []
    real = refresh_module.discover

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(refresh_module, "discover", counting)
    return calls


def _clean(corpus: Path, discoveries: list[int]) -> None:
    """Index the corpus and leave it untouched long enough for its snapshot to be trusted; the
    full checks that took are not counted."""
    _age(corpus)
    _open(corpus).close()
    discoveries.clear()


def test_an_untouched_corpus_is_answered_without_discovery(seeds_copy, no_discovery):
    (seeds_copy / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    _clean(seeds_copy, no_discovery)
    with _open(seeds_copy) as library:
        assert no_discovery == []
        report = library.last_refresh.report
        assert report.unchanged == 5 and not report.changed
        # What could not be read is still said, as the full check said it.
        assert [s.path for s in library.last_refresh.skipped] == ["broken.txt"]
        assert library.search("Mansudae").total > 0


def test_a_file_rewritten_with_its_size_and_mtime_put_back_is_read(seeds_copy, no_discovery):
    _clean(seeds_copy, no_discovery)
    target = seeds_copy / "003_8aed3a971675dfb7.txt"
    before = target.stat()
    text = target.read_text(encoding="utf-8")
    rewritten = text.replace("Kim", "Kym", 1)
    assert len(rewritten) == len(text)
    target.write_text(rewritten, encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # the change time moves
    with _open(seeds_copy) as library:
        assert no_discovery == [1]
        assert library.last_refresh.report.updated == 1
        assert "Kym" in library.article("003").text


def test_added_and_removed_files_are_seen(seeds_copy, no_discovery):
    _clean(seeds_copy, no_discovery)
    (seeds_copy / "new.txt").write_text(STORY, encoding="utf-8")
    (seeds_copy / "000_ca11f8d137dfb4bd.txt").unlink()
    with _open(seeds_copy) as library:
        report = library.last_refresh.report
        assert (report.added, report.removed) == (1, 1)
        assert library.search("earthquake coastal").total == 1


def test_an_edited_sidecar_is_read(seeds_copy, no_discovery):
    _clean(seeds_copy, no_discovery)
    (seeds_copy / "kimreader.toml").write_text(
        '["003_8aed3a971675dfb7"]\noutlet = "Hand Written"\n', encoding="utf-8"
    )
    with _open(seeds_copy) as library:
        assert no_discovery == [1]
        assert library.article("003").outlet == "Hand Written"


def test_an_index_rebuilt_elsewhere_is_not_taken_as_clean(seeds_copy, no_discovery):
    _clean(seeds_copy, no_discovery)
    _open(seeds_copy, rebuild=True).close()
    assert no_discovery == [1]
    with _open(seeds_copy) as library:
        assert library.article("003").title  # answered after the rebuild's own state
    assert len(no_discovery) <= 2


def test_a_damaged_state_falls_back_to_the_full_check(seeds_copy, no_discovery):
    _clean(seeds_copy, no_discovery)
    with Library.open(seeds_copy) as library:
        folder = library.index_dir
    assert folder is not None
    (folder / CLEAN_NAME).write_text('{"format": 1, "files": [1, 2', encoding="utf-8")
    with _open(seeds_copy) as library:
        assert no_discovery == [1]
        assert library.last_refresh.report.unchanged == 5


@pytest.mark.parametrize(
    "files",
    [
        "0" * 40,  # another folder's digest
        ["001_ee6a89961e49bfbf.txt", 1, 2, 3, 4],  # a list, as format 1 saved it
        None,
    ],
)
def test_a_state_with_a_damaged_digest_falls_back_to_the_full_check(
    seeds_copy, no_discovery, files
):
    import json

    _clean(seeds_copy, no_discovery)
    with Library.open(seeds_copy) as library:
        folder = library.index_dir
    assert folder is not None
    data = json.loads((folder / CLEAN_NAME).read_text(encoding="utf-8"))
    data["files"] = files
    (folder / CLEAN_NAME).write_text(json.dumps(data), encoding="utf-8")
    with _open(seeds_copy) as library:
        assert no_discovery == [1]
        assert library.last_refresh.report.unchanged == 5


def test_the_digest_tells_every_listing_apart():
    stat = (10, 2, 3, 4)
    digests = {
        files_digest(files)
        for files in (
            {"a.txt": stat},
            {"a.txt": (11, 2, 3, 4)},  # a size
            {"a.txt": (10, 2, 3, 5)},  # an inode
            {"b.txt": stat},  # a name
            {"a.txt": stat, "b.txt": stat},  # one more file
            {"a.txt\x00b.txt": stat},  # names that join alike
            {"a.txt": (10, 2, 3, 2**70)},  # beyond 64 bits
            {"a.txt": (10, -2, 3, 4)},  # before 1970
        )
    }
    assert len(digests) == 8
    assert files_digest({"a.txt": stat, "gone.txt": None}) is None


def test_a_file_modified_just_before_the_snapshot_is_not_trusted(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    taken = snapshot(tmp_path)
    assert taken.files  # the file itself
    # Unchanged since, but written within the file system's timestamp granularity of the
    # snapshot: a second write may not have moved its mtime.
    assert not matches(snapshot(tmp_path), taken.seen())
    old = dataclasses.replace(taken.seen(), taken_ns=taken.taken_ns + 10 * 10**9)
    assert matches(snapshot(tmp_path), old)


def test_a_refresh_that_finds_a_change_walks_the_folder_once(seeds_copy, monkeypatch):
    """The snapshot's walk is the one discovery reads: a changed corpus is not walked and
    stat'ed a second time."""
    from search_index import corpus_files

    _age(seeds_copy)
    _open(seeds_copy).close()
    (seeds_copy / "new.txt").write_text(STORY, encoding="utf-8")
    walks: list[Path] = []
    real = corpus_files.walk

    def counting(root: Path):  # type: ignore[no-untyped-def]
        walks.append(root)
        return real(root)

    monkeypatch.setattr(corpus_files, "walk", counting)
    with _open(seeds_copy) as library:
        assert library.last_refresh.report.added == 1
    assert len(walks) == 1
