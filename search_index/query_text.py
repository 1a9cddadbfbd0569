"""Preparing what a user typed for the query parser (pure string work, no engine)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .text import fold, strip_controls

MAX_QUERY_CHARS = 1000
MAX_PLAIN_TERMS = 32

_QUOTED = re.compile(r'"[^"]*"?')
# A word of word characters joined by hyphens ("Jong-un", "Ju-a-e"), not part of a wildcard.
_HYPHENATED = re.compile(r"(?<![\w*?'-])(\w+(?:-\w+)+)(?![\w*?'-])")
_PLAIN_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+")


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    text: str
    notices: tuple[str, ...] = ()


def prepare_query(raw: str) -> PreparedQuery:
    """Clean a typed query: no control characters, folded dashes and quotes, bounded length,
    and hyphenated words turned into phrases."""
    notices: list[str] = []
    text = strip_controls(raw).replace("\t", " ").replace("\n", " ")
    text = " ".join(fold(text).split())
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS)
        text = text[: cut if cut > 0 else MAX_QUERY_CHARS]
        notices.append(f"the query was shortened to its first {len(text)} characters")
    if text.count('"') % 2:
        # An unclosed phrase would otherwise swallow the rest of the query silently.
        text += '"'
    return PreparedQuery(rewrite_hyphens(text), tuple(notices))


def rewrite_hyphens(text: str) -> str:
    """``Jong-un`` -> ``("Jong un" OR Jongun)`` outside quoted phrases.

    The parser would otherwise read a hyphenated word as an unordered AND of its parts, which
    matches "Jong met Un officials" and misses the closed-up spelling "Jongun".
    """
    pieces: list[str] = []
    last = 0
    for quoted in _QUOTED.finditer(text):
        pieces.append(_HYPHENATED.sub(_as_phrase, text[last : quoted.start()]))
        pieces.append(quoted.group())
        last = quoted.end()
    pieces.append(_HYPHENATED.sub(_as_phrase, text[last:]))
    return "".join(pieces)


def _as_phrase(match: re.Match[str]) -> str:
    parts = match.group(1).split("-")
    return f'("{" ".join(parts)}" OR {"".join(parts)})'


def plain_terms(text: str) -> str:
    """The query's words alone, lower-cased so none reads as an operator: the fallback query."""
    words = _PLAIN_WORD.findall(text)[:MAX_PLAIN_TERMS]
    return " ".join(word.lower() for word in words)


ENTITY_FIELDS = {"person": "PERSON", "org": "ORG", "place": "PLACE"}
_ENTITY_TERM = re.compile(r'(?<![\w:])(person|org|place):(?:"([^"]*)"|([^\s()"]+))', re.IGNORECASE)

EntityTerm = tuple[str, str]
"""(entity type, name as typed): ``person:"Kim Jong Un"`` -> ("PERSON", "Kim Jong Un")."""


def entity_terms(text: str) -> list[EntityTerm]:
    """The entity-field terms of a query, in order: what the caller resolves to spellings."""
    terms: list[EntityTerm] = []
    for match in _ENTITY_TERM.finditer(text):
        value = _entity_value(match)
        if value and (ENTITY_FIELDS[match.group(1).lower()], value) not in terms:
            terms.append((ENTITY_FIELDS[match.group(1).lower()], value))
    return terms


def expand_entity_terms(text: str, members: Mapping[EntityTerm, Iterable[tuple[str, str]]]) -> str:
    """``person:"Kim Jong Un"`` -> every spelling and alias the corpus merged into that person,
    each searched in the field of the type it was found as. ``members`` maps each of the
    query's ``entity_terms`` to the (type, key) pairs of every spelling of its entity; a term
    it does not map, or maps to nothing, is left as typed."""

    def expand(match: re.Match[str]) -> str:
        value = _entity_value(match)
        if not value:  # person:"" names nobody: leave it to the parser
            return match.group(0)
        found = sorted(set(members.get((ENTITY_FIELDS[match.group(1).lower()], value), ())))
        if not found:
            return match.group(0)
        terms = [f"{kind.lower()}:{key}" for kind, key in found]
        return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"

    return _ENTITY_TERM.sub(expand, text)


def _entity_value(match: re.Match[str]) -> str:
    return match.group(2) if match.group(2) is not None else match.group(3)
