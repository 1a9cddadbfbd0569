"""What one article is stored as in the index, and how it is read back.

The fields written here are the ones the schema declares; the analysis blob (mentions, aliases,
claims) is encoded by _document_fields and decoded by _analysis, nowhere else.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from typing import Any

from ..models import NAME_TYPES, Alias, Article, Extraction, Mention, PublishedDate
from ..text import fold


def _document_fields(
    article: Article,
    extraction: Extraction | None = None,
    claims: list[dict[str, object]] | None = None,
) -> dict[str, Any]:
    """The fields an article is indexed and stored as (see schema.build_schema)."""
    published = article.published
    mentions = extraction.mentions if extraction else ()
    folded = fold(article.text)
    entity_fields = {
        kind.lower(): "\n".join(f"{m.key}\t{m.text}" for m in mentions if m.type == kind)
        for kind in NAME_TYPES
    }
    return dict(
        **entity_fields,
        analysis=zlib.compress(
            json.dumps(
                {
                    "mentions": [[m.start, m.end, m.type, m.text, m.key, m.ref] for m in mentions],
                    "aliases": [
                        [a.short, a.full] for a in (extraction.aliases if extraction else ())
                    ],
                    "claims": claims or [],
                },
                ensure_ascii=False,
            ).encode("utf-8")
        ),
        id=article.id,
        path=article.path,
        fingerprint=article.content_hash,
        title=fold(article.title),
        _stored_title=article.title,
        outlet=article.outlet or "",
        _stored_outlet=article.outlet,
        published=published.value if published else None,
        published_has_time=bool(published and published.has_time),
        url=article.url,
        notes=list(article.notes),
        about=json.dumps(_about(article), ensure_ascii=False),
        # The headline is indexed with the body so that every offset Whoosh stores points
        # into Article.text, the one string that entities, matches and claims share.
        body=folded,
        _stored_body=article.body,
        pairs=folded,
        # Each word once: the spelling dictionary needs the words, not how often each
        # article repeats them, and analysing the text a third time in full is not free.
        spell=" ".join(dict.fromkeys(folded.split())),
    )


_ABOUT_TEXT = ("author", "language", "source_url", "fetched_at")


def _about(article: Article) -> dict[str, Any]:
    about: dict[str, Any] = {"format": article.format}
    about.update({k: getattr(article, k) for k in _ABOUT_TEXT if getattr(article, k)})
    if article.is_summary:
        about["is_summary"] = True
    return about


def _about_fields(fields: dict[str, Any]) -> dict[str, Any]:
    try:
        about = json.loads(fields.get("about") or "{}")
    except (TypeError, ValueError):
        return {}
    if not isinstance(about, dict):
        return {}
    out: dict[str, Any] = {k: about[k] for k in _ABOUT_TEXT if isinstance(about.get(k), str)}
    if isinstance(about.get("format"), str):
        out["format"] = about["format"]
    out["is_summary"] = about.get("is_summary") is True
    return out


def _article_from_fields(fields: dict[str, Any]) -> Article:
    published = fields.get("published")
    return Article(
        id=fields["id"],
        path=fields.get("path", ""),
        title=fields.get("title") or fields["id"],
        outlet=fields.get("outlet") or None,
        published=(
            PublishedDate(published, bool(fields.get("published_has_time")))
            if isinstance(published, datetime)
            else None
        ),
        url=fields.get("url") or None,
        body=fields.get("body", ""),
        content_hash=fields.get("fingerprint", ""),
        notes=tuple(fields.get("notes") or ()),
        **_about_fields(fields),
    )


def _extraction_from_fields(fields: dict[str, Any]) -> Extraction:
    analysis = _analysis(fields)
    mentions = tuple(
        Mention(int(s), int(e), str(kind), str(text), str(key), ref)
        for s, e, kind, text, key, ref in analysis.get("mentions") or ()
    )
    aliases = tuple(Alias(str(a), str(b)) for a, b in analysis.get("aliases") or ())
    return Extraction(mentions, aliases)


def _analysis(fields: dict[str, Any]) -> dict[str, Any]:
    blob = fields.get("analysis")
    if not blob:
        return {}
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, ValueError):
        return {}  # unreadable analysis reads as none; a rebuild restores it
    return data if isinstance(data, dict) else {}
