"""Settling a run's type from its context and from the names the article itself established,
and the aliases it defines ("the Democratic People's Republic of Korea (DPRK)")."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable

from ..models import Alias
from ..text import name_key
from .cues import (
    PARTNER_PREPOSITIONS,
    RESIDENTS,
    NamesBeside,
    attributed,
    company_act,
    company_deal,
    of_a_place,
    opening_name,
    owns_its,
    partner,
    residence,
)
from .lexicon import (
    COMPANY_HEADS,
    ORG_FOLLOWERS,
    ORG_HEADS,
    ORG_OPENERS,
    ORG_POSSESSED,
)
from .products import product_like
from .roles import plural_name
from .teams import POSITIONS, team_context
from .tokens import (
    _DEFINED_BY_PARENS,
    _OFFICIAL_NAME,
    _PLACE_PREPOSITIONS,
    _STANDS_FOR,
    _abbreviation,
    _has_pronoun,
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
    run: list[_Token],
    tokens: list[_Token],
    folded: str,
    is_place: Callable[[str], bool] = lambda name: False,
    beside: NamesBeside | None = None,
) -> Iterable[tuple[tuple[int, int], str]]:
    """What the words around an otherwise unknown name say it is: "Orsted said", "Orsted's
    shares", "Feyenoord fans" (an organisation), "in Darfur" (a place). Guesses, marked "?"."""
    run = _trim(run)
    if not run or any(not t.capitalised for t in run) or len(run) > 3:
        return
    if beside is None:
        beside = NamesBeside(tokens)
    span = (run[0].start, run[-1].core_end)
    last = run[-1]
    after = tokens[last.index + 1] if last.index + 1 < len(tokens) else None
    before = _previous_word(tokens, run[0])
    if (
        (last.possessive and after is not None and after.lower in ORG_POSSESSED)
        or (len(run) == 1 and company_deal(tokens, last))
    ) or (
        after is not None
        and _joined(last, after)
        and after.lower in ORG_FOLLOWERS
        # "Business customers will get first crack": a common noun opening the sentence
        and (not run[0].initial or opening_name(tokens, run[0]))
    ):
        yield span, "ORG?"
    elif (
        before is not None
        and before.lower in _PLACE_PREPOSITIONS
        and folded[run[0].start - 1 : run[0].start] not in "\"'\u2018\u201c"
        and not last.possessive  # "in Brad Pitt's film": "in" governs the film
    ):
        if not (product_like(run, tokens) or _has_pronoun(run)):  # software, a show
            yield span, "PLACE?"  # 'starred in "American Pie"' names a film
    elif (after is not None and _joined(last, after) and after.text in RESIDENTS) or residence(
        tokens, run[0], folded
    ):
        yield span, "PLACE?"  # "a 38-year-old Troy resident", "Luann Johnson, of Burnsville,"
    elif of_a_place(tokens, run[0]):
        yield span, "PLACE?"  # "her hometown of Wasilla", "the city of Hawaiian Gardens"
    elif (
        len(run) == 1
        and not last.core.lower().endswith("s")
        and after is not None
        and _joined(last, after)
        and after.text in _PLURAL_VERBS
    ):
        # "Lionsgate are getting ready for the sequel": one name with a plural verb is a
        # company or a team (British usage), never one person ("the Smiths are" ends in s).
        yield span, "ORG?"
    elif (
        len(run) == 1
        and not run[0].initial
        and before is not None
        and before.text in PARTNER_PREPOSITIONS
        and partner(tokens, last, beside)
        and not is_place(run[0].core)
    ):
        # "in negotiations with Lionsgate", "pinup shots circulated on Twitter": one word the
        # article never gives a first name, dealt with or published on, is a body or a company.
        yield span, "ORG?"
    elif len(run) == 1 and not run[0].initial and _speaker(tokens, run):
        yield span, "ORG?"  # a bare name speaking that the article never named in full
    elif len(run) <= 2 and team_context(folded, span[0], span[1]):
        yield span, "ORG?"  # "Creighton (25-7)", "Creighton 65, Drake 53"
    elif (
        len(run) == 1
        and plural_name(last.core)
        and after is not None
        and _joined(last, after)
        and after.lower in POSITIONS
    ):
        yield span, "ORG?"  # "Chargers defensive tackle Jamal Williams"
    elif len(run) == 1 and (company_act(tokens, run[0]) or owns_its(tokens, run[0])):
        yield span, "ORG?"  # "Microsoft releases emergency patch", "T-Mobile ... its"
    elif (
        len(run) == 1
        and attributed(tokens, run[0], folded)
        and not is_place(run[0].core)  # "according to Palmer": the town speaks
    ):
        # "according to Newsday", "according to the Newsday": a source cited by one word the
        # article never gives a first name is a publication or a body (a person cited by
        # surname alone was named in full before, and matched as such).
        yield span, "ORG?"


