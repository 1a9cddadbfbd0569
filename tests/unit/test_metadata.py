"""Inferring headline, outlet, publication date and clean body from scraped article text."""

from datetime import datetime

import pytest
from support import SEEDS

from search_index.metadata import PARAGRAPH_BREAK, Inferred, infer_metadata, parse_published
from search_index.models import PublishedDate
from search_index.text import strip_controls


def seed_text(stem: str) -> str:
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    return strip_controls(path.read_text(encoding="utf-8"))


def seed(stem: str) -> Inferred:
    return infer_metadata(seed_text(stem))


def body_lines(inferred: Inferred) -> list[str]:
    return inferred.body.split(PARAGRAPH_BREAK)


# --- the seed corpus ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        (
            "000",
            "North Korea's Kim inspects sculptures, artwork honoring soldiers killed in "
            "Ukraine war",
        ),
        ("001", "Kim Jong-un Reviews Giant Sculptures for Ukraine War Memorial Museum"),
        ("002", "North Korea unveils sculptures of soldiers killed fighting against Ukraine"),
        (
            "003",
            "Kim Jong Un inspects memorial sculptures for North Korean troops killed fighting in "
            "Ukraine",
        ),
        ("004", "Kim Jong-un Inspects North Korea Russia War Memorial Site in Pyongyang"),
    ],
)
def test_seed_titles(stem, title):
    assert seed(stem).title == title


@pytest.mark.parametrize(
    ("stem", "outlet"),
    [("000", None), ("001", None), ("002", "The Insider"), ("003", None), ("004", None)],
)
def test_seed_outlets_only_when_stated(stem, outlet):
    # 000 quotes KCNA, 002 says "Yonhap reports", 003 says "Reuters said": attributions only.
    assert seed(stem).outlet == outlet


def test_seed_000_date_prefers_the_precise_published_line():
    assert seed("000").published == PublishedDate(datetime(2026, 1, 26, 15, 31), has_time=True)


@pytest.mark.parametrize("stem", ["001", "002", "003", "004"])
def test_seeds_without_a_date_line_have_no_date(stem):
    # 001's "Jan 25, 2026" sits in a paragraph and its timeline; 002 says "In October 2024".
    assert seed(stem).published is None


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_seed_bodies_are_clean_lines_of_the_original_text(stem):
    text = seed_text(stem)
    original_lines = {line.strip() for line in text.split("\n")}
    lines = body_lines(seed(stem))
    assert lines and all(lines)
    assert all(line == line.strip() for line in lines)
    assert all(line in original_lines for line in lines)


def test_seed_000_body_loses_the_header_lines():
    inferred = seed("000")
    lines = body_lines(inferred)
    assert lines[0].startswith("North Korean leader Kim Jong-un inspected sculptures")
    assert lines[-1].startswith("The Mansudae Art Studio is a leading state-run art studio")
    assert "Published:" not in inferred.body
    assert "inspects sculptures, artwork honoring" not in inferred.body
    assert len(lines) == 12


def test_seed_001_body_keeps_sections_and_timeline_but_not_chrome():
    inferred = seed("001")
    lines = body_lines(inferred)
    assert lines[0].startswith("Inspection of Oversized Combat Sculptures at Mansudae Studio")
    assert "Timeline" in lines
    assert lines[-1].startswith("Jan\u202f25,\u202f2026 \u2013 Kim Jong\u2011un visits")
    for chrome in (
        "Top Headlines",
        "Feeds",
        "Updated (6 articles)",
        "Sources (1 articles)",
        "All related articles (6 articles)",
    ):
        assert chrome not in lines
    assert "Reviews Giant Sculptures" not in inferred.body
    # Original characters survive: non-breaking hyphens and narrow no-break spaces.
    assert "state\u2011run" in inferred.body and "Jan\u202f25,\u202f2026" in inferred.body


def test_seed_002_body_starts_after_the_outlet_line():
    inferred = seed("002")
    lines = body_lines(inferred)
    assert lines[0].startswith("North Korea has begun building a memorial museum")
    assert lines[-1].startswith("In October 2024, North Korea laid the foundation")
    assert len(lines) == 5
    assert "Subscribe" not in inferred.body
    assert "News" not in lines and "The Insider" not in lines


