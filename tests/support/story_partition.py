"""Story groupings as sets of article ids, to compare a clustering with the excerpts' gold (an
excerpt's story is the part of its id before the first "_")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from search_index.stories import StoryState


def gold_story(article_id: str) -> str:
    return article_id.split("_")[0]


def partition(state: StoryState) -> set[frozenset[str]]:
    """The clustering's stories, each as the set of its articles' ids."""
    groups: dict[str, set[str]] = defaultdict(set)
    for doc_id, doc in state.docs.items():
        groups[doc.story].add(doc_id)
    return {frozenset(g) for g in groups.values()}


def gold_partition(ids: Iterable[str]) -> set[frozenset[str]]:
    """The gold stories of these articles, each as a set of ids."""
    groups: dict[str, set[str]] = defaultdict(set)
    for article_id in ids:
        groups[gold_story(article_id)].add(article_id)
    return {frozenset(g) for g in groups.values()}
