"""The claim diff scored on hand-annotated pairs of articles from six other stories."""

import sys

import pytest
from support.claim_eval import PAIRS, score_pairs

from search_index.library import Library

# Floors, not targets: the figures at the time of writing are in benchmarks/RESULTS.md.
MIN_CONFLICT_PRECISION = 0.5
MIN_CONFLICT_RECALL = 0.5
MIN_ROWS_PAIRED = 0.6


@pytest.fixture(scope="module")
def pairs_library(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("pairs-cache")))
        library = Library.open(PAIRS)
        library.refresh()
    yield library
    library.close()


def test_conflict_rows_on_annotated_pairs(pairs_library):
    scores = score_pairs(pairs_library)
    sys.stderr.write("\nclaim diff on annotated pairs: " + scores.report() + "\n")
    print(scores.report())
    assert scores.conflict_precision >= MIN_CONFLICT_PRECISION, scores.report()
    assert scores.conflict_recall >= MIN_CONFLICT_RECALL, scores.report()
    assert scores.rows_found / scores.rows_expected >= MIN_ROWS_PAIRED, scores.report()


def test_running_toll_between_reports_is_a_later_report_conflict(pairs_library):
    rows = pairs_library.compare("reuters_early", "afp_next_day").rows
    toll = next(r for r in rows if r.a and r.a.value_text == "Eleven people")
    assert toll.status == "conflict"
    assert toll.b.value_text == "Forty-eight people"
    assert toll.reason == "later_report"


def test_same_distance_in_two_units_is_not_a_conflict(pairs_library):
    rows = pairs_library.compare("reuters_km", "herald_followup").rows
    depth = next(r for r in rows if r.a and r.a.value_text == "35 km")
    assert depth.b is not None and depth.status == "agree"


def test_crowd_sizes_from_police_and_organisers(pairs_library):
    rows = pairs_library.compare("reuters_march", "lisbonpost_march").rows
    conflicts = [r for r in rows if r.status == "conflict"]
    assert any(r.reason == "different_attribution" for r in conflicts)