def test_seed_003_body_is_everything_after_the_headline():
    lines = body_lines(seed("003"))
    assert lines[0].startswith("North Korea's leader has visited a state art studio")
    assert lines[-1] == "Analysts also estimate Pyongyang can call on a further 600,000 reservists."
    assert len(lines) == 18


def test_seed_004_body_keeps_subheadings_and_table_but_drops_the_tail():
    inferred = seed("004")
    lines = body_lines(inferred)
    assert lines[0].startswith("North Korean leader Kim Jong-un inspected the construction")
    assert "First Overseas Combat Museum in DPRK History" in lines
    assert "Kim Jong-un Russia Ukraine War Memorial Inspection Details" in lines
    assert "| Aspect | Details |" in lines and "|---|---|" in lines
    assert "| Start of Construction | October 2025 |" in lines
    assert lines[-1].startswith("While North Korea hasn't officially confirmed")
    for gone in (
        "AI-generated",
        "Related Articles",
        "Chinese and Russian leaders",
        "Thoughts",
        "Share your thoughts",
        "Sign in to join the conversation",
    ):
        assert gone not in inferred.body


# --- realistic articles from elsewhere ------------------------------------------------------

WIRE_DISASTER = """Skip to main content
Menu
World
Powerful earthquake strikes off coast of Chile, killing at least 12
By Jane Doe | Associated Press
Updated 10:02 AM EDT, March 5, 2024
SANTIAGO, Chile (AP) \u2014 A powerful magnitude 7.4 earthquake struck off the coast of central \
Chile on Tuesday, killing at least 12 people and toppling buildings, officials said.
Rescue crews worked through the night to reach people trapped under rubble in Valpara\u00edso.
\u201cWe felt the ground move for almost a minute,\u201d said resident Carlos Mu\u00f1oz, 54.
Copyright 2024 The Associated Press. All rights reserved.
"""

BUSINESS_BBC = """We use cookies to give you the best experience on our website. By continuing to \
browse, you agree to our cookie policy.
Accept all cookies
Home
Business
Shares in carmaker slump after profit warning - BBC News
5 March 2024
Shares in carmaker Stellar Motors fell 12% on Tuesday after the company cut its profit forecast.
The firm blamed weaker demand in China and higher costs for batteries.
Analysts urged investors to subscribe to the new bond issue regardless.
"This is a significant reset," said one analyst.
The company's chief executive said the AI-generated forecast tool had not been at fault.
More from BBC Business
Oil prices rise as supply worries grow
Bank of England holds interest rates
"""

POLITICS_REUTERS = """Macron names new prime minister after weeks of political deadlock
PARIS (Reuters) - French President Emmanuel Macron on Thursday named a new prime minister, \
ending weeks of deadlock after elections left no party with a majority.
In October 2024, the previous government collapsed after a no-confidence vote.
Jan 25, 2026 is the date by which the budget must pass, lawmakers said.
The appointment was welcomed by centrist lawmakers, while the left said it would file a motion.
"""

LOCAL_PERSON_BYLINE = """City council approves new budget after marathon session
By Maria Lopez
The city council voted 7-2 late Tuesday to approve a $1.2 billion budget that expands bus \
service and hires 40 new firefighters.
Council member Dana Reyes said the vote was "a long time coming."
"""


def test_wire_service_disaster_story():
    inferred = infer_metadata(WIRE_DISASTER)
    assert inferred.title == "Powerful earthquake strikes off coast of Chile, killing at least 12"
    assert inferred.outlet == "Associated Press"
    assert inferred.published == PublishedDate(datetime(2024, 3, 5, 10, 2), has_time=True)
    lines = body_lines(inferred)
    assert lines[0].startswith("SANTIAGO, Chile (AP) \u2014 A powerful")
    assert lines[-1].startswith("\u201cWe felt the ground move")
    assert "By Jane Doe" not in inferred.body and "Copyright" not in inferred.body
    assert "Menu" not in lines


def test_business_story_with_site_suffix_and_cookie_banner():
    inferred = infer_metadata(BUSINESS_BBC)
    assert inferred.title == "Shares in carmaker slump after profit warning"
    assert inferred.outlet == "BBC News"
    assert inferred.published == PublishedDate(datetime(2024, 3, 5))
    lines = body_lines(inferred)
    assert lines[0].startswith("Shares in carmaker Stellar Motors fell 12%")
    assert "cookie" not in inferred.body.lower()
    # Prose that merely uses chrome words stays.
    assert "Analysts urged investors to subscribe to the new bond issue regardless." in lines
    assert any("AI-generated forecast tool" in line for line in lines)
    # "More from ..." in the latter half ends the article.
    assert lines[-1].startswith("The company's chief executive said")
    assert "Oil prices" not in inferred.body


