"""The first open of a large folder (issue 18): the app analyses in worker processes, as
`kimreader index` does, commits batch by batch and lists each batch as soon as it is readable,
telling the phase on the status line."""

from __future__ import annotations

import inspect
from pathlib import Path

from support.pilot import settle, sources

from search_index.refresh import BULK_THRESHOLD, FIRST_BATCH
from tui.app import KimreaderApp

COUNT = BULK_THRESHOLD + 40
PLACES = ("Lisbon", "Porto", "Braga", "Faro", "Coimbra", "Evora", "Aveiro", "Leiria")


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        place = PLACES[n % len(PLACES)]
        (folder / f"r{n:04d}.txt").write_text(
            f"Flooding in {place} forces {n + 12} families from their homes\n\n"
            f"Rescue crews in {place} moved {n + 12} families to shelters on Tuesday, the "
            f"mayor of {place} said. The river rose {n % 7 + 2} metres overnight.\n",
            encoding="utf-8",
        )
    return folder


class RecordingApp(KimreaderApp):
    """Records how many articles, and rows in the list, each time indexed articles reach it."""

    CSS_PATH = Path(inspect.getfile(KimreaderApp)).with_name("app.tcss")

    def __init__(self, corpus: Path) -> None:
        super().__init__(corpus, remember=False)
        self.listed: list[tuple[int, int]] = []  # (articles shown, rows in the list)

    def _show_articles(self, library, articles) -> None:  # type: ignore[no-untyped-def]
        super()._show_articles(library, articles)
        self.listed.append((len(self.articles), sources(self).option_count))


async def test_a_large_first_build_lists_each_batch_before_the_build_ends(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus", COUNT)
    app = RecordingApp(corpus)
    statuses: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1200):
            text = str(app.main.query_one("#status").content)
            if not statuses or statuses[-1] != text:
                statuses.append(text)
            if app._loaded:
                break
            await pilot.pause(0.05)
        await settle(app, pilot)
        assert app._loaded, statuses[-5:]
        assert not any("Could not open" in s for s in statuses), statuses
        # The first batch was listed, readable, while the others were still being analysed.
        assert (FIRST_BATCH, FIRST_BATCH) in app.listed, app.listed
        assert app.listed.index((FIRST_BATCH, FIRST_BATCH)) < len(app.listed) - 1
        assert len(app.articles) == COUNT
        assert sources(app).option_count >= COUNT  # story headings may be added
        # The phase and how far it got were told (which phases a 50 ms poll catches varies).
        told = [s for s in statuses if s.startswith(("indexing: analysing", "indexing: merging"))]
        assert told and all(f"of {COUNT} articles" in s for s in told), statuses
