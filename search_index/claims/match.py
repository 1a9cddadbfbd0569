"""Whether two claims are about the same thing: how well their frames match.

``STRONG``: both say what is counted in which role for the same event (or measure the same
named thing); only such pairs may conflict. ``WEAK``: nothing contradicts, but one side says
too little; such pairs may agree. ``NO_MATCH``: they are about different things.
"""

from __future__ import annotations

import re
from datetime import date

from .extract import UNNAMED_DAY, Claim
from .frames import Frame
from .vocabulary import GENERIC_PERSON, PERSON_NOUNS, SCOPE_NOUNS

# How sure a pairing is that two figures are about one thing (see ``frame_match``).
NO_MATCH, WEAK, STRONG = 0, 1, 2
# Slots whose name alone says what is measured ("a 6.1 magnitude", "10 km deep").
_SPECIFIC_SLOTS = frozenset({"magnitude", "depth", "caliber", "gauge"})


def frame_match(a: Claim, b: Claim) -> int:
    """``STRONG`` when the words bound to both figures say they count or measure the same
    thing in the same role for the same event; ``WEAK`` when nothing contradicts it but one
    side says too little (they may agree, never conflict); ``NO_MATCH`` otherwise."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or fa.slot != fb.slot:
        return NO_MATCH
    if fa.slot == "age" and fa.whose and fb.whose:
        return _age_match(fa, fb, fa.whose, fb.whose)
    if fa.slot == "age":
        # An age bound to no name on one side at least ("the 40-year-old American", "a
        # 63-year-old woman", "16-year-old Kimani (Kiki) Gray" where the name was cut): the
        # words after it are a description, not what is counted, and its sentence's event says
        # nothing of whose age it is. Nor do the names near it: the nearest may be someone
        # else's ("Steinberg, 48, ... a 47-year-old") or a place the name reader took for a
        # person. It may agree with an age of the same value, never conflict.
        return WEAK
    if fa.slot == "record":
        # "Klitschko, 58-3" and "Klitschko improved to 58-3" are one record; but the nearest
        # name may be the opponent's ("his second victory over Thompson, ... he improves to
        # 58-3") and one fighter has several records (career, title fights "19-2"): two
        # records may agree, never conflict.
        return WEAK
    if fa.event != fb.event or fa.event == "background:earlier":
        return NO_MATCH
    if fa.slot != "date" and fa.role and fb.role and not same_role(fa.role, fb.role):
        return NO_MATCH
    loosely_people = _loosely_people(fa, fb)
    if (
        fa.slot != "date"
        and fa.counted != fb.counted
        and not loosely_people
        and (
            (fa.counted and fb.counted)
            or fa.slot == "magnitude"  # an aftershock's is not the quake's
        )
    ):
        return NO_MATCH
    if fa.whose and fb.whose and fa.whose.split("|", 1)[0] != fb.whose.split("|", 1)[0]:
        return NO_MATCH
    if _different_occasions(fa, fb):
        # One arrest on Monday night and 46 on Wednesday night; or a report published on
        # Tuesday against a figure dated Wednesday: not one figure.
        return NO_MATCH
    if fa.actors and fb.actors and not set(fa.actors) & set(fb.actors):
        if fa.slot in _SHARED_SLOTS and _names_cross(a, b):
            # "floored Thompson ... near the end of the fifth round" and "Thompson never
            # recovered from a big right hand from Klitschko near the end of the fifth round";
            # "Klitschko stopped Tony Thompson ... Saturday night" and "Klitschko won ...
            # today, ... against Tony Thompson": both sentences name both people, and which
            # is nearest the round or the day says nothing. Weak: may agree, never conflict.
            return WEAK
        # "Williams was arrested early Sunday" and "Jackson, arrested Jan. 6": two people's
        # figures, not one.
        return NO_MATCH
    if fa.party and fb.party and fa.party != fb.party:
        # "The Orioles ... have offered Teixeira a seven-year deal" and "the Nationals have
        # offered Mark Teixeira an 8-year ... contract": two bidders' terms are two figures.
        # Weak, not none: a team and its general manager may name one bidder.
        return min(_strength(a, b), WEAK)
    if _tally(fa) and bool(fa.actors) != bool(fb.actors):
        # "Will Artino scored 14 points" and "Echenique scored all 11 points" (a name the
        # entity reader missed): a figure bound to a person against one bound to nobody known
        # may be someone else's. Counts only: a sum's nearest person is as often who speaks
        # of it ("CEO Mark Hurd believes that the $13 billion acquisition").
        return min(_strength(a, b), WEAK)
    if fa.several or fb.several or fa.described or fb.described or loosely_people:
        # May agree, never conflict, when a figure may be of another thing than its partner:
        # - a price list's sums are several things' ("$1,199 and $1,499 versions; ... $1,799
        #   and $2,199 versions" beside "costs $1199, while the 15-inch will sell for $1499");
        # - a participle says who are counted, not that they are the toll ("awards the title
        #   of Hero to nine killed soldiers" beside "upwards of 1,500 soldiers killed");
        # - "the two wounded men" and "two managers ... were wounded": maybe the same people,
        #   maybe a part of them.
        return min(_strength(a, b), WEAK)
    if _one_day_against_a_total(a, b) or _one_day_against_a_total(b, a):
        return min(_strength(a, b), WEAK)
    if _day_not_named(fa, fb) or _day_not_named(fb, fa):
        # Maybe one figure, maybe two nights': they may agree, never conflict.
        return min(_strength(a, b), WEAK)
    return _strength(a, b)


# Nouns that count people without saying which: "people", "men", "women".
_ANY_PEOPLE = frozenset({"people", "man", "men", "woman", "women"})


def _loosely_people(fa: Frame, fb: Frame) -> bool:
    """Whether one figure counts people of no kind ("three people", "two men") and the other
    people of a kind ("three former co-workers", "two managers"), in the same role."""
    if fa.slot != "count" or not fa.counted or not fb.counted or fa.counted == fb.counted:
        return False
    if not fa.role or fa.role != fb.role:
        return False
    for plain, kind in ((fa.counted, fb.counted), (fb.counted, fa.counted)):
        if plain in _ANY_PEOPLE and (
            kind in PERSON_NOUNS or kind in _ANY_PEOPLE or _AGENT_NOUN.search(kind)
        ):
            return True
    return False


# Nouns of people by what they do: "managers", "co-workers", "employees", "officers".
_AGENT_NOUN = re.compile(r"(?:er|or|ist|ant|ent|ee|ian)$")


# Slots whose figure tells when or at which stage something happened, which every party to
# it shares: the name nearest one says little of whose it is.
_SHARED_SLOTS = frozenset({"ordinal", "time", "date"})


def _names_cross(a: Claim, b: Claim) -> bool:
    """Whether the people bound to each figure are named in the other figure's sentence too."""

    def named(actors: tuple[str, ...], entities: tuple[str, ...]) -> bool:
        return all(any(key.endswith(actor) for key in entities) for actor in actors)

    fa, fb = a.frame, b.frame
    assert fa is not None and fb is not None
    return named(fa.actors, b.entities) and named(fb.actors, a.entities)


