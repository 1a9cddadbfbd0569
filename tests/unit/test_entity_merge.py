"""Merging mentions into entities: spellings join, look-alikes stay apart."""

import pytest

from search_index.entities.extract import name_key
from search_index.entities.merge import merge_entities, same_person
from search_index.models import Alias, Extraction, Mention


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("Kim Jong-un", "Kim Jong\u2011un"),
        ("Ju Ae", "Ju-ae"),
        ("Ju Ae", "Ju\u2011a\u2011e"),
        ("Muammar Gaddafi", "Moammar Qadhafi"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Donald Trump", "Donald J. Trump"),
    ],
)
def test_spelling_variants_are_one_person(a, b):
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Jong-il"),
        ("Kim Jong-un", "Kim Yo-jong"),
        ("Jim Mattis", "Jim Baker"),
        ("Joe Biden", "Hunter Biden"),
        ("Kim", "Kim Jong-un"),  # a bare surname is joined only inside its own article
    ],
)
def test_look_alikes_stay_apart(a, b):
    assert not same_person(a, b)


def test_name_key_closes_up_spellings():
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un") == name_key("Kim Jong\u2011un")
    assert name_key("the United States") == name_key("United States")
    assert name_key("Memiş") == "memis"
    assert name_key("Korea") != name_key("North Korea") != name_key("South Korea")


def _m(text, kind, key=None, ref=None, start=0):
    return Mention(start, start + len(text), kind, text, key or name_key(text), ref)


def test_merge_across_articles_with_aliases_refs_and_variants():
    extractions = {
        "a": Extraction(
            (
                _m("Kim Jong-un", "PERSON"),
                _m("Kim", "PERSON", key=name_key("Kim Jong-un")),
                _m("DPRK", "PLACE"),
                _m("Democratic People's Republic of Korea", "PLACE", ref="KP"),
                _m("Muammar Gaddafi", "PERSON"),
            ),
            (Alias("DPRK", "Democratic People's Republic of Korea"),),
        ),
        "b": Extraction(
            (
                _m("Kim Jong Un", "PERSON"),
                _m("Kim Jong Un", "PERSON"),
                _m("North Korea", "PLACE", ref="KP"),
                _m("South Korea", "PLACE", ref="KR"),
                _m("Korea", "PLACE"),
                _m("Moammar Qadhafi", "PERSON"),
                _m("Kim Jong-il", "PERSON"),
            )
        ),
    }
    names = {"KP": "North Korea", "KR": "South Korea"}
    table = merge_entities(extractions, names.get)
    by_name = {e.name: e for e in table.entities}

    kim = table.find("Kim Jong-un", "PERSON")
    assert kim is not None and kim.mentions == 4 and kim.sources == ("a", "b")
    assert set(kim.variants) == {"Kim Jong-un", "Kim", "Kim Jong Un"}
    assert kim.name == "Kim Jong Un"  # most used of the complete forms
    assert table.find("Kim Jong-il", "PERSON") is not kim

    north = by_name["North Korea"]
    assert set(north.variants) == {"DPRK", "Democratic People's Republic of Korea", "North Korea"}
    assert table.find("DPRK") is north
    assert by_name["South Korea"] is not north
    assert by_name["Korea"] is not north

    assert table.find("Moammar Qadhafi") is table.find("Muammar Gaddafi")
    # most mentioned first
    assert table.entities[0] is kim


def test_empty_corpus_has_no_entities():
    assert merge_entities({}).entities == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "Memorial Museum of Combat Feats at the Overseas Military Operations",
            "Memorial Museum of Combat Feats in Overseas Military Operations",
            True,
        ),
        ("Memorial Museum of Combat Feats", "Memorial Museum of Combat Feats at the Front", True),
        ("528th Regiment", "528th Regiment of Engineers", True),
        ("Korean Central News Agency", "Korean Central News Agency", True),
        ("Bank of England", "Bank of Canada", False),
        ("Ministry of Defence", "Ministry of Finance", False),
        ("Reuters", "Reuters Institute", False),
    ],
)
def test_organisation_spellings(a, b, same):
    from search_index.entities.merge import same_organisation

    assert same_organisation(a, b) is same
