"""Places that are teams: sports reports name a team by its city, state or school ("North
Carolina beat Evansville 91-73", "Indianapolis (11-4)", "a 20-13 victory over Kansas City").
The team is an organisation, not the place; what marks it is a score or a win-loss record
beside the name, or a game against it in a sentence that gives a score.
"""

from __future__ import annotations

import functools
import re

from ..text import name_key

# A score or a record: "91-73", "(11-4)", "31-24".
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
_RECORD_AFTER = re.compile(r" \(\d{1,2}-\d{1,2}(?:-\d{1,2})?\)")
_SCORE_AFTER = re.compile(r",? \d{1,3}-\d{1,3}\b")
# What stands before a team in a game: "victory over", "win against", "beat visiting".
_GAME_BEFORE = re.compile(
    r"(?:\b(?:victory|win|loss|defeat|game|games|semifinal|final|matchup|rout)"
    r" (?:over|against|to)|\b(?:beat|beats|defeated|defeats|overcame|edged|routed|topped|upset"
    r"|downed|over|against)) (?:visiting |No\. \d{1,2} |top-ranked |host )?$"
)
_GAME_AFTER = re.compile(
    r"(?:'s)? (?:beat|beats|defeated|defeats|overcame|edged|routed|topped|upset|downed)\b"
)


@functools.lru_cache(maxsize=4)
def _has_score(folded: str) -> bool:
    """Whether the article gives a score anywhere (asked for each name; a string's hash is
    kept with it, so the cache costs nothing after the first question)."""
    return _SCORE.search(folded) is not None


@functools.lru_cache(maxsize=4)
def _has_ranking(folded: str) -> bool:
    """Whether the article ranks anything ("No. 1", "top-ranked", "fifth-seeded")."""
    return "No. " in folded or "no. " in folded or "-ranked" in folded or "-seeded" in folded


def _line(folded: str, start: int, end: int) -> tuple[int, int]:
    return folded.rfind("\n", 0, start) + 1, (folded.find("\n", end) % (len(folded) + 1))


