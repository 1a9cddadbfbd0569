"""Figures two reports state alike are paired and agree (issue 12, eighth session: agreement
recall), and the new readings make no conflict on their own.

The sentences are copied verbatim from ECB+ dev stories (Cybulska and Vossen, LREC 2014;
annotation CC BY 3.0; the articles were collected from the web by the corpus authors, see
../shared/corpora/ecbplus-dev/README.md); each constant names its file and line. Each test
names the cause of missed pairs it guards against.
"""

# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

from support.claim_library import claim_of as _claim
from support.claim_library import library_of as _library

from search_index.library import Library

# ECB+ corpus, t18-plus (the Troy, Michigan office shooting), 18_10ecbplus.txt line 41.
SHOTGUN_10 = """Detroit Office Shooter Charged With Murder, Attempted Murder

A 12-gauge pump-action shotgun and three live shells were found in the silver Ford Fusion LaCalamita was driving.
"""
# ECB+ corpus, t18-plus, 18_11ecbplus.txt line 10.
SHOTGUN_11 = """Sacked worker shoots ex-colleagues

Officers found a 12-gauge pump-action shotgun and three live shells in the vehicle, Pickell said.
"""

# ECB+ corpus, t07-plus (Klitschko stops Thompson), 7_10ecbplus.txt line 4, 7_2ecbplus.txt
# line 9, 7_7ecbplus.txt lines 35 and 43 (a list of title-fight records), with their titles.
RECORD_10 = """Wladimir Klitschko stops Tony Thompson in 6th round to retain world heavyweight titles

The 36-year-old champion Klitschko, 58-3 with 51 knockouts, floored Thompson with a big right hand near the end of the fifth round at Stade de Suisse, and the 40-year-old American never recovered.
"""
RECORD_2 = """Wladimir Klitschko retains titles stopping Thompson in six rounds

The 36-year-old champion Klitschko improved to 58-3 (51 KO).
"""
RECORD_7 = """Article posted on 08.07.2012

This was Klitschko’s second victory over Thompson, and with it he improves to 58-3 with 51 wins coming by way of knockout.

Wladimir Klitschko 19-2
"""

# ECB+ corpus, t07-plus, 7_10ecbplus.txt line 3 and 7_11ecbplus.txt lines 4-5, with titles.
ROUND_10 = """Wladimir Klitschko stops Tony Thompson in 6th round to retain world heavyweight titles

Wladimir Klitschko stopped Tony Thompson in the sixth round to retain his WBA, IBF and WBO heavyweight title belts Saturday night.
"""
ROUND_11 = """Wladimir Klitschko stops Tony Thompson in 6th round to retain world heavyweight belts

Wladimir Klitschko stopped Tony Thompson in the sixth round to keep a comfortable hold on his WBA, IBF and WBO heavyweight titles Saturday night.

The 36-year-old champion Klitschko, 58-3 with 51 knockouts, floored Thompson with a big right hand near the end of the fifth round at Stade de Suisse, and the 40-year-old American never recovered.
"""
# ECB+ corpus, t12-plus (Indian Navy foils a pirate attack), 12_11ecbplus.txt line 6 and
# 12_2ecbplus.txt line 11, with their titles.
OPERATION_11 = """INS Sukanya foils piracy attempt in Gulf of Eden

This is the fifth anti-piracy operation carried out by the warship after it was sent for patrol missions to the Gulf of Aden in September.
"""
OPERATION_2 = """Indian ship thwarts piracy attempt in Gulf of Aden, 26 pirates arrested

This is the fifth successful anti-piracy operation conducted by INS Sukanya, in the course of her ongoing patrol mission in the Gulf of Aden, which commenced in September.
"""

# ECB+ corpus, t07-plus, 7_6ecbplus.txt line 5 (against ROUND_11, 7_11ecbplus.txt line 5).
AGE_6 = """Klitschko stops Thompson in regulation win

Klitschko, 36, stopped the 40-year-old Thompson with two seconds remaining of the sixth round in Switzerland to retain his collection of titles.
"""
# ECB+ corpus, t43-plus (AMD buys SeaMicro), 43_11ecbplus.txt lines 1, 3 and 12 and
# 43_13ecbplus.txt lines 1 and 4-6: each with its own date line.
BRIEFING_11 = """February 29, 2012, 7:32 p.m. ET

AMD to Acquire Server Start-Up

In a briefing Wednesday, AMD executives stressed that the main motivation of buying SeaMicro was not to sell servers but to offer communications technology and other elements developed by SeaMicro to allow other server makers to make systems.
"""
BRIEFING_13 = """AMD acquires SeaMicro to grab share of microserver market

Mar 1 2012, 2:35am CET
AMD has made a $334 million bet on the energy-efficient "microserver" market.
On Wednesday afternoon, the company announced that they have reached a $334 million agreement, to purchase SeaMicro, a successful microserver manufacturer.
"""

# ECB+ corpus, t12-plus, 12_11ecbplus.txt line 12 and 12_2ecbplus.txt line 8, with titles.
CREWMEN_11 = """INS Sukanya foils piracy attempt in Gulf of Eden

They had 26 crewmen aboard, all Somalian nationals.
"""
CREW_2 = """Indian ship thwarts piracy attempt in Gulf of Aden, 26 pirates arrested

The three boats had a total of 26 Somali crew onboard.
"""

