"""Organisations on real news sentences (issue 17, fourth session): companies named by one bare
word that the sentence shows to be a company ("Microsoft on Wednesday issued", "T-Mobile ...
its line-up"), carried to the article's other mentions and headlines.

The sentences are copied from the ECB+ corpus (Agata Cybulska and Piek Vossen, "Using a
sledgehammer to crack a nut? Lexical diversity and event coreference resolution", LREC 2014;
the articles were collected from the web by the corpus authors, whose release notes say the
texts are not copyrighted; the annotation is CC BY 3.0). Each test names the file it quotes.
"""

import pytest

from search_index.entities.extract import RuleExtractor


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def names(extractor: RuleExtractor, text: str) -> set[tuple[str, str]]:
    return {
        (m.type, m.text)
        for m in extractor.extract(text).mentions
        if m.type in ("PERSON", "ORG", "PLACE")
    }


def kinds(extractor: RuleExtractor, text: str, name: str) -> list[str]:
    return [m.type for m in extractor.extract(text).mentions if m.text == name]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # t27-ecb/27_9ecb.txt: when it happened stands between the company and its act.
        (
            "Microsoft on Wednesday issued an urgent patch to fix an Internet Explorer (IE) web "
            "browser flaw that may have been used by hackers to attack millions of computer "
            "users.\n",
            "Microsoft",
        ),
        # t40-ecb/40_3ecb.txt
        (
            "Apple on Tuesday launched a refresh of the 17-inch MacBook Pro, giving the "
            "company's largest laptop an eight-hour battery life.\n",
            "Apple",
        ),
        # t42-ecb/42_3ecb.txt: a base form after an auxiliary.
        (
            "On Monday, we reported on rumors that T-Mobile would release the RIM BlackBerry "
            "Curve 8900 on February 11.\n",
            "T-Mobile",
        ),
        # t44-plus/44_6ecbplus.txt
        (
            "In a move that will expand its services division, Hewlett-Packard will acquire EYP "
            "Mission Critical Facilities, a New York company that offers data center consulting "
            "services.\n",
            "Hewlett-Packard",
        ),
        # t44-plus/44_12ecbplus.txt
        (
            "Hewlett-Packard agreed to buy EYP Mission Critical Facilities, a data center "
            "engineering firm, for an undisclosed sum.\n",
            "Hewlett-Packard",
        ),
    ],
)
def test_one_name_doing_what_companies_do_after_a_when_or_an_auxiliary(extractor, text, company):
    assert ("ORG", company) in names(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # t42-plus/42_1ecbplus.txt
        "T-Mobile continues to add to its growing line-up of 4G LTE devices by partnering with "
        "BlackBerry to bring customers the BlackBerry Q10.\n",
        # t42-ecb/42_1ecb.txt
        "T-Mobile is bolstering its smartphone portfolio by picking up Research In Motion's "
        "next-generation BlackBerry Curve.\n",
    ],
)
def test_a_name_that_is_an_it_is_no_person(extractor, text):
    assert kinds(extractor, text, "T-Mobile") == ["ORG"]


def test_its_after_a_noun_phrase_of_its_own_says_nothing_of_the_name(extractor):
    # The rule stops at a determiner: here "its" is the plan's, not Carter's (a made-up
    # sentence in the corpus's style, since the point is what must not fire).
    text = "Wilkins Carter said that Carter criticised the plan and its costs on Monday.\n"
    assert "ORG" not in kinds(extractor, text, "Carter")


def test_a_participle_opening_the_sentence_is_no_company(extractor):
    # t44-plus/44_8ecbplus.txt: "Extending its reach" was an organisation called Extending.
    text = (
        "Extending its reach into the ripening green-consulting space, HP today announced the "
        "acquisition of EYP Mission Critical Facilities.\n"
    )
    assert not kinds(extractor, text, "Extending")


def test_the_company_cue_carries_to_the_headline_and_the_other_sentences(extractor):
    # t27-ecb/27_9ecb.txt: the headline and "Microsoft said" were nothing.
    text = (
        "Microsoft rushes to release patch to fix web browser flaw\n\n"
        "Microsoft on Wednesday issued an urgent patch to fix an Internet Explorer (IE) web "
        "browser flaw that may have been used by hackers to attack millions of computer users.\n"
        "Microsoft said the update is for IE on all currently supported versions of Windows.\n"
    )
    assert kinds(extractor, text, "Microsoft") == ["ORG", "ORG", "ORG"]


def test_a_person_named_in_full_is_not_made_a_company_by_its(extractor):
    # A person named in full keeps the person's type even beside "its" (the rule reads only
    # names the article never gives a first name).
    text = (
        "Phil Schiller, senior VP for worldwide product marketing at Apple, spoke.\n"
        "Schiller will update its laptops next year.\n"
    )
    assert "ORG" not in kinds(extractor, text, "Schiller")
