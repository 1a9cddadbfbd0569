"""Rule-based named-entity extraction: people, organisations, places, dates and quantities.

No model is downloaded or loaded: the rules read capitalisation, the words around a name
("President X", "X said", "... Agency"), acronym definitions in the text, and a place gazetteer
derived from GeoNames and ISO 3166. Headlines and table rows are Title Case, so there capitals
prove nothing; names there are found by matching what the article's own sentences established.

Any extractor with the same ``extract(text) -> Extraction`` method can replace this one.

About 440 lines, one idea: the single pass that turns an article's runs of capitalised words into
typed mentions. What stands on its own is elsewhere: tokens.py (tokens and runs), names.py
(types settled by context), places.py ("Town, State"), known.py (acronyms), values.py (dates and
quantities), lexicon.py (the news vocabulary the rules read).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Protocol

from ..analysis_versions import ENTITY_RULES_VERSION
from ..models import Alias, Extraction, Mention
from ..text import fold
from ..text import name_key as name_key  # re-exported: it moved to text.py, which the index uses
from .companies import drop_products, ticker_companies
from .cues import (
    BEFORE_COMPANY_VERB,
    COMPANY_VERBS,
    NamesBeside,
    company_act,
    company_deal,
    described_as_company,
    owns_its,
)
from .gazetteer import Gazetteer
from .headlines import headline_people
from .known import ACRONYM, acronym_kind, article_mentions, extend_orgs, match_known
from .lexicon import (
    CAPS_WORDS,
    CLUB_HEADS,
    CLUB_OPENERS,
    COMPANY_ROLES,
    COMPASS,
    COUNTRY_SHORT_FORMS,
    FUNCTION_WORDS,
    GEOGRAPHIC_NAMES,
    KNOWN_ORGS,
    NAME_PARTICLES,
    NEWS_AGENCIES,
    ORG_CONNECTORS,
    ORG_CUES,
    ORG_FOLLOWERS,
    ORG_HEADS,
    ORG_OPENERS,
    PERSON_CUES,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_OPENERS,
    POST_NOMINALS,
    ROLE_WORDS,
    STATE_ABBREVIATIONS,
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
from .places import PlaceRules
from .products import product_like
from .roles import modifies_noun, plural_name, quoted, role_cut, strip_roles
from .teams import POSITION_TITLES, place_teams, plural_teams, team_context, team_members
from .tokens import (
    _EVENT_HEADS,
    _ORDINAL_WORD,
    _PLACE_PREPOSITIONS,
    _connector_index,
    _has_pronoun,
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
    split_modifiers,
)
from .values import find_dates, find_quantities

_SPANISH_ARTICLES = frozenset({"El", "La", "Los", "Las"})

# Two or three dotted initials ("A.J.", "J.R.R."): given names when a family name follows.
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")

_ROLE_ACRONYM = re.compile(r"^[A-Z]{2,3}$")

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

    version = ENTITY_RULES_VERSION  # bumped in analysis_versions.py when mentions change

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        # Worker processes load their own (cached) gazetteer rather than receive a pickled
        # copy: PlaceRules pickles without it.
        self.places = PlaceRules(gazetteer)

    @property
    def gazetteer(self) -> Gazetteer:
        return self.places.gazetteer

    def country_acronym(self, acronym: str) -> str | None:
        """The country whose initials spell ``acronym`` ("DPRK"), when exactly one does."""
        return self.places.country_acronym(acronym)

    def _known_place(self, surface: str) -> bool:
        """Any gazetteer place, even one whose name is also a word or a surname ("Palmer")."""
        return self.places.place(surface) is not None

    def is_demonym(self, surface: str) -> bool:
        """ "Korean", "North Korean": an adjective from a place, not a name."""
        return self.places.is_demonym(surface)

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
        runs = split_modifiers(
            self.places.join_possessives(list(_runs(tokens)), folded), folded, self._known_place
        )
        for run in _split_runs(runs):
            results = list(self._classify(run, tokens, folded, aliases, common))
            if folded.startswith(", a", run[-1].end) and all(k[-1] == "?" for _, k, _ in results):
                named = _trim(run)
                if named and described_as_company(tokens, named[-1], folded):
                    # "EYP Mission Critical Facilities, a consulting company": what the name
                    # looked like gives way to what the sentence says it is.
                    results = [((named[0].start, named[-1].core_end), "ORG", None)]
            for span, kind, ref in results:
                found[span] = (kind, ref)
            if not results and not self.is_demonym(_surface(folded, _trim(run) or run)):
                leftovers.append(run)  # a demonym ("North Korean") names nobody
        found = extend_orgs(folded, found, self.places)
        for span in ticker_companies(folded):
            taken_by = [sp for sp in found if sp[0] < span[1] and span[0] < sp[1]]
            for sp in taken_by:
                del found[sp]
            found[span] = ("ORG", None)
        found = drop_products(folded, found)
        found.update(headline_people(tokens, folded, found, common, self.places))
        found = team_members(folded, found)
        found = _company_guesses(tokens, folded, found)
        known = _known_names(folded, found)
        for alias in aliases:
            full_kind = known.get(name_key(alias.full))
            if full_kind:
                alias_types[name_key(alias.short)] = full_kind[0]

        # 2. Second look at what the rules left (sentence-initial words, bare surnames) now the
        #    article's names are known; then headlines and table rows, by matching those names.
        taken = _Taken(len(folded), found)
        beside = NamesBeside(tokens)
        short_forms = _org_short_forms(folded, found, self.places.is_place)
        title_runs = list(_runs(tokens, title_lines=True))
        for run in [*leftovers, *title_runs]:
            whole = _trim(run) if short_forms else None
            if whole and name_key(_join(whole)) in short_forms:
                # "the Sox" after "Boston Red Sox"; inside a longer run ("Ninth Party
                # Congress") a short form is not the organisation.
                span = (whole[0].start, whole[-1].core_end)
                if not taken.overlaps(*span):
                    found[span] = ("ORG", None)
                    taken.add(*span)
                continue
            matched = False
            for span, kind, ref in match_known(run, known, alias_types, self.places, common):
                if not taken.overlaps(*span):
                    found[span] = (kind, ref)
                    taken.add(*span)
                    matched = True
            if not matched and not run[0].in_title_line:
                for span, kind in _context_type(run, tokens, folded, self._known_place, beside):
                    if not taken.overlaps(*span):
                        found[span] = (kind, None)
                        taken.add(*span)
        found.update(_same_word_orgs([*leftovers, *title_runs], tokens, folded, found, taken))
        found = plural_teams(folded, found)
        found = _settle_types(folded, found, short_forms)
        found = _drop_openers(folded, found)
        found = place_teams(folded, found)

        mentions = article_mentions(folded, text, found, self.places)
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
        if run[0].lower == "the" and self._opens_with_place(run[1:], folded):
            run = run[1:]  # "the New Orleans Saints": "the" goes, "New" stays
        elif not self._opens_with_place(run, folded):
            run = _trim(run)
        if (
            len(run) > 2
            and run[1].text == "of"
            and (run[0].core in ROLE_WORDS or run[0].core in CAPS_WORDS)
        ):
            # "Governor of Alaska", "the CEO of TallGrass Distribution Ltd": the role is no
            # part of the place or the body it is of.
            run = run[2:]
            if run[0].lower == "the" and len(run) > 1:
                run = run[1:]
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
        acronym = self._acronym_role(run, aliases)
        if acronym:
            # "Chargers NT Jamal Williams", "Microsoft VP Joe Belfiore": an unknown short
            # acronym right before a full name is the person's role, and what comes before it
            # the team or the body the role is in.
            prefix, run = run[:acronym], run[acronym + 1 :]
            typed = list(self._role_prefix(prefix, tokens, folded, aliases, common))
            if not typed and prefix[0].lower not in common:
                typed = [((prefix[0].start, prefix[-1].core_end), "ORG", None)]
            yield from typed
        owner = _owner_split(run)
        if owner:
            # "Chargers' Jamal Williams arrested ...": what owns a person by name is a place, a
            # team or a body, and no part of the person's name.
            prefix, run = run[:owner], run[owner:]
            typed = list(self._role_prefix(prefix, tokens, folded, aliases, common))
            if not typed and len(prefix) == 1 and plural_name(prefix[0].core):
                typed = [((prefix[0].start, prefix[0].core_end), "ORG?", None)]
            yield from typed
        # "Alaska Gov. Sarah Palin", "Sixers' Coach Jim O'Brien": a place or an organisation,
        # a role, then the person. Each is a name of its own.
        cut = role_cut(run)
        if cut is not None:
            prefix, name = cut
            roles = run[len(prefix) : len(run) - len(name)]
            run = name
            before_role = list(self._role_prefix(prefix, tokens, folded, aliases, common))
            if (
                not before_role
                and any(t.core in COMPANY_ROLES for t in roles)
                and all(_name_word(t) for t in prefix)
                and prefix[0].lower not in common
            ):
                # "Apple CEO Steve Jobs", "Hewlett-Packard CEO Mark Hurd": a name that is no
                # place before a company's officer is the company.
                yield (prefix[0].start, prefix[-1].core_end), "ORG", None
            yield from before_role
        elif (
            len(run) > 1
            and run[-1].core in ROLE_WORDS
            and all(t.capitalised and t.lower not in ORG_HEADS | ORG_OPENERS for t in run)
        ):
            # "Alaska Gov. and former candidate ...", "Lakewood Sheriff's station": a role
            # nobody in the run bears, after a place or a body ("Billy King" is a name).
            bearer = strip_roles(run)
            before_role = list(self._role_prefix(bearer, tokens, folded, aliases, common))
            if before_role:
                yield from before_role
                return
            if all(t.lower in PLACE_HEADS | ORG_HEADS for t in bearer):
                # "The City Attorney's Office is considering ...", "County Sheriff": an office
                # of a kind of place or body, held by nobody the run names.
                return
        if len(run) == 1 and run[0].core in ROLE_WORDS and run[0].lower not in ORG_HEADS:
            return  # "Sheriff", "Coach": a role, not a name
        # "Ukrainian President Volodymyr Zelensky", "First Lady Ri Sol-ju": titles are cues.
        titled = cut is not None
        while len(run) > 1 and (
            run[0].core in PERSON_TITLES
            or (self.is_demonym(run[0].core) and run[1].core in PERSON_TITLES)
            or _position_title(run)
        ):
            if run[-1].lower in ORG_HEADS or self.places.place(_surface(folded, run)):
                break
            if run[0].core in PERSON_TITLES or _position_title(run):
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

        if "/" in surface:
            # "New Delhi/Mumbai": places written as alternatives are a place, and nobody's name.
            left, _, right = surface.partition("/")
            if self.places.place(left) is not None and self.places.place(right) is not None:
                yield span, "PLACE", None
            return
        if surface in COUNTRY_SHORT_FORMS:
            country = self.gazetteer.lookup(COUNTRY_SHORT_FORMS[surface])
            yield span, "PLACE", country.id if country else None
            return
        if self.is_demonym(surface):
            return
        if _ORDINAL_WORD.match(words[0]) and (last in _EVENT_HEADS or last in THING_HEADS):
            return  # "the Ninth Party Congress", "the 85th Academy Awards"
        located = before is not None and before.lower in _LOCATIVE and not titled
        found = self.places.place(surface, strict=len(run) == 1 and not located)
        if found is not None and not (titled and found.ambiguous):  # "from President Bush"
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
        if self.places.place_and_plural(team, folded):
            # "Philadelphia 76ers", "Boston Red Sox", "U.S. Marshals"
            yield (team[0].start, team[-1].core_end), "ORG", None
            return
        if len(run) > 1 and last in PLACE_HEADS and not org_connector:
            inner_place = self.places.place(_surface(folded, run[:-1]))
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
        if len(run) == 1 and ACRONYM.match(run[0].core):
            dateline = self.places.place(surface) if len(surface) > 3 else None
            if dateline is not None:
                yield span, "PLACE", dateline.id  # "GENEVA (Reuters) -"
            else:
                yield from acronym_kind(run[0], span, aliases, common, self.places)
            return
        if len(run) > 1 and ACRONYM.match(run[-1].core) and not ACRONYM.match(run[0].core):
            yield span, "ORG", None  # "Erasmus MC", "Siemens AG", "Cadena SER"
            return
        if org_connector:
            return  # "Order of Freedom and Independence": a named thing, not a person
        if run[0].core in _SPANISH_ARTICLES and not titled:
            return  # "El Niño", "La Liga": not a person's name
        if (
            before is not None
            and before.lower in ORG_CUES
            and self._cue_reaches(tokens, before, run[0])
            and not titled
            and not run[0].initial
        ):
            # ("... by the ABC network. Jackman's choice": the cue ends the sentence before)
            yield span, "ORG", None  # "energy group Orsted", "rival Feyenoord"
            return
        cue = before is not None and before.lower in PERSON_CUES
        if titled or cue:
            if all(_name_word(t) for t in run) or self._initials_then_name(run):
                yield span, "PERSON", None
            return
        if (
            len(run) == 1
            and run[0].core in STATE_ABBREVIATIONS
            and self.places.state_after_town(run, tokens)
        ):
            state = self.places.place(STATE_ABBREVIATIONS[run[0].core])
            yield span, "PLACE", state.id if state else None  # "Fort Smith, Ark."
            return
        if len(run) <= 3 and self.places.before_region(run, tokens, folded):
            yield span, "PLACE", None  # "in Wasilla, Alaska", "Fort Smith, Ark."
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
                and plural_name(token.core)
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
            and not quoted(folded, run)
            # "in Brad Pitt's World War Z": "in" governs what the name owns, not the name.
            and not run[-1].possessive
        ):
            if product_like(run, tokens) or _has_pronoun(run):
                return  # "in Internet Explorer", "in Doctor Who": software, a show

            # A guess: "bringing in Maurice Cheeks" names the man the article calls Cheeks.
            yield span, "PLACE?", None  # "in Villa Alemana", "near Central Sulawesi"
            return
        if (
            2 <= len(run) <= 5
            and (all(_name_word(t) for t in run) or self._initials_then_name(run))
            and last not in THING_HEADS
            and not quoted(folded, run)
            and not any(
                t.lower in common for t in run if t.capitalised and t.lower not in NAME_PARTICLES
            )
        ):
            if (
                before is not None
                and before.text == "the"
                and not run[0].initial
                and not modifies_noun(tokens, run[-1])
            ):
                # "from the Red Sox", "the Hollywood Reporter": a name the article puts "the"
                # before is a team, a body or a title, not a person ("the late John Smith"
                # has a word between; "the George Bush era" is the era's "the").
                yield span, "ORG?", None
                return
            if product_like(run, tokens):
                return  # "Internet Explorer", "BlackBerry Curve 8900": a thing, no person
            yield span, "PERSON?", None

    def _acronym_role(self, run: list[_Token], aliases: list[Alias]) -> int:
        """The index of a role written as an unknown acronym of two or three capitals between
        a name and a full name ("Chargers NT Jamal Williams"), or 0. An acronym that is a
        place, a known body, a club's ("Chelsea FC") or one the article defines is no role."""
        if len(run) < 4:
            return 0
        for index in range(1, len(run) - 2):
            core = run[index].core
            if not _ROLE_ACRONYM.match(core):
                continue
            prefix, name = run[:index], run[index + 1 :]
            if (
                all(_name_word(t) for t in prefix)
                and all(_name_word(t) and t.core not in ROLE_WORDS for t in name)
                and name[-1].lower not in ORG_HEADS | PLACE_HEADS | THING_HEADS
                and core.lower() not in CLUB_HEADS
                and core not in POST_NOMINALS | KNOWN_ORGS | NEWS_AGENCIES
                and not any(a.short == core for a in aliases)
                and self.places.place(core) is None
                and self.places.country_acronym(core) is None
            ):
                return index
            return 0
        return 0

    def _initials_then_name(self, run: list[_Token]) -> bool:
        """ "General Manager A.J. Smith": dotted initials before a family name are the
        person's given names, not an acronym; initials that spell a place ("U.S. Steel",
        "L.A. Galaxy") are not."""
        first = run[0].core
        return (
            len(run) > 1
            and _INITIALS.match(first) is not None
            and self.places.place(first) is None
            and self.places.country_acronym(first.replace(".", "")) is None
            and all(_name_word(t) for t in run[1:])
        )

    @staticmethod
    def _cue_reaches(tokens: list[_Token], cue: _Token, name: _Token) -> bool:
        """ "group Orsted", "the disaster agency, Senapred": the cue names what follows; after
        "People magazine," it is the end of a name of its own ("..., Jack Ketsoyan")."""
        if name.start - cue.end == 1:
            return True
        owner = tokens[cue.index - 1] if cue.index else None
        return owner is None or not owner.capitalised

    def _opens_with_place(self, run: list[_Token], folded: str) -> bool:
        """ "New York Police": a place whose name starts with a function word ("New") opens
        a longer name, which keeps it."""
        if len(run) < 3 or run[0].lower not in FUNCTION_WORDS or run[0].lower == "the":
            return False
        for end in range(min(len(run) - 1, 4), 1, -1):
            place = self.places.place(_surface(folded, run[:end]), strict=True)
            if place is not None:
                return True
        return False

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
        if self.places.place_and_plural(prefix, folded):
            yield (prefix[0].start, prefix[-1].core_end), "ORG", None
            return
        for end in range(len(prefix), 0, -1):
            place = self.places.place(_surface(folded, prefix[:end]), strict=end == 1)
            if place is not None and not self.is_demonym(_surface(folded, prefix[:end])):
                rest = prefix[end:]
                if rest and all(t.capitalised and t.lower not in PLACE_HEADS for t in rest):
                    # "Philadelphia Homicide Capt. James Clark": the body the role is in.
                    yield (prefix[0].start, prefix[-1].core_end), "ORG", None
                elif rest and all(t.lower in PLACE_HEADS for t in rest):
                    yield (prefix[0].start, prefix[-1].core_end), "PLACE", None  # "L.A. County"
                else:
                    yield (prefix[0].start, prefix[end - 1].core_end), "PLACE", place.id
                return
        for span, kind, ref in self._classify(prefix, tokens, folded, aliases, common):
            if kind in ("ORG", "PLACE"):
                yield span, kind, ref
            elif prefix[0].lower in PLACE_OPENERS and kind == "PERSON?":
                yield span, "PLACE", None  # "Santa Monica City Attorney ..."


