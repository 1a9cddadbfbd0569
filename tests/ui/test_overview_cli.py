"""``kimreader overview`` (issue 18): a story's facts by sources, in a table, JSON and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from support.story_corpus import SECOND_FIGHT, story_corpus

from tui.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_overview_json_of_the_seed_story():
    result = run("overview", "002", "--json")
    assert result.exit_code == 0, result.output
    overview = json.loads(result.stdout)
    assert overview["story"]["name"].startswith("Kim Jong-un")
    sources = {s["id"][:3]: s for s in overview["sources"]}
    assert set(sources) == {"000", "001", "002", "003", "004"}
    assert sources["002"]["outlier"] and sources["002"]["outlet"] == "The Insider"
    assert sources["000"]["first"]
    troops = next(f for f in overview["facts"] if f["topic"] == "troops sent")
    assert troops["conflict"]
    cell = next(c for i, c in troops["cells"].items() if i.startswith("002"))
    assert cell["stance"] == "differ"
    assert cell["values"][0]["text"].startswith("approximately 11,000")


def test_overview_table_names_sources_and_marks_stances():
    result = run("overview")
    assert result.exit_code == 0, result.output
    assert "The Insider" in result.stdout and "outlier" in result.stdout
    assert "! troops" in result.stdout  # the fact flagged (the cell may wrap)
    assert "! differs" in result.stdout  # the legend: stances read without colour


def test_overview_markdown_and_refusals():
    result = run("overview", "--markdown")
    assert result.exit_code == 0
    assert "| fact | consensus |" in result.stdout
    both = run("overview", "--json", "--markdown")
    assert both.exit_code == 2 and "cannot be used together" in both.output
    unknown = run("overview", "nope")
    assert unknown.exit_code != 0 and "nope" in unknown.output


def test_without_a_story_every_story_with_several_sources(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = story_corpus(tmp_path)
    result = run("--corpus", str(corpus), "overview", "--json")
    assert result.exit_code == 0, result.output
    sections = json.loads(result.stdout)
    assert len(sections) >= 2
    members = [sorted(s["id"] for s in section["sources"]) for section in sections]
    assert sorted(SECOND_FIGHT) in members
    one = run("--corpus", str(corpus), "overview", SECOND_FIGHT[0], "--json")
    assert sorted(s["id"] for s in json.loads(one.stdout)["sources"]) == sorted(SECOND_FIGHT)


def test_claims_and_timeline_without_a_story_print_one_section_per_story(
    tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = story_corpus(tmp_path)
    claims = run("--corpus", str(corpus), "claims", "--json")
    assert claims.exit_code == 0, claims.output
    sections = json.loads(claims.stdout)["stories"]
    assert len(sections) >= 2
    assert sorted(SECOND_FIGHT) in [sorted(s["sources"]) for s in sections]
    timeline = json.loads(run("--corpus", str(corpus), "timeline", "--json").stdout)["stories"]
    assert [s["story"]["id"] for s in timeline] == [s["story"]["id"] for s in sections]
    # Events stay in their story: a section's events cite only its sources.
    for claim_section, events in zip(sections, timeline, strict=True):
        cited = {c["id"] for e in events["events"] for c in e["sources"]}
        assert cited <= set(claim_section["sources"])
    # One story asked for (by one of its articles): that story alone, as before.
    one = json.loads(
        run("--corpus", str(corpus), "claims", "--story", SECOND_FIGHT[0], "--json").stdout
    )
    assert sorted(one["sources"]) == sorted(SECOND_FIGHT)
    text = run("--corpus", str(corpus), "timeline").stdout
    assert text.count("Story: ") == len(sections)
    markdown = run("--corpus", str(corpus), "claims", "--markdown").stdout
    assert markdown.count("\n## ") + markdown.startswith("## ") == len(sections)
