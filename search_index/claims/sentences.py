"""Sentence spans in article text, and the small vocabulary that says what a claim is about."""

from __future__ import annotations

import re

from ..text import fold

# A sentence ends at . ! ? (and closing quotes or brackets) before a capital, a quote or a line
# break, unless the full stop belongs to an abbreviation or an initial ("U.S.", "Jan.", "Gen.").
_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9]|\s*$)|\n+")
_NOT_AN_END = re.compile(
    r"(?:\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Lt|Col|Maj|Capt|Sgt|"
    r"Dr|Mr|Mrs|Ms|Prof|Rep|Sen|Gov|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|approx|est)\.)$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence (and each line of a table or list) in ``text``."""
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(folded):
        end = match.end() if match.group().strip() else match.start()
        if match.group().startswith(".") and _NOT_AN_END.search(folded[start : match.start() + 1]):
            continue
        _add(folded, spans, start, end)
        start = match.end()
    _add(folded, spans, start, len(folded))
    return spans


def _add(folded: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# Words that say the same thing in news copy, mapped to one concept so that "11,000 soldiers
# sent" and "14,000 troops dispatched" are recognised as the same subject.
_CONCEPTS = {
    "troops": "troops soldiers soldier troop personnel forces servicemen fighters army",
    "killed": "killed dead died deaths death perished fatalities killing kills casualties lives",
    "injured": "injured wounded hurt injuries injuring",
    "missing": "missing unaccounted",
    "displaced": "displaced evacuated homeless fled evacuees refugees",
    "sent": "sent send sends deployed deploy deploys deployment dispatched dispatch dispatches",
    "construction": "construction constructing build builds building built foundation "
    "groundbreaking",
    "began": "began begin begins beginning started start starts launched launch launches opened",
    "arrested": "arrested detained arrests detentions",
    "cost": "cost costs price priced worth valued value",
    "people": "people persons residents civilians individuals",
    "defense": "defense defence",
}
CONCEPT_OF = {word: concept for concept, words in _CONCEPTS.items() for word in words.split()}

# Words that say nothing about what a number or date is about.
STOP_WORDS = frozenset(
    """
    a an the this that these those there here it its it's he she they we you i his her their
    our your my me him them us who whom whose which what when where why how whether if
    in on at by for from with without within into onto over under after before during since
    until about above below between among against across along around through toward upon of
    off out up down near than as like and but or nor so yet also too either neither not no
    all any both each every few many more most much several some such other another
    is are was were be been being am do does did done have has had having will would shall
    should can could may might must
    said says say told tells according citing cited reported reports report reportedly
    estimates estimate estimated estimating believed thought added noted stated claimed
    about around approximately roughly nearly almost upwards least just only further
    same those total overall including included while which whose
    one two three four five six seven eight nine ten to th st nd rd
    """.split()
)
_WORD = re.compile(r"[^\W\d_][\w']*")


def concept(word: str) -> str:
    """A word's concept: its synonym group, else a crude stem (plural and -ed/-ing dropped)."""
    lower = word.lower().strip("'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    if lower in CONCEPT_OF:
        return CONCEPT_OF[lower]
    for suffix in ("ing", "ed", "es", "s"):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            stem = lower[: -len(suffix)]
            return CONCEPT_OF.get(stem, stem)
    return lower


def content_words(text: str) -> list[str]:
    """The concepts of the content words of ``text``, in order."""
    return [concept(w) for w in _WORD.findall(fold(text)) if w.lower() not in STOP_WORDS]


def word_spans(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every word of ``folded[start:end]``, stop words included:
    the words ``content_words`` reads there, with their offsets in ``folded``."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded, start, end)]


def is_stop_word(word: str) -> bool:
    return word.lower() in STOP_WORDS