# ECB+ corpus, t12-plus, 12_4ecbplus.txt line 4 and 12_11ecbplus.txt line 8, with titles.
BOATS_4 = """Indian Navy captures 26 Somali pirates in Gulf of Aden

New Delhi/Mumbai: An Indian warship foiled a five-boat pirate attack on merchant vessels transiting the Gulf of Aden on Friday capturing 26 Somani brigands on three of the skiffs and confiscating their weapons.
"""
BOATS_11 = """INS Sukanya foils piracy attempt in Gulf of Eden

"The incident occurred around 9.25 am when five boats were seen approaching the vessels...
"""
# ECB+ corpus, t30-ecb (cut undersea cables), 30_2ecb.txt line 1 (the report's first line,
# here after a title of our own).
LINES_2 = """Outage

Internet and telephone traffic between Europe and the Middle East and Asia was hampered Friday after three major underwater data lines were cut, according to France Telecom.
"""

# ECB+ corpus, t12-plus, 12_11ecbplus.txt line 10 and 12_1ecbplus.txt line 8, with titles.
FLED_11 = """INS Sukanya foils piracy attempt in Gulf of Eden

While two of them managed to flee, boarding-and-search operations were carried out on the other three," a defence spokesperson said.
"""
ESCAPED_1 = """Navy foils piracy bid

While two of them managed to escape, INS Sukanya successfully intercepted the remaining three boats and, in a well-practiced and professionally executed boarding-and-search action, nabbed 26 Somali pirates with six AK 47 rifles, 12 magazines and about 300 rounds of ammunition.
"""

# ECB+ corpus, t13-plus (the Mat Maid warehouse fire), 13_11ecbplus.txt lines 1 and 5 and
# 13_12ecbplus.txt lines 1 and 8; t12-plus, 12_6ecbplus.txt lines 1 and 5.
CALL_11 = """Historic Mat Maid warehouse burns

The fire was reported at 3:33 a.m. and is under investigation by the Palmer Police and the State Fire Marshal.
"""
CALL_12 = """Tuesday, August 7, 2012

The first 9-1-1 call came at 3:33 a.m. from someone at Valley Hotel, Palmer public safety director Jon Owen said this morning.
"""
MORNING_6 = """Indian Naval Ship Interdicts Three Pirate Vessels In A Single Operation

The ship was escorting a group of five merchant vessels through the IRTC (Internationally Recognised Transit Corridor) when, at about 9:25 in the morning of 10th Nov, she detected a group of five suspicious boats, speedily approaching the merchant vessels of her group.
"""

# ECB+ corpus, t05-ecb (the 76ers fire their coach), 5_14ecb.txt line 9 and 5_2ecb.txt line
# 24, after titles of our own.
STREAK_14 = """Cheeks fired

Cheeks compiled a 162-139 record in three-plus seasons and coached the 76ers to 40 regular-season victories in 2007-08 before a six-game loss to Detroit in the Eastern Conference quarterfinals.
"""
STREAK_2 = """Cheeks out

Instead, with the team on a three-game losing streak and last in the Atlantic Division, he didn't even last until the end of the calendar year.
"""

# ECB+ corpus, t18-plus, 18_10ecbplus.txt lines 1 and 7 and 18_2ecbplus.txt lines 1 and 6.
SUSPECT_10 = """Detroit Office Shooter Charged With Murder, Attempted Murder

The man accused of shooting his three former co-workers is Anthony LaCalamita III, a 38-year-old Troy resident who was fired from Gordon Advisors on Thursday.
"""
SUSPECT_2 = """1 dead, 2 hurt in Mich. office shooting; police say suspect had worked there

Police said they had located Anthony LaCalamita, 38, of Troy on Interstate 75, north of the suburban Detroit office building where the shootings took place.
"""

# ECB+ corpus, t30-ecb, 30_11ecb.txt lines 1 and 7 and 30_6ecb.txt lines 1 and 6: neither
# report carries a date.
RESTORED_11 = """Damaged undersea cables disrupting service

France Telecom said it plans to send a boat to fix the problem and should have service restored to normal by December 31, according to Bloomberg.
"""
RESTORED_6 = """Mideast internet services disrupted

France Telecom expects communications will not be fully restored before 31 December.
"""

# ECB+ corpus, t10-plus (offers for Mark Teixeira), 10_20ecbplus.txt lines 1 and 6 and
# 10_1ecbplus.txt lines 1 and 9.
OFFERS_20 = """8:24am:

The Angels are reportedly at eight years and at least $160MM, the Orioles around seven years, $140-150MM, and the Nationals at eight years, $160MM.
"""
OFFERS_1 = """Red Sox extend offer to Teixeira

Last week at the Winter Meetings, the Washington Nationals made Teixeira an eight-year, $160 million offer.
"""

# ECB+ corpus, t12-plus, 12_11ecbplus.txt lines 1 and 11 and 12_7ecbplus.txt lines 1 and 8.
HAUL_11 = """INS Sukanya foils piracy attempt in Gulf of Eden

Six AK 47 rifles, 12 magazines and 300 rounds of ammunition were seized from the boats.
"""
HAUL_7 = """Somali pirate attack foiled in Gulf of Aden

The Navy confiscated 14 AK-47 rifles, 31 magazines and 923 rounds from the boat along with grapnels, ladders and rope-handling gloves, Nambiar said.
"""

