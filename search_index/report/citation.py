"""What the app and ``kimreader report`` share around a report: which format a file name asks
for, a file name to propose, writing it, and one quoted sentence as a citation to paste.

Plain functions (no rich, no Textual, no click): the CLI and the app's export keys call them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..claims.claim import Claim
from ..models import Article, ArticleInfo
from .rows import _shown, sentence_link

# report.md with no format asked for means Markdown: the file's suffix says what is wanted.
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".csv": "csv"}
FORMAT_SUFFIXES = {"html": ".html", "md": ".md", "csv": ".csv"}
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_NAME_PART = 24


def format_for(path: Path | None, fmt: str | None = None) -> str:
    """``fmt`` when given; else the format ``path``'s suffix names; else html."""
    if fmt:
        return fmt
    if path is not None:
        return SUFFIX_FORMATS.get(path.suffix.lower(), "html")
    return "html"


def proposed_name(*parts: str, fmt: str = "html") -> str:
    """A file name for a report of ``parts`` (article or story ids): ``report-000-002.html``.
    Only letters, digits, ``.``, ``_`` and ``-`` survive (an id may hold anything)."""
    cleaned = [_UNSAFE_NAME.sub("_", p)[:_NAME_PART].strip("._") or "x" for p in parts]
    return "-".join(["report", *cleaned]) + FORMAT_SUFFIXES[fmt]


def write_report(path: Path, text: str) -> Path:
    """``text`` written to ``path`` (its folder made if missing); the absolute path written.
    Raises OSError as open() does."""
    path = path.expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="": the CSV's CRLF line ends (RFC 4180) are written as they are.
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(text)
    return path.resolve()


@dataclass(frozen=True, slots=True)
class Citation:
    """One quoted sentence and where it comes from."""

    sentence: str
    outlet: str | None
    title: str
    date: str | None
    """ISO 8601, as the article states it."""
    url: str | None
    article_id: str

    def text(self) -> str:
        """The sentence in quotation marks, then outlet, title, date and a link that opens the
        source at the sentence (the bare URL's text fragment), one line each part is known."""
        sentence = " ".join(_shown(self.sentence).split())
        who = [_shown(self.outlet) if self.outlet else _shown(self.article_id)]
        who.append(f"“{' '.join(_shown(self.title).split())}”")
        if self.date:
            who.append(self.date)
        link = sentence_link(self.url, self.sentence)
        if link is None and self.url:
            link = _shown(self.url)  # not a web address: shown, not made a link
        lines = [f"“{sentence}”", "— " + ", ".join(who)]
        if link:
            lines.append(link)
        return "\n".join(lines)


def citation_of(claim: Claim, article: Article | ArticleInfo) -> Citation:
    """The sentence ``claim`` comes from, cited from ``article`` (the claim's own)."""
    return Citation(
        sentence=claim.sentence,
        outlet=article.outlet,
        title=article.title,
        date=article.published.isoformat() if article.published else None,
        # The page's own canonical address first; else where its bytes were fetched from.
        url=article.url or article.source_url,
        article_id=article.id,
    )


def citation_at(article: Article, start: int, end: int) -> Citation:
    """The sentence (or sentences) of ``article`` holding ``start``..``end`` (a search match,
    a conflicting figure, a sentence opened from a view), cited from it."""
    from ..claims.sentences import sentence_spans

    text = article.text
    spans = [s for s in sentence_spans(text) if s[0] < max(end, start + 1) and s[1] > start]
    first, last = (spans[0][0], spans[-1][1]) if spans else (start, end)
    return Citation(
        sentence=text[first:last].strip(),
        outlet=article.outlet,
        title=article.title,
        date=article.published.isoformat() if article.published else None,
        url=article.url or article.source_url,
        article_id=article.id,
    )
