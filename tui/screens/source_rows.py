"""What the main screen's source list shows: its entries and its title.

Plain functions over the session's catalog, a search result and an entity filter, so the
screen only hands their output to the list. Written for speed: they run once per source,
50,000 times in a large corpus, on every fill of the list.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime

from search_index.models import ArticleInfo, Entity, Hit, SearchResult, Snippet
from search_index.stories import Story
from search_index.versions import Version

from ..render import printable
from ..widgets.source_entries import SourceEntry
from .reader_marks import occurrences

__all__ = [
    "SINGLES",
    "STORY_ROW",
    "catalog_entries",
    "centred_snippet",
    "hit_entries",
    "list_title",
    "source_line",
    "story_entries",
    "story_of_row",
    "worth_grouping",
]

# A story's header row has this id prefix: "/" cannot be in an article id (a file's stem).
STORY_ROW = "story/"
# The group of the articles no other source reports (stories of one), listed last.
SINGLES = "~single"
# A hit's snippet in the list: this much before the hit word at most, this much in all.
SNIPPET_LEAD = 10
SNIPPET_SHOWN = 160


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
        meta = source_line(article)
        version = versions.get(article_id)
        if version is not None:  # a capture of a page, not another outlet's report
            meta = f"{version.label} · {meta}" if meta else version.label
        if article_id in marked:
            meta = f"★ · {meta}" if meta else "★"
        entries.append(SourceEntry(article_id, article.title, meta or article_id))
    return entries


def source_line(article: ArticleInfo) -> str:
    """The list's second line for a source: ``outlet · day``, whichever of them is known, or
    "" (the caller shows the file's id then)."""
    outlet = article.outlet
    day = article.published.value.date().isoformat() if article.published else None
    return f"{outlet} · {day}" if outlet and day else outlet or day or ""


def centred_snippet(snippet: Snippet, lead: int = SNIPPET_LEAD) -> str:
    """The snippet from a word boundary at most ``lead`` characters before its first hit, so
    the row shows the hit word with a little context, however narrow the list."""
    text = snippet.text
    if not snippet.highlights:
        return text[:SNIPPET_SHOWN]
    hit = snippet.highlights[0].start
    if hit <= lead:
        return text[: hit + SNIPPET_SHOWN]
    start = text.find(" ", hit - lead, hit)
    start = hit if start < 0 else start + 1
    return "…" + text[start : start + SNIPPET_SHOWN]


def hit_entries(
    hits: Iterable[Hit], articles: Mapping[str, ArticleInfo], entity: Entity | None
) -> list[SourceEntry]:
    """One entry per hit on a listed article (that ``entity`` is found in, if given): title,
    then outlet and day as in the catalog (when either is known), the count of occurrences
    and the snippet from just before its first hit. A hit by an entity field alone has no
    count (its mentions are counted once the article is open)."""
    entries = []
    for hit in hits:
        article = articles.get(hit.id)
        if article is None or (entity is not None and hit.id not in entity.sources):
            continue
        # Without outlet and date the id is left out: it would fill the row, and the snippet
        # is what tells one hit from another (the reader's header names the file).
        parts = [source_line(article)] if article.outlet or article.published else []
        count = len(occurrences((m.start, m.end) for m in hit.matches))
        if count:
            parts.append(f"{count} {'match' if count == 1 else 'matches'}")
        parts.append(centred_snippet(hit.snippet))
        entries.append(SourceEntry(hit.id, article.title, " · ".join(parts)))
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


def worth_grouping(articles: Collection[ArticleInfo], stories: list[Story] | None) -> bool:
    """Whether grouping tells anything apart: two groups or more (stories of several sources,
    and the articles no other source reports). One story alone, as in the seeds, stays a list."""
    if stories is None:
        return False
    several = [s for s in stories if len(s.members) > 1]
    in_stories = sum(len(s.members) for s in several)
    return len(several) + (in_stories < len(articles)) >= 2


def story_of_row(row_id: str) -> str | None:
    """The story id of a header row, None for an article's row."""
    return row_id[len(STORY_ROW) :] if row_id.startswith(STORY_ROW) else None


def story_entries(
    articles: Iterable[ArticleInfo],
    stories: Iterable[Story],
    *,
    entity: Entity | None,
    marked: Collection[str],
    versions: Mapping[str, Version],
    folded: Collection[str],
    conflicts: Mapping[str, int],
) -> list[SourceEntry]:
    """The list grouped by story, newest story first: a header row per story (its name, how many
    sources, how many facts they conflict on once counted, its dates), then its sources by date
    unless ``folded``. Articles no other source reports come last, under one header."""
    by_id = {a.id: a for a in articles}
    singles: list[ArticleInfo] = []
    entries: list[SourceEntry] = []
    for story in stories:
        members = [by_id[i] for i in story.members if i in by_id]
        if len(members) < 2:
            singles += members
            continue
        rows = catalog_entries(_by_date(members), entity=entity, marked=marked, versions=versions)
        if rows:
            folds = story.id in folded
            entries.append(_header(story.id, story.name, len(members), story, conflicts, folds))
            if story.id not in folded:
                entries += rows
    grouped = {i for story in stories for i in story.members}
    singles += [a for a in by_id.values() if a.id not in grouped]  # not grouped yet: new files
    rows = catalog_entries(_by_date(singles), entity=entity, marked=marked, versions=versions)
    if rows:
        folds = SINGLES in folded
        entries.append(_header(SINGLES, "Reported by one source", len(singles), None, {}, folds))
        if SINGLES not in folded:
            entries += rows
    return entries


def _by_date(articles: list[ArticleInfo]) -> list[ArticleInfo]:
    """Oldest first (who reported first), undated last; naive and aware dates compare."""

    def key(article: ArticleInfo) -> tuple[bool, datetime, str]:
        when = article.published.value.replace(tzinfo=None) if article.published else datetime.min
        return (article.published is None, when, article.id)

    return sorted(articles, key=key)


def _header(
    story_id: str,
    name: str,
    count: int,
    story: Story | None,
    conflicts: Mapping[str, int],
    folded: bool,
) -> SourceEntry:
    meta = [f"{count} sources"]
    if story is not None:
        counted = conflicts.get(story_id)
        if counted is not None:
            meta.append(f"{counted} conflicting" if counted else "no conflict")
        if story.first is not None:
            span = story.first.isoformat()
            if story.last is not None and story.last != story.first:
                span += f" – {story.last.isoformat()}"
            meta.append(span)
    title = f"{'▸' if folded else '▾'} {name}"
    return SourceEntry(f"{STORY_ROW}{story_id}", title, " · ".join(meta), heading=True)
