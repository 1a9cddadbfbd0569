"""Putting it together: the headline, outlet, date and clean body of one scraped text."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import PublishedDate
from ..text import clean_label, fold
from .chrome import headline_shaped, is_chrome, is_related_header, prose_shaped, split_title_suffix
from .dates import DateFound, date_line, parse_date_prefix
from .outlets import (
    copyright_outlet,
    dateline_outlet,
    name_like,
    outlet_clean,
    parse_byline,
    publication_like,
    source_outlet,
)

# Kept lines become paragraphs separated by a blank line: readable as it is in any viewer, and
# still only the file's own characters plus separators, so offsets stay simple.
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Inferred:
    title: str | None
    outlet: str | None
    published: PublishedDate | None
    body: str


# --------------------------------------------------------------------------------------------
# Putting it together

_HEADER_SCAN_LINES = 30
_META_BLOCK_LINES = 8
_EARLY_BODY_LINES = 6
_DATELINE_BODY_LINES = 3
_SOURCE_TAIL_LINES = 5
_EDGE_INVISIBLES = "\ufeff\u200b\u200c\u200d\u2060"


class _Candidates:
    """What the text says about itself, in order of how directly it says it."""

    def __init__(self) -> None:
        self.outlets: dict[int, str] = {}
        self.header_dates: list[DateFound] = []
        self.body_dates: list[DateFound] = []

    def outlet(self, rank: int, value: str | None) -> None:
        if value and rank not in self.outlets:
            self.outlets[rank] = value

    def best_outlet(self) -> str | None:
        return self.outlets[min(self.outlets)] if self.outlets else None

    def best_date(self) -> PublishedDate | None:
        pool = self.header_dates or self.body_dates
        if not pool:
            return None
        published = [d for d in pool if not d.is_update] or pool
        best = published[0].date
        if not best.has_time:
            # "date 2026-01-26" then "Published: 26 Jan. 2026, 15:31": same day, more precise.
            for other in published[1:]:
                if other.date.has_time and other.date.value.date() == best.value.date():
                    return other.date
        return best


# Outlet ranks: the lower, the more directly the text names its publisher.
_R_TITLE_SUFFIX, _R_BYLINE, _R_MASTHEAD_AFTER, _R_DATELINE, _R_SOURCE, _R_COPYRIGHT = range(6)
_R_MASTHEAD_BEFORE = 6


def _clean_line(line: str) -> str:
    return line.strip().strip(_EDGE_INVISIBLES).strip()


def infer_metadata(text: str) -> Inferred:
    """Guess title, outlet, publication date and the clean body of one scraped article."""
    try:
        return _infer(text)
    except Exception:  # a metadata guess must never stop reading an article
        body = PARAGRAPH_BREAK.join(
            c for c in (_clean_line(line) for line in text.split("\n")) if c
        )
        return Inferred(title=None, outlet=None, published=None, body=body)


def _infer(text: str) -> Inferred:
    raw_lines = text.split("\n")
    lines = [_clean_line(line) for line in raw_lines]
    # Folding keeps lengths and maps whitespace only to whitespace, so the folded lines strip
    # exactly like the originals and offsets found in one slice the other.
    folded = [_clean_line(line) for line in fold(text).split("\n")]
    starts, pos = [], 0
    for line in raw_lines:
        starts.append(pos)
        pos += len(line) + 1
    half = len(text) / 2
    nonblank = [i for i, line in enumerate(lines) if line]
    found = _Candidates()
    dropped: set[int] = set()

    # 1. Before the headline: furniture, dates, bylines, section labels, maybe a masthead.
    title: str | None = None
    title_index: int | None = None
    body_start = 0
    for k, i in enumerate(nonblank[:_HEADER_SCAN_LINES]):
        line, f = lines[i], folded[i]
        if _header_meta(line, f, found):
            dropped.add(i)
            continue
        if is_chrome(f):
            dropped.add(i)
            continue
        prefix = parse_date_prefix(f)
        if prefix and headline_shaped(f[prefix.end :]) and not prose_shaped(f[prefix.end :]):
            found.header_dates.append(prefix)
            title, title_index = _take_title(line[prefix.end :], f[prefix.end :], found), i
            break
        if headline_shaped(f):
            following = folded[nonblank[k + 1]] if k + 1 < len(nonblank) else ""
            if _masthead_before(f, following):
                found.outlet(_R_MASTHEAD_BEFORE, outlet_clean(line))
                dropped.add(i)
                continue
            title, title_index = _take_title(line, f, found), i
            break
        if prose_shaped(f):
            body_start = i
            break
        if publication_like(f) and not name_like(f):
            found.outlet(_R_MASTHEAD_BEFORE, outlet_clean(line))
            dropped.add(i)
    if title_index is not None:
        body_start = title_index + 1
        dropped.add(title_index)

    # 2. Right after the headline: byline, date, masthead lines until the first body line.
    if title_index is not None:
        for i in [j for j in nonblank if j > title_index][:_META_BLOCK_LINES]:
            line, f = lines[i], folded[i]
            if _header_meta(line, f, found) or is_chrome(f):
                dropped.add(i)
            elif publication_like(f) and not name_like(f):
                found.outlet(_R_MASTHEAD_AFTER, outlet_clean(line))
                dropped.add(i)
            elif name_like(f) or (title and f == fold(title)):
                dropped.add(i)  # a byline that is only a name, or the headline repeated
            else:
                break

    # 3. The body.
    title_folded = fold(title) if title else None
    tail_start = nonblank[-_SOURCE_TAIL_LINES] if len(nonblank) >= _SOURCE_TAIL_LINES else 0
    kept: list[str] = []
    seen = 0
    for k, i in enumerate(nonblank):
        if i < body_start or i in dropped:
            continue
        line, f = lines[i], folded[i]
        seen += 1
        early = seen <= _EARLY_BODY_LINES and title_index is not None
        if is_related_header(f):
            if starts[i] >= half:
                break
            continue
        if early and _header_meta(line, f, found):
            continue
        if (
            early
            and k + 1 < len(nonblank)
            and name_like(f)
            and date_line(folded[nonblank[k + 1]], need_label=False)
        ):
            continue  # a byline that is only a name, just above the date
        date = date_line(f, need_label=True)
        if date:
            found.body_dates.append(date)
            continue
        copyright_ = copyright_outlet(f, line)
        if copyright_ is not None:
            found.outlet(_R_COPYRIGHT, copyright_[0])
            continue
        if i >= tail_start:
            source = source_outlet(f, line)
            if source is not None:
                found.outlet(_R_SOURCE, source[0])
                continue
        if is_chrome(f) or (title_folded is not None and f == title_folded):
            continue
        if len(kept) < _DATELINE_BODY_LINES:
            found.outlet(_R_DATELINE, dateline_outlet(f, line))
        kept.append(line)

    outlet = found.best_outlet()
    if title and outlet:
        title = _strip_outlet_suffix(title, outlet)
    # Titles and outlets are shown on one line and used as labels: a tab, or an escape left in
    # text that did not come through strip_controls, must not reach them.
    return Inferred(
        title=_label(title),
        outlet=_label(outlet),
        published=found.best_date(),
        body=PARAGRAPH_BREAK.join(kept),
    )


def _label(text: str | None) -> str | None:
    return (clean_label(text) or None) if text else None


def _strip_outlet_suffix(title: str, outlet: str) -> str:
    """ "Quake kills 19 - Reuters" once the text has named Reuters as the outlet elsewhere."""
    folded_title, folded_outlet = fold(title).casefold(), fold(outlet).casefold()
    for separator in (" - ", " | ", " : ", " -- "):
        if folded_title.endswith(separator + folded_outlet):
            stripped = title[: len(title) - len(separator) - len(outlet)].rstrip()
            return stripped or title
    return title


def _header_meta(line: str, folded: str, found: _Candidates) -> bool:
    """Record a date, byline, source or copyright line of the article's header; True if it was."""
    date = date_line(folded, need_label=False)
    if date:
        found.header_dates.append(date)
        return True
    byline = parse_byline(folded, line)
    if byline is not None:
        found.outlet(_R_BYLINE, byline.outlet)
        found.header_dates.extend(byline.dates)
        return True
    source = source_outlet(folded, line)
    if source is not None:
        found.outlet(_R_SOURCE, source[0])
        if source[1]:
            found.header_dates.append(source[1])
        return True
    copyright_ = copyright_outlet(folded, line)
    if copyright_ is not None:
        found.outlet(_R_COPYRIGHT, copyright_[0])
        return True
    return False


def _masthead_before(folded: str, following: str) -> bool:
    """A site name printed above the headline ("The Kyiv Independent" then the headline).

    Only when a longer headline-shaped line follows: a short title-case headline starting with
    "The" must still be taken as the headline when body text comes next.
    """
    words = len(folded.split())
    return (
        words <= 4
        and publication_like(folded)
        and not is_chrome(following)
        and headline_shaped(following)
        and len(following.split()) > words
    )


def _take_title(line: str, folded: str, found: _Candidates) -> str:
    split = split_title_suffix(folded)
    if split is None:
        return line.strip()
    head_end, suffix_start = split
    found.outlet(_R_TITLE_SUFFIX, outlet_clean(line[suffix_start:]))
    return line[:head_end].strip()
