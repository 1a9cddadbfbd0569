"""Each thread reads the index through a searcher of its own; those of threads that ended are
closed. The app reads in a short thread per article or sentence opened, and kept open, their
files added up to "too many open files" within a few hundred keys."""

from __future__ import annotations

import os
import threading

import pytest

from search_index.library import Library


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def read_in_threads(library: Library, article_id: str, count: int) -> None:
    for _ in range(count):
        thread = threading.Thread(target=library.article, args=(article_id,))
        thread.start()
        thread.join()


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts /proc/self/fd")
def test_searchers_of_ended_threads_are_closed(seeds_copy):
    with Library.open(seeds_copy) as library:
        library.refresh()
        article_id = library.ids()[0]
        read_in_threads(library, article_id, 10)
        after_ten = open_files()
        read_in_threads(library, article_id, 100)
        # One more thread's searcher at most (the last one's, closed by the next to open).
        per_searcher = max(1, (after_ten - 3) // 10)
        assert open_files() <= after_ten + per_searcher