def test_politics_story_with_reuters_dateline():
    inferred = infer_metadata(POLITICS_REUTERS)
    assert inferred.title == "Macron names new prime minister after weeks of political deadlock"
    assert inferred.outlet == "Reuters"
    assert inferred.published is None  # dates inside paragraphs are not publication dates
    assert body_lines(inferred)[0].startswith("PARIS (Reuters) - French President")
    assert len(body_lines(inferred)) == 4


def test_person_only_byline_is_not_an_outlet():
    inferred = infer_metadata(LOCAL_PERSON_BYLINE)
    assert inferred.title == "City council approves new budget after marathon session"
    assert inferred.outlet is None
    assert inferred.published is None
    assert body_lines(inferred)[0].startswith("The city council voted 7-2")
    assert "Maria Lopez" not in inferred.body


def test_bare_name_byline_and_guardian_style_date():
    text = (
        "Ministers face backlash over plan to scrap housing targets | The Guardian\n"
        "Councils say the change will slow construction across England\n"
        "Jane Doe\n"
        "Tue 14 Mar 2023 09.30 GMT\n"
        "Ministers were facing a backlash on Tuesday after plans emerged to scrap targets.\n"
    )
    inferred = infer_metadata(text)
    assert inferred.title == "Ministers face backlash over plan to scrap housing targets"
    assert inferred.outlet == "The Guardian"
    assert inferred.published == PublishedDate(datetime(2023, 3, 14, 9, 30), has_time=True)
    assert body_lines(inferred) == [
        "Councils say the change will slow construction across England",
        "Ministers were facing a backlash on Tuesday after plans emerged to scrap targets.",
    ]


def test_masthead_above_headline_and_update_date_is_not_the_publication_date():
    text = (
        "The Kyiv Independent\n"
        "Russian strikes hit Ukraine's energy grid overnight\n"
        "Updated: March 5, 2024 10:02 AM\n"
        "Published: March 4, 2024\n"
        "Russian missiles struck power plants in five regions overnight, officials said.\n"
    )
    inferred = infer_metadata(text)
    assert inferred.title == "Russian strikes hit Ukraine's energy grid overnight"
    assert inferred.outlet == "The Kyiv Independent"
    assert inferred.published == PublishedDate(datetime(2024, 3, 4))
    assert body_lines(inferred) == [
        "Russian missiles struck power plants in five regions overnight, officials said."
    ]


def test_source_and_copyright_lines_name_the_outlet_and_leave_the_body():
    text = (
        "Typhoon makes landfall in southern Japan, thousands evacuated\n"
        "A powerful typhoon made landfall on Tuesday, forcing thousands from their homes.\n"
        "Officials ordered evacuations along the coast.\n"
        "Source: Kyodo News\n"
    )
    inferred = infer_metadata(text)
    assert inferred.outlet == "Kyodo News"
    assert "Source:" not in inferred.body
    notice = "\u00a9 2024 The Japan Times. All rights reserved."
    copyrighted = text.replace("Source: Kyodo News", notice)
    inferred = infer_metadata(copyrighted)
    assert inferred.outlet == "The Japan Times"
    assert "rights reserved" not in inferred.body
    # A person holding the copyright (a blog, a freelancer) is not an outlet.
    personal = infer_metadata(text.replace("Source: Kyodo News", "Copyright 2024 Jane Doe"))
    assert personal.outlet is None
    assert "Jane Doe" not in personal.body


@pytest.mark.parametrize("separator", [">", "\u00bb", "\u203a", "|", "/"])
def test_breadcrumbs_share_buttons_and_early_related_header_are_dropped(separator):
    text = (
        f"Home {separator} World {separator} Asia\n"
        "Typhoon makes landfall in southern Japan, thousands evacuated\n"
        "5 min read\n"
        "Share this article\n"
        "A powerful typhoon made landfall on Tuesday, forcing thousands from their homes.\n"
        "Related stories\n"
        "Officials ordered evacuations along the coast as rivers rose through the afternoon.\n"
        "Advertisement\n"
        "Rail services across the region were suspended until further notice, operators said.\n"
        "Schools in three prefectures will stay closed on Wednesday, local authorities said.\n"
    )
    inferred = infer_metadata(text)
    assert inferred.title == "Typhoon makes landfall in southern Japan, thousands evacuated"
    assert body_lines(inferred) == [
        "A powerful typhoon made landfall on Tuesday, forcing thousands from their homes.",
        "Officials ordered evacuations along the coast as rivers rose through the afternoon.",
        "Rail services across the region were suspended until further notice, operators said.",
        "Schools in three prefectures will stay closed on Wednesday, local authorities said.",
    ]


