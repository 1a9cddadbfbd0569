"""One article as the sparse terms that tell stories apart.

Three kinds of term, kept apart by a prefix because they carry different evidence: words
("w:quake"), names ("n:lindsaylohan": people, organisations, places) and numbers ("#7.2",
"#2013"). Two earthquakes share most of their words; their places, dates, tolls and magnitudes
are what differ, so names and numbers weigh more than words (see ``GROUP_WEIGHT``).

The counts here are raw; ``engine`` weights them by rarity (IDF) over the whole state.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..calendar_words import MONTH_NUMBERS, WEEKDAY_NUMBERS
from ..models import Article
from ..text import fold, name_key

__all__ = ["GROUP_WEIGHT", "StoryArticle", "from_article", "names_of", "term_counts"]


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """What clustering needs of one article.

    ``names``: the article's people, organisations and places if the caller already has them
    (the index extracts entities at index time: pass their surfaces or keys here and nothing is
    extracted again). ``None`` falls back to runs of capitalised words, which is nearly as good
    for telling stories apart and costs nothing.
    """

    id: str
    title: str
    body: str
    published: date | None = None
    outlet: str | None = None
    names: tuple[str, ...] | None = None


def from_article(article: Article, names: tuple[str, ...] | None = None) -> StoryArticle:
    """What clustering needs of one indexed article; ``names``: its entity names if known."""
    return StoryArticle(
        id=article.id,
        title=article.title,
        body=article.body,
        published=article.published.value.date() if article.published else None,
        outlet=article.outlet,
        names=names,
    )


# Why these weights: a shared rare name or number is stronger evidence of one event than a shared
# rare word (two quakes share "magnitude", "aftershock" and "rubble"), and the headline says
# what the article is about in a few words, so its words count as several body mentions.
GROUP_WEIGHT = {"w": 1.0, "n": 2.5, "#": 1.3}
TITLE_REPEAT = 3

_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|\d+(?:[.,]\d+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;\"]")
_STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who whom why
    will with would you your yours said says say told tell according year years day days week
    weeks time one two three four five new first last since still may might must also however
    many much made make get got like well back even around people per cent percent would""".split()
)
_NAME_JOINERS = frozenset({"of", "de", "del", "la", "van", "von", "al", "bin", "da", "du"})
_CALENDAR = frozenset(MONTH_NUMBERS) | frozenset(WEEKDAY_NUMBERS)
_CLOCK_WORDS = frozenset("am pm gmt utc et est edt pt pst pdt ct cst cdt bst cet".split())


def _word_term(token: str) -> str | None:
    word = token.casefold().removesuffix("'s")
    if len(word) < 3 or word in _STOP_WORDS or word in _CALENDAR:
        return None
    # A light plural fold so "quakes" meets "quake" and "victims" meets "victim"; anything
    # stronger (a stemmer) merges words that tell events apart.
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return "w:" + word


def _number_term(token: str) -> str | None:
    digits = token.replace(",", "")
    # Single digits ("3 people", "1 dead") recur across every story; longer numbers and decimals
    # (tolls, magnitudes, years, scores) are specific.
    if len(digits) < 2:
        return None
    return "#" + digits.rstrip(".")


def _capitalised(token: str) -> bool:
    return (token[:1].isupper() and not token.isupper()) or (token.isupper() and len(token) > 1)


def _name_runs(line: str) -> list[str]:
    """Runs of capitalised words in one line, leaving out a lone capitalised word that only
    opens a sentence ("The", "Police") and calendar words."""
    names: list[str] = []
    run: list[str] = []
    run_started_sentence = False
    previous_end = 0

    def close() -> None:
        while run and run[-1].casefold() in _NAME_JOINERS:
            run.pop()
        opens_sentence = run_started_sentence
        # "The Rock", "One Rahman" opening a sentence: the first word is only capitalised.
        if opens_sentence and len(run) > 1 and run[0].casefold() in _STOP_WORDS:
            del run[0]
            opens_sentence = False
        if run and not (opens_sentence and len(run) == 1):
            names.append(" ".join(run))
        run.clear()

    for match in _WORD.finditer(line):
        token = match.group()
        gap = line[previous_end : match.start()]
        sentence_start = previous_end == 0 or _SENTENCE_END.search(gap) is not None
        previous_end = match.end()
        if token.casefold() in _CALENDAR or token.casefold() in _CLOCK_WORDS:
            close()  # "June", "Monday", "PM ET" end a name rather than belong to it
        elif _capitalised(token) and not token[0].isdigit():
            if not run:
                run_started_sentence = sentence_start
            run.append(token)
        elif run and token.casefold() in _NAME_JOINERS:
            run.append(token)
        else:
            close()
    close()
    return names


def term_counts(article: StoryArticle) -> Counter[str]:
    """Raw counts of the article's word, name and number terms (title words repeated)."""
    counts: Counter[str] = Counter()
    title = fold(article.title)
    body = fold(article.body)
    for text, repeat in ((title, TITLE_REPEAT), (body, 1)):
        for match in _WORD.finditer(text):
            token = match.group()
            term = _number_term(token) if token[0].isdigit() else _word_term(token)
            if term is not None:
                counts[term] += repeat
    for surface in names_of(article):
        key = name_key(surface)
        if len(key) > 1:
            counts["n:" + key] += 1
    return counts


def names_of(article: StoryArticle) -> list[str]:
    """The article's names as written: the caller's if given, else capitalised runs."""
    if article.names is not None:
        return list(article.names)
    return [name for line in fold(article.body).splitlines() for name in _name_runs(line)]


def sublinear(count: int) -> float:
    """A term said ten times is not ten times the evidence of one said once."""
    return 1.0 + math.log(count)
