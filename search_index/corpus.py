"""Finding article files in a corpus folder (a feed's items included) and fingerprinting them,
so that a refresh reads only what changed; article_reader.py reads each one into an Article.

Nothing here writes into the corpus folder, and one bad file never stops the rest: each is
returned as a SkippedFile with a reason a person can act on.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .corpus_files import LINK_OUTSIDE, Listing, Stat, read_bytes, stat_of, walk_listing
from .formats import kinds
from .formats.encoding import decode
from .ids import assign_ids
from .models import SkippedFile
from .sidecar import Overrides, load_sidecar
from .text import replace_surrogates

# Re-exported: decoding and the link rule were read from here before they had modules of their own.
__all__ = ["LINK_OUTSIDE", "decode"]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""The largest plain-text file read (saved pages and feeds: formats.kinds.MAX_BYTES)."""
# Bump when reading or metadata inference changes, so stored articles are read again.
# 5: a Markdown headline without "#"; 6: "on Feb. 4, 2009"; 7: "5:03p"; 8: "SUNNYVALE, Calif.
# —2/29/2012" (a press release's place and date).
READER_VERSION = "8"
# 8: a press release's dateline "SUNNYVALE, Calif. —2/29/2012"


class CorpusError(Exception):
    """The corpus folder itself cannot be used (missing, not a folder, unreadable)."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """An article file found in the corpus, not yet parsed."""

    id: str
    location: str
    """The file's full path as a string: a Path is made only for a file that is read."""
    relpath: str
    fingerprint: str
    """Changes whenever the file's bytes, its metadata overrides or the reader change."""
    content_digest: str = ""
    """SHA-256 of the bytes the fingerprint was taken from: reading checks the file still has
    them, so an article is never stored under the fingerprint of other bytes."""
    format: str = kinds.TEXT
    item: str = ""
    """For a feed's item: its key within the feed (formats.feed.FeedItem.key)."""

    @property
    def path(self) -> Path:
        return Path(self.location)


@dataclass(frozen=True, slots=True)
class Discovery:
    root: Path
    files: tuple[SourceFile, ...]
    skipped: tuple[SkippedFile, ...]
    warnings: tuple[str, ...]
    overrides: dict[str, Overrides]
    stamps: dict[str, FileStamp] = field(default_factory=dict)
    """What each article file looked like (by relative path), for the next ``discover``."""

    def by_id(self) -> dict[str, SourceFile]:
        return {f.id: f for f in self.files}


def check_corpus_dir(corpus_dir: Path) -> Path:
    path = corpus_dir.expanduser()
    if not path.exists():
        raise CorpusError(f"corpus folder not found: {path}")
    if not path.is_dir():
        raise CorpusError(f"corpus is not a folder: {path}")
    if not os.access(path, os.R_OK | os.X_OK):
        raise CorpusError(f"corpus folder is not readable: {path}")
    return path.resolve()


@dataclass(frozen=True, slots=True)
class FileStamp:
    """A file's size, modification and change times and inode when its bytes had this SHA-256.

    The change time is there because the modification time can be set back (``touch -d``, tools
    that preserve it, a restore): an edit of the same size would then never be read again. The
    change time cannot be set by a user, and every write or ``utime`` moves it on.
    """

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    content_digest: str
    kind: str = ""
    """"" for a file that is one article; FEED_STAMP for a feed (``items`` lists its items);
    NOT_AN_ARTICLE for an .xml/.json file that is not a feed (not read again until it
    changes)."""
    items: tuple[tuple[str, str, str], ...] = ()
    """A feed's items as (slug, key, digest), so an unchanged feed is not parsed again."""


FEED_STAMP = "feed"
NOT_AN_ARTICLE = "other"


# A stamp is trusted only for a file last modified this long before the scan that took it: a
# write within the file system's timestamp granularity of that scan may not change the mtime.
RACY_NS = 2_000_000_000


