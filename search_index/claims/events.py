"""Which event a figure belongs to: the story's own, an earlier one, or one only expected.

A figure dated long before the article, told of an event introduced with "a" weeks before it,
cued by "last year", "weeks after", the past perfect outside reported speech, or a plan or a
possibility, is not about the story's event; pairing it with the story's figures is the
commonest false conflict in multi-source news.
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date

from .context import WINDOW, Context

# Cues that a figure is about an earlier event, whatever the dates say.
_BACKGROUND_CUE = re.compile(
    r"\b(?:last year|last month|earlier this year|years? ago|decades? ago|months ago|"
    r"previous(?:ly)?|prior to|in the past|formerly|the worst since|"
    r"since (?:19|20)\d\d|"
    # "weeks after a driver shot eight" (not "10 months after the last event, 3 cables were
    # severed": that dates this story's event after an earlier one)
    r"(?:days|weeks|months|years) (?:after|before)"
    r"(?! (?:the|a|an) (?:last|previous|earlier|first)))\b"
)


# A possibility or a plan, not what happened.
_EXPECTED = re.compile(
    # Not "will" or "would": business news reports a signed deal's terms in them ("HP will
    # pay $13.2 billion", "said it would pay").
    r"\b(?:could|might|if|faces?|facing|scheduled|expected|planned|planning|needs?|needed|"
    r"set to|due to|may (?:be|have|face|get|reach|rise|go))\b"
)


def date_event_of(
    context: Context, start: int, last_day: date | None, first_day: date | None = None
) -> str:
    """A date long before the article dates another event than the story's ("built in
    1935", "a bond approved in 2009"); so does a cue such as "previously"."""
    if _EXPECTED.search(context.text[max(0, start - 80) : start]):
        return "background:expected"
    anchor = context.anchor
    if anchor is not None and last_day is not None:
        days = (anchor - last_day).days
        if days > _LONG_AGO:
            return f"background:{_years(first_day, last_day)}"
        if context.dated and days > _WEEKS_AGO and _INDEFINITE.match(context.text):
            return f"background:{last_day.year}-{last_day.month:02d}"
    clause = context.text[context.clause[0] : context.clause[1]]
    if len(clause) < 4 * WINDOW and _BACKGROUND_CUE.search(clause):
        return "background:earlier"
    return "main"


def _years(first_day: date | None, last_day: date) -> str:
    """The years a date spans, as its event is named: "1950s" for a decade (its last day is
    in 1959, and "the 1959 event" misnames it), "2008-2009" for a season, else the year."""
    if first_day is None or first_day.year == last_day.year:
        return str(last_day.year)
    if first_day.year % 10 == 0 and last_day.year == first_day.year + 9:
        return f"{first_day.year}s"
    return f"{first_day.year}-{last_day.year}"


# More than about 18 months before the article: another event, not this story's.
_LONG_AGO = 548