def _age_match(fa: Frame, fb: Frame, whose_a: str, whose_b: str) -> int:
    """Two ages of named people. An age is the person's, whatever the event of the sentence
    ("a vigil for Gray, 16," and "the shooting of 16-year-old Kimani Gray"): the same name is
    a strong match; the same family name with other first names (a nickname, "Kimani (Kiki)
    Gray") may agree, never conflict (it may be a relative); other people never pair."""
    if fa.event == "background:earlier" or fb.event == "background:earlier":
        return NO_MATCH
    if whose_a.split("|", 1)[0] == whose_b.split("|", 1)[0]:
        return STRONG
    return WEAK if family_name(whose_a) == family_name(whose_b) else NO_MATCH


def family_name(whose: str) -> str:
    """The family name in a "key|Surface" string: "kimanigray|Kimani Gray" -> "gray"."""
    names = whose.split("|", 1)[-1].split()
    return names[-1].lower() if names else ""


def _different_occasions(fa: Frame, fb: Frame) -> bool:
    """Whether two figures are dated to periods that cannot overlap, at least one of them by
    its own sentence (publication dates alone say when a report was written, not when)."""
    if fa.when is None or fb.when is None or not (fa.dated or fb.dated):
        return False
    weekdays = [
        w[0].removeprefix("weekday:") for w in (fa.when, fb.when) if w[0].startswith("weekday:")
    ]
    if weekdays:
        # "Monday night" and "Wednesday night" in reports without dates; a weekday against a
        # dated period is told apart only when that period is one day.
        if len(weekdays) == 2:
            return weekdays[0] != weekdays[1]
        other = fb.when if fa.when[0].startswith("weekday:") else fa.when
        if other[0] != other[1]:
            return False
        return date.fromisoformat(other[0]).strftime("%A").lower() != weekdays[0]
    return fa.when[1] < fb.when[0] or fb.when[1] < fa.when[0]