# ECB+ corpus, t30-ecb, 30_11ecb.txt lines 1 and 3 and 30_7ecb.txt lines 1 and 14.
SEA_11 = """Damaged undersea cables disrupting service

Parts of Asia, the Middle East, and Europe experienced Internet and telephone outages Friday when three undersea cables between Italy and Egypt in the Mediterranean Sea were damaged.
"""
SEA_7 = """Severed cable disrupts net access

The main damage is to the four submarine cables running across the Mediterranean and through the Suez Canal.
"""

# ECB+ corpus, t07-plus, 7_10ecbplus.txt lines 1-4.
AMERICAN_10 = """Wladimir Klitschko stops Tony Thompson in 6th round to retain world heavyweight titles

Wladimir Klitschko stopped Tony Thompson in the sixth round to retain his WBA, IBF and WBO heavyweight title belts Saturday night.
The 36-year-old champion Klitschko, 58-3 with 51 knockouts, floored Thompson with a big right hand near the end of the fifth round at Stade de Suisse, and the 40-year-old American never recovered.
"""

# ECB+ corpus, t07-plus, 7_6ecbplus.txt lines 1-5.
THOMPSON_6 = """Klitschko stops Thompson in regulation win

July 7, 2012
Wladimir Klitschko retained his IBF, WBO, WBA & IBO heavyweight world titles with a second professional victory over Tony Thompson on Saturday.
Klitschko, 36, stopped the 40-year-old Thompson with two seconds remaining of the sixth round in Switzerland to retain his collection of titles.
"""

# ECB+ corpus, t18-plus, 18_10ecbplus.txt lines 1 and 5 and 18_11ecbplus.txt lines 1 and 15.
WOUNDED_10 = """Detroit Office Shooter Charged With Murder, Attempted Murder

When Monday's violence had concluded, the receptionist--Madeline Kafoury--was shot dead and two managers, Paul Riva and Alan Steinberg, were wounded.
"""
WOUNDED_11 = """Sacked worker shoots ex-colleagues

The families of the two wounded men requested "total privacy", and the hospital would not release any details about their conditions, Beaumont Hospital spokeswoman Ilene Wolfe said.
"""

# ECB+ corpus, t10-plus, 10_21ecbplus.txt lines 1 and 4 and 10_9ecbplus.txt lines 1 and 8.
SOX_21 = """Red Sox-Teixeira Rumor

2:16pm: Take it with a grain of salt, but we have a report of a report that the Red Sox offered Mark Teixeira an eight-year, $200MM deal.
"""
BIDDERS_9 = """First Base: Boston in Good Spot for Teixeira

… ok, so, the Sox have the high offer, the Angels are out, the Nationals lack confidence, and the O’s have reportedly only offered seven years … which would suggest the Red Sox are in very, very good position to land teixeira … unless, of course, a new team can be wrangled in to the mix …
"""

# ECB+ corpus, t07-plus, 7_3ecbplus.txt lines 1 and 9.
SATISFIED_3 = """Wladimir Klitschko stops Tony Thompson to retain world heavyweight titles

I'm satisfied," said the 36-year-old Klitschko, who improved his record to 58-3 (51 KO).
"""

# ECB+ corpus, t12-plus, 12_6ecbplus.txt lines 1 and 8.
AWAY_6 = """Indian Naval Ship Interdicts Three Pirate Vessels In A Single Operation

While two of them managed to get away, the Sukanya successfully intercepted the remaining three and carried out well practiced and professionally executed boarding-and-search action.
"""

# ECB+ corpus, t12-ecb (the Indian navy arrests 23 pirates, 2008), 12_11ecb.txt line 1 (after a
# title of our own) and 12_19ecb.txt lines 1 and 10.
ARRESTED_11 = """Navy arrests pirates

The Indian navy said it arrested 23 pirates who threatened a merchant vessel in the Gulf of Aden on Saturday, the latest in a series of recent clashes with Somali pirates.
"""
OUT_OF_19 = """Taking the lead in the fight against piracy, the Indian Navy on Saturday arrested 23 Somali pirates.

Out of 23 arrested pirates, 12 are reportedly from Somalia and 11 from Yemen.
"""




def _pairs(library: Library, a: str, b: str, status: str) -> set[tuple[str, str]]:
    return {
        (r.a.value_text, r.b.value_text)
        for r in library.compare(a, b).rows
        if r.status == status and r.a is not None and r.b is not None
    }


def test_a_gauge_measures_the_weapon(tmp_path: Path) -> None:
    """Cause: "a 12-gauge pump-action shotgun" was read as a count of nothing (no role, no
    counted noun), so two reports' identical gauges never met."""
    library = _library(tmp_path / "c", {"s10": SHOTGUN_10, "s11": SHOTGUN_11})
    gauge = _claim(library, "s10", "12-gauge pump-action shotgun")
    assert gauge.frame is not None and gauge.frame.slot == "gauge"
    assert ("12-gauge pump-action shotgun", "12-gauge pump-action shotgun") in _pairs(
        library, "s10", "s11", "agree"
    )


def test_a_win_loss_record_is_not_a_range(tmp_path: Path) -> None:
    """Cause: "58-3" was read as the range 3 to 58 of nothing counted, so two reports'
    identical records never met. A record may agree, never conflict: the nearest name may be
    the opponent's, and a fighter has several records ("19-2" in title fights)."""
    library = _library(tmp_path / "c", {"r10": RECORD_10, "r2": RECORD_2, "r7": RECORD_7})
    record = _claim(library, "r10", "58-3")
    assert record.value == "58-3" and record.frame is not None and record.frame.slot == "record"
    assert ("58-3", "58-3") in _pairs(library, "r10", "r2", "agree")
    # The name nearest r7's record is the opponent's ("victory over Thompson, ... he
    # improves to 58-3"): the records still agree.
    assert ("58-3", "58-3") in _pairs(library, "r10", "r7", "agree")
    assert not _pairs(library, "r10", "r7", "conflict")
    assert not _pairs(library, "r2", "r7", "conflict")


