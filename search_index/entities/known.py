"""Names an article established, matched where capitals prove nothing (headlines, sentence
starts), organisation names continued into their full form, and the mentions the names become,
each keyed to the full name the article used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Alias, Mention
from ..text import name_key
from .lexicon import CAPS_WORDS, FUNCTION_WORDS, NEWS_AGENCIES, PERSON_CUES
from .names import _org_short_forms
from .places import PlaceRules
from .tokens import _join, _Token

ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$|^(?:[A-Z]\.){2,}$")

_ORG_TAIL = re.compile(r" (?:in|at|at the|of the) ((?:[A-Z][\w'-]+ ){1,5}[A-Z][\w'-]+)")


def match_known(
    run: list[_Token],
    known: dict[str, tuple[str, str | None]],
    alias_types: dict[str, str],
    places: PlaceRules,
    common: set[str],
) -> Iterable[tuple[tuple[int, int], str, str | None]]:
    """Longest-first matching of names the article established, gazetteer places and
    acronyms, inside a run where capitals prove nothing."""
    # "CHARGED WITH MURDER: ...": words in capitals together are shouting, not acronyms.
    shouting = sum(1 for t in run if t.core.isupper() and len(t.core) > 1) > 1
    i = 0
    limit = max(places.gazetteer.max_words, 6)
    while i < len(run):
        if run[i].lower in FUNCTION_WORDS and not run[i].core.isupper():
            i += 1  # "The Obama administration": the name starts after "The"
            continue
        matched = False
        for j in range(min(len(run), i + limit), i, -1):
            piece = run[i:j]
            span = (piece[0].start, piece[-1].core_end)
            surface = _join(piece)
            key = name_key(surface)
            kind_ref = known.get(key)
            if kind_ref is None and len(piece) == 1 and key in alias_types:
                kind_ref = (alias_types[key], None)
            if kind_ref is None:
                place = places.place(surface, strict=len(piece) == 1)
                if place is not None and not places.is_demonym(surface):
                    kind_ref = ("PLACE", place.id)
            if kind_ref is None and len(piece) == 1 and piece[0].core in NEWS_AGENCIES:
                kind_ref = ("ORG", None)
            if kind_ref is None and len(piece) == 1 and ACRONYM.match(piece[0].core):
                country = places.country_acronym(piece[0].core)
                if country is not None:
                    kind_ref = ("PLACE", country)
                elif (
                    piece[0].core not in CAPS_WORDS
                    and not piece[0].in_title_line
                    and not shouting
                    and not shouted(piece[0], common)
                ):
                    kind_ref = ("ORG", None)
            if kind_ref is not None:
                yield span, kind_ref[0], kind_ref[1]
                i = j
                matched = True
                break
        if not matched:
            i += 1


def shouted(token: _Token, common: set[str]) -> bool:
    """A word in capitals that the article also writes as an ordinary word ("A HUGE fire",
    "FIRE" in a report on a fire, "WITH"): emphasis, not an acronym."""
    lower = token.core.lower()
    return lower in FUNCTION_WORDS or lower in common


def acronym_kind(
    token: _Token,
    span: tuple[int, int],
    aliases: list[Alias],
    common: set[str],
    places: PlaceRules,
) -> Iterable[tuple[tuple[int, int], str, str | None]]:
    """An acronym in a sentence: a place when the article defines it as one ("the Democratic
    People's Republic of Korea (DPRK)") or a country's initials spell it, else an organisation,
    unless it is common vocabulary ("CEO") or emphasis ("A FIRE has ...")."""
    if token.core in CAPS_WORDS or token.core.lower() in PERSON_CUES:
        return
    defined = next((a for a in aliases if a.short == token.core), None)
    if defined is not None:
        defined_place = places.place(defined.full)
        if defined_place is not None:
            yield span, "PLACE", defined_place.id
        else:
            yield span, "ORG", None
    elif (country := places.country_acronym(token.core)) is not None:
        yield span, "PLACE", country
    elif not shouted(token, common):
        yield span, "ORG", None


def extend_orgs(
    folded: str, found: dict[tuple[int, int], tuple[str, str | None]], places: PlaceRules
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """ "Memorial Museum of Combat Feats in Overseas Military Operations": an institution's
    name continues through "in"/"at the" into a multi-word name that is not a place."""
    extended: dict[tuple[int, int], tuple[str, str | None]] = {}
    # Spans come in order of start, so one overlaps a span kept before it only by starting
    # before that span's end: the furthest end so far answers what a scan of every kept
    # span would (quadratic in an article of thousands of names).
    reach = -1
    for (start, end), (kind, ref) in sorted(found.items()):
        if kind == "ORG" and " of " in folded[start:end]:
            match = _ORG_TAIL.match(folded, end)
            if match and places.gazetteer.lookup(match.group(1)) is None:
                tail = (match.start(1), match.end(1))
                for other in [span for span in extended if tail[0] <= span[0] < tail[1]]:
                    del extended[other]
                found_inside = [sp for sp in found if tail[0] <= sp[0] < tail[1]]
                if all(found[sp][1] is None for sp in found_inside):
                    extended[(start, match.end(1))] = (kind, ref)
                    reach = max(reach, match.end(1))
                    continue
        if reach > start:
            continue
        extended[(start, end)] = (kind, ref)
        reach = max(reach, end)
    return extended


def article_mentions(
    folded: str,
    text: str,
    found: dict[tuple[int, int], tuple[str, str | None]],
    places: PlaceRules,
) -> list[Mention]:
    """Each name found as a mention, keyed: a bare "Kim", the end of a longer name or an
    organisation's short form takes the key of the full name the article used."""
    # Each part and end of every full name the article used, to that name's key (the first
    # name that has it): looked up per mention rather than scanned (an article names hundreds).
    bare: dict[str, str] = {}
    ends: dict[str, str] = {}
    for (s, e), (kind, _) in found.items():
        if kind != "PERSON" or " " not in folded[s:e].strip():
            continue
        parts = folded[s:e].split()
        full_key = name_key(folded[s:e])
        bare.setdefault(name_key(parts[0]), full_key)
        bare.setdefault(name_key(parts[-1]), full_key)
        for size in range(2, len(parts)):
            ends.setdefault(name_key(" ".join(parts[-size:])), full_key)
    short_forms = _org_short_forms(folded, found, places.is_place)
    mentions: list[Mention] = []
    for (start, end), (kind, ref) in sorted(found.items()):
        surface = text[start:end]
        key = name_key(surface)
        if kind == "PERSON" and " " not in folded[start:end].strip():
            # A bare "Kim" or "Zelensky" is the person the article named in full.
            key = bare.get(key, key)
        elif kind == "PERSON":
            # "Boone Isaacs" after "Cheryl Boone Isaacs": the end of a longer name.
            key = ends.get(key, key)
        elif kind == "ORG":
            # "the Survey", "Red Sox": the organisation the article named in full.
            key = short_forms.get(key, key)
        mentions.append(Mention(start, end, kind, surface, key, ref))
    return mentions