def _day_not_named(dated: Frame, other: Frame) -> bool:
    """Whether ``dated`` is dated to one day by its own sentence ("46 were arrested Wednesday
    night") and ``other``, dated by no sentence, comes from a report that never names that
    day: a story over several nights tells each night's figures with the night's name."""
    if not dated.dated or other.dated or dated.when is None:
        return False
    first, last = dated.when
    if first.startswith("weekday:"):
        weekday = first.removeprefix("weekday:")
    elif first == last:
        weekday = date.fromisoformat(first).strftime("%A").lower()
    else:
        return False
    if other.days == (UNNAMED_DAY,):
        # The other report tells of "tonight" with no date to place it: that may be another
        # night only when this report tells of several days ("Saturday's shooting ... 46 were
        # arrested Wednesday night"); a report naming one day tells the one occasion.
        return len(dated.days) > 1
    return bool(other.days) and weekday not in other.days


# The perfect tense of a count: "more than 200 people have been arrested", "has risen to".
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|so far\s+|already\s+)?(?:been\s+)?[a-z]+(?:ed|en)\b"
)


def _tally(frame: Frame) -> bool:
    """Whether a count is of things a person does or has ("14 points", "nine games"), not of
    people ("11,000 troops", "three people"): such a figure is its doer's."""
    counted = frame.counted
    return (
        frame.slot == "count"
        and bool(counted)
        and counted not in PERSON_NOUNS
        and counted not in GENERIC_PERSON
    )


def _one_day_against_a_total(dated: Claim, other: Claim) -> bool:
    """Whether ``dated`` counts one day's happening, dated by its own sentence ("86 arrests over
    the course of Saturday's protests"), and ``other`` a total up to when its report was
    written ("more than 200 people have been arrested"), dated by no sentence: over a story of
    several days the total is another scope, so they may agree, never contradict."""
    fd, fo = dated.frame, other.frame
    if fd is None or fo is None or fd.slot != "count" or not fd.dated or fo.dated:
        return False
    if fd.when is None or fd.when[0] != fd.when[1]:
        return False
    return _PERFECT.search(other.sentence.lower()) is not None


def _strength(a: Claim, b: Claim) -> int:
    fa, fb = a.frame, b.frame
    assert fa is not None and fb is not None
    if fa.slot == "date":
        events_a, events_b = set((fa.role or "").split()), set((fb.role or "").split())
        # Event words next to a date are a loose guide: disagreeing ones make the pair weak,
        # and a date of what someone said is not the date of what happened.
        shared = events_a & events_b - {"said"}
        same_grain = (
            a.date is not None and b.date is not None and (a.date.granularity == b.date.granularity)
        )
        return STRONG if shared and same_grain else WEAK
    same = bool(fa.role) and same_role(fa.role, fb.role)
    same_counted = bool(fa.counted) and fa.counted == fb.counted
    if fa.slot == "count":
        if not (fa.role or fa.counted) or not (fb.role or fb.counted):
            return NO_MATCH  # a bare number says nothing of what it counts
        named = fa.counted or fb.counted
        if same and (fa.counted == fb.counted or named in PERSON_NOUNS or named in GENERIC_PERSON):
            return STRONG
        if same:
            # "more than 6,000 were killed" may be the soldiers killed; "23 nabbed" is not
            # the "two fishing boats" captured.
            return WEAK
        # Without a role on both sides ("two firefighters" hurt vs "1,200 firefighters" at
        # work; "five villages" vs "seven villages were damaged") they may agree, not conflict.
        return WEAK if same_counted or same else NO_MATCH
    if fa.slot == "time":
        # "reported at 3:33 a.m.", "out by 6:40 a.m.": a story's times of day are of several
        # happenings, and rarely said with the happening next to them: may agree, never
        # conflict.
        return WEAK
    if fa.slot == "ordinal":
        # "knocked down in the fifth round", "stopped in the sixth round": one story tells of
        # several rounds, operations or floors; the same one may agree, two never conflict.
        return WEAK
    if fa.slot == "duration" and not same:
        return WEAK  # "four days" and "eight days" of an ongoing riot: told at two times
    if fa.slot in _SPECIFIC_SLOTS:
        return STRONG
    if fa.slot == "distance" and set(fa.scope) & set(fb.scope):
        return STRONG
    if same and (fa.counted == fb.counted or not (fa.counted and fb.counted)):
        # A share or a sum belongs to someone: "won 12.4%" and "won 27.4%" are two parties'
        # unless the sentences name the same ones.
        if set(a.entities) ^ set(b.entities) and not set(a.entities) & set(b.entities):
            return WEAK
        return STRONG
    # The same noun without the same happening ("75 percent of traffic" carried, "65% of
    # traffic" down) may agree, not conflict.
    return WEAK