def test_an_ordinal_is_a_checkable_figure(tmp_path: Path) -> None:
    """Cause: ordinals were never read ("stopped Thompson in the sixth round", "the fifth
    anti-piracy operation"), so no report agreed with another on which round or which
    operation. One story tells of several rounds (a knockdown in the fifth, the stoppage in
    the sixth): two ordinals may agree, never conflict."""
    library = _library(
        tmp_path / "c",
        {"r10": ROUND_10, "r11": ROUND_11, "o11": OPERATION_11, "o2": OPERATION_2},
    )
    sixth = _claim(library, "r10", "sixth")
    assert sixth.frame is not None and sixth.frame.slot == "ordinal"
    assert sixth.value == "6" and sixth.topic == "which round"
    assert ("sixth", "sixth") in _pairs(library, "r10", "r11", "agree")
    assert not _pairs(library, "r10", "r11", "conflict")
    assert ("fifth", "fifth") in _pairs(library, "o11", "o2", "agree")


def test_an_ordinal_in_a_name_is_not_read(tmp_path: Path) -> None:
    """ "40 East Fifth Avenue" names a street: no ordinal claim (ECB+ corpus, t18-ecb,
    18_9ecb.txt lines 1 and 3)."""
    text = """A former employee walked into a staff Christmas party at an east Vancouver health products business Friday and allegedly shot and killed a man.

Police said they were called to Tallgrass Distributors Ltd., at 40 East Fifth Avenue., where a 61-year-old man carrying a firearm had confronted the crowd.
"""
    library = _library(tmp_path / "c", {"v": text})
    assert not [c for c in library.claims("v") if c.frame is not None and c.frame.slot == "ordinal"]


def test_an_age_bound_to_no_name_may_agree(tmp_path: Path) -> None:
    """Cause: an age no name was found for ("the 40-year-old American never recovered")
    took the word after it as what it counts ("never"), so it met no other report's
    age of the named person ("the 40-year-old Thompson"). Such an age may agree
    with one of the same value, never conflict."""
    library = _library(tmp_path / "c", {"r11": ROUND_11, "a6": AGE_6})
    assert ("40-year-old American never", "40-year-old Thompson") in _pairs(
        library, "r11", "a6", "agree"
    )
    assert not _pairs(library, "r11", "a6", "conflict")


def test_one_calendar_day_in_two_reports_may_agree(tmp_path: Path) -> None:
    """Cause: "In a briefing Wednesday" and "On Wednesday afternoon", both read as 29 February
    2012, were a weak pair (their event words differ) in unlike sentences, so they never
    paired. The same calendar day of the story's event in two reports may agree."""
    library = _library(tmp_path / "c", {"b11": BRIEFING_11, "b13": BRIEFING_13})
    wednesday = _claim(library, "b11", "Wednesday")
    assert wednesday.date is not None and wednesday.date.value == "2012-02-29"
    assert ("Wednesday", "On Wednesday") in _pairs(library, "b11", "b13", "agree")


def test_crewmen_are_a_crew(tmp_path: Path) -> None:
    """Cause: in "26 crewmen aboard" the last word, "aboard", was taken as the counted noun
    ("crewmen" was not known as a plural), so it never met "26 Somali crew onboard"."""
    library = _library(tmp_path / "c", {"k11": CREWMEN_11, "k2": CREW_2})
    crewmen = _claim(library, "k11", "26 crewmen aboard")
    assert crewmen.frame is not None and crewmen.frame.counted == "crew"
    assert ("26 crewmen aboard", "26 Somali crew onboard") in _pairs(library, "k11", "k2", "agree")


def test_a_noun_joined_to_the_number_is_what_it_counts(tmp_path: Path) -> None:
    """Cause: "a five-boat pirate attack" took the noun after the compound ("attack") as
    what is counted, and a singular one, so it counted nothing and never met "five boats"."""
    library = _library(tmp_path / "c", {"b4": BOATS_4, "b11": BOATS_11})
    boats = _claim(library, "b4", "five-boat pirate attack")
    assert boats.frame is not None and boats.frame.counted == "ship"
    assert ("five-boat pirate attack", "five boats") in _pairs(library, "b4", "b11", "agree")
    # What happened is said of the streak, not of its games: two streaks never conflict.
    library = _library(tmp_path / "d", {"s14": STREAK_14, "s2": STREAK_2})
    assert not _pairs(library, "s14", "s2", "conflict")


def test_the_counted_noun_may_follow_the_span(tmp_path: Path) -> None:
    """Cause: the figure's span stopped at "three major underwater data", so "data" was read
    as what is counted and the verb of "lines were cut" was not reached."""
    library = _library(tmp_path / "c", {"l2": LINES_2})
    lines = next(c for c in library.claims("l2") if c.value == "3")
    assert lines.frame is not None and lines.frame.counted == "line"
    assert lines.frame.role == "cut"


