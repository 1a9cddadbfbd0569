"""A library over a few articles written for one test, and one of its claims by its text: what
the claim-rule tests on real sentences share."""

from __future__ import annotations

from pathlib import Path

from search_index.claims.claim import Claim
from search_index.library import Library


def library_of(root: Path, articles: dict[str, str]) -> Library:
    """``articles`` (name -> text) written as ``name.txt`` under ``root``, indexed."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    library = Library.open(root)
    library.refresh()
    return library


def claim_of(library: Library, article: str, value_text: str) -> Claim:
    """The article's first claim whose value is written ``value_text`` (the assertion lists
    the values there are when none is)."""
    found = [c for c in library.claims(article) if c.value_text == value_text]
    assert found, [c.value_text for c in library.claims(article)]
    return found[0]
