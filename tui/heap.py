"""Keeping the garbage collector's full passes short while the app runs.

Python's cyclic collector now and then scans every object it tracks, holding the interpreter
lock meanwhile, whichever thread set it off. With a large corpus loaded (the catalog, the list's
entries, the stories) those full passes took 80-190 ms at 3,000 articles: the longest waits a
key press met, in the app and in its workers alike (measured with `gc.callbacks` in
`benchmarks/first_open.py --stalls`). Once a large, lasting structure is in place, it is moved
out of the collector's sight (`gc.freeze`, as CPython's docs advise for long-lived data):
later passes scan only what came after. Objects freed by reference counting still go at once;
only cycles that die after being frozen stay, which is why this is done at a few milestones
(the corpus opened, a batch listed, stories found) and not on a timer.
"""

from __future__ import annotations

import gc

__all__ = ["release_heap", "settle_heap"]


def settle_heap() -> None:
    """What is alive now is lasting: keep it out of later full collections."""
    gc.freeze()


def release_heap() -> None:
    """The app is closing: what was frozen may be collected again (a process running several
    apps, as the tests do, would otherwise keep every closed app's cycles)."""
    gc.unfreeze()
