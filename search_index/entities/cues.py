"""Words around a lone capitalised name that say what it is when nothing else does: a source
cited ("according to Newsday"), a partner dealt with ("negotiations with Lionsgate"), where a
person lives ("a Troy resident", "Luann Johnson, of Burnsville,"), what a place is called ("the
city of Hawaiian Gardens"). names.py turns them into guesses ("ORG?", "PLACE?")."""

from __future__ import annotations

from itertools import pairwise

from .lexicon import (
    COMPASS,
    MONTHS,
    NAME_PARTICLES,
    ORG_CUES,
    ORG_HEADS,
    THING_HEADS,
    WEEKDAYS,
)
from .tokens import _joined, _Token

PARTNER_PREPOSITIONS = frozenset({"with", "on"})


def partner(tokens: list[_Token], token: _Token, beside: NamesBeside) -> bool:
    """A lone word that ends its phrase: not an acronym (typed elsewhere), a date word, a
    compass point, a holiday or a hyphenated modifier ("Bush-era"), and not followed by a
    number or a noun it qualifies ("on Interstate 35", "with Molotov cocktails")."""
    core = token.core
    if core.isupper() or "-" in core or token.possessive:
        return False
    if token.lower in MONTHS | WEEKDAYS | COMPASS | THING_HEADS:
        return False
    after = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if (
        after is not None
        and _joined(token, after)
        and (after.capitalised or after.text[:1].isdigit() or after.text.islower())
        and after.lower not in _AFTER_SOURCE
    ):
        return False
    if (
        after is not None
        and after.text == "and"
        and after.index + 1 < len(tokens)
        and tokens[after.index + 1].capitalised
    ):
        return False  # "I agreed with Craig and Neil": people named in a pair
    return token.core not in beside


class NamesBeside:
    """The words an article writes beside another capitalised word, headlines included ("Hugh
    Hefner" above "photographed with Hefner"): parts of longer names. Worked out in one pass,
    on first use (most articles never ask)."""

    __slots__ = ("_cores", "_tokens")

    def __init__(self, tokens: list[_Token]) -> None:
        self._tokens = tokens
        self._cores: set[str] | None = None

    def __contains__(self, core: object) -> bool:
        if self._cores is None:
            cores: set[str] = set()
            for a, b in pairwise(self._tokens):
                if (a.capitalised or b.capitalised) and _joined(a, b):
                    if a.capitalised:
                        cores.add(b.core)
                    if b.capitalised:
                        cores.add(a.core)
            self._cores = cores
        return core in self._cores


RESIDENTS = frozenset({"resident", "residents", "native", "natives"})


def residence(tokens: list[_Token], token: _Token, folded: str) -> bool:
    """ "Luann Johnson, of Burnsville, was hit": where a person just named lives."""
    i = token.index
    if i < 2 or tokens[i - 1].text != "of" or not tokens[i - 2].capitalised:
        return False
    of = tokens[i - 1]
    return folded[tokens[i - 2].end : of.start] == ", " and folded[token.end : token.end + 1] == ","


_PLACE_OF = frozenset({"city", "town", "village", "hometown", "county", "state", "province"})


def of_a_place(tokens: list[_Token], token: _Token) -> bool:
    """ "the city of X", "her hometown of X": a name given as what a place is called."""
    i = token.index
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is not None and after.text in NAME_PARTICLES:
        return False  # "the city of Viña del Mar": the name goes on past what was cut
    return (
        i >= 2
        and tokens[i - 1].text == "of"
        and tokens[i - 2].text in _PLACE_OF
        and token.start - tokens[i - 2].end <= 5
    )


# What may follow a cited source in its sentence ("according to Newsday on Monday"); any other
# lower-case word makes the name a modifier ("according to Palmer officials").
_AFTER_SOURCE = frozenset("and or on in at to for that this last the a an as of which".split())


