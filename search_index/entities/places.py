"""What the gazetteer says about a name: whether it is a place (and how sure that is), a
country's initials ("DPRK"), a demonym ("North Korean"), a place that is part of a longer name
("Democratic People's" + "Republic of Korea"), or the place a team or body is named for
("Philadelphia 76ers").

The gazetteer is loaded on first use; worker processes load their own rather than receive a
pickled copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import COMPASS, COUNTRY_SHORT_FORMS, ORG_HEADS, PLACE_HEADS, STATE_ABBREVIATIONS
from .roles import plural_name
from .tokens import _demonym_stems, _joined, _surface, _Token, _trim

# Demonyms and regional adjectives that do not derive from a place name by a suffix rule.
_IRREGULAR_DEMONYMS = frozenset(
    "British French Dutch Welsh Irish Scottish English Polish Spanish Swedish Danish Finnish "
    "Swiss Greek Thai Filipino Western Eastern Northern Southern Arab Arabic Muslim Jewish "
    "Christian Kurdish Baltic Nordic Slavic Latino Hispanic Soviet Allied Communist American "
    "Americans".split()
)


@dataclass(frozen=True, slots=True)
class PlaceRef:
    id: str
    ambiguous: bool = False


class PlaceRules:
    """Place lookups with the rules that read them."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._initials: dict[str, str] | None = None
        # Answers of is_demonym by surface: the same capitalised words recur in every article
        # and each costs several gazetteer look-ups (a tenth of extraction's time).
        self._demonyms: dict[str, bool] = {}

    def __getstate__(self) -> dict[str, object]:
        # Not empty: an empty state would skip __setstate__ and leave the attributes unset.
        return {"gazetteer": None}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._gazetteer = None
        self._initials = None
        self._demonyms = {}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def country_acronym(self, acronym: str) -> str | None:
        """The country whose name's initials spell ``acronym`` ("DPRK", "PRC", "ROK", "UAE"),
        when exactly one does."""
        if self._initials is None:
            table: dict[str, set[str]] = {}
            for name, place_id in self.gazetteer.countries():
                words = name.replace("'s", "").split()
                if len(words) < 2:
                    continue
                for initials in (
                    "".join(w[0] for w in words if w[:1].isupper()),
                    "".join(w[0].upper() for w in words if w.lower() != "the"),
                ):
                    # Two letters spell too much ("PM" of "4:59 PM" is the initials of
                    # "Principality of Monaco", "ET" of "East Timor"): only a country's usual
                    # name gives two-letter initials ("NZ").
                    if len(initials) >= 3 or (
                        len(initials) == 2 and self.gazetteer.names_of(place_id)[:1] == (name,)
                    ):
                        table.setdefault(initials, set()).add(place_id)
            self._initials = {k: next(iter(v)) for k, v in table.items() if len(v) == 1}
        return self._initials.get(acronym.replace(".", ""))

    def is_demonym(self, surface: str) -> bool:
        """ "Korean", "North Korean", "Ukrainian": an adjective from a place, not a name."""
        known = self._demonyms.get(surface)
        if known is None:
            if len(self._demonyms) > 50_000:
                self._demonyms.clear()  # a bound on a long-lived extractor's memory
            known = self._demonyms[surface] = self._is_demonym(surface)
        return known

    def _is_demonym(self, surface: str) -> bool:
        words = surface.split()
        if not words or not words[-1][:1].isupper():
            return False
        last = words[-1]
        if last in _IRREGULAR_DEMONYMS:
            return all(w in COMPASS or w in _IRREGULAR_DEMONYMS for w in words)
        if self.gazetteer.lookup(surface) is not None:
            return False
        prefix = " ".join(words[:-1])
        for stem in _demonym_stems(last):
            place = self.gazetteer.lookup(f"{prefix} {stem}".strip()) or self.gazetteer.lookup(stem)
            if place is not None and place.kind in ("country", "continent", "region", "admin1"):
                return True
        return False

    def is_place(self, surface: str) -> bool:
        return surface in COUNTRY_SHORT_FORMS or self.place(surface, strict=True) is not None

    def place(self, surface: str, *, strict: bool = False) -> PlaceRef | None:
        place = self.gazetteer.lookup(surface)
        if place is None or (place.ambiguous and strict):
            return None
        return PlaceRef(place.id, place.ambiguous)

    def place_and_plural(self, run: list[_Token], folded: str) -> bool:
        """A place and then a plural or two more capitalised words: a team or a body named for
        its place ("Philadelphia 76ers", "Los Angeles Angels", "Boston Red Sox", "U.S.
        Marshals"), not a person."""
        if len(run) < 2 or not run[-1].core[:1].isalnum():
            return False
        last = run[-1].core
        plural = plural_name(last) or (last[:1].isdigit() and last.endswith("s"))
        for end in range(len(run) - 1, 0, -1):
            rest = run[end:]
            if not (plural or len(rest) == 2) or len(rest) > 2:
                continue
            if not all(t.capitalised for t in rest):
                return False
            head = _surface(folded, run[:end])
            place = self.place(head, strict=end == 1)
            if place is None and head not in COUNTRY_SHORT_FORMS:
                continue
            # Not two places ("Mannheim Germany", "Beverly Hills").
            return self.place(_surface(folded, rest)) is None and last.lower() not in PLACE_HEADS
        return False

    def join_possessives(self, runs: list[list[_Token]], folded: str) -> list[list[_Token]]:
        """Rejoin names with a possessive inside them ("Democratic People's" + "Republic of
        Korea", "Korean People's" + "Army"), but not "Russia's" + "Kursk Region"."""
        joined: list[list[_Token]] = []
        for run in runs:
            if joined:
                prev = joined[-1]
                if (
                    prev[-1].possessive
                    and _joined(prev[-1], run[0])
                    and not run[0].in_title_line
                    # The length first: a run of function words alone ("The's") trims to
                    # nothing, and an empty run has no surface (it crashed whole builds).
                    and len(_trim(prev)) >= 1
                    and not self.place(_surface(folded, _trim(prev)) or "-")
                ):
                    whole = prev + run
                    surface = _surface(folded, _trim(whole))
                    if self.place(surface) or any(t.lower in ORG_HEADS for t in run):
                        joined[-1] = whole
                        continue
            joined.append(run)
        return joined

    def before_region(self, run: list[_Token], tokens: list[_Token], folded: str) -> bool:
        """ "Wasilla, Alaska", "Mannheim, Germany", "Fort Smith, Ark.": a name followed by a
        comma and a state or a country is a town there."""
        end = run[-1].index + 1
        if end >= len(tokens) or folded[run[-1].end : tokens[end].start] != ", ":
            return False
        after = tokens[end]
        if after.core in STATE_ABBREVIATIONS and (after.dot_after or "." in after.core):
            return True
        following = [after]
        if end + 1 < len(tokens) and _joined(after, tokens[end + 1]):
            following.append(tokens[end + 1])
        for count in range(len(following), 0, -1):
            region = self.gazetteer.lookup(_surface(folded, following[:count]))
            if region is not None and region.kind in ("admin1", "country") and not region.ambiguous:
                return True
        return False

    def state_after_town(self, run: list[_Token], tokens: list[_Token]) -> bool:
        """A state's abbreviation written after a town and a comma, with its full stop."""
        token = run[0]
        return (
            (token.dot_after or "." in token.core)
            and token.index > 0
            and token.start - tokens[token.index - 1].end == 2
        )
