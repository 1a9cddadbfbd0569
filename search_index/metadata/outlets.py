"""Who published a page: publication-like names, bylines, datelines, source and copyright
lines. The outlet is only ever the text's own statement of it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import HAS_DIGIT, SEGMENT_SEPARATORS, DateFound, parse_date

# --------------------------------------------------------------------------------------------
# Publication names and people


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MEDIA_WORDS = _wordset(
    "news times post press herald journal tribune guardian telegraph insider agency daily gazette "
    "review radio tv broadcasting broadcast wire newswire media monitor observer chronicle express "
    "magazine weekly network independent courier dispatch inquirer examiner bulletin television "
    "channel"
)
# Section labels are built from the same words ("World News", "Business Review"): a name made
# only of these is a section, not a publication.
_GENERIC_WORDS = _wordset(
    "news breaking latest top world local national international business sport sports politics "
    "live more related tech technology science health opinion culture entertainment updates "
    "headlines stories video videos radio tv media review daily weekly economy markets asia europe "
    "africa americas us uk home front page section the and of in on for & a an"
)
_CONNECTORS = _wordset("of the and for on in at de la le du el del der des di da van von &")
_GENERIC_CAPS = _wordset(
    "NEWS LIVE NEW HOME MENU MORE VIDEO WATCH SHARE AUDIO PHOTO TOP HOT READ PRINT EMAIL SAVE "
    "LOGIN OPED UPDATE NOTE FAQ"
)
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_ROLE_WORDS = _wordset(
    "writer correspondent reporter editor contributor columnist staff chief producer analyst "
    "photographer bureau desk intern fellow author"
)
_NAME_PARTICLES = _wordset("de da di del der van von bin al la le du dos das ibn")


def _title_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or word.lower() in _CONNECTORS


def _bare(word: str) -> str:
    return word.lower().strip("'.,:;()\"")


def publication_like(text: str) -> bool:
    """Does this short line read as a publication's name ("The Insider", "BBC News", "AFP")?"""
    text = text.strip()
    if not text or len(text) > 60 or text[-1] in ".!?:;,":
        return False
    if _ACRONYM.fullmatch(text):
        return text not in _GENERIC_CAPS
    words = text.split()
    if not 2 <= len(words) <= 6 or not all(_title_word(w) for w in words):
        return False
    bare = [_bare(w) for w in words]
    if all(w in _GENERIC_WORDS for w in bare):
        return False
    if words[0] == "The":
        return True
    return any(w in _MEDIA_WORDS for w in bare)


def site_like(text: str) -> bool:
    """Looser: a short capitalised name with no digits ("Reuters"), for slots that only ever hold
    a site name, such as the tail of "Headline | Site" or a byline's "| Outlet" segment."""
    text = text.strip()
    if not text or len(text) > 40 or text[-1] in ".!?:;," or HAS_DIGIT.search(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 4 or not words[0][0].isupper():
        return False
    if not all(_title_word(w) for w in words):
        return False
    bare = [_bare(w) for w in words]
    return not all(w in _GENERIC_WORDS for w in bare) and not _ROLE_WORDS.intersection(bare)


def _name_word(word: str) -> bool:
    if word.lower() in _NAME_PARTICLES:
        return True
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True  # an initial
    return (
        word[0].isupper()
        and any(c.islower() for c in word[1:])
        and all(c.isalpha() or c in "-'." for c in word)
    )


def name_like(text: str) -> bool:
    """A person's name ("Jane Doe", "Kim Jong-un", "J. R. Smith") rather than a publication."""
    words = text.strip().split()
    if not 2 <= len(words) <= 4 or words[0] == "The":
        return False
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    if any(_bare(w) in _MEDIA_WORDS for w in words):
        return False
    return all(_name_word(w) for w in words)


def outlet_clean(text: str) -> str | None:
    text = text.strip().rstrip(".,;:").strip()
    return text or None


# --------------------------------------------------------------------------------------------
# Bylines, datelines, source and copyright lines

_BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by|story by|text by)\s+(?P<rest>\S.*)$", re.IGNORECASE
)
_BYLINE_NAME_JOINERS = frozenset(("and", "&", "with"))


