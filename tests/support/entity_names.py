"""What the entity-rule tests on real sentences read of an extraction: the names it typed."""

from __future__ import annotations

from search_index.entities.extract import RuleExtractor


def names(extractor: RuleExtractor, text: str) -> set[tuple[str, str]]:
    """(type, text) of every person, organisation and place the extractor finds in ``text``."""
    return {
        (m.type, m.text)
        for m in extractor.extract(text).mentions
        if m.type in ("PERSON", "ORG", "PLACE")
    }
