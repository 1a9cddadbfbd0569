"""The shipped place gazetteer: data derived by scripts/build_gazetteer.py, read lazily."""

import dataclasses

import pytest

from search_index.entities.gazetteer import (
    DATA_PATH,
    KINDS,
    Gazetteer,
    Place,
    load_gazetteer,
    place_key,
    read_lines,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _data() -> bytes:
    return DATA_PATH.read_bytes()


def test_it_loads_once_and_is_cached(gazetteer):
    assert isinstance(gazetteer, Gazetteer)
    assert load_gazetteer() is gazetteer
    assert len(gazetteer) > 10_000  # names


def test_the_data_file_stays_small():
    assert len(_data()) < 1_500_000


def test_every_row_is_well_formed_and_stored_clean():
    lines = read_lines(_data())
    assert lines
    for line in lines:
        name, place_id, canonical, kind, country, ambiguous = line.split("\t")
        assert name and place_id and canonical
        assert kind in KINDS
        assert ambiguous in ("0", "1")
        if kind == "country":
            assert country == place_id
        # The loader files a stored name under its casefold (less a leading "the ") without
        # cleaning it again: the build script must have written it clean.
        key = name.casefold()
        assert place_key(name) == (key[4:] if key.startswith("the ") else key)


def test_north_korea_by_its_short_and_official_names(gazetteer):
    short = gazetteer.lookup("North Korea")
    official = gazetteer.lookup("Democratic People's Republic of Korea")
    assert short is not None and official is not None
    assert short.id == official.id == "KP"
    assert official.name == "North Korea"
    assert official.kind == "country"
    assert official.country == "KP"
    assert not official.ambiguous


def test_south_korea_is_another_place(gazetteer):
    south = gazetteer.lookup("South Korea")
    assert south is not None
    assert south.id == "KR"
    assert south.id != gazetteer.lookup("North Korea").id
    assert gazetteer.lookup("Republic of Korea").id == "KR"


def test_korea_alone_is_neither_korea(gazetteer):
    # The sources give "Korea" to no place; whatever it may mean later, never one of the two.
    place = gazetteer.lookup("Korea")
    assert place is None or place.id not in {"KP", "KR"}


@pytest.mark.parametrize(
    ("name", "country"),
    [("Pyongyang", "KP"), ("Kursk", "RU"), ("Beijing", "CN"), ("Kyiv", "UA"), ("Kiev", "UA")],
)
def test_cities_with_their_country(gazetteer, name, country):
    place = gazetteer.lookup(name)
    assert place is not None
    assert place.kind == "city"
    assert place.country == country
    assert place.id.startswith("geo:")


def test_kiev_and_kyiv_are_one_city(gazetteer):
    assert gazetteer.lookup("Kiev").id == gazetteer.lookup("Kyiv").id
    assert gazetteer.lookup("Kiev").name == "Kyiv"


@pytest.mark.parametrize("name", ["United States", "the United States", "The United States"])
def test_a_leading_the_does_not_matter(gazetteer, name):
    place = gazetteer.lookup(name)
    assert place is not None
    assert place.id == "US"
    assert place.name == "United States"


def test_dashes_quotes_and_spaces_do_not_matter(gazetteer):
    assert gazetteer.lookup("Democratic People\u2019s Republic of Korea").id == "KP"
    assert gazetteer.lookup("North\u00a0Korea").id == "KP"
    assert gazetteer.lookup("North  Korea").id == "KP"
    assert gazetteer.lookup("Guinea\u2011Bissau").id == gazetteer.lookup("Guinea-Bissau").id


def test_the_first_letter_must_be_a_capital(gazetteer):
    assert gazetteer.lookup("pyongyang") is None
    assert gazetteer.lookup("north Korea") is None
    assert gazetteer.lookup("Pyongyang") is not None
    assert gazetteer.lookup("PYONGYANG") is not None  # an all-capitals headline


def test_acronyms_match_only_as_written(gazetteer):
    assert gazetteer.lookup("USA").id == "US"
    assert gazetteer.lookup("U.S.").id == "US"
    assert gazetteer.lookup("US").id == "US"
    assert gazetteer.lookup("Us") is None
    assert gazetteer.lookup("us") is None


@pytest.mark.parametrize("name", ["Reading", "Mobile", "Split", "Nice", "Van", "Batman"])
def test_places_named_like_english_words_are_ambiguous_or_absent(gazetteer, name):
    place = gazetteer.lookup(name)
    assert place is None or place.ambiguous


@pytest.mark.parametrize("name", ["Florence", "Eugene", "Jackson", "Lincoln", "Hamilton"])
def test_places_named_like_people_are_ambiguous_or_absent(gazetteer, name):
    place = gazetteer.lookup(name)
    assert place is None or place.ambiguous


@pytest.mark.parametrize("name", ["China", "Turkey", "Jordan", "Paris", "Houston", "England"])
def test_major_places_are_not_ambiguous(gazetteer, name):
    place = gazetteer.lookup(name)
    assert place is not None
    assert not place.ambiguous


def test_the_most_important_place_wins(gazetteer):
    assert gazetteer.lookup("Georgia").id == "GE"  # the country before the US state
    assert gazetteer.lookup("Washington").kind == "city"  # the capital before the state
    assert gazetteer.lookup("London").country == "GB"  # not London, Ontario
    assert gazetteer.lookup("California").kind == "admin1"
    assert gazetteer.lookup("Africa").kind == "continent"
    assert gazetteer.lookup("the Middle East").kind == "region"


def test_names_of(gazetteer):
    names = gazetteer.names_of("KP")
    assert names[0] == "North Korea"
    assert "Democratic People's Republic of Korea" in names
    assert all(gazetteer.lookup(name).id == "KP" for name in names)
    assert "Kiev" in gazetteer.names_of(gazetteer.lookup("Kyiv").id)
    assert gazetteer.names_of("no such place") == ()


def test_max_words_covers_the_longest_name(gazetteer):
    assert gazetteer.max_words >= len("Democratic People's Republic of Korea".split())
    longest = max(len(line.split("\t")[0].split()) for line in read_lines(_data()))
    assert gazetteer.max_words == longest


def test_contains(gazetteer):
    assert "North Korea" in gazetteer
    assert "Atlantis" not in gazetteer
    assert "pyongyang" not in gazetteer


def test_place_is_a_frozen_value():
    place = Place("KP", "North Korea", "country", "KP", ambiguous=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        place.name = "Korea"  # type: ignore[misc]
    assert place == Place("KP", "North Korea", "country", "KP", ambiguous=False)


def test_a_small_gazetteer_from_lines():
    gazetteer = Gazetteer(
        [
            "Springfield\tgeo:2\tSpringfield\tcity\tUS\t0",
            "Springfield\tgeo:1\tSpringfield\tcity\tUS\t0",
            "The Hague\tgeo:3\tThe Hague\tcity\tNL\t0",
        ]
    )
    assert gazetteer.lookup("Springfield").id == "geo:2"  # the first row wins
    assert gazetteer.lookup("Hague").id == "geo:3"
    assert gazetteer.lookup("the Hague").id == "geo:3"
    assert gazetteer.names_of("geo:3") == ("The Hague",)
    assert gazetteer.max_words == 2
