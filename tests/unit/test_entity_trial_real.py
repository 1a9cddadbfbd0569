"""Entities on a story no other test uses (issue 17, fifth session: a user trial): a football
player's drunk-driving arrest. Roles and offices are no people, initials are part of a name, a
team before a player is no part of the player's name.

The sentences are copied from the ECB+ corpus, ecbplus-dev t35-plus (Agata Cybulska and Piek
Vossen, "Using a sledgehammer to crack a nut? Lexical diversity and event coreference
resolution", LREC 2014; the articles were collected from the web by the corpus authors, whose
release notes say the texts are not copyrighted; the annotation is CC BY 3.0). Each test names
the file it quotes (35_Nplus is 35_Necbplus.txt).
"""

import pytest
from support.entity_names import names

from search_index.entities.extract import RuleExtractor


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def people(extractor: RuleExtractor, text: str) -> set[str]:
    return {text for kind, text in names(extractor, text) if kind == "PERSON"}


def test_a_role_inside_the_name_of_a_prize_is_no_title(extractor):
    # ECB+ corpus, ecbplus-dev t35-plus, file 35_1plus
    text = (
        "Williams, an 11-year veteran, shared the team's Most Valuable Player Award with "
        "quarterback Philip Rivers this season.\n"
    )
    assert people(extractor, text) == {"Philip Rivers"}


def test_a_place_a_role_and_a_name_still_split(extractor):
    # What the prize rule must not do: "<place> <role> <name>" keeps its person.
    text = "Santa Monica City Attorney Terry White said the case would go ahead.\n"
    assert "Terry White" in people(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # ECB+ corpus, ecbplus-dev t35-plus, file 35_9plus
        "The City Attorney's Office is considering whether to file misdemeanor drunk-driving "
        "charges against Chargers defensive lineman Jamal Williams.\n",
        # ECB+ corpus, ecbplus-dev t35-plus, file 35_9plus
        "City Attorney spokeswoman Gina Coburn said the case remains under review and is being "
        "investigated further.\n",
        # ECB+ corpus, ecbplus-dev t35-plus, file 35_1plus
        "The City Attorney's office said the case hadn't been submitted as of Tuesday.\n",
    ],
)
def test_an_office_of_a_kind_of_place_is_no_person(extractor, text):
    assert not any("Attorney" in name for name in people(extractor, text))


def test_a_name_ending_in_a_title_word_stays_a_person(extractor):
    # What the office rule must not do: a family name that is also a title ("King").
    text = "Billy King said the team would decide on Monday.\n"
    assert people(extractor, text) == {"Billy King"}


@pytest.mark.parametrize(
    "text",
    [
        # ECB+ corpus, ecbplus-dev t35-plus, file 35_1plus
        '"It\'s disappointing to hear about the issue involving Jamal Williams," general manager '
        "A.J. Smith said in a statement released by the team.\n",
        # ECB+ corpus, ecbplus-dev t35-plus, file 35_11plus
        "The team's general manager, A.J. Smith said that we'll continue to monitor the "
        "situation.\n",
        # ECB+ corpus, ecbplus-dev t35-plus, file 35_7plus
        "Chargers general manager A.J. Smith did not return a call.\n",
    ],
)
def test_initials_before_a_family_name_are_the_persons_given_names(extractor, text):
    found = names(extractor, text)
    assert ("PERSON", "A.J. Smith") in found
    assert not any(kind == "ORG" and "A.J." in name for kind, name in found)


def test_the_family_name_alone_is_then_the_same_person(extractor):
    # ECB+ corpus, ecbplus-dev t35-plus, file 35_1plus
    text = (
        '"It\'s disappointing to hear about the issue involving Jamal Williams," general manager '
        'A.J. Smith said in a statement released by the team.\n"The Chargers have always been '
        'leaders and positive contributors to our community," Smith added.\n'
    )
    smith = [m for m in extractor.extract(text).mentions if m.text == "Smith"]
    assert [(m.type, m.key) for m in smith] == [("PERSON", "ajsmith")]


