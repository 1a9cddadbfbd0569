"""Infer an article's headline, outlet, publication date and clean body from scraped text.

Scraped news pages are a headline wrapped in site furniture: navigation, subscription prompts,
cookie banners, share buttons, "related stories" lists. Everything here is generic web and
newsroom convention (bylines, datelines, copyright lines); nothing knows about particular sites.
The outlet is only ever taken from the text's own statement of it: a wrong outlet is worse than
none when the reader compares sources, so a body sentence such as "Reuters said" never counts.

All matching runs on ``fold(line)`` (same length as the line), so positions found there slice the
original line and the body keeps the file's own characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .calendar_words import MONTH_NUMBERS, WEEKDAY_NUMBERS, alternation
from .models import PublishedDate
from .text import clean_label, fold

__all__ = ["PARAGRAPH_BREAK", "Inferred", "infer_metadata", "parse_published"]

# Kept lines become paragraphs separated by a blank line: readable as it is in any viewer, and
# still only the file's own characters plus separators, so offsets stay simple.
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Inferred:
    title: str | None
    outlet: str | None
    published: PublishedDate | None
    body: str


# --------------------------------------------------------------------------------------------
# Dates

_MONTH_NUMBERS = MONTH_NUMBERS
_MONTH = rf"(?P<mon>{alternation(MONTH_NUMBERS)})\.?"
_WEEKDAY = alternation(WEEKDAY_NUMBERS) + r"\.?"
_DATE_CORES = (
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})",
    r"(?P<y>\d{4})/(?P<mo>\d{1,2})/(?P<d>\d{1,2})",
    r"(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})",
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+{_MONTH}[\s,-]+(?P<y>\d{{4}})",
    rf"{_MONTH}[\s-]*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[\s-]+(?P<y>\d{{4}})",
    # American numeric datelines: "11/28/05", "Posted 11/27/2005 7:21 AM".
    r"(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?!\d)",
)
# A label says what the date is; "updated" dates are not publication dates unless nothing else is.
_DATE_LABEL = (
    r"(?P<label>(?:(?:last|first|originally)\s+)?"
    r"(?:published|updated|modified|posted|created|released|issued|dated|date|pub(?:lished)?\s+date)"
    r"(?:\s+(?:on|at))?)"
)
# Time zones are case-sensitive so an ordinary word after a date is never taken for one.
_TZ = r"(?:\s*\(?(?-i:[A-Z]{2,5}|Z)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|\s*[+-]\d{2}:?\d{2})?"


def _time(p: str) -> str:
    # A bare number is not a time: it needs minutes or am/pm.
    return (
        rf"(?=\d{{1,2}}(?:[:.]\d{{2}}|\s*[ap]\.?\s?m\b))(?P<{p}h>\d{{1,2}})(?!\d)"
        rf"(?:[:.](?P<{p}m>\d{{2}})(?!\d)(?:[:.]\d{{2}}(?!\d)(?:\.\d+)?)?)?"
        rf"(?:\s*(?P<{p}ap>[ap])\.?\s?m\b\.?)?"
    )


def _date_expression(core: str) -> str:
    return (
        rf"(?:{_DATE_LABEL}\s*[:|-]?\s*)?"
        rf"(?:{_WEEKDAY}\s*,?\s*)?"
        rf"(?:{_time('b')}{_TZ}\s*,?\s*(?:on\s+)?(?:{_WEEKDAY}\s*,?\s*)?)?"
        rf"{core}"
        rf"(?:(?:\s*,?\s*(?:at\s+)?|T|\s*[|@-]\s*){_time('a')}{_TZ})?"
        # "3 July 2013 Last updated at 10:23": the publication date, then when it changed.
        rf"(?:\s*[|,-]?\s*(?:last\s+)?updated\b[^\n]{{0,60}})?"
    )


_DATE_FULL = tuple(
    re.compile(rf"^\s*{_date_expression(core)}\s*[.,;]?\s*$", re.IGNORECASE) for core in _DATE_CORES
)
# A date glued in front of a headline ("date 2026-01-26 Kim inspects ...").
_DATE_PREFIX = tuple(
    re.compile(rf"^\s*{_date_expression(core)}(?:\s*[|:,-]\s*|\s+)(?=\S)", re.IGNORECASE)
    for core in _DATE_CORES
)
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _DateFound:
    date: PublishedDate
    is_update: bool
    end: int = 0


def _date_from_match(match: re.Match[str]) -> _DateFound | None:
    groups = match.groupdict()
    try:
        year = int(groups["y"])
        if len(groups["y"]) == 2:
            # "11/28/05": the century nearest to now (news is seldom a lifetime old).
            year += 2000 if year <= datetime.now().year % 100 + 1 else 1900
        day = int(groups["d"])
        month = int(groups["mo"]) if groups.get("mo") else _MONTH_NUMBERS[groups["mon"][:3].lower()]
        if month > 12 >= day and "/" in match.group() and match.start("y") > match.start("mo"):
            day, month = month, day  # "28/11/2005" is day first
        hour = minute = 0
        has_time = False
        for p in ("b", "a"):
            if groups.get(f"{p}h") is None:
                continue
            hour, minute = int(groups[f"{p}h"]), int(groups[f"{p}m"] or 0)
            meridiem = groups[f"{p}ap"]
            if meridiem:
                if not 1 <= hour <= 12:
                    return None
                hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
            has_time = True
            break
        if not 1900 <= year <= 2100:
            return None
        value = datetime(year, month, day, hour, minute)
    except (ValueError, KeyError, TypeError):
        return None
    label = (groups.get("label") or "").lower()
    is_update = any(word in label for word in ("updated", "modified"))
    return _DateFound(PublishedDate(value=value, has_time=has_time), is_update, match.end())


def _parse_date(folded: str) -> _DateFound | None:
    if len(folded) > 160 or not _HAS_DIGIT.search(folded):
        return None
    for pattern in _DATE_FULL:
        match = pattern.match(folded)
        if match:
            return _date_from_match(match)
    return None


def _parse_date_prefix(folded: str) -> _DateFound | None:
    if not _HAS_DIGIT.search(folded[:80]):
        return None
    for pattern in _DATE_PREFIX:
        match = pattern.match(folded[:200])
        if match:
            return _date_from_match(match)
    return None


def parse_published(text: str) -> PublishedDate | None:
    """Parse one date expression or date line ("Published: 26 Jan. 2026, 15:31"); else None.

    The whole string must be the date (with an optional label, weekday, time and time zone):
    a sentence that merely mentions a date is not a date line.
    """
    try:
        found = _parse_date(fold(text).strip())
    except Exception:  # a metadata guess must never stop reading an article
        return None
    return found.date if found else None


# A separator with the whitespace around it. A match that begins with whitespace begins where
# the run of it does (the lookbehind): tried from each position inside a long run, a leading
# "\s*" rescanned the rest of the run every time (quadratic in a line of blanks). A separator
# reachable from inside a run is reachable from its first blank, so no match is lost.
_SEGMENT_SEPARATORS = re.compile(r"(?:\||·|•)\s*|(?<!\s)\s+(?:(?:\||·|•)\s*|-\s+)")


def _date_line(folded: str, *, need_label: bool) -> _DateFound | None:
    """A line that is nothing but a date, or several dates/labels joined by separators."""
    found = _parse_date(folded)
    if found is None and ("|" in folded or "·" in folded or "•" in folded):
        parts = [p for p in _SEGMENT_SEPARATORS.split(folded) if p.strip()]
        dates = [_parse_date(p) for p in parts]
        if len(parts) > 1 and all(dates):
            found = next((d for d in dates if d and not d.is_update), dates[0])
    if found is None:
        return None
    if need_label and not _DATE_LABEL_START.match(folded):
        return None
    return found


_DATE_LABEL_START = re.compile(rf"^\s*{_DATE_LABEL}\b", re.IGNORECASE)


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


def _publication_like(text: str) -> bool:
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


def _site_like(text: str) -> bool:
    """Looser: a short capitalised name with no digits ("Reuters"), for slots that only ever hold
    a site name, such as the tail of "Headline | Site" or a byline's "| Outlet" segment."""
    text = text.strip()
    if not text or len(text) > 40 or text[-1] in ".!?:;," or _HAS_DIGIT.search(text):
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


