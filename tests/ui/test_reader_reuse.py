"""The next article is drawn in the paragraphs already mounted (Reader._reuse): what is shown
must be exactly the new article, whatever the two articles' lengths, with the headline and the
conflict and focus marks of the new one, never the old one's."""

from __future__ import annotations

from support.pilot import reader, settle, sources
from textual.widgets import Static

from tui.app import KimreaderApp


def _shown(app: KimreaderApp) -> list[tuple[str, bool, bool]]:
    """Each text block: its text, whether it is the headline, whether marked conflicting."""
    return [
        (str(w.content), w.has_class("headline"), w.has_class("-conflict"))
        for w in reader(app).children
        if isinstance(w, Static) and (w.has_class("headline") or w.has_class("paragraph"))
    ]


async def test_articles_of_other_lengths_reuse_the_paragraphs_and_show_only_their_own(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    long_body = "\n\n".join(f"Paragraph {i} of the report about the harbour." for i in range(12))
    (corpus / "a_long.txt").write_text(f"A long report\n\n{long_body}\n", encoding="utf-8")
    (corpus / "b_short.txt").write_text(
        "A short report\n\nOnly one paragraph here, about the harbour and its ships.\n",
        encoding="utf-8",
    )
    app = KimreaderApp(corpus, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        titles = {}
        for index in range(sources(app).option_count):
            sources(app).highlighted = index
            await settle(app, pilot)
            view = reader(app).view
            if view is not None:
                titles[view.article.title] = index
        sources(app).highlighted = titles["A long report"]
        await settle(app, pilot)
        first = _shown(app)
        assert len(first) == 13 and first[0][:2] == ("A long report", True)
        headline = next(w for w in reader(app).children if w.has_class("headline"))
        sources(app).highlighted = titles["A short report"]
        await settle(app, pilot)
        assert _shown(app) == [
            ("A short report", True, False),
            ("Only one paragraph here, about the harbour and its ships.", False, False),
        ]
        # The same widget, now holding the other headline: reused, not mounted again.
        assert next(w for w in reader(app).children if w.has_class("headline")) is headline
        sources(app).highlighted = titles["A long report"]
        await settle(app, pilot)
        assert _shown(app) == first
        assert sum(1 for w in reader(app).children if w.has_class("meta")) == 1