_PLURAL_VERBS = frozenset({"are", "were", "have"})


def _org_short_forms(
    folded: str,
    found: dict[tuple[int, int], tuple[str, str | None]],
    is_place: Callable[[str], bool],
) -> dict[str, str]:
    """Short forms of the organisations an article names in full, to the full name's key:
    the end of the name ("Red Sox" and "Sox" of "Boston Red Sox", "Geological Survey" and
    "Survey" of "U.S. Geological Survey") or its head before "of" ("Academy" of "Academy of
    Motion Picture Arts and Sciences"). A short form two of its organisations share is
    neither's."""
    # Each organisation once however often the article names it: this runs on every article.
    orgs = {
        folded[s:e] for (s, e), (kind, _) in found.items() if kind == "ORG" and " " in folded[s:e]
    }
    if not orgs:
        return {}
    owners: dict[str, set[str]] = {}
    for name in orgs:
        full, forms = _short_forms_of(name, is_place)
        for form in forms:
            owners.setdefault(form, set()).add(full)
    people = {name_key(folded[s:e]) for (s, e), (kind, _) in found.items() if kind == "PERSON"}
    return {
        short: next(iter(fulls))
        for short, fulls in owners.items()
        if len(fulls) == 1 and short not in fulls and short not in people
    }


@functools.lru_cache(maxsize=1 << 14)
def _short_forms_of(name: str, is_place: Callable[[str], bool]) -> tuple[str, tuple[str, ...]]:
    """One organisation's key and the keys of its short forms (the same names recur across a
    corpus's articles, so they are worked out once)."""
    words = name.split()
    # A tail names the body when what it leaves out is a place ("Boston" of "Boston Red Sox")
    # or when it ends in an organisation word ("Survey"); "The Real Bettie Page" does not make
    # "Bettie Page" an organisation.
    placed = any(is_place(" ".join(words[:k])) for k in range(1, min(len(words), 4)))
    forms = (
        [words[k:] for k in range(1, len(words))]
        if placed or words[-1].lower() in ORG_HEADS
        else []
    )
    if "of" in words[1:] and words[0].lower() in ORG_OPENERS | ORG_HEADS:
        forms.append(words[: words.index("of", 1)])
    # "Kraft" of "Kraft Foods", "Summit" of "Summit Entertainment": the name before words that
    # only say what kind of body it is.
    heads = len(words)
    while heads > 1 and words[heads - 1].lower() in COMPANY_HEADS:
        heads -= 1
    if heads < len(words) and not is_place(" ".join(words[:heads])):
        forms.append(words[:heads])
    keys = tuple(
        name_key(" ".join(form))
        for form in forms
        if form[0][:1].isupper() and form[0].lower() not in _FUNCTION_STARTS
    )
    return name_key(name), keys


_FUNCTION_STARTS = frozenset({"of", "the", "and", "for", "on", "in", "at"})