def attributed(tokens: list[_Token], token: _Token, folded: str) -> bool:
    """ "according to X" or "according to the X": X cited as the source of a report."""
    i = token.index - 1
    if i >= 1 and tokens[i].lower == "the":
        i -= 1
    if not (
        i >= 1
        and tokens[i].lower == "to"
        and tokens[i - 1].lower == "according"
        and token.start - tokens[i].end <= 5
    ):
        return False
    following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if (
        following is not None
        and following.start - token.end == 1
        and following.text.islower()
        and following.lower not in _AFTER_SOURCE
    ):
        return False  # "according to Palmer officials": the name qualifies the source
    if folded[token.end : token.end + 1] == ",":
        # "according to the Meteorology, Climatology and Geophysics Agency": the first word
        # of a listed name, not the source ("according to Newsday, Teixeira ..." is).
        for after in tokens[token.index + 1 : token.index + 6]:
            if after.lower in ORG_HEADS:
                return False
            if not (after.capitalised or after.lower in ("and", "of")):
                break
    return True


# What companies do to products and to other companies; a person's doing of these is reported
# with the name the article gives the person in full first, and so is matched before this.
COMPANY_VERBS = frozenset(
    """
    releases released unveils unveiled launches launched ships shipped acquires acquired
    issues issued patched patches introduces introduced sells sold announces announced
    releasing unveiling launching acquiring buys bought buying
    """.split()
)
# Base forms only after an auxiliary ("Microsoft will release", "HP to acquire"): "release"
# alone after a name is a noun ("a Microsoft release").
_COMPANY_BASE_VERBS = frozenset("release unveil launch acquire issue buy".split())
_AUXILIARIES = frozenset({"will", "would", "to"})
BEFORE_COMPANY_VERB = frozenset(
    {"has", "have", "today", "also", "officially", "will", "quietly", "would", "to", "is"}
    | {"tonight", "yesterday", "now", "just", "finally", "agreed", "plans"}
)


def _bare_name_then_lower_case(tokens: list[_Token], token: _Token) -> bool:
    """A name that may be a company's on its own (not a possessive, an acronym, a short word or
    an opening participle), followed by a lower-case word: what the cues below need first."""
    following = token.index + 1
    if following >= len(tokens) or not tokens[following].text.islower():
        return False  # most names: the quick answer
    core = token.core
    return not (token.possessive or core.isupper() or len(core) < 3 or _opening_participle(token))


def company_act(tokens: list[_Token], token: _Token) -> bool:
    """ "Microsoft releases a patch", "Apple has unveiled", "T-Mobile today announced": one
    name, never given a first name, doing what companies do (at a sentence's start, a word
    that reads as a name: "Police released" is no company)."""
    if not _bare_name_then_lower_case(tokens, token):
        return False
    # Word after word, nothing between ("Typically, patches are ..." is no company patching),
    # but for when it happened ("Microsoft on Wednesday issued").
    i = _after_when(tokens, token.index + 1)
    while (
        i < len(tokens)
        and tokens[i].lower in BEFORE_COMPANY_VERB
        and i - token.index <= 4
        and _joined(tokens[i - 1], tokens[i])
    ):
        i += 1
    if i >= len(tokens) or not _joined(tokens[i - 1], tokens[i]):
        return False
    verb = tokens[i].lower
    if verb not in COMPANY_VERBS and not (
        verb in _COMPANY_BASE_VERBS and tokens[i - 1].lower in _AUXILIARIES
    ):
        return False
    return not token.initial or opening_name(tokens, token)


def _after_when(tokens: list[_Token], i: int) -> int:
    """The index past "on Wednesday" at ``i`` (or ``i``): when, between a subject and its verb."""
    if (
        i + 1 < len(tokens)
        and tokens[i].text == "on"
        and tokens[i + 1].lower in WEEKDAYS
        and _joined(tokens[i - 1], tokens[i])
        and _joined(tokens[i], tokens[i + 1])
    ):
        return i + 2
    return i


# Words that open a noun phrase of its own, which an "its" after them may belong to ("Smith
# criticised the plan and its costs").
_NOUN_PHRASE_OPENERS = frozenset(
    "the a an this that these those his her their my our your some any each every".split()
)