# Sentences this alike (rapidfuzz token-set ratio) that name a common place or party make a
# weakly framed pair as good as a strong one: "65% of traffic to India was down" and "60 per
# cent in India were disrupted" say what the figure is about between them.
RESTATED_SENTENCE = 0.6


def strongly_matched(a: Claim, b: Claim, sentence_similarity: float) -> bool:
    """Whether two claims are surely about one thing: a strong frame match, or a weak one
    (nothing contradicts, one side says less) in sentences that restate each other around a
    common name and place, and that say what the figure is about on at least one side."""
    match = frame_match(a, b)
    if match == STRONG:
        # Two sums of one deal differ by rounding or by what they include; sums more than
        # twice apart are two different sums ("deals worth $2.5 billion" and the $14 billion
        # bid), whatever the words around them.
        return not _far_apart_sums(a, b)
    if match == NO_MATCH or sentence_similarity < RESTATED_SENTENCE:
        return False
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or fa.slot in ("date", "age", "duration", "money"):
        return False
    said = bool(fa.counted or fa.role or fb.counted or fb.role)
    if fa.slot == "count" and (fa.counted == "people" or fb.counted == "people"):
        return False  # "people" alone says too little
    # And both name the same place for the figure ("60 per cent in India", "65% of traffic
    # to India"): without it, a product's or a player's restated figures are too alike.
    same_place = bool(fa.scope) and set(fa.scope) == set(fb.scope)
    return said and same_place and bool(set(a.entities) & set(b.entities))


# Roles that news copy uses for one happening ("cables were cut" / "were damaged").
_SAME_ROLES = (
    frozenset({"damaged", "cut"}),
    frozenset({"price", "offer"}),
    # "two of them managed to flee" / "managed to escape": got away.
    frozenset({"escaped", "evacuated"}),
)


def same_role(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a == b or any(a in group and b in group for group in _SAME_ROLES)


def _far_apart_sums(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    if a.frame is None or a.frame.slot != "money" or qa is None or qb is None:
        return False
    low_a, low_b = qa.low or 0.0, qb.low or 0.0
    if low_a <= 0 or low_b <= 0:
        return False
    return max(low_a, low_b) / min(low_a, low_b) > 2


def same_named_thing(a: Claim, b: Claim) -> bool:
    fa, fb = a.frame, b.frame
    return fa is not None and fb is not None and bool(fa.counted) and fa.counted == fb.counted


# Scopes over time: a running total over several events, a peak at one moment.
# And a sum that says what it includes ("including net debt").
_TIME_SCOPES = frozenset({"cumulative", "peak", "inclusive"})


# A place's kind after its name: "the Mediterranean Sea" is "the Mediterranean".
_PLACE_KIND = re.compile(
    r"(?<=[a-z])(?:sea|ocean|river|lake|gulf|bay|island|islands|province|state|county|"
    r"region|district|city)$"
)


def _places(scope: tuple[str, ...]) -> set[str]:
    """A figure's scope with each place named without its kind ("mediterraneansea" is
    "mediterranean"): two reports name one place with and without it."""
    return {_PLACE_KIND.sub("", key) for key in scope}


def different_scope(a: Claim, b: Claim) -> bool:
    """Whether one figure counts a part of what the other counts, or another place."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None:
        return False
    if fa.part != fb.part:
        return True
    # "1,000 engineer troops" is a part of "11,000 troops" (modifiers are kept only where
    # the article also counts the plain noun: see extract._descriptive_modifiers).
    if set(fa.kind) != set(fb.kind):
        return True
    scope_a, scope_b = _places(fa.scope), _places(fb.scope)
    if scope_a and scope_b and not scope_a & scope_b:
        return True
    nouns_a = {s for s in scope_a if s in SCOPE_NOUNS or s in _TIME_SCOPES}
    nouns_b = {s for s in scope_b if s in SCOPE_NOUNS or s in _TIME_SCOPES}
    return nouns_a != nouns_b
