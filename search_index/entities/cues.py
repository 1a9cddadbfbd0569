"""Words around a lone capitalised name that say what it is when nothing else does: a source
cited ("according to Newsday"), a partner dealt with ("negotiations with Lionsgate"), where a
person lives ("a Troy resident", "Luann Johnson, of Burnsville,"), what a place is called ("the
city of Hawaiian Gardens"). names.py turns them into guesses ("ORG?", "PLACE?")."""

from __future__ import annotations

from .lexicon import COMPASS, MONTHS, NAME_PARTICLES, ORG_HEADS, THING_HEADS, WEEKDAYS
from .tokens import _joined, _Token

PARTNER_PREPOSITIONS = frozenset({"with", "on"})


def partner(tokens: list[_Token], token: _Token) -> bool:
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
    return not _part_of_a_longer_name(tokens, token)


def _part_of_a_longer_name(tokens: list[_Token], token: _Token) -> bool:
    """The word written elsewhere in the article beside another capitalised word, headlines
    included ("Hugh Hefner" above "photographed with Hefner"): part of a person's name."""
    for other in tokens:
        if other.core != token.core or other is token:
            continue
        i = other.index
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (before is not None and before.capitalised and _joined(before, other)) or (
            after is not None and after.capitalised and _joined(other, after)
        ):
            return True
    return False


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
