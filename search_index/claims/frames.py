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

from .context import WINDOW, Context, words
from .events import date_event_of, event_of
from .measures import apposed_age, is_magnitude, length_slot, shock_of, whose_of
from .vocabulary import (
    DATE_EVENTS,
    DATE_ROLES,
    EVENT_NOUNS,
    GLUE_AFTER,
    GLUE_BEFORE,
    INCREMENT_WORDS,
    MEASURE_NOUNS,
    MONEY_ROLES,
    ROLE_LABEL,
    ROLE_OF,
    ROLE_PHRASES,
    SCOPE_NOUNS,
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

    @property
    def background(self) -> bool:
        return self.event != "main"

    role_text: str | None = None
    """The role as the text words it, when that reads better than its concept ("captured")."""

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
        elif self.slot == "date":
            events = " ".join(ROLE_LABEL.get(e, e) for e in (self.role or "").split())
            text = f"date ({events})" if events else "date"
        else:
            extra = role or self.counted_text
            text = f"{self.slot} ({extra})" if extra and extra != self.slot else self.slot
        if self.part:
            text += " (part)"
        if self.background:
            text += f", {self.event.split(':', 1)[1]} event"
        return text or "figure"

    @property
    def whose_text(self) -> str | None:
        return self.whose.split("|", 1)[1] if self.whose and "|" in self.whose else self.whose


# Words that put the figure inside a larger count.
_PART_BEFORE = re.compile(
    r"\b(?:another|a further|an additional|an extra|including|included|among them|"
    r"among the \w+|of them|of whom|of those|of which)\s+(?:(?:at least|about|some|around|"
    r"nearly|almost|more than|over|up to)\s+)?$"
)
_PART_AFTER = re.compile(
    r"^\s*(?:more|others|other|of (?:them|whom|those|which|the|these|its|their)\b)"
)
# A place qualifier right after the counted phrase: "in the province", "in five villages".
_SCOPE_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,3}?(?:in|across|on|at|throughout)\s+(?P<words>[^,;.()]{1,60})"
)
# Only a total over several named events: "so far" alone is as often a running toll of this
# one ("have so far counted 326 homes damaged").
_CUMULATIVE = re.compile(
    r"\b(?:in|during|over|across|from) (?:their |its |the |all )?(?:\w+ )?(?:operations|"
    r"missions|raids|attacks|incidents|games|matches|seasons|patrols|tournaments)\b|"
    r"\bso far this (?:year|season|month)\b|\bcumulative(?:ly)?\b"
)
_PLACE_PHRASE = re.compile(
    r"^(?:\s*[a-z'-]+){0,4}?\s+(?:in|to|with|from|across|throughout)\s+(?:the\s+)?$"
)
# "Fires in the Centro region have burned ...": the scope stated before the figure.
_SCOPE_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+(?P<words>[^,;.()]{1,50})$")
# Time expressions glued to the figure that are not dates ("the 2004 tsunami" is one).
_TOLL = re.compile(
    r"\b(death|casualty|injury|official|final|overall|total)?\s*(toll|tally|count|number"
    r"|figure|total)\s+(?:of\s+(?:the\s+)?(dead|deaths|injured|wounded|missing|people|victims|"
    r"casualties|arrests|fatalities)\s+)?(?:\w+\s+){0,3}?$"
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
    counted_concept, counted_text, role, modifiers = _read_counted(counted, original)
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
    if (
        slot == "count"
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
    return Frame(
        slot=slot,
        counted=counted_concept,
        counted_text=counted_text,
        role=role,
        role_text=_role_word(role, before, counted, after),
        event=event_of(context, start, end),
        part=part,
        # Past a bracket: "13,500 hectares (33,360 acres) across the Centro region".
        scope=_scope(context, start, end, _BRACKET.sub("", text[end : end + 120], count=1)),
        whose=whose,
        kind=modifiers,
        actors=_actors(context, start, end),
    )


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


def date_frame(context: Context, start: int, end: int, last_day: date | None = None) -> Frame:
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
        event=date_event_of(context, start, last_day),
        part=False,
        scope=(),
        actors=_actors(context, start, end),
    )


_PAST_VERBS = frozenset("died struck hit began begun broke sent held shot won fled caught".split())


def _read_counted(
    counted: str | None, original: str | None = None
) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    """(concept, word as written, role, modifiers) of the phrase the value reader took as
    counted. Modifiers are the lower-case words before the head ("engineer troops", "killed
    soldiers"): they narrow what is counted. Capitalised ones ("North Korean") name whose
    they are, which the entity overlap weighs."""
    if not counted:
        return None, None, None, ()
    phrase = words(counted.lower())
    lower_case = set(_ANY_WORD.findall(original)) if original else None
    role = None
    head = None
    head_text = None
    before_head: list[str] = []
    for word in phrase:
        bare = word.strip("'\u2019")
        if bare in ROLE_OF and role is None and head is not None:
            role = ROLE_OF[bare]
            break  # "12 people killed in ...": the role closes the phrase
        if bare in _FILLER:
            if head is not None:
                break
            continue
        if head is None and bare in _PREPOSITIONS:
            break  # "38 percent over Friday's close": nothing counted
        if head is not None and (bare.endswith("ing") or bare in _PREPOSITIONS):
            break  # "four submarine cables running under ...": the noun came before
        if head is not None:
            before_head.append(head_text or "")
        head, head_text = noun_concept(bare), bare
    if head_text and not head_text.endswith("s"):
        # "three circuits account for 90%": a verb the reader took for a noun follows the
        # plural noun counted; the last plural word is the head.
        plurals = [i for i, w in enumerate(before_head) if w.endswith("s") and not w.endswith("ss")]
        if plurals:
            index = plurals[-1]
            head_text = before_head[index]
            head = noun_concept(head_text)
            before_head = before_head[:index]
    if head in ROLE_OF and role is None and not before_head:
        return head, head_text, None, ()  # "5 dead", "injuries": the caller reads the role
    if head in ("other", "more"):
        # "two others", "three more": beside a count told elsewhere, a part of the whole.
        return None, None, role, ("other",)
    modifiers = tuple(
        noun_concept(w)
        for w in before_head
        if w and (lower_case is None or w in lower_case) and w not in _NEUTRAL_MODIFIERS
    )
    return head, head_text, role, modifiers


# Plurals that do not end in "s".
_PLURALS = frozenset(
    "people men women children police personnel staff aircraft cattle sheep fish data media "
    "deer crew militia infantry".split()
)
_PREPOSITIONS = frozenset(
    "between across through near off into onto under over around against via per than like "
    "inside outside along toward towards beyond to for from with in on at by".split()
)
# Modifiers that do not narrow what is counted.
_NEUTRAL_MODIFIERS = frozenset("some all total estimated reported confirmed known".split())
# Modifiers that add to a count told elsewhere: "two extra life sentences", "11 other men".
_PART_MODIFIERS = frozenset("other additional further extra more".split())
# Nouns that are the role itself: "24 deaths", "no injuries", "300 arrests".
_TOLL_NOUNS = {
    "death": "killed",
    "dead": "killed",
    "fatality": "killed",
    "injury": "injured",
    "injured": "injured",
    "wounded": "injured",
    "missing": "missing",
    "arrest": "arrested",
    "evacuee": "evacuated",
}


# Words inside a counted phrase that are not what is counted.
_FILLER = frozenset(
    "of the a an those these its their his her our were was are is have has had been be "
    "being who which that".split()
)


def _role_word(role: str | None, before: str, counted: str | None, after: str) -> str | None:
    """The participle that gave ``role``, as written ("captured", "wounded"), if one did."""
    if role is None:
        return None
    near = [*words(counted or ""), *words(after)[:5], *reversed(words(before)[-5:])]
    for word in near:
        if ROLE_OF.get(word) == role and word.endswith("ed"):
            return word
    return None


def _role_after(after: str) -> tuple[str | None, int]:
    """ "... were killed", "... have been arrested", "... died", "... dead": the role and how
    many words away it is."""
    after = after[:100]
    for phrase, word in ROLE_PHRASES:
        after = after.replace(phrase, word)
    # "cables between [Italy] and [Egypt] in the [Mediterranean] were damaged": with the names
    # blanked, a place phrase leaves only its prepositions, which the verb reaches across.
    after = _BETWEEN_BLANKS.sub(" ", after)
    # "300 rounds of ammunition were seized": the verb reaches past an of-complement.
    after = _OF_COMPLEMENT.sub(" ", after, count=1)
    for distance, word in enumerate(words(after)[:7]):
        if word in ROLE_OF:
            return ROLE_OF[word], distance
        # A participle that describes the counted thing is passed over ("three cables
        # linking [Italy] and [Egypt] went down").
        if word not in GLUE_AFTER and not word.endswith("ing"):
            break
    return None, 99


_BETWEEN_BLANKS = re.compile(r"(?:\bbetween)?\s{2,}and\s{2,}")
_OF_COMPLEMENT = re.compile(
    r"^\s*of\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?(?=\s+(?:were|was|are|is|have|has|had)\b)"
)


def _role_before(before: str) -> tuple[str | None, int]:
    """ "killing at least 10", "arrested 12", "the death toll rose to 24": the role and how
    many words away it is (a toll phrase counts as next to the figure)."""
    toll = _TOLL.search(before[-60:])
    if toll is not None:
        kind = toll.group(3) or toll.group(1)
        if kind and kind in ROLE_OF:
            return ROLE_OF[kind], 0
        if kind in ("death", "casualty"):
            return "killed", 0
        if kind == "injury":
            return "injured", 0
    for distance, word in enumerate(reversed(words(before)[-5:])):
        if word in ROLE_OF:
            return ROLE_OF[word], distance
        if word not in GLUE_BEFORE:
            break
    return None, 99


def _of_phrase(
    before: str, after: str
) -> tuple[str | None, str | None, str | None, tuple[str, ...], str]:
    """ "a population of 120,000", "12 of the injured", "thousands of soldiers were killed":
    (concept, noun, role, modifiers, the text after the phrase)."""
    match = re.search(
        r"\b([a-z]+)\s+(of|at|to)\s+(?:(?:about|some|around|nearly|almost|"
        r"more than|over|at least|up to|roughly)\s+)?$",
        before,
    )
    if match is not None:
        noun = match.group(1)
        if noun in ROLE_OF:
            return None, None, ROLE_OF[noun], (), ""
        if noun in MEASURE_NOUNS:
            return noun_concept(noun), noun, None, (), ""
    if (
        match is not None
        and match.group(2) == "of"
        and match.group(1) not in GLUE_BEFORE
        and not _QUANTITY_NOUN.match(match.group(1))
    ):
        # "a mother of 12 was killed": the figure describes the mother; what is said after
        # it is said of her.
        return noun_concept(match.group(1)) + " of", match.group(1) + " of", None, (), ""
    match = _OF_AFTER.match(after)
    if match is not None:
        concept, noun, role, modifiers = _read_counted(match.group(1))
        return concept, noun, role, modifiers, after[match.end() :]
    return None, None, None, (), ""


# Words before "of N" that quantify rather than own the figure ("a total of 12").
_QUANTITY_NOUN = re.compile(
    r"^(?:total|number|group|team|crowd|toll|tally|count|figure|sum|amount|estimate|ages?|"
    r"aged|rate|score|record|majority|minimum|maximum|average|out|one|two|three|some|all|"
    r"most|many|each|none|both|dozens|hundreds|thousands|millions|tens|scores|part|half)$"
)
# "of the cables connecting ...": up to three words, which ``_read_counted`` cuts at a
# participle, a preposition or a verb.
_OF_AFTER = re.compile(
    r"^\s*of\s+(?:the\s+|those\s+|these\s+|its\s+|their\s+)?((?:[a-z][a-z'-]*\s*){1,3})"
)
# Words as written, upper or lower case: those all in lower case are common words.
_ANY_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z'\u2019-]*(?![A-Za-z])")
_COORDINATED_NOUN = re.compile(r"^\s*(?:and|or)\s+[a-z]+\s+([a-z]+)\b")


def _lower_in(word: str, original: str) -> bool:
    """Whether ``word`` is written in lower case in ``original`` (not a name or demonym)."""
    return re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", original) is not None


_OF_THE = re.compile(r"^\s*of\s+(?:the|those|these|them|its|their)\b")
_ALL = re.compile(r"\b(?:all|both)\s*$")
_ALSO = re.compile(r"\b(?:also|too|as well)\b")
_PART_HEDGE = re.compile(rf"^\s*(?:{'|'.join(INCREMENT_WORDS)})\b", re.IGNORECASE)


def _date_events(before: str, after: str, reach: int = 4) -> str | None:
    """What happened on a date: the event words of its clause ("construction began",
    "arrested"), as space-separated concepts, or ``None``."""
    found: list[str] = []
    words_before, words_after = words(before), words(after)
    # The verb that governs a date is the first word before it past prepositions and
    # adverbs ("arrested early Sunday"), or right after it; a verb further off governs
    # something else ("tests given when Williams was arrested were released Wednesday").
    governing = [w for w in words_before[-4:] if w not in _DATE_GLUE][-1:]
    near = {*governing, *words_after[:1]}
    wide = [*words_before[-8:], *words_after[:reach]]
    following = dict(zip(wide, [*wide[1:], ""], strict=False))
    # Only verbs right at a date bind to it ("was killed on Sunday", "began in October"); a
    # noun such as "murder" in "questioned on suspicion of murder yesterday" does not say what
    # happened then. Nouns that name an event ("construction", "election") may stand further
    # off, unless they only qualify another noun ("the construction site").
    for word in wide:
        role = ROLE_OF.get(word)
        verb = (word.endswith("ed") or word in _PAST_VERBS) and word in near
        event = role if role in DATE_ROLES and verb else None
        if event is None and word in DATE_EVENTS:
            if word in EVENT_NOUNS:
                if following.get(word) not in _NOUN_HEADS:
                    event = DATE_EVENTS[word]
            elif word in near:
                event = DATE_EVENTS[word]
        if event and event not in found:
            found.append(event)
    return " ".join(sorted(found)) or None


_DATE_GLUE = frozenset(
    "on in at by of the early late last this next until since from during around about "
    "before after".split()
)
# Nouns an event noun may only qualify: "the construction site", "election officials".
_NOUN_HEADS = frozenset(
    "site sites worker workers work crew crews company firm equipment zone project officials "
    "official campaign results result day".split()
)


_BRACKET = re.compile(r"^\s*\([^()]{0,60}\)")
_PER = re.compile(r"^\s*(?:per|a|an|each)\s+([a-z]+)\b(?<!\ba lot)|^\s*(apiece)\b")
# "in cash" alone; "in cash and stock" is the whole price paid both ways.
_TENDER = re.compile(
    r"^\s*(?:in|of)\s+(cash|stock|shares|equity|debt)\b"
    r"(?!\s*(?:and|or|plus|,)\s+(?:in\s+)?(?:cash|stock|shares|equity|debt)\b)"
)


def _scope(context: Context, start: int, end: int, after: str) -> tuple[str, ...]:
    """Where the figure applies, when its clause narrows it: a sub-national unit named right
    after the counted phrase ("in the district", "in five villages"), or the places named in
    its clause."""
    found: list[str] = []
    c_start = context.clause[0]
    before = context.text[max(c_start, start - WINDOW) : start]
    for phrase in (_SCOPE_AFTER.match(after[:80]), _SCOPE_BEFORE.search(before[-80:])):
        if phrase is None:
            continue
        for word in words(phrase.group("words"))[:5]:
            if noun_concept(word) in SCOPE_NOUNS:
                found.append(noun_concept(word))
                break
    # "So far, the navy has confiscated 14 rifles": a running total over several events,
    # never the count of one of them.
    # Up to two windows back ("In their five operations so far, the personnel ... have
    # confiscated 14 rifles, 31 magazines and 923 rounds"), bounded so that a sentence of
    # thousands of figures stays linear.
    if _CUMULATIVE.search(context.text[max(0, start - 2 * WINDOW) : start]):
        found.append("cumulative")
    # A place right after the figure's noun phrase ("55 percent of voice traffic in [Saudi
    # Arabia]", "65% of traffic to [India]") says where the figure applies. Places further
    # off are as often the setting as a part of the whole: saying less is the safer reading.
    for p_start, _, key in context.places:
        if end <= p_start <= end + 50 and _PLACE_PHRASE.search(context.text[end:p_start]):
            found.append(key)
            break
    return tuple(sorted(set(found)))
