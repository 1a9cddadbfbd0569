"""Which format a corpus file is, from its name and, for ambiguous names, its first bytes."""

from __future__ import annotations

import re

TEXT = "text"
MARKDOWN = "markdown"
HTML = "html"
MHTML = "mhtml"
FEED = "feed"

_BY_SUFFIX = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".mhtml": MHTML,
    ".mht": MHTML,
    ".rss": FEED,
    ".atom": FEED,
}
# Names that may hold a feed but often hold something else (a sitemap, a config, package.json):
# read only when their first bytes are a feed's, otherwise left alone like any other file.
MAYBE_FEED_SUFFIXES = frozenset({".xml", ".json"})
SUFFIXES = frozenset(_BY_SUFFIX) | MAYBE_FEED_SUFFIXES

# The largest file read, by format: saved pages carry their scripts and often their images
# (SingleFile inlines them as data: URIs; MHTML keeps every resource as a part).
MAX_BYTES = {
    TEXT: 10 * 1024 * 1024,
    MARKDOWN: 10 * 1024 * 1024,
    HTML: 32 * 1024 * 1024,
    MHTML: 64 * 1024 * 1024,
    FEED: 16 * 1024 * 1024,
}

_SNIFF = 8192
_PROLOG = re.compile(
    rb"\s*(?:<\?xml[^>]{0,500}\?>|<!--.{0,4000}?-->|<!DOCTYPE[^>\[]{0,500}(?:\[.{0,4000}?\])?\s*>|\s+)*",
    re.DOTALL | re.IGNORECASE,
)
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]{0,60})")
_FEED_ROOTS = {b"rss": "rss", b"feed": "atom", b"rdf:rdf": "rdf", b"rdf": "rdf"}
_JSON_FEED = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/')


def kind_of(name: str) -> str | None:
    """The format a file name says, or None (also None for .xml/.json: see ``sniff_feed``)."""
    dot = name.rfind(".")
    return _BY_SUFFIX.get(name[dot:].lower()) if dot > 0 else None


def suffix_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def sniff_feed(data: bytes) -> str | None:
    """ "rss", "atom", "rdf" or "json" when the bytes begin like a feed of that kind."""
    head = data[:_SNIFF]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return "json" if _JSON_FEED.search(head) else None
    prolog = _PROLOG.match(head)
    root = _ROOT.match(head, prolog.end() if prolog else 0)
    if root is None:
        return None
    return _FEED_ROOTS.get(root.group(1).lower())