def discover(
    corpus_dir: Path,
    analysis_version: str = "",
    *,
    stamps: Mapping[str, FileStamp] | None = None,
    stamped_at_ns: int = 0,
    listing: Listing | None = None,
) -> Discovery:
    """List the corpus's article files with their fingerprints; report the ones to skip.

    ``analysis_version`` names what is computed from each article at index time, so that a
    new extractor re-reads every file. ``stamps`` (a previous discovery's, taken when the
    clock read ``stamped_at_ns``) spare reading and hashing the files whose size, mtime and
    inode are unchanged: that is what made refreshing a 10,000-article corpus take a second.
    ``listing`` is a walk of the folder already made, with each file's stat (the refresh's
    snapshot, clean_state.py): the folder is then not walked and stat'ed a second time.
    """
    root = check_corpus_dir(corpus_dir)
    overrides, warnings = load_sidecar(root)
    skipped: list[SkippedFile] = []
    found: list[_Found] = []
    new_stamps: dict[str, FileStamp] = {}
    known = stamps or {}
    version = f"{READER_VERSION}|{analysis_version}"
    # Paths stay strings (a Path is made only for a file read): at 10,000 files, three Path
    # objects per file were most of what a refresh that reads nothing cost.
    if listing is None:
        listing = walk_listing(root, with_stats=False)
    for rel, why in listing.problems:
        skipped.append(SkippedFile(shown_path(rel), why))
    for rel, seen in listing.files.items():
        name = listing.path_of(rel)
        fmt = kinds.kind_of(name)
        stamp = _unchanged(name, known.get(rel), stamped_at_ns, seen, listing.stated)
        if stamp is None:
            before = stat_of(name)
            data, problem = read_capped(Path(name), root)
            if data is None or problem is not None:
                # An .xml or .json file that cannot be read is not known to be a feed: left
                # alone, like any other file that is not an article.
                if fmt is not None:
                    skipped.append(SkippedFile(shown_path(rel), problem or "unreadable"))
                continue
            content = hashlib.sha256(data).hexdigest()
            kind, items, problem = _feed_items(name, fmt, data, content)
            if problem is not None:
                skipped.append(SkippedFile(shown_path(rel), problem))
                continue
            if before is not None and before == stat_of(name):
                stamp = FileStamp(*before, content, kind, items)
        else:
            content, kind, items = stamp.content_digest, stamp.kind, stamp.items
        if stamp is not None:
            new_stamps[rel] = stamp
        if kind == NOT_AN_ARTICLE:
            continue
        digest = hashlib.sha256(f"{content}|{version}".encode()).hexdigest()
        fmt = kinds.FEED if kind == FEED_STAMP else fmt or kinds.TEXT
        found.append(_Found(name, rel, digest, content, fmt, items))

    ids = assign_ids([f.rel for f in found])
    files: list[SourceFile] = []
    taken = set(ids)
    for entry, article_id in zip(found, ids, strict=True):
        if entry.format == kinds.FEED:
            files.extend(_item_files(entry, article_id, taken, version, overrides))
            continue
        digest = entry.digest
        override = overrides.get(article_id) or overrides.get(entry.rel)
        if override is not None:
            digest = hashlib.sha256(f"{digest}|{override!r}".encode()).hexdigest()
        files.append(
            SourceFile(article_id, entry.name, entry.rel, digest, entry.content, entry.format)
        )
    files.sort(key=lambda f: f.id)
    skipped.sort(key=lambda s: s.path)
    return Discovery(root, tuple(files), tuple(skipped), warnings, overrides, new_stamps)


@dataclass(frozen=True, slots=True)
class _Found:
    name: str
    rel: str
    digest: str
    content: str
    format: str
    items: tuple[tuple[str, str, str], ...]


def _feed_items(
    name: str, fmt: str | None, data: bytes, content: str
) -> tuple[str, tuple[tuple[str, str, str], ...], str | None]:
    """(stamp kind, items, problem) for a file just read: its items if it is a feed."""
    if fmt not in (None, kinds.FEED):
        return "", (), None
    kind = kinds.sniff_feed(data)
    if kind is None:
        if fmt is None:  # an .xml or .json file that is not a feed: not an article file
            return NOT_AN_ARTICLE, (), None
        return "", (), "not an RSS, Atom or JSON feed"
    from .formats.page import NotAnArticle
    from .formats.reading import feed_of

    try:
        feed = feed_of(data, content, kind)
    except NotAnArticle as exc:
        return "", (), str(exc)
    return FEED_STAMP, tuple((i.slug, i.key, i.digest) for i in feed.items), None


def _item_files(
    entry: _Found,
    feed_id: str,
    taken: set[str],
    version: str,
    overrides: dict[str, Overrides],
) -> list[SourceFile]:
    """One SourceFile per feed item: id ``<feed id>/<item slug>``, fingerprint from the
    item's own digest, so a feed that gains an item re-reads only that item."""
    files = []
    for slug, key, item_digest in entry.items:
        article_id = f"{feed_id}/{slug}"
        if article_id in taken:  # a file's id already reads like this item's: tell them apart
            suffix = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
            article_id = f"{article_id}~{suffix[:8]}"
        taken.add(article_id)
        digest = hashlib.sha256(f"{item_digest}|{version}".encode()).hexdigest()
        override = overrides.get(article_id)
        if override is not None:
            digest = hashlib.sha256(f"{digest}|{override!r}".encode()).hexdigest()
        files.append(
            SourceFile(article_id, entry.name, entry.rel, digest, entry.content, kinds.FEED, key)
        )
    return files


def _unchanged(
    path: str, stamp: FileStamp | None, stamped_at_ns: int, seen: Stat | None, stated: bool
) -> FileStamp | None:
    """The stamp, if the file is as it records (``seen`` is its stat when the listing took
    one, ``stated``; else it is read now)."""
    # Only the mtime need be old: a write sets it to now, so a later write is seen even when the
    # change time (moved on by backdating the mtime, say) is recent.
    if stamp is None or stamp.mtime_ns >= stamped_at_ns - RACY_NS:
        return None
    now = seen if stated else stat_of(path)
    return stamp if now == (stamp.size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode) else None


def shown_path(rel: str) -> str:
    # Kept as it is, so that it still names the file (displays guard its control characters),
    # except for the undecodable bytes of a name, which nothing could write out.
    return replace_surrogates(rel)


def read_capped(path: Path, root: Path) -> tuple[bytes | None, str | None]:
    """The file's bytes, or why not, within its format's size cap (corpus_files.read_bytes)."""
    return read_bytes(path, root, _max_bytes(path.name))


def _max_bytes(name: str) -> int:
    fmt = kinds.kind_of(name)
    if fmt in (None, kinds.TEXT, kinds.MARKDOWN):
        return MAX_ARTICLE_BYTES if fmt else kinds.MAX_BYTES[kinds.FEED]
    return max(MAX_ARTICLE_BYTES, kinds.MAX_BYTES[fmt])
