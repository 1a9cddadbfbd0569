"""The catalog: what article lists need of every article, in one small file beside the index.

Opening a 50,000-article corpus reads this file instead of unpickling every stored document.
It is a cache, stamped with the index version it describes: a catalog that does not match the
index is rebuilt from the stored documents (see IndexStore.catalog).
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from ..files import write_atomically
from ..models import Article, ArticleInfo, PublishedDate
from . import schema

# id -> what lists need (fingerprint, title, outlet, date, words): one small file read instead
# of every stored document, so opening a 50,000-article corpus does not unpickle 50,000 bodies.
CATALOG_NAME = "kimreader-catalog.json"


def _catalog_entry(article: Article) -> dict[str, Any]:
    published = article.published
    return {
        "fingerprint": article.content_hash,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "published": published.value.isoformat() if published else None,
        "has_time": bool(published and published.has_time),
        "url": article.url,
        "words": article.words,
        "format": article.format,
        "source_url": article.source_url,
    }


def info_from_entry(article_id: str, entry: dict[str, Any]) -> ArticleInfo:
    published = entry.get("published")
    return ArticleInfo(
        id=article_id,
        path=str(entry.get("path", "")),
        title=str(entry.get("title") or article_id),
        outlet=entry.get("outlet"),
        published=(
            PublishedDate(datetime.fromisoformat(published), bool(entry.get("has_time")))
            if published
            else None
        ),
        url=entry.get("url"),
        words=int(entry.get("words") or 0),
        fingerprint=str(entry.get("fingerprint", "")),
        format=str(entry.get("format") or "text"),
        source_url=entry.get("source_url"),
    )


def _read_catalog(folder: Path | None, version: str) -> dict[str, dict[str, Any]] | None:
    """The catalog saved in ``folder`` for index ``version``, or None (none, unreadable, or
    written for another version)."""
    if folder is None:
        return None
    try:
        data = json.loads((folder / CATALOG_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # a cache file nested absurdly deep
        return None
    # A process killed between its commit and its catalog write leaves a catalog of the
    # index before: the version it was written for says so.
    if not isinstance(data, dict) or data.get("schema") != schema.SCHEMA_VERSION:
        return None
    if data.get("version") != version:
        return None
    entries = data.get("articles")
    return entries if isinstance(entries, dict) else None


def _write_catalog(folder: Path | None, catalog: dict[str, dict[str, Any]], version: str) -> None:
    if folder is None:
        return
    data = {"schema": schema.SCHEMA_VERSION, "version": version, "articles": catalog}
    # The catalog is a cache: it is rebuilt when missing. The folder may be gone too.
    with contextlib.suppress(OSError):
        write_atomically(folder / CATALOG_NAME, json.dumps(data, ensure_ascii=False))
