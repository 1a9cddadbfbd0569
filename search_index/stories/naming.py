"""A story's name, the one a person would give it: its most central headline, else its main
names; and the rest of what a reader sees of it (date span, outlets)."""

from __future__ import annotations

from ..text import name_key, one_line
from .features import StoryArticle, names_of
from .state import Story, StoryState

__all__ = ["name_story", "name_surfaces"]

MAX_NAME = 90
MAIN_ENTITIES = 3


def name_surfaces(article: StoryArticle) -> dict[str, str]:
    """Name term -> its first surface in the article."""
    found: dict[str, str] = {}
    for surface in names_of(article):
        key = name_key(surface)
        if len(key) > 1:
            found.setdefault("n:" + key, surface)
    return found


def _shorten(text: str) -> str:
    text = one_line(text).strip()
    if len(text) <= MAX_NAME:
        return text
    cut = text[:MAX_NAME].rsplit(" ", 1)[0]
    return cut + "…"


def name_story(state: StoryState, story_id: str) -> Story:
    story = state.stories[story_id]
    centroid = story.centroid

    def centrality(member: str) -> float:
        return sum(w * centroid.get(t, 0.0) for t, w in state.docs[member].vector.items())

    # Most central member with a headline; ties to the smaller id so the name is stable.
    ranked = sorted(story.members, key=lambda m: (-centrality(m), m))
    headline = next((state.docs[m].title for m in ranked if state.docs[m].title.strip()), "")
    names = sorted(
        (term for term in centroid if term.startswith("n:")),
        key=lambda t: (-centroid[t], t),
    )
    entities = tuple(state.surfaces.get(t, t[2:]) for t in names[:MAIN_ENTITIES])
    name = _shorten(headline) if headline.strip() else ", ".join(entities) or story_id
    outlets = sorted({o for m in story.members if (o := state.docs[m].outlet)})
    return Story(
        id=story_id,
        name=name,
        headline=headline,
        entities=entities,
        first=story.first,
        last=story.last,
        members=tuple(sorted(story.members)),
        outlets=tuple(outlets),
    )
