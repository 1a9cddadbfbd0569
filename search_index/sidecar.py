"""Metadata the user states outright, which beats anything inferred from the text.

Two places: a ``kimreader.toml`` file in the corpus folder (one table per article, keyed by its
id or its relative path) and a front-matter block at the top of an article file. Both are typed
by hand, so a mistake in them becomes a warning the user can read, never an exception that stops
the corpus from loading.
"""

from __future__ import annotations

import re
import reprlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .models import PublishedDate
from .text import clean_label

__all__ = ["SIDECAR_NAME", "Overrides", "load_sidecar", "read_sidecar", "split_front_matter"]

SIDECAR_NAME = "kimreader.toml"
# Tables that are not articles: [stories] holds hand corrections to story grouping.
RESERVED_TABLES = frozenset({"stories"})
# The sidecar comes with the corpus, so its size and shape are whatever the folder holds. A
# sidecar naming every article of a 50,000-article corpus is ~10 MiB and parses in about a
# second; anything larger is not a list of overrides, and is refused before it is read.
MAX_SIDECAR_BYTES = 16 * 1024 * 1024
# tomllib parses arrays and inline tables by recursion: 500 nested "[" in a 2 KB file exhaust
# Python's stack (a RecursionError that used to stop every command). Overrides need two
# levels; anything past this many is refused before tomllib sees it.
MAX_NESTING = 32


@dataclass(frozen=True, slots=True)
class Overrides:
    title: str | None = None
    outlet: str | None = None
    published: PublishedDate | None = None
    url: str | None = None


_TEXT_FIELDS = ("title", "outlet", "url")
_KNOWN_KEYS = (*_TEXT_FIELDS, "published")