def test_two_of_them_managed_to_escape(tmp_path: Path) -> None:
    """Cause: "two of them managed to flee" read "them managed" as what is counted (a
    singular noun, so nothing) and stopped the verb search at "managed"; the figure had no
    role and met no other report's two that got away. Fleeing and escaping are one role."""
    library = _library(tmp_path / "c", {"f11": FLED_11, "e1": ESCAPED_1})
    fled = next(c for c in library.claims("f11") if c.value == "2")
    escaped = next(c for c in library.claims("e1") if c.value == "2")
    assert fled.frame is not None and fled.frame.role == "evacuated" and fled.frame.part
    assert escaped.frame is not None and escaped.frame.role == "escaped"
    assert ("two", "two") in _pairs(library, "f11", "e1", "agree")


def test_a_time_of_day_is_a_checkable_figure(tmp_path: Path) -> None:
    """Cause: times of day ("reported at 3:33 a.m.") were never claims, and "9.25 am" was
    read as the count 9 and a date "25 am". A time may agree, never conflict: a story's
    times are of several happenings."""
    library = _library(tmp_path / "c", {"c11": CALL_11, "c12": CALL_12, "m6": MORNING_6})
    call = _claim(library, "c11", "3:33 a.m.")
    assert call.frame is not None and call.frame.slot == "time" and call.value == "03:33"
    assert ("3:33 a.m.", "3:33 a.m.") in _pairs(library, "c11", "c12", "agree")
    morning = _claim(library, "m6", "about 9:25")
    assert morning.value == "09:25" and morning.hedge == "about"


def test_two_ages_of_one_named_person_pair_in_unlike_sentences(tmp_path: Path) -> None:
    """Cause: "Anthony LaCalamita III, a 38-year-old Troy resident" (an age bound to no name:
    a weak pair) and "Anthony LaCalamita, 38," sit in unlike sentences, and names are kept
    out of the words a weak pair may share, so they never paired. The family name bound to
    both ages counts."""
    library = _library(tmp_path / "c", {"s10": SUSPECT_10, "s2": SUSPECT_2})
    assert ("38-year-old Troy resident", "38") in _pairs(library, "s10", "s2", "agree")


def test_a_day_of_the_month_without_a_year_is_a_claim(tmp_path: Path) -> None:
    """Cause: in a report without a publication date "by December 31" named no calendar day
    and was dropped, so two reports' December 31 never agreed. It now reads as a day of the
    month of no known year: it agrees with the same day, never contradicts a date."""
    library = _library(tmp_path / "c", {"r11": RESTORED_11, "r6": RESTORED_6})
    day = _claim(library, "r11", "December 31")
    assert day.date is not None and day.date.granularity == "monthday"
    assert day.value == "--12-31"
    assert ("December 31", "31 December") in _pairs(library, "r11", "r6", "agree")


def test_a_day_of_the_month_without_a_year_is_not_on_the_timeline(tmp_path: Path) -> None:
    """A day of no known year has no place on a calendar, like a bare weekday."""
    from search_index.claims.matrix import timeline

    library = _library(tmp_path / "c", {"r11": RESTORED_11, "r6": RESTORED_6})
    events = timeline({a: library.claims(a) for a in ("r11", "r6")})
    assert not [e for e in events if e.when.startswith("--")]


def test_mm_after_a_sum_is_a_million(tmp_path: Path) -> None:
    """Cause: "$160MM" (the financial press's million) was read as $160, so it never met
    "$160 million"; "5mm" without a currency stays millimetres."""
    from search_index.claims.values import parse_quantity

    millimetres = parse_quantity("5mm")
    assert millimetres is not None and millimetres.dimension == "length"
    library = _library(tmp_path / "c", {"o20": OFFERS_20, "o1": OFFERS_1})
    assert {c.value for c in library.claims("o20") if c.unit == "USD"} >= {
        "160000000",
        "140000000-150000000",
    }
    assert ("$160MM", "$160 million offer") in _pairs(library, "o20", "o1", "agree")


def test_a_list_item_whose_span_stopped_short_shares_the_verb(tmp_path: Path) -> None:
    """Cause: the span of "Six AK 47 rifles" ends at "AK", so " 47 rifles, " stood between it
    and "12 magazines" and the list was not seen: the rifles took no role from "were
    seized", and the conflict with another report's 14 rifles confiscated was missed."""
    library = _library(tmp_path / "c", {"h11": HAUL_11, "h7": HAUL_7})
    rifles = _claim(library, "h11", "Six AK")
    assert rifles.frame is not None and rifles.frame.role == "seized"
    assert ("Six AK", "14 AK-47 rifles") in _pairs(library, "h11", "h7", "conflict")


def test_a_place_with_and_without_its_kind_is_one_scope(tmp_path: Path) -> None:
    """Cause: "in the Mediterranean Sea" and "across the Mediterranean" gave two place keys,
    so three cables against four read as two scopes ("compatible, different_scope") instead
    of a conflict."""
    library = _library(tmp_path / "c", {"s11": SEA_11, "s7": SEA_7})
    assert ("three undersea cables between", "four submarine cables running") in _pairs(
        library, "s11", "s7", "conflict"
    )


def test_ko_is_knockouts(tmp_path: Path) -> None:
    """Cause: "(51 KO)" read "KO" as a singular name the number labels, so it counted
    nothing and never met "51 knockouts"."""
    library = _library(tmp_path / "c", {"r10": RECORD_10, "r2": RECORD_2})
    ko = _claim(library, "r2", "51 KO")
    assert ko.frame is not None and ko.frame.counted == "knockout"
    assert ("51 knockouts", "51 KO") in _pairs(library, "r10", "r2", "agree")


