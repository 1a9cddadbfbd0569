"""The reader's conflict marks compare an article with the reports of its own story once the
stories are known (issue 18): two different fights of one boxer give different rounds, dates
and venues, and none of those is a contradiction. Real ECB+ excerpts (tests/corpora/stories)."""

from __future__ import annotations

from pathlib import Path

from support.story_corpus import FIRST_FIGHT, SECOND_FIGHT, story_corpus

from search_index.library import Library


def test_conflict_marks_stay_within_the_articles_story(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = story_corpus(tmp_path)
    with Library.open(corpus) as library:
        library.refresh()
        for article_id in SECOND_FIGHT + FIRST_FIGHT:
            # Before the stories are worked out: the most related reports, whatever the story.
            assert library._story_sources(article_id) is None
        library.stories()
        for article_id in SECOND_FIGHT:
            fight = set(SECOND_FIGHT) - {article_id}
            assert set(library._story_sources(article_id) or ()) == fight
            cited = {
                c.article_id for claims in library.contradicted(article_id).values() for c in claims
            }
            assert cited <= fight
