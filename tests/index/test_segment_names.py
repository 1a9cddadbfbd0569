"""A program that seeds Python's global ``random`` must not corrupt its index.

Whoosh names each new segment with the global ``random``: seeded alike before two writes, the
second write gave its segment the name of one the index still held and overwrote its files
("Unknown file header b''" on the next search). Hypothesis seeds ``random`` for every example,
which is how this was found.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from support import SEEDS

from search_index.library import Library


def test_writes_after_the_same_random_seed_keep_the_index_whole(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    seeds = sorted(SEEDS.glob("*.txt"))
    for round_ in range(3):
        folder.mkdir()
        for number, seed in enumerate(seeds[: 2 + round_]):
            text = seed.read_text(encoding="utf-8")
            (folder / f"{number}.txt").write_text(text[: 600 + 300 * round_], encoding="utf-8")
        random.seed(0)
        with Library.open(folder) as library:
            report = library.refresh(parallel=False)
            assert not report.report.failed, report
            assert len(library.ids()) == 2 + round_
            assert library.search("Kim").total >= 1
        shutil.rmtree(folder)
