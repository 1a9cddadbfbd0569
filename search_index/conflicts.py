"""Which sentences of one article other reports contradict: the reader's conflict marks.

The claim diff (claims/align.py) judges two articles at a time; here one article is diffed
with each of a few related reports and every sentence holding a claim some report conflicts
with is collected, with the claims that contradict it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .claims.align import Comparison
from .claims.extract import Claim
from .ids import ArticleNotFound

__all__ = ["Span", "contradicted_sentences"]

Span = tuple[int, int]
"""A sentence's (start, end) in ``Article.text``."""


def _never() -> bool:
    return False


def contradicted_sentences(
    article_id: str,
    others: Iterable[str],
    compare: Callable[[str, str], Comparison],
    stop: Callable[[], bool] = _never,
) -> dict[Span, list[Claim]]:
    """Sentence span of ``article_id`` → the claims of ``others`` that conflict with it.

    Spans come in text order; a span's claims in the order of ``others``, then of the diff's
    rows. ``compare(article_id, other)`` is the claim diff; an other report it cannot find
    (deleted or renamed since ``others`` was read) is skipped, while ``article_id`` itself
    gone raises ``ArticleNotFound``. ``stop`` is asked before each comparison: once it says
    yes the scan ends with what it has found, as a caller that stopped waiting wants.
    """
    found: dict[Span, list[Claim]] = {}
    for other in others:
        if stop():
            break
        if other == article_id:
            continue
        try:
            rows = compare(article_id, other).rows
        except ArticleNotFound as exc:
            if exc.wanted == article_id:
                raise
            continue  # one of the others went while the rest were compared
        for row in rows:
            if row.status == "conflict" and row.a is not None and row.b is not None:
                found.setdefault((row.a.start, row.a.end), []).append(row.b)
    return dict(sorted(found.items()))
