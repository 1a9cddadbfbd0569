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
from dataclasses import dataclass, field
from typing import Protocol

from ..models import Alias, Extraction, Mention
from ..text import fold
from ..text import name_key as name_key  # re-exported: it moved to text.py, which the index uses
from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import (
    ABBREVIATIONS,
    CLUB_HEADS,
    CLUB_OPENERS,
    COMPASS,
    COUNTRY_SHORT_FORMS,
    FUNCTION_WORDS,
    GEOGRAPHIC_NAMES,
    KNOWN_ORGS,
    MONTHS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    NEWS_AGENCIES,
    ORG_CONNECTORS,
    ORG_CUES,
    ORG_FOLLOWERS,
    ORG_HEADS,
    ORG_OPENERS,
    ORG_POSSESSED,
    PERSON_CUES,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_OPENERS,
    POST_NOMINALS,
    SPEECH_VERBS,
    WEEKDAYS,
)
from .values import find_dates, find_quantities


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
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:['-]\w+)*'?")
_SENTENCE_GAP = re.compile(r"[.!?:;\"]|\n|^\s*[-*•|]")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$|^(?:[A-Z]\.){2,}$")
_PREFIXED_NAME = re.compile(r"^(?:al|el|bin|ibn|abu|abd|ben|ould)-[A-Z]")
_SPANISH_ARTICLES = frozenset({"El", "La", "Los", "Las"})
# All-caps words that are ordinary vocabulary in news, not names.
_CAPS_WORDS = frozenset(
    "AI TV OK PM AM GDP CEO CFO COVID UTC GMT EDT EST BST CET PST FAQ PDF URL ID VIP DNA "
    "HIV IT PR HQ".split()
)
_DEFINED_BY_PARENS = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_STANDS_FOR = re.compile(
    r"\b([A-Z][A-Z0-9]{1,7})\s+(?:stands for|is short for|is an acronym for|means)\s+(?:the\s+)?"
)
_OFFICIAL_NAME = re.compile(r"official name")
_DEMONYM_END = ("n", "an", "ian", "ean", "ese", "ish", "ic", "i", "ine")
# Demonyms and regional adjectives that do not derive from a place name by a suffix rule.
_IRREGULAR_DEMONYMS = frozenset(
    "British French Dutch Welsh Irish Scottish English Polish Spanish Swedish Danish Finnish "
    "Swiss Greek Thai Filipino Western Eastern Northern Southern Arab Arabic Muslim Jewish "
    "Christian Kurdish Baltic Nordic Slavic Latino Hispanic Soviet Allied Communist".split()
)
# "the Ninth Party Congress", "19th Party Congress": an event, not the organisation.
_EVENT_HEADS = frozenset("congress conference summit plenum session forum games festival".split())
_ORDINAL_WORD = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d+(?:st|nd|rd|th))$",
    re.IGNORECASE,
)
_ORG_TAIL = re.compile(r" (?:in|at|at the|of the) ((?:[A-Z][\w'-]+ ){1,5}[A-Z][\w'-]+)")
_LOCATIVE = frozenset("in at from to near into across outside inside toward towards".split())
# Before an unknown capitalised name, these suggest a place ("in Darfur", "near Limache").
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across"})


@dataclass(slots=True, eq=False)
class _Token:
    start: int
    end: int
    text: str  # folded
    initial: bool  # first word of a sentence, a quote or a list item
    in_title_line: bool
    index: int = 0
    dot_after: bool = False
    # Derived once: the rules read these many times per token.
    core: str = field(init=False)
    """The word without a possessive ending."""
    lower: str = field(init=False)
    capitalised: bool = field(init=False)

    def __post_init__(self) -> None:
        t = self.text
        self.core = t[:-2] if t.endswith(("'s", "'S")) else t.rstrip("'")
        self.lower = self.core.lower()
        first = t[0]
        self.capitalised = (
            first.isupper()
            or (first.isdigit() and any(c.isupper() for c in t))
            or _PREFIXED_NAME.match(t) is not None
        )

    @property
    def core_end(self) -> int:
        return self.start + len(self.core)

    @property
    def possessive(self) -> bool:
        return self.core != self.text


