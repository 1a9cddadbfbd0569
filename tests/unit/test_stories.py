"""Story clustering on short real excerpts (ECB+, see tests/corpora/stories/README.md).

Two topics, each with two different events of one kind: Tara Reid's and Lindsay Lohan's rehab
stays (t01), and two Klitschko title defences against different opponents (t07). File names
start with the story folder, which is the gold.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from support import CORPORA
from support.story_partition import gold_partition, gold_story, partition

from search_index.models import Article, PublishedDate
from search_index.stories import (
    StoryArticle,
    StoryState,
    apply_overrides,
    assign,
    cluster,
    from_article,
    remove,
    stories,
)

EXCERPTS = CORPORA / "stories"


def _excerpts() -> list[StoryArticle]:
    articles = []
    for path in sorted(EXCERPTS.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        articles.append(StoryArticle(id=path.name, title=title, body=body))
    return articles


@pytest.fixture(scope="module")
def articles() -> list[StoryArticle]:
    found = _excerpts()
    assert len(found) == 12
    return found


def test_reports_of_one_event_form_one_story_and_same_topic_stories_stay_apart(articles):
    state = cluster(articles)
    assert partition(state) == gold_partition(a.id for a in articles)


def test_the_two_klitschko_defences_share_most_names_yet_are_two_stories(articles):
    state = cluster(articles)
    story_of = {doc_id: doc.story for doc_id, doc in state.docs.items()}
    ecb = {story_of[a.id] for a in articles if gold_story(a.id) == "t07-ecb"}
    plus = {story_of[a.id] for a in articles if gold_story(a.id) == "t07-plus"}
    assert len(ecb) == len(plus) == 1
    assert ecb != plus


def test_stories_are_named_by_a_member_headline_and_their_main_names(articles):
    state = cluster(articles)
    by_members = {frozenset(s.members): s for s in stories(state)}
    lohan = by_members[frozenset(a.id for a in articles if gold_story(a.id) == "t01-plus")]
    titles = {a.title for a in articles if gold_story(a.id) == "t01-plus"}
    assert lohan.headline in titles
    assert "Lindsay Lohan" in lohan.entities


def test_assigning_held_out_articles_one_by_one_matches_the_batch(articles):
    held = {"t01-ecb_1_1ecb.txt", "t01-plus_1_3ecbplus.txt", "t07-plus_7_1ecbplus.txt"}
    state = cluster([a for a in articles if a.id not in held])
    for article in articles:
        if article.id in held:
            assign(state, article)
    assert partition(state) == partition(cluster(articles))


def test_a_changed_article_moves_to_its_new_story(articles):
    state = cluster(articles)
    reid = next(a for a in articles if a.id == "t01-ecb_1_2ecb.txt")
    thompson = next(a for a in articles if a.id == "t07-plus_7_2ecbplus.txt")
    rewritten = StoryArticle(id=reid.id, title=thompson.title, body=thompson.body)
    story = assign(state, rewritten)
    assert story == state.docs[thompson.id].story
    assert len(state.docs) == len(articles)


def test_removing_an_article_leaves_its_story_without_it(articles):
    state = cluster(articles)
    story = state.docs["t07-ecb_7_2ecb.txt"].story
    remove(state, "t07-ecb_7_2ecb.txt")
    assert "t07-ecb_7_2ecb.txt" not in state.stories[story].members
    assert "t07-ecb_7_2ecb.txt" not in state.docs


def test_state_survives_a_json_round_trip_and_assigns_the_same_after(articles):
    state = cluster(articles[:-1])
    text = json.dumps(state.to_json())
    loaded = StoryState.from_json(json.loads(text))
    assert loaded.to_json() == state.to_json()
    assert partition(loaded) == partition(state)
    assert assign(loaded, articles[-1]) == assign(state, articles[-1])


def test_story_ids_do_not_depend_on_input_order(articles):
    forward = {s.id: s.members for s in stories(cluster(articles))}
    backward = {s.id: s.members for s in stories(cluster(list(reversed(articles))))}
    assert forward == backward


def test_a_report_dated_a_year_later_is_another_story(articles):
    # Three reports of one fight; their words alone make them one story (first assertion). Dated
    # a year apart, the third can only be about another fight, and starts its own story.
    plus = sorted((a for a in articles if gold_story(a.id) == "t07-plus"), key=lambda a: a.id)
    rest = [a for a in articles if not gold_story(a.id).startswith("t07")]

    def dated(days: list[date]) -> list[StoryArticle]:
        return [
            StoryArticle(id=a.id, title=a.title, body=a.body, published=day)
            for a, day in zip(plus, days, strict=True)
        ]

    def fight_stories(state: StoryState) -> list[list[str]]:
        return sorted(sorted(s.members) for s in stories(state) if "t07" in s.members[0])

    close = dated([date(2012, 7, 7), date(2012, 7, 7), date(2012, 7, 8)])
    assert fight_stories(cluster(close + rest)) == [[a.id for a in plus]]
    apart = dated([date(2012, 7, 7), date(2012, 7, 7), date(2013, 7, 8)])
    assert fight_stories(cluster(apart + rest)) == [[plus[0].id, plus[1].id], [plus[2].id]]


def test_names_given_by_the_caller_replace_the_capitalised_runs(articles):
    state = cluster(
        [
            StoryArticle(
                id=a.id,
                title=a.title,
                body=a.body,
                names=("Wladimir Klitschko",) if "Klitschko" in a.body else (),
            )
            for a in articles
        ]
    )
    assert {t for doc in state.docs.values() for t in doc.vector if t.startswith("n:")} == {
        "n:wladimirklitschko"
    }


def test_a_pin_moves_an_article_and_survives_reassignment(articles):
    state = cluster(articles)
    moved = apply_overrides(
        state, {"stories": {"pin": {"t01-ecb_1_2ecb.txt": "reid", "missing.txt": "x"}}}
    )
    assert moved == ["t01-ecb_1_2ecb.txt"]
    assert state.docs["t01-ecb_1_2ecb.txt"].story == "pin:reid"
    reid = next(a for a in articles if a.id == "t01-ecb_1_2ecb.txt")
    assert assign(state, reid) == "pin:reid"


def test_a_split_takes_its_articles_out_together(articles):
    state = cluster(articles)
    pair = ["t07-plus_7_1ecbplus.txt", "t07-plus_7_2ecbplus.txt"]
    apply_overrides(state, {"split": [pair]})
    stories_of_pair = {state.docs[a].story for a in pair}
    assert len(stories_of_pair) == 1
    assert state.stories[stories_of_pair.pop()].members == pair
    assert state.docs["t07-plus_7_3ecbplus.txt"].story not in {state.docs[a].story for a in pair}


def test_an_indexed_article_brings_its_day_and_outlet():
    article = Article(
        id="a.txt",
        path="a.txt",
        title="Quake hits",
        outlet="Wire",
        published=PublishedDate(datetime(2013, 4, 9, 17, 30), has_time=True),
        url=None,
        body="A quake hit Bushehr.",
        content_hash="x",
    )
    story_article = from_article(article, names=("Bushehr",))
    assert story_article.published == date(2013, 4, 9)
    assert (story_article.outlet, story_article.names) == ("Wire", ("Bushehr",))
