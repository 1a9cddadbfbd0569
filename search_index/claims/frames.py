"""What a figure is about: its *frame*, read from the words bound to it.

A claim's figure counts something in some role ("12 people were killed", "arrested 12",
"the death toll rose to 24"), or measures something ("a 6.1-magnitude quake", "10 km deep",
"aged 35"); it belongs to the story's own event or to another one ("a quake that killed
26,000 people in 2003"); and it may count only a part of a total ("another 3,500", "two of the
three workers", "in the district"). Two figures can only be compared when their frames agree:
the words *next to* the figure decide that, not a bag of words from the sentence.

Everything here is English news grammar and general vocabulary; nothing knows any story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..entities.lexicon import NUMBER_WORDS
from .context import WINDOW, Context, words
from .counted import (
    _ALL,
    _ALSO,
    _COORDINATED_NOUN,
    _OF_THE,
    _PART_MODIFIERS,
    _PLURALS,
    _TOLL_NOUNS,
    _lower_in,
    _of_phrase,
    _role_after,
    _role_before,
    _role_word,
    read_counted,
)
from .date_events import _date_events
from .events import date_event_of, event_of
from .measures import apposed_age, is_magnitude, length_slot, shock_of, whose_of
from .party import party_of
from .scope import INCLUSIVE, _scope, inclusive
from .vocabulary import (
    INCREMENT_WORDS,
    MONEY_ROLES,
    ROLE_LABEL,
    ROLE_OF,
    noun_concept,
)


@dataclass(frozen=True, slots=True)
class Frame:
    """What one figure is about."""

    slot: str
    """"count" for a number of things, else what is measured: "magnitude", "money", "length",
    "depth", "distance", "height", "area", "duration", "age", "ratio", "speed", "date", ..."""
    counted: str | None
    """The concept of the noun the figure quantifies ("people", "pirate", "ship"), if any."""
    counted_text: str | None
    """That noun as written, for labels ("pirates")."""
    role: str | None
    """What happened to what is counted, or what a sum of money is ("killed", "arrested",
    "price"), if the words bound to the figure say."""
    event: str
    """"main", or "background:<when>" for a figure about another, earlier event."""
    part: bool
    """The figure counts a part of a larger total ("another 3,500", "two of the three")."""
    scope: tuple[str, ...]
    """Where the figure applies, when its clause narrows it ("district", a place's key)."""
    whose: str | None = None
    """For an age: the key of the person it belongs to."""
    kind: tuple[str, ...] = ()
    """Words that narrow what is counted ("engineer" troops, "killed" soldiers)."""
    actors: tuple[str, ...] = ()
    """The family names of the people named in the figure's clause: who it is about."""
    when: tuple[str, str] | None = None
    """The period the figure is dated to (ISO first and last day): the date its sentence
    gives for the same happening ("46 were arrested Wednesday night"), else at the latest
    the article's publication date; ``None`` when neither is known."""
    dated: bool = False
    """Whether ``when`` comes from the sentence (not only from the publication date)."""
    days: tuple[str, ...] = ()
    """The weekdays ("monday") of the days the figure's article names: a figure dated to
    Wednesday by its own sentence is not the figure of a report that never names Wednesday."""

    @property
    def background(self) -> bool:
        return self.event != "main"

    role_text: str | None = None
    """The role as the text words it, when that reads better than its concept ("captured")."""
    party: str | None = None
    """Whose offer a sum or a term is ("nationals"), when its sentence tells of an offer."""
    several: bool = False
    """One of several different sums of one kind its sentence gives (a price list): whose
    each is, the frame cannot tell, so such a figure may agree but never contradicts one."""
    described: bool = False
    """The role is a participle describing those counted ("posthumously awards the title to
    nine killed soldiers"), not what the sentence says happened to them: who they are, not a
    toll, so such a figure may agree but never contradicts one."""

    @property
    def label(self) -> str:
        """A topic a person would write: "people killed", "magnitude", "age of Kimani Gray"."""
        role = self.role_text or ROLE_LABEL.get(self.role or "", self.role or "")
        if self.slot == "count":
            what = self.counted_text or ("people" if role else "")
            text = f"{what} {role}".strip()
        elif self.slot == "age":
            text = f"age of {self.whose_text}" if self.whose_text else "age"
        elif self.slot == "money":
            text = role or self.counted_text or "amount"
        elif self.slot == "ordinal":
            text = f"which {self.counted_text}" if self.counted_text else "which one"
        elif self.slot == "date":
            # "died in prison Monday" is a death, not a killing: a date's label names the
            # happening in words true of both ("date (death)").
            events = " ".join(
                _DATE_EVENT_LABEL.get(e) or ROLE_LABEL.get(e, e) for e in (self.role or "").split()
            )
            text = f"date ({events})" if events else "date"
        else:
            extra = role or self.counted_text
            text = f"{self.slot} ({extra})" if extra and extra != self.slot else self.slot
        # A bare figure still needs a name before its qualifiers (", 1957 event" alone read
        # as a topic with its first words cut off).
        text = text or "figure"
        if self.part:
            text += " (part)"
        if self.background:
            text += f", {self.event.split(':', 1)[1]} event"
        return text

    @property
    def whose_text(self) -> str | None:
        return self.whose.split("|", 1)[1] if self.whose and "|" in self.whose else self.whose


# A date's happening where the count's label would say more than the text: the role "killed"
# holds "died", "dead" and "death", so the day of it is a death's.
_DATE_EVENT_LABEL = {"killed": "death"}


# Words that put the figure inside a larger count.
_PART_BEFORE = re.compile(
    r"\b(?:another|a further|an additional|an extra|including|included|among them|"
    r"among the \w+|of them|of whom|of those|of which)\s+(?:(?:at least|about|some|around|"
    r"nearly|almost|more than|over|up to)\s+)?$"
)
_PART_AFTER = re.compile(
    r"^\s*(?:more|others|other|of (?:them|whom|those|which|the|these|its|their)\b)"
)

# A part counted before the figure: "two of the three victims", "most of the 40 passengers".
_WHOLE_OF = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"some|most|several|many|none|half)\s+of\s+(?:the|those|these|its|their)\s+$"
)


