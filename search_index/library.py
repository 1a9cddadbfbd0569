"""The facade the CLI and the app share: open a corpus, keep its index fresh, answer queries."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import check_corpus_dir
from .corpus_entities import CorpusEntities
from .ids import ArticleNotFound, resolve_id
from .index import (
    IndexStore,
    IndexUnavailable,
    QuerySyntaxError,
    QueryTooBroad,
    SearchEngine,
    info_from_entry,
)
from .models import (
    Article,
    ArticleInfo,
    Entity,
    Extraction,
    Hit,
    Mention,
    SearchResult,
)
from .paths import app_paths, bundled_corpus, cache_inside_warning, inside
from .query_text import entity_terms, expand_entity_terms, plain_terms, prepare_query
from .refresh import (
    PhaseCallback,
    ProgressCallback,
    RefreshCancelled,
    Refresher,
    RefreshResult,
)

# The analysis (claims, entity merging) is imported when first asked for: a search or a list
# never needs it, and it costs a tenth of a second of every command's start.
if TYPE_CHECKING:
    from .claims.align import Comparison
    from .claims.extract import Claim
    from .claims.matrix import Subject, TimelineEvent
    from .entities.extract import EntityExtractor
    from .entities.merge import EntityTable
    from .stories import Story
    from .story_index import StoryIndex
    from .story_overview import StoryOverview
    from .versions import Version

__all__ = [
    "AnnotatedArticle",
    "EntityMention",
    "Library",
    "ProgressCallback",
    "RefreshCancelled",
    "RefreshResult",
]

DEFAULT_LIMIT = 20
RESULT_CACHE_SIZE = 256
RELATED_LIMIT = 12


@dataclass(frozen=True, slots=True)
class EntityMention:
    mention: Mention
    name: str
    """The canonical name of the entity mentioned (the mention's own text when unmerged)."""
    entity: Entity | None


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    mentions: tuple[EntityMention, ...]


# Up to this many articles the first grouping into stories takes a few seconds (1.3 s for the
# 865 ECB+ reports): the app groups them unasked.
QUICK_GROUPING = 2_000
# A story's reports compared for the reader's conflict marks, at most (most related first).
STORY_CONFLICT_LIMIT = 30


class StoryNotFound(LookupError):
    """No story, or more than one, has this id or id prefix."""

    def __init__(self, wanted: str, *, ambiguous: bool) -> None:
        self.wanted = wanted
        self.ambiguous = ambiguous
        what = "more than one story starts with" if ambiguous else "no story has the id"
        super().__init__(f"{what} {wanted!r} (kimreader stories lists them)")


class Library:
    """One corpus and its index."""

    def __init__(
        self,
        corpus_dir: Path,
        store: SearchEngine,
        warnings: list[str],
        extractor: EntityExtractor | None = None,
    ) -> None:
        self.corpus_dir = corpus_dir
        self._store = store
        self._entities = CorpusEntities(store)
        self._claims: dict[str, list[Claim]] = {}
        # (query, limit, offset, index version) -> result
        self._results: OrderedDict[tuple[str, int, int, str], SearchResult] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._refresher = Refresher(corpus_dir, store, extractor, warnings)
        self._story_index: StoryIndex | None = None
        self._ids: list[str] | None = None
        self._id_set: frozenset[str] | None = None
        self.last_refresh: RefreshResult | None = None

    @classmethod
    def open(
        cls,
        corpus_dir: Path | None = None,
        *,
        rebuild: bool = False,
        extractor: EntityExtractor | None = None,
    ) -> Library:
        """Open (or create) the index for a corpus without reading the corpus yet.

        Raises CorpusError when the folder cannot be used.
        """
        corpus = check_corpus_dir(corpus_dir if corpus_dir is not None else bundled_corpus())
        folder = app_paths().index_dir(corpus)
        if inside(folder, corpus):
            # `--corpus ~` with the cache in ~/.cache: kimreader never writes into a corpus.
            return cls(
                corpus, IndexStore.in_memory_store(), [cache_inside_warning(folder)], extractor
            )
        store, warnings = IndexStore.open(folder, rebuild=rebuild)
        return cls(corpus, store, warnings, extractor)

    @property
    def extractor(self) -> EntityExtractor:
        return self._refresher.extractor

    @property
    def index_dir(self) -> Path | None:
        return self._store.folder

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping the index fresh -----------------------------------------------------------

    def refresh(
        self,
        progress: ProgressCallback | None = None,
        *,
        parallel: bool = True,
        threaded: bool = False,
        batched: bool = False,
        wait: float | None = None,
        phase: PhaseCallback | None = None,
        committed: Callable[[], None] | None = None,
    ) -> RefreshResult:
        """Index new and changed files, drop removed ones (see ``Refresher.run``); the app waits
        briefly (``wait``) and tries again later, so that it can say what is happening."""
        result = self._refresher.run(
            progress,
            parallel=parallel,
            threaded=threaded,
            batched=batched,
            wait=wait,
            phase=phase,
            committed=committed,
        )
        self._ids = None
        self._id_set = None
        if result.recovered:
            self.clear_cache()
        if result.changed:
            self._entities.forget()
            self._claims = {}
        self.last_refresh = result
        return result

    # -- reading ---------------------------------------------------------------------------

    def articles(self) -> list[Article]:
        """Every article with its text (reads every stored document: prefer ``catalog``)."""
        return self._store.articles()

    def catalog(self) -> list[ArticleInfo]:
        """Every article's id, title, outlet, date and length, sorted by id; fast."""
        return [info_from_entry(i, e) for i, e in sorted(self._store.catalog().items())]

    def versions(self, articles: list[ArticleInfo] | None = None) -> dict[str, Version]:
        """The articles that are captures of one web page fetched more than once (by id), with
        their place in that page's history. Only saved pages can have one: the provenance
        records beside them are read, nothing else."""
        from .versions import versions_of_files

        chosen = self.catalog() if articles is None else articles
        return versions_of_files(
            (info.id, str(self.corpus_dir / info.path))
            for info in chosen
            if info.format != "text" and info.source_url
        )

    def empty(self) -> bool:
        """Whether the index holds no article: the index's document count, where ``ids()``
        reads the whole catalog (27 ms at 10,000 articles, for a search that needs none)."""
        if self._ids is not None:
            return not self._ids
        return self._store.doc_count() == 0

    def ids(self) -> list[str]:
        if self._ids is None:
            self._ids = sorted(self._store.fingerprints())
        return self._ids

    def resolve(self, wanted: str) -> str:
        """The full id for an id or a unique prefix; raises ArticleNotFound."""
        ids = self.ids()
        # Exact ids (what the app and compare pass) without resolve_id's sort and prefix scan:
        # at 50,000 articles those took most of a comparison's 78 ms.
        if self._id_set is None:
            self._id_set = frozenset(ids)
        if wanted in self._id_set:
            return wanted
        return resolve_id(ids, wanted)

    def article(self, wanted: str) -> Article:
        article = self._store.article(self.resolve(wanted))
        if article is None:  # removed from the index since the ids were listed
            raise ArticleNotFound(wanted, tuple(self.ids()), ambiguous=False)
        return article

    # -- entities --------------------------------------------------------------------------

    def entities(self) -> EntityTable:
        """The corpus's entities, merged across articles and spellings (cached until the
        index changes)."""
        return self._entities.table()

    def annotated(self, wanted: str) -> AnnotatedArticle:
        """An article with every mention tied to its corpus entity."""
        article = self.article(wanted)
        extraction = self._store.extraction(article.id) or Extraction(())
        found = self._entities.of_extraction(extraction)
        mentions = []
        for mention in extraction.mentions:
            entity = found.get((mention.type, mention.key))
            mentions.append(EntityMention(mention, entity.name if entity else mention.text, entity))
        return AnnotatedArticle(article, tuple(mentions))

    # -- claims ----------------------------------------------------------------------------

    def claims(self, wanted: str) -> list[Claim]:
        """An article's claims, as extracted at index time."""
        from .claims.records import claims_from_records

        article = self.article(wanted)
        if article.id not in self._claims:
            records = self._store.claim_records(article.id)
            self._claims[article.id] = claims_from_records(article, records)
        return self._claims[article.id]

    def extraction(self, wanted: str) -> Extraction:
        """An article's mentions and aliases as extracted at index time (no corpus merge)."""
        return self._store.extraction(self.resolve(wanted)) or Extraction(())

    def related(self, wanted: str, limit: int = RELATED_LIMIT) -> list[str]:
        """The other reports most likely about the same story, most similar first."""
        return self._store.related(self.resolve(wanted), limit)

    def compare(self, first: str, second: str) -> Comparison:
        from .claims.align import compare as compare_claims

        a, b = self.article(first), self.article(second)
        return compare_claims(a, self.claims(a.id), b, self.claims(b.id))

    def claim_matrix(self, story_id: str | None = None) -> list[Subject]:
        """Subjects by sources, over one story's articles or (None) the whole corpus."""
        from .claims.matrix import claim_matrix

        return claim_matrix({i: self.claims(i) for i in self.articles_in(story_id)})

    def timeline(self, story_id: str | None = None) -> list[TimelineEvent]:
        """Dated events in date order, over one story's articles or (None) the whole corpus."""
        from .claims.matrix import timeline

        return timeline({i: self.claims(i) for i in self.articles_in(story_id)})

    def story_overview(self, story_id: str | None = None) -> StoryOverview:
        """Facts by sources over one story (or, None, the whole corpus): values as written, the
        consensus, and how each source stands (agrees, differs, alone, first, outlier)."""
        from .story_overview import story_overview

        ids = self.articles_in(story_id)
        wanted = set(ids)
        infos = {i.id: i for i in self.catalog() if i.id in wanted}
        story = self.story(story_id) if story_id is not None else None
        return story_overview(
            {i: self.claims(i) for i in ids},
            infos,
            story_id=story.id if story else None,
            name=story.name if story else "",
        )

    def articles_in(self, story_id: str | None) -> list[str]:
        """The ids of one story's articles still in the index, or (None) every id."""
        if story_id is None:
            return self.ids()
        present = set(self.ids())
        return [i for i in self.story(story_id).members if i in present]

    # -- stories ---------------------------------------------------------------------------

    def stories(self, progress: ProgressCallback | None = None) -> list[Story]:
        """The corpus's articles grouped into stories, newest first. The first call on a new
        index clusters the corpus (a minute at 10,000 articles; ``progress`` hears of it);
        afterwards each new or changed article is assigned to its story as it comes."""
        return self._story_keeper().stories(progress)

    def _story_keeper(self) -> StoryIndex:
        # Imported on first use: listing or searching never needs the story engine.
        if self._story_index is None:
            from .story_index import StoryIndex

            self._story_index = StoryIndex(self._store, self.corpus_dir, self._store.folder)
        return self._story_index

    @property
    def story_warnings(self) -> tuple[str, ...]:
        """What was wrong with the [stories] table of kimreader.toml, if anything."""
        return self._story_keeper().warnings

    def stories_are_cheap(self, articles: int) -> bool:
        """Whether ``stories()`` is quick here: kept from an earlier session, or a corpus this
        small (``articles``) groups in a few seconds. Else the first grouping takes about a
        minute at 10,000 articles, which the app does only when asked."""
        return articles <= QUICK_GROUPING or self._story_keeper().saved()

    def story_conflicts(self, story_id: str) -> int:
        """How many facts the story's sources give conflicting values for."""
        return sum(1 for subject in self.claim_matrix(story_id) if subject.conflicting)

    def story(self, story_id: str) -> Story:
        """One story by id or a unique prefix of it; raises StoryNotFound."""
        found = [s for s in self.stories() if s.id == story_id]
        if not found:
            found = [s for s in self.stories() if s.id.startswith(story_id)]
        if len(found) != 1:
            raise StoryNotFound(story_id, ambiguous=len(found) > 1)
        return found[0]

    def known_story_of(self, article_id: str) -> Story | None:
        """The story of an article if the stories are already worked out, without working them
        out (which can take a minute on a large corpus): None otherwise."""
        known = self._story_keeper().known() or []
        return next((s for s in known if article_id in s.members), None)

    def story_of(self, wanted: str) -> Story | None:
        """The story an article (id or unique prefix) belongs to."""
        article_id = self.resolve(wanted)
        return next((s for s in self.stories() if article_id in s.members), None)

    # -- searching -------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> SearchResult:
        """Search title and body with the index's query language; never raises on bad input.

        ``offset`` asks for a later page of the ranking (the app loads more as the list is
        scrolled); ``total`` counts every match whatever the page.

        Results are cached per index version: typing in the app repeats queries constantly
        (each keystroke's prefix, backspacing), and an unchanged index gives the same answer.
        """
        try:
            key = (query, limit, offset, self._store.version())
            with self._cache_lock:
                cached = self._results.get(key)
                if cached is not None:
                    self._results.move_to_end(key)
                    return cached
            result = self._search(query, limit=limit, offset=max(0, offset))
        except IndexUnavailable as exc:  # the cache folder went away: the next refresh rebuilds
            return SearchResult(query, (), 0, error=f"{exc}; refresh to rebuild it")
        with self._cache_lock:
            self._results[key] = result
            while len(self._results) > RESULT_CACHE_SIZE:
                self._results.popitem(last=False)
        return result

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._results.clear()

    def _search(self, query: str, *, limit: int, offset: int = 0) -> SearchResult:
        prepared = prepare_query(query)
        if not prepared.text:
            return SearchResult(query, (), 0, error="nothing to search for")
        notices = list(prepared.notices)
        # The entity table is loaded only for a query that names an entity field.
        members = {term: self._entities.members(*term) for term in entity_terms(prepared.text)}
        text = expand_entity_terms(prepared.text, members)
        try:
            outcome = self._store.search(text, limit=max(1, limit), offset=offset)
        except QueryTooBroad as exc:
            return SearchResult(query, (), 0, notice=_join(notices), error=str(exc))
        except QuerySyntaxError:
            fallback = plain_terms(prepared.text)
            if not fallback:
                return SearchResult(
                    query,
                    (),
                    0,
                    notice=_join(notices),
                    error="the query has no words to search for",
                )
            notices.append(f"could not read the query's syntax; searched for the words: {fallback}")
            try:
                outcome = self._store.search(fallback, limit=max(1, limit), offset=offset)
            except QuerySyntaxError as exc:
                return SearchResult(query, (), 0, error=f"the query could not be run: {exc}")
        notices.extend(outcome.notices)
        if outcome.fuzzy:
            notices.append("no exact matches; showing near spellings")
        hits = tuple(
            Hit(
                id=article.id,
                title=article.title,
                outlet=article.outlet,
                published=article.published,
                score=score,
                snippet=snippet,
                matches=matches,
            )
            for article, score, snippet, matches in outcome.hits
        )
        return SearchResult(
            query=query,
            hits=hits,
            total=outcome.total,
            corrected=outcome.corrected,
            notice=_join(notices),
            offset=offset,
        )

    def contradicted(
        self, wanted: str, stop: Callable[[], bool] = lambda: False
    ) -> dict[tuple[int, int], list[Claim]]:
        """Sentence span of an article → the claims of related reports that contradict it, in
        text order (search_index/conflicts.py). Once the stories are known, the reports of the
        article's own story (none for a story of one: another event's figures are no
        contradiction); before, the most related reports. Never the whole corpus: that would
        keep a core busy for minutes. ``stop`` ends it early."""
        from .conflicts import contradicted_sentences

        article_id = self.resolve(wanted)
        others = self._story_sources(article_id)
        if others is None:
            others = self.related(article_id)
        return contradicted_sentences(article_id, others, self.compare, stop)

    def _story_sources(self, article_id: str) -> list[str] | None:
        """The other reports of the article's story, most related first (at most
        STORY_CONFLICT_LIMIT), when the stories are kept; None when they are not worked out."""
        keeper = self._story_keeper()
        # Held in memory for this index already (every article opened after the first), or
        # kept on disk; else not worked out, and not worked out here either.
        stories = keeper.known()
        if stories is None:
            if not keeper.saved():
                return None
            stories = keeper.stories(None)
        story = next((s for s in stories if article_id in s.members), None)
        if story is None:
            return None
        members = [m for m in story.members if m != article_id]
        if len(members) > STORY_CONFLICT_LIMIT:
            ranked = [i for i in self.related(article_id, STORY_CONFLICT_LIMIT) if i in members]
            members = (ranked + [m for m in members if m not in ranked])[:STORY_CONFLICT_LIMIT]
        return members


def _join(notices: list[str]) -> str | None:
    return "; ".join(notices) if notices else None
