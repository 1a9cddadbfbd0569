"""What the screens share: the open corpus and the reading state.

The App owns one session and hands it to the main screen; a screen reads and changes it
there rather than reaching into the App for shared state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from search_index.library import Library
from search_index.models import ArticleInfo
from search_index.state import ReadingState
from search_index.stories import Story
from search_index.versions import Version


@dataclass
class Session:
    library: Library | None = None
    articles: list[ArticleInfo] = field(default_factory=list)
    """The catalog as last listed (a new list each time: screens cache by identity)."""
    state: ReadingState = field(default_factory=ReadingState)
    versions: dict[str, Version] = field(default_factory=dict)
    """Saved pages fetched more than once: the list marks them "v2 of X", not as outlets."""
    stories: list[Story] | None = None
    """The corpus's stories once worked out (None until then): the list is grouped by them."""
    grouped: bool = True
    """Whether the list shows stories (``s`` switches); only when ``stories`` are known."""
    folded: set[str] = field(default_factory=set)
    """Stories whose sources the list hides (enter on a story's row folds and unfolds it)."""
    conflicts: dict[str, int] = field(default_factory=dict)
    """How many facts each story's sources conflict on, filled in as they are counted."""

    def toggle_mark(self, article_id: str) -> bool:
        """Mark or unmark an article for comparing → whether it is marked now."""
        marked = self.state.marked
        if article_id in marked:
            marked.remove(article_id)
            return False
        marked.append(article_id)
        return True
