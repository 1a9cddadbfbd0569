"""The status line of a first build: phase, count, rate and time left."""

from __future__ import annotations

from tui.startup import RATE_AFTER_SECONDS, BuildClock


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_reading_then_analysing_with_a_rate_once_it_means_something():
    time = FakeTime()
    clock = BuildClock(time)
    assert clock.status(0, 0) == "indexing: reading the folder…"
    clock.enter("analysing", 0)
    time.now += RATE_AFTER_SECONDS / 2
    # Too early for a rate: none is made up.
    assert clock.status(40, 3000) == "indexing: analysing 40 of 3,000 articles…"
    time.now += RATE_AFTER_SECONDS * 2  # 2.5 x RATE_AFTER_SECONDS since analysing began
    assert clock.status(500, 3000) == (
        "indexing: analysing 500 of 3,000 articles · 100/s · about 25 s left…"
    )


def test_commits_between_batches_count_in_the_rate_and_long_waits_read_in_minutes():
    time = FakeTime()
    clock = BuildClock(time)
    clock.enter("analysing", 0)
    time.now += 10
    clock.enter("writing", 100)
    time.now += 10  # the commit: nothing analysed
    assert clock.status(100, 10_000) == (
        "indexing: writing (100 of 10,000 articles analysed) · 5/s · about 33 min 00 s left…"
    )
    clock.enter("analysing", 100)  # the next batch: the rate still counts from the start
    time.now += 10
    assert clock.status(400, 10_000) == (
        "indexing: analysing 400 of 10,000 articles · 13/s · about 12 min 00 s left…"
    )


def test_no_time_left_once_everything_is_analysed():
    time = FakeTime()
    clock = BuildClock(time)
    clock.enter("analysing", 0)
    time.now += 30
    clock.enter("merging", 3000)
    assert clock.status(3000, 3000) == "indexing: merging (3,000 of 3,000 articles analysed)…"
