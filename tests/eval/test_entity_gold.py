"""The gold entity annotation still lines up with the seed texts, and the scorer counts right."""

import json
from itertools import pairwise
from pathlib import Path

import pytest
from support.entity_eval import (
    ALL,
    GOLD_PATH,
    TYPES,
    Scores,
    check_alignment,
    format_scores,
    load_gold,
    score,
)


@pytest.fixture(scope="module")
def seed_texts(seed_library) -> dict[str, str]:
    return {article.id: article.text for article in seed_library.articles()}


@pytest.fixture(scope="module")
def gold_json() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


# --- the gold itself ------------------------------------------------------------------------


def test_gold_is_aligned_with_the_seed_texts(gold_json, seed_texts):
    problems = check_alignment(gold_json, seed_texts)
    assert not problems, "gold no longer matches Article.text:\n" + "\n".join(problems)


def test_gold_is_aligned_with_the_default_corpus_too(gold_json, tmp_path, monkeypatch):
    # What the CLI opens when given no folder (the bundled seeds), in a throwaway cache.
    from search_index.library import Library

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with Library.open() as library:
        library.refresh()
        texts = {article.id: article.text for article in library.articles()}
    assert not check_alignment(gold_json, texts)


def test_load_gold_checks_against_texts(seed_texts):
    gold = load_gold(texts=seed_texts)
    assert set(gold) == set(seed_texts)
    for article_id, items in gold.items():
        for start, end, kind in items:
            assert kind in TYPES
            assert seed_texts[article_id][start:end].strip() == seed_texts[article_id][start:end]


def test_every_type_is_present(gold_json):
    kinds = {item["type"] for items in gold_json.values() for item in items}
    assert kinds == set(TYPES)
    for article_id, items in gold_json.items():
        present = {item["type"] for item in items}
        assert {"PERSON", "PLACE"} <= present, article_id


def test_mentions_are_in_order_and_do_not_overlap(gold_json):
    for article_id, items in gold_json.items():
        spans = [(item["start"], item["end"]) for item in items]
        assert spans == sorted(spans), article_id
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, (article_id, end, start)


def test_headline_mentions_are_annotated(gold_json, seed_texts):
    # Offsets cover the headline as well as the body.
    for article_id, items in gold_json.items():
        headline_end = seed_texts[article_id].index("\n\n")
        assert any(item["end"] <= headline_end for item in items), article_id


# --- alignment checking ---------------------------------------------------------------------

TEXTS = {"a": "Kim visited Pyongyang.", "b": "Reuters said so."}
GOLD_JSON = {
    "a": [
        {"text": "Kim", "type": "PERSON", "start": 0, "end": 3},
        {"text": "Pyongyang", "type": "PLACE", "start": 12, "end": 21},
    ],
    "b": [{"text": "Reuters", "type": "ORG", "start": 0, "end": 7}],
}


def test_check_alignment_accepts_matching_gold():
    assert check_alignment(GOLD_JSON, TEXTS) == []


def test_check_alignment_reports_shifted_text():
    texts = {**TEXTS, "a": "Leader Kim visited Pyongyang."}
    problems = check_alignment(GOLD_JSON, texts)
    assert len(problems) == 2
    assert all(problem.startswith("a[") for problem in problems)


def test_check_alignment_reports_missing_and_extra_articles_and_bad_items():
    gold = {**GOLD_JSON, "c": [{"text": "X", "type": "MISC", "start": 0, "end": 1}]}
    texts = {"a": TEXTS["a"], "c": "X", "d": "New article"}
    problems = check_alignment(gold, texts)
    assert any(p.startswith("b:") for p in problems)  # gold article without text
    assert any(p.startswith("d:") for p in problems)  # text without gold
    assert any("MISC" in p for p in problems)


def test_load_gold_raises_on_misaligned_texts(tmp_path: Path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD_JSON), encoding="utf-8")
    assert load_gold(path, texts=TEXTS) == {
        "a": [(0, 3, "PERSON"), (12, 21, "PLACE")],
        "b": [(0, 7, "ORG")],
    }
    with pytest.raises(ValueError, match="Reuters"):
        load_gold(path, texts={**TEXTS, "b": "AFP said so."})


