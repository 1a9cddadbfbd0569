"""Words of a text as tokens, and the runs of capitalised words that may be names, split where
one name ends and the next begins."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from .lexicon import (
    ABBREVIATIONS,
    FUNCTION_WORDS,
    HOLIDAYS,
    MONTHS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    ORG_CONNECTORS,
    ORG_HEADS,
    ORG_OPENERS,
    PERSON_TITLES,
    PLACE_HEADS,
    SPEECH_VERBS,
    THING_HEADS,
    WEEKDAYS,
)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:['-]\w+)*'?")
# A word of four letters or more ending in "s'", run into the next word of two or more: a
# plural's possessive glued to what follows. Names with an inner apostrophe have it after one
# to three letters ("O'Brien", "D'Angelo", "Mus'ab", "Ba'ath").
_GLUED_POSSESSIVE = re.compile(r"^([A-Za-z]{3,}s')[A-Za-z]{2,}$")
_SENTENCE_GAP = re.compile(r"[.!?:;\"]|\n|^\s*[-*•|]")
# A team named with its number ("76ers", "49ers"), not a quantity ("5pm", "20th", "1950s").
_NUMBER_NAME = re.compile(r"^\d+(?!st|nd|rd|th)[a-z]{2,}s$")
_ENDS = re.compile(r"[.!?:;]|\n")
_PREFIXED_NAME = re.compile(r"^(?:al|el|bin|ibn|abu|abd|ben|ould)-[A-Z]")
_DEFINED_BY_PARENS = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_STANDS_FOR = re.compile(
    r"\b([A-Z][A-Z0-9]{1,7})\s+(?:stands for|is short for|is an acronym for|means)\s+(?:the\s+)?"
)
_OFFICIAL_NAME = re.compile(r"official name")
_DEMONYM_END = ("n", "an", "ian", "ean", "ese", "ish", "ic", "i", "ine")
# "the Ninth Party Congress", "19th Party Congress": an event, not the organisation.
_EVENT_HEADS = frozenset("congress conference summit plenum session forum games festival".split())
_ORDINAL_WORD = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d+(?:st|nd|rd|th))$",
    re.IGNORECASE,
)
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
    line: int = 0
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
            or (first.isdigit() and (any(c.isupper() for c in t) or bool(_NUMBER_NAME.match(t))))
            or _PREFIXED_NAME.match(t) is not None
        )

    @property
    def core_end(self) -> int:
        return self.start + len(self.core)

    @property
    def possessive(self) -> bool:
        return self.core != self.text


def _tokenize(folded: str) -> list[_Token]:
    tokens: list[_Token] = []
    line_start = 0
    for line_number, line in enumerate(folded.split("\n")):
        line_tokens: list[_Token] = []
        prev_end = 0
        for match in _TOKEN.finditer(line):
            gap = line[prev_end : match.start()]
            initial = not line_tokens or bool(_SENTENCE_GAP.search(gap))
            if initial and line_tokens and gap == ". " and _abbreviation(line_tokens[-1].text):
                initial = False  # "Gen. Abdel Fattah al-Burhan", "James R. Dabney"
            elif initial and line_tokens and gap.startswith(",") and not _ENDS.search(gap):
                initial = False  # a quote closes mid-sentence: '... of the law," Salazar said
            word, end = match.group(), match.end()
            if "-" in word:
                head, _, tail = word.rpartition("-")
                if head[:1].isupper() and tail in FUNCTION_WORDS:
                    # Crawl damage runs a name into the next word ("Chela Ortiz-who lived"):
                    # the name ends at the hyphen.
                    word, end = head, match.start() + len(head)
            start = match.start()
            glued = _GLUED_POSSESSIVE.match(word) if "'" in word else None
            if glued is not None:
                # A plural's possessive with the space after it lost ("Chargers'Jamal
                # Williams", "Williams'case"): two words.
                owner = glued.group(1)
                line_tokens.append(
                    _Token(
                        line_start + start,
                        line_start + start + len(owner),
                        owner,
                        initial,
                        False,
                        line=line_number,
                    )
                )
                start += len(owner)
                word = word[len(owner) :]
                initial = False
            line_tokens.append(
                _Token(
                    line_start + start,
                    line_start + end,
                    word,
                    initial,
                    False,
                    dot_after=line[end : end + 1] == ".",
                    line=line_number,
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
    capitalised = sum(1 for t in content if t.capitalised)
    if capitalised < len(content) * 0.6:
        return False  # most lines: a sentence (checked first, it is the cheap answer)
    if sum(1 for t in words if len(t.text) > 1 and t.text.isupper()) >= max(2, len(words) * 0.6):
        return True  # a line in capitals ("POLICE: TEEN CHARGED WITH MURDER"), sentence or not
    if not content:
        return False
    # Two lower-case content words make a headline in sentence case ("Lindsay Lohan checks
    # into rehab at Betty Ford Center"): there capitals are names, as in a sentence.
    lower = sum(1 for t in content if t.text.islower() and len(t.text) > 3)
    return lower < 2 and not line.rstrip().endswith((".", '."'))


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
    if tokens[k - 1].text == "and" and (
        nxt.lower in FUNCTION_WORDS
        or nxt.lower == run[0].lower
        or (run[-1].lower in ORG_HEADS and not _ends_in_org_head(tokens, k))
    ):
        # A second name, not more of the first: "Gary Ross and The Hollywood Reporter",
        # "Surrey Police and Surrey Fire and Rescue", "The Hollywood Reporter and Collider".
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
    """Next to each other in one line: a name never runs on into the next line (a timestamp
    "10:20 AM EDT" above "Lindsay Lohan checked in ...")."""
    if a.line != b.line:
        return False
    gap = b.start - a.end
    return gap == 1 or (gap == 2 and a.dot_after and _abbreviation(a.text))


def _abbreviation(word: str) -> bool:
    """A word whose full stop does not end a sentence: a title ("Gen.") or an initial ("R.")."""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _is_date_word(token: _Token) -> bool:
    """Weekdays and full month names end a name; "Mar" in "Viña del Mar" does not."""
    lower = token.lower
    return (lower in WEEKDAYS and len(lower) > 3) or (
        lower in MONTHS and len(lower) > 3 and lower != "may"
    )


def _trim(run: list[_Token]) -> list[_Token]:
    """Drop sentence-initial function words ("The", "According", "In") and ages
    ("Sixteen-year-old Kimani Gray") from a run."""
    while run and (
        run[0].lower in FUNCTION_WORDS
        or run[0].lower.endswith("-year-old")
        or (run[0].initial and run[0].lower.endswith("ing") and _opening_participle(run))
        or (run[0].initial and run[0].lower.endswith("ly") and _opening_adverb(run))
    ):
        run = run[1:]
    while run and run[-1].text.lower() in NAME_CONNECTORS:
        run = run[:-1]
    return run


def _opening_participle(run: list[_Token]) -> bool:
    """ "Considering Lionsgate recently absorbed ...", "Following Ross's exit": a sentence that
    opens with a participle of seven letters or more; titles ("Coordinating Minister") stay."""
    first = run[0]
    return (
        len(run) > 1
        and first.initial
        and len(first.lower) >= 7
        and first.lower.endswith("ing")
        and first.core not in PERSON_TITLES
    )


# Endings of English adverbs of six letters or more ("Typically", "Reportedly", "Ironically");
# given names ending in "-ly" ("Wally", "Billy", "Kimberly", "Gurbanguly") end otherwise.
_ADVERB_ENDINGS = (
    "ically", "ally", "edly", "ously", "ently", "antly", "ately", "ively", "ingly", "fully",
    "lessly", "ctly", "rtly", "ssly",
)  # fmt: skip


def _opening_adverb(run: list[_Token]) -> bool:
    """ "Typically Microsoft releases ...", "Ironically Nichols ...": an adverb that opens the
    sentence is no part of the name after it."""
    first = run[0]
    return (
        len(run) > 1
        and first.initial
        and len(first.lower) >= 6
        and first.lower.endswith(_ADVERB_ENDINGS)
        and not first.possessive
        and not first.lower.startswith(("mc", "mac"))  # "McNally"
    )


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
    if before is not None and before.lower == "to" and before.index > 0:
        # "the star's rep confirmed to People": the outlet spoken to
        spoken = tokens[before.index - 1]
        if spoken.lower in SPEECH_VERBS and before.start - spoken.end <= 1:
            return True
    return bool(
        (after is not None and after.lower in SPEECH_VERBS and after.start - run[-1].end <= 1)
        or (before is not None and before.lower in SPEECH_VERBS)
    )


# A word made a modifier by a hyphen and a lower-case participle: "Texas-based", "Top-ranked",
# "Oscar-winning". It qualifies the name after it and is no part of it.
_MODIFIER = re.compile(r"^[A-Z][\w.]*-([a-z]+(?:ed|ing))$")
# Of these, what is written before the hyphen is where the name is from ("Palo Alto-based HP").
_WHERE_MODIFIERS = frozenset({"based", "born", "headquartered"})


def split_modifiers(
    runs: Iterable[list[_Token]], folded: str, is_place: Callable[[str], bool]
) -> Iterable[list[_Token]]:
    """ "Texas-based EDS" -> "Texas", "EDS"; "Top-ranked North Carolina" -> "North Carolina":
    the modifier goes, and a place it was made from stays a name of its own (what is not a
    known place goes with the modifier: "QWERTY-based BlackBerry")."""
    for run in runs:
        if len(run) < 2 or folded.find("-", run[0].start, run[-2].end) < 0:
            yield run  # most runs: no hyphen before the last word
            continue
        cut = next((i for i in range(len(run) - 2, -1, -1) if _MODIFIER.match(run[i].text)), None)
        if cut is None:
            yield run
            continue
        match = _MODIFIER.match(run[cut].text)
        if match is not None and match.group(1) in _WHERE_MODIFIERS:
            token = run[cut]
            length = len(token.text) - len(match.group(1)) - 1
            where = [*run[:cut], replace(token, end=token.start + length, text=token.text[:length])]
            if is_place(" ".join(t.text for t in where)):
                yield where
        yield run[cut + 1 :]


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
            or (run[-1].lower in THING_HEADS and run[-1].lower not in HOLIDAYS)  # "85th
            # Academy Awards": an event, not the Academy
        ):
            continue
        rest = run[index + 1 :]
        if rest[-1].lower in ORG_HEADS | PLACE_HEADS or any(
            t.text in NAME_CONNECTORS or t.text in ORG_CONNECTORS for t in rest
        ):
            continue
        return index + 1
    return 0


def _name_word(token: _Token) -> bool:
    """A word that can be part of a person's name: capitalised letters, or a particle."""
    if token.text in NAME_PARTICLES:
        return True
    if token.dot_after and len(token.text) == 1 and token.text.isupper():
        return True  # an initial: "James R. Dabney"
    if token.lower in _PRONOUNS:
        return False  # "Doctor Who": a show's title, no name
    core = token.core.replace("-", "").replace("'", "")
    return token.capitalised and core.isalpha() and not core.isupper()


def _has_pronoun(run: list[_Token]) -> bool:
    """ "in Doctor Who": a title with a pronoun in it names no place either."""
    return any(t.lower in _PRONOUNS for t in run)


# Pronouns and question words: never part of a person's name, whatever their capital.
_PRONOUNS = frozenset(
    "who whom whose what which where when why how it its they them we us you he him she her".split()
)


def _connector_index(run: list[_Token]) -> int:
    for index, token in enumerate(run):
        if index and token.text in ORG_CONNECTORS:
            return index
    return len(run)


def _surface(folded: str, run: list[_Token]) -> str:
    return folded[run[0].start : run[-1].core_end]


def _join(piece: list[_Token]) -> str:
    return " ".join(t.core for t in piece)
