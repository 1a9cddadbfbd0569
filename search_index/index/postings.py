"""The posting-list fast path: reading Whoosh 2.7's segments a block at a time.

Whoosh reads postings one at a time through layers of Python calls. Plain queries (a word, a
word pair, words joined by AND) are ranked here from whole blocks (search_index.ranking does the
scoring), the top hits' character offsets for highlighting are read the same way, and field
lengths are read once per segment. Each reader falls back to Whoosh's own API on anything that
is not a plain Whoosh 2.7 segment, so results never depend on which path answered.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.query import And, Query, Term
from whoosh.searching import Results, Searcher
from whoosh.util.numeric import byte_to_length

from ..ranking import Ranked, Segment, TermPostings, rank_all_terms

# (field, term) -> per segment: its offset, and the ids and raw posting values it read.
_ReadValues = dict[tuple[str, bytes], list[tuple[int, list[int], list[Any]]]]


def _rank_plain_terms(
    searcher: Searcher, query: Query, limit: int, read: _ReadValues
) -> Ranked | None:
    """A word, a word pair or words joined by AND, ranked a posting list at a time
    (search_index.ranking); None for any other query, which Whoosh's collector runs.

    The body terms' posting values (positions and character offsets) are decoded with their
    ids anyway: they are kept in ``read`` for highlighting the top hits."""
    terms = _plain_terms(query)
    if terms is None:
        return None
    schema = searcher.schema
    if any(field not in schema for field, _ in terms):
        return None
    weighting = searcher.weighting
    segments = []
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if not hasattr(reader, "_terms") or not hasattr(reader, "_perdoc"):
            return None  # not Whoosh 2.7's segment reader: its internals are not ours to read
        postings: list[TermPostings] = []
        for field, text in terms:
            btext = schema[field].to_bytes(text)
            if (field, btext) not in reader:
                postings = []
                break
            scorer = weighting.scorer(sub, field, btext)
            lengths = _field_lengths(reader, field)
            matcher = reader._terms.matcher(field, btext, schema[field].format)
            if (
                not isinstance(scorer, scoring.BM25FScorer)
                or lengths is None
                or not isinstance(matcher, W3LeafMatcher)
            ):
                return None
            values: list[Any] | None = [] if field == "body" else None
            ids, weights = _read_postings(matcher, values)
            if values is not None:
                read.setdefault((field, btext), []).append((offset, ids, values))
            postings.append(
                TermPostings(ids, weights, lengths, scorer.idf, scorer.avgfl, scorer.B, scorer.K1)
            )
        segments.append(Segment(offset, postings, frozenset(reader._perdoc.deleted_docs())))
    return rank_all_terms(segments, limit)


def _plain_terms(query: Query) -> list[tuple[str, str]] | None:
    if isinstance(query, Term):
        children: list[Query] = [query]
    elif isinstance(query, And):
        children = list(query.children())
    else:
        return None
    terms = []
    for child in children:
        if type(child) is not Term or child.boost != 1.0 or not isinstance(child.text, str):
            return None
        terms.append((child.fieldname, child.text))
    return terms or None


def _read_postings(
    matcher: W3LeafMatcher, values: list[Any] | None = None
) -> tuple[list[int], list[float]]:
    """Every id and weight of a term (and raw value, into ``values``), read block by block
    (a block is one zlib-compressed pickle) instead of a posting at a time."""
    ids: list[int] = []
    weights: list[float] = []
    while True:
        ids.extend(_block_ids(matcher))
        matcher._read_weights()
        weights.extend(matcher._weights)
        if values is not None:
            matcher._read_values()
            values.extend(matcher._values)
        if matcher._lastblock:
            return ids, weights
        matcher._goto(matcher._nextoffset)


def _block_ids(matcher: W3LeafMatcher) -> Sequence[int]:
    # Whoosh decodes a block's delta-coded ids with a Python generator, a step per posting;
    # accumulate does the same sum in C.
    if matcher._data is None:
        matcher._read_data()
    deltas = matcher._data[0]
    return deltas if matcher._byteids else list(accumulate(deltas))


def _values_at(matcher: W3LeafMatcher, wanted: list[int]) -> dict[int, Any]:
    """The raw posting values of the ``wanted`` (ascending, segment-local) documents that hold
    the term. Blocks ending before the next wanted document are passed over on their header
    alone; each block holding one is decoded once."""
    found: dict[int, Any] = {}
    i = 0
    while i < len(wanted):
        if matcher._maxid >= wanted[i]:
            ids = _block_ids(matcher)
            matcher._read_values()
            values = matcher._values
            while i < len(wanted) and wanted[i] <= matcher._maxid:
                at = bisect.bisect_left(ids, wanted[i])
                if at < len(ids) and ids[at] == wanted[i]:
                    found[wanted[i]] = values[at]
                i += 1
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return found


def _record_top_terms(
    searcher: Searcher, results: Results, query: Query, read: _ReadValues
) -> None:
    """Which query terms each top hit's body holds, as ``terms=True`` would have recorded them
    for every match: enough for pinpoint highlighting, at one block read per hit and term."""
    top = sorted(docnum for _, docnum in results.top_n)
    termdocs: dict[tuple[str, bytes], list[int]] = {}
    docterms: dict[int, list[tuple[str, bytes]]] = {}
    # The same pass fills the highlighter's cache of character offsets (what its _load_chars
    # would read in a second pass over the same postings).
    chars: dict[int, dict[str, Any]] = {docnum: {} for docnum in top}
    field = searcher.schema["body"]
    decode = field.format.decoder("characters")
    leaves = searcher.leaf_searchers()
    for fieldname, btext in query.existing_terms(searcher.reader(), expand=True):
        if fieldname != "body" or not top:
            continue
        word = field.from_bytes(btext)
        found = (
            _known_values(read[fieldname, btext], top)
            if (fieldname, btext) in read
            else _term_values(leaves, fieldname, btext, top)
        )
        for docnum, value in found:
            termdocs.setdefault((fieldname, btext), []).append(docnum)
            docterms.setdefault(docnum, []).append((fieldname, btext))
            chars[docnum][word] = decode(value)
    results.termdocs = termdocs
    results.docterms = docterms
    results._char_cache["body"] = chars


def _known_values(
    segments: list[tuple[int, list[int], list[Any]]], top: list[int]
) -> Iterator[tuple[int, Any]]:
    for offset, ids, values in segments:
        for docnum in top:
            at = bisect.bisect_left(ids, docnum - offset)
            if at < len(ids) and ids[at] == docnum - offset:
                yield docnum, values[at]


def _term_values(
    leaves: list[tuple[Searcher, int]], fieldname: str, btext: bytes, top: list[int]
) -> Iterator[tuple[int, Any]]:
    """(global document number, raw posting value) for each of ``top`` holding the term."""
    for sub, offset in leaves:
        reader = sub.reader()
        local = [d - offset for d in top if 0 <= d - offset < reader.doc_count_all()]
        if not local or (fieldname, btext) not in reader:
            continue
        matcher = reader.postings(fieldname, btext)
        if isinstance(matcher, W3LeafMatcher):
            for docnum, value in _values_at(matcher, local).items():
                yield docnum + offset, value
            continue
        for docnum in local:  # deletions wrap the matcher: step through Whoosh's own API
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                yield docnum + offset, matcher.value()


class LengthCachedBM25F(scoring.BM25F):
    """Whoosh's BM25F with each segment's field lengths read once, not once per match.

    Profiled on 10,000 articles, looking a document's length up in its column took two thirds
    of the time spent scoring a common word's 2,000 matches; a list lookup costs next to none.
    """

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, scoring.BM25FScorer):
            lengths = _field_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer


def _open_columns(searcher: Searcher) -> None:
    """Open every column file a query will read now. Whoosh opens a segment's postings with
    the searcher but its stored fields and lengths only on first use, and a searcher must
    keep answering after its files are deleted (an index rebuilt or a cache folder emptied
    by another process): open files survive that, files opened later do not."""
    for leaf, _ in searcher.reader().leaf_readers():
        if not hasattr(leaf, "_perdoc"):
            continue
        for name, field_type in searcher.schema.items():
            if field_type.scorable:
                leaf._perdoc._cached_reader(f"_{name}_len", LENGTHS_COLUMN)
        if leaf.doc_count_all():
            leaf.stored_fields(0)


def _field_lengths(reader: Any, fieldname: str) -> list[int] | None:
    cache = reader.__dict__.setdefault("_kimreader_lengths", {})
    if fieldname not in cache:
        lengths = (
            _column_lengths(reader._perdoc, fieldname, _LENGTH_OF_BYTE)
            if hasattr(reader, "_perdoc")
            else None
        )
        if lengths is not None:
            lengths += [1] * max(0, reader.doc_count_all() - len(lengths))
        cache[fieldname] = lengths
    return cache[fieldname]


def _column_lengths(perdoc: Any, fieldname: str, of_byte: list[int]) -> list[int] | None:
    """A field's length for every document of a segment, or None when it cannot be read
    this way (Whoosh's own lookup then serves)."""
    try:
        # The lengths column is the codec's, not the schema's: read through the segment's
        # per-document reader, and as one block of bytes (one length byte a document): item
        # by item took 0.2 s at 50,000.
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        raw = column._dbfile.get(column._basepos, column._count) if column else b""
    except Exception:
        return None
    return [of_byte[b] for b in raw]


# Whoosh stores a field's length in one byte (lossy above 108). Scoring reads 0 as 1, as
# Whoosh's own doc_field_length(default=1) does; the writer's block statistics read it as is.
_LENGTH_OF_BYTE = [byte_to_length(b) or 1 for b in range(256)]
_RAW_LENGTH = [byte_to_length(b) for b in range(256)]
