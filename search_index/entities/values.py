"""Finding date and quantity expressions in (folded) text: spans only.

The claims layer reads their values; here they only need to be found, with their hedges
("more than", "upwards of", "about") and what they count ("troops", "times life-size").
"""

from __future__ import annotations

import bisect
import re

from ..calendar_words import FULL_WEEKDAYS, MONTH_NUMBERS, alternation

# Capitalised: "may" is a verb, "May" a month.
_MONTH = alternation(MONTH_NUMBERS, capitalised=True) + r"\.?"
_WEEKDAY = alternation(FULL_WEEKDAYS, capitalised=True)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_SPACE = r"[ \u00a0]+"
# A day of the month, unless its digits begin a larger figure: "October 5,000 troops" and
# "October 5.5 million" are a month and a figure, not October 5. ("October 5,2024" still has
# its day: ",202" is not a digit group.)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b(?!,\d{3}(?!\d)|\.\d)"
# Digits after a month that are a figure (grouped or decimal), never a day or a year.
_FIGURE = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+\.\d)"

# Every form starts at a word's start; saying so first ("\b(?=\w)") lets the engine skip the
# other positions without trying each form there: the same matches, 40% less time (this scan
# was a fifth of all entity extraction).
_DATE = re.compile(
    r"\b(?=\w)(?:"
    + "|".join(
        (
            rf"\b{_YEAR}-\d{{2}}-\d{{2}}\b",
            rf"\b(?:{_WEEKDAY},?{_SPACE})?\d{{1,2}}(?:st|nd|rd|th)?{_SPACE}{_MONTH}(?:,?{_SPACE}{_YEAR})?\b",
            rf"\b(?:{_WEEKDAY},?{_SPACE})?{_MONTH}{_SPACE}{_DAY}(?:,?{_SPACE}{_YEAR}\b)?",
            rf"\b(?:(?:early|mid|late)[- ])?{_MONTH},?(?:{_SPACE}{_YEAR})\b",
            # "In October", unless a day or a year follows (the forms above read those, "by
            # Dec. 31" too); a figure may follow: "In October 5,000 troops crossed".
            rf"\b(?:in|since|until|by|from|during|of|early|late|mid)[- ]{_MONTH}\b"
            rf"(?!\.?,?{_SPACE}(?!{_FIGURE})\d)",
            # "lasted from 1951-1957": two years joined by a hyphen or a dash are a span of
            # years, not a count from 1951 to 1957 (nor a count and a year).
            rf"\b{_YEAR}\s?[-\u2013]\s?{_YEAR}\b(?![-,]?\d)",
            # Not "2045 GMT" (a time) nor "1630 hrs".
            rf"\b(?:(?:early|mid|late)[- ])?{_YEAR}s?\b(?![-,]?\d)"
            r"(?!\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs|hours|h\b|local time))",
            rf"\b(?:on{_SPACE})?{_WEEKDAY}\b",
            r"\b(?:(?:earlier|later|early|late)\s+)?(?:earlier|later|last|next|this|past)\s+"
            r"(?:week|month|year|weekend|summer|winter"
            r"|spring|autumn|fall|decade|century)\b",
            r"\b(?:yesterday|today|tonight|tomorrow)\b",
            # Times of day are not quantities: "1:30 a.m.", "4 p.m.", "0917 GMT".
            r"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",
            r"\b\d{1,2}:\d{2}\b(?:\s*(?:GMT|UTC|[A-Z]{3}T?)\b)?",
            r"\b\d{4}\s*(?:GMT|UTC)\b",
            r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
            r"(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|later)\b",
        )
    )
    + ")",
    re.IGNORECASE,
)