def test_text_that_starts_with_prose_has_no_title():
    text = (
        "Rescue workers searched through the night for survivors after floodwaters swept through "
        "the valley, officials said. At least 30 people were missing on Wednesday morning.\n"
        "Heavy rain\n"
        "Emergency Shelters Open Across the Flooded Valley Region\n"
    )
    inferred = infer_metadata(text)
    assert inferred.title is None
    assert body_lines(inferred) == [line for line in text.split("\n") if line]


def test_invalid_date_line_gives_no_date():
    text = "Storm batters coast as residents flee inland\nPublished: 31 Feb 2024\nWaves rose.\n"
    inferred = infer_metadata(text)
    assert inferred.published is None
    assert inferred.title == "Storm batters coast as residents flee inland"


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "   \n \t \n",
        "x" * 500_000,
        "word " * 100_000,
        "(" * 10_000,
        "By " + "A" * 10_000,
        "\u00a9 " + "x " * 10_000,
        "Jan " * 5_000 + "2024",
        "---\n|\n-\n",
    ],
)
def test_never_raises(text):
    inferred = infer_metadata(text)
    assert isinstance(inferred, Inferred)
    assert all(
        line and line in text for line in inferred.body.split(PARAGRAPH_BREAK) if inferred.body
    )


def test_single_line_without_newline():
    inferred = infer_metadata("Floods kill 12 in northern Italy")
    assert inferred.title == "Floods kill 12 in northern Italy"
    assert inferred.body == ""
    assert infer_metadata("Hello").body == "Hello"


# --- parsing dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2026-01-26", PublishedDate(datetime(2026, 1, 26))),
        ("Published: 26 Jan. 2026, 15:31", PublishedDate(datetime(2026, 1, 26, 15, 31), True)),
        ("TUESDAY 14 MARCH 2023", PublishedDate(datetime(2023, 3, 14))),
        ("Last Updated: Friday, 3 June 2011", PublishedDate(datetime(2011, 6, 3))),
        ("Updated: March 5, 2024 10:02 AM", PublishedDate(datetime(2024, 3, 5, 10, 2), True)),
        ("Updated 10:02 AM EDT, March 5, 2024", PublishedDate(datetime(2024, 3, 5, 10, 2), True)),
        ("Jan 25, 2026", PublishedDate(datetime(2026, 1, 25))),
        ("Jan\u202f25,\u202f2026", PublishedDate(datetime(2026, 1, 25))),
        ("2024-03-05T10:02:00Z", PublishedDate(datetime(2024, 3, 5, 10, 2), True)),
        ("2024-03-05 22:15:00+09:00", PublishedDate(datetime(2024, 3, 5, 22, 15), True)),
        ("5 March 2024", PublishedDate(datetime(2024, 3, 5))),
        ("sept. 3rd, 2023 at 4 p.m.", PublishedDate(datetime(2023, 9, 3, 16, 0), True)),
        ("Tue 14 Mar 2023 09.30 GMT", PublishedDate(datetime(2023, 3, 14, 9, 30), True)),
        ("Posted on March 5, 2024 at 12:05 am", PublishedDate(datetime(2024, 3, 5, 0, 5), True)),
        ("2024/03/05", PublishedDate(datetime(2024, 3, 5))),
        ("05.03.2024", PublishedDate(datetime(2024, 3, 5))),
        ("  DEC 1 2025  ", PublishedDate(datetime(2025, 12, 1))),
    ],
)
def test_parse_published(text, expected):
    assert parse_published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31 Feb 2024",
        "2024-02-30",
        "2023-13-01",
        "Published: 30 February 2024",
        "13:61, 5 March 2024",
        "25:00 5 March 2024",
        "13 PM, 5 March 2024",
        "5 March 1066",
        "March 2024",
        "In October 2024",
        "Kim visited the studio on Jan 25, 2026 and examined sculptures",
        "Updated (6 articles)",
        "",
        "date",
    ],
)
def test_parse_published_rejects(text):
    assert parse_published(text) is None


