"""What a format reader hands back: the article's text and metadata, or why there is none."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import PublishedDate


class NotAnArticle(Exception):
    """The file holds no article text (or cannot be read as its format); ``str()`` says why,
    in words for the person whose corpus it is."""


@dataclass(frozen=True, slots=True)
class Page:
    """One article as a format reader found it: plain text with paragraphs split by blank
    lines, and the metadata the file itself states."""

    title: str
    body: str
    author: str | None = None
    outlet: str | None = None
    published: PublishedDate | None = None
    url: str | None = None
    """The article's own address (a page's canonical URL, a feed item's link)."""
    language: str | None = None
    is_summary: bool = False
    """Only a summary of the article was there (a feed item without its full text)."""
    notes: tuple[str, ...] = ()
