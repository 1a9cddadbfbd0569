"""The small vocabulary frames are read with: roles, counted nouns, glue words.

General English news vocabulary only. Roles group the words news copy uses for one thing
happening to what is counted ("killed", "dead", "died", "death toll" are one role); nouns are
reduced to a concept (plural dropped, synonyms joined: "residents" and "people" are one)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

# Role concept -> the words that express it.
_ROLES = {
    "killed": "killed kill kills killing dead die died dies dying death deaths fatalities "
    "fatality perished perish lives bodies slain murdered murders murder massacred",
    "injured": "injured injure injures injuring injuries injury wounded wounding wounds hurt "
    "hospitalised hospitalized burns",
    "missing": "missing unaccounted",
    "trapped": "trapped buried stranded",
    "rescued": "rescued rescue saved",
    "evacuated": "evacuated evacuate evacuating evacuation evacuees displaced homeless fled "
    "flee driven",
    "escaped": "escaped escape escapes escaping",
    "won": "won win wins winning",
    "marched": "marched march marching protested protesting demonstrated rallied attended "
    "attending turnout",
    "arrested": "arrested arrest arrests arresting detained detain detaining detention custody "
    "captured capture capturing caught apprehended nabbed",
    "charged": "charged charges charge charging indicted accused",
    "convicted": "convicted guilty",
    "sentenced": "sentenced sentence jailed imprisoned",
    "seized": "seized seize seizing confiscated confiscate",
    "damaged": "damaged damage destroyed collapsed flattened razed burned burnt gutted severed "
    "broken disrupted broke",
    "affected": "affected",
    "sent": "sent send sends deployed deploy deploys deployment dispatched dispatch",
    "shot": "shot shooting shots",
    "fought": "tackled tackling battled battling fought fighting",
    "price": "paid pay pays buy buys bought acquire acquires acquired acquisition purchase "
    "purchased deal takeover worth valued price priced cost costs",
    "offer": "offer offered offers offering bid bids",
    "contract": "contract contracts",
    "revenue": "revenue revenues sales turnover",
    "profit": "profit profits earnings",
    "lost": "loss losses",
    "employed": "employees employs employ staff workforce",
    "cut": "cut cuts cutting layoffs laid",
    "raised": "raised raise raises raising",
    "scored": "scored scoring points goals",
}


def verb_stem(word: str) -> str:
    """A crude stem that brings a verb's forms together ("apprehending", "apprehends",
    "apprehended" -> "apprehend"; "nabs", "nabbing" -> "nab"): enough to find a role word in
    any of its forms without listing each one. Short words are left alone."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "nabb" -> "nab", "shott" stays "shot"... "kill" keeps its l
    return word.removesuffix("e") if len(word) > 3 else word