class RuleExtractor:
    """The default extractor: rules, lexicons and a gazetteer; about a millisecond an article."""

    # Bumped when the mentions found change: rules-8 reads zero words ("no one"), "from $X",
    # "magnitude-5.9", "February, 2003", and no longer takes "2045 GMT" for a year; rules-9
    # no longer takes "October 5,000 troops" for the date October 5.
    version = "rules-9"

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
                    if len(initials) >= 2:
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
        for run in [*leftovers, *_runs(tokens, title_lines=True)]:
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
        found = _settle_types(folded, found)

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
            if place is not None and not self.is_demonym(_surface(folded, run)):
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
        # "Ukrainian President Volodymyr Zelensky", "First Lady Ri Sol-ju": titles are cues.
        titled = False
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
        if _ORDINAL_WORD.match(words[0]) and last in _EVENT_HEADS:
            return
        located = before is not None and before.lower in _LOCATIVE
        found = self._place(surface, strict=len(run) == 1 and not located)
        if found is not None:
            yield span, "PLACE", found.id
            return
        if surface in KNOWN_ORGS or surface in NEWS_AGENCIES:
            yield span, "ORG", None
            return
        if len(run) > 1 and self.is_demonym(run[0].core):
            rest = _surface(folded, run[1:])
            if rest in KNOWN_ORGS or last in ORG_HEADS:
                yield span, "ORG", None  # "Indonesian Red Cross", "Korean Central News Agency"
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
            return
        if before is not None and before.lower in _PLACE_PREPOSITIONS and len(run) <= 3:
            yield span, "PLACE", None  # "in Villa Alemana", "near Central Sulawesi"
            return
        if (
            2 <= len(run) <= 5
            and all(_name_word(t) for t in run)
            and not any(
                t.lower in common for t in run if t.capitalised and t.lower not in NAME_PARTICLES
            )
        ):
            yield span, "PERSON?", None

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

    def _place(self, surface: str, *, strict: bool = False) -> _PlaceRef | None:
        place = self.gazetteer.lookup(surface)
        if place is None or (place.ambiguous and strict):
            return None
        return _PlaceRef(place.id)

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
            mentions.append(Mention(start, end, kind, surface, key, ref))
        return mentions


_ADMIN_HEADS = frozenset(
    {"region", "province", "oblast", "county", "state", "prefecture", "district", "territory"}
)


@dataclass(frozen=True, slots=True)
class _PlaceRef:
    id: str


def _tokenize(folded: str) -> list[_Token]:
    tokens: list[_Token] = []
    line_start = 0
    for line in folded.split("\n"):
        line_tokens: list[_Token] = []
        prev_end = 0
        for match in _TOKEN.finditer(line):
            gap = line[prev_end : match.start()]
            initial = not line_tokens or bool(_SENTENCE_GAP.search(gap))
            if initial and line_tokens and gap == ". " and line_tokens[-1].text in ABBREVIATIONS:
                initial = False  # "Gen. Abdel Fattah al-Burhan"
            line_tokens.append(
                _Token(
                    line_start + match.start(),
                    line_start + match.end(),
                    match.group(),
                    initial,
                    False,
                    dot_after=line[match.end() : match.end() + 1] == ".",
                )
            )
            prev_end = match.end()
        if _title_case_line(line, line_tokens):
            for token in line_tokens:
                token.in_title_line = True
        tokens.extend(line_tokens)
        line_start += len(line) + 1
    for index, token in enumerate(tokens):
        token.index = index
    return tokens


def _title_case_line(line: str, tokens: list[_Token]) -> bool:
    """A headline, subheading or table row: capitals there say nothing about names."""
    if "|" in line:
        return True
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) < 2:
        return False
    content = [t for t in words[1:] if t.lower not in FUNCTION_WORDS]
    if not content:
        return False
    capitalised = sum(1 for t in content if t.capitalised)
    return capitalised / len(content) >= 0.6 and not line.rstrip().endswith((".", '."'))


