"""Settling a run's type from its context and from the names the article itself established,
and the aliases it defines ("the Democratic People's Republic of Korea (DPRK)")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Alias
from ..text import name_key
from .lexicon import (
    ORG_FOLLOWERS,
    ORG_POSSESSED,
)
from .tokens import (
    _DEFINED_BY_PARENS,
    _OFFICIAL_NAME,
    _PLACE_PREPOSITIONS,
    _STANDS_FOR,
    _joined,
    _previous_word,
    _speaker,
    _Token,
    _trim,
)


class _Taken:
    """The characters the names found so far cover, so that whether a span overlaps one of
    them costs the span's length, not the number of names: comparing every new name and every
    date with every name found is quadratic in an article of thousands of names. (Spans are
    never empty: names and dates are made of words.)"""

    def __init__(self, length: int, spans: Iterable[tuple[int, int]]) -> None:
        self.covered = bytearray(length)
        for span in spans:
            self.add(*span)

    def add(self, start: int, end: int) -> None:
        self.covered[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.covered.find(1, start, end) >= 0


def _context_type(
    run: list[_Token], tokens: list[_Token], folded: str
) -> Iterable[tuple[tuple[int, int], str]]:
    """What the words around an otherwise unknown name say it is: "Orsted said", "Orsted's
    shares", "Feyenoord fans" (an organisation), "in Darfur" (a place). Guesses, marked "?"."""
    run = _trim(run)
    if not run or any(not t.capitalised for t in run) or len(run) > 3:
        return
    span = (run[0].start, run[-1].core_end)
    last = run[-1]
    after = tokens[last.index + 1] if last.index + 1 < len(tokens) else None
    before = _previous_word(tokens, run[0])
    if (last.possessive and after is not None and after.lower in ORG_POSSESSED) or (
        after is not None and _joined(last, after) and after.lower in ORG_FOLLOWERS
    ):
        yield span, "ORG?"
    elif (
        before is not None
        and before.lower in _PLACE_PREPOSITIONS
        and folded[run[0].start - 1 : run[0].start] not in "\"'\u2018\u201c"
    ):
        yield span, "PLACE?"  # 'starred in "American Pie"' names a film
    elif len(run) == 1 and not run[0].initial and _speaker(tokens, run):
        yield span, "ORG?"  # a bare name speaking that the article never named in full


def _settle_types(
    folded: str, found: dict[tuple[int, int], tuple[str, str | None]]
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """Guesses ("PERSON?", "ORG?") give way to firm evidence about the same name elsewhere in
    the article; a guess nothing contradicts stands."""
    firm: dict[str, tuple[str, str | None]] = {}
    for (start, end), (kind, ref) in found.items():
        if not kind.endswith("?"):
            firm.setdefault(name_key(folded[start:end]), (kind, ref))
    people_parts = {
        name_key(part)
        for (start, end), (kind, _) in found.items()
        if kind.startswith("PERSON")
        for part in folded[start:end].split()[:: max(1, len(folded[start:end].split()) - 1)]
    }
    settled: dict[tuple[int, int], tuple[str, str | None]] = {}
    for (start, end), (kind, ref) in found.items():
        if kind.endswith("?"):
            key = name_key(folded[start:end])
            if key in firm:
                kind, ref = firm[key]
            elif kind == "ORG?" and key in people_parts:
                kind = "PERSON"
            elif kind == "PLACE?" and name_key(folded[start:end].split()[-1]) in people_parts - {
                key
            }:
                kind = "PERSON"  # "in Maurice Cheeks" where the article calls him Cheeks
            else:
                kind = kind.rstrip("?")
        settled[(start, end)] = (kind, ref)
    return settled


def _known_names(
    folded: str, found: dict[tuple[int, int], tuple[str, str | None]]
) -> dict[str, tuple[str, str | None]]:
    """Every name the article's sentences established, by key, plus each person's name parts."""
    known: dict[str, tuple[str, str | None]] = {}
    for (start, end), kind_ref in found.items():
        surface = folded[start:end]
        known.setdefault(name_key(surface), kind_ref)
    for (start, end), (kind, _) in found.items():
        parts = folded[start:end].split()
        if kind.startswith("PERSON") and len(parts) > 1:
            for part in (parts[0], parts[-1]):
                known.setdefault(name_key(part), ("PERSON", None))
    return known


def _aliases(folded: str) -> list[Alias]:
    """Names the article declares equal: "Full Name (ACR)", "ACR stands for the Full Name",
    "X's official name, the Y"."""
    aliases: list[Alias] = []
    for match in _DEFINED_BY_PARENS.finditer(folded):
        acronym = match.group(1)
        full = _name_before(folded, match.start(), acronym)
        if full:
            aliases.append(Alias(acronym, full))
    for match in _STANDS_FOR.finditer(folded):
        full = _name_after(folded, match.end())
        if full:
            aliases.append(Alias(match.group(1), full))
    for match in _OFFICIAL_NAME.finditer(folded):
        # "X's official name, the Y"
        if folded[match.start() - 3 : match.start()] != "'s ":
            continue
        owner = _name_before(folded, match.start() - 3, None)
        rest = folded[match.end() :]
        if not rest.startswith(", "):
            continue
        full = _name_after(folded, match.end() + 2)
        if owner and full:
            aliases.append(Alias(owner, full))
    return aliases


_CAP_WORD = re.compile(r"[A-Z][\w'-]*")


def _name_before(folded: str, end: int, acronym: str | None) -> str | None:
    """The capitalised name that ends just before ``end`` (whose initials spell ``acronym``)."""
    words = folded[max(0, end - 200) : end].rstrip().split(" ")
    name: list[str] = []
    for word in reversed(words):
        if _CAP_WORD.fullmatch(word) or (name and word in ("of", "the", "and", "for")):
            name.insert(0, word)
            continue
        break
    while name and name[0] in ("of", "the", "and", "for"):
        name.pop(0)
    if not name:
        return None
    if acronym is not None:
        initials = "".join(w[0] for w in name if w[0].isupper())
        for cut in range(len(name)):
            tail = name[cut:]
            if "".join(w[0] for w in tail if w[0].isupper()) == acronym.upper():
                return " ".join(tail)
        return None if initials != acronym else " ".join(name)
    return " ".join(name).removesuffix("'s")


def _name_after(folded: str, start: int) -> str | None:
    match = re.match(
        r"(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:of|the|and|for|[A-Z][\w'-]*))*)", folded[start:]
    )
    if not match:
        return None
    words = match.group(1).split()
    while words and words[-1] in ("of", "the", "and", "for"):
        words.pop()
    return " ".join(words) or None
