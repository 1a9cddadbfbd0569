"""Feeds (RSS 0.9x/2.0, RSS 1.0/RDF, Atom, JSON Feed): one article per item.

Parsed with fastfeedparser: it reads all four, is maintained, parses real feeds two orders of
magnitude faster than feedparser, and needs only lxml and python-dateutil, which trafilatura
brings anyway (feedparser would add its own sgmllib copy and be the slowest step of a refresh).
It never expands XML entities, and a feed that declares any is refused here before parsing
(the billion-laughs attack needs them; real feeds have none).

Each item gets a stable key (its guid/id, else its link, else its title and date) and a short
slug for its article id; a digest of what is read from it lets a refresh re-read only the
items that changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from ..models import PublishedDate
from ..text import clean_label
from .html import fragment_text
from .page import NotAnArticle, Page

# Past this many items a file is an archive dump, not a feed someone follows: the first ones
# are read (feeds list the newest first) and the rest reported.
MAX_ITEMS = 1000
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_SLUG_SPLIT = re.compile(r"[^\w]+")
_MAX_SLUG = 48


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str
    """What identifies the item within its feed (guid or id, link, or title and date)."""
    slug: str
    """A short readable name for the item, unique within the feed."""
    digest: str
    """Changes whenever anything read from the item changes."""
    page: Page


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]
    notes: tuple[str, ...] = ()


def parse_feed(data: bytes, kind: str) -> Feed:
    """A feed's items; raises NotAnArticle when the bytes are not a usable feed."""
    if kind != "json" and _ENTITY_DECLARATION.search(data, 0, _prolog_end(data)):
        raise NotAnArticle("the feed declares XML entities (refused: entity-expansion attack?)")
    import fastfeedparser

    try:
        parsed = fastfeedparser.parse(data)
    except RecursionError:
        raise NotAnArticle("the feed is nested too deeply to read") from None
    except Exception as exc:  # a third-party parser: one odd feed must not stop the rest
        reason = str(exc).split(":", 1)[0] if isinstance(exc, ValueError) else type(exc).__name__
        raise NotAnArticle(f"not readable as a feed ({reason[:120]})") from None
    info = parsed.get("feed") or {}
    outlet = _text(info.get("title")) or _host(info.get("link")) or None
    language = _text(info.get("language")) or None
    entries = list(parsed.get("entries") or [])
    notes: list[str] = []
    if len(entries) > MAX_ITEMS:
        notes.append(f"the feed has {len(entries):,} items: the first {MAX_ITEMS:,} are read")
        entries = entries[:MAX_ITEMS]
    items: list[FeedItem] = []
    seen: set[str] = set()
    duplicates = 0
    with_content = _with_content(data, kind)
    for position, entry in enumerate(entries):
        page = _page(entry, with_content, outlet, language)
        if page is None:
            continue
        key = _key(entry, page, position)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        items.append(FeedItem(key, _slug(entry, page, key), _digest(key, page), page))
    if duplicates:
        notes.append(f"{duplicates} item(s) repeat an earlier item's id: read once")
    if not items:
        raise NotAnArticle("the feed has no items with text")
    return Feed(outlet, _unique_slugs(items), tuple(notes))


def _prolog_end(data: bytes) -> int:
    # Entities are declared in the DOCTYPE, before the root element: look only there, so an
    # item's text that mentions "<!ENTITY" (escaped, in a post about XML) is not refused.
    match = re.search(rb"<(?![?!])", data)
    return match.start() if match else len(data)


def _with_content(data: bytes, kind: str) -> frozenset[str] | None:
    """The ids of the Atom entries or JSON Feed items that carry their full content: the
    parser gives every item a content, made from its summary when it has none, and in Atom and
    JSON Feed the two can be equal. None for RSS, where content differs from the summary."""
    ids: set[str] = set()
    if kind == "json":
        try:
            items = json.loads(data).get("items")
        except (ValueError, AttributeError, RecursionError):
            return None
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and (item.get("content_html") or item.get("content_text")):
                ids.add(str(item.get("id", "")).strip())
        return frozenset(ids)
    if kind != "atom":
        return None
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    for entry in root.iter("{*}entry"):
        content = entry.find("{*}content")
        if content is not None and "".join(content.itertext()).strip():
            ids.add((entry.findtext("{*}id") or "").strip())
    return frozenset(ids)


