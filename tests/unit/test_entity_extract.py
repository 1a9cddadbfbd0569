"""The rule-based extractor on real text: the seed gold, and the rules one by one."""

import sys
import time

import pytest
from support.entity_eval import format_scores, load_gold, score

from search_index.entities.extract import RuleExtractor, name_key

TARGET_F1 = 0.85


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def spans(extractor, text, kind=None):
    return [
        (m.text, m.type) for m in extractor.extract(text).mentions if kind is None or m.type == kind
    ]


def test_seed_gold_f1_per_type(seed_library, extractor):
    texts = {a.id: a.text for a in seed_library.articles()}
    gold = load_gold(texts=texts)
    predicted = {
        i: [(m.start, m.end, m.type) for m in extractor.extract(t).mentions]
        for i, t in texts.items()
    }
    scores = score(gold, predicted)
    sys.stderr.write("\nseed entity scores\n" + format_scores(scores) + "\n")
    for kind in ("PERSON", "ORG", "PLACE"):
        assert scores[kind].f1 >= TARGET_F1, format_scores(scores)


def test_titles_and_cues_mark_people(extractor):
    text = (
        "Ukrainian President Volodymyr Zelensky met Prime Minister Keir Starmer in London. "
        "Zelensky said the talks went well, and spokesman Dmitry Peskov declined to comment."
    )
    found = spans(extractor, text, "PERSON")
    assert ("Volodymyr Zelensky", "PERSON") in found
    assert ("Keir Starmer", "PERSON") in found
    assert ("Dmitry Peskov", "PERSON") in found
    assert ("Zelensky", "PERSON") in found
    assert ("London", "PLACE") in spans(extractor, text, "PLACE")


def test_bare_surname_resolves_to_the_full_name(extractor):
    text = "Officials said Angela Merkel arrived on Monday. Later, Merkel spoke to reporters."
    mentions = [m for m in extractor.extract(text).mentions if m.type == "PERSON"]
    assert [m.text for m in mentions] == ["Angela Merkel", "Merkel"]
    assert mentions[0].key == mentions[1].key == name_key("Angela Merkel")


def test_organisations_by_suffix_acronym_and_definition(extractor):
    text = (
        "The World Health Organization (WHO) said on Tuesday that the Ministry of Health had "
        "asked Pfizer Inc for data. WHO officials met the Kenya Medical Research Institute."
    )
    found = spans(extractor, text, "ORG")
    assert ("World Health Organization", "ORG") in found
    assert ("WHO", "ORG") in found
    assert ("Ministry of Health", "ORG") in found
    assert ("Pfizer Inc", "ORG") in found
    assert ("Kenya Medical Research Institute", "ORG") in found
    aliases = extractor.extract(text).aliases
    assert any(a.short == "WHO" and a.full == "World Health Organization" for a in aliases)


def test_country_acronyms_and_defined_places(extractor):
    text = "Talks between the PRC and the DPRK stalled, officials in Seoul said."
    found = dict(spans(extractor, text))
    assert found["PRC"] == "PLACE" and found["DPRK"] == "PLACE" and found["Seoul"] == "PLACE"


def test_demonyms_are_not_entities(extractor):
    text = "North Korean troops joined Russian units, South Korean and Ukrainian officials said."
    assert spans(extractor, text, "PERSON") == []
    assert spans(extractor, text, "ORG") == []


def test_korea_north_and_south_stay_distinct(extractor):
    text = "North Korea fired a missile toward South Korea, and analysts across Korea worried."
    refs = {m.text: m.ref for m in extractor.extract(text).mentions if m.type == "PLACE"}
    assert refs["North Korea"] == "KP" and refs["South Korea"] == "KR"
    assert refs.get("Korea") not in ("KP", "KR")


def test_headline_names_come_from_the_article(extractor):
    text = "Merkel Visits Flooded Bavaria Towns\n\nChancellor Angela Merkel toured the region."
    found = spans(extractor, text)
    assert ("Merkel", "PERSON") in found
    assert ("Visits", "PERSON") not in found and ("Flooded", "PERSON") not in found


