"""What the main screen marks in the reader and says about it: stepping through matches and
conflicting sentences, and the status line.

Plain functions, so the screen's key handlers only move the reader to what these answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from search_index.models import ArticleInfo, Mention, SearchResult
from search_index.text import name_key

if TYPE_CHECKING:  # the claims arrive from a worker, which imports them
    from search_index.claims.extract import Claim

__all__ = [
    "ConflictSpan",
    "conflict_spans",
    "entity_matches",
    "entity_terms",
    "occurrences",
    "source_names",
    "status_line",
    "step_index",
]

# The query's entity fields and the mention type each names (the index's person:/place:/org:).
_ENTITY_FIELDS = {"person": "PERSON", "place": "PLACE", "org": "ORG"}
_ENTITY_TERM = re.compile(r'(?<![\w:])(person|place|org):(?:"([^"]*)"|([^\s()"]+))', re.I)
# A source without an outlet is named by this many words of its title.
SHORT_TITLE_WORDS = 4
# Matched words this close (a space, a hyphen) are one occurrence of the query: the library
# marks each word of a phrase, and "memorial museum" read as two matches per occurrence.
_JOINED_GAP = 1

ConflictSpan = tuple[int, int, str]
"""A sentence other sources contradict: its start and end, and what they say instead."""


def step_index(current: int | None, step: int, count: int) -> int:
    """The next (``step`` 1) or previous (-1) of ``count`` places, wrapping round; from none
    yet, the first one forward."""
    index = 0 if current is None and step > 0 else (current or 0) + step
    return index % count


def occurrences(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Matched words as occurrences: a run of words at most a space or a hyphen apart (a
    phrase, a hyphenated name, query words written together) is one, stepped to as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] <= _JOINED_GAP:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def entity_terms(query: str) -> list[tuple[str, str]]:
    """The query's ``person:``/``place:``/``org:`` terms as (mention type, name key)."""
    terms = []
    for field, quoted, bare in _ENTITY_TERM.findall(query):
        key = name_key(quoted or bare)
        if key:
            terms.append((_ENTITY_FIELDS[field.lower()], key))
    return terms


def entity_matches(
    mentions: Iterable[Mention], terms: Sequence[tuple[str, str]]
) -> list[tuple[int, int]]:
    """The mentions an entity term finds, as the index does: by the name's key, or by one of
    the words it is written with (org:Mansudae finds "Mansudae Art Studio")."""
    wanted: list[tuple[int, int]] = []
    for mention in mentions:
        for kind, key in terms:
            if mention.type != kind:
                continue
            if mention.key == key or any(name_key(w) == key for w in mention.text.split()):
                wanted.append((mention.start, mention.end))
                break
    return wanted


def source_names(articles: Iterable[ArticleInfo]) -> dict[str, str]:
    """How the reader names each source: its outlet, or its title's first words when the file
    gives no outlet (a file id says nothing to a reader)."""
    names = {}
    for article in articles:
        title = article.title.split()
        short = " ".join(title[:SHORT_TITLE_WORDS])
        named = article.outlet or (f"“{short}…”" if len(title) > SHORT_TITLE_WORDS else short)
        names[article.id] = named or article.id
    return names


def conflict_spans(
    found: Mapping[tuple[int, int], Sequence[Claim]], names: Mapping[str, str] | None = None
) -> list[ConflictSpan]:
    """The library's contradicted sentences as spans, each with what the others say: per
    source (by ``names``, else its id), the values it gives, each once."""
    spans = []
    for (start, end), claims in found.items():
        said: dict[str, list[str]] = {}
        for claim in claims:
            name = (names or {}).get(claim.article_id, claim.article_id)
            values = said.setdefault(name, [])
            if claim.value_text not in values:
                values.append(claim.value_text)
        note = "; ".join(f"{name}: {', '.join(values)}" for name, values in said.items())
        spans.append((start, end, note))
    return spans


def status_line(
    result: SearchResult | None,
    *,
    match_index: int | None,
    match_count: int,
    conflicts: int,
    message: str | None = None,
    conflict_keys: str = "] [",
) -> str:
    """The status line: the search's state and the match in view, the conflicts, a message
    (a message replaces the conflict count: it says what is being stepped through).
    ``conflict_keys`` names the keys that step through the conflicts (a key map may move them)."""
    parts: list[str] = []
    if result is not None:
        if result.error:
            parts.append(f"search: {result.error}")
        else:
            if result.corrected:
                parts.append(f"showing results for {result.corrected!r}")
            if result.notice:
                parts.append(result.notice)
            if match_count:
                position = (match_index or 0) + 1 if match_index is not None else 0
                parts.append(f"match {position}/{match_count}")
    if conflicts and message is None:
        parts.append(f"{conflicts} conflicting sentences ({conflict_keys})")
    if message:
        parts.append(message)
    return "  ·  ".join(parts)
