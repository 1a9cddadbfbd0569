"""Clustering a corpus into stories, and keeping it up to date one article at a time.

Every article becomes a unit vector of IDF-weighted terms (features.py); a story is the sum of
its members' vectors. ``cluster`` groups a whole corpus by average link (agglomerate.py), then
splits any group whose articles, weighed by the group's own rarest terms, fall into several
sizeable parts (split.py): that is what keeps two title defences by one boxer apart.

``assign`` is the single step for one new or changed article, without touching the rest: it
joins the story whose centroid it is most similar to (cosine, lowered when its date lies far
from the story's dates) among those it is alike enough to for their size (the state's threshold,
higher for small stories: ``PAIR_EVIDENCE``), and founds a new story otherwise.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from datetime import date

from .agglomerate import agglomerate, common_limit, needed_average
from .features import GROUP_WEIGHT, StoryArticle, sublinear, term_counts
from .naming import name_story
from .split import split_group
from .state import Doc, Story, StoryState, story_id_for

__all__ = [
    "AVERAGE_THRESHOLD",
    "assign",
    "cluster",
    "newest_first",
    "remove",
    "similarity",
    "stories",
]

AVERAGE_THRESHOLD = 0.1
"""Two groups merge when their articles' cosines average at least this (corpus IDF weights)."""
PAIR_EVIDENCE = 0.35
"""What two single articles must reach to join; groups need ``PAIR_EVIDENCE / sqrt(pairs)``,
never less than the threshold (agglomerate.needed_average). Below it, two unrelated pages of
one week that share common words and a name joined in a folder of real web pages (36 false
pairs among html-dev's 91 pages, 1 with it; ECB+ B-cubed unchanged: benchmarks/RESULTS.md)."""
WHOLE_EVIDENCE = 0.07
"""The same requirement on the cosine of the articles' whole vectors (``agglomerate``'s
``retained``): in a small folder most words are in one article only, and the cosine over the
shared terms alone, which clustering weighs, is inflated (two sports round-ups sharing "goal",
"assist" and "save" reached 0.48 among twelve excerpts, 0.05 over their whole text). Not more:
the five rewritten reports of the bundled seeds are one story at 0.035-0.17 whole (0.1 split
them)."""
LOCAL_THRESHOLD = 0.08
"""The same within one group, weighted by the group's own rarity (split.py)."""
DATE_GRACE_DAYS = 3
DATE_DECAY_DAYS = 10.0
"""Reports of one event come out within days of it; past the grace the similarity halves about
every week, so a second earthquake a month later in the same region starts its own story."""


def _idf(state: StoryState, term: str, total: int) -> float:
    return math.log((total + 1) / (state.doc_freq.get(term, 0) + 1))


def _vector(
    state: StoryState, counts: Counter[str], total: int, *, shared_only: bool
) -> dict[str, float]:
    """Unit vector of IDF-weighted terms. ``shared_only`` leaves out terms no other article has:
    when the whole corpus is known they can match nothing and only shrink every cosine (which
    matters in a small folder); a new article keeps them, for the articles still to come."""
    vector: dict[str, float] = {}
    for term, count in counts.items():
        if shared_only and state.doc_freq.get(term, 0) < 2:
            continue
        weight = sublinear(count) * _idf(state, term, total) * GROUP_WEIGHT[term[0]]
        if weight > 0:
            vector[term] = weight
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {term: w / norm for term, w in vector.items()}


def _retained(state: StoryState, counts: Counter[str], total: int) -> float:
    """How much of the article's whole weighted vector lies on terms another article has: its
    shared-term cosines times this (for both articles) are its whole-vector cosines."""
    norm = shared = 0.0
    for term, count in counts.items():
        weight = sublinear(count) * _idf(state, term, total) * GROUP_WEIGHT[term[0]]
        norm += weight * weight
        if state.doc_freq.get(term, 0) >= 2:
            shared += weight * weight
    return math.sqrt(shared / norm) if norm else 0.0


