"""Timing for the linear-time tests: the best of three runs with the garbage collector held off.

In a full test session the collector's passes over everything earlier tests left in memory land
in a timed run at random (a 6 ms / 60 ms pair failed a ratio of 8 that way, under load), and
they say nothing of whether the work grows linearly.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_time(work: Callable[[], object]) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - start)
            if best > 3.0:
                # Slow enough to measure once (and, if quadratic, to fail). Below that the best
                # of three: one run slowed by the machine (another process) is common.
                break
    finally:
        gc.enable()
    return best