def test_the_name_nearest_an_unowned_age_does_not_part_it_from_an_owned_one(
    tmp_path: Path,
) -> None:
    """Cause: the name nearest "the 40-year-old American" is a stadium the name reader may
    take for a person ("Stade de Suisse"), or another person; that name kept it from "the
    40-year-old Thompson". Only a different value tells two people's ages apart."""
    library = _library(tmp_path / "c", {"a10": AMERICAN_10, "a6": THOMPSON_6})
    assert ("40-year-old American never", "40-year-old Thompson") in _pairs(
        library, "a10", "a6", "agree"
    )
    assert not _pairs(library, "a10", "a6", "conflict")


def test_the_wounded_are_found_past_apposed_names_and_before_the_noun(tmp_path: Path) -> None:
    """Cause: in "two managers, Paul Riva and Alan Steinberg, were wounded" the names set off
    by commas stood between the figure and its verb; in "the two wounded men" the participle
    before the noun was read as a kind of men, not what happened to them; and "men" and
    "managers" never paired. Both are now "injured"; men of no kind and managers may agree,
    never conflict."""
    library = _library(tmp_path / "c", {"w10": WOUNDED_10, "w11": WOUNDED_11})
    managers = _claim(library, "w10", "two managers")
    men = _claim(library, "w11", "two wounded men")
    assert managers.frame is not None and managers.frame.role == "injured"
    assert men.frame is not None and men.frame.role == "injured"
    assert ("two managers", "two wounded men") in _pairs(library, "w10", "w11", "agree")


def test_a_number_word_joined_to_its_noun_is_a_figure(tmp_path: Path) -> None:
    """Cause: "an eight-year, $200MM deal": the entity reader took a lone number word for a
    pronoun unless a noun followed it, and "eight-year" is one word, so the term was never a
    claim and met no other report's eight years."""
    library = _library(tmp_path / "c", {"s21": SOX_21, "r1": OFFERS_1})
    term = _claim(library, "s21", "eight-year")
    assert term.frame is not None and term.frame.slot == "duration" and term.value == "8"


def test_a_term_is_the_offer_told_nearest_before_it(tmp_path: Path) -> None:
    """Cause: "the Sox have the high offer, ..., and the O's have reportedly only offered
    seven years": the bidder was read at the sentence's first offer word (the Sox), so the
    O's seven years contradicted the Red Sox's eight."""
    library = _library(tmp_path / "c", {"s21": SOX_21, "b9": BIDDERS_9})
    seven = _claim(library, "b9", "seven years")
    assert seven.frame is not None and seven.frame.party != "sox"
    assert not _pairs(library, "s21", "b9", "conflict")


def test_one_counted_thing_under_two_words_pairs_in_unlike_sentences(tmp_path: Path) -> None:
    """Cause: "58-3 with 51 knockouts" and "58-3 (51 KO)" count one thing (knockouts), but
    a weak pair in unlike sentences needed a shared subject word, and "knockout" and "ko"
    share no stem."""
    library = _library(tmp_path / "c", {"r10": RECORD_10, "s3": SATISFIED_3})
    assert ("51 knockouts", "51 KO") in _pairs(library, "r10", "s3", "agree")


def test_to_get_away_is_to_escape(tmp_path: Path) -> None:
    """Cause: "two of them managed to get away" named no role ("get away" is two words), so
    it never met "two of them managed to escape"."""
    library = _library(tmp_path / "c", {"a6": AWAY_6, "e1": ESCAPED_1})
    away = next(c for c in library.claims("a6") if c.value == "2")
    assert away.frame is not None and away.frame.role == "escaped"
    assert ("two", "two") in _pairs(library, "a6", "e1", "agree")


def test_a_figure_after_out_of_a_whole_is_a_part(tmp_path: Path) -> None:
    """Cause (found on the held-out t12-ecb once "23 arrested pirates" read as arrested):
    in "Out of 23 arrested pirates, 12 are reportedly from Somalia" the 12 shared the
    list's role and contradicted another report's 23 pirates arrested. A figure after "out of"
    a whole is a part of it."""
    library = _library(tmp_path / "c", {"a11": ARRESTED_11, "o19": OUT_OF_19})
    twelve = next(c for c in library.claims("o19") if c.value == "12")
    assert twelve.frame is not None and twelve.frame.part
    assert ("23 pirates", "23 arrested pirates") in _pairs(library, "a11", "o19", "agree")
    assert not _pairs(library, "a11", "o19", "conflict")


# ECB+ corpus, t07-plus, 7_8ecbplus.txt lines 1 and 7 (against RECORD_10, 7_10ecbplus.txt).
FIFTH_8 = """Wladimir Klitschko defeats Tony Thompson in six rounds

Thompson never recovered from a big right hand from Klitschko near the end of the fifth round.
"""


def test_the_name_nearest_an_ordinal_does_not_part_it_when_both_sentences_name_both(
    tmp_path: Path,
) -> None:
    """Cause: "floored Thompson ... near the end of the fifth round" binds the round to
    Thompson, "a big right hand from Klitschko near the end of the fifth round" to Klitschko:
    two people, so no pair. Both sentences name both; which is nearest says nothing of which
    round. (An ordinal may agree, never conflict.)"""
    library = _library(tmp_path / "c", {"r10": RECORD_10, "f8": FIFTH_8})
    assert ("fifth", "fifth") in _pairs(library, "r10", "f8", "agree")
    assert not _pairs(library, "r10", "f8", "conflict")


