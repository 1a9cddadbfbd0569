"""Reading one article file (or one feed item) found by ``corpus.discover`` into an Article:
decoding, the format's reader (text, Markdown, HTML, MHTML, feed item), metadata inference,
overrides from kimreader.toml or front matter, and the provenance of a fetched page.

Reading never writes anything into the corpus folder, and one bad file never stops the rest:
it comes back as a SkippedFile with a reason a person can act on.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from .corpus import SourceFile, read_capped, shown_path
from .corpus_files import stat_of
from .formats import kinds
from .formats.encoding import decode, repair_mojibake
from .models import Article, SkippedFile
from .provenance import (
    MalformedProvenance,
    Provenance,
    read_provenance,
)
from .sidecar import Overrides, split_front_matter
from .text import clean_label, strip_controls

__all__ = ["CHANGED_WHILE_READ", "read_article"]


def read_article(source: SourceFile, overrides: dict[str, Overrides]) -> Article | SkippedFile:
    """Decode, clean and describe one file; a file with no article text is skipped."""
    shown = shown_path(source.relpath)
    data = _last_feed_bytes(source)  # already checked against the digest when it was read
    if data is None:
        root = source.path.parents[len(Path(source.relpath).parts) - 1]
        data, problem = read_capped(source.path, root)
        if data is None or problem is not None:
            return SkippedFile(shown, problem or "unreadable")
        if source.item:
            _remember_feed_bytes(source, data)
        changed = hashlib.sha256(data).hexdigest() != source.content_digest
    else:
        changed = False
    if source.content_digest and changed:
        # Stored under the old fingerprint, these bytes would never be read again if the file
        # went back to its old content (a rewrite in place caught half-way).
        return SkippedFile(shown, CHANGED_WHILE_READ)
    provenance, notes = _provenance(source.path, data)
    if provenance is not None and provenance.status >= 400:
        return SkippedFile(
            shown, f"saved from an HTTP {provenance.status} response, not an article"
        )
    if source.format in (kinds.TEXT, kinds.MARKDOWN):
        article = _read_text(source, shown, data)
    else:
        article = _read_formatted(source, shown, data, provenance)
    if isinstance(article, SkippedFile):
        return article
    if provenance is not None:
        article = replace(
            article,
            url=article.url or provenance.final_url,
            source_url=provenance.final_url,
            fetched_at=provenance.fetched_at_text,
        )
    if notes:
        article = replace(article, notes=(*article.notes, *notes))
    return _overridden(article, source, overrides)


# The feed file whose items are being read: (location, stat, digest, bytes). Its N items would
# otherwise read and hash the whole file N times (1,000 items of a 10 MiB feed: 10 GB hashed).
_last_feed: tuple[str, tuple[int, int, int, int], str, bytes] | None = None


def _last_feed_bytes(source: SourceFile) -> bytes | None:
    """The feed's bytes as last read, while the file is as it was then (same size, times and
    inode) and they are the bytes this item was found in."""
    last = _last_feed
    if not source.item or last is None or last[0] != source.location:
        return None
    if last[2] != source.content_digest or stat_of(source.location) != last[1]:
        return None
    return last[3]


def _remember_feed_bytes(source: SourceFile, data: bytes) -> None:
    global _last_feed
    before = stat_of(source.location)
    digest = hashlib.sha256(data).hexdigest()
    if before is not None and digest == source.content_digest:
        _last_feed = (source.location, before, digest, data)


def _read_text(source: SourceFile, shown: str, data: bytes) -> Article | SkippedFile:
    from .metadata import infer_metadata  # its patterns compile only when a file is read

    text, note = decode(data)
    text, repaired = repair_mojibake(strip_controls(text))
    front, text = split_front_matter(text)
    inferred = infer_metadata(text)
    if not inferred.body.strip():
        return SkippedFile(shown, "no article text after removing page furniture")
    article = Article(
        id=source.id,
        path=shown,
        title=_markdown_title(inferred.title, source.format) or _title_from_name(source),
        outlet=inferred.outlet,
        published=inferred.published,
        url=None,
        body=inferred.body,
        content_hash=source.fingerprint,
        notes=tuple(n for n in (note, repaired) if n),
        format=source.format,
    )
    return _apply(article, front) if front is not None else article


# An ATX heading's markers ("# Title", "## Title ##"): the headline of a Markdown article is
# its first heading, and the list, the reports and the diff name it without them.
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def _markdown_title(title: str | None, fmt: str) -> str | None:
    if title is None or fmt != kinds.MARKDOWN:
        return title
    heading = _ATX_HEADING.match(title)
    return heading.group(1).strip() or title if heading else title


def _read_formatted(
    source: SourceFile, shown: str, data: bytes, provenance: Provenance | None
) -> Article | SkippedFile:
    """A saved page, a page archive or a feed item, through formats/."""
    from .formats.page import NotAnArticle
    from .formats.reading import read_page

    try:
        page = read_page(
            source.format,
            data,
            content_digest=source.content_digest or hashlib.sha256(data).hexdigest(),
            item=source.item,
            url=provenance.final_url if provenance else None,
        )
    except NotAnArticle as exc:
        return SkippedFile(shown, str(exc))
    body, repaired = repair_mojibake(strip_controls(page.body))
    title, _ = repair_mojibake(clean_label(strip_controls(page.title)))
    if not body.strip():
        return SkippedFile(shown, "no article text")
    return Article(
        id=source.id,
        path=shown,
        title=title or _title_from_name(source),
        outlet=page.outlet,
        published=page.published,
        url=page.url,
        body=body,
        content_hash=source.fingerprint,
        notes=tuple(n for n in (*page.notes, repaired) if n),
        format=source.format,
        author=page.author,
        language=page.language,
        is_summary=page.is_summary,
    )


def _provenance(path: Path, data: bytes) -> tuple[Provenance | None, tuple[str, ...]]:
    """The file's provenance record, if it has one, and what is wrong with it, if anything."""
    try:
        record = read_provenance(path)
    except MalformedProvenance as exc:
        return None, (f"provenance record ignored: {exc}",)
    if record is None:
        return None, ()
    if not record.matches(data):
        return record, (
            "the file was changed after it was fetched (its SHA-256 differs from "
            "its provenance record's)",
        )
    return record, ()


def _overridden(article: Article, source: SourceFile, overrides: dict[str, Overrides]) -> Article:
    layer = overrides.get(source.id) or (None if source.item else overrides.get(source.relpath))
    return _apply(article, layer) if layer is not None else article


CHANGED_WHILE_READ = "changed while being indexed; read again next time"


def _title_from_name(source: SourceFile) -> str:
    stem = source.path.stem.replace("_", " ").replace("-", " ")
    return clean_label(stem) or clean_label(source.path.name) or source.id


def _apply(article: Article, overrides: Overrides) -> Article:
    changes: dict[str, object] = {}
    if overrides.title:
        changes["title"] = overrides.title
    if overrides.outlet:
        changes["outlet"] = overrides.outlet
    if overrides.published is not None:
        changes["published"] = overrides.published
    if overrides.url:
        changes["url"] = overrides.url
    return replace(article, **changes) if changes else article  # type: ignore[arg-type]