_HEDGE = (
    r"(?:(?:about|around|approximately|roughly|some|nearly|almost|over|under|more\s+than"
    r"|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|upwards\s+of|as\s+many\s+as"
    r"|an\s+estimated|estimated|another|a\s+further|just|only|close\s+to|at\s+least|from"
    r"|well\s+over|tens\s+of|hundreds\s+of|thousands\s+of)\s+)?"
)
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|a\s+hundred|a\s+dozen|dozens|hundreds|thousands|millions|billions"
    r"|a\s+dozen|half\s+a\s+million|a\s+million|a\s+billion)"
)
# "US$5bn", "A$3m": a currency sign after the country's letters.
_CURRENCY = r"(?:(?:US|A|AU|C|CA|HK|NZ|S|R)?\$|[€£¥])"
# Units and scales written straight after the digits ("10km", "5bn", "40C", "5,000MW"), and
# only these: letters glued to a number as often make a name or a code ("5G", "3D", "4x4").
# Single letters only in the case units are written in ("40c" may be cents), and nothing the
# claims layer cannot read ("10mg").
_GLUED_UNIT = (
    r"(?:(?:km/h|kmh|kph|kmph|mph|m/s|km[23]?|kms|m[23]|cm|mm|mi|ft|yds?|kgs?|lbs?|oz|ha|bbl"
    r"|[kmgt]wh|[kmg]w|°\s?[cf]|(?-i:[CF]|t|x)|hrs?|mins?|secs?|pc|pp|bn|bln|mn|mln|tn|m|k)"
    r"(?![a-z0-9]))"
)
_NUMBER = (
    rf"(?:{_CURRENCY}\s?)?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?{_GLUED_UNIT}?\+?"
    r"(?:\s*(?:%|per\s*cent|percent))?"
    r"(?:[\s-]+(?:thousand|million|billion|trillion)\b|\s+(?:bn|m)\b)?"
)
_ONE_NUMBER = rf"(?:{_NUMBER}|\b{_NUMBER_WORD}\b)"
_RANGE = rf"(?:between\s+)?{_ONE_NUMBER}(?:\s*(?:-|to|and|or)\s*{_ONE_NUMBER})?"
# What is counted: up to three following words, stopping at verbs and function words.
_UNIT_STOP = (
    r"(?!(?:and|or|but|to|in|on|at|of|for|from|with|by|as|that|which|who|were|was|are|is"
    r"|have|has|had|be|been|will|would|could|the|a|an|this|those|these|its|their|his|her"
    r"|it|they|he|she|we|after|before|since|than|while|when|where|said|says|away|ago|each"
    r"|apiece|more|less|already|also|now|then|there|here|so|too|very|just|only|per|sent|made"
    r"|took|gave|left|went|came|held|got|put|set|cut|hit|told|saw|became|began|brought|built"
    r"|fell|found|kept|lost|met|paid|ran|rose|sold|spent|stood|won|wrote|led|fled|remain"
    r"|remained|say|show|shows|showed|near|(?-i:north|south|east|west|northeast|northwest"
    r"|southeast|southwest)|off|along|struck|strikes|strike|shook|shakes|hit|hits|whose"
    r"|without|within|across|inside|outside|following|amid|during|according)\b)"
)
# Past-tense verbs end the phrase ("thousands attended"), except the participles news uses as
# nouns for casualty counts ("12 killed", "200 injured").
_NOT_A_VERB = (
    r"(?!(?!(?:killed|wounded|injured|displaced|detained|arrested|evacuated|missing)\b)"
    r"[A-Za-z]+ed\b)"
)
_UNIT_WORD = rf"{_UNIT_STOP}{_NOT_A_VERB}[A-Za-z][\w'-]*(?:/[A-Za-z]+)?"
# "63-year-old", "300-square-kilometre": a unit hyphenated onto the number.
_HYPHENATED_UNIT = r"(?:-[A-Za-z][\w]*(?:-[A-Za-z][\w]*)*)?"
# "120 miles per hour", "193 kilometres an hour": a speed, whose "per" ends no phrase.
_PER_HOUR = (
    r"(?:(?<=miles)|(?<=metres)|(?<=meters)|(?<=kilometres)|(?<=kilometers))"
    r"\s+(?:per|an)\s+hour\b"
)
_QUANTITY_AT = re.compile(
    rf"{_RANGE}{_HYPHENATED_UNIT}(?:\s+times)?(?:\s+{_UNIT_WORD}){{0,3}}(?:{_PER_HOUR})?",
    re.IGNORECASE,
)
# Words written before the number that belong to the quantity ("magnitude 6.1").
# Whole words only: "turnover 5%" and "a handsome 5%" hedge nothing.
_PREFIX_BEFORE = re.compile(r"\b(?:magnitude(?:\s+of)?)\s+$", re.IGNORECASE)
_HEDGE_BEFORE = re.compile(rf"\b{_HEDGE.removesuffix('?')}$", re.IGNORECASE)
_NUMBER_START = re.compile(
    rf"(?<![\w$€£¥.,/=#:-])(?:between\s+)?(?:{_CURRENCY}\s?\d|\d|\b{_NUMBER_WORD}\b)", re.IGNORECASE
)
_CITATION = re.compile(r"\[\d+\]")
# The e-mail alternative starts only where a word starts, and takes what comes before the first
# "@" atomically. "\S+@\S+\.\w+" alone was retried at every position of a long word and
# backtracked over the rest of it each time: quadratic, and cubic for "x@x@x@..." (100,000
# characters took from 14 s to hours). The matches are the same: one found inside a word could
# always have started at the word's start, and whichever "@" it splits at, it ends after the
# word's last "." and the letters that follow it.
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|(?<!\S)\S(?>[^\s@]*)@\S+\.\w+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b", re.IGNORECASE)


