"""What the command palette (ctrl+p) offers beyond Textual's own commands: the main screen's
actions, the corpus views, help, comparing, and opening any of the first articles listed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from textual.app import SystemCommand
from textual.markup import escape

from search_index.models import ArticleInfo

from .render import printable
from .screens.main import MainScreen

__all__ = ["ARTICLES_LISTED", "kimreader_commands"]

# The palette filters what it is given as the user types; it is offered the first articles
# listed, not every one of a large corpus.
ARTICLES_LISTED = 500


def kimreader_commands(
    main: MainScreen,
    articles: Sequence[ArticleInfo],
    *,
    show_overview: Callable[[], object],
    show_timeline: Callable[[], object],
    show_help: Callable[[], object],
    compare_with: Callable[[str], object],
    keymap: Mapping[str, str] | None = None,
) -> Iterator[SystemCommand]:
    """The palette's kimreader commands, for the main screen and the articles listed; each names
    its key as ``keymap`` (binding id -> keys, from config.toml) has it."""
    keys = keymap or {}

    def key(binding_id: str, default: str) -> str:
        return escape(printable(keys.get(binding_id, default)))

    yield SystemCommand(
        "Search", f"Search the corpus ({key('search', '/')})", main.action_start_search
    )
    yield SystemCommand(
        "Entity panel",
        f"Toggle the entity panel ({key('entities', 'e')})",
        main.action_toggle_entities,
    )
    yield SystemCommand(
        "Story overview",
        "Facts by sources, the consensus, who differs and who reported first "
        f"({key('overview', 'M')})",
        show_overview,
    )
    yield SystemCommand(
        "Timeline", f"Dated events from every source ({key('timeline', 't')})", show_timeline
    )
    yield SystemCommand("Help", f"Keys and what they do ({key('help', '?')})", show_help)
    if main.current is not None:
        current = main.current.id
        yield SystemCommand(
            "Compare…",
            f"Compare this source with another ({key('compare', 'c')})",
            lambda: compare_with(current),
        )
    # The palette reads titles and help as markup: an article's title is text.
    for article in articles[:ARTICLES_LISTED]:
        yield SystemCommand(
            f"Open: {escape(printable(article.title))}",
            escape(printable(article.outlet or article.id)),
            lambda article_id=article.id: main.open_article(article_id, follow=True),
        )
