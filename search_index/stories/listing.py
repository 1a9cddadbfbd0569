"""A story as JSON: the shape ``kimreader stories --json`` prints and the story file keeps for
each story's listing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from .state import Story

__all__ = ["day_from_iso", "story_from_json", "story_json"]


def story_json(story: Story) -> dict[str, Any]:
    """A story as JSON (the CLI prints the same shape)."""
    return {
        "id": story.id,
        "name": story.name,
        "headline": story.headline,
        "entities": list(story.entities),
        "first": story.first.isoformat() if story.first else None,
        "last": story.last.isoformat() if story.last else None,
        "articles": list(story.members),
        "outlets": list(story.outlets),
    }


def story_from_json(data: Mapping[str, Any]) -> Story:
    return Story(
        id=str(data["id"]),
        name=str(data["name"]),
        headline=str(data["headline"]),
        entities=tuple(map(str, data["entities"])),
        first=day_from_iso(data["first"]),
        last=day_from_iso(data["last"]),
        members=tuple(map(str, data["articles"])),
        outlets=tuple(map(str, data["outlets"])),
    )


def day_from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
