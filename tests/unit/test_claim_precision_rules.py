"""False conflicts removed in the fifth session of issue 12 (precision first): each test names
the cause of false conflict rows it guards against.

The sentences are copied verbatim from ECB+ dev stories (Cybulska and Vossen, LREC 2014;
annotation CC BY 3.0; the articles were collected from the web by the corpus authors, see
../shared/corpora/ecbplus-dev/README.md): t19-plus (protests after the NYPD shooting of Kimani
Gray: ECB+ corpus, 19_6ecbplus.txt lines 1, 3, 4 and 15; 19_3ecbplus.txt lines 1 (shortened),
3 and 5).
"""

from __future__ import annotations

from pathlib import Path

from search_index.library import Library

# 19_6ecbplus.txt: its date lines say when it was written (Tuesday) and edited (Wednesday).
LOCKDOWN_6 = """Brooklyn neighborhood on police lockdown following protest

Published time: March 12, 2013 02:03
Edited time: March 13, 2013 02:15
One person is believed to have been arrested, and no injuries were reported.
"""
# 19_3ecbplus.txt: Wednesday night's arrests, in a report published on Wednesday.
BATTLE_3 = """Enraged protesters battle cops in Brooklyn streets

As fights between cops and angry teens erupted in East Flatbush, 46 were arrested Wednesday night.
PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM
"""


def _library(root: Path, articles: dict[str, str]) -> Library:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    library = Library.open(root)
    library.refresh()
    return library


def _claim(library: Library, article: str, value_text: str):
    found = [c for c in library.claims(article) if c.value_text == value_text]
    assert found, [c.value_text for c in library.claims(article)]
    return found[0]


def test_a_labelled_date_line_dates_the_report_and_names_no_day(tmp_path: Path) -> None:
    """Cause: "Published time: ..." was not read as the publication date, and "Edited time:
    March 13" counted as a day the report tells of, so Tuesday's one arrest was compared with
    Wednesday night's 46 as one figure."""
    library = _library(tmp_path / "c", {"r6": LOCKDOWN_6, "r3": BATTLE_3})
    published = library.article("r6").published
    assert published is not None and published.value.date().isoformat() == "2013-03-12"
    one = _claim(library, "r6", "One person")
    assert one.frame is not None and one.frame.role == "arrested"
    assert "wednesday" not in one.frame.days
    assert one.frame.when is not None and one.frame.when[1] == "2013-03-12"
    forty_six = _claim(library, "r3", "46")
    assert forty_six.frame is not None and forty_six.frame.when == ("2013-03-13", "2013-03-13")
    rows = library.compare("r6", "r3").rows
    assert not [r for r in rows if r.status == "conflict"]
