"""The claim diff on the seeds: the outcomes the product exists for."""

import pytest

from search_index.claims.align import verdict


def rows_between(library, a, b, status=None):
    comparison = library.compare(a, b)
    return [r for r in comparison.rows if status is None or r.status == status]


def values(row):
    return (row.a.value if row.a else None, row.b.value if row.b else None)


def test_troops_and_killed_conflict_between_002_and_003(seed_library):
    conflicts = {values(r) for r in rows_between(seed_library, "002", "003", "conflict")}
    assert ("11000", "14000") in conflicts
    assert ("1500", "6000") in conflicts


@pytest.mark.parametrize("other", ["001", "004"])
def test_museum_construction_date_conflicts(seed_library, other):
    conflicts = {values(r) for r in rows_between(seed_library, "002", other, "conflict")}
    assert ("2024-10", "2025-10") in conflicts


def test_001_and_002_troops_and_killed_conflict(seed_library):
    """Issue 12: the compatible "more than 10,000" no longer hides 001's "some 14,000 troops",
    and "of whom over 6,000 are reported killed" is the whole toll, not a part."""
    conflicts = {values(r) for r in rows_between(seed_library, "001", "002", "conflict")}
    assert ("14000", "11000") in conflicts
    assert ("6000", "1500") in conflicts


def test_001_and_003_agree_on_troops_and_killed(seed_library):
    agreed = {values(r) for r in rows_between(seed_library, "001", "003", "agree")}
    assert ("14000", "14000") in agreed
    assert ("6000", "6000") in agreed


def test_more_than_10000_and_about_14000_are_not_a_conflict(seed_library):
    rows = rows_between(seed_library, "000", "003")
    pair = next(r for r in rows if r.a and r.b and r.a.value == "10000" and r.b.value == "14000")
    assert pair.status == "compatible"


@pytest.mark.parametrize("article", ["000", "001", "002", "003", "004"])
def test_an_article_compared_with_itself_has_no_conflicts(seed_library, article):
    summary = seed_library.compare(article, article).summary
    assert summary["conflict"] == summary["compatible"] == 0  # nothing but agree rows
    assert summary["only_a"] == summary["only_b"] == 0
    assert summary["agree"] > 0


def test_swapping_sides_swaps_only_a_and_only_b(seed_library):
    ab = seed_library.compare("002", "003").summary
    ba = seed_library.compare("003", "002").summary
    assert ab["only_a"] == ba["only_b"] and ab["only_b"] == ba["only_a"]
    assert ab["conflict"] == ba["conflict"]


def test_conflict_rows_never_pair_unrelated_subjects(seed_library):
    for row in rows_between(seed_library, "002", "003", "conflict"):
        assert set(row.a.subject) & set(row.b.subject)


def test_claims_keep_sentence_offsets_and_attribution(seed_library):
    article = seed_library.article("003")
    claims = seed_library.claims("003")
    troops = next(c for c in claims if c.value == "14000")
    assert article.text[troops.start : troops.end] == troops.sentence
    assert article.text[troops.value_start : troops.value_end] == troops.value_text
    assert troops.attribution == "Reuters"
    killed = next(c for c in claims if c.value == "6000")
    assert killed.attribution == "Reuters"  # "The same report cited those sources ..."


def test_relative_dates_resolve_against_the_publication_date(seed_library):
    claims = seed_library.claims("000")
    october = next(c for c in claims if c.value_text.lower().startswith("in october"))
    assert october.value == "2025-10"


def test_verdict_is_symmetric(seed_library):
    claims = seed_library.claims("001") + seed_library.claims("003")
    for a in claims:
        for b in claims:
            if a.kind == b.kind:
                assert verdict(a, b) == verdict(b, a)


def _library_for(tmp_path, files):
    from search_index.library import Library

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    library = Library.open(tmp_path)
    library.refresh()
    return library


