"""A story's overview (issue 18): facts by sources, the consensus, and how each source stands.

On the seeds (five real reports of one story) and on a real ECB+ excerpt
(tests/corpora/stories/README.md says where it comes from).
"""

from __future__ import annotations

from pathlib import Path

from support.story_corpus import EXCERPTS

from search_index.library import Library
from search_index.story_overview import StoryOverview, story_overview


def _overview(library: Library, *ids: str) -> StoryOverview:
    infos = {i.id: i for i in library.catalog()}
    full = [library.resolve(i) for i in ids]
    return story_overview({i: library.claims(i) for i in full}, infos)


def _fact(overview: StoryOverview, value: str):
    """The fact one of whose cells holds ``value`` (canonical)."""
    return next(
        f for f in overview.facts if any(c.value == value for cs in f.cells.values() for c in cs)
    )


def test_two_sources_that_contradict_have_no_consensus(seed_library):
    overview = _overview(seed_library, "002", "003")
    troops = _fact(overview, "11000")
    assert troops.consensus == ()
    assert troops.consensus_value is None
    assert set(troops.stances.values()) == {"differ"}
    assert troops.conflicting


def test_the_source_departing_from_two_agreeing_sources_is_the_outlier(seed_library):
    overview = _overview(seed_library, "001", "002", "003")
    one, two, three = (seed_library.resolve(i) for i in ("001", "002", "003"))
    troops = _fact(overview, "11000")
    assert set(troops.consensus) == {one, three}
    assert troops.stances[two] == "differ"
    assert troops.consensus_value is not None and "14,000" in troops.consensus_value
    standing = {s.article_id: s for s in overview.sources}
    assert standing[two].outlier and standing[two].differs >= 2  # troops and the killed
    assert not standing[one].outlier and not standing[three].outlier
    # values as written, not canonical
    assert any("approximately 11,000" in c.value_text for c in troops.cells[two])


def test_whole_story_on_the_seeds(seed_library):
    overview = seed_library.story_overview(None)
    assert len(overview.sources) == 5
    shared = [f for f in overview.facts if len(f.cells) > 1]
    assert shared and overview.facts[: len(shared)] == tuple(shared)  # shared facts first
    alone = [f for f in overview.facts if len(f.cells) == 1]
    assert all(set(f.stances.values()) == {"alone"} for f in alone)
    by_id = {s.article_id: s for s in overview.sources}
    assert sum(s.alone for s in overview.sources) == len(alone)
    # Only 000 carries a publication date: it is first, nobody else is.
    dated = [s for s in overview.sources if s.published is not None]
    assert [s.first for s in overview.sources].count(True) == len(dated) == 1
    assert by_id[seed_library.resolve("002")].outlier
    assert overview.conflicts >= 3  # troops, killed, construction date


def test_a_report_beside_its_own_copy_agrees_on_everything(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (EXCERPTS / "t07-plus_7_2ecbplus.txt").read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    with Library.open(corpus) as library:
        library.refresh()
        overview = library.story_overview(None)
    assert overview.facts
    for fact in overview.facts:
        assert set(fact.stances.values()) == {"agree"}, fact.topic
        assert len(fact.consensus) == 2 and fact.consensus_value is not None
    assert not any(s.outlier or s.differs or s.alone for s in overview.sources)


# ECB+ corpus, ecbplus-dev t33-plus (33_10, 33_11, 33_4, 33_1, 33_3 ecbplus): the trial over
# the killing of Zurana Horton. Two reports give the suspect's age, a third only the victim's;
# the overview's "age" row gathers unnamed ages of different people.
HORTON = {
    "h10": (
        "Andrew Lopez Confesses To Murder Of Zurana Horton In Brooklyn Shooting\n\n"
        "An 18-year old male confessed to the gang related murder of a Brooklyn mother who "
        "tried to protect a group of school children from harm by shielding them.\n"
    ),
    "h11": (
        "Teen Arrested in Shooting of Hero Brooklyn Mom\n\n"
        "An 18-year-old gang member has confessed to killing a pregnant mom, who died on Friday "
        "as she shielded a group of children from bullets.\n"
    ),
    "h4": (
        "Gangbangers who allegedly killed mom of 12 in crossfire begin trial\n\n"
        "The 34-year-old mother was struck in the chest from a bullet that ricocheted off a "
        "fence in her Brownsville neighborhood in Oct. 2011, authorities said.\n"
    ),
    "h1": (
        "Footage Of Brooklyn Mother's Death Released\n\n"
        "Twenty-year-old Andrew Lopez has been accused of carelessly firing at rival gang members "
        "from a rooftop.\n"
    ),
    "h3": (
        "Jury shown horrific moment innocent mother is shot dead shielding her child\n\n"
        "Cheanne McKnight, 11, is recovering from a graze wound to her cheek, while a "
        "31-year-old Brooklyn mom was shot in the arm.\n"
    ),
}


def test_another_figure_in_a_row_is_given_alone_not_compatible(tmp_path: Path) -> None:
    """'~ compatible' says a vaguer figure that can hold with the others: the victim's age 34
    beside the suspect's 18 is neither vaguer nor the same figure."""
    for name, text in HORTON.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    library = Library.open(tmp_path)
    library.refresh()
    overview = _overview(library, *HORTON)
    ages = _fact(overview, "18")
    assert set(ages.consensus) == {library.resolve("h10"), library.resolve("h11")}
    for other in ("h4", "h3", "h1"):  # the victim, another mother, the suspect two years on
        assert ages.stances[library.resolve(other)] == "alone"
