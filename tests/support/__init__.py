"""Helpers shared by the test kinds (unit, index, eval, robustness, ui).

Tests import from here (``from support.pilot import settle``); ``tests/`` is on the path
(pyproject's ``pythonpath``). Nothing here is a test.
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
CORPORA = TESTS / "corpora"
GOLD = TESTS / "gold"