def _page(
    entry: Any, with_content: frozenset[str] | None, outlet: str | None, language: str | None
) -> Page | None:
    summary_raw = _text(entry.get("description"))
    content_raw = ""
    for content in entry.get("content") or ():
        value = _text(content.get("value") if isinstance(content, dict) else None)
        if value:
            content_raw = value
            break
    # fastfeedparser fills an RSS item's content from its description when it has none: that
    # is still only the summary.
    full = bool(content_raw) and content_raw != summary_raw
    if with_content is not None and _text(entry.get("id")):
        full = bool(content_raw) and _text(entry.get("id")) in with_content
    body = fragment_text(content_raw if full else summary_raw or content_raw)
    title = _title(entry)
    if not body.strip() and not title:
        return None
    if not body.strip():
        body = title
    link = _text(entry.get("link")) or None
    return Page(
        title=title or _first_words(body),
        body=body,
        author=_text(entry.get("author")) or None,
        outlet=outlet,
        published=_published(entry.get("published") or entry.get("updated")),
        url=link,
        language=language,
        is_summary=not full,
    )


def _title(entry: Any) -> str:
    title = _text(entry.get("title"))
    if "<" in title or "&" in title:
        title = fragment_text(title).replace("\n\n", " ")
    return " ".join(title.split())


def _key(entry: Any, page: Page, position: int) -> str:
    for value in (entry.get("id"), entry.get("link")):
        text = _text(value)
        if text:
            return text
    if page.title:
        return f"{page.title}|{page.published.isoformat() if page.published else ''}"
    return f"#{position}"


def _slug(entry: Any, page: Page, key: str) -> str:
    # From the link's last path segment ("/2026/01/museum-opens.html" -> "museum-opens"),
    # else the title's first words, else the key's digest.
    link = _text(entry.get("link"))
    candidates = []
    if link:
        path = urlsplit(link).path.rstrip("/")
        last = path.rsplit("/", 1)[-1]
        candidates.append(last.rsplit(".", 1)[0] if "." in last else last)
    candidates.append(page.title)
    for candidate in candidates:
        words = [w for w in _SLUG_SPLIT.split(candidate.lower()) if w]
        slug = clean_label("-".join(words))[:_MAX_SLUG].strip("-_")
        if slug and (not slug.isdigit() or len(slug) > 3):
            return slug
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _unique_slugs(items: list[FeedItem]) -> tuple[FeedItem, ...]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.slug] = counts.get(item.slug, 0) + 1
    out = []
    for item in items:
        if counts[item.slug] > 1:
            # Every item sharing a slug gets its key's digest: which one came first in the feed
            # must not decide an id.
            suffix = hashlib.sha256(item.key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            item = FeedItem(item.key, f"{item.slug}~{suffix}", item.digest, item.page)
        out.append(item)
    return tuple(out)


def _digest(key: str, page: Page) -> str:
    fields = [
        key,
        page.title,
        page.body,
        page.author,
        page.outlet,
        page.url,
        page.language,
        page.published.isoformat() if page.published else None,
        page.is_summary,
    ]
    return hashlib.sha256(json.dumps(fields).encode("utf-8", "surrogatepass")).hexdigest()


def _published(value: Any) -> PublishedDate | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    # The wall-clock time the outlet gave, as other sources' dates are kept (without a zone).
    return PublishedDate(moment.replace(tzinfo=None), has_time=True)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _host(link: Any) -> str:
    host = urlsplit(_text(link)).hostname or ""
    return host.removeprefix("www.")


def _first_words(body: str) -> str:
    words = body.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