def _owner_split(run: list[_Token]) -> int:
    """Where the person owned starts in "<owner>s' <given name> <family name>", or 0. A plural's
    possessive stands inside the names of bodies ("Workers' Party", "Veterans' Affairs
    Department"), never inside a person's name. Role words after it are the role rule's
    ("Sixers' Coach Jim O'Brien")."""
    for index in range(len(run) - 2, 0, -1):
        owner = run[index - 1]
        if owner.possessive and owner.text.endswith("'"):
            name = run[index:]
            if (
                len(name) >= 2
                and all(_name_word(t) and t.core not in ROLE_WORDS for t in name)
                and name[-1].lower not in ORG_HEADS | PLACE_HEADS | THING_HEADS
                and not any(t.lower in ORG_HEADS | ORG_OPENERS for t in run[:index])
            ):
                return index
            return 0
    return 0


def _position_title(run: list[_Token]) -> bool:
    """ "Linebacker Steve Foley", "Quarterback Philip Rivers": a player's position before a
    full name is the player's title."""
    return (
        len(run) > 2
        and run[0].lower in POSITION_TITLES
        and not run[0].possessive
        and all(_name_word(t) for t in run[1:])
    )


def _same_word_orgs(
    runs: list[list[_Token]],
    tokens: list[_Token],
    folded: str,
    found: dict[tuple[int, int], tuple[str, str | None]],
    taken: _Taken,
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """ "SeaMicro servers" made "SeaMicro" an organisation; "SeaMicro has" in the next sentence
    (or "Microsoft Launches Emergency Patch" in the headline) is the same one-word name, which
    nothing else typed: the same organisation."""
    # Only a company's own cue carries over: a surname cited alone ("according to Gupta") is
    # an organisation only where it stands.
    lone = [
        (s, e) for (s, e), (kind, _) in found.items() if kind == "ORG?" and " " not in folded[s:e]
    ]
    if not lone:
        return {}
    orgs = {
        name_key(folded[s:e])
        for s, e in lone
        if _company_cue(folded, e)
        or team_context(folded, s, e)
        or ((token := _token_at(tokens, s)) is not None and _company_doing(tokens, token))
    }
    if not orgs:
        return {}
    more: dict[tuple[int, int], tuple[str, str | None]] = {}
    # (a word's lower case is compared first: name_key costs more, and most words are no match)
    lowered = {folded[s:e].lower() for s, e in lone}
    for run in runs:
        for token in run:
            if token.lower not in lowered:
                continue
            span = (token.start, token.core_end)
            if not taken.overlaps(*span) and name_key(token.core) in orgs:
                more[span] = ("ORG?", None)
                taken.add(*span)
    return more


def _company_guesses(
    tokens: list[_Token],
    folded: str,
    found: dict[tuple[int, int], tuple[str, str | None]],
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """A name guessed to be a person that opens with a word the article shows, standing alone,
    to be a company ("Microsoft Trustworthy Computing director Yunsun Wee" where "Microsoft
    will push out a patch"): a part of the company, no person whose given name is Microsoft.
    Three words or more: "Dell Curry" may share his given name with the company Dell."""
    guesses = [
        (start, end)
        for (start, end), (kind, _) in found.items()
        if kind == "PERSON?" and folded.count(" ", start, end) >= 2
    ]
    if not guesses:
        return found
    firsts = {folded[start:end].partition(" ")[0] for start, end in guesses}
    companies: set[str] = set()
    for token in tokens:
        if token.core not in firsts or token.core in companies or token.in_title_line:
            continue
        after = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
        if after is not None and after.capitalised and _joined(token, after):
            continue  # the start of a longer name, not the word alone
        if _company_cue(folded, token.core_end) or _company_doing(tokens, token):
            companies.add(token.core)
    if not companies:
        return found
    out = dict(found)
    for start, end in guesses:
        if folded[start:end].partition(" ")[0] in companies:
            out[(start, end)] = ("ORG", None)
    return out


def _token_at(tokens: list[_Token], start: int) -> _Token | None:
    index = bisect_left(tokens, start, key=lambda t: t.start)
    return tokens[index] if index < len(tokens) and tokens[index].start == start else None


def _company_doing(tokens: list[_Token], token: _Token) -> bool:
    """ "Microsoft on Wednesday issued", "T-Mobile continues to add to its line-up"."""
    return company_act(tokens, token) or owns_its(tokens, token) or company_deal(tokens, token)


# What only a company owns ("SeaMicro's revenue"); "Nixon's chief of staff" is a person's.
_COMPANY_POSSESSED = frozenset(
    "revenue revenues profit profits earnings sales subsidiary headquarters valuation".split()
)


def _company_cue(folded: str, end: int) -> bool:
    """ "SeaMicro servers", "SeaMicro's revenue", "Microsoft releases", "Apple has unveiled":
    a word after the name that only a company has or does."""
    rest = folded[end : end + 40]
    possessive = rest.startswith("'s ")
    if not possessive and not rest.startswith(" "):
        return False
    words = rest[3 if possessive else 1 :].split(" ", 2)
    if possessive:
        return words[0].rstrip(".,;:") in _COMPANY_POSSESSED | ORG_FOLLOWERS
    if words[0] in BEFORE_COMPANY_VERB and len(words) > 1:
        words = words[1:]
    word = words[0].rstrip(".,;:")
    return word in ORG_FOLLOWERS or word in COMPANY_VERBS


_ADMIN_HEADS = frozenset(
    {"region", "province", "oblast", "county", "state", "prefecture", "district", "territory"}
)
