"""Deterministic generator of realistic synthetic news corpora (stdlib only).

Code and data are apart: the word lists, names, places, outlets and sentence templates are JSON
files under ``data/``; the modules hold the rules that combine them. From the bottom up:

- ``resources``: reads ``data/*.json``.
- ``world``: people's names, countries, news outlets, organisations.
- ``events``: the kinds of story and the draws each makes.
- ``phrases``, ``numbers``: shared phrase pools; numbers and dates in words.
- ``cluster``: one event and what all its sources share.
- ``facts``, ``article``: one source's article (template values, then the writing).
- ``corpus``: ``generate(out_dir, count, seed, words, workers)`` and the self-check.

Imports the standard library only, never kimreader: the corpora it writes are input to the
product, not made by it.

Same seed, count and words give byte-identical files: every choice comes from
``random.Random`` seeded with a string (never ``hash()``), nothing reads the clock or the locale,
and nothing iterates over a set. The command line is ``benchmarks/generate.py``.
"""

from __future__ import annotations

from .corpus import check, generate

__all__ = ["check", "generate"]