# Zero written as words: "no one was hurt", "nobody", "no injuries were reported".
_ZERO = re.compile(
    r"\b(?:no[- ]one|nobody|no (?:injuries|deaths|casualties|fatalities|arrests|survivors))\b",
    re.IGNORECASE,
)


_MAGNITUDE_HYPHEN = re.compile(r"\bmagnitude-\d(?:\.\d+)?\b", re.IGNORECASE)


def find_dates(folded: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "DATE") for m in _DATE.finditer(folded)]


def find_quantities(
    folded: str, dates: list[tuple[int, int, str]] | None = None
) -> list[tuple[int, int, str]]:
    """Quantities that are not dates (pass ``find_dates``' result if you have it), citation
    markers or ordinals, each with the hedge before it and what it counts after it."""
    date_spans = [(s, e) for s, e, _ in (find_dates(folded) if dates is None else dates)]
    # Numbers inside web addresses and e-mail addresses are not figures.
    date_spans += [(m.start(), m.end()) for m in _ADDRESS.finditer(folded)]
    # Looked up by bisection: a scan of every date for every number is quadratic when one
    # text holds thousands of both.
    taken = _Spans(date_spans)
    found: list[tuple[int, int, str]] = []
    covered = last_start = 0
    for candidate in _NUMBER_START.finditer(folded):
        start = candidate.start()
        if start < covered or taken.covers(start):
            continue
        match = _QUANTITY_AT.match(folded, start)
        if match is None:
            continue
        if folded[start].isdigit() and _MODEL_BEFORE.search(folded, max(0, start - 6), start):
            continue  # "AK 47", "SMW 4": the number is part of a name
        text = match.group()
        if _ORDINAL.match(folded, start):
            continue
        if (
            not any(ch.isdigit() for ch in text)
            and not _counts_something(text)
            # "all three of the cables", "two of them": what is counted follows "of".
            and not (_OF_WHAT.match(folded, match.end()) and text.lower() not in ("one", "a"))
            # "shooting three people, killing one, at ...": a number word a casualty verb
            # takes as its object counts the people it happened to.
            and not _CASUALTY_BEFORE.search(folded, max(0, start - 12), start)
        ):
            continue
        if start > 0 and folded[start - 1] == "[" and _CITATION.match(folded, start - 1):
            continue
        hedge = _HEDGE_BEFORE.search(folded, max(0, start - 40), start)
        begin = hedge.start() if hedge and hedge.group().strip() else start
        prefix = _PREFIX_BEFORE.search(folded, max(0, begin - 20), begin)
        if prefix:
            begin = prefix.start()
        stop = match.end()
        newline = folded.find("\n", start, stop)
        if newline >= 0:
            stop = newline  # a quantity never runs from a headline into the body
        end = _trim_end(folded, start, stop, taken)
        if end > start:
            if found and begin < covered:
                # The last quantity took this one's hedge for what it counts ("12 people over
                # 3 days"): end it before the hedge, so that no two quantities overlap.
                if begin > last_start:
                    last_end = _trim_end(folded, found[-1][0], begin, taken)
                    found[-1] = (found[-1][0], last_end, "QUANTITY")
                else:
                    begin = start
            found.append((begin, end, "QUANTITY"))
            covered, last_start = end, start
    zeros = [(m.start(), m.end(), "QUANTITY") for m in _ZERO.finditer(folded)]
    # "magnitude-5.9": the hyphen hides the digits from the number finder.
    zeros += [(m.start(), m.end(), "QUANTITY") for m in _MAGNITUDE_HYPHEN.finditer(folded)]
    if zeros:
        spans = _Spans([(s, e) for s, e, _ in found])
        found.extend(z for z in zeros if not spans.covers(z[0]) and not taken.covers(z[0]))
        found.sort()
    return found


