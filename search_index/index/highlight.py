"""Highlighting: the snippet shown under each hit and the matched words marked in the text.

Both come from the character offsets Whoosh stores for the body at index time (the top hits'
offsets are read by postings._record_top_terms), so no hit's text is tokenised again per query.
Offsets point into Article.text; snippets collapse whitespace and move their spans to match.
"""

from __future__ import annotations

from typing import Any

from whoosh import highlight
from whoosh.query import Phrase, Query, Term

from ..models import Snippet, Span
from ..text import squash_whitespace

SNIPPET_CHARS = 180


def _highlighter() -> highlight.Highlighter:
    return highlight.Highlighter(
        # Pinpoint fragments come from the character offsets stored at index time: no
        # re-tokenising of every hit's text on each query.
        fragmenter=highlight.PinpointFragmenter(
            maxchars=SNIPPET_CHARS, surround=60, autotrim=True, charlimit=None
        ),
        scorer=_EarliestFirstScorer(),
        formatter=_SpanFormatter(),
    )


class _EarliestFirstScorer(highlight.BasicFragmentScorer):
    """Whoosh's fragment score, with equal scores going to the earlier fragment.

    Whoosh breaks ties between fragments by their objects' memory addresses (Fragment.__lt__
    compares id()), so one query could show different snippets from run to run, or page to
    page. Fragment scores are multiples of 100 per matched term, so a fraction of a point by
    position only ever separates ties."""

    def __call__(self, fragment: highlight.Fragment) -> float:
        return float(super().__call__(fragment)) - fragment.startchar * 1e-9


class _SpanFormatter(highlight.Formatter):
    """Fragments as offsets, not marked-up text: the caller decides how to show them."""

    def format(
        self, fragments: list[Any], replace: bool = False
    ) -> list[tuple[int, int, list[tuple[int, int]]]]:
        return [
            (f.startchar, f.endchar, [(t.startchar, t.endchar) for t in f.matches])
            for f in fragments
        ]


def _snippet(body: str, fragments: list[tuple[int, int, list[tuple[int, int]]]]) -> Snippet:
    if not fragments:
        head = body[:SNIPPET_CHARS]
        cut = head.rfind(" ") if len(body) > SNIPPET_CHARS else -1
        text, _ = squash_whitespace(head[:cut] if cut > 40 else head, [])
        return Snippet(text + ("…" if len(body) > SNIPPET_CHARS else ""))
    parts: list[str] = []
    spans: list[Span] = []
    offset = 0
    for index, (start, end, tokens) in enumerate(sorted(fragments)):
        if index:
            parts.append(" … ")
            offset += 3
        segment = body[start:end]
        lead = len(segment) - len(segment.lstrip())
        text, moved = squash_whitespace(
            segment.strip(), [(s - start - lead, e - start - lead) for s, e in tokens]
        )
        parts.append(text)
        spans.extend(Span(offset + s, offset + e) for s, e in moved)
        offset += len(text)
    return Snippet("".join(parts), tuple(spans))


def _body_matches(
    occurrences: dict[str, list[tuple[int, int, int]]],
    phrases: list[tuple[str, ...]],
    loose: set[str],
) -> tuple[Span, ...]:
    """The hit's matched tokens in Article.text, from the character offsets stored at index
    time (``occurrences``: word -> [(position, start, end)]).

    Words that the query only asks for inside phrases are marked only where the whole phrase
    occurs, so "Kim Jong-un" does not light up every other "Kim". A phrase is marked as one
    span from its first word to its last: what lies between (a quote mark, a dash, a word the
    analyzer drops) belongs to the occurrence, which the reader counts and steps to once.
    """
    spans: set[tuple[int, int]] = set()
    for word, places in occurrences.items():
        if word in loose or not any(word in phrase for phrase in phrases):
            spans.update((start, end) for _, start, end in places)
    for phrase in phrases:
        if not all(word in occurrences for word in phrase):
            continue
        at = [{pos: (start, end) for pos, start, end in occurrences[word]} for word in phrase]
        for first in at[0]:
            if all(first + i in at[i] for i in range(1, len(phrase))):
                spans.add((at[0][first][0], at[-1][first + len(phrase) - 1][1]))
    # A loose word inside a phrase's span ("Jong" and "Jong-un") is that one occurrence.
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(Span(s, e) for s, e in merged)


def _phrase_and_loose_words(query: Query) -> tuple[list[tuple[str, ...]], set[str]]:
    phrases: list[tuple[str, ...]] = []
    loose: set[str] = set()

    def walk(node: Query) -> None:
        if isinstance(node, Phrase):
            if node.fieldname == "body":
                phrases.append(tuple(node.words))
        elif isinstance(node, Term):
            if node.fieldname == "body":
                loose.add(node.text)
        else:
            for child in node.children():
                walk(child)

    walk(query)
    return phrases, loose
