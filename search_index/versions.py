"""Captures of one web page fetched at different times, read as versions of one article (its
edit history), not as articles from different outlets.

``kimreader fetch`` keeps every capture whose bytes changed, each with a provenance record
(requested and final URL, fetch time). Two captures are of one page when they share a URL:
the one asked for or the one a redirect led to (``http://x`` redirected to ``https://x``, and
later ``https://x`` asked for directly, are one page). Versions are numbered by fetch time.

``group_versions`` works on plain data; ``versions_of_files`` reads the records beside the
articles' files first (``provenance.read_provenance``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .provenance import MalformedProvenance, Provenance, read_provenance

__all__ = [
    "Capture",
    "Version",
    "group_versions",
    "page_key",
    "parse_fetched_at",
    "versions_by_first",
    "versions_of_files",
]


@dataclass(frozen=True, slots=True)
class Capture:
    """What versions need to know about one article's provenance."""

    article_id: str
    requested_url: str
    final_url: str
    fetched_at: datetime

    @classmethod
    def of(cls, article_id: str, record: Provenance) -> Capture:
        return cls(article_id, record.requested_url, record.final_url, record.fetched_at)


@dataclass(frozen=True, slots=True)
class Version:
    """Where an article stands in its page's history: ``number`` of ``count`` (1 the earliest),
    the earliest capture's id (the article this is a version of) and the one before it."""

    article_id: str
    number: int
    count: int
    first_id: str
    previous_id: str | None
    url: str
    fetched_at: datetime

    @property
    def label(self) -> str:
        """``v2 of <first id>``; the first says how many there are: ``v1 (3 versions)``."""
        if self.number == 1:
            return f"v1 ({self.count} versions)"
        return f"v{self.number} of {self.first_id}"


def page_key(url: str) -> str:
    """The form of a URL two captures are compared by: no fragment, scheme and host in lower
    case (they are case-insensitive; the path is not)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def parse_fetched_at(value: str) -> datetime | None:
    """A provenance record's ``fetched_at`` (ISO 8601, ``Z`` or an offset; a time without an
    offset is read as UTC), or None when unreadable."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def group_versions(captures: Iterable[Capture]) -> dict[str, Version]:
    """Every article that is one of two or more captures of a page, by id, with its version.
    An article captured once is left out: it has no history to show."""
    items = list(captures)
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = key
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[key] != root:  # path compression keeps later finds short
            parent[key], key = root, parent[key]
        return root

    for item in items:
        a, b = find(page_key(item.requested_url)), find(page_key(item.final_url))
        if a != b:
            parent[max(a, b)] = min(a, b)
    pages: dict[str, list[Capture]] = {}
    for item in items:
        pages.setdefault(find(page_key(item.requested_url)), []).append(item)
    versions: dict[str, Version] = {}
    for members in pages.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda c: (c.fetched_at, c.article_id))
        first = members[0]
        for number, capture in enumerate(members, start=1):
            versions[capture.article_id] = Version(
                capture.article_id,
                number,
                len(members),
                first.article_id,
                members[number - 2].article_id if number > 1 else None,
                first.final_url,
                capture.fetched_at,
            )
    return versions


def versions_by_first(versions: Mapping[str, Version]) -> dict[str, list[Version]]:
    """The same versions grouped by page (the earliest capture's id), each list in order."""
    pages: dict[str, list[Version]] = {}
    for version in versions.values():
        pages.setdefault(version.first_id, []).append(version)
    for members in pages.values():
        members.sort(key=lambda v: v.number)
    return pages


def versions_of_files(articles: Iterable[tuple[str, str]]) -> dict[str, Version]:
    """:func:`group_versions` of the articles ``(id, path)`` whose file has a provenance record
    beside it. A record that cannot be read leaves its article out (the corpus scan already
    reported it)."""
    captures: list[Capture] = []
    for article_id, path in articles:
        try:
            record = read_provenance(Path(path))
        except MalformedProvenance:
            continue
        if record is not None:
            captures.append(Capture.of(article_id, record))
    return group_versions(captures)
