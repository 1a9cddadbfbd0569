"""The shape of a run of capitalised words around a name: roles and titles between a place and
a person ("Alaska Gov. Sarah Palin"), plurals that name teams, quotation marks that make a
title of a work, a lower-case noun a name qualifies."""

from __future__ import annotations

from .lexicon import FUNCTION_WORDS, ORG_HEADS, PLACE_HEADS, ROLE_WORDS, SPEECH_VERBS, THING_HEADS
from .tokens import _name_word, _Token

_QUOTES = frozenset("\"'\u2018\u2019\u201c\u201d")


def role_cut(run: list[_Token]) -> tuple[list[_Token], list[_Token]] | None:
    """Split "<place or organisation> <role words> <name>" into what comes before the roles and
    the name, or None. Only when a place or body comes first: a run that opens with its title
    ("President Volodymyr Zelensky") is left to the title rule."""
    if len(run) < 3:
        return None  # a place or body, a role and a name
    roles = [index for index in range(1, len(run)) if run[index].core in ROLE_WORDS]
    if not roles or roles[-1] == len(run) - 1:
        return None
    name = run[roles[-1] + 1 :]
    # "the team's Most Valuable Player Award": a role inside the name of a prize (an event, a
    # cup) is no person's title, and what follows it no person.
    if (
        not all(_name_word(t) for t in name)
        or name[-1].lower in ORG_HEADS | PLACE_HEADS | THING_HEADS
    ):
        return None
    # The role may hold other capitalised words ("Chief Deputy City Attorney"): what comes
    # before its first role word is the place or the organisation.
    first_role = roles[0]
    while first_role > 0 and run[first_role - 1].core in ROLE_WORDS:
        first_role -= 1
    if first_role == 0:
        return None
    return run[:first_role], name


def plural_name(word: str) -> bool:
    return len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "'s"))


def strip_roles(run: list[_Token]) -> list[_Token]:
    while run and run[-1].core in ROLE_WORDS:
        run = run[:-1]
    return run


def quoted(folded: str, run: list[_Token]) -> bool:
    """A run in quotation marks is a title (a film, a book, a nickname), not a person or place:
    'starred in "American Pie"', "the 'Hunger Games' sequel"."""
    before = folded[run[0].start - 1 : run[0].start]
    after = folded[run[-1].end : run[-1].end + 1]
    return before in _QUOTES and after in _QUOTES


def modifies_noun(tokens: list[_Token], last: _Token) -> bool:
    """ "George Bush era", "Crown Heights neighborhood": the name is followed by a lower-case
    word that reads as a noun it qualifies, not as a verb or a function word after a subject
    ("the Red Sox have", "the Red Sox reported", "the Red Sox, worth")."""
    after = tokens[last.index + 1] if last.index + 1 < len(tokens) else None
    if after is None or after.start - last.end != 1 or not after.text.islower():
        return False
    word = after.lower
    return not (
        word in FUNCTION_WORDS
        or word in SPEECH_VERBS
        or word in _IRREGULAR_PAST
        or word.endswith(("ed", "s", "ly"))
    )


# Common English verbs whose past tense does not end in "-ed" ("the Red Sox made an offer").
_IRREGULAR_PAST = frozenset(
    """beat made took gave got won lost paid sent kept left met put set cut hit bid let came went
    became brought bought built caught chose drew drove fell felt fought found held knew led
    ran sat saw shot sold spent stood struck swore threw thought wore wrote""".split()
)