def frame_of(
    context: Context,
    start: int,
    end: int,
    *,
    slot: str,
    counted: str | None,
    original: str | None = None,
    figure: float | None = None,
) -> Frame:
    """The frame of the figure at ``[start, end)`` (sentence offsets). ``counted`` is what the
    value reader found after the number ("people killed", "North Korean soldiers"); ``slot``
    what the value measures ("count" for a bare number)."""
    text = context.text
    # Only the words near the figure bind to it; a bounded window also keeps an article of
    # 10,000 figures in one sentence linear.
    before = text[max(context.clause[0], start - WINDOW) : start]
    after = text[end : min(context.clause[1], end + WINDOW)]
    counted_concept, counted_text, role, modifiers, described = read_counted(counted, original)
    coordinated = _COORDINATED_NOUN.match(after)
    if (
        coordinated is not None
        and original
        and counted_text
        and not _lower_in(counted_text, original)
    ):
        # "23 Somali and Yemeni pirates": the capitalised word qualifies the noun after.
        counted_concept, counted_text = noun_concept(coordinated.group(1)), coordinated.group(1)
    if role is None:
        # The role word nearer the figure binds it: "sent approximately 11,000 soldiers to
        # Russia to take part" were sent; "11,000 soldiers were killed" were killed.
        found = [r for r in (_role_after(after), _role_before(before)) if r[0] is not None]
        if found:
            role = min(found, key=lambda r: r[1])[0]
    if role is None and slot == "count" and counted_concept is not None:
        # "two managers, Paul Riva and Alan Steinberg, were wounded": the names apposed to
        # the figure (blanked here) stand between it and its verb.
        apposed = _APPOSED_NAMES.match(text, end)
        if apposed is not None:
            role = _role_after(text[apposed.end() : apposed.end() + 60])[0]
    if role is not None and _WHOLE_OF.search(before):
        # "two of the three victims died": the verb after the whole is said of the part
        # ("two"); the whole ("three victims") counts what it names, in no role.
        role = None
    if role is None and slot == "money":
        # "agreed to buy Kessler for EUR 6.4 billion": the verb may stand a name away.
        role = next(
            (ROLE_OF[w] for w in reversed(words(before)[-10:]) if ROLE_OF.get(w) in MONEY_ROLES),
            None,
        )
    of_whole = False
    if counted_concept is None:
        counted_concept, counted_text, of_role, of_kind, rest = _of_phrase(before, after)
        role = role or of_role or (_role_after(rest)[0] if rest else None)
        modifiers = modifiers or of_kind
        # "five of the dead", "12 of the injured": a part of those counted elsewhere.
        of_whole = bool(rest or of_role) and _OF_THE.match(after) is not None
    if slot == "money" and ROLE_OF.get(counted_text or "") in MONEY_ROLES:
        # "$13.9 billion acquisition", "a $200 million offer": the noun says what the sum is.
        role = role or ROLE_OF[counted_text or ""]
        counted_concept = counted_text = None
    model = _MODEL_NUMBER.match(after) if slot == "count" and original else None
    code = original.split()[-1] if original else ""
    if model is not None and code.isalpha() and code.isupper() and len(code) <= 4:
        # "six AK 47 rifles": a model code and its number stand between the figure and what
        # it counts, as in "six AK-47 rifles".
        counted_concept, counted_text = noun_concept(model.group(1)), model.group(1)
    compound = _COMPOUND.match(original or "") if slot == "count" else None
    if compound is not None and compound.group(1).lower() in NUMBER_WORDS:
        compound = None  # "Forty-eight people": one number, in words
    if compound is not None:
        # "a five-boat pirate attack": the noun joined to the number counts, in the singular;
        # the noun after it ("attack") is what the phrase names.
        counted_concept, counted_text = noun_concept(compound.group(1)), compound.group(1)
        # What happened is said of the attack or the streak, not of its boats or games: "a
        # six-game losing streak" and "a three-game losing streak" are two streaks.
        role, modifiers = None, ()
    elif slot == "count" and counted_text and original and _lower_in(counted_text, original):
        beyond = _NOUN_BEYOND.match(after)
        if beyond is not None and original.lower().rstrip().endswith(counted_text):
            # "three major underwater data| lines were cut": the span ended before the noun.
            counted_concept, counted_text = noun_concept(beyond.group(1)), beyond.group(1)
            role = role or _role_after(after[beyond.end() :])[0]
    if (
        compound is None
        and slot == "count"
        and figure is not None
        and figure > 1
        and counted_text
        and not counted_text.endswith(("s", "men"))  # "fishermen", "policemen"
        and counted_text not in _PLURALS
        and counted_concept not in _TOLL_NOUNS
    ):
        # "the SEA-ME-WE 4 cable", "Route 94 freeway", "40 East 5th Ave.": a number before
        # a singular noun names something; it counts nothing.
        counted_concept = counted_text = role = None
        modifiers = ()
    if counted_concept in _TOLL_NOUNS:  # "deaths", "injuries": the noun is the role
        role = role or _TOLL_NOUNS[counted_concept]
        counted_concept = counted_text = None
    per = _PER.match(after) if counted is None or not counted.strip() else _PER.match(" " + counted)
    if per is not None:
        # "€54 per share", "$5 a barrel": a rate, never a total.
        modifiers = (*modifiers, f"per {noun_concept(per.group(1) or per.group(2))}")
    tender = _TENDER.match(after) if slot == "money" else None
    if tender is not None:
        # "$281m in cash and $53m in stock": a part of the price, paid one way.
        modifiers = (*modifiers, f"in {tender.group(1)}")
    part = (
        bool(set(modifiers) & _PART_MODIFIERS)
        or _PART_BEFORE.search(before) is not None
        or _PART_HEDGE.match(original or "") is not None
        # "They also attacked a crew's truck, injuring at least two": a further incident.
        or _ALSO.search(text[max(0, start - 60) : start]) is not None
        # "Out of 23 arrested pirates, 12 are reportedly from Somalia": a part of the whole.
        or _OUT_OF_WHOLE.search(text[max(0, start - 80) : start]) is not None
        # "two of the three workers" is a part; "all three of the cables" is the whole.
        or (
            (of_whole or (_PART_AFTER.match(after) is not None and role is None))
            and not _ALL.search(before)
        )
    )
    if slot == "count" and apposed_age(context, start, end, figure):
        slot = "age"  # "Yvonne Hiller, 43, is charged": an age set off after a name
    whose = whose_of(context, start, end) if slot == "age" else None
    if slot in ("length",):
        # Past the clause: "1,150 kilometres (700 miles) east of the capital".
        slot = length_slot(before, text[end : end + 60], counted)
    if slot == "count" and is_magnitude(text, before, after, counted_concept, figure):
        slot = "magnitude"
    if slot == "magnitude":
        counted_concept = counted_text = shock_of(text, start, counted_concept)
        role, modifiers = None, ()
    bore = _CALIBER.match(text, start) if slot == "count" else None
    if bore is not None:
        # "a .38-caliber revolver", "a .357 caliber gun", "a 12-gauge shotgun": the number
        # measures the bore, it counts nothing; the weapon's noun varies between reports
        # ("revolver", "gun"). A gauge and a caliber are two scales: two slots.
        slot = "gauge" if bore.group(1).lower() == "gauge" else "caliber"
        counted_concept, counted_text, role, modifiers = None, None, None, ()
    if slot == "record":
        # "58-3 with 51 knockouts": a record is its holder's; what follows it is another figure.
        counted_concept, counted_text, role, modifiers = None, None, None, ()
    scope = _scope(context, start, end, _BRACKET.sub("", text[end : end + 120], count=1))
    if slot == "money" and inclusive(context, end):
        scope = tuple(sorted({*scope, INCLUSIVE}))
    return Frame(
        slot=slot,
        counted=counted_concept,
        counted_text=counted_text,
        role=role,
        role_text=_role_word(role, before, counted, after),
        event=event_of(context, start, end),
        part=part,
        # Past a bracket: "13,500 hectares (33,360 acres) across the Centro region".
        scope=scope,
        whose=whose,
        kind=modifiers,
        actors=_actors(context, start, end),
        party=party_of(context, slot, start),
        described=described and role is not None,
    )


