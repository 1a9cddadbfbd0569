"""Infer an article's headline, outlet, publication date and clean body from scraped text.

Scraped news pages are a headline wrapped in site furniture: navigation, subscription prompts,
cookie banners, share buttons, "related stories" lists. Everything here is generic web and
newsroom convention (bylines, datelines, copyright lines); nothing knows about particular sites.
The outlet is only ever taken from the text's own statement of it: a wrong outlet is worse than
none when the reader compares sources, so a body sentence such as "Reuters said" never counts.

All matching runs on ``fold(line)`` (same length as the line), so positions found there slice the
original line and the body keeps the file's own characters.

May import ``search_index.text``, ``models`` and ``calendar_words``; never the index, entities,
claims, the library or any UI.
"""

from .dates import parse_published
from .infer import PARAGRAPH_BREAK, Inferred, infer_metadata

__all__ = ["PARAGRAPH_BREAK", "Inferred", "infer_metadata", "parse_published"]