def place_teams(
    folded: str, found: dict[tuple[int, int], tuple[str, str | None]]
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """The places of ``found`` that the sentence shows to be teams, made organisations."""
    if "-" not in folded:
        return found
    out = dict(found)
    teams: set[str] = set()
    for (start, end), (kind, _) in found.items():
        if kind not in ("PLACE", "PLACE?"):
            continue
        if team_context(folded, start, end) or (
            _has_ranking(folded) and _RANKED_BEFORE.search(folded, max(0, start - 20), start)
        ):
            out[(start, end)] = ("ORG", None)  # "Top-ranked North Carolina" too
            teams.add(name_key(folded[start:end]))
    if not teams:
        return out
    # The article's other mentions of a team's place are the team ("broke North Carolina's
    # career scoring record"), but where the place is where something is ("in Chapel Hill,
    # North Carolina", "in North Carolina").
    for (start, end), (kind, _) in found.items():
        if (
            kind in ("PLACE", "PLACE?")
            and out[(start, end)][0] != "ORG"
            and name_key(folded[start:end]) in teams
            and not _where(folded, start, end)
        ):
            out[(start, end)] = ("ORG", None)
    return out


_IN_BEFORE = re.compile(r"\b(?:in|near|from|of|across|outside|inside|to|into)\s$", re.I)


def _where(folded: str, start: int, end: int) -> bool:
    """A place as a place: after "in" and the like, or in an address ("Chapel Hill, N.C.")."""
    if _IN_BEFORE.search(folded, max(0, start - 8), start):
        return True
    return folded[start - 2 : start] == ", " or folded[end : end + 2] == ", "


# Players' positions and team roles written after a team's name ("Chargers defensive tackle
# Jamal Williams", "Chargers lineman"): only a team stands there.
POSITIONS = frozenset(
    """
    defensive offensive tackle lineman linebacker quarterback receiver cornerback safety
    kicker punter running guard forward center centre pitcher outfielder infielder catcher
    shortstop slugger reliever goalkeeper midfielder striker winger coach defender defenders
    """.split()
)
# The positions that are nouns: written first, capitalised, they are a player's title
# ("Linebacker Steve Foley was shot"), as "Coach" is.
POSITION_TITLES = POSITIONS - {"defensive", "offensive", "running", "defenders"}
# "Creighton 65, Drake 53": a team, its points, the other team and its points.
_TEAM = r"[A-Z][A-Za-z.'&-]*(?: [A-Z][A-Za-z.'&-]*){0,3}"
_SCORELINE_AFTER = re.compile(rf" \d{{1,3}}, {_TEAM} \d{{1,3}}\b(?![\d,.]| points| pts)")
_POINTS_AFTER = re.compile(r" \d{1,3}\b(?![\d,.]| points| pts)")
_SCORELINE_BEFORE = re.compile(rf"(?<![\w.]){_TEAM} (?<!\d)\d{{1,3}}, $")


# "the final two games against Detroit and Carolina": only teams play games against each
# other, score or none ("a war against Iraq" is no game).
_GAMES_AGAINST = re.compile(
    rf"\bgames? (?:against|vs\.?) (?:visiting |No\. \d{{1,2}} |host )?(?:{_TEAM} and )?$"
)


def team_context(folded: str, start: int, end: int) -> bool:
    """ "Creighton (25-7)", "Creighton 65, Drake 53", "Creighton defeats Drake 65-53": a
    name that the words around it show to be a team."""
    if folded.find(" against ", max(0, start - 60), start) >= 0 and _GAMES_AGAINST.search(
        folded, max(0, start - 60), start
    ):
        return True
    after = folded[end : end + 2]
    if not (after == " (" or after[1:].isdigit() or _has_score(folded)):
        return False  # most names in most articles: nothing to look at
    if _RECORD_AFTER.match(folded, end):
        return True
    line_start, line_end = _line(folded, start, end)
    if _SCORELINE_AFTER.match(folded, end) or (
        _POINTS_AFTER.match(folded, end)
        and _SCORELINE_BEFORE.search(folded[max(line_start, start - 40) : start])
    ):
        return True
    if not _SCORE.search(folded, line_start, line_end):
        return False
    return bool(
        _SCORE_AFTER.match(folded, end)
        or _GAME_BEFORE.search(folded[max(line_start, start - 40) : start])
        or _GAME_AFTER.match(folded, end)
    )


# A ranking before a name: "top-ranked", "fifth-seeded", "No. 1", "No. 5 seed".
_RANKED_BEFORE = re.compile(r"(?:\b[Nn]o\. \d{1,2}(?: seed)?|\b[\w]+-(?:ranked|seeded)) $")


def plural_teams(
    folded: str, found: dict[tuple[int, int], tuple[str, str | None]]
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """Names in the plural guessed to be people that the words around them show to be teams:
    "the top-ranked Tar Heels", "the No. 1 Tar Heels", "two Purple Aces defenders". Only when
    the article never writes the plural word alone, as it would a person's family name ("the
    top-ranked Serena Williams ... Williams won")."""
    out: dict[tuple[int, int], tuple[str, str | None]] = {}
    for (start, end), (kind, _) in found.items():
        if kind != "PERSON?" or not folded[start:end].endswith("s"):
            continue
        words = folded[start:end].split()
        last = words[-1]
        if len(words) < 2 or len(last) < 4 or last.endswith(("ss", "'s")):
            continue
        ranked = _RANKED_BEFORE.search(folded, max(0, start - 20), start) is not None
        position = folded[end : end + 1] == " " and _first_word(folded, end + 1) in POSITIONS
        if (ranked or position) and not _written_alone(folded, last):
            out[(start, end)] = ("ORG", None)
    if not out:
        return found
    return {**found, **out}


def _first_word(folded: str, start: int) -> str:
    return folded[start : start + 20].split(" ", 1)[0].rstrip(".,;:").lower()


def _written_alone(folded: str, word: str) -> bool:
    """Whether the article writes ``word`` with no capitalised word before it ("Williams said")."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", folded):
        before = folded[max(0, match.start() - 30) : match.start()].rstrip(" ")
        if not before or before.endswith("\n"):
            return True  # a line opens with it
        previous = before.split()[-1]
        if not previous[:1].isupper() or previous.endswith((".", ",", ":", ";")):
            return True
    return False


def team_members(
    folded: str, found: dict[tuple[int, int], tuple[str, str | None]]
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """A person's name of three words or more that opens with a one-word organisation the
    article names ("Chargers Jamal Williams arrested", where "Chargers NT Jamal Williams" made
    Chargers a team), or with one member of it ("fellow Charger Vincent Jackson"): the team,
    or its member noun, is no part of the name."""
    # (most articles name nobody in three words: the organisations' keys are not needed)
    people = [
        (span, kind_ref)
        for span, kind_ref in found.items()
        if kind_ref[0].startswith("PERSON") and folded.count(" ", *span) >= 2
    ]
    if not people:
        return found
    orgs = {
        name_key(folded[start:end])
        for (start, end), (kind, _) in found.items()
        if kind in ("ORG", "ORG?") and " " not in folded[start:end]
    }
    if not orgs:
        return found
    out = dict(found)
    for (start, end), (kind, ref) in people:
        first, _, rest = folded[start:end].partition(" ")
        if not plural_or_member(first, orgs):
            continue
        del out[(start, end)]
        out[(end - len(rest), end)] = (kind, ref)
        if name_key(first) in orgs:
            out[(start, start + len(first))] = ("ORG", None)
    return out


def plural_or_member(word: str, orgs: set[str]) -> bool:
    """ "Chargers" of the Chargers, or "Charger", one of them."""
    key = name_key(word)
    return key in orgs or (len(key) > 3 and key + "s" in orgs)