# A figure's phrase, then names set off by commas (blanked to spaces in ``Context.text``):
# "two managers, [Paul Riva] and [Alan Steinberg], were wounded".
_APPOSED_NAMES = re.compile(r"[a-z -]{0,30}?,(?:\s|\band\b)*\s{3,}(?:\s|\band\b)*,")
# A whole told before a figure that is a part of it: "Out of 23 arrested pirates, 12 ...".
_OUT_OF_WHOLE = re.compile(r"\bout of (?:the |those |these )?[\d,.]+(?: [a-z-]+){0,4}, $")
# A number joined to a singular noun: "five-boat", "12-member", "three-car".
_COMPOUND = re.compile(
    r"^\s*(?:a |an |the )?(?:\d[\d.,]*|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")-([a-z]{3,})\b(?!-)",
    re.IGNORECASE,
)
# The plural noun right after a span that stopped short of it.
_NOUN_BEYOND = re.compile(
    r"^\s+(?!(?:is|was|has|does|this|its|his|hers|as|us|thus|plus|less|unless|across)\b)"
    r"([a-z]{3,}(?:s|men))\b(?!['\u2019])"
)
_MODEL_NUMBER = re.compile(r"[\s-]*\d+\s+([a-z]+s)\b")
_CALIBER = re.compile(r"\d[\d.,]*\s*-?\s*(calib(?:er|re)|gauge)\b", re.IGNORECASE)