# ECB+ corpus, t18-plus, 18_10ecbplus.txt lines 1, 5 and 10; 18_5ecbplus.txt lines 1 and 27.
AGES_10 = """Detroit Office Shooter Charged With Murder, Attempted Murder

When Monday's violence had concluded, the receptionist--Madeline Kafoury--was shot dead and two managers, Paul Riva and Alan Steinberg, were wounded.

He also is charged with two counts of intent to murder in the shootings of Riva, 47, of Sterling Heights, and Steinberg, 48, of Macomb County's Bruce Township--as well as three counts of possession of a firearm in the commission of a felony and one count of fleeing and eluding police.
"""
AGES_5 = """Gunman kills 1, wounds 2 at accounting office

Troy Police Lt. Gerry Scherlinck identified the other victims as a 47-year-old man and a 48-year-old man.
"""


def test_a_named_age_and_an_unnamed_one_of_the_same_value_agree(tmp_path: Path) -> None:
    """Cause: "Steinberg, 48," and "a 48-year-old man" (the report names nobody) share no
    word and their sentences are unlike, so they never paired. The same number of years, one
    side bound to a person and the other to nobody, may agree; never conflict."""
    library = _library(tmp_path / "c", {"a10": AGES_10, "a5": AGES_5})
    agree = _pairs(library, "a10", "a5", "agree")
    assert ("48", "48-year-old man") in agree and ("47", "47-year-old man") in agree
    assert ("47", "48-year-old man") not in agree
    assert not _pairs(library, "a10", "a5", "conflict")


# ECB+ corpus, t07-plus, 7_11ecbplus.txt lines 1-4 and 7_5ecbplus.txt lines 1-4.
SATURDAY_11 = """Wladimir Klitschko stops Tony Thompson in 6th round to retain world heavyweight belts

July 08, 2012
Wladimir Klitschko stopped Tony Thompson in the sixth round to keep a comfortable hold on his WBA, IBF and WBO heavyweight titles Saturday night.
"""
TODAY_5 = """Klitschko vs Thompson II Results: Wladimir Klitschko Cruises Again, Wins in Six

on Jul 7 2012, 5:55p
Wladimir Klitschko won his 16th straight fight today, successfully defending the WBA, WBO, and IBF heavyweight titles against Tony Thompson, stopping the 40-year-old American in the sixth round of a fight that was never really close.
"""


def test_the_name_nearest_a_day_does_not_part_it_when_both_sentences_name_both(
    tmp_path: Path,
) -> None:
    """Cause: "Klitschko stopped Tony Thompson ... Saturday night" binds the day to Thompson,
    "Klitschko won his 16th straight fight today, ... against Tony Thompson" to Klitschko, so
    the two readings of 7 July 2012 never met. Both sentences name both fighters."""
    library = _library(tmp_path / "c", {"s11": SATURDAY_11, "t5": TODAY_5})
    saturday = _claim(library, "s11", "Saturday")
    assert saturday.date is not None and saturday.date.value == "2012-07-07"
    assert ("Saturday", "today") in _pairs(library, "s11", "t5", "agree")
    assert not _pairs(library, "s11", "t5", "conflict")


# ECB+ corpus, t18-plus, 18_11ecbplus.txt lines 1-4 and 18_9ecbplus.txt lines 1-4.
KILLING_ONE_11 = """Sacked worker shoots ex-colleagues

April 10, 2007-7:07AM

A man suspected of shooting three people, killing one, at a suburban Detroit accounting firm from which he was fired last week was arrested after a high-speed chase a few hours after the attack this morning, authorities said.
"""
KILLING_ONE_9 = """Shooting at Accounting Firm Leaves Woman Dead and 2 Hurt

Published: April 10, 2007

A man who was fired last week from his job at an accounting firm in suburban Detroit walked into his former office with a shotgun on Monday and shot three people, killing one, before fleeing and leading police officers on a high-speed chase, the authorities said.
"""
# ECB+ corpus, t18-plus, 18_10ecbplus.txt lines 1 and 7.
FORMER_10 = """Detroit Office Shooter Charged With Murder, Attempted Murder

The man accused of shooting his three former co-workers is Anthony LaCalamita III, a 38-year-old Troy resident who was fired from Gordon Advisors on Thursday.
"""


def test_killing_one_counts_the_killed(tmp_path: Path) -> None:
    """Cause: a bare number word is usually a pronoun, so "shooting three people, killing one,"
    had no figure for the one killed. A number word a casualty verb takes as its object counts
    the people it happened to."""
    library = _library(tmp_path / "c", {"k11": KILLING_ONE_11, "k9": KILLING_ONE_9})
    one = _claim(library, "k11", "one")
    assert one.value == "1" and one.frame is not None and one.frame.role == "killed"
    assert ("one", "one") in _pairs(library, "k11", "k9", "agree")


def test_a_former_workplace_is_no_earlier_event(tmp_path: Path) -> None:
    """Cause: "former" was a cue of an earlier event, so "walked into his former office ...
    and shot three people" and "shooting his three former co-workers" were told of another
    event than the story's and paired with nothing. "formerly" still is a cue."""
    library = _library(
        tmp_path / "c", {"k11": KILLING_ONE_11, "k9": KILLING_ONE_9, "f10": FORMER_10}
    )
    for article, value in (("k9", "three people"), ("f10", "three former co-workers")):
        claim = _claim(library, article, value)
        assert claim.frame is not None and claim.frame.event == "main", claim.frame
    assert ("three people", "three people") in _pairs(library, "k11", "k9", "agree")


