"""The query path: parsing what was typed, bounding it, running it, and the retries.

A query is parsed against the user's fields only, wildcards, ranges and fuzzy words are held
to MAX_EXPANSION terms, and exact phrases are answered from the word-pair field. When nothing
matches, the typed words are corrected against the spelling dictionary, then tried as fuzzy
terms. Plain queries are ranked by postings._rank_plain_terms, others by Whoosh's collector
under a time limit (QUERY_SECONDS); each hit comes with its snippet and matched spans.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice
from typing import Any

from whoosh import collectors
from whoosh.fields import Schema
from whoosh.qparser import FieldAliasPlugin, FuzzyTermPlugin, MultifieldParser
from whoosh.query import (
    And,
    Every,
    FuzzyTerm,
    MultiTerm,
    NullQuery,
    Phrase,
    Query,
    Term,
    TermRange,
)
from whoosh.searching import Results, Searcher

from .documents import _article_from_fields
from .errors import IndexUnavailable, QuerySyntaxError, QueryTooBroad
from .highlight import _body_matches, _highlighter, _phrase_and_loose_words, _snippet
from .postings import _rank_plain_terms, _ReadValues, _record_top_terms
from .protocol import QueryOutcome

TEXT_FIELDS = ("title", "body")
# What a query word searches when it names no field. The body is indexed with its headline, so
# "title" adds no documents; and a query on one field is one matcher, whose blocks Whoosh can
# skip when they cannot reach the top hits (an OR across two fields scores every match).
DEFAULT_FIELDS = ("body",)
# The fields a typed query may name. The others (word pairs, the spelling dictionary, ids and
# fingerprints) are the engine's own: `pairs:*` expanded every word pair of the corpus (25 s).
USER_FIELDS = ("title", "body", "outlet", "published", "person", "org", "place")
# A wildcard, range or fuzzy word becomes one term per word it matches: past this many, the
# query is refused with a message rather than run for half a minute.
MAX_EXPANSION = 2000
MAX_FUZZY_EDITS = 2
# A query still running after this long returns the hits found so far, saying so.
QUERY_SECONDS = 4.0

# Words worth a spelling suggestion: not field names, not wildcards, boosts or fuzzy markers.
_CORRECTABLE_WORD = re.compile(r"(?<![\w*?~^])\w+(?![\w*?~:])")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
MAX_CORRECTABLE = 30


def make_parser(schema: Schema) -> MultifieldParser:
    # Only the user's fields: any other "name:" is read as words, not as a field.
    user = Schema(**{name: schema[name] for name in USER_FIELDS if name in schema})
    parser = MultifieldParser(list(DEFAULT_FIELDS), schema=user)
    parser.add_plugin(FuzzyTermPlugin())  # "said~" and "said~2", as the README promises
    parser.add_plugin(
        FieldAliasPlugin({"org": ["organisation", "organization"], "place": ["location", "loc"]})
    )
    return parser


def search(searcher: Searcher, query_text: str, *, limit: int, offset: int = 0) -> QueryOutcome:
    """Parse and run a query; QuerySyntaxError when the engine cannot make sense of it.

    ``offset`` pages through the ranking: hits ``offset`` to ``offset + limit``, each
    with its snippet; ``total`` always counts every match."""
    try:
        # The searcher's schema, not the index's: the index re-reads its table of contents from
        # disk for it, which fails once the cache folder is gone.
        query = make_parser(searcher.schema).parse(query_text)
        if query is NullQuery:
            raise QuerySyntaxError("the query has no words to search for")
        notices: list[str] = []
        query = _bounded(query, searcher.reader(), notices)
        outcome = run(searcher, query, query_text, limit=limit, offset=offset)
        if notices:
            outcome = replace(outcome, notices=(*notices, *outcome.notices))
        return outcome
    except (QuerySyntaxError, QueryTooBroad, IndexUnavailable):
        raise
    # Whoosh's parser and query classes raise a zoo of exception types on odd input;
    # every one of them means "this query cannot be run as written".
    except Exception as exc:
        raise QuerySyntaxError(str(exc) or type(exc).__name__) from exc


def run(
    searcher: Searcher, query: Query, query_text: str, *, limit: int, offset: int = 0
) -> QueryOutcome:
    """Run a parsed query; when it finds nothing, try spelling correction, then fuzzy terms."""
    outcome = _collect(searcher, query, limit, offset)
    if outcome.total or query is NullQuery or _has_multiterm(query):
        # A query with wildcards, ranges or fuzzy words already says how loosely to match:
        # no spelling correction or fuzzy retry (each would build its matchers again).
        return outcome
    corrected_text = _correct_text(searcher, query_text)
    if corrected_text is not None:
        parsed = make_parser(searcher.schema).parse(corrected_text)
        corrected = _collect(searcher, parsed, limit, offset)
        if corrected.total:
            return QueryOutcome(corrected.hits, corrected.total, corrected=corrected_text)
    fuzzy = _fuzzy(query)
    if fuzzy != query:
        loose = _collect(searcher, fuzzy, limit, offset)
        if loose.total:
            return QueryOutcome(loose.hits, loose.total, fuzzy=True)
    return outcome


def _collect(searcher: Searcher, query: Query, limit: int, offset: int = 0) -> QueryOutcome:
    answered = _with_word_pairs(query)
    notices: list[str] = []
    read: _ReadValues = {}
    # A later page ranks the pages before it again (cheap next to snippets) and shows
    # only its own hits. Neither path records matched terms for every match (Whoosh's
    # terms=True): _record_top_terms finds them for the top hits alone.
    ranked = _rank_plain_terms(searcher, answered, offset + limit, read)
    if ranked is not None:
        results = Results(searcher, answered, ranked.top[offset:])
        results._total = ranked.total
    else:
        # usequality=False: Whoosh's block skipping almost never skips a block of news
        # text (every report of a story scores alike), and with it on, counting the
        # matches takes a second pass over them all. replace=0: Whoosh otherwise swaps an
        # OR's matcher, once the top hits are full, for one that skips documents only the
        # weaker words match: they are never counted, and the total shrinks with the page.
        collector = collectors.TopCollector(limit=offset + limit, usequality=False, replace=0)
        # use_alarm=False: the alarm signal only works in the main thread, and the app
        # searches in a worker thread.
        timed = collectors.TimeLimitCollector(collector, QUERY_SECONDS, use_alarm=False)
        try:
            searcher.search_with_collector(answered, timed)
        except collectors.TimeLimit:
            notices.append(
                f"the search stopped after {QUERY_SECONDS:g} s: the hits and the count are "
                "those found by then; a narrower query finds them all"
            )
        ranked_all = timed.results()
        results = Results(searcher, answered, ranked_all.top_n[offset:])
        results._total = len(ranked_all)
    results.highlighter = _highlighter()
    _record_top_terms(searcher, results, query, read)
    hits = []
    phrases, loose = _phrase_and_loose_words(query)
    for hit in results:
        article = _article_from_fields(hit.fields())
        text = article.text
        # Highlighting reads the matched terms' stored offsets for all top hits in one
        # pass per term; the match list reuses what it read.
        # Pinpoint fragments need only the text's length and offsets, which folding keeps:
        # the original text serves, and folding a long article per hit is not free.
        fragments = hit.highlights("body", text=text, top=2)
        occurrences = results._char_cache.get("body", {}).get(hit.docnum, {})
        matches = _body_matches(occurrences, phrases, loose)
        snippet = _snippet(text, fragments) if fragments else _snippet(article.body, [])
        hits.append((article, float(hit.score or 0.0), snippet, matches))
    return QueryOutcome(tuple(hits), len(results), notices=tuple(notices))


def _correct_text(searcher: Searcher, text: str) -> str | None:
    """The query with each word the corpus never uses replaced by Whoosh's best spelling
    suggestion, or None when no word changed.

    Correcting the typed words (not the parsed, stemmed terms) keeps the correction readable:
    "Kim Jung Un" becomes "Kim Jong Un".
    """
    reader = searcher.reader()
    analyzer = searcher.schema["spell"].analyzer
    changed = False

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        if word in _OPERATORS or len(word) > MAX_CORRECTABLE or word.isdigit():
            return word
        tokens = [token.text for token in analyzer(word)]
        if len(tokens) != 1 or reader.doc_frequency("spell", tokens[0]):
            return word
        best = _spelling_suggestion(reader, tokens[0])
        if best is None:
            return word
        changed = True
        return _match_case(word, best)

    result = _CORRECTABLE_WORD.sub(fix, text)
    return result if changed else None


def _with_word_pairs(query: Query) -> Query:
    """The query with each exact body phrase answered from the word-pair field: a two-word
    phrase is exactly its pair; a longer one needs all its pairs, then its positions checked
    in those documents only. Highlighting still reads the original query's words."""
    if isinstance(query, Phrase):
        if query.fieldname != "body" or query.slop != 1 or len(query.words) < 2:
            return query
        pairs = [
            Term("pairs", f"{a} {b}", boost=query.boost)
            for a, b in zip(query.words, query.words[1:], strict=False)
        ]
        return pairs[0] if len(pairs) == 1 else And([*pairs, query])
    return query.apply(_with_word_pairs)