def test_headline_suffix_naming_the_dateline_outlet_is_removed():
    text = (
        "Earthquake in Turkey kills 19, dozens trapped - Reuters\n"
        "ISTANBUL (Reuters) - An earthquake of magnitude 6.1 hit western Turkey on Tuesday, "
        "killing 19 people, the health minister said.\n"
    )
    inferred = infer_metadata(text)
    assert inferred.outlet == "Reuters"
    assert inferred.title == "Earthquake in Turkey kills 19, dozens trapped"


def test_inferred_title_and_outlet_are_single_clean_lines():
    # As infer_metadata may be given text that did not come through strip_controls.
    text = (
        "Kim\tvisits a new \x1b[2Jfactory in the north\n"
        "By Jane Doe | The\tKorea\x07 Herald\n\n"
        "North Korean leader Kim Jong Un visited a factory on Monday, state media said. "
        "More text follows here.\n"
    )
    inferred = infer_metadata(text)
    assert inferred.title == "Kim visits a new factory in the north"
    assert inferred.outlet == "The Korea Herald"


def test_rare_dashes_fold_for_metadata_inference():
    # U+FE31 is a presentation-form em dash: folded, the dateline reads "(Reuters) -".
    text = (
        "Quake strikes off the coast of Japan\n\n"
        "TOKYO (Reuters) \ufe31 A strong earthquake struck off the coast on Monday, officials "
        "said. More text follows here.\n"
    )
    assert infer_metadata(text).outlet == "Reuters"


# Header lines of ECB+ reports (ecbplus-dev t35-plus, 35_10ecbplus and 35_5ecbplus): a date line
# that opens with "on", the preposition of "published on" without the label.
@pytest.mark.parametrize(
    ("line", "day"),
    [("on Feb. 04, 2009", 4), ("on February 4, 2009", 4), ("on Sunday, February 1, 2009", 1)],
)
def test_date_line_opening_with_on(line: str, day: int) -> None:
    text = f"San Diego lineman arrested on suspicion of DUI\n\n{line}\nWilliams was pulled over.\n"
    inferred = infer_metadata(text)
    assert inferred.published == PublishedDate(value=datetime(2009, 2, day), has_time=False)
    assert inferred.title == "San Diego lineman arrested on suspicion of DUI"


def test_sentence_opening_with_on_and_a_date_is_no_date_line() -> None:
    text = (
        "San Diego lineman arrested on suspicion of DUI\n\n"
        "On Feb. 4, 2009, the team said Williams had been released.\nMore text.\n"
    )
    assert infer_metadata(text).published is None


# ecbplus-dev t29-plus (29_3ecbplus): a time with a bare "p" for p.m. on the date line.
def test_date_line_with_a_short_pm_time() -> None:
    text = "Colts beat Chiefs 20-13\n\non Dec 23 2012, 5:03p\nAndrew Luck threw for 205 yards.\n"
    inferred = infer_metadata(text)
    assert inferred.published == PublishedDate(value=datetime(2012, 12, 23, 17, 3), has_time=True)
    assert "5:03p" not in inferred.body


# ecbplus-dev t43-plus (43_2ecbplus, lines 1-5): a press release's dateline, the place in
# capitals and a dash before the date.
def test_press_release_dateline_with_place() -> None:
    text = (
        "AMD to Acquire SeaMicro: Accelerates Disruptive Server Strategy\n\n"
        "SeaMicro Low-Power, High-Bandwidth Microserver Solutions Set the Stage for AMD\u2019s "
        "Disruptive Approach To Lead Fast-Growing Cloud Data Center Market\n"
        "SUNNYVALE, Calif. \u20142/29/2012\n"
        "AMD (NYSE: AMD) today announced it has signed a definitive agreement to acquire "
        "SeaMicro.\n"
    )
    inferred = infer_metadata(text)
    assert inferred.published == PublishedDate(value=datetime(2012, 2, 29), has_time=False)
    assert "2/29/2012" not in inferred.body


def test_a_sentence_after_a_place_and_a_date_is_no_dateline() -> None:
    text = (
        "AMD to Acquire SeaMicro\n\n"
        "PARIS, France \u2014 12 January 2010 \u2014 the company said it would buy a rival.\n"
        "More text.\n"
    )
    assert infer_metadata(text).published is None
