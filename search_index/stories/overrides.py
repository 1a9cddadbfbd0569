"""Hand corrections from a ``kimreader.toml``-style mapping, second to the clustering.

    [stories]
    pin = { "a/b.txt" = "quake-2013", "c.txt" = "quake-2013" }  # one story, by hand
    split = [["x.txt", "y.txt"]]  # these two leave their story, together

A pinned article always goes to the named story (created if new), however similar it is to
another; ``split`` is a pin to a fresh story named after the group's first article.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .state import StoryState, story_id_for

__all__ = ["apply_overrides", "pinned_articles"]


def _pins(mapping: Mapping[str, Any]) -> dict[str, str]:
    section = mapping.get("stories", mapping)
    pins: dict[str, str] = {}
    raw_pins = section.get("pin", {})
    if not isinstance(raw_pins, Mapping):
        raise ValueError("stories.pin must map article ids to story names")
    for article, story in raw_pins.items():
        pins[str(article)] = "pin:" + str(story)
    for group in section.get("split", []):
        members = [str(m) for m in group]
        if members:
            target = "split:" + story_id_for(members[0])
            for member in members:
                pins[member] = target
    return pins


def pinned_articles(mapping: Mapping[str, Any]) -> list[str]:
    """The articles a mapping pins or splits off (raises ValueError when it is malformed)."""
    return list(_pins(mapping))


def apply_overrides(state: StoryState, mapping: Mapping[str, Any]) -> list[str]:
    """Apply pins and splits to ``state``; return the ids of the articles it moved.

    Articles the mapping names but the state does not hold are ignored (a stale entry must not
    stop indexing). Pins persist in the state, so a later ``assign`` of a pinned article keeps
    it where the reader put it."""
    from .engine import _seat

    moved: list[str] = []
    for article, story in _pins(mapping).items():
        if article not in state.docs:
            continue
        state.pin(article, story)
        if state.docs[article].story != story:
            state.detach(article)
            _seat(state, article)
            moved.append(article)
    return moved