def _actors(context: Context, start: int, end: int) -> tuple[str, ...]:
    """Family names (last words) of the people named near the figure, lower-cased: enough
    to tell "Williams was arrested" from "Jackson, arrested Jan. 6" across two reports."""
    # The subject: the nearest person named before the figure ("Artino scored 14 points ...
    # and Echenique had 11 points": 11 is Echenique's), else just after it in its clause.
    c_end = context.clause[1]
    before = [p for p in context.people if p[1] <= start and start - p[1] <= 100]
    after = [p for p in context.people if end <= p[0] <= end + 40 and p[1] <= c_end]
    chosen = before[-1:] or after[:1]
    names = {
        key.split("|", 1)[-1].split()[-1].lower().removesuffix("'s")
        for _, _, key in chosen
        if key.split("|", 1)[-1].split()
    }
    return tuple(sorted(names))


def date_frame(
    context: Context,
    start: int,
    end: int,
    last_day: date | None = None,
    first_day: date | None = None,
) -> Frame:
    """The frame of a date: what happened then (the verb or noun nearest it in its clause)."""
    text = context.text
    # Only the words near the figure bind to it; a bounded window also keeps an article of
    # 10,000 figures in one sentence linear.
    before = text[max(context.clause[0], start - WINDOW) : start]
    after = text[end : min(context.clause[1], end + WINDOW)]
    role = _date_events(before, after)
    if role is None:
        # A date alone in its clause ("In October 2024, ...", a table row "| October 2025 |")
        # dates what the next clause, else the one before, tells.
        role = _date_events("", text[context.clause[1] : context.clause[1] + 120], 10) or (
            _date_events(text[max(0, context.clause[0] - 80) : context.clause[0]], "")
        )
    return Frame(
        slot="date",
        counted=None,
        counted_text=None,
        role=role,
        event=date_event_of(context, start, last_day, first_day),
        part=False,
        scope=(),
        actors=_actors(context, start, end),
    )


_PART_HEDGE = re.compile(rf"^\s*(?:{'|'.join(INCREMENT_WORDS)})\b", re.IGNORECASE)


_BRACKET = re.compile(r"^\s*\([^()]{0,60}\)")
_PER = re.compile(r"^\s*(?:per|a|an|each)\s+([a-z]+)\b(?<!\ba lot)|^\s*(apiece)\b")
# "in cash" alone; "in cash and stock" is the whole price paid both ways.
_TENDER = re.compile(
    r"^\s*(?:in|of)\s+(cash|stock|shares|equity|debt)\b"
    r"(?!\s*(?:and|or|plus|,)\s+(?:in\s+)?(?:cash|stock|shares|equity|debt)\b)"
)