# ECB+ corpus, t18-plus, 18_1ecbplus.txt lines 1 and 10; 18_3ecbplus.txt lines 1 and 6.
SPEED_1 = """Sheriff: Michigan office shooting kills 1, injures 2

LaCalamita drove across several counties, at speeds up to 120 miles per hour, surrendering only after authorities boxed in his car on Interstate 75 in Saginaw, Michigan.
"""
SPEED_3 = """Troy, Michigan Office Shooting Follow-Up-1 Dead, 2 Injured, and Suspect Caught

Sheriff's deputies and state police chased him for 30 miles, including through a construction zone, at speeds up to 120 mph before he finally pulled over after about 15 minutes, Genesee County Sheriff Robert J. Pickell said.
"""


def test_miles_per_hour_is_a_speed(tmp_path: Path) -> None:
    """Cause: "per" ended the quantity's phrase, so "up to 120 miles per hour" was a length
    of 120 miles and never met "at speeds up to 120 mph"."""
    library = _library(tmp_path / "c", {"s1": SPEED_1, "s3": SPEED_3})
    speed = _claim(library, "s1", "up to 120 miles per hour")
    assert speed.frame is not None and speed.frame.slot == "speed"
    assert ("up to 120 miles per hour", "up to 120 mph") in _pairs(library, "s1", "s3", "agree")
    assert not _pairs(library, "s1", "s3", "conflict")


# ECB+ corpus, t18-plus, 18_2ecbplus.txt lines 1-4 (against FORMER_10, 18_10ecbplus.txt).
SHOOTING_2 = """1 dead, 2 hurt in Mich. office shooting; police say suspect had worked there

Updated 4/9/2007 6:04 PM
A man suspected of shooting three people at an accounting firm where he had worked was arrested a few hours later after a high-speed chase, authorities said.
"""


def test_a_possessive_between_verb_and_figure_keeps_the_role(tmp_path: Path) -> None:
    """Cause: "shooting his three former co-workers" had no role ("his" stopped the search
    for the verb before the figure), so it never met "shooting three people"."""
    library = _library(tmp_path / "c", {"f10": FORMER_10, "s2": SHOOTING_2})
    workers = _claim(library, "f10", "three former co-workers")
    assert workers.frame is not None and workers.frame.role == "shot"
    assert ("three former co-workers", "three people") in _pairs(library, "f10", "s2", "agree")
    assert not _pairs(library, "f10", "s2", "conflict")


# ECB+ corpus, t43-plus (AMD buys SeaMicro), 43_10ecbplus.txt lines 1-5; 43_11ecbplus.txt
# lines 1-5 and 36.
PRICE_10 = """AMD buys SeaMicro, starts selling Intel-based servers

on March 1, 2012 at 8:12 am

The deal cost AMD $334 million ($281M in cash), a fairly sizable chunk of change when you consider that its yearly profits are usually around the $400 million mark.
"""
PRICE_11 = """February 29, 2012, 7:32 p.m. ET

AMD to Acquire Server Start-Up

The Sunnyvale, Calif., company said it will pay $334 million for SeaMicro Inc., a company known for products called micro servers that pack together many chips in ways that save space and energy.
AMD said $281 million of the purchase price for SeaMicro will be in cash.
"""


def test_a_part_of_a_sum_does_not_take_the_whole_sums_partner(tmp_path: Path) -> None:
    """Cause: "The deal cost AMD $334 million" met "AMD said $281 million of the purchase
    price ... will be in cash" first (a strong match: both name AMD), a part against the
    whole, which left the other report's "$334 million" unpaired. A part and a whole are
    told apart as scopes are, so the same sum wins."""
    library = _library(tmp_path / "c", {"p10": PRICE_10, "p11": PRICE_11})
    assert ("$334 million", "$334 million") in _pairs(library, "p10", "p11", "agree")
    assert not _pairs(library, "p10", "p11", "conflict")


# ECB+ corpus, t30-ecb (Mediterranean cables cut), 30_12ecb.txt lines 1 and 5; 30_11ecb.txt
# lines 1 and 7.
REPAIR_12 = """Severed Cables in Mediterranean Disrupt Communication

France Telecom SA, which plans to send a maintenance boat to fix the problem, said the situation should be back to normal by Dec. 31.
"""
REPAIR_11 = """Damaged undersea cables disrupting service

France Telecom said it plans to send a boat to fix the problem and should have service restored to normal by December 31, according to Bloomberg.
"""


def test_by_an_abbreviated_month_and_its_day_is_a_date(tmp_path: Path) -> None:
    """Cause: "by Dec. 31" was read as "by Dec" (a month) and a count of 31, so it never met
    "by December 31"."""
    library = _library(tmp_path / "c", {"r12": REPAIR_12, "r11": REPAIR_11})
    day = _claim(library, "r12", "Dec. 31")
    assert day.kind == "date" and day.date is not None and day.date.value == "--12-31"
    assert not [c for c in library.claims("r12") if c.value_text == "31"]
    assert ("Dec. 31", "December 31") in _pairs(library, "r12", "r11", "agree")