@pytest.mark.parametrize(
    "text", ["Shares of U.S. Steel fell on Monday.\n", "The L.A. Galaxy won.\n"]
)
def test_initials_that_spell_a_place_are_no_given_names(extractor, text):
    assert people(extractor, text) == set()


def test_a_plurals_possessive_glued_to_the_next_word_is_two_words(extractor):
    # ECB+ corpus, ecbplus-dev t35-plus, file 35_11plus ("Chargers'Most": no space after it)
    text = (
        "Williams is an 11-year veteran and recipient of the Chargers\u2019Most Valuable Player "
        "Award this season.\n"
    )
    found = names(extractor, text)
    assert ("ORG", "Chargers") in found
    assert not any(kind == "PERSON" for kind, _ in found)


def test_the_glued_possessive_opens_no_name_of_its_own(extractor):
    # ECB+ corpus, ecbplus-dev t35-plus, file 35_5plus (the headline, then its sentences)
    text = (
        "Chargers\u2019Jamal Williams Arrested For DUI\n\n"
        "San Diego Chargers defensive tackle Jamal Williams was arrested early Sunday.\n"
    )
    assert people(extractor, text) == {"Jamal Williams"}


def test_an_apostrophe_inside_a_name_stays_inside_it(extractor):
    # What the split must not do: "O'Brien", "Mus'ab" have the apostrophe after a few letters.
    text = "Conan O'Brien met Mus'ab al-Zarqawi's brother on Monday.\n"
    assert people(extractor, text) == {"Conan O'Brien", "Mus'ab al-Zarqawi"}


def test_a_players_position_opening_the_sentence_is_his_title(extractor):
    # ECB+ corpus, ecbplus-dev t35-plus, file 35_3plus
    text = (
        "Linebacker Steve Foley was shot three times by an off-duty Coronado police officer who "
        "followed Foley from downtown to the player's home in Poway.\n"
    )
    found = [(m.type, m.text, m.key) for m in extractor.extract(text).mentions]
    assert ("PERSON", "Steve Foley", "stevefoley") in found
    assert ("PERSON", "Foley", "stevefoley") in found


def test_a_position_word_before_one_name_is_left_alone(extractor):
    # What the rule must not do: a position word with one capitalised word after it is no
    # title of a full name ("Center Parcs" is left to the other rules, as before).
    assert not any(
        m.text == "Parcs" for m in extractor.extract("Center Parcs opened a new site.\n").mentions
    )


def test_a_team_owning_a_player_by_name_is_no_part_of_his_name(extractor):
    # ECB+ corpus, ecbplus-dev t35-plus, file 35_1plus (headline and first sentence)
    text = (
        "Chargers' Jamal Williams arrested on DUI suspicion\n\n"
        "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving, "
        "the team's second such arrest in less than a month.\n"
    )
    found = [(m.type, m.text) for m in extractor.extract(text).mentions if m.type != "DATE"]
    assert found.count(("ORG", "Chargers")) == 2
    assert found.count(("PERSON", "Jamal Williams")) == 2
    assert not any("Chargers" in name for kind, name in found if kind == "PERSON")


def test_a_plurals_possessive_inside_a_bodys_name_stays(extractor):
    # What the rule must not do: a plural's possessive inside a body's name.
    text = "The Workers' Party Central Committee met on Monday.\n"
    assert names(extractor, text) == {("ORG", "Workers' Party Central Committee")}


def test_a_role_after_the_possessive_is_left_to_the_role_rule(extractor):
    # What the rule must not do: take "Coach" into the person's name.
    assert people(extractor, "Sixers' Coach Jim O'Brien spoke on Monday.\n") == {"Jim O'Brien"}


def test_an_unknown_acronym_before_a_full_name_is_a_role(extractor):
    # ECB+ corpus, ecbplus-dev t35-plus, file 35_8plus ("NT": a nose tackle)
    text = (
        "In the steeped NFL tradition of drinking and driving, Chargers NT Jamal Williams is "
        "doing his part to uphold the tradition.\n"
    )
    assert names(extractor, text) == {
        ("ORG", "NFL"),
        ("ORG", "Chargers"),
        ("PERSON", "Jamal Williams"),
    }