def _name_like(text: str) -> bool:
    """A person's name ("Jane Doe", "Kim Jong-un", "J. R. Smith") rather than a publication."""
    words = text.strip().split()
    if not 2 <= len(words) <= 4 or words[0] == "The":
        return False
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    if any(_bare(w) in _MEDIA_WORDS for w in words):
        return False
    return all(_name_word(w) for w in words)


def _outlet_clean(text: str) -> str | None:
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
    dates: tuple[_DateFound, ...]


def _spans_between(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in pattern.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _parse_byline(folded: str, original: str) -> _Byline | None:
    if len(folded) > 200 or folded[-1] in ".!?":
        return None
    match = _BYLINE.match(folded)
    if not match:
        return None
    offset = match.start("rest")
    rest, rest_orig = folded[offset:], original[offset:]
    segments = _spans_between(rest, _SEGMENT_SEPARATORS)
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
    if _publication_like(names):
        outlet = rest_orig[a:b]
    else:
        comma = names.rfind(",")
        if comma > 0 and _publication_like(names[comma + 1 :]):
            outlet = rest_orig[a + comma + 1 : b]
    dates: list[_DateFound] = []
    for a, b in segments[1:]:
        segment = rest[a:b].strip()
        found = _parse_date(segment)
        if found:
            dates.append(found)
        elif (
            outlet is None
            and not _name_like(segment)
            and (_publication_like(segment) or _site_like(segment))
        ):
            outlet = rest_orig[a:b]
    return _Byline(_outlet_clean(outlet) if outlet else None, tuple(dates))


# "PARIS (Reuters) -", "WASHINGTON, March 5 (Reuters) -", "(AP) -" (dashes are folded).
_DATELINE = re.compile(
    r"^(?P<place>[^()]{0,60}?)\s*\((?P<outlet>[A-Z][A-Za-z&.' ]{0,38}[A-Za-z.])\)\s*-+\s*\S"
)


def _dateline_outlet(folded: str, original: str) -> str | None:
    match = _DATELINE.match(folded)
    if not match:
        return None
    place = match.group("place").replace(",", " ").split()
    if len(place) > 6 or not all(w[0].isupper() or w[0].isdigit() for w in place):
        return None
    outlet = match.group("outlet")
    if not (_site_like(outlet) or _publication_like(outlet)) or _name_like(outlet):
        return None
    return _outlet_clean(original[match.start("outlet") : match.end("outlet")])


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


def _source_outlet(folded: str, original: str) -> tuple[str | None, _DateFound | None] | None:
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
        date = _parse_date(folded[on[-1].end() :])
        if date:
            end = on[-1].start()
    name = folded[start:end].rstrip(". ")
    if _name_like(name) or not (_publication_like(name) or _site_like(name)):
        return None, date
    return _outlet_clean(original[start:end]), date


def _copyright_outlet(folded: str, original: str) -> tuple[str | None] | None:
    """A copyright line: (outlet or None,); None if the line is not one."""
    if len(folded) > 160:
        return None
    match = _COPYRIGHT.match(folded)
    if not match:
        return None
    name = match.group("x").strip().rstrip(".,")
    if not name or _name_like(name) or not (_publication_like(name) or _site_like(name)):
        return (None,)
    return (_outlet_clean(original[match.start("x") : match.start("x") + len(name)]),)


# --------------------------------------------------------------------------------------------
# Chrome

_CHROME_WHOLE = re.compile(
    r"(?:top (?:headlines|stories|news)|feeds?|(?:main )?menu|navigation|home(?:page)?|search"
    r"|close|share(?: this(?: article| story| page)?)?|print|e-?mail|copy link|save|bookmark"
    r"|comments?|\d+ comments?|advertisement|advertising|ads?|sponsored(?: content)?"
    r"|skip to (?:main )?(?:content|navigation)|skip navigation|sign (?:in|up|out)|log ?(?:in|out)"
    r"|register|subscribe(?: now)?|newsletters?|rss(?: feeds?)?|follow us|updated|trending"
    r"|watch(?: live)?|listen|live|video|photos?|image|gallery|cookies?|accept(?: all)?"
    r"|reject all|manage (?:cookies|preferences|settings)|back to top|load more|show more"
    r"|see more|view more|continue reading|loading|toggle navigation|open menu|breaking news"
    r"|latest news|tweet|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest"
    r"|more|next|previous|prev)"
)
# Phrases that are furniture wherever they appear in a short line, even one ending in a period.
_CHROME_STRONG = re.compile(
    r"we use cookies|cookie (?:policy|settings|preferences|consent|notice|banner)"
    r"|accept (?:all )?cookies|by continuing to (?:browse|use)|subscribe to our\b"
    r"|subscribe to (?:the|this) (?:newsletter|podcast|channel|feed|digest)"
    r"|subscribe (?:now|today)\b|\bsign (?:in|up) (?:to|with) (?:join|continue|comment|read|our)"
    r"|\blog in to\b|\bour newsletter|\bnewsletter sign|\brss feed|\bskip to (?:main )?content"
    r"|\bshare your thoughts|\bjoin the conversation|\ball rights reserved|listen to this article"
    r"|\(\d+ (?:articles?|stories|sources|comments|posts)\)|\b\d+ min(?:ute)?s? read\b"
    r"|\bshare (?:this|on) (?:article|story|facebook|twitter|x|whatsapp|linkedin|email)\b"
    r"|\bfollow us on\b|\bdownload (?:our|the) app\b|\bclick here to\b|\bscroll to continue"
    r"|\benable javascript\b|\bupdate your browser\b"
)
# Words that are furniture only in a short line that is not a sentence.
_CHROME_WEAK = re.compile(
    r"subscribe|\bsign (?:in|up)\b|\blog ?in\b|\bnewsletter|\brss\b|\badvertisement\b"
    r"|\bskip to\b|\bshare (?:this|on|via)\b|\bfollow us\b|\btop headlines\b|\bread more\b"
    r"|\bmore from\b|\bmost (?:read|popular|viewed)\b|\byou (?:may|might) also like\b"
    r"|\brelated (?:articles|stories|content|coverage|topics)\b"
)
_AI_GENERATED = re.compile(
    r"\b(?:ai|artificial[ -]intelligence)[- ]?(?:generated|assisted|written|produced|powered)\b"
    r"|\b(?:generated|written|produced|created|summari[sz]ed|assisted)\s+(?:by|with|using)\s+"
    r"(?:an?\s+)?(?:ai|artificial intelligence|generative ai|(?:large\s+)?language models?)\b"
)
_DISCLAIMER_CUE = re.compile(
    r"^(?:this|the|our) (?:content|article|summary|story|text|report|page|post)\b"
    r"|\b(?:accuracy|accurate|errors?|mistakes|verify|verifying|reviewed|editors?|original source"
    r"|may contain|disclaimer)\b"
)
# Lines arrive folded, and folding turns "»" into '"': "Home » World" reads 'Home " World'.
_NAV_SEPARATOR = re.compile(r"\s(?:\||•|·|>|»|›|/|\")\s")
_EDGE_PUNCT = " \t-|•·:>»›*#=_~"


# Cheap substring tests that let most body lines skip the slower alternation regexes.
_STRONG_TRIGGERS = (
    "cookie", "subscribe", "sign ", "log in", "newsletter", "rss", "skip to", "share",
    "conversation", "rights reserved", "listen to", "(", " read", "follow us", "download",
    "click here", "scroll", "javascript", "browser", "by continuing",
)  # fmt: skip
_WEAK_TRIGGERS = (
    "subscribe", "sign ", "log", "newsletter", "rss", "advertisement", "skip to", "share",
    "follow us", "headlines", "read", "more from", "most ", "also like", "related",
)  # fmt: skip
_AI_TRIGGERS = ("ai", "intelligence", "language model")


def _is_chrome(folded: str) -> bool:
    if not folded or len(folded) > 1500:
        return False
    low = folded.lower()
    if _CHROME_WHOLE.fullmatch(low.strip(_EDGE_PUNCT).rstrip(".!")):
        return True
    count = low.count(" ") + 1
    if count <= 40 and any(t in low for t in _STRONG_TRIGGERS) and _CHROME_STRONG.search(low):
        return True
    if (
        count <= 80
        and any(t in low for t in _AI_TRIGGERS)
        and _AI_GENERATED.search(low)
        and _DISCLAIMER_CUE.search(low)
    ):
        return True
    is_sentence = low[-1] in ".!?\"'"
    if (
        count <= 20
        and (not is_sentence or count <= 4)
        and any(t in low for t in _WEAK_TRIGGERS)
        and _CHROME_WEAK.search(low)
    ):
        return True
    if not low.startswith("|") and len(_NAV_SEPARATOR.findall(low)) >= 2:
        parts = _NAV_SEPARATOR.split(low)
        if all(len(p.split()) <= 3 for p in parts):
            return True
    return False


# The header of a trailing list of teasers to other stories.
_RELATED_HEADER = re.compile(
    r"(?:all\s+)?(?:related|recommended|similar|more|further|popular|trending)"
    r"(?:\s+(?:articles?|stories|news|reading|coverage|content|links|posts|videos?|reads|topics"
    r"|headlines))?(?:\s+(?:from|on|in|about|for)\b.{0,60})?"
    r"|(?:top|latest|other|more|must)\s+(?:articles?|stories|news|reads|headlines)"
    r"|read (?:more|next|also)|also read|see also|what to read next|don't miss"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)"
    r"|most (?:read|popular|viewed|shared)(?:\s+(?:articles|stories))?|more (?:to explore|for you)"
    r"|recommended for you|editor'?s'? picks"
)
_COUNTER = re.compile(r"\s*\(\d+[^)]*\)\s*$")