def owns_its(tokens: list[_Token], token: _Token) -> bool:
    """ "T-Mobile continues to add to its growing line-up", "Apple today launch its new
    MacBook Pro line": one name, then within a few lower-case words and no noun phrase of its
    own, "its". A person is "he" or "she": a name that is an "it" is a body or a company."""
    if not _bare_name_then_lower_case(tokens, token):
        return False
    previous = token
    for i in range(_after_when(tokens, token.index + 1), min(token.index + 8, len(tokens))):
        word = tokens[i]
        if not _joined(previous, word) or not word.text.islower():
            return False
        if word.text == "its":
            return not token.initial or opening_name(tokens, token)
        if word.text in _NOUN_PHRASE_OPENERS or word.text in ("he", "she", "him", "it"):
            return False
        previous = word
    return False


def _opening_participle(token: _Token) -> bool:
    """ "Extending its reach ..., HP announced": a sentence opening with a participle."""
    return token.initial and token.lower.endswith("ing")


def opening_name(tokens: list[_Token], token: _Token) -> bool:
    """Whether a word opening a sentence reads as a name: not a plural ("Officials",
    "Investigators") and never written in lower case in the article ("Police ... the police")."""
    core = token.core
    if core.endswith("s") and not core.endswith("ss"):
        return False
    lower = core.lower()
    # (a web address, "www. t-mobile. com", is no use of the word in lower case)
    return not any(
        t.text == lower and not (t.index + 1 < len(tokens) and tokens[t.index + 1].text in _DOMAINS)
        for t in tokens
    )


_DOMAINS = frozenset({"com", "net", "org", "co", "uk", "edu", "gov"})


# What one company does to another, owned by the buyer ("Hewlett-Packard's purchase of EDS").
_DEALS = frozenset("acquisition purchase merger takeover buyout".split())
_AMOUNT_WORDS = frozenset({"million", "billion", "trillion"})


def company_deal(tokens: list[_Token], token: _Token) -> bool:
    """ "Hewlett-Packard's forthcoming $13.9 billion acquisition of Electronic Data Systems":
    one name owning a deal, with at most a few adjectives and an amount between."""
    if not token.possessive or token.core.isupper() or _opening_participle(token):
        return False
    for word in tokens[token.index + 1 : token.index + 7]:
        if word.line != token.line or word.start - token.end > 50:
            return False
        if word.text in _DEALS:
            return not token.initial or opening_name(tokens, token)
        if not (word.text.islower() or word.text.isdigit()) or word.text in _NOUN_PHRASE_OPENERS:
            return False
        if not (word.text.isdigit() or word.text in _AMOUNT_WORDS or word.text.isalpha()):
            return False
    return False


# What may follow the noun of "X, a consulting company ...": the end of the phrase, or words
# that go on describing the company ("that offers", "specializing in", "based in").
_AFTER_DESCRIPTION = frozenset(
    "that which whose based specializing specialising in with for of headquartered".split()
)


def described_as_company(tokens: list[_Token], last: _Token, folded: str) -> bool:
    """ "EYP Mission Critical Facilities, a consulting company that ...", "..., a New York
    company", "..., a data center engineering firm,": the name the apposition says is a
    company (a person is "a company spokesman", and no noun phrase of its own comes between)."""
    if folded[last.end : last.end + 2] != ", ":
        return False
    i = last.index + 1
    if i >= len(tokens) or tokens[i].text not in ("a", "an"):
        return False
    for j in range(i + 1, min(i + 7, len(tokens))):
        word = tokens[j]
        if not _joined(tokens[j - 1], word) or word.text in _NOUN_PHRASE_OPENERS:
            return False
        if word.text in ORG_CUES:
            after = folded[word.end : word.end + 1]
            if after in (",", ".", ";", ")", "\n", ""):
                return True
            following = tokens[j + 1] if j + 1 < len(tokens) else None
            return following is not None and following.text in _AFTER_DESCRIPTION
    return False