_CASUALTY_BEFORE = re.compile(r"\b(?:killing|wounding|injuring)\s$", re.IGNORECASE)
_MODEL_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{2,4} $")
_OF_WHAT = re.compile(r"\s+of\s+(?:the|these|those|its|their|them|whom)\b", re.IGNORECASE)
_NUMBER_WORD_RE = re.compile(rf"\b{_NUMBER_WORD}\b", re.IGNORECASE)


def _counts_something(text: str) -> bool:
    """A number written in words is a quantity only with what it counts ("five people") or
    as a vague plural ("thousands"): a bare "one" is usually a pronoun."""
    words = text.split()
    if not _NUMBER_WORD_RE.search(text):
        return False
    if _JOINED_NOUN.match(text):
        return True  # "an eight-year, $200 million offer": the noun is joined to the number
    return (len(words) > 1 and not _NUMBER_WORD_RE.fullmatch(text)) or text.lower().endswith("s")


# A number word joined by a hyphen to a noun that is not another number word ("eight-year",
# "five-boat"; not "forty-eight").
_JOINED_NOUN = re.compile(rf"^{_NUMBER_WORD}-(?!{_NUMBER_WORD}\b)[a-z]{{3,}}$", re.IGNORECASE)


class _Spans:
    """Spans (dates, addresses) that a quantity may neither start in nor run into."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = sorted(s for s, _ in spans)
        # The union of the spans, as disjoint runs, for "does any span hold this offset?".
        self.runs: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if self.runs and s <= self.runs[-1][1]:
                self.runs[-1] = (self.runs[-1][0], max(e, self.runs[-1][1]))
            elif e > s:
                self.runs.append((s, e))
        self.run_starts = [s for s, _ in self.runs]

    def covers(self, offset: int) -> bool:
        index = bisect.bisect_right(self.run_starts, offset) - 1
        return index >= 0 and offset < self.runs[index][1]

    def first_start_after(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.starts, offset)
        return self.starts[index] if index < len(self.starts) else None


def _trim_end(folded: str, start: int, end: int, taken: _Spans) -> int:
    """``end`` pulled back before the first date or address after ``start``, then before
    trailing punctuation."""
    next_span = taken.first_start_after(start)
    if next_span is not None and next_span < end:
        end = next_span
    return len(folded[start:end].rstrip(" ,.;:-")) + start
