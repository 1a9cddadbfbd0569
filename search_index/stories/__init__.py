"""Stories: grouping a corpus's articles into the events they report (issue 18).

A story is one event reported by several sources. features.py turns one article into the sparse
weighted terms that tell stories apart (rare words, names, numbers); state.py holds the
incremental clustering state (story centroids, document frequencies) and its JSON form;
stored.py keeps it in SQLite, a row per article, story and term, read on first use (lazy.py) and
written back only where it changed (stored_rows.py; listing.py: a story as JSON);
engine.py clusters a corpus (agglomerate.py: average link; split.py: a group split again by its
own rarest terms) and assigns one new or changed article without re-clustering;
naming.py names a story and gives its date span; overrides.py applies a ``kimreader.toml``-style
mapping that pins articles to stories or splits them.

May import only plain modules of ``search_index``: ``text``, ``models``, ``calendar_words`` and
the public API of ``entities``; never the index, whoosh, claims, the library or any UI.
(sqlite3 is the standard library's: the story file is not the search index.)
"""

from .engine import assign, cluster, remove, stories
from .features import StoryArticle, from_article
from .overrides import apply_overrides, pinned_articles
from .state import Story, StoryState

__all__ = [
    "Story",
    "StoryArticle",
    "StoryState",
    "apply_overrides",
    "assign",
    "cluster",
    "from_article",
    "pinned_articles",
    "remove",
    "stories",
]