def _pair_date_factor(
    a_first: date | None, a_last: date | None, b_first: date | None, b_last: date | None
) -> float:
    if a_first is None or a_last is None or b_first is None or b_last is None:
        return 1.0
    gap = max((b_first - a_last).days, (a_first - b_last).days, 0)
    if gap <= DATE_GRACE_DAYS:
        return 1.0
    return math.exp(-(gap - DATE_GRACE_DAYS) / DATE_DECAY_DAYS)


def _date_factor(day: date | None, first: date | None, last: date | None) -> float:
    if day is None or first is None or last is None:
        return 1.0
    gap = max((first - day).days, (day - last).days, 0)
    if gap <= DATE_GRACE_DAYS:
        return 1.0
    return math.exp(-(gap - DATE_GRACE_DAYS) / DATE_DECAY_DAYS)


def _shared(state: StoryState, doc: Doc) -> dict[str, float]:
    """The doc's unit vector over the terms some other article has too (see ``_vector``)."""
    shared = {t: w for t, w in doc.vector.items() if state.doc_freq.get(t, 0) >= 2}
    norm = math.sqrt(sum(w * w for w in shared.values())) or 1.0
    return {t: w / norm for t, w in shared.items()}


def similarity(state: StoryState, doc: Doc, story_id: str) -> float:
    """The average cosine of ``doc`` with the story's members (the batch's average link, so a
    new article joins where ``cluster`` would have put it), discounted by distance in time."""
    return _average(state, _shared(state, doc), doc.published, story_id)


def _average(state: StoryState, vector: dict[str, float], day: date | None, story_id: str) -> float:
    story = state.stories[story_id]
    size = len(story.members)
    if not size:
        return 0.0
    centroid = story.centroid
    dot = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
    return dot / size * _date_factor(day, story.first, story.last)


def _best_story(state: StoryState, doc: Doc) -> tuple[str | None, float]:
    candidates: set[str] = set()
    limit = common_limit(len(state.stories))
    for term in doc.top_terms():
        posting = state.postings.get(term)
        if posting and len(posting) <= limit:  # see agglomerate.common_limit
            candidates.update(posting.keys())
    vector = _shared(state, doc)
    # The new article's vector is whole: the part on shared terms is what it keeps of it.
    retained = math.sqrt(sum(w * w for t, w in doc.vector.items() if state.doc_freq.get(t, 0) >= 2))
    best: tuple[str | None, float] = (None, 0.0)
    for story_id in sorted(candidates):
        score = _average(state, vector, doc.published, story_id)
        # One article against a story of n members is n pairs, as ``cluster`` weighs them: a
        # story it is not alike enough to for its size is no candidate, as in the batch.
        story = state.stories[story_id]
        size = len(story.members)
        whole = score * retained * story.retained / size
        if (
            score > best[1]
            and score >= needed_average(state.threshold, PAIR_EVIDENCE, size)
            and whole >= WHOLE_EVIDENCE / math.sqrt(size)
        ):
            best = (story_id, score)
    return best


def _add_doc(
    state: StoryState,
    article: StoryArticle,
    counts: Counter[str],
    total: int,
    *,
    shared_only: bool = False,
    retained: float = 1.0,
) -> Doc:
    doc = Doc(
        vector=_vector(state, counts, total, shared_only=shared_only),
        title=article.title,
        published=article.published,
        outlet=article.outlet,
        retained=retained,
    )
    state.add_doc(article.id, doc)
    return doc


def _seat(state: StoryState, doc_id: str) -> str:
    """Put a detached doc into its best story, or a new one."""
    doc = state.docs[doc_id]
    pinned = state.pinned.get(doc_id)
    if pinned is not None:
        state.attach(doc_id, pinned)
        return pinned
    story_id, _ = _best_story(state, doc)
    if story_id is None:
        story_id = story_id_for(doc_id)
        while story_id in state.stories:  # the founder left and came back: a fresh id
            story_id = story_id_for(story_id)
    state.attach(doc_id, story_id)
    return story_id


