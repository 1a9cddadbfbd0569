"""`person:` / `org:` / `place:` find every article of the entity, however the article spelled it
(the README's promise, issue 17), on real reports.

The reports are sentences copied from the ECB+ corpus (Agata Cybulska and Piek Vossen, LREC
2014; the articles were collected from the web by the corpus authors, whose release notes say
the texts are not copyrighted; the annotation is CC BY 3.0), topic 9 and story t10-plus of the
development stories of ``benchmarks/entities_ecb.py``; each names its file. Before issue 17
`org:"Fish and Wildlife Service"` missed the reports that wrote "U.S. ...", and a short form
an article keyed to the full name (`org:"Red Sox"`) found nothing but the words.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from search_index.library import Library

REPORTS = {
    "9_8ecb": (  # t09-ecb
        "Bush rule on species\n\n"
        "Under current law, agencies must submit any plans that could harm species on the "
        "endangered list for review by scientists at the U.S. Fish and Wildlife Service, which "
        "enforces the Endangered Species Act.\n"
    ),
    "9_2ecb": (  # t09-ecb
        "Species rule changed\n\n"
        "Dale Hall, who directs the Fish and Wildlife Service, said the change did not mean that "
        "agencies could build dams, roads or other projects without taking into account the "
        "consequences.\n"
    ),
    "9_1ecbplus": (  # t09-plus
        "Rule restored\n\n"
        "Today, Interior Secretary Ken Salazar and Commerce Secretary Gary Locke announced the "
        "restoration of rules under the Endangered Species Act.\n"
        "Their decision requires federal agencies to once again consult with federal wildlife "
        "experts at the U.S. Fish and Wildlife Service and the National Oceanic and Atmospheric "
        "Administration before taking any action that may affect threatened or endangered "
        "species.\n"
    ),
    "9_11ecbplus": (  # t09-plus
        "Obama reverses rule\n\n"
        '"By rolling back this 11th hour regulation, we are ensuring that threatened and '
        'endangered species continue to receive the full protection of the law," Salazar '
        "said.\n"
    ),
    "10_13ecbplus": (  # t10-plus
        "Report: Red Sox offer Teixeira $200 million\n\n"
        "Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first "
        "baseman Mark Teixeira an eight-year, $200 million offer.\n"
        "The Boston Herald's Michael Silverman wrote in his Monday column the Red Sox offer was "
        "expected to be in the range of $145 million to $175 million, possibly more.\n"
    ),
    "10_1ecbplus": (  # t10-plus
        "Red Sox extend offer to Teixeira\n\n"
        "Though the Red Sox continue to operate in intriguing secrecy when it comes to their "
        "pursuit of free-agent slugger Mark Teixeira, it appears an offer has been transmitted "
        "from the offices of 4 Yawkey Way in Boston to the corporation of power agent Scott "
        "Boras in Southern California.\n"
    ),
}

WILDLIFE = {"9_8ecb", "9_2ecb", "9_1ecbplus"}
SALAZAR = {"9_1ecbplus", "9_11ecbplus"}
RED_SOX = {"10_13ecbplus", "10_1ecbplus"}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    corpus = tmp_path_factory.mktemp("ecb-corpus")
    for name, text in REPORTS.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    home = tmp_path_factory.mktemp("ecb-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        opened = Library.open(corpus)
        opened.refresh()
    yield opened
    opened.close()


def found(library: Library, query: str) -> set[str]:
    return {hit.id for hit in library.search(query, limit=50).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('org:"Fish and Wildlife Service"', WILDLIFE),
        ('org:"U.S. Fish and Wildlife Service"', WILDLIFE),
        ('person:"Ken Salazar"', SALAZAR),
        ("person:Salazar", SALAZAR),
        ('org:"Red Sox"', RED_SOX),
        ('org:"Boston Red Sox"', RED_SOX),
    ],
)
def test_an_entity_field_finds_every_article_of_the_entity(library, query, expected):
    assert found(library, query) == expected


def test_every_spelling_the_corpus_merged_finds_the_same_articles(library):
    # The promise itself, for every merged entity of this corpus and every spelling of it.
    fields = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
    for entity in library.entities().entities:
        if entity.type not in fields:
            continue
        for variant in entity.variants:
            query = f'{fields[entity.type]}:"{variant}"'
            assert set(entity.sources) <= found(library, query), (query, entity)