def _is_related_header(folded: str) -> bool:
    if len(folded) > 100:
        return False
    low = _COUNTER.sub("", folded.lower()).strip(_EDGE_PUNCT).rstrip(".")
    return len(low.split()) <= 8 and _RELATED_HEADER.fullmatch(low) is not None


# --------------------------------------------------------------------------------------------
# Line shapes

_SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.!?][\"')\]]*\s+[\"'(]?[A-Z0-9]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LIST_START = ("|", "- ", "* ", "• ", "· ", "> ")


def _ends_with_period(text: str) -> bool:
    return text.endswith(".") and not text.endswith("...")


def _headline_shaped(folded: str) -> bool:
    if len(folded) > 300 or folded.startswith(_LIST_START) or not _HAS_LETTER.search(folded):
        return False
    count = len(folded.split())
    if not 3 <= count <= 30:
        return False
    if _SENTENCE_BREAK.search(folded):
        return False
    return not (_ends_with_period(folded) and count > 20)


def _prose_shaped(folded: str) -> bool:
    """Body text: once a line like this is reached, the headline is not further down."""
    if len(folded) > 300:
        return True
    count = len(folded.split())
    if count > 30:
        return True
    if count > 15 and _SENTENCE_BREAK.search(folded):
        return True
    return _ends_with_period(folded) and count > 20


# Headline suffixes: "Shares slump - BBC News", "Kim visits studio | NK News".
_TITLE_SUFFIX = re.compile(r"\s+(?:\||-{1,2}|::)\s+")


def _split_title_suffix(folded: str) -> tuple[int, int] | None:
    """(end of headline, start of site name) when the headline ends in a site name."""
    separators = list(_TITLE_SUFFIX.finditer(folded))
    if not separators:
        return None
    sep = separators[-1]
    head, suffix = folded[: sep.start()], folded[sep.end() :].strip()
    if len(head.split()) < 3:
        return None
    if _publication_like(suffix) or ("|" in sep.group() and _site_like(suffix)):
        return sep.start(), sep.end()
    return None


# --------------------------------------------------------------------------------------------
# Putting it together

_HEADER_SCAN_LINES = 30
_META_BLOCK_LINES = 8
_EARLY_BODY_LINES = 6
_DATELINE_BODY_LINES = 3
_SOURCE_TAIL_LINES = 5
_EDGE_INVISIBLES = "\ufeff\u200b\u200c\u200d\u2060"


class _Candidates:
    """What the text says about itself, in order of how directly it says it."""

    def __init__(self) -> None:
        self.outlets: dict[int, str] = {}
        self.header_dates: list[_DateFound] = []
        self.body_dates: list[_DateFound] = []

    def outlet(self, rank: int, value: str | None) -> None:
        if value and rank not in self.outlets:
            self.outlets[rank] = value

    def best_outlet(self) -> str | None:
        return self.outlets[min(self.outlets)] if self.outlets else None

    def best_date(self) -> PublishedDate | None:
        pool = self.header_dates or self.body_dates
        if not pool:
            return None
        published = [d for d in pool if not d.is_update] or pool
        best = published[0].date
        if not best.has_time:
            # "date 2026-01-26" then "Published: 26 Jan. 2026, 15:31": same day, more precise.
            for other in published[1:]:
                if other.date.has_time and other.date.value.date() == best.value.date():
                    return other.date
        return best


# Outlet ranks: the lower, the more directly the text names its publisher.
_R_TITLE_SUFFIX, _R_BYLINE, _R_MASTHEAD_AFTER, _R_DATELINE, _R_SOURCE, _R_COPYRIGHT = range(6)
_R_MASTHEAD_BEFORE = 6


def _clean_line(line: str) -> str:
    return line.strip().strip(_EDGE_INVISIBLES).strip()


def infer_metadata(text: str) -> Inferred:
    """Guess title, outlet, publication date and the clean body of one scraped article."""
    try:
        return _infer(text)
    except Exception:  # a metadata guess must never stop reading an article
        body = PARAGRAPH_BREAK.join(
            c for c in (_clean_line(line) for line in text.split("\n")) if c
        )
        return Inferred(title=None, outlet=None, published=None, body=body)


def _infer(text: str) -> Inferred:
    raw_lines = text.split("\n")
    lines = [_clean_line(line) for line in raw_lines]
    # Folding keeps lengths and maps whitespace only to whitespace, so the folded lines strip
    # exactly like the originals and offsets found in one slice the other.
    folded = [_clean_line(line) for line in fold(text).split("\n")]
    starts, pos = [], 0
    for line in raw_lines:
        starts.append(pos)
        pos += len(line) + 1
    half = len(text) / 2
    nonblank = [i for i, line in enumerate(lines) if line]
    found = _Candidates()
    dropped: set[int] = set()

    # 1. Before the headline: furniture, dates, bylines, section labels, maybe a masthead.
    title: str | None = None
    title_index: int | None = None
    body_start = 0
    for k, i in enumerate(nonblank[:_HEADER_SCAN_LINES]):
        line, f = lines[i], folded[i]
        if _header_meta(line, f, found):
            dropped.add(i)
            continue
        if _is_chrome(f):
            dropped.add(i)
            continue
        prefix = _parse_date_prefix(f)
        if prefix and _headline_shaped(f[prefix.end :]) and not _prose_shaped(f[prefix.end :]):
            found.header_dates.append(prefix)
            title, title_index = _take_title(line[prefix.end :], f[prefix.end :], found), i
            break
        if _headline_shaped(f):
            following = folded[nonblank[k + 1]] if k + 1 < len(nonblank) else ""
            if _masthead_before(f, following):
                found.outlet(_R_MASTHEAD_BEFORE, _outlet_clean(line))
                dropped.add(i)
                continue
            title, title_index = _take_title(line, f, found), i
            break
        if _prose_shaped(f):
            body_start = i
            break
        if _publication_like(f) and not _name_like(f):
            found.outlet(_R_MASTHEAD_BEFORE, _outlet_clean(line))
            dropped.add(i)
    if title_index is not None:
        body_start = title_index + 1
        dropped.add(title_index)

    # 2. Right after the headline: byline, date, masthead lines until the first body line.
    if title_index is not None:
        for i in [j for j in nonblank if j > title_index][:_META_BLOCK_LINES]:
            line, f = lines[i], folded[i]
            if _header_meta(line, f, found) or _is_chrome(f):
                dropped.add(i)
            elif _publication_like(f) and not _name_like(f):
                found.outlet(_R_MASTHEAD_AFTER, _outlet_clean(line))
                dropped.add(i)
            elif _name_like(f) or (title and f == fold(title)):
                dropped.add(i)  # a byline that is only a name, or the headline repeated
            else:
                break

    # 3. The body.
    title_folded = fold(title) if title else None
    tail_start = nonblank[-_SOURCE_TAIL_LINES] if len(nonblank) >= _SOURCE_TAIL_LINES else 0
    kept: list[str] = []
    seen = 0
    for k, i in enumerate(nonblank):
        if i < body_start or i in dropped:
            continue
        line, f = lines[i], folded[i]
        seen += 1
        early = seen <= _EARLY_BODY_LINES and title_index is not None
        if _is_related_header(f):
            if starts[i] >= half:
                break
            continue
        if early and _header_meta(line, f, found):
            continue
        if (
            early
            and k + 1 < len(nonblank)
            and _name_like(f)
            and _date_line(folded[nonblank[k + 1]], need_label=False)
        ):
            continue  # a byline that is only a name, just above the date
        date = _date_line(f, need_label=True)
        if date:
            found.body_dates.append(date)
            continue
        copyright_ = _copyright_outlet(f, line)
        if copyright_ is not None:
            found.outlet(_R_COPYRIGHT, copyright_[0])
            continue
        if i >= tail_start:
            source = _source_outlet(f, line)
            if source is not None:
                found.outlet(_R_SOURCE, source[0])
                continue
        if _is_chrome(f) or (title_folded is not None and f == title_folded):
            continue
        if len(kept) < _DATELINE_BODY_LINES:
            found.outlet(_R_DATELINE, _dateline_outlet(f, line))
        kept.append(line)

    outlet = found.best_outlet()
    if title and outlet:
        title = _strip_outlet_suffix(title, outlet)
    # Titles and outlets are shown on one line and used as labels: a tab, or an escape left in
    # text that did not come through strip_controls, must not reach them.
    return Inferred(
        title=_label(title),
        outlet=_label(outlet),
        published=found.best_date(),
        body=PARAGRAPH_BREAK.join(kept),
    )


def _label(text: str | None) -> str | None:
    return (clean_label(text) or None) if text else None


def _strip_outlet_suffix(title: str, outlet: str) -> str:
    """ "Quake kills 19 - Reuters" once the text has named Reuters as the outlet elsewhere."""
    folded_title, folded_outlet = fold(title).casefold(), fold(outlet).casefold()
    for separator in (" - ", " | ", " : ", " -- "):
        if folded_title.endswith(separator + folded_outlet):
            stripped = title[: len(title) - len(separator) - len(outlet)].rstrip()
            return stripped or title
    return title


def _header_meta(line: str, folded: str, found: _Candidates) -> bool:
    """Record a date, byline, source or copyright line of the article's header; True if it was."""
    date = _date_line(folded, need_label=False)
    if date:
        found.header_dates.append(date)
        return True
    byline = _parse_byline(folded, line)
    if byline is not None:
        found.outlet(_R_BYLINE, byline.outlet)
        found.header_dates.extend(byline.dates)
        return True
    source = _source_outlet(folded, line)
    if source is not None:
        found.outlet(_R_SOURCE, source[0])
        if source[1]:
            found.header_dates.append(source[1])
        return True
    copyright_ = _copyright_outlet(folded, line)
    if copyright_ is not None:
        found.outlet(_R_COPYRIGHT, copyright_[0])
        return True
    return False


def _masthead_before(folded: str, following: str) -> bool:
    """A site name printed above the headline ("The Kyiv Independent" then the headline).

    Only when a longer headline-shaped line follows: a short title-case headline starting with
    "The" must still be taken as the headline when body text comes next.
    """
    words = len(folded.split())
    return (
        words <= 4
        and _publication_like(folded)
        and not _is_chrome(following)
        and _headline_shaped(following)
        and len(following.split()) > words
    )


def _take_title(line: str, folded: str, found: _Candidates) -> str:
    split = _split_title_suffix(folded)
    if split is None:
        return line.strip()
    head_end, suffix_start = split
    found.outlet(_R_TITLE_SUFFIX, _outlet_clean(line[suffix_start:]))
    return line[:head_end].strip()