def _remember_surfaces(state: StoryState, article: StoryArticle) -> None:
    from .naming import name_surfaces

    for term, surface in name_surfaces(article).items():
        state.remember_surface(term, surface)


def remove(state: StoryState, article_id: str) -> None:
    """Take an article out of the state (deleted from the corpus)."""
    doc = state.docs.get(article_id)
    if doc is None:
        return
    state.detach(article_id)
    state.count_terms(doc.vector, -1)
    state.drop_doc(article_id)


def assign(state: StoryState, article: StoryArticle) -> str:
    """Put a new or changed article into its story and return the story's id.

    A changed article leaves its story first. Term rarities are the state's as they stand:
    articles already seated keep their vectors (their weights drift little once a corpus has a
    few hundred articles; re-clustering refreshes them)."""
    remove(state, article.id)
    counts = term_counts(article)
    state.count_terms(counts, 1)
    _add_doc(state, article, counts, len(state.docs) + 1)
    _remember_surfaces(state, article)
    return _seat(state, article.id)


def _order(articles: Iterable[StoryArticle]) -> list[StoryArticle]:
    # Date order, undated last, then by id: the same corpus always clusters the same way.
    return sorted(articles, key=lambda a: (a.published is None, a.published or date.min, a.id))


def cluster(
    articles: Iterable[StoryArticle],
    *,
    threshold: float = AVERAGE_THRESHOLD,
    pinned: dict[str, str] | None = None,
) -> StoryState:
    """Cluster a whole corpus into a fresh state: average-link groups, each split again if its
    own rarest terms show two stories in it (split.py), pinned articles where they are pinned."""
    ordered = _order(articles)
    order = {a.id: i for i, a in enumerate(ordered)}
    state = StoryState(threshold=threshold, pinned=dict(pinned or {}))
    all_counts = [term_counts(article) for article in ordered]
    doc_freq: Counter[str] = Counter()
    for counts in all_counts:
        doc_freq.update(counts.keys())
    state.doc_freq = doc_freq
    retained = {
        a.id: _retained(state, c, len(ordered)) for a, c in zip(ordered, all_counts, strict=True)
    }
    # A term of one article only is left out of its vector (``_vector``), and so must be left
    # out of the counts: ``remove`` takes back what the vector holds, and a term it left behind
    # would look shared when the article is assigned again (changed), and its own words would
    # then seem to match.
    state.doc_freq = Counter({term: n for term, n in doc_freq.items() if n >= 2})
    for article, counts in zip(ordered, all_counts, strict=True):
        _add_doc(
            state, article, counts, len(ordered), shared_only=True, retained=retained[article.id]
        )
        _remember_surfaces(state, article)
    free = [a for a in ordered if a.id not in state.pinned]
    items = [
        (a.id, state.docs[a.id].vector, state.docs[a.id].top_terms(), a.published) for a in free
    ]
    counts_of = {a.id: c for a, c in zip(ordered, all_counts, strict=True)}
    day_of = {a.id: a.published for a in ordered}
    groups = agglomerate(
        items,
        threshold,
        _pair_date_factor,
        evidence=PAIR_EVIDENCE,
        retained=retained,
        whole_evidence=WHOLE_EVIDENCE,
    )
    for group in groups:
        parts = split_group(
            group,
            [counts_of[m] for m in group],
            [day_of[m] for m in group],
            LOCAL_THRESHOLD,
            _pair_date_factor,
        )
        for part in parts:
            part.sort(key=order.__getitem__)
            story_id = story_id_for(part[0])
            for member in part:
                state.attach(member, story_id)
    for article in ordered:
        if article.id in state.pinned:
            _seat(state, article.id)
    return state


def stories(state: StoryState) -> list[Story]:
    """Every story, named, newest first (undated last)."""
    return newest_first(name_story(state, story_id) for story_id in state.stories)


def newest_first(named: Iterable[Story]) -> list[Story]:
    """Stories in the order a reader lists them: newest first, undated last, then by id."""
    return sorted(
        named, key=lambda s: (s.last is None, -(s.last.toordinal() if s.last else 0), s.id)
    )
