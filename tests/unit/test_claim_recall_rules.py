"""Figures that news copy ties to their role or partner only loosely are still paired (issue
12, fourth session: conflict and agreement recall).

The sentences are copied verbatim from ECB+ dev stories (Cybulska and Vossen, LREC 2014;
annotation CC BY 3.0; the articles were collected from the web by the corpus authors, see
../shared/corpora/ecbplus-dev/README.md): t12-plus (Indian Navy foils a pirate attack in the
Gulf of Aden: ECB+ corpus, 12_1ecbplus.txt lines 8 and 12, 12_2ecbplus.txt line 9,
12_7ecbplus.txt line 8, 12_5ecbplus.txt lines 9 and 12, 12_2ecbplus.txt line 8, 12_4ecbplus.txt line 8) and t19-plus (the NYPD shooting of Kimani Gray: ECB+ corpus,
19_2ecbplus.txt line 7, 19_6ecbplus.txt line 17) and t30-ecb (cut undersea cables: ECB+ corpus,
30_14ecb.txt line 4, 30_10ecb.txt line 7) and t18-plus (the Troy, Michigan office shooting: ECB+
corpus, 18_5ecbplus.txt line 6, 18_2ecbplus.txt line 6). Each test names the cause of missed pairs it guards against.
"""

# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

from support.claim_library import claim_of as _claim
from support.claim_library import library_of as _library

# ECB+ corpus, 12_1ecbplus.txt (lines 8 and 12): one operation's haul, then a running total.
NAVY_1 = """Navy foils piracy bid

While two of them managed to escape, INS Sukanya successfully intercepted the remaining three boats and, in a well-practiced and professionally executed boarding-and-search action, nabbed 26 Somali pirates with six AK 47 rifles, 12 magazines and about 300 rounds of ammunition.

In their five operations so far, the personnel on board the warship have confiscated 14 AK-47 Rifles, 31 magazines and 923 rounds of ammunition, he said.
"""
# ECB+ corpus, 12_2ecbplus.txt (line 9).
NAVY_2 = """Indian ship thwarts piracy attempt in Gulf of Aden, 26 pirates arrested

During the operation, six AK-47 rifles, 12 magazines and about 300 rounds of ammunition were found and confiscated.
"""
# ECB+ corpus, 12_7ecbplus.txt (line 8).
NAVY_7 = """Somali pirate attack foiled in Gulf of Aden

The Navy confiscated 14 AK-47 rifles, 31 magazines and 923 rounds from the boat along with grapnels, ladders and rope-handling gloves, Nambiar said.
"""
# ECB+ corpus, 12_5ecbplus.txt (lines 9 and 12).
NAVY_5 = """MUST SEE: Navy pins down Somali pirates in heroic face-off

During the operation, six AK 47 rifles, 12 magazines and about 300 rounds of ammunition were found and confiscated.

So far, the Indian Navy has confiscated 14 AK 47 Rifles, 31 magazines and 923 rounds of ammunition from pirates.
"""

# ECB+ corpus, 19_2ecbplus.txt (line 7) and 19_6ecbplus.txt (line 17).
GRAY_2 = """Teen shot by police

A loaded. 38-caliber revolver was found at the scene.
"""
GRAY_6 = """Brooklyn neighborhood on police lockdown following protest

According to the officers involved in the shooting, the teenager adjusted his belt "suspiciously," and after they exited their vehicle to investigate, he pointed a. 357 caliber revolver at them.
"""

# ECB+ corpus, 30_14ecb.txt (line 4) and 30_10ecb.txt (line 7).
CABLES_14 = """Internet service interrupted

A total of three cables linking Italy and Egypt went down.
"""
CABLES_10 = """India suffers massive internet disruption after undersea cables break

Industry experts told The Times that two sub-sea cables went down just off Alexandra, causing the mass disruption.
"""

# ECB+ corpus, 12_2ecbplus.txt (line 8) and 12_4ecbplus.txt (line 8); titles shortened so
# that only the crew figure is told.
CREW_2 = """Indian ship thwarts piracy attempt in Gulf of Aden

The three boats had a total of 26 Somali crew onboard.
"""
CREW_4 = """Indian Navy captures Somali pirates in Gulf of Aden

"The three boats had a total of 26 Somali crew on board.
"""

# ECB+ corpus, 18_5ecbplus.txt (line 6) and 18_2ecbplus.txt (line 6), with their titles.
SUSPECT_5 = """Gunman kills 1, wounds 2 at accounting office

Anthony LaCalamita III, 38, said nothing after officers surrounded him, Genesee County Sheriff Robert J. Pickell said.
"""
SUSPECT_2 = """1 dead, 2 hurt in Mich. office shooting; police say suspect had worked there

Police said they had located Anthony LaCalamita, 38, of Troy on Interstate 75, north of the suburban Detroit office building where the shootings took place.
"""




def test_a_running_total_does_not_take_an_event_figure_s_partner(tmp_path: Path) -> None:
    """Cause: "31 magazines" confiscated "in their five operations so far" was paired first
    with one operation's "12 magazines" (same role, another scope), leaving the report's own
    "12 magazines" unpaired: the agreement was missed."""
    library = _library(tmp_path / "c", {"n1": NAVY_1, "n2": NAVY_2})
    rows = library.compare("n1", "n2").rows
    agreeing = {
        (r.a.value_text, r.b.value_text)
        for r in rows
        if r.status == "agree" and r.a is not None and r.b is not None
    }
    assert ("12 magazines", "12 magazines") in agreeing
    assert ("about 300 rounds", "about 300 rounds") in agreeing
    assert not [r for r in rows if r.status == "conflict"]