def test_hostile_numbers_are_handled(tmp_path):
    numbers = " ".join(f"Item {i} cost {i * 7} dollars." for i in range(1, 400))
    library = _library_for(
        tmp_path,
        {
            "none.txt": "A quiet report about nothing\n\nNothing was counted and nothing dated.\n",
            "many.txt": "A report full of numbers\n\n" + numbers + "\n",
            "urls.txt": "Links and ids everywhere today\n\n"
            "See https://example.org/2024/11/000123?id=4567 and ticket AB-1234-XY for details. "
            "Officials said 12 people were hurt.\n",
            "table.txt": "A table of figures\n\n| Aspect | Details |\n|---|---|\n"
            "| Troops Sent | 10,000+ personnel |\n| Start | October 2025 |\n",
            "year.txt": "Deployment report in brief\n\nIn 2024 Kim sent 11,000 troops to Russia.\n",
        },
    )
    assert library.claims("none") == []
    assert len(library.claims("many")) > 100
    url_values = {c.value for c in library.claims("urls")}
    assert "12" in url_values and "4567" not in url_values and "1234" not in url_values
    table = {c.value for c in library.claims("table")}
    assert {"10000", "2025-10"} <= table
    year = {(c.kind, c.value) for c in library.claims("year")}
    assert ("quantity", "11000") in year and ("date", "2024") in year
    assert ("quantity", "2024") not in year
    comparison = library.compare("many", "many")
    assert comparison.summary["conflict"] == 0


# Units written straight after the digits belong to the quantity: text, span, value, unit.
GLUED_UNITS = [
    ("a 10km stretch", "10km stretch", "10", "km"),
    ("temperatures reached 40C on Monday", "40C", "40", "C"),
    ("a US$5bn deal", "US$5bn deal", "5000000000", "USD"),
    ("costs of 5bn euros", "5bn euros", "5000000000", "EUR"),
    ("about 3.5m people", "about 3.5m people", "3500000", None),
    ("a grant of £3.5m.", "£3.5m", "3500000", "GBP"),
    ("a 12kg bag", "12kg bag", "12", "kg"),
    ("gusts of 100mph", "100mph", "100", "mph"),
    ("up to 20°C", "up to 20°C", "20", "C"),
    ("a 5,000MW plant", "5,000MW plant", "5000", "MW"),
    ("10-15km away", "10-15km", "10-15", "km"),
]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"), GLUED_UNITS, ids=[g[1] for g in GLUED_UNITS]
)
def test_a_unit_glued_to_the_digits_is_part_of_the_quantity(text, span, value, unit):
    from search_index.claims.values import parse_quantity
    from search_index.entities.values import find_quantities

    spans = [text[s:e] for s, e, _ in find_quantities(text)]
    assert spans == [span]
    quantity = parse_quantity(span)
    assert quantity is not None
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("on the 21st of May", []),  # an ordinal
        ("at 4pm local time", []),  # a time of day
        ("COVID19 and the G7, F16 jets and an A380", []),  # names with digits in them
        ("5G masts and 3D printers", ["5", "3"]),  # letters that are no unit stay out
        ("a 4x4 vehicle", ["4"]),
    ],
)
def test_letters_after_digits_that_are_no_unit_stay_out_of_the_quantity(text, spans):
    from search_index.entities.values import find_quantities

    assert [text[s:e] for s, e, _ in find_quantities(text)] == spans


def test_claims_read_glued_units(tmp_path):
    library = _library_for(
        tmp_path,
        {
            "heat.txt": "Heatwave grips the region\n\n"
            "Temperatures reached 44C in the city on Monday. "
            "The government approved a US$5bn relief package. "
            "Crews cleared a 12km stretch of highway.\n",
        },
    )
    claims = {(c.value, c.unit) for c in library.claims("heat")}
    assert {("44", "C"), ("5000000000", "USD"), ("12", "km")} <= claims


def test_power_and_energy_units_convert():
    from search_index.claims.values import compatible, parse_quantity, same_value

    gigawatts = parse_quantity("2.5GW")
    megawatts = parse_quantity("2,500 megawatts")
    assert gigawatts is not None and megawatts is not None
    assert (gigawatts.dimension, megawatts.dimension) == ("power", "power")
    assert same_value(gigawatts, megawatts)
    energy = parse_quantity("100kWh")
    assert energy is not None and (energy.unit, energy.dimension) == ("kWh", "energy")
    assert not compatible(energy, parse_quantity("100 kW"))


def test_soldiers_described_as_killed_are_no_toll(seed_library):
    """001 "posthumously awards the title of DPRK Hero to nine killed soldiers" names who the
    nine are, not how many died: beside 002's "upwards of 1,500" killed it is no conflict."""
    for other in ("002", "003"):
        for row in rows_between(seed_library, "001", other):
            if row.a is not None and row.a.value == "9":
                assert row.status != "conflict", (row.a.sentence, row.b and row.b.sentence)
    nine = next(c for c in seed_library.claims("001") if c.value == "9")
    assert nine.frame is not None and nine.frame.role == "killed" and nine.frame.described
