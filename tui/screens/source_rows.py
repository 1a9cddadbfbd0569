"""What the main screen's source list shows: its entries and its title.

Plain functions over the session's catalog, a search result and an entity filter, so the
screen only hands their output to the list. Written for speed: they run once per source,
50,000 times in a large corpus, on every fill of the list.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from search_index.models import ArticleInfo, Entity, Hit, SearchResult
from search_index.versions import Version

from ..render import printable
from ..widgets.source_entries import SourceEntry

__all__ = ["catalog_entries", "hit_entries", "list_title"]


def catalog_entries(
    articles: Iterable[ArticleInfo],
    *,
    entity: Entity | None,
    marked: Collection[str],
    versions: Mapping[str, Version],
) -> list[SourceEntry]:
    """One entry per article (those ``entity`` is found in, if given): title, then outlet,
    day, version and mark."""
    # The day straight from the datetime, no join, and no cleaning of the text (the list makes
    # each row it draws printable, and only those). A set: the entity's sources are a tuple,
    # and an entity found in thousands of sources made each lookup a scan.
    wanted_ids = set(entity.sources) if entity is not None else None
    entries: list[SourceEntry] = []
    for article in articles:
        article_id = article.id
        if wanted_ids is not None and article_id not in wanted_ids:
            continue
        outlet = article.outlet
        day = article.published.value.date().isoformat() if article.published else None
        meta = f"{outlet} · {day}" if outlet and day else outlet or day or ""
        version = versions.get(article_id)
        if version is not None:  # a capture of a page, not another outlet's report
            meta = f"{version.label} · {meta}" if meta else version.label
        if article_id in marked:
            meta = f"★ · {meta}" if meta else "★"
        entries.append(SourceEntry(article_id, article.title, meta or article_id))
    return entries


def hit_entries(
    hits: Iterable[Hit], articles: Mapping[str, ArticleInfo], entity: Entity | None
) -> list[SourceEntry]:
    """One entry per hit on a listed article (that ``entity`` is found in, if given): title,
    then the match count and the snippet."""
    entries = []
    for hit in hits:
        article = articles.get(hit.id)
        if article is None or (entity is not None and hit.id not in entity.sources):
            continue
        count = len(hit.matches)
        meta = f"{count} {'match' if count == 1 else 'matches'} · {hit.snippet.text[:160]}"
        entries.append(SourceEntry(hit.id, article.title, meta))
    return entries


def list_title(result: SearchResult | None, shown: int, entity: Entity | None) -> str:
    """The list's border title: "Sources", or how many matches of how many are listed, and the
    entity filtered by."""
    title = "Sources"
    if result is not None and not result.error:
        # The whole ranking's size: the list holds its first pages and loads more as it is
        # scrolled.
        noun = "match" if result.total == 1 else "matches"
        title = f"{result.total:,} {noun}"
        if result.has_more or shown != result.total:
            title = f"{shown:,} of {title}"
    if entity is not None:
        title += f" · {printable(entity.name)}"
    return title
