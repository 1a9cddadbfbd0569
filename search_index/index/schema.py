"""The index's schema and the analyzers that turn text into its terms.

Changing either changes what an index on disk holds: bump SCHEMA_VERSION with it, and every
index made before is rebuilt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import (
    Analyzer,
    BiWordFilter,
    Filter,
    RegexTokenizer,
    StemFilter,
    Token,
    Tokenizer,
)
from whoosh.fields import DATETIME, ID, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

from ..text import name_key, normalize_token

# Bump whenever the schema or the analyzers change: an index with another version is rebuilt.
# Other modules read it as schema.SCHEMA_VERSION, at call time: one value for every reader.
SCHEMA_VERSION = 9  # 9: "about" (format, author, language, source URL, fetch time)

# Digit groups ("10,000", "1,250.50") stay one token so 10000 and 10,000 meet; otherwise words
# with inner dots ("U.S") stay whole.
TOKEN_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:\.?\w+)*"

_DIGIT_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


class NormalizeFilter(Filter):
    """NFKC, case folding and accent folding per token ("Sındırgı" meets "Sindirgi").

    This may change a token's length, which is safe inside a token. Most tokens are ASCII, for
    which lower-casing is the whole job: the fast path keeps indexing speed.
    """

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            text = token.text
            if text.isascii():
                token.text = text.lower()
            else:
                token.text = normalize_token(text).translate(accent_map)
            yield token


class DigitGroupFilter(Filter):
    """Drop thousands separators so "10,000" is indexed and queried as 10000."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            if "," in token.text and _DIGIT_GROUPS.fullmatch(token.text):
                token.text = token.text.replace(",", "")
            yield token


class EntityKeyTokenizer(Tokenizer):
    """Tokens for the per-type entity fields.

    Indexed values are lines of "key<TAB>surface": each line gives the closed-up key (so
    person:"Kim Jong Un" finds every spelling) and the surface's words (so org:Mansudae finds
    "Mansudae Art Studio"). A query value gives only its key.
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if mode == "query":
            pieces = [name_key(value)]
        else:
            pieces = []
            for line in value.split("\n"):
                key, _, surface = line.partition("\t")
                pieces.append(key)
                pieces.extend(name_key(word) for word in surface.split())
        for offset, piece in enumerate(p for p in pieces if p):
            token.text = piece
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = piece
            if positions:
                token.pos = start_pos + offset
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token


def make_analyzer(*, stem: bool) -> Analyzer:
    # No stop-word filter: the stock one drops one-letter tokens ("Ju-a-e" would index as "ju")
    # and "a", which breaks phrase queries on names.
    analyzer = RegexTokenizer(TOKEN_PATTERN) | NormalizeFilter() | DigitGroupFilter()
    if stem:
        analyzer = analyzer | StemFilter()
    return analyzer


def build_schema() -> Schema:
    stemmed = make_analyzer(stem=True)
    plain = make_analyzer(stem=False)
    # multitoken_query="phrase": a query word that analyses into several tokens ("Jong-un",
    # "Ri Sol-ju") must match them in order, not as an unordered AND.
    return Schema(
        id=ID(stored=True, unique=True),
        path=STORED,
        fingerprint=ID(stored=True),
        title=TEXT(analyzer=stemmed, stored=True, field_boost=1.5, multitoken_query="phrase"),
        outlet=TEXT(analyzer=plain, stored=True, multitoken_query="phrase"),
        published=DATETIME(stored=True),
        published_has_time=STORED,
        url=STORED,
        notes=STORED,
        # What the article was read from and what its file said of it (format, author,
        # language, summary or not, source URL, fetch time), as one small JSON object.
        about=STORED,
        body=TEXT(analyzer=stemmed, stored=True, chars=True, multitoken_query="phrase"),
        # Spelling suggestions must be real words, not stems ("sanctions", not "sanction"), and
        # fuzzy terms on a stemmed field that also keeps spelling data find nothing: so the
        # spelling dictionary lives in its own unstemmed field.
        spell=TEXT(analyzer=plain, phrase=False, spelling=True),
        # Each pair of adjacent body words as one term (Whoosh's BiWordFilter): a two-word
        # phrase is one posting list instead of a position check in every article holding
        # both words ("said on": all of them), and a longer phrase is checked only where all
        # its pairs occur.
        pairs=TEXT(analyzer=stemmed | BiWordFilter(sep=" "), phrase=False),
        # One field per name type: person:, org:, place: in queries.
        person=TEXT(analyzer=EntityKeyTokenizer(), phrase=False),
        org=TEXT(analyzer=EntityKeyTokenizer(), phrase=False),
        place=TEXT(analyzer=EntityKeyTokenizer(), phrase=False),
        # Mentions, aliases and claims as one compressed JSON blob: every search hit unpickles
        # its stored fields, and a blob of bytes costs nothing to unpickle until it is read.
        analysis=STORED,
    )
