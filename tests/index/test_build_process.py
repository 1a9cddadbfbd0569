"""A large build for a threaded caller (the app) runs in a process of its own, batch by batch,
and the caller hears of each batch; when that process cannot run, the caller indexes it all
itself (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from search_index import build_process
from search_index.library import Library
from search_index.refresh import BULK_THRESHOLD, FIRST_BATCH

COUNT = BULK_THRESHOLD + 30


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"q{n:04d}.txt").write_text(
            f"Quake shakes Region {n % 9}\n\nAt least {n + 3} people were hurt in Region "
            f"{n % 9} on Monday, officials said. Rescuers searched {n % 5 + 1} villages.\n",
            encoding="utf-8",
        )
    (folder / "empty.txt").write_text("", encoding="utf-8")  # skipped, and told
    return folder


def test_a_threaded_large_build_runs_in_its_own_process_in_batches(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", COUNT)
    outcomes: list[build_process.BuildOutcome] = []
    real = build_process.build_in_process

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        outcome = real(*args, **kwargs)
        outcomes.append(outcome)
        return outcome

    monkeypatch.setattr(build_process, "build_in_process", recorded)
    seen: list[int] = []
    phases: list[str] = []
    with Library.open(corpus) as library:
        result = library.refresh(
            parallel=False,
            threaded=True,
            phase=phases.append,
            committed=lambda: seen.append(len(library.catalog())),
        )
        assert len(outcomes) == 1 and outcomes[0].failed is None
        assert result.report.added == COUNT
        assert [s.path for s in result.skipped] == ["empty.txt"]
        # Each batch was readable here while the next one was built.
        assert seen[0] == FIRST_BATCH and seen == sorted(seen) and seen[-1] < COUNT
        assert "analysing" in phases
        # The stories were worked out there too, as `kimreader index` does: kept, ready.
        assert phases[-1] == "grouping" and library.stories_are_cheap(10**9)
        assert library.search("villages").total == COUNT
        # Nothing left to do: the next refresh reads nothing.
        again = library.refresh(parallel=False, threaded=True)
        assert again.report.added == 0 and again.report.unchanged == COUNT


def test_when_the_build_process_cannot_start_the_caller_indexes_everything(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", COUNT)

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("no processes left")

    monkeypatch.setattr(build_process.subprocess, "Popen", refuse)
    with Library.open(corpus) as library:
        result = library.refresh(parallel=False, threaded=True)
        assert result.report.added == COUNT
        assert any("could not start the build process" in w for w in result.report.warnings)
        assert library.search("villages").total == COUNT


def test_a_cancelled_build_keeps_the_batches_committed(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", COUNT * 3)

    class Cancelled(Exception):
        pass

    committed: list[int] = []

    def progress(done: int, total: int) -> None:
        if committed:  # the first batch is in: the user quits
            raise Cancelled

    with Library.open(corpus) as library:
        with pytest.raises(Cancelled):
            library.refresh(
                progress, parallel=False, threaded=True, committed=lambda: committed.append(1)
            )
        kept = len(library.catalog())
        assert FIRST_BATCH <= kept < COUNT * 3
        # The build process is gone and its lock with it: the rest is indexed now.
        assert library.refresh().report.added == COUNT * 3 - kept


def test_a_build_process_meeting_a_busy_index_reports_it_busy(tmp_path):
    """Another kimreader holds the index: the build process waits as long as the caller
    would, then says so, and the caller reports the index busy, writing nothing."""
    corpus = write_corpus(tmp_path / "corpus", COUNT)
    with Library.open(corpus) as holder, Library.open(corpus) as library:
        with holder._store.exclusive(timeout=1):  # as another process holding it
            result = library.refresh(parallel=False, threaded=True, wait=0.2)
        assert result.report.busy
        assert library.ids() == []
        # Once let go, the build goes through.
        assert library.refresh(parallel=False, threaded=True).report.added == COUNT
