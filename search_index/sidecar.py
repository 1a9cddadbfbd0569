"""Metadata the user states outright, which beats anything inferred from the text.

Two places: a ``kimreader.toml`` file in the corpus folder (one table per article, keyed by its
id or its relative path) and a front-matter block at the top of an article file. Both are typed
by hand, so a mistake in them becomes a warning the user can read, never an exception that stops
the corpus from loading.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .metadata import parse_published
from .models import PublishedDate
from .text import clean_label

__all__ = ["SIDECAR_NAME", "Overrides", "load_sidecar", "split_front_matter"]

SIDECAR_NAME = "kimreader.toml"


@dataclass(frozen=True, slots=True)
class Overrides:
    title: str | None = None
    outlet: str | None = None
    published: PublishedDate | None = None
    url: str | None = None


_TEXT_FIELDS = ("title", "outlet", "url")
_KNOWN_KEYS = (*_TEXT_FIELDS, "published")


def load_sidecar(corpus_dir: Path) -> tuple[dict[str, Overrides], tuple[str, ...]]:
    """Read `kimreader.toml` in the corpus folder (if present) → (overrides keyed by article id or
    by relative posix path, warnings)."""
    path = corpus_dir / SIDECAR_NAME
    warnings: list[str] = []
    try:
        if not path.is_file():
            return {}, ()
        raw = path.read_bytes()
    except OSError as exc:
        return {}, (f"{SIDECAR_NAME}: cannot read ({exc.strerror or exc}); ignored",)
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return {}, (f"{SIDECAR_NAME}: not UTF-8 text; ignored",)
    except tomllib.TOMLDecodeError as exc:
        return {}, (f"{SIDECAR_NAME}: not valid TOML ({exc}); ignored",)

    overrides: dict[str, Overrides] = {}
    for key, table in data.items():
        shown = clean_label(key)
        where = f"{SIDECAR_NAME}: [{shown}]"
        if not isinstance(table, dict):
            warnings.append(
                f'{where} is not a table; write it as ["{shown}"] followed by title = "..." lines'
            )
            continue
        texts: dict[str, str] = {}
        published: PublishedDate | None = None
        for field, value in table.items():
            if field not in _KNOWN_KEYS:
                known = ", ".join(_KNOWN_KEYS)
                warnings.append(f"{where} unknown key {field!r} ignored (known: {known})")
            elif field == "published":
                published = _published_value(value)
                if published is None:
                    warnings.append(
                        f"{where} published = {value!r} is not a date "
                        '(use "2026-01-26" or "2026-01-26T15:31"); ignored'
                    )
            elif not isinstance(value, str):
                warnings.append(f"{where} {field} must be a string, not {value!r}; ignored")
            elif text := clean_label(value):
                texts[field] = text
        if texts or published is not None:
            overrides[_article_key(key)] = _overrides(texts, published)
    return overrides, tuple(warnings)


def _overrides(texts: dict[str, str], published: PublishedDate | None) -> Overrides:
    return Overrides(
        title=texts.get("title"),
        outlet=texts.get("outlet"),
        published=published,
        url=texts.get("url"),
    )


def _article_key(key: str) -> str:
    # Windows users may write "sub\\x.txt" or "./x.txt"; corpus paths are relative posix paths.
    key = key.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def _published_value(value: object) -> PublishedDate | None:
    # A TOML datetime is a datetime and also a date: test for datetime first.
    if isinstance(value, datetime):
        return PublishedDate(value=value.replace(tzinfo=None), has_time=True)
    if isinstance(value, date):
        return PublishedDate(value=datetime(value.year, value.month, value.day))
    if isinstance(value, str):
        return _published_text(value)
    return None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _published_text(text: str) -> PublishedDate | None:
    text = text.strip()
    if _ISO_DAY.fullmatch(text):
        try:
            return PublishedDate(value=datetime.fromisoformat(text))
        except ValueError:
            return None
    if _ISO_DAY.match(text):
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        return PublishedDate(value=value.replace(tzinfo=None), has_time=True)
    # Hand-written sidecars and front matter also say "26 Jan 2026" or "March 5, 2024 10:02".
    return parse_published(text)


_FENCE = re.compile(r"---[ \t]*")
_CLOSING_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_FRONT_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*")
_FRONT_ALIASES = {
    "title": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "published": "published",
    "date": "published",
    "url": "url",
}
_MAX_FRONT_LINES = 200


def split_front_matter(text: str) -> tuple[Overrides | None, str]:
    """If text starts with a front-matter block (`---` line, `key: value` lines, `---` line), return
    its overrides and the text after the block; else (None, text)."""
    start = 1 if text.startswith("\ufeff") else 0
    lines = text[start:].split("\n", _MAX_FRONT_LINES + 2)
    if len(lines) < 2 or not _FENCE.fullmatch(lines[0]):
        return None, text
    texts: dict[str, str] = {}
    published: PublishedDate | None = None
    offset = start + len(lines[0]) + 1
    for line in lines[1 : _MAX_FRONT_LINES + 1]:
        offset += len(line) + 1
        if _CLOSING_FENCE.fullmatch(line):
            return _overrides(texts, published), text[offset:]
        stripped = line.strip()
        # YAML lists, nested keys and comments under some other key carry nothing we use.
        if not stripped or stripped.startswith("#") or line[:1] in " \t":
            continue
        match = _FRONT_LINE.fullmatch(line)
        if not match:
            return None, text  # not front matter after all: an article that opens with a rule
        field = _FRONT_ALIASES.get(match.group("key").lower())
        value = clean_label(_unquote(match.group("value") or ""))
        if field is None or not value:
            continue
        if field == "published":
            published = published or _published_text(value)
        else:
            texts.setdefault(field, value)
    return None, text


_BACKSLASH_ESCAPE = re.compile(r"\\(.)")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        # YAML escapes: backslashes in double quotes, a doubled quote in single quotes.
        if value[0] == '"':
            return _BACKSLASH_ESCAPE.sub(r"\1", inner).strip()
        return inner.replace("''", "'").strip()
    if " #" in value:  # a YAML comment after an unquoted value
        value = value.split(" #", 1)[0].rstrip()
    return value
