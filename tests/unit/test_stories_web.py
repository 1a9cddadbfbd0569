"""Story grouping on real web pages of one week: unrelated pages stay apart, reports of one event
join (excerpts of html-dev pages, see tests/corpora/stories_web/README.md).

Ten stories in twelve pages from 14-20 November 2019: a "feather duvet lung" case study and
plague cases in Beijing, each reported twice, and eight pages about nothing else in the folder
(two football reports, two market reports, a drug arrest, a stabbing, ...). Close dates and a few
shared common words ("game", "win", "police", "arrested", "earnings", "growth") once joined them
into four false stories; a false story costs the reader more than a missed one.
"""

from __future__ import annotations

from datetime import date

import pytest
from support import CORPORA, ROOT
from support.story_partition import gold_partition, partition

from search_index.entities.extract import RuleExtractor
from search_index.metadata.infer import infer_metadata
from search_index.models import NAME_TYPES
from search_index.stories import StoryArticle, assign, cluster
from search_index.stories.agglomerate import needed_average

PAGES = CORPORA / "stories_web"


def _pages(*, names: bool) -> list[StoryArticle]:
    extractor = RuleExtractor() if names else None
    articles = []
    for path in sorted(PAGES.glob("*.txt")):
        title, day, _, body = path.read_text(encoding="utf-8").split("\n", 3)
        found = None
        if extractor is not None:
            # The names the index would pass (story_index.story_input): people, organisations
            # and places the extractor finds.
            mentions = extractor.extract(f"{title}\n\n{body}").mentions
            found = tuple(dict.fromkeys(m.text for m in mentions if m.type in NAME_TYPES))
        articles.append(
            StoryArticle(
                id=path.stem, title=title, body=body, published=date.fromisoformat(day), names=found
            )
        )
    return articles


@pytest.mark.parametrize("names", [False, True], ids=["capitalised runs", "entity names"])
def test_unrelated_pages_of_one_week_stay_apart_and_each_event_joins_its_other_report(names):
    articles = _pages(names=names)
    assert len(articles) == 12
    state = cluster(articles)
    assert partition(state) == gold_partition(a.id for a in articles)


def test_the_two_football_reports_of_one_day_are_two_stories():
    # A Browns player on last Thursday's fight, and the Chargers' coach after Monday's loss:
    # "game", "win", "AFC" and "playoff" in common, nothing that happened.
    state = cluster(_pages(names=True))
    browns = state.docs["browns-fight_cbssports"].story
    chargers = state.docs["chargers-loss_profootballtalk"].story
    assert browns != chargers
    assert state.stories[browns].members == ["browns-fight_cbssports"]


@pytest.mark.parametrize("names", [False, True], ids=["capitalised runs", "entity names"])
def test_a_changed_page_assigned_again_rejoins_its_event_or_stays_alone(names):
    # ``assign`` is what a changed article goes through: it leaves its story and is seated again
    # by the same evidence as the batch.
    articles = {a.id: a for a in _pages(names=names)}
    for page, partner in [
        ("duvet_gizmodo", "duvet_msn"),
        ("plague_smithsonian", "plague_the-sun"),
        ("indian-markets_moneycontrol", None),
        ("chargers-loss_profootballtalk", None),
        ("berlin-stabbing_jpost", None),
    ]:
        state = cluster(articles.values())
        story = assign(state, articles[page])
        expected = {page} if partner is None else {page, partner}
        assert set(state.stories[story].members) == expected, page


@pytest.mark.parametrize("names", [False, True], ids=["capitalised runs", "entity names"])
def test_the_five_rewritten_reports_of_the_bundled_seeds_stay_one_story(names):
    # Rewritten, not copied: most of each report's words are its own, so their whole-text
    # cosines are low (0.035-0.17); the evidence asked of small groups must not split them.
    extractor = RuleExtractor() if names else None
    articles = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        meta = infer_metadata(path.read_text(encoding="utf-8"))
        found = None
        if extractor is not None:
            mentions = extractor.extract(meta.body).mentions
            found = tuple(dict.fromkeys(m.text for m in mentions if m.type in NAME_TYPES))
        day = meta.published.value.date() if meta.published else None
        articles.append(StoryArticle(path.stem, meta.title or "", meta.body, day, names=found))
    assert len(articles) == 5
    assert len(cluster(articles).stories) == 1


def test_the_evidence_two_groups_need_falls_with_their_pairs_but_never_below_the_threshold():
    single = needed_average(0.1, 0.35, 1)
    assert single == pytest.approx(0.35)
    assert needed_average(0.1, 0.35, 4) == pytest.approx(0.175)
    assert needed_average(0.1, 0.35, 100) == pytest.approx(0.1)
    assert needed_average(0.1, 0.0, 1) == pytest.approx(0.1)  # no evidence asked: as before