def test_coordinated_participles_pass_the_role_to_the_figure(tmp_path: Path) -> None:
    """Cause: in "300 rounds ... were found and confiscated" the verb search stopped at
    "found", so the figure had no role and never conflicted with another report's "923 rounds"
    confiscated."""
    library = _library(tmp_path / "c", {"n2": NAVY_2, "n7": NAVY_7})
    rounds = _claim(library, "n2", "about 300 rounds")
    assert rounds.frame is not None and rounds.frame.role == "seized"
    rows = library.compare("n2", "n7").rows
    conflicting = {
        (r.a.value_text, r.b.value_text)
        for r in rows
        if r.status == "conflict" and r.a is not None and r.b is not None
    }
    assert ("about 300 rounds", "923 rounds") in conflicting
    assert ("12 magazines", "31 magazines") in conflicting


def test_a_caliber_is_a_measure_of_the_weapon(tmp_path: Path) -> None:
    """Cause: ".38-caliber revolver" was read as a count of nothing (no role, no counted
    noun), so it never met another report's ".357 caliber revolver"."""
    library = _library(tmp_path / "c", {"g2": GRAY_2, "g6": GRAY_6})
    caliber = _claim(library, "g2", "38-caliber revolver")
    assert caliber.frame is not None and caliber.frame.slot == "caliber"
    rows = library.compare("g2", "g6").rows
    conflicting = {
        (r.a.value_text, r.b.value_text)
        for r in rows
        if r.status == "conflict" and r.a is not None and r.b is not None
    }
    assert ("38-caliber revolver", "357 caliber revolver") in conflicting


def test_a_sentence_opening_so_far_tells_a_running_total(tmp_path: Path) -> None:
    """Cause: "So far, the Indian Navy has confiscated 14 AK 47 Rifles" was read as this
    operation's haul, against another report's "six AK-47 rifles" of the operation."""
    library = _library(tmp_path / "c", {"n2": NAVY_2, "n5": NAVY_5})
    total = _claim(library, "n5", "31 magazines")
    assert total.frame is not None and "cumulative" in total.frame.scope
    rows = library.compare("n2", "n5").rows
    assert not [r for r in rows if r.status == "conflict"]


def test_a_model_code_between_figure_and_noun_is_passed_over(tmp_path: Path) -> None:
    """Cause: "six AK 47 rifles" was read as "six AK", a singular name that counts nothing,
    so it never agreed with another report's "six AK-47 rifles"."""
    library = _library(tmp_path / "c", {"n2": NAVY_2, "n5": NAVY_5})
    rifles = _claim(library, "n5", "six AK")
    assert rifles.frame is not None and rifles.frame.counted == "rifle"
    rows = library.compare("n2", "n5").rows
    agreeing = {
        (r.a.value_text, r.b.value_text)
        for r in rows
        if r.status == "agree" and r.a is not None and r.b is not None
    }
    assert ("six AK-47 rifles", "six AK") in agreeing


def test_the_verb_reaches_past_a_pair_of_places_after_the_figure(tmp_path: Path) -> None:
    """Cause: in "three cables linking Italy and Egypt went down" the figure's phrase ends at
    "Italy", so the rest, "and Egypt went down", did not read as places between the figure
    and its verb; the cables had no role and never met "two sub-sea cables went down"."""
    library = _library(tmp_path / "c", {"c14": CABLES_14, "c10": CABLES_10})
    cables = _claim(library, "c14", "three cables linking Italy")
    assert cables.frame is not None and cables.frame.role == "damaged"
    rows = library.compare("c14", "c10").rows
    conflicting = {
        (r.a.value_text, r.b.value_text)
        for r in rows
        if r.status == "conflict" and r.a is not None and r.b is not None
    }
    assert ("three cables linking Italy", "two sub-sea cables") in conflicting


def test_a_plural_without_s_is_what_is_counted(tmp_path: Path) -> None:
    """Cause: in "26 Somali crew onboard" the last word, "onboard", was taken as the counted
    noun and dropped as singular; "crew" is a plural without "s" and is what is counted."""
    library = _library(tmp_path / "c", {"k2": CREW_2, "k4": CREW_4})
    crew = _claim(library, "k2", "26 Somali crew onboard")
    assert crew.frame is not None and crew.frame.counted == "crew"
    rows = library.compare("k2", "k4").rows
    agreeing = [r for r in rows if r.status == "agree" and r.a is not None and r.b is not None]
    assert ("26", "26") in [(r.a.value, r.b.value) for r in agreeing]


def test_an_age_after_a_generational_suffix_is_the_person_s_age(tmp_path: Path) -> None:
    """Cause: "Anthony LaCalamita III, 38," left "III" between the name and the age, so 38
    was a bare count and never agreed with "Anthony LaCalamita, 38,"."""
    library = _library(tmp_path / "c", {"s5": SUSPECT_5, "s2": SUSPECT_2})
    age = _claim(library, "s5", "38")
    assert age.frame is not None and age.frame.slot == "age"
    rows = library.compare("s5", "s2").rows
    agreeing = [r for r in rows if r.status == "agree" and r.a is not None and r.b is not None]
    assert ("38", "38") in [(r.a.value, r.b.value) for r in agreeing]