def test_a_clubs_letters_are_no_role(extractor):
    # What the rule must not do: "FC" is part of the club's name, not Chelsea's officer.
    assert ("ORG", "Chelsea") not in names(extractor, "Chelsea FC Jose Mourinho spoke.\n")


def test_an_acronym_the_article_defines_is_no_role(extractor):
    # What the rule must not do: the article says what "NTS" is.
    text = "The Nose Tackle Society (NTS) said NTS Jamal Williams was no member.\n"
    assert ("ORG", "NTS") in names(extractor, text)


def test_a_team_or_one_of_its_members_before_a_full_name_is_no_part_of_it(extractor):
    # ECB+ corpus, ecbplus-dev t35-plus, file 35_8plus (headline and first sentences)
    text = (
        "Chargers Jamal Williams arrested for DUI\n\n"
        "In the steeped NFL tradition of drinking and driving, Chargers NT Jamal Williams is "
        "doing his part to uphold the tradition.\n"
        "Of course, football is the ultimate team game and fellow Charger Vincent Jackson was "
        "arrested last month for DUI as well.\n"
    )
    found = [(m.type, m.text) for m in extractor.extract(text).mentions if m.type != "DATE"]
    assert found.count(("ORG", "Chargers")) == 2
    assert found.count(("PERSON", "Jamal Williams")) == 2
    assert ("PERSON", "Vincent Jackson") in found
    assert not any("Charger" in name for kind, name in found if kind == "PERSON")


def test_a_two_word_name_opening_with_a_companys_name_stays_whole(extractor):
    # What the rule must not do: a given name that is also the company's name.
    text = "Dell on Tuesday launched a new laptop.\nDell Curry watched the game.\n"
    assert ("PERSON", "Dell Curry") in names(extractor, text)


def test_a_guess_opening_with_a_company_the_article_shows_is_part_of_the_company(extractor):
    # ECB+ corpus, ecbplus-dev t27-plus, file 27_7plus (its headline, where "Microsoft to
    # release" is a company's act, and its fifth sentence)
    text = (
        "Microsoft to release patch for Internet Explorer\n\n"
        '"While we have only seen a few attempts to exploit the issue, we are taking this '
        'proactive step," Microsoft Trustworthy Computing director Yunsun Wee said in a blog '
        "posting on Sept. 18.\n"
    )
    found = names(extractor, text)
    assert ("ORG", "Microsoft") in found
    assert ("PERSON", "Yunsun Wee") in found
    assert not any("Microsoft" in name for kind, name in found if kind == "PERSON")


def test_a_given_name_alone_doing_no_companys_act_stays_a_person(extractor):
    # What the rule must not do: a given name alone is no company unless it acts as one.
    text = "Dustin Michael Childs spoke on Tuesday.\nDustin added that it would ship.\n"
    assert ("PERSON", "Dustin Michael Childs") in names(extractor, text)


def test_a_teams_short_form_merges_with_its_full_name_across_reports():
    # ECB+ corpus, ecbplus-dev t35-plus: file 35_4plus names the team in full and then by its
    # short form; files 35_1plus and 35_8plus only by the short form, before a player's name.
    from search_index.entities.merge import merge_entities

    extractor = RuleExtractor()
    reports = {
        "35_4": (
            "For the second time in less than a month, a member of the San Diego Chargers has "
            "been arrested on suspicion of drunk driving.\n"
            "The Chargers have always been leaders and positive contributors to our community.\n"
        ),
        "35_1": (
            "Chargers' Jamal Williams arrested on DUI suspicion\n\n"
            "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken "
            "driving, the team's second such arrest in less than a month.\n"
        ),
    }
    reports["35_8"] = (
        "Chargers Jamal Williams arrested for DUI\n\n"
        "In the steeped NFL tradition of drinking and driving, Chargers NT Jamal Williams is "
        "doing his part to uphold the tradition.\n"
    )
    table = merge_entities({k: extractor.extract(v) for k, v in reports.items()})
    teams = [e for e in table.entities if "Chargers" in e.variants]
    assert [(e.type, e.name, e.sources) for e in teams] == [
        ("ORG", "San Diego Chargers", ("35_1", "35_4", "35_8"))
    ]
