"""A small folder of several stories for tests: real ECB+ excerpts of two different Klitschko
title defences and one other story (tests/corpora/stories/README.md says where they come from)."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import ROOT

EXCERPTS = ROOT / "tests" / "corpora" / "stories"
# t07-ecb: Klitschko beats Rahman (2008); t07-plus: Klitschko beats Thompson (2012).
FIRST_FIGHT = ["t07-ecb_7_1ecb", "t07-ecb_7_2ecb"]
SECOND_FIGHT = ["t07-plus_7_1ecbplus", "t07-plus_7_2ecbplus", "t07-plus_7_3ecbplus"]
OTHERS = ["t01-ecb_1_1ecb", "t01-ecb_1_2ecb", "t01-ecb_1_3ecb"]


def story_corpus(parent: Path) -> Path:
    """The eight excerpts copied into ``parent/corpus``."""
    folder = parent / "corpus"
    folder.mkdir()
    for name in [*FIRST_FIGHT, *SECOND_FIGHT, *OTHERS]:
        shutil.copy(EXCERPTS / f"{name}.txt", folder / f"{name}.txt")
    return folder