@dataclass(frozen=True, slots=True)
class _Byline:
    outlet: str | None
    dates: tuple[DateFound, ...]


def _spans_between(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in pattern.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def parse_byline(folded: str, original: str) -> _Byline | None:
    if len(folded) > 200 or folded[-1] in ".!?":
        return None
    match = _BYLINE.match(folded)
    if not match:
        return None
    offset = match.start("rest")
    rest, rest_orig = folded[offset:], original[offset:]
    segments = _spans_between(rest, SEGMENT_SEPARATORS)
    if not segments:
        return None
    a, b = segments[0]
    names = rest[a:b]
    words = names.replace(",", " ").split()
    if not words or len(words) > 12:
        return None
    allowed_lower = _BYLINE_NAME_JOINERS | _NAME_PARTICLES
    if not all(w[0].isupper() or w.lower() in allowed_lower for w in words):
        return None
    outlet: str | None = None
    if publication_like(names):
        outlet = rest_orig[a:b]
    else:
        comma = names.rfind(",")
        if comma > 0 and publication_like(names[comma + 1 :]):
            outlet = rest_orig[a + comma + 1 : b]
    dates: list[DateFound] = []
    for a, b in segments[1:]:
        segment = rest[a:b].strip()
        found = parse_date(segment)
        if found:
            dates.append(found)
        elif (
            outlet is None
            and not name_like(segment)
            and (publication_like(segment) or site_like(segment))
        ):
            outlet = rest_orig[a:b]
    return _Byline(outlet_clean(outlet) if outlet else None, tuple(dates))


# "PARIS (Reuters) -", "WASHINGTON, March 5 (Reuters) -", "(AP) -" (dashes are folded).
_DATELINE = re.compile(
    r"^(?P<place>[^()]{0,60}?)\s*\((?P<outlet>[A-Z][A-Za-z&.' ]{0,38}[A-Za-z.])\)\s*-+\s*\S"
)


def dateline_outlet(folded: str, original: str) -> str | None:
    match = _DATELINE.match(folded)
    if not match:
        return None
    place = match.group("place").replace(",", " ").split()
    if len(place) > 6 or not all(w[0].isupper() or w[0].isdigit() for w in place):
        return None
    outlet = match.group("outlet")
    if not (site_like(outlet) or publication_like(outlet)) or name_like(outlet):
        return None
    return outlet_clean(original[match.start("outlet") : match.end("outlet")])


_SOURCE_LINE = re.compile(
    r"^(?:sources?\s*:|publisher\s*:|(?:originally\s+)?published\s+(?:by|in)\b\s*:?)\s*(?P<x>\S.*)$",
    re.IGNORECASE,
)
_TRAILING_ON_DATE = re.compile(r"\s+on\s+(?=\S)", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?:copyright\b\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*-\s*\d{4})?\s*,?\s*)?"
    r"(?P<x>[^|]*?)\s*(?:[.,;|]?\s*all rights reserved\.?)?\s*\.?$",
    re.IGNORECASE,
)


def source_outlet(folded: str, original: str) -> tuple[str | None, DateFound | None] | None:
    """'Source: X' / 'Published by X [on DATE]': (outlet or None, date or None); None if not one."""
    if len(folded) > 120:
        return None
    match = _SOURCE_LINE.match(folded)
    if not match:
        return None
    start, end = match.start("x"), len(folded)
    date = None
    on = list(_TRAILING_ON_DATE.finditer(folded, start))
    if on:
        date = parse_date(folded[on[-1].end() :])
        if date:
            end = on[-1].start()
    name = folded[start:end].rstrip(". ")
    if name_like(name) or not (publication_like(name) or site_like(name)):
        return None, date
    return outlet_clean(original[start:end]), date


def copyright_outlet(folded: str, original: str) -> tuple[str | None] | None:
    """A copyright line: (outlet or None,); None if the line is not one."""
    if len(folded) > 160:
        return None
    match = _COPYRIGHT.match(folded)
    if not match:
        return None
    name = match.group("x").strip().rstrip(".,")
    if not name or name_like(name) or not (publication_like(name) or site_like(name)):
        return (None,)
    return (outlet_clean(original[match.start("x") : match.start("x") + len(name)]),)