def _runs(tokens: list[_Token], *, title_lines: bool = False) -> Iterable[list[_Token]]:
    """Maximal sequences of capitalised words joined by single spaces (or name connectors).

    With ``title_lines`` the runs of headlines and table rows, plus single sentence-initial
    words, which only known names may claim.
    """
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        starts_ordinal = (
            _ORDINAL_WORD.match(token.text) is not None
            and token.text[0].isdigit()
            and i + 1 < n
            and tokens[i + 1].capitalised
            and _joined(token, tokens[i + 1])
        )
        if (
            token.in_title_line != title_lines
            or not (token.capitalised or starts_ordinal)
            or _is_date_word(token)
        ):
            following = tokens[i + 1] if i + 1 < n else None
            part_of_a_name = (
                following is not None and following.capitalised and _joined(token, following)
            )
            if (
                title_lines
                and not token.in_title_line
                and token.capitalised
                and token.initial
                and not part_of_a_name  # "North" of "North Korean" is not the North
            ):
                yield [token]
            i += 1
            continue
        run = [token]
        j = i + 1
        while j < n:
            prev, cur = tokens[j - 1], tokens[j]
            if cur.in_title_line != token.in_title_line or not _joined(prev, cur):
                break
            if prev.possessive and not prev.text.endswith("'"):
                break  # "Russia's war", "North Korea's Kim": the possessive ends a name
            if cur.capitalised and not _is_date_word(cur):
                run.append(cur)
                j += 1
                continue
            chain = _connector_chain(tokens, j, run)
            if chain and not title_lines:
                run.extend(tokens[j : j + chain + 1])
                j += chain + 1
                continue
            break
        if title_lines or not (len(run) == 1 and token.initial):
            yield run
        elif token.lower not in FUNCTION_WORDS:
            yield run  # a sentence-initial word on its own: classified with care
        i = j


def _connector_chain(tokens: list[_Token], j: int, run: list[_Token]) -> int:
    """How many lower-case connector words at ``tokens[j]`` lead on to more of the name ("van
    der", "of the", "and" inside an organisation's name), or 0."""
    organisation = any(t.lower in ORG_HEADS | ORG_OPENERS for t in run)
    k = j
    while k < len(tokens) and k - j < 3 and _joined(tokens[k - 1], tokens[k]):
        word = tokens[k].text
        if (
            word in NAME_PARTICLES
            or word in ("of", "for")
            or (word == "the" and k > j and tokens[k - 1].text == "of")
            or (word in ORG_CONNECTORS and (organisation or _ends_in_org_head(tokens, k + 1)))
        ):
            k += 1
        else:
            break
    if k == j or k >= len(tokens) or not _joined(tokens[k - 1], tokens[k]):
        return 0
    nxt = tokens[k]
    if not nxt.capitalised or nxt.lower in MONTHS or nxt.lower in WEEKDAYS or nxt.in_title_line:
        return 0
    return k - j


def _ends_in_org_head(tokens: list[_Token], k: int) -> bool:
    """Whether the capitalised words from ``tokens[k]`` end in an organisation word ("Food and
    Agriculture Organization")."""
    last = None
    while k < len(tokens) and tokens[k].capitalised and (last is None or _joined(last, tokens[k])):
        last = tokens[k]
        k += 1
    return last is not None and last.lower in ORG_HEADS


def _joined(a: _Token, b: _Token) -> bool:
    gap = b.start - a.end
    return gap == 1 or (gap == 2 and a.dot_after and a.text in ABBREVIATIONS)


def _is_date_word(token: _Token) -> bool:
    """Weekdays and full month names end a name; "Mar" in "Viña del Mar" does not."""
    lower = token.lower
    return (lower in WEEKDAYS and len(lower) > 3) or (
        lower in MONTHS and len(lower) > 3 and lower != "may"
    )


def _trim(run: list[_Token]) -> list[_Token]:
    """Drop sentence-initial function words ("The", "According", "In") from a run."""
    while run and run[0].lower in FUNCTION_WORDS:
        run = run[1:]
    while run and run[-1].text.lower() in NAME_CONNECTORS:
        run = run[:-1]
    return run


def _demonym_stems(word: str) -> Iterable[str]:
    """Place names a demonym may come from: Korean -> Korea, Ukrainian -> Ukraine,
    Chinese -> China, Turkish -> Turkey, German -> Germany, Pakistani -> Pakistan."""
    lower = word.lower()
    for suffix in _DEMONYM_END:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = word[: len(word) - len(suffix)]
            yield stem
            for ending in ("a", "e", "y", "ia", "ey", "o"):
                yield stem + ending


