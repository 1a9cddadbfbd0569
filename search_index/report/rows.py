"""Report data from a claim diff: who said what, where, and how the two sources compare.

Kept apart from the renderers so each format shows exactly the same rows in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from ..claims.align import Comparison, Row
from ..claims.claim import Claim
from ..models import Article

# Conflicts first: they are what a fact-checker reads a report for; then the rows that differ
# but may both be right, then agreement, then what only one source reports.
VERDICT_ORDER = ("conflict", "compatible", "agree", "only_a", "only_b")
VERDICT_WORDS = {
    "conflict": "conflict",
    "compatible": "compatible",
    "agree": "agree",
    "only_a": "only A",
    "only_b": "only B",
}
# A text fragment names a long sentence by its first and last words (textStart,textEnd): the
# whole sentence makes an unwieldy link, and a browser matches the range all the same.
FRAGMENT_EDGE_WORDS = 5
# Control characters (but tab and newline) as visible stand-ins, one for one so offsets stay
# valid: bodies are cleaned on reading, but ids and fallback titles come from file names, and a
# report on standard output must not carry an escape sequence (a clipboard write, a screen
# clear) to the terminal; no HTML, Markdown or CSV reader wants them either. (The CLI's
# tui.plain.printable does the same; search_index may not import it.)
_CONTROL_PICTURES = {
    **{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)},
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
}


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One compared article as a citation gives it."""

    label: str
    """"A" or "B"."""
    id: str
    outlet: str | None
    title: str
    date: str | None
    """ISO 8601, as the article states it (a day, or a day and a time)."""
    url: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """A value as one source wrote it, and the sentence it comes from."""

    value: str
    sentence: str
    value_start: int
    value_end: int
    """The value's span in ``sentence``."""
    attribution: str | None
    link: str | None
    """The source's URL opened at this sentence (a text fragment), when the URL is known."""

    @property
    def before(self) -> str:
        return self.sentence[: self.value_start]

    @property
    def after(self) -> str:
        return self.sentence[self.value_end :]


@dataclass(frozen=True, slots=True)
class ReportRow:
    topic: str
    verdict: str
    """One of :data:`VERDICT_ORDER`."""
    reason: str | None
    """Why the verdict, in words ("different scope"), when the diff gives one."""
    a: Quote | None
    b: Quote | None

    def quote(self, side: str) -> Quote | None:
        return self.a if side == "A" else self.b


@dataclass(frozen=True, slots=True)
class Report:
    a: SourceInfo
    b: SourceInfo
    rows: tuple[ReportRow, ...]
    """Grouped by verdict in :data:`VERDICT_ORDER`; the diff's order within a group."""

    @property
    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(VERDICT_ORDER, 0)
        for row in self.rows:
            found[row.verdict] += 1
        return found

    def groups(self) -> list[tuple[str, list[ReportRow]]]:
        """(verdict, its rows) in :data:`VERDICT_ORDER`, empty groups left out."""
        return [
            (v, [r for r in self.rows if r.verdict == v])
            for v in VERDICT_ORDER
            if any(r.verdict == v for r in self.rows)
        ]


def sides(verdict: str) -> tuple[str, ...]:
    """The sources a verdict's rows quote: a group of "only A" rows has no B column to print
    empty on every row."""
    if verdict == "only_a":
        return ("A",)
    if verdict == "only_b":
        return ("B",)
    return ("A", "B")


def build_report(comparison: Comparison) -> Report:
    a, b = _source("A", comparison.a), _source("B", comparison.b)
    rank = {v: i for i, v in enumerate(VERDICT_ORDER)}
    # sorted() is stable: within a verdict the diff's own order (by position in A) is kept.
    rows = sorted(comparison.rows, key=lambda r: rank.get(r.status, len(rank)))
    return Report(a=a, b=b, rows=tuple(_row(r, a.url, b.url) for r in rows))


def _shown(text: str) -> str:
    return text.translate(_CONTROL_PICTURES)


def _maybe(text: str | None) -> str | None:
    return None if text is None else _shown(text)


def _source(label: str, article: Article) -> SourceInfo:
    return SourceInfo(
        label=label,
        id=_shown(article.id),
        outlet=_maybe(article.outlet),
        title=_shown(article.title),
        date=article.published.isoformat() if article.published else None,
        # The page's own canonical address first; else where its bytes were fetched from.
        url=_maybe(article.url or article.source_url),
    )


def _row(row: Row, url_a: str | None, url_b: str | None) -> ReportRow:
    return ReportRow(
        topic=_shown(row.topic),
        verdict=row.status,
        reason=_shown(row.reason.replace("_", " ")) if row.reason else None,
        a=_quote(row.a, url_a),
        b=_quote(row.b, url_b),
    )


def _quote(claim: Claim | None, url: str | None) -> Quote | None:
    if claim is None:
        return None
    return Quote(
        value=_shown(claim.value_text),
        sentence=_shown(claim.sentence),
        value_start=claim.value_start - claim.start,
        value_end=claim.value_end - claim.start,
        attribution=_maybe(claim.attribution),
        link=sentence_link(url, claim.sentence),
    )


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address a report may link to; None otherwise (a
    ``javascript:`` or ``file:`` URL from an article's metadata is shown, never linked)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit(parts)


def sentence_link(url: str | None, sentence: str) -> str | None:
    """``url`` opened at ``sentence`` with a text fragment (``#:~:text=start,end``), which
    browsers scroll to and highlight; None when there is no web URL."""
    base = web_url(url)
    if base is None:
        return None
    words = sentence.split()
    if not words:
        return base
    if len(words) > 2 * FRAGMENT_EDGE_WORDS:
        directive = (
            _fragment_part(" ".join(words[:FRAGMENT_EDGE_WORDS]))
            + ","
            + _fragment_part(" ".join(words[-FRAGMENT_EDGE_WORDS:]))
        )
    else:
        directive = _fragment_part(" ".join(words))
    # A page's own fragment ("#comments") would come before the directive and is dropped.
    without_fragment = urlunsplit(urlsplit(base)._replace(fragment=""))
    return f"{without_fragment}#:~:text={directive}"


def _fragment_part(text: str) -> str:
    # "-", "," and "&" are the text directive's own syntax: each must be percent-encoded
    # (quote leaves "-" alone, being unreserved in URLs generally).
    return quote(text, safe="").replace("-", "%2D")