# --- scoring --------------------------------------------------------------------------------

GOLD = {
    "a": [(0, 3, "PERSON"), (12, 21, "PLACE"), (30, 34, "ORG")],
    "b": [(0, 7, "ORG"), (10, 15, "PERSON")],
}


def test_perfect_prediction_scores_one():
    scores = score(GOLD, GOLD)
    for kind in (*TYPES, ALL):
        assert scores[kind].precision == scores[kind].recall == scores[kind].f1 == 1.0
    assert scores[ALL] == Scores(1.0, 1.0, 1.0, 5, 5, 5)


def test_partial_prediction():
    predicted = {
        "a": [(0, 3, "PERSON"), (12, 20, "PLACE")],  # second span is one character short
        "b": [(0, 7, "ORG"), (40, 45, "PERSON")],  # second is spurious
    }
    scores = score(GOLD, predicted)
    assert scores["PERSON"] == Scores(0.5, 0.5, 0.5, 1, 2, 2)
    assert scores["PLACE"] == Scores(0.0, 0.0, 0.0, 0, 1, 1)
    assert scores["ORG"] == Scores(1.0, 0.5, pytest.approx(2 / 3), 1, 1, 2)
    all_ = scores[ALL]
    assert (all_.true_positives, all_.predicted, all_.gold) == (2, 4, 5)
    assert all_.precision == pytest.approx(0.5)
    assert all_.recall == pytest.approx(0.4)
    assert all_.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)


def test_right_span_wrong_type_is_not_a_match():
    predicted = {"a": [(0, 3, "ORG")], "b": []}
    scores = score(GOLD, predicted)
    assert scores["ORG"] == Scores(0.0, 0.0, 0.0, 0, 1, 2)
    assert scores["PERSON"] == Scores(0.0, 0.0, 0.0, 0, 0, 2)
    assert scores[ALL].true_positives == 0


def test_empty_prediction_gives_zero_recall_without_dividing_by_zero():
    for predicted in ({}, {"a": [], "b": []}):
        scores = score(GOLD, predicted)
        for kind in (*TYPES, ALL):
            assert scores[kind].recall == 0.0
            assert scores[kind].precision == 0.0
            assert scores[kind].f1 == 0.0
        assert scores[ALL].gold == 5


def test_empty_gold_and_prediction_do_not_divide_by_zero():
    scores = score({}, {})
    assert scores[ALL] == Scores(0.0, 0.0, 0.0, 0, 0, 0)


def test_other_types_and_unknown_articles_are_ignored():
    predicted = {
        "a": [*GOLD["a"], (5, 9, "DATE")],
        "b": GOLD["b"],
        "z": [(0, 3, "PERSON")],  # not in the gold: not scored
    }
    assert score(GOLD, predicted)[ALL] == Scores(1.0, 1.0, 1.0, 5, 5, 5)


def test_types_restricts_the_scored_types():
    scores = score(GOLD, {"a": [(0, 3, "PERSON")]}, types=("PERSON",))
    assert set(scores) == {"PERSON", ALL}
    assert scores[ALL] == scores["PERSON"] == Scores(1.0, 0.5, pytest.approx(2 / 3), 1, 1, 2)


def test_duplicates_count_once():
    predicted = {"a": [(0, 3, "PERSON"), (0, 3, "PERSON")]}
    assert score(GOLD, predicted)["PERSON"] == Scores(1.0, 0.5, pytest.approx(2 / 3), 1, 1, 2)


def test_format_scores_is_an_aligned_table():
    table = format_scores(score(GOLD, GOLD))
    lines = table.splitlines()
    assert lines[0].split() == ["type", "P", "R", "F1", "TP", "pred", "gold"]
    assert [line.split()[0] for line in lines[1:]] == [*TYPES, ALL]
    assert lines[-1].split() == ["ALL", "1.000", "1.000", "1.000", "5", "5", "5"]
    assert len({len(line) for line in lines}) == 1
