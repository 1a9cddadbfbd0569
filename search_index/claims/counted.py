"""The noun a figure counts and the role words bound to it: "12 people were killed",
"arrested 12", "the death toll rose to 24", "12 of the injured", "a population of 120,000".

Read from the words next to the figure (English news grammar), never from a story."""

from __future__ import annotations

import re

from .context import words
from .vocabulary import (
    GLUE_AFTER,
    GLUE_BEFORE,
    MEASURE_NOUNS,
    ROLE_OF,
    ROLE_PHRASES,
    noun_concept,
)

# A toll or count phrase that ends right before the figure ("the death toll rose to 24").
_TOLL = re.compile(
    r"\b(death|casualty|injury|official|final|overall|total)?\s*(toll|tally|count|number"
    r"|figure|total)\s+(?:of\s+(?:the\s+)?(dead|deaths|injured|wounded|missing|people|victims|"
    r"casualties|arrests|fatalities)\s+)?(?:\w+\s+){0,3}?$"
)


_PAST_VERBS = frozenset("died struck hit began begun broke sent held shot won fled caught".split())


def _read_counted(
    counted: str | None, original: str | None = None
) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    """(concept, word as written, role, modifiers) of the phrase the value reader took as
    counted. Modifiers are the lower-case words before the head ("engineer troops", "killed
    soldiers"): they narrow what is counted. Capitalised ones ("North Korean") name whose
    they are, which the entity overlap weighs."""
    return read_counted(counted, original)[:4]


def read_counted(
    counted: str | None, original: str | None = None
) -> tuple[str | None, str | None, str | None, tuple[str, ...], bool]:
    """``_read_counted`` and whether its role is a participle describing those counted ("nine
    killed soldiers"), not what the phrase says happened to them ("12 people killed")."""
    if not counted:
        return None, None, None, (), False
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
        # "26 Somali crew onboard": a plural without "s" counts as well.
        plurals = [
            i
            for i, w in enumerate(before_head)
            if (w.endswith("s") and not w.endswith("ss")) or w in _PLURALS or w.endswith("men")
        ]
        if plurals:
            index = plurals[-1]
            head_text = before_head[index]
            head = noun_concept(head_text)
            before_head = before_head[:index]
    if head in ROLE_OF and role is None and not before_head:
        return head, head_text, None, (), False  # "5 dead", "injuries": the caller reads the role
    if head in ("other", "more"):
        # "two others", "three more": beside a count told elsewhere, a part of the whole.
        return None, None, role, ("other",), False
    described = False
    if role is None and head is not None:
        # "two wounded men", "three injured firefighters": a participle before the noun says
        # what happened to those counted.
        role = next(
            (ROLE_OF[w] for w in before_head if w in _ROLE_PARTICIPLES),
            None,
        )
        described = role is not None
    modifiers = tuple(
        noun_concept(w)
        for w in before_head
        if w
        and (lower_case is None or w in lower_case)
        and w not in _NEUTRAL_MODIFIERS
        and w not in _ROLE_PARTICIPLES
    )
    return head, head_text, role, modifiers, described


# Participles that, before a counted noun, are what happened to it.
_ROLE_PARTICIPLES = frozenset("wounded injured killed dead hurt arrested detained".split())


# Plurals that do not end in "s".
_PLURALS = frozenset(
    "people men women children police personnel staff aircraft cattle sheep fish data media "
    "deer crew militia infantry ko".split()
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
    # blanked, a place phrase leaves only its prepositions, which the verb reaches across; so
    # does "and [Egypt]" left over when the figure's phrase took the first name ("three cables
    # linking Italy and Egypt went down").
    after = _BETWEEN_BLANKS.sub(" ", after)
    # "300 rounds of ammunition were seized": the verb reaches past an of-complement.
    after = _OF_COMPLEMENT.sub(" ", after, count=1)
    # "two of them managed to escape": the verb after "managed to" is what they did.
    after = _MANAGED_TO.sub(" ", after, count=1)
    following = words(after)[:7]
    for distance, word in enumerate(following):
        if word in ROLE_OF and not _death_compound(word, following[distance + 1 :]):
            return ROLE_OF[word], distance
        # Coordinated participles share the figure ("300 rounds were found and confiscated"):
        # after an auxiliary, a first verb naming no role passes the figure to the second.
        nxt = following[distance + 1 : distance + 3]
        if (
            distance > 0
            and following[distance - 1] in _AUXILIARIES
            and len(nxt) == 2
            and nxt[0] in ("and", "or")
            and nxt[1] in ROLE_OF
        ):
            return ROLE_OF[nxt[1]], distance + 2
        # A participle that describes the counted thing is passed over ("three cables
        # linking [Italy] and [Egypt] went down").
        if word not in GLUE_AFTER and not word.endswith("ing"):
            break
    return None, 99


# "three against the death sentence", "on death row": "death" names no death here.
_DEATH_COMPOUNDS = frozenset(
    {"sentence", "sentences", "penalty", "row", "threat", "threats", "warrant"}
)


def _death_compound(word: str, rest: list[str]) -> bool:
    """Whether ``word`` is "death" before a noun it only describes ("the death sentence")."""
    return word in ("death", "deaths") and bool(rest) and rest[0] in _DEATH_COMPOUNDS


_MANAGED_TO = re.compile(r"\b(?:managed|were able|was able)\s+to\b")
_AUXILIARIES = frozenset("were was are is been be being".split())
_BETWEEN_BLANKS = re.compile(r"(?:\bbetween)?(?:\s{2,}|^\s*)and\s{2,}")
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
        # "shooting his three former co-workers": a possessive sits between verb and figure.
        if word not in GLUE_BEFORE and word not in _POSSESSIVES:
            break
    return None, 99


_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})


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
    pronoun = _OF_PRONOUN.match(after)
    if pronoun is not None:
        # "two of them managed to escape": a part of those told before, who did what follows.
        rest = after[pronoun.end() :]
        return None, None, _role_after(rest)[0], (), rest
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
_OF_PRONOUN = re.compile(r"^\s*of\s+(?:them|those|these|us|whom)\b")
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
