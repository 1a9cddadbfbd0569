"""The URLs inside what fetch is given: a feed's article links (RSS, Atom, RDF, JSON Feed), an
OPML file's feeds, a urls.txt's lines.

fetch needs the links and nothing else, so it reads them with the standard library's expat
parser, guarded the way defusedxml guards it: no entity declarations at all (so no billion
laughs, no quadratic blow-up, no external entities), no external DTD, and bounds on depth and on
the number of elements. A hostile file gives a :class:`LinkError` with a message, never a hang.
"""

from __future__ import annotations

import json
import xml.parsers.expat
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urljoin

__all__ = [
    "MAX_LINKS",
    "Kind",
    "LinkError",
    "Links",
    "links_in",
    "sniff",
    "urls_in_text",
]

# A feed or list with more entries than this is cut there (a 10,000-item feed is a mistake or
# an attack; nobody reads 10,000 articles about one story).
MAX_LINKS = 5_000
_MAX_DEPTH = 64
_MAX_ELEMENTS = 200_000

Kind = Literal["feed", "opml", "urls", "page"]


class LinkError(ValueError):
    """A feed or OPML file that cannot be read; the message says why."""


@dataclass(frozen=True)
class Links:
    """What a document points to: article links (a feed) or feed links (OPML), in order,
    without repeats, and how many more were cut at :data:`MAX_LINKS`."""

    kind: Kind
    urls: tuple[str, ...]
    title: str | None = None
    cut: int = 0


def sniff(data: bytes, content_type: str = "") -> Kind:
    """What ``data`` is: a feed, an OPML file, a list of URLs or (anything else) a page.

    The content type is only a hint: servers send feeds as ``text/html`` and pages as
    ``text/xml``, so the first element decides for XML."""
    media = content_type.split(";", 1)[0].strip().lower()
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{") and (b"jsonfeed.org" in head or media == "application/feed+json"):
        return "feed"
    root = _root_name(head) if head.startswith(b"<") else None
    if root in ("rss", "feed", "rdf:rdf", "rdf"):
        return "feed"
    if root == "opml":
        return "opml"
    if media in ("text/html", "application/xhtml+xml") or head.startswith(b"<"):
        return "page"
    if media in ("", "text/plain") and _looks_like_url_list(data[:4096]):
        return "urls"
    return "page"


def links_in(data: bytes, base_url: str = "", content_type: str = "") -> Links:
    """The links of a feed, OPML file or URL list, made absolute against ``base_url``."""
    kind = sniff(data, content_type)
    if kind == "urls":
        return urls_in_text(data.decode("utf-8", "replace"))
    if kind == "page":
        return Links("page", ())
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _json_feed(data, base_url)
    return _xml_links(data, base_url)


def urls_in_text(text: str) -> Links:
    """One URL per line; blank lines and lines starting with ``#`` are ignored, and so is
    anything after whitespace on a line (``URL  # note``)."""
    urls: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        urls.append(line.split()[0])
    return _links("urls", urls, None)


def _looks_like_url_list(head: bytes) -> bool:
    lines = [
        line.strip()
        for line in head.decode("utf-8", "replace").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    return bool(lines) and all("://" in line.split()[0] for line in lines[:20])


def _root_name(head: bytes) -> str | None:
    """The first element's name in the first bytes of an XML document (after the declaration,
    comments and a doctype), lower-case; None if there is none."""
    text = head.decode("utf-8", "replace")
    i = 0
    while True:
        i = text.find("<", i)
        if i < 0 or i + 1 >= len(text):
            return None
        if text[i + 1] in "?!":
            end = text.find(">", i)
            if end < 0:
                return None
            i = end + 1
            continue
        name = ""
        for ch in text[i + 1 :]:
            if ch.isspace() or ch in "/>":
                break
            name += ch
        return name or None


def _json_feed(data: bytes, base_url: str) -> Links:
    try:
        feed: Any = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise LinkError(f"not a readable JSON Feed ({exc})") from exc
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise LinkError("not a JSON Feed (no list of items)")
    urls: list[str] = []
    for item in feed["items"]:
        if isinstance(item, dict):
            link = item.get("url") or item.get("external_url")
            if isinstance(link, str):
                urls.append(urljoin(base_url, link.strip()))
    title = feed.get("title")
    return _links("feed", urls, title if isinstance(title, str) else None)


class _Forbidden(Exception):
    pass


def _xml_links(data: bytes, base_url: str) -> Links:
    """Article links of an RSS/RDF/Atom feed, or the feeds of an OPML file."""
    parser = xml.parsers.expat.ParserCreate()
    # Never read a DTD or entity from anywhere, and refuse the declarations attacks need.
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def forbid(*_args: object) -> None:
        raise _Forbidden("the file declares XML entities, which kimreader does not read")

    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid  # type: ignore[assignment]

    stack: list[str] = []
    urls: list[str] = []
    text: list[str] = []
    title: list[str] = []
    root: list[str] = []
    count = 0
    # An RSS item without a <link> may still name its page in a permalink <guid>.
    item_start = 0
    guid: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count, item_start
        count += 1
        if count > _MAX_ELEMENTS or len(stack) >= _MAX_DEPTH:
            raise _Forbidden("the file is too large or too deeply nested to be a feed")
        local = name.rsplit(":", 1)[-1].lower()
        if not root:
            root.append(local)
        parent = stack[-1] if stack else ""
        stack.append(local)
        text.clear()
        if local == "item":
            item_start = len(urls)
            guid.clear()
        elif local == "guid" and attrs.get("isPermaLink", "true").lower() == "false":
            guid.append("")  # a bare id, not a link: marks the guid as unusable
        if local == "outline" and attrs.get("xmlUrl"):
            urls.append(urljoin(base_url, attrs["xmlUrl"].strip()))
        elif (
            local == "link"
            and parent == "entry"
            and "href" in attrs
            and attrs.get("rel", "alternate") == "alternate"
        ):
            urls.append(urljoin(base_url, attrs["href"].strip()))

    def end(name: str) -> None:
        local = stack.pop() if stack else ""
        parent = stack[-1] if stack else ""
        value = "".join(text).strip()
        text.clear()
        if local == "link" and parent == "item" and value:
            urls.append(urljoin(base_url, value))
        elif local == "guid" and parent == "item" and not guid and "://" in value:
            guid.append(urljoin(base_url, value))
        elif local == "item" and len(urls) == item_start and guid and guid[0]:
            urls.append(guid[0])
        elif local == "title" and parent in ("channel", "feed", "head") and not title:
            title.append(value)

    def chars(data: str) -> None:
        if sum(map(len, text)) < 65536:
            text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except _Forbidden as exc:
        raise LinkError(str(exc)) from None
    except xml.parsers.expat.ExpatError as exc:
        raise LinkError(
            f"not well-formed XML ({xml.parsers.expat.errors.messages[exc.code]}, "
            f"line {exc.lineno})"
        ) from None
    kind: Kind = "opml" if root and root[0] == "opml" else "feed"
    return _links(kind, urls, title[0] if title and title[0] else None)


def _links(kind: Kind, urls: list[str], title: str | None) -> Links:
    unique = list(dict.fromkeys(u for u in urls if u))
    return Links(kind, tuple(unique[:MAX_LINKS]), title, max(0, len(unique) - MAX_LINKS))
