"""A saved page, archive or feed item as a Page: what corpus.py asks of this package.

Feeds are parsed when discovery first sees their bytes (to list their items) and again in the
process that reads an item; the last few parsed feeds are kept by content digest, so reading a
feed's N items parses it once, not N times.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

from . import kinds
from .feed import Feed, parse_feed
from .page import NotAnArticle, Page

_FEEDS: OrderedDict[str, Feed] = OrderedDict()
_FEEDS_KEPT = 4
_FEEDS_LOCK = threading.Lock()


def feed_of(data: bytes, content_digest: str, kind: str | None = None) -> Feed:
    """The feed in ``data`` (whose SHA-256 is ``content_digest``); raises NotAnArticle."""
    with _FEEDS_LOCK:
        cached = _FEEDS.get(content_digest)
        if cached is not None:
            _FEEDS.move_to_end(content_digest)
            return cached
    sniffed = kind or kinds.sniff_feed(data)
    if sniffed is None:
        raise NotAnArticle("not an RSS, Atom or JSON feed")
    feed = parse_feed(data, sniffed)
    with _FEEDS_LOCK:
        _FEEDS[content_digest] = feed
        while len(_FEEDS) > _FEEDS_KEPT:
            _FEEDS.popitem(last=False)
    return feed


def read_page(
    fmt: str, data: bytes, *, content_digest: str, item: str = "", url: str | None = None
) -> Page:
    """The article a file of format ``fmt`` holds (for a feed, the item keyed ``item``);
    raises NotAnArticle saying why there is none. ``url`` is where it was fetched from."""
    if fmt == kinds.HTML:
        from .html import extract_html

        return extract_html(data, url=url)
    if fmt == kinds.MHTML:
        from .html import extract_html
        from .mhtml import html_part

        part = html_part(data)
        return extract_html(part.data, charset=part.charset, url=part.url or url)
    if fmt == kinds.FEED:
        feed = feed_of(data, content_digest)
        for index, found in enumerate(feed.items):
            if found.key == item:
                # The feed's own notes (items left out) are told once, with its first item.
                notes = feed.notes if index == 0 else ()
                page = found.page
                if notes:
                    page = replace(page, notes=(*page.notes, *notes))
                return page
        raise NotAnArticle("the item is no longer in the feed")
    raise NotAnArticle(f"no reader for {fmt} files")