def test_dates_and_quantities(extractor):
    text = (
        "North Korea has sent more than 10,000 troops since October 2024, officials said on "
        "Sunday. The statues are two to three times life-size. The lake is 420 kilometres "
        "away and the project cost $12 million; thousands attended earlier this month."
    )
    found = spans(extractor, text)
    assert ("more than 10,000 troops", "QUANTITY") in found
    assert ("two to three times life-size", "QUANTITY") in found
    assert ("420 kilometres", "QUANTITY") in found
    assert ("$12 million", "QUANTITY") in found
    assert ("thousands", "QUANTITY") in found
    assert ("October 2024", "DATE") in found
    assert ("on Sunday", "DATE") in found
    assert ("earlier this month", "DATE") in found


def test_offsets_point_into_the_original_text(extractor, seed_library):
    article = seed_library.article("001")
    for mention in extractor.extract(article.text).mentions:
        assert article.text[mention.start : mention.end] == mention.text
    assert "Ju\u2011a\u2011e" in {m.text for m in extractor.extract(article.text).mentions}


def test_empty_and_entity_free_text(extractor):
    assert extractor.extract("").mentions == ()
    assert extractor.extract("nothing here but lower case words.").mentions == ()


def test_thousands_of_capitalised_words_are_handled_quickly(extractor):
    shouty = " ".join(f"Word{i} Capital Letters Everywhere" for i in range(3000)) + "."
    started = time.perf_counter()
    extraction = extractor.extract(shouty)
    # Not a timing test: a generous bound that only catches quadratic blow-ups.
    assert time.perf_counter() - started < 20
    assert all(m.end <= len(shouty) for m in extraction.mentions)


def test_markup_like_text_is_just_text(extractor):
    text = "[bold]Reuters[/] said [@click=app.quit]Boris Johnson[/] resigned."
    found = spans(extractor, text)
    assert ("Reuters", "ORG") in found
    assert ("Boris Johnson", "PERSON") in found


def test_a_quantity_never_crosses_a_line_break(extractor):
    text = "Death Toll from Floods Climbs to More Than 40\n\nFloodwaters submerged the town."
    quantities = [m.text for m in extractor.extract(text).mentions if m.type == "QUANTITY"]
    assert quantities == ["More Than 40"]


@pytest.mark.parametrize(
    ("text", "date", "quantity"),
    [
        ("In October 5,000 soldiers crossed.", "In October", "5,000 soldiers"),
        ("Since October 12,500 troops arrived.", "Since October", "12,500 troops"),
        ("In October 5,000,000 dollars were sent.", "In October", "5,000,000 dollars"),
        ("In October 5.5 million people voted.", "In October", "5.5 million people"),
        ("On May 1,500 people marched.", None, "1,500 people"),
        ("By March 3,000 had fled.", "By March", "3,000"),
    ],
)
def test_a_month_before_a_figure_is_not_a_day(extractor, text, date, quantity):
    # "October 5,000" used to be read as the date October 5: a day number followed by a digit
    # group or a decimal is the start of a figure.
    found = spans(extractor, text)
    dates = [t for t, kind in found if kind == "DATE"]
    assert dates == ([date] if date else [])
    assert (quantity, "QUANTITY") in found


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On October 5, 2024 the army moved.", "October 5, 2024"),
        ("On October 5 the army moved.", "October 5"),
        ("On October 5. Then it rained.", "October 5"),
        ("On October 5th, 2024 it rained.", "October 5th, 2024"),
        ("On October 12, 5,000 troops left.", "October 12"),
        ("since October 2024, officials said", "October 2024"),
        ("In October, troops crossed.", "In October"),
        ("On 5 October 2,000 troops left.", "5 October"),
    ],
)
def test_days_next_to_figures_are_still_days(extractor, text, date):
    assert [t for t, kind in spans(extractor, text) if kind == "DATE"] == [date]
