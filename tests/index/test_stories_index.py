"""Stories kept with the index (issue 18): grouped on first use, then kept up to date one article
at a time, saved for the next session, corrected by hand in kimreader.toml, and on the command
line. Real excerpts: ECB+ reports of two different Klitschko title defences and two other
stories (tests/corpora/stories/README.md says where they come from)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.story_corpus import FIRST_FIGHT, SECOND_FIGHT, story_corpus

from search_index import story_index
from search_index.library import Library, StoryNotFound
from tui.cli import cli


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return story_corpus(tmp_path)


def _groups(library: Library) -> set[frozenset[str]]:
    return {frozenset(s.members) for s in library.stories()}


def test_the_two_title_defences_are_two_stories(corpus: Path):
    with Library.open(corpus) as library:
        library.refresh()
        groups = _groups(library)
        assert frozenset(SECOND_FIGHT) in groups
        assert not any(set(FIRST_FIGHT) & g and set(SECOND_FIGHT) & g for g in groups)
        story = library.story_of("t07-plus_7_2")
        assert story is not None and set(story.members) == set(SECOND_FIGHT)
        assert library.story(story.id[:6]) == story  # a prefix is enough
        with pytest.raises(StoryNotFound):
            library.story("no-such-story")


def test_the_next_session_reads_the_stories_instead_of_grouping_again(corpus: Path, monkeypatch):
    with Library.open(corpus) as first:
        first.refresh()
        expected = first.stories()

    def no_cluster(*args: object, **kwargs: object) -> None:
        raise AssertionError("grouped the corpus again though nothing changed")

    monkeypatch.setattr(story_index, "cluster", no_cluster)
    with Library.open(corpus) as second:
        second.refresh()
        assert second.stories() == expected


def test_a_new_report_joins_its_story_without_grouping_the_corpus_again(corpus: Path, monkeypatch):
    (corpus / "t07-plus_7_3ecbplus.txt").rename(corpus.parent / "held-out.txt")
    with Library.open(corpus) as first:
        first.refresh()
        first.stories()

    def no_cluster(*args: object, **kwargs: object) -> None:
        raise AssertionError("grouped the whole corpus again for one new article")

    monkeypatch.setattr(story_index, "cluster", no_cluster)
    shutil.move(corpus.parent / "held-out.txt", corpus / "t07-plus_7_3ecbplus.txt")
    with Library.open(corpus) as second:
        assert second.refresh().report.added == 1
        story = second.story_of("t07-plus_7_3ecbplus")
        assert story is not None and set(story.members) == set(SECOND_FIGHT)
    (corpus / "t01-ecb_1_3ecb.txt").unlink()
    with Library.open(corpus) as third:
        third.refresh()
        assert all("t01-ecb_1_3ecb" not in s.members for s in third.stories())


def test_kimreader_toml_splits_a_story_by_hand(corpus: Path):
    (corpus / "kimreader.toml").write_text(
        '[stories]\nsplit = [["t07-plus_7_3ecbplus"]]\n', encoding="utf-8"
    )
    with Library.open(corpus) as library:
        refresh = library.refresh()
        assert not refresh.report.warnings  # [stories] is not an article's table
        alone = library.story_of("t07-plus_7_3ecbplus")
        assert alone is not None and alone.members == ("t07-plus_7_3ecbplus",)
        rest = library.story_of("t07-plus_7_1ecbplus")
        assert rest is not None and set(rest.members) == set(SECOND_FIGHT) - {"t07-plus_7_3ecbplus"}
    (corpus / "kimreader.toml").unlink()  # the hand correction withdrawn: at once
    with Library.open(corpus) as library:
        library.refresh()
        whole = library.story_of("t07-plus_7_3ecbplus")
        assert whole is not None and set(whole.members) == set(SECOND_FIGHT)


def test_a_malformed_stories_table_is_a_warning_not_a_failure(corpus: Path):
    (corpus / "kimreader.toml").write_text('stories = "all in one"\n', encoding="utf-8")
    with Library.open(corpus) as library:
        library.refresh()
        assert frozenset(SECOND_FIGHT) in _groups(library)
        assert any("[stories]" in w for w in library.story_warnings)


def test_claims_and_timeline_of_one_story(corpus: Path):
    with Library.open(corpus) as library:
        library.refresh()
        story = library.story_of("t07-plus_7_1ecbplus")
        assert story is not None
        sources = {i for subject in library.claim_matrix(story.id) for i in subject.sources}
        assert sources and sources <= set(SECOND_FIGHT)
        assert {c.article_id for e in library.timeline(story.id) for c in e.claims} <= set(
            SECOND_FIGHT
        )


def test_the_stories_command(corpus: Path):
    runner = CliRunner()
    result = runner.invoke(cli, ["--corpus", str(corpus), "stories", "--json"])
    assert result.exit_code == 0, result.stderr
    stories = json.loads(result.stdout)
    assert any(set(s["articles"]) == set(SECOND_FIGHT) for s in stories)
    assert all(s["name"] and s["id"] for s in stories)
    table = runner.invoke(cli, ["--corpus", str(corpus), "stories"])
    assert table.exit_code == 0 and "Klitschko" in table.stdout
    # --story takes a story id or an article id (its story); an unknown one is a usage error.
    by_article = runner.invoke(
        cli, ["--corpus", str(corpus), "timeline", "--story", "t07-plus_7_1", "--json"]
    )
    assert by_article.exit_code == 0, by_article.stderr
    unknown = runner.invoke(cli, ["--corpus", str(corpus), "claims", "--story", "nope"])
    assert unknown.exit_code == 2 and "no story" in unknown.stderr