def _spelling_suggestion(reader: Any, word: str) -> str | None:
    """The corpus word nearest ``word`` (at most two edits, same first letter), the most used
    of equals; None when there is none.

    What Whoosh's ReaderCorrector.suggest does, with two changes. Its edit distance is pure
    Python, run on every dictionary word with the same first letter (8 ms a query at 10,000
    articles): rapidfuzz computes the same Damerau-Levenshtein distance in C, over a word list
    read once per searcher. And it ranks suggestions by frequency alone (its score ignores the
    distance): the nearest spelling comes first here ("Jung" is "Jong" before "Ju").
    """
    # Imported here: only a search that finds nothing asks for a spelling, and rapidfuzz is a
    # tenth of the imports of every other search.
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

    cache = reader.__dict__.setdefault("_kimreader_spelling", {})
    if word[:1] not in cache:
        cache[word[:1]] = [b.decode("utf-8") for b in reader.expand_prefix("spell", word[:1])]
    near = [
        text
        for text, _, _ in process.extract(
            word, cache[word[:1]], scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=None
        )
        if text != word
    ]
    if not near:
        return None
    return min(near, key=lambda s: (Levenshtein.distance(word, s), -reader.frequency("spell", s)))


def _match_case(original: str, suggestion: str) -> str:
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _bounded(query: Query, reader: Any, notices: list[str]) -> Query:
    """The query with fuzzy words held to MAX_FUZZY_EDITS; QueryTooBroad when a wildcard, range
    or fuzzy word matches more than MAX_EXPANSION words (counting stops there)."""
    if isinstance(query, FuzzyTerm):
        # As most engines do: short words get fewer edits (every three-letter word is within
        # two edits of "the"), and the first letter is kept, which makes matching far cheaper.
        allowed = min(
            MAX_FUZZY_EDITS, 0 if len(query.text) <= 2 else 1 if len(query.text) <= 5 else 2
        )
        if query.maxdist > allowed:
            notices.append(
                f"{query.text}~{query.maxdist}: at most {allowed} letter(s) may differ in a word "
                f"of {len(query.text)}; searched {query.text}~{allowed}"
            )
        query = FuzzyTerm(
            query.fieldname,
            query.text,
            boost=query.boost,
            maxdist=min(query.maxdist, allowed),
            prefixlength=max(query.prefixlength, 1),
        )
    if isinstance(query, Every) and query.fieldname not in (None, "", "*"):
        # "title:*" reads the posting list of every word of the field (Whoosh's own comment
        # calls it slow): the same bound as a wildcard.
        words = sum(1 for _ in islice(reader.lexicon(query.fieldname), MAX_EXPANSION + 1))
        if words > MAX_EXPANSION:
            raise QueryTooBroad(
                f"{query.fieldname}:* matches more than {MAX_EXPANSION:,} different words; "
                "search for words in that field instead"
            )
        return query
    if isinstance(query, MultiTerm):
        words = sum(1 for _ in islice(query.expanded_terms(reader), MAX_EXPANSION + 1))
        if words > MAX_EXPANSION:
            raise QueryTooBroad(
                f"{_shown_query(query)} matches more than {MAX_EXPANSION:,} different words; "
                "make it narrower (more letters before a *, a shorter range)"
            )
        return query
    return query.apply(lambda sub: _bounded(sub, reader, notices))


def _has_multiterm(query: Query) -> bool:
    if isinstance(query, (MultiTerm, Every)):
        return True
    return any(_has_multiterm(q) for q in query.children())


def _shown_query(query: Query) -> str:
    if isinstance(query, TermRange):
        return f"{query.fieldname}:[{query.start or ''} TO {query.end or ''}]"
    if isinstance(query, FuzzyTerm):
        return f"{query.text}~{query.maxdist}"
    text = getattr(query, "text", "")
    return f"{query.fieldname}:{text}" if query.fieldname not in DEFAULT_FIELDS else str(text)


def _fuzzy(query: Query) -> Query:
    if isinstance(query, Term) and query.fieldname in TEXT_FIELDS and isinstance(query.text, str):
        if not 3 <= len(query.text) <= MAX_CORRECTABLE or query.text.isdigit():
            return query
        return FuzzyTerm(
            query.fieldname,
            query.text,
            boost=query.boost,
            maxdist=1 if len(query.text) <= 5 else 2,
            prefixlength=1,
        )
    return query.apply(_fuzzy)