def _drop_openers(
    folded: str, found: dict[tuple[int, int], tuple[str, str | None]]
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """A capitalised word that opens a sentence before a person the article names elsewhere
    is no part of the name ("Moviemaker Gary Ross", "Named Maurice Cheeks")."""
    long_names = [
        (start, end)
        for (start, end), (kind, _) in found.items()
        if kind == "PERSON" and folded.count(" ", start, end) >= 2
    ]
    if not long_names:
        return found
    people = {
        name_key(folded[start:end])
        for (start, end), (kind, _) in found.items()
        if kind == "PERSON" and " " in folded[start:end]
    }
    kept: dict[tuple[int, int], tuple[str, str | None]] = {}
    for (start, end), (kind, ref) in found.items():
        if kind == "PERSON" and (start, end) in long_names and _opens_sentence(folded, start):
            rest = folded[start:end].partition(" ")[2]
            if " " in rest and name_key(rest) in people:
                kept[(end - len(rest), end)] = (kind, ref)
                continue
        kept[(start, end)] = (kind, ref)
    return kept


def _opens_sentence(folded: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of its line or follows a sentence's end (a
    full stop after "Sgt." or an initial ends nothing)."""
    before = folded[max(0, start - 3) : start].rstrip(" ")
    if not before:
        return True
    if before[-1] == ".":
        word = folded[max(0, start - 12) : start].rstrip(" .").rpartition(" ")[2]
        return not _abbreviation(word.rpartition("\n")[2])
    return before[-1] in '\n!?:;"\u201c'


def _settle_types(
    folded: str,
    found: dict[tuple[int, int], tuple[str, str | None]],
    short_forms: dict[str, str],
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """Guesses ("PERSON?", "ORG?") give way to firm evidence about the same name elsewhere in
    the article; a guess nothing contradicts stands. The short form of an organisation the
    article names in full ("Red Sox" after "Boston Red Sox") is that organisation."""
    firm: dict[str, tuple[str, str | None]] = {}
    for (start, end), (kind, ref) in found.items():
        if not kind.endswith("?"):
            firm.setdefault(name_key(folded[start:end]), (kind, ref))
    for short in short_forms:
        firm.setdefault(short, ("ORG", None))
    people_parts = {
        name_key(part)
        for (start, end), (kind, _) in found.items()
        if kind.startswith("PERSON")
        for part in folded[start:end].split()[:: max(1, len(folded[start:end].split()) - 1)]
    }
    # A name guessed both ways ("the Red Sox have" an organisation, "the Red Sox continue" read
    # as a person) is what most of its guesses say.
    keys = {
        span: name_key(folded[span[0] : span[1]]) for span, (k, _) in found.items() if k[-1] == "?"
    }
    guesses: dict[str, list[str]] = {}
    for span, key in keys.items():
        kind = found[span][0]
        if kind == "ORG?" or kind == "PERSON?":
            guesses.setdefault(key, []).append(kind)
    settled: dict[tuple[int, int], tuple[str, str | None]] = {}
    for (start, end), (kind, ref) in found.items():
        if kind[-1] == "?":
            key = keys[(start, end)]
            said = guesses.get(key)
            if said is not None and len(said) > 2:
                orgs = said.count("ORG?")
                if orgs * 2 > len(said):
                    kind = "ORG?"
                elif orgs * 2 < len(said) and orgs:
                    kind = "PERSON?"
            if key in firm:
                kind, ref = firm[key]
            elif kind == "ORG?" and key in people_parts:
                kind = "PERSON"
            elif kind == "PLACE?" and name_key(folded[start:end].split()[-1]) in people_parts:
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
    guesses: dict[str, list[tuple[str, str | None]]] = {}
    for (start, end), kind_ref in found.items():
        key = name_key(folded[start:end])
        if kind_ref[0][-1] == "?":
            guesses.setdefault(key, []).append(kind_ref)
        else:
            known.setdefault(key, kind_ref)  # firm evidence before any guess
    for key, said in guesses.items():
        if key not in known:  # else what most guesses say
            known[key] = said[0] if len(said) == 1 else Counter(said).most_common(1)[0][0]

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