def _previous_word(tokens: list[_Token], token: _Token) -> _Token | None:
    if token.index == 0:
        return None
    prev = tokens[token.index - 1]
    return prev if token.start - prev.end <= 2 else None


def _speaker(tokens: list[_Token], run: list[_Token]) -> bool:
    """ "X said", "said X", "X told": a lone capitalised word as the one speaking."""
    index = run[-1].index
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    before = _previous_word(tokens, run[0])
    return bool(
        (after is not None and after.lower in SPEECH_VERBS and after.start - run[-1].end <= 1)
        or (before is not None and before.lower in SPEECH_VERBS)
    )


def _split_runs(runs: Iterable[list[_Token]]) -> Iterable[list[_Token]]:
    """Two names in one run: a heading glued to the sentence after it ("Mansudae Studio Kim
    visited ..."), a person and their organisation ("Ingrid Vestergaard of Jyske Bank"), an
    event and its organiser, an organisation and a titled person."""
    for run in runs:
        split = (
            _org_head_split(run)
            or _person_of_split(run)
            or _event_of_split(run)
            or _title_split(run)
        )
        if split:
            yield run[:split]
            yield run[split + 1 :] if run[split].text == "of" else run[split:]
        else:
            yield run


def _person_of_split(run: list[_Token]) -> int:
    """The index of "of" in "<name> of <organisation>", or 0."""
    for index, token in enumerate(run):
        if token.text != "of" or index < 2:
            continue
        head, tail = run[:index], run[index + 1 :]
        if (
            tail
            and all(_name_word(t) for t in head)
            and not any(
                t.lower in ORG_HEADS | ORG_OPENERS | PLACE_HEADS or t.core in PERSON_TITLES
                for t in head
            )
        ):
            return index
    return 0


def _event_of_split(run: list[_Token]) -> int:
    """The index of "of" in "<event> of <organisation>" ("Ninth Party Congress of the ...")."""
    for index, token in enumerate(run):
        if token.text == "of" and index and run[index - 1].lower in _EVENT_HEADS:
            return index
    return 0


def _title_split(run: list[_Token]) -> int:
    """Where a person's title starts inside a run ("European Commission | President Ursula von
    der Leyen"), when an organisation's name comes before it."""
    for index in range(1, len(run) - 1):
        if (
            run[index].core in PERSON_TITLES
            and run[index - 1].core not in PERSON_TITLES
            and run[index - 1].lower in ORG_HEADS
        ):
            return index
    return 0


def _org_head_split(run: list[_Token]) -> int:
    """Where an organisation's name ends inside a longer capitalised run, or 0.

    Only when what follows is neither more of the name ("News Agency", "Party Central
    Committee") nor a place ("Times Square").
    """
    for index in range(1, len(run) - 1):
        following = run[index + 1]
        if (
            run[index].lower not in ORG_HEADS
            or following.lower in ORG_HEADS
            or not following.capitalised
        ):
            continue
        rest = run[index + 1 :]
        if rest[-1].lower in ORG_HEADS | PLACE_HEADS or any(
            t.text in NAME_CONNECTORS for t in rest
        ):
            continue
        return index + 1
    return 0


def _name_word(token: _Token) -> bool:
    """A word that can be part of a person's name: capitalised letters, or a particle."""
    if token.text in NAME_PARTICLES:
        return True
    core = token.core.replace("-", "").replace("'", "")
    return token.capitalised and core.isalpha() and not core.isupper()


def _connector_index(run: list[_Token]) -> int:
    for index, token in enumerate(run):
        if index and token.text in ORG_CONNECTORS:
            return index
    return len(run)


def _surface(folded: str, run: list[_Token]) -> str:
    return folded[run[0].start : run[-1].core_end]


def _join(piece: list[_Token]) -> str:
    return " ".join(t.core for t in piece)


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
    elif before is not None and before.lower in _PLACE_PREPOSITIONS:
        yield span, "PLACE?"
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
