"""Figures that are a running total or the whole of a part do not contradict one occasion's
count (issue 12, second round of precision fixes).

The sentences are copied verbatim from ECB+ dev stories (Cybulska and Vossen, LREC 2014;
annotation CC BY 3.0; the articles were collected from the web by the corpus authors, see
../shared/corpora/ecbplus-dev/README.md): t19-plus (protests after the NYPD shooting of
Kimani Gray: 19_2, 19_3, 19_7 and 19_9ecbplus.txt), t18-plus (the Troy, Michigan office
shooting: 18_2ecbplus.txt, 18_3ecbplus.txt) and t30-ecb (cut undersea cables: 30_11ecb.txt,
30_7ecb.txt). Each test names the cause of false conflicts it
guards against.
"""

# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

from support.claim_library import claim_of as _claim
from support.claim_library import library_of as _library

# t19-plus, 19_2ecbplus.txt (line 8) and 19_3ecbplus.txt (line 3).
PROTESTS_2 = """Riots Erupt Following Death of Brooklyn Teen Killed By Police

Since the shooting, over 50 arrests have been made over four nights of protesting where community members are expressing outrage and demanding justice.
"""
PROTESTS_3 = """Enraged protesters battle cops in Brooklyn streets

As fights between cops and angry teens erupted in East Flatbush, 46 were arrested Wednesday night.
"""
# t18-plus, 18_2ecbplus.txt (line 5) and 18_3ecbplus.txt (line 23).
SHOOTING_2 = """1 dead, 2 hurt in Mich. office shooting

One victim died in the Monday morning attack.
"""
SHOOTING_3 = """Troy, Michigan Office Shooting Follow-Up

Local evening news in Michigan originally reported that two of the three victims died.
"""




def test_a_total_over_several_nights_is_a_running_total(tmp_path: Path) -> None:
    """Cause: a total "over four nights of protesting" paired with one night's arrests."""
    library = _library(tmp_path / "c", {"p2": PROTESTS_2, "p3": PROTESTS_3})
    total = _claim(library, "p2", "over 50 arrests")
    one_night = _claim(library, "p3", "46")
    assert total.frame is not None and "cumulative" in total.frame.scope
    assert one_night.frame is not None and "cumulative" not in one_night.frame.scope
    assert total.frame.role == one_night.frame.role == "arrested"
    rows = library.compare("p2", "p3").rows
    assert not [r for r in rows if r.status == "conflict"]


def test_the_whole_of_a_part_takes_no_role_from_the_part_s_verb(tmp_path: Path) -> None:
    """Cause: "two of the three victims died" read as three victims died, against "One
    victim died"."""
    library = _library(tmp_path / "c", {"s2": SHOOTING_2, "s3": SHOOTING_3})
    whole = _claim(library, "s3", "three victims")
    part = _claim(library, "s3", "two")
    one = _claim(library, "s2", "One victim")
    assert whole.frame is not None and whole.frame.role is None
    assert one.frame is not None and one.frame.role == "killed"
    assert part.frame is not None and part.frame.part
    rows = library.compare("s2", "s3").rows
    assert not [r for r in rows if r.status == "conflict" and r.b is whole]
    assert not [r for r in rows if r.status == "conflict" and r.b is not None and r.b.value == "3"]


# t19-plus, 19_7ecbplus.txt (line 5) and 19_9ecbplus.txt (lines 3, 4 and 9).
PROTESTS_7 = """Kimani Gray's death

Then came the anger: a Monday evening vigil marred by an unruly young mob thrashing its way through local businesses; a second protest the next night; and another on Wednesday night, after which, the police said, someone hit an officer in the face with a brick, another brick was thrown through the window of a police van, and there were 46 arrests — mostly for disorderly conduct.
"""
PROTESTS_9 = """Brooklyn vigil for slain teen killed by NYPD snowballs into full blown riot

A candle light vigil turned violent Monday night in East Flatbush, Brooklyn.
Dozens gathered to remember 16-year-old Kimani Gray.
The NYPD said one person was arrested for disorderly conduct.
"""


def test_a_figure_after_several_nights_is_dated_by_the_last_one_named(tmp_path: Path) -> None:
    """Cause: a sentence telling three nights in turn left its 46 arrests undated, to be
    paired with another night's one arrest."""
    library = _library(tmp_path / "c", {"p7": PROTESTS_7})
    arrests = _claim(library, "p7", "46 arrests")
    assert arrests.frame is not None and arrests.frame.role == "arrested"
    assert arrests.frame.dated
    assert arrests.frame.when == ("weekday:wednesday", "weekday:wednesday")
    assert "monday" in arrests.frame.days and "wednesday" in arrests.frame.days


def test_a_night_the_other_report_never_names_is_not_contradicted(tmp_path: Path) -> None:
    """Cause: "46 were arrested Wednesday night" against "one person was arrested" in a
    report that tells of Monday night only: maybe one figure, maybe two nights'; they may
    agree, never conflict."""
    from search_index.claims.match import STRONG, WEAK, frame_match

    library = _library(tmp_path / "c", {"p3": PROTESTS_3, "p9": PROTESTS_9, "p7": PROTESTS_7})
    wednesday = _claim(library, "p3", "46")
    monday = _claim(library, "p9", "one person")
    assert monday.frame is not None and monday.frame.days == ("monday",)
    assert not monday.frame.dated
    assert frame_match(wednesday, monday) == WEAK
    # The same night named in both reports stays a strong match.
    assert frame_match(wednesday, _claim(library, "p7", "46 arrests")) == STRONG
    rows = library.compare("p3", "p9").rows
    assert not [r for r in rows if r.status == "conflict"]


# t30-ecb, 30_11ecb.txt (line 12) and 30_7ecb.txt (line 15).
CABLES_11 = """Damaged undersea cables disrupting service

Orange officials told Bloomberg that at one point as much as 55 percent of voice traffic in Saudi Arabia, 52 percent in Egypt, and 82 percent in India was out of service.
"""
CABLES_7 = """Severed cable disrupts net access

It is thought that 65% of traffic to India was down, while services to Singapore, Malaysia, Saudi Arabia, Egypt, Taiwan and Pakistan have also been severely affected.
"""


def test_a_peak_is_not_the_level(tmp_path: Path) -> None:
    """Cause: "at one point as much as 82 percent" (a peak, said once for a list) against
    "65% of traffic to India was down"."""
    library = _library(tmp_path / "c", {"c11": CABLES_11, "c7": CABLES_7})
    peak = _claim(library, "c11", "82 percent")
    level = _claim(library, "c7", "65%")
    assert peak.frame is not None and "peak" in peak.frame.scope
    assert level.frame is not None and "peak" not in level.frame.scope
    rows = library.compare("c11", "c7").rows
    assert not [r for r in rows if r.status == "conflict"]