class _RoleWords(Mapping[str, str]):
    """Role words, found in any form of a listed word (see ``verb_stem``). A stem two roles
    share ("burns" injured, "burned" damaged) finds only the listed forms: saying less is
    safer than guessing."""

    def __init__(self, pairs: dict[str, str]) -> None:
        self._words = dict(pairs)
        roles: dict[str, set[str]] = {}
        for word, role in pairs.items():
            roles.setdefault(verb_stem(word), set()).add(role)
        self._stems = {stem: next(iter(r)) for stem, r in roles.items() if len(r) == 1}

    def __getitem__(self, word: str) -> str:
        if not isinstance(word, str):  # `None in ROLE_OF` is asked of a missing noun
            raise KeyError(word)
        found = self._words.get(word)
        # KeyError when no form of it is listed (Mapping's `in` and `get` rely on it).
        return found if found is not None else self._stems[verb_stem(word)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


ROLE_OF = _RoleWords({word: role for role, words in _ROLES.items() for word in words.split()})
ROLE_LABEL = {
    "killed": "killed",
    "injured": "injured",
    "missing": "missing",
    "trapped": "trapped",
    "rescued": "rescued",
    "evacuated": "evacuated",
    "arrested": "arrested",
    "charged": "charged",
    "convicted": "convicted",
    "sentenced": "sentenced",
    "seized": "seized",
    "damaged": "damaged",
    "affected": "affected",
    "sent": "sent",
    "shot": "shot",
    "fought": "fighting it",
    "price": "price",
    "offer": "offer",
    "contract": "contract",
    "revenue": "revenue",
    "profit": "profit",
    "lost": "lost",
    "employed": "employed",
    "cut": "cut",
    "raised": "raised",
    "scored": "scored",
    "won": "won",
    "marched": "marched",
}

# Words that may stand between a figure and the verb that gives its role.
GLUE_AFTER = frozenset(
    """
    were was are is have has had been be being also reportedly later so far all now still
    believed thought feared confirmed reported said estimated known to who that which were
    people persons in the total already since then more than at least subsequently
    suffered sustained minor serious critical severe life-threatening treated for
    slightly seriously critically badly fatally severely lightly gravely mortally
    off near across from outside along on at
    """.split()
)
GLUE_BEFORE = frozenset(
    """
    at least about around some nearly almost more than over up to roughly approximately
    an estimated estimated another a further the a an had has have was were been is are
    also reportedly now so far to of just only as many much had all both
    """.split()
)

# Nouns that name a figure rather than a thing counted ("a population of 120,000").
MEASURE_NOUNS = frozenset(
    """
    population crowd depth distance height length magnitude area budget total capacity
    speed temperature score price salary fine bail ransom reward value valuation stake
    """.split()
)

# Sub-national units: a figure qualified by one counts a part of the story's whole.
SCOPE_NOUNS = frozenset(
    """
    district province region county municipality city town village island state area
    neighbourhood neighborhood suburb borough prefecture commune ward camp
    """.split()
)

# Nouns that mean "people" in a count; other person nouns (children, workers) are narrower.
GENERIC_PERSON = frozenset(
    "people persons person individuals residents inhabitants civilians villagers citizens "
    "folk".split()
)
_SYNONYMS = {
    **dict.fromkeys(GENERIC_PERSON, "people"),
    **dict.fromkeys(
        "troops troop soldiers soldier personnel forces servicemen fighters".split(), "troops"
    ),
    **dict.fromkeys("firefighters firefighter firemen fireman crews".split(), "firefighter"),
    **dict.fromkeys("quake earthquake temblor tremor".split(), "quake"),
    **dict.fromkeys("policemen policeman officers officer police".split(), "officer"),
    **dict.fromkeys("vessels vessel boats boat ships ship".split(), "ship"),
    # A ship's crew, counted as a group or man by man ("26 Somali crew", "26 crewmen").
    **dict.fromkeys("crew crewmen crewman crewmembers crewmember".split(), "crew"),
    # A fight record's knockouts, written out or abbreviated ("51 knockouts", "51 KO").
    **dict.fromkeys("knockouts knockout kos ko".split(), "knockout"),
}


def noun_concept(word: str) -> str:
    """A noun's concept: a synonym group, else the word with a plural ending dropped."""
    lower = word.lower().strip("'\u2019")
    if lower.endswith("'s") or lower.endswith("\u2019s"):
        lower = lower[:-2]
    if lower in _SYNONYMS:
        return _SYNONYMS[lower]
    for suffix, replacement in (("ies", "y"), ("ves", "f"), ("ses", "s"), ("s", "")):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3 and not lower.endswith("ss"):
            singular = lower[: -len(suffix)] + replacement
            return _SYNONYMS.get(singular, singular)
    return lower


# What a date can be the date of, beyond the roles above ("construction began in October").
_DATE_EVENTS = {
    "construction": "construction constructing build builds building built foundation "
    "groundbreaking",
    "began": "began begin begins beginning started start starts launched launch launches "
    "opened opens",
    "ended": "ended ends closed closes finished completed",
    "announced": "announced announces unveiled unveils",
    "signed": "signed signs",
    "elected": "elected election vote voted polls",
    "born": "born",
    "said": "said says say told tells stated added",
    "happened": "struck hit erupted broke occurred happened",
}
DATE_EVENTS = {word: event for event, words in _DATE_EVENTS.items() for word in words.split()}
# The date-event words that are nouns naming the event itself, not verbs.
EVENT_NOUNS = frozenset("construction foundation groundbreaking election vote polls".split())

# Roles that can name what happened on a date (a sum of money's role cannot: "the closing
# price on Friday" is no event).
DATE_ROLES = frozenset(
    "killed injured missing trapped rescued evacuated arrested charged convicted sentenced "
    "seized damaged sent shot won marched".split()
)
# Roles of a sum of money, looked for further from the figure than other roles.
MONEY_ROLES = frozenset("price offer contract revenue profit lost raised".split())

# Phrases that give a role in more than one word, read as the one word that names it.
ROLE_PHRASES = (
    ("took part", "marched"),
    ("take part", "marched"),
    ("taking part", "marched"),
    ("turned out", "marched"),
    ("lost their lives", "died"),
    ("went down", "damaged"),
    ("lost his life", "died"),
    ("lost her life", "died"),
    ("got away", "escaped"),
    ("get away", "escaped"),
    ("getting away", "escaped"),
)

# Nouns that count people: a figure with no noun ("more than 6,000 were killed") may stand for
# any of them, never for things ("two fishing boats").
PERSON_NOUNS = frozenset(
    """
    people troops firefighter officer worker employee staff civilian child children man men
    woman women student passenger pirate protester demonstrator victim miner resident
    villager refugee migrant prisoner inmate suspect militant fighter rebel police policeman
    guard sailor crew hostage patient doctor nurse teacher journalist tourist fan spectator
    member player athlete driver pilot boy girl adult teenager youth person individual
    """.split()
)

# Words that add a figure to one told before ("another 3,500"): an increment, not a total.
INCREMENT_WORDS = ("another", "a further", "an additional", "an extra")