def event_of(context: Context, start: int, end: int) -> str:
    """ "main", or "background:<year>" when the figure's clause dates it long before the
    article (or a cue says it is about an earlier event), or "background:expected" when it
    is a possibility or a plan rather than what happened ("could be sentenced to up to 119
    years", "scheduled to begin Jan. 24")."""
    if _EXPECTED.search(context.text[max(0, start - 80) : start]):
        return "background:expected"
    if not context.dated:
        # Without a publication date, a sentence that opens on a bare month ("In January,
        # five cables were cut") tells of an earlier event: news dates its own event by day
        # ("on Friday", "yesterday").
        opening = _OPENING_MONTH.match(context.text)
        if opening is not None and opening.end() <= start:
            return f"background:{opening.group(1)}"
    c_start, c_end = context.clause
    clause = context.text[max(c_start, start - WINDOW) : min(c_end, end + WINDOW)]
    anchor = context.anchor
    if anchor is not None:
        # Dates come in text order: only those within the window are looked at.
        low = bisect.bisect_left(context.dates, (start - 2 * WINDOW,))
        for index in range(low, len(context.dates)):
            d_start, d_end, last_day = context.dates[index]
            if d_start > end + WINDOW:
                break
            if d_end < start - WINDOW:
                continue  # too far to date this figure
            if d_start < end and start < d_end:
                continue  # the figure's own date
            in_clause = c_start <= d_start and d_end <= c_end
            # A sentence that opens with its date ("In December 2003, a quake ...") dates the
            # clause that follows; and every clause after it when it opens on an event told
            # with "a" ("In February, a woman opened fire at [a university], killing three").
            leading = (
                d_start <= 12
                and d_end <= c_start
                and (
                    not context.text[d_end:c_start].strip(" ,")
                    or _INDEFINITE.match(context.text) is not None
                )
            )
            # "the $19 billion purchase of Compaq, completed in 2002": a participle clause
            # right after the figure's dates the thing the figure measures.
            trailing = (
                d_start >= c_end
                and d_start - c_end <= 40
                and _PARTICIPLE_CLAUSE.match(context.text, c_end) is not None
            )
            if not (in_clause or leading or trailing):
                continue
            days = (anchor - last_day).days
            if days > _LONG_AGO:
                return f"background:{last_day.year}"
            if context.dated and days > _WEEKS_AGO and _INDEFINITE.match(context.text):
                # "In February, a woman opened fire at [another campus], killing three": an
                # event told with "a", dated weeks before the article, is another event.
                return f"background:{last_day.year}-{last_day.month:02d}"
    # A cue in the figure's clause, or earlier in its sentence ("Thursday's shooting came
    # weeks after a driver [...] fatally shot eight").
    lead = context.text[max(0, start - WINDOW) : start]
    if _BACKGROUND_CUE.search(clause) or _BACKGROUND_CUE.search(lead):
        return "background:earlier"
    # "Early November, the Royal Navy had captured eight pirates": the past perfect tells of
    # what came before the story, unless it reports speech ("police said 10 had been killed").
    earlier = _PAST_PERFECT.search(lead[-60:]) or _PAST_PERFECT_AFTER.match(
        context.text[end : end + 60]
    )
    # Only in a dated sentence: "Residents of 12 villages had been evacuated" is today's news.
    if earlier and context.dates and not _REPORTED.search(context.text):
        return "background:earlier"
    # "the 2004 tsunami", "the 1999 election": a year naming another event.
    named = _NAMED_EVENT.search(clause)
    if named is not None and (anchor is None or int(named.group(1)) < anchor.year):
        return f"background:{named.group(1)}"
    return "main"


_PARTICIPLE_CLAUSE = re.compile(r",\s*(?:which|that)?\s*(?:was|were)?\s*[a-z]+ed\b")
_OPENING_MONTH = re.compile(
    r"^\W*(?:in|last|early|late|since|by)\s+("
    + "|".join(name.lower() for name in calendar.month_name[1:])
    + r")\b\s*,"
)


_PAST_PERFECT = re.compile(
    r"\bhad (?:been |already |previously )?[a-z]+(?:ed|en|t)\b(?:\s+\w+){0,3}\s*$"
)


_PAST_PERFECT_AFTER = re.compile(
    r"^(?:\s+[a-z]+){0,2}\s+had (?:been |already )?[a-z]+(?:ed|en|ing|t)\b"
)


_REPORTED = re.compile(
    r"\b(?:said|says|say|told|reported|according|announced|confirmed|stated|added|"
    r"estimated|believed|thought|feared)\b"
)


# A sentence that opens (after a date phrase) with an indefinite noun phrase.
_INDEFINITE = re.compile(r"^\W*(?:[^,.;]{0,40},\s*)?(?:a|an|another)\s+[a-z]")


_WEEKS_AGO = 30


_NAMED_EVENT = re.compile(r"\bthe ((?:19|20)\d\d) (?!(?:and|to|or)\b)[a-z]")
