"""Rule-based named-entity extraction: people, organisations, places, dates and quantities.

No model is downloaded or loaded: the rules read capitalisation, the words around a name
("President X", "X said", "... Agency"), acronym definitions in the text, and a place gazetteer
derived from GeoNames and ISO 3166. Headlines and table rows are Title Case, so there capitals
prove nothing; names there are found by matching what the article's own sentences established.

Any extractor with the same ``extract(text) -> Extraction`` method can replace this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from ..models import Alias, Extraction, Mention
from ..text import fold
from ..text import name_key as name_key  # re-exported: it moved to text.py, which the index uses
from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import (
    CLUB_HEADS,
    CLUB_OPENERS,
    COMPASS,
    COUNTRY_SHORT_FORMS,
    FUNCTION_WORDS,
    GEOGRAPHIC_NAMES,
    KNOWN_ORGS,
    NAME_PARTICLES,
    NEWS_AGENCIES,
    ORG_CONNECTORS,
    ORG_CUES,
    ORG_HEADS,
    ORG_OPENERS,
    PERSON_CUES,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_OPENERS,
    POST_NOMINALS,
    ROLE_WORDS,
    THING_HEADS,
)
from .names import (
    _aliases,
    _context_type,
    _drop_openers,
    _known_names,
    _org_short_forms,
    _settle_types,
    _Taken,
)
from .tokens import (
    _EVENT_HEADS,
    _ORDINAL_WORD,
    _PLACE_PREPOSITIONS,
    _connector_index,
    _demonym_stems,
    _join,
    _joined,
    _name_word,
    _previous_word,
    _runs,
    _split_runs,
    _surface,
    _Token,
    _tokenize,
    _trim,
)
from .values import find_dates, find_quantities

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$|^(?:[A-Z]\.){2,}$")

_SPANISH_ARTICLES = frozenset({"El", "La", "Los", "Las"})

# All-caps words that are ordinary vocabulary in news, not names.
_CAPS_WORDS = frozenset(
    "AI TV OK PM AM GDP CEO CFO COO VP GM COVID UTC GMT ET PT EDT EST CDT CST MDT MST PDT PST "
    "HST BST CET FAQ PDF URL ID VIP DNA HIV IT PR HQ DUI DWI KO TKO MVP SUV ATM".split()
)

# Demonyms and regional adjectives that do not derive from a place name by a suffix rule.
_IRREGULAR_DEMONYMS = frozenset(
    "British French Dutch Welsh Irish Scottish English Polish Spanish Swedish Danish Finnish "
    "Swiss Greek Thai Filipino Western Eastern Northern Southern Arab Arabic Muslim Jewish "
    "Christian Kurdish Baltic Nordic Slavic Latino Hispanic Soviet Allied Communist American "
    "Americans".split()
)

_ORG_TAIL = re.compile(r" (?:in|at|at the|of the) ((?:[A-Z][\w'-]+ ){1,5}[A-Z][\w'-]+)")

_QUOTES = frozenset("\"'\u2018\u2019\u201c\u201d")

_LOCATIVE = frozenset("in at from to near into across outside inside toward towards".split())


class EntityExtractor(Protocol):
    version: str

    def extract(self, text: str) -> Extraction: ...


class NullExtractor:
    """Extracts nothing: for measuring what analysis costs, or for corpora where it is unwanted."""

    version = "none"

    def extract(self, text: str) -> Extraction:
        return Extraction(())


# A word: letters and digits, with inner hyphens or apostrophes ("Jong-un", "People's"), a
# trailing apostrophe ("Workers'"), or dotted initials ("U.S.").
class RuleExtractor:
    """The default extractor: rules, lexicons and a gazetteer; about a millisecond an article."""

    # Bumped when the mentions found change: rules-8 reads zero words ("no one"), "from $X",
    # "magnitude-5.9", "February, 2003", and no longer takes "2045 GMT" for a year; rules-9
    # no longer takes "October 5,000 troops" for the date October 5; rules-10 (issue 17)
    # splits roles from names, types teams and gulfs, keeps names inside their line.
    version = "rules-10"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._initials: dict[str, str] | None = None

    def __getstate__(self) -> dict[str, object]:
        # Worker processes load their own (cached) gazetteer rather than receive a pickled copy.
        return {"_gazetteer": None, "_initials": None}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._gazetteer = None
        self._initials = None

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

    def extract(self, text: str) -> Extraction:
        folded = fold(text)
        tokens = _tokenize(folded)
        aliases = _aliases(folded)
        alias_types: dict[str, str] = {}
        found: dict[tuple[int, int], tuple[str, str | None]] = {}
        # Words the article also writes in lower case are common nouns, even when capitalised
        # at the start of a run ("Construction of the museum ..." vs "construction site").
        common = {t.text.lower() for t in tokens if t.text.islower()}

        # 1. Sentences: capitals are evidence.
        leftovers: list[list[_Token]] = []
        for run in _split_runs(self._join_possessives(list(_runs(tokens)), folded)):
            results = list(self._classify(run, tokens, folded, aliases, common))
            for span, kind, ref in results:
                found[span] = (kind, ref)
            if not results and not self.is_demonym(_surface(folded, _trim(run) or run)):
                leftovers.append(run)  # a demonym ("North Korean") names nobody
        found = self._extend_orgs(folded, found)
        known = _known_names(folded, found)
        for alias in aliases:
            full_kind = known.get(name_key(alias.full))
            if full_kind:
                alias_types[name_key(alias.short)] = full_kind[0]

        # 2. Second look at what the rules left (sentence-initial words, bare surnames) now the
        #    article's names are known; then headlines and table rows, by matching those names.
        taken = _Taken(len(folded), found)
        short_forms = _org_short_forms(folded, found, self._is_place)
        for run in [*leftovers, *_runs(tokens, title_lines=True)]:
            whole = _trim(run)
            if whole and name_key(_join(whole)) in short_forms:
                # "the Sox" after "Boston Red Sox"; inside a longer run ("Ninth Party
                # Congress") a short form is not the organisation.
                span = (whole[0].start, whole[-1].core_end)
                if not taken.overlaps(*span):
                    found[span] = ("ORG", None)
                    taken.add(*span)
                continue
            matched = False
            for span, kind, ref in self._match_known(run, known, alias_types):
                if not taken.overlaps(*span):
                    found[span] = (kind, ref)
                    taken.add(*span)
                    matched = True
            if not matched and not run[0].in_title_line:
                for span, kind in _context_type(run, tokens, folded):
                    if not taken.overlaps(*span):
                        found[span] = (kind, None)
                        taken.add(*span)
        found = _settle_types(folded, found, self._is_place)
        found = _drop_openers(folded, found, {t.start for t in tokens if t.initial})

        mentions = self._mentions(folded, text, found, aliases)
        dates = find_dates(folded)
        # A quantity may contain a name ("1,500 DPRK soldiers"); a date may not.
        mentions.extend(
            Mention(s, e, kind, text[s:e], name_key(text[s:e]))
            for s, e, kind in (*dates, *find_quantities(folded, dates))
            if kind == "QUANTITY" or not taken.overlaps(s, e)
        )
        mentions.sort(key=lambda m: (m.start, m.end))
        return Extraction(tuple(mentions), tuple(aliases))

    # -- classification ------------------------------------------------------------------

    def _classify(
        self,
        run: list[_Token],
        tokens: list[_Token],
        folded: str,
        aliases: list[Alias],
        common: set[str],
    ) -> Iterable[tuple[tuple[int, int], str, str | None]]:
        """Type a run of capitalised words by its shape and the words around it.

        A default guess (a capitalised pair that nothing else explains is a person) is marked
        with a trailing "?" so that firmer evidence elsewhere in the article can override it.
        """
        # "New York", "The Hague": a place whose name starts with a capitalised common word.
        if len(run) > 1 and run[0].lower in FUNCTION_WORDS:
            place = self.gazetteer.lookup(_surface(folded, run))
            # "The Bush administration" is no town called Bush: a name that is also an English
            # word or a common surname needs more than a sentence-initial "The".
            if (
                place is not None
                and not (place.ambiguous and len(run) == 2)
                and not self.is_demonym(_surface(folded, run))
            ):
                keep_the = run[0].lower != "the" or place.name.lower().startswith("the ")
                first = run[0] if keep_the else run[1]
                yield (first.start, run[-1].core_end), "PLACE", place.id
                return
        run = _trim(run)
        if not run:
            return
        while len(run) > 1 and run[-1].core in POST_NOMINALS:
            run = run[:-1]  # "Ayodele Bankole KC"
        before = _previous_word(tokens, run[0])
        if len(run) > 1 and all(t.core.isupper() for t in run):
            # A line in capitals (a dateline "THE HAGUE, Netherlands"): only places count.
            place = self.gazetteer.lookup(_surface(folded, run))
            if place is not None:
                yield (run[0].start, run[-1].core_end), "PLACE", place.id
            return
        # "Alaska Gov. Sarah Palin", "Sixers' Coach Jim O'Brien": a place or an organisation,
        # a role, then the person. Each is a name of its own.
        cut = _role_cut(run)
        if cut is not None:
            prefix, run = cut
            yield from self._role_prefix(prefix, tokens, folded, aliases, common)
        elif (
            len(run) > 1
            and run[-1].core in ROLE_WORDS
            and all(t.capitalised and t.lower not in ORG_HEADS | ORG_OPENERS for t in run)
        ):
            # "Alaska Gov. and former candidate ...", "Lakewood Sheriff's station": a role
            # nobody in the run bears, after a place or a body ("Billy King" is a name).
            before_role = list(
                self._role_prefix(_strip_roles(run), tokens, folded, aliases, common)
            )
            if before_role:
                yield from before_role
                return
        if len(run) == 1 and run[0].core in ROLE_WORDS and run[0].lower not in ORG_HEADS:
            return  # "Sheriff", "Coach": a role, not a name
        # "Ukrainian President Volodymyr Zelensky", "First Lady Ri Sol-ju": titles are cues.
        titled = cut is not None
        while len(run) > 1 and (
            run[0].core in PERSON_TITLES
            or (self.is_demonym(run[0].core) and run[1].core in PERSON_TITLES)
        ):
            if run[-1].lower in ORG_HEADS or self._place(_surface(folded, run)):
                break
            if run[0].core in PERSON_TITLES:
                titled = True
            run = run[1:]
        if not run:
            return
        surface = _surface(folded, run)
        span = (run[0].start, run[-1].core_end)
        words = [t.core for t in run]
        last = run[-1].lower
        inner = [t.text for t in run[1:-1] if not t.capitalised]
        org_connector = any(w in ORG_CONNECTORS for w in inner)

        if surface in COUNTRY_SHORT_FORMS:
            country = self.gazetteer.lookup(COUNTRY_SHORT_FORMS[surface])
            yield span, "PLACE", country.id if country else None
            return
        if self.is_demonym(surface):
            return
        if _ORDINAL_WORD.match(words[0]) and (last in _EVENT_HEADS or last in THING_HEADS):
            return  # "the Ninth Party Congress", "the 85th Academy Awards"
        located = before is not None and before.lower in _LOCATIVE
        found = self._place(surface, strict=len(run) == 1 and not located)
        if found is not None:
            # "challenges to Bush administration rules": a name that is also a word or a
            # surname is a place only until the article says who it is ("President Bush").
            yield span, "PLACE?" if found.ambiguous else "PLACE", found.id
            return
        if surface in KNOWN_ORGS or surface in NEWS_AGENCIES:
            yield span, "ORG", None
            return
        if len(run) > 2 and _surface(folded, run[-2:]) in KNOWN_ORGS:
            yield span, "ORG", None  # "Obama White House"
            return
        if len(run) > 1 and self.is_demonym(run[0].core):
            rest = _surface(folded, run[1:])
            if rest in KNOWN_ORGS or last in ORG_HEADS:
                yield span, "ORG", None  # "Indonesian Red Cross", "Korean Central News Agency"
            elif len(run) > 2 and all(_name_word(t) for t in run[1:]):
                # "American Hasim Rahman": the nationality is not part of the name.
                yield (run[1].start, run[-1].core_end), "PERSON?", None
            return
        if (
            len(run) > 1
            and run[0].lower in PLACE_OPENERS | PLACE_HEADS
            and inner
            and all(w in ("of", "the") for w in inner)
        ):
            yield span, "PLACE", None  # "Gulf of Aden", "Isle of Man", "Sea of Japan"
            return
        team = run
        while len(team) > 2 and team[-1].core in ROLE_WORDS:
            team = team[:-1]  # "Portland Trailblazers Coach": the team, and a role
        if self._place_and_plural(team, folded):
            # "Philadelphia 76ers", "Boston Red Sox", "U.S. Marshals"
            yield (team[0].start, team[-1].core_end), "ORG", None
            return
        if len(run) > 1 and last in PLACE_HEADS and not org_connector:
            inner_place = self._place(_surface(folded, run[:-1]))
            ref = inner_place.id if inner_place and last in _ADMIN_HEADS else None
            yield span, "PLACE", ref
            return
        if len(run) > 1 and run[0].lower in PLACE_OPENERS and not org_connector:
            yield span, "PLACE", None
            return
        if len(run) == 1 and run[0].core in GEOGRAPHIC_NAMES:
            yield span, "PLACE", None
            return
        if last in ORG_HEADS or (
            org_connector
            and any(t.lower in ORG_HEADS | ORG_OPENERS for t in run[: _connector_index(run)])
        ):
            yield span, "ORG", None
            return
        if len(run) > 1 and (last in CLUB_HEADS or run[0].lower in CLUB_OPENERS):
            yield span, "ORG", None
            return
        if len(run) == 1 and _ACRONYM.match(run[0].core):
            dateline = self._place(surface) if len(surface) > 3 else None
            if dateline is not None:
                yield span, "PLACE", dateline.id  # "GENEVA (Reuters) -"
            else:
                yield from self._acronym(run[0], span, aliases)
            return
        if len(run) > 1 and _ACRONYM.match(run[-1].core) and not _ACRONYM.match(run[0].core):
            yield span, "ORG", None  # "Erasmus MC", "Siemens AG", "Cadena SER"
            return
        if org_connector:
            return  # "Order of Freedom and Independence": a named thing, not a person
        if run[0].core in _SPANISH_ARTICLES and not titled:
            return  # "El Niño", "La Liga": not a person's name
        if before is not None and before.lower in ORG_CUES and not titled:
            yield span, "ORG", None  # "energy group Orsted", "rival Feyenoord"
            return
        cue = before is not None and before.lower in PERSON_CUES
        if titled or cue:
            if all(_name_word(t) for t in run):
                yield span, "PERSON", None
            return
        if len(run) == 1:
            token = run[0]
            if token.core in COMPASS and before is not None and before.lower == "the":
                yield span, "PLACE", None
            elif token.lower in ORG_HEADS and not token.initial:
                yield span, "ORG", None
            elif (
                before is not None
                and before.lower == "the"
                and _plural_name(token.core)
                and token.lower not in THING_HEADS
                and not self.is_demonym(token.core[:-1])
                and token.lower not in common
            ):
                yield span, "ORG?", None  # "the Angels", "the Sixers": a team or a group
            return
        if (
            before is not None
            and before.lower in _PLACE_PREPOSITIONS
            and len(run) <= 3
            and last not in THING_HEADS
            and not _quoted(folded, run)
        ):
            # A guess: "bringing in Maurice Cheeks" names the man the article calls Cheeks.
            yield span, "PLACE?", None  # "in Villa Alemana", "near Central Sulawesi"
            return
        if (
            2 <= len(run) <= 5
            and all(_name_word(t) for t in run)
            and last not in THING_HEADS
            and not _quoted(folded, run)
            and not any(
                t.lower in common for t in run if t.capitalised and t.lower not in NAME_PARTICLES
            )
        ):
            yield span, "PERSON?", None

    def _role_prefix(
        self,
        prefix: list[_Token],
        tokens: list[_Token],
        folded: str,
        aliases: list[Alias],
        common: set[str],
    ) -> Iterable[tuple[tuple[int, int], str, str | None]]:
        """What stands before a role ("Alaska" of "Alaska Gov. Sarah Palin"): the longest place
        it starts with, or an organisation; role words nobody bears ("Chief Deputy City") and
        guesses are left out."""
        if not prefix:
            return
        if self._place_and_plural(prefix, folded):
            yield (prefix[0].start, prefix[-1].core_end), "ORG", None
            return
        for end in range(len(prefix), 0, -1):
            place = self._place(_surface(folded, prefix[:end]), strict=end == 1)
            if place is not None and not self.is_demonym(_surface(folded, prefix[:end])):
                yield (prefix[0].start, prefix[end - 1].core_end), "PLACE", place.id
                return
        for span, kind, ref in self._classify(prefix, tokens, folded, aliases, common):
            if kind in ("ORG", "PLACE"):
                yield span, kind, ref
            elif prefix[0].lower in PLACE_OPENERS and kind == "PERSON?":
                yield span, "PLACE", None  # "Santa Monica City Attorney ..."

    def _place_and_plural(self, run: list[_Token], folded: str) -> bool:
        """A place and then a plural or two more capitalised words: a team or a body named for
        its place ("Philadelphia 76ers", "Los Angeles Angels", "Boston Red Sox", "U.S.
        Marshals"), not a person."""
        if len(run) < 2 or not run[-1].core[:1].isalnum():
            return False
        last = run[-1].core
        plural = _plural_name(last) or (last[:1].isdigit() and last.endswith("s"))
        for end in range(len(run) - 1, 0, -1):
            rest = run[end:]
            if not (plural or len(rest) == 2) or len(rest) > 2:
                continue
            if not all(t.capitalised for t in rest):
                return False
            head = _surface(folded, run[:end])
            place = self._place(head, strict=end == 1)
            if place is None and head not in COUNTRY_SHORT_FORMS:
                continue
            # Not two places ("Mannheim Germany", "Beverly Hills").
            return self._place(_surface(folded, rest)) is None and last.lower() not in PLACE_HEADS
        return False

    def _acronym(
        self, token: _Token, span: tuple[int, int], aliases: list[Alias]
    ) -> Iterable[tuple[tuple[int, int], str, str | None]]:
        if token.core in _CAPS_WORDS or token.core.lower() in PERSON_CUES:
            return
        defined = next((a for a in aliases if a.short == token.core), None)
        if defined is not None:
            defined_place = self._place(defined.full)
            if defined_place is not None:
                yield span, "PLACE", defined_place.id
            else:
                yield span, "ORG", None
        elif (country := self.country_acronym(token.core)) is not None:
            yield span, "PLACE", country
        else:
            yield span, "ORG", None

    def _extend_orgs(
        self, folded: str, found: dict[tuple[int, int], tuple[str, str | None]]
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
                if match and self.gazetteer.lookup(match.group(1)) is None:
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

    def _join_possessives(self, runs: list[list[_Token]], folded: str) -> list[list[_Token]]:
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
                    and not self._place(_surface(folded, _trim(prev)) or "-")
                ):
                    whole = prev + run
                    surface = _surface(folded, _trim(whole))
                    if self._place(surface) or any(t.lower in ORG_HEADS for t in run):
                        joined[-1] = whole
                        continue
            joined.append(run)
        return joined

    def is_demonym(self, surface: str) -> bool:
        """ "Korean", "North Korean", "Ukrainian": an adjective from a place, not a name."""
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

    def _is_place(self, surface: str) -> bool:
        return surface in COUNTRY_SHORT_FORMS or self._place(surface, strict=True) is not None

    def _place(self, surface: str, *, strict: bool = False) -> _PlaceRef | None:
        place = self.gazetteer.lookup(surface)
        if place is None or (place.ambiguous and strict):
            return None
        return _PlaceRef(place.id, place.ambiguous)

    def _match_known(
        self,
        run: list[_Token],
        known: dict[str, tuple[str, str | None]],
        alias_types: dict[str, str],
    ) -> Iterable[tuple[tuple[int, int], str, str | None]]:
        """Longest-first matching of names the article established, gazetteer places and
        acronyms, inside a run where capitals prove nothing."""
        i = 0
        limit = max(self.gazetteer.max_words, 6)
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
                    place = self._place(surface, strict=len(piece) == 1)
                    if place is not None and not self.is_demonym(surface):
                        kind_ref = ("PLACE", place.id)
                if kind_ref is None and len(piece) == 1 and piece[0].core in NEWS_AGENCIES:
                    kind_ref = ("ORG", None)
                if kind_ref is None and len(piece) == 1 and _ACRONYM.match(piece[0].core):
                    country = self.country_acronym(piece[0].core)
                    if country is not None:
                        kind_ref = ("PLACE", country)
                    elif piece[0].core not in _CAPS_WORDS and not piece[0].in_title_line:
                        kind_ref = ("ORG", None)
                if kind_ref is not None:
                    yield span, kind_ref[0], kind_ref[1]
                    i = j
                    matched = True
                    break
            if not matched:
                i += 1

    # -- output ----------------------------------------------------------------------------

    def _mentions(
        self,
        folded: str,
        text: str,
        found: dict[tuple[int, int], tuple[str, str | None]],
        aliases: list[Alias],
    ) -> list[Mention]:
        people = [
            (name_key(folded[s:e]), folded[s:e].split())
            for (s, e), (kind, _) in found.items()
            if kind == "PERSON" and " " in folded[s:e].strip()
        ]
        short_forms = _org_short_forms(folded, found, self._is_place)
        mentions: list[Mention] = []
        for (start, end), (kind, ref) in sorted(found.items()):
            surface = text[start:end]
            key = name_key(surface)
            if kind == "PERSON" and " " not in folded[start:end].strip():
                # A bare "Kim" or "Zelensky" is the person the article named in full.
                for full_key, parts in people:
                    if key in (name_key(parts[0]), name_key(parts[-1])):
                        key = full_key
                        break
            elif kind == "PERSON":
                # "Boone Isaacs" after "Cheryl Boone Isaacs": the end of a longer name.
                for full_key, parts in people:
                    if (
                        len(parts) > 2
                        and full_key != key
                        and key == name_key(" ".join(parts[-len(surface.split()) :]))
                    ):
                        key = full_key
                        break
            elif kind == "ORG":
                # "the Survey", "Red Sox": the organisation the article named in full.
                key = short_forms.get(key, key)
            mentions.append(Mention(start, end, kind, surface, key, ref))
        return mentions


_ADMIN_HEADS = frozenset(
    {"region", "province", "oblast", "county", "state", "prefecture", "district", "territory"}
)


@dataclass(frozen=True, slots=True)
class _PlaceRef:
    id: str
    ambiguous: bool = False


def _role_cut(run: list[_Token]) -> tuple[list[_Token], list[_Token]] | None:
    """Split "<place or organisation> <role words> <name>" into what comes before the roles and
    the name, or None. Only when a place or body comes first: a run that opens with its title
    ("President Volodymyr Zelensky") is left to the title rule."""
    roles = [index for index in range(1, len(run)) if run[index].core in ROLE_WORDS]
    if not roles or roles[-1] == len(run) - 1:
        return None
    name = run[roles[-1] + 1 :]
    if not all(_name_word(t) for t in name) or name[-1].lower in ORG_HEADS | PLACE_HEADS:
        return None
    # The role may hold other capitalised words ("Chief Deputy City Attorney"): what comes
    # before its first role word is the place or the organisation.
    first_role = roles[0]
    while first_role > 0 and run[first_role - 1].core in ROLE_WORDS:
        first_role -= 1
    if first_role == 0:
        return None
    return run[:first_role], name


def _plural_name(word: str) -> bool:
    return len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "'s"))


def _strip_roles(run: list[_Token]) -> list[_Token]:
    while run and run[-1].core in ROLE_WORDS:
        run = run[:-1]
    return run


def _quoted(folded: str, run: list[_Token]) -> bool:
    """A run in quotation marks is a title (a film, a book, a nickname), not a person or place:
    'starred in "American Pie"', "the 'Hunger Games' sequel"."""
    before = folded[run[0].start - 1 : run[0].start]
    after = folded[run[-1].end : run[-1].end + 1]
    return before in _QUOTES and after in _QUOTES