def read_sidecar(corpus_dir: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The parsed `kimreader.toml` of the corpus folder ({} when absent or unusable), and why
    it could not be used."""
    path = corpus_dir / SIDECAR_NAME
    try:
        if not path.is_file():
            return {}, ()
        with path.open("rb") as handle:
            raw = handle.read(MAX_SIDECAR_BYTES + 1)  # never more than the limit in memory
    except OSError as exc:
        return {}, (f"{SIDECAR_NAME}: cannot read ({exc.strerror or exc}); ignored",)
    if len(raw) > MAX_SIDECAR_BYTES:
        return {}, (f"{SIDECAR_NAME}: larger than {_size(MAX_SIDECAR_BYTES)}; ignored",)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}, (f"{SIDECAR_NAME}: not UTF-8 text; ignored",)
    too_deep = (
        f"{SIDECAR_NAME}: nested too deeply (more than {MAX_NESTING} levels of [ ] or {{ }}); "
        "ignored"
    )
    if nesting_depth(text) > MAX_NESTING:
        return {}, (too_deep,)
    import tomllib  # only for a folder with a sidecar: most have none

    try:
        return tomllib.loads(text), ()
    except tomllib.TOMLDecodeError as exc:
        return {}, (f"{SIDECAR_NAME}: not valid TOML ({exc}); ignored",)
    except RecursionError:
        # Only if something nests in a way nesting_depth does not count: still a warning.
        return {}, (too_deep,)


def load_sidecar(corpus_dir: Path) -> tuple[dict[str, Overrides], tuple[str, ...]]:
    """Read `kimreader.toml` in the corpus folder (if present) → (overrides keyed by article id or
    by relative posix path, warnings)."""
    data, read_warnings = read_sidecar(corpus_dir)
    warnings: list[str] = list(read_warnings)
    overrides: dict[str, Overrides] = {}
    for key, table in data.items():
        if key in RESERVED_TABLES:
            continue
        shown = _short(clean_label(key))
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
                warnings.append(
                    f"{where} unknown key {_shown_value(field)} ignored (known: {known})"
                )
            elif field == "published":
                published = _published_value(value)
                if published is None:
                    warnings.append(
                        f"{where} published = {_shown_value(value)} is not a date "
                        '(use "2026-01-26" or "2026-01-26T15:31"); ignored'
                    )
            elif not isinstance(value, str):
                warnings.append(
                    f"{where} {_short(clean_label(field))} must be a string, "
                    f"not {_shown_value(value)}; ignored"
                )
            elif text := clean_label(value):
                texts[field] = text
        if texts or published is not None:
            overrides[_article_key(key)] = _overrides(texts, published)
    return overrides, tuple(warnings)


# Warnings quote what the user wrote, and a value can be a megabyte long or (through dotted
# keys, which nest tables without brackets) thousands of tables deep: the plain repr would be
# as long, or recurse until Python gives up. reprlib stops at a few levels and characters.
_VALUE_REPR = reprlib.Repr()
_VALUE_REPR.maxlevel = 3
_VALUE_REPR.maxstring = 80
_VALUE_REPR.maxother = 80
_VALUE_REPR.maxlist = _VALUE_REPR.maxtuple = _VALUE_REPR.maxdict = 6
_SHOWN_CHARS = 80


def _size(count: int) -> str:
    for unit, scale in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if count >= scale and count % scale == 0:
            return f"{count // scale} {unit}"
    return f"{count} bytes"


def _shown_value(value: object) -> str:
    return _VALUE_REPR.repr(value)


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


# What the depth count must step over: strings (in which brackets are only characters) and
# comments. Possessive quantifiers, so that no string is ever scanned twice.
_DEPTH_TOKEN = re.compile("\"\"\"|'''|[\"'#\\[\\]{}]")
_BASIC_BODY = re.compile(r'(?:[^"\\\n]|\\.)*+')  # up to the closing quote or the line's end
_MULTILINE_BASIC_BODY = re.compile(r'(?:[^"\\]|\\.|"(?!""))*+', re.DOTALL)


def nesting_depth(text: str) -> int:
    """How deeply the arrays, inline tables and table headers of TOML text nest, counted in
    one pass without recursion, so that it can bound a parser that recurses."""
    depth = deepest = pos = 0
    end = len(text)
    while pos < end and (match := _DEPTH_TOKEN.search(text, pos)):
        token, pos = match.group(), match.end()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth = max(depth - 1, 0)
        elif token == "#":
            pos = _line_end(text, pos)
        elif token == "'":
            # Up to the closing quote, unless the line ends first (an unterminated string,
            # which tomllib will report). Looking for the newline only up to the quote keeps
            # a line of many short strings linear.
            close = text.find("'", pos)
            if close < 0 or text.find("\n", pos, close) >= 0:
                pos = _line_end(text, pos)
            else:
                pos = close + 1
        elif token == "'''":
            close = text.find("'''", pos)
            pos = end if close < 0 else _after_closing_quotes(text, close, "'")
        elif token == '"':
            pos = _match_end(_BASIC_BODY, text, pos)
            pos += text.startswith('"', pos)
        else:  # the opening quotes of a multi-line basic string
            pos = _match_end(_MULTILINE_BASIC_BODY, text, pos)
            pos = _after_closing_quotes(text, pos, '"') if text.startswith('"""', pos) else end
    return deepest


def _line_end(text: str, pos: int) -> int:
    newline = text.find("\n", pos)
    return len(text) if newline < 0 else newline + 1


def _match_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    match = pattern.match(text, pos)
    return match.end() if match else pos


def _after_closing_quotes(text: str, close: int, quote: str) -> int:
    # A multi-line string may end in one or two quotes just before its closing three.
    pos = close + 3
    for _ in range(2):
        if text.startswith(quote, pos):
            pos += 1
    return pos


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
    from .metadata import parse_published  # its patterns compile only when a date is given

    return parse_published(text)


_FENCE = re.compile(r"---[ \t]*")
_CLOSING_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*")
# The value runs to the end of the line and _unquote strips it: a lazy value followed by
# "[ \t]*" before the end retried the blanks after every character of the value (quadratic
# in a title with a long run of spaces). Possessive, so nothing is ever scanned twice.
_FRONT_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*+)[ \t]*+:(?:[ \t]++(?P<value>.*+))?")
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
