"""Story grouping: false merges on unrelated pages (follow-up to issue 18).

    .venv/bin/python benchmarks/stories_false_merge.py [--html ../shared/corpora/html-dev]
        [--ecb ../shared/corpora/ecbplus-dev] [--work DIR] [--no-mixed] [--show]

ECB+'s B-cubed (benchmarks/stories.py) cannot see a grouping that joins unrelated articles on
close dates and a few common words: each ECB+ topic is two events of one kind, so every wrong
join it can make is between look-alikes. Real folders are mostly unrelated pages from the same
weeks. This measures that, the way the product reads them:

1. **html-dev alone**: its 91 web pages (most from 13-20 Nov 2019) copied into one folder,
   indexed by ``Library`` (trafilatura's article text, the index's metadata and entity names),
   grouped by ``stories.cluster`` with the names the index extracted, as ``StoryIndex`` does.
   Scored against ``story_gold/html-dev.json`` (titles read, texts read where pages were near):
   a joined pair of pages the gold does not call "same" or "related" is a **false pair**; a page
   in a multi-source story beside a page of another story is a **false source**; a multi-source
   story holding a false pair is a **false story**. Gold pairs joined (recall) beside it. The
   same again with capitalised runs for names (``StoryArticle.names=None``, what stories.py uses).
2. **mixed**: the same pages and every ECB+ report (flattened under random names, as stories.py
   does) in one folder, grouped together: B-cubed over the ECB+ reports (all 37 topics at once),
   topics kept apart, and false joins that involve a web page (to a page or to an ECB+ report).

Nothing is written into the corpora: the copies and the index live in ``--work`` (kept between
runs, so a second run reads the index back instead of building it).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from stories import bcubed, flatten, topic_pairs  # noqa: E402

from search_index.stories import StoryArticle, cluster  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
GOLD = Path(__file__).resolve().parent / "story_gold" / "html-dev.json"
PREFIX = 10
"""Pages are named in the gold by the first characters of their sha256 file name."""


@dataclass(frozen=True)
class Gold:
    same: frozenset[frozenset[str]]
    related: frozenset[frozenset[str]]

    @classmethod
    def load(cls, path: Path = GOLD) -> Gold:
        data = json.loads(path.read_text(encoding="utf-8"))

        def pairs(key: str) -> frozenset[frozenset[str]]:
            return frozenset(
                frozenset(pair)
                for group in data[key]
                for pair in itertools.combinations(group["pages"], 2)
            )

        return cls(pairs("same"), pairs("related"))

    def verdict(self, a: str, b: str) -> str:
        pair = frozenset((a[:PREFIX], b[:PREFIX]))
        if pair in self.same:
            return "same"
        if pair in self.related:
            return "related"
        return "different"


@dataclass
class FalseMerges:
    pages: int
    false_pairs: list[tuple[str, str]]
    false_sources: int
    false_stories: int
    multi_stories: int
    gold_joined: int
    gold_pairs: int
    related_joined: int

    def line(self) -> str:
        return (
            f"false pairs {len(self.false_pairs):3}  false sources {self.false_sources:2}"
            f"/{self.pages}  false stories {self.false_stories:2}/{self.multi_stories:2}"
            f" multi-source  gold pairs joined {self.gold_joined}/{self.gold_pairs}"
            f"  related joined {self.related_joined}"
        )


def score_false_merges(labels: dict[str, str], pages: set[str], gold: Gold) -> FalseMerges:
    """False joins among ``labels`` that involve a page of ``pages`` (any other member of a
    story, page or ECB+ report, is a different story unless the gold pairs the two pages)."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for item, story in labels.items():
        by_story[story].append(item)
    false_pairs: list[tuple[str, str]] = []
    false_items: set[str] = set()
    false_stories = multi = gold_joined = related_joined = 0
    for members in by_story.values():
        if len(members) < 2 or not pages & set(members):
            continue
        multi += 1
        wrong = False
        for a, b in itertools.combinations(sorted(members), 2):
            if a not in pages and b not in pages:
                continue  # two ECB+ reports: B-cubed scores those
            verdict = gold.verdict(a, b) if a in pages and b in pages else "different"
            if verdict == "same":
                gold_joined += 1
            elif verdict == "related":
                related_joined += 1
            else:
                false_pairs.append((a, b))
                false_items.update(x for x in (a, b) if x in pages)
                wrong = True
        false_stories += wrong
    return FalseMerges(
        pages=len(pages),
        false_pairs=false_pairs,
        false_sources=len(false_items),
        false_stories=false_stories,
        multi_stories=multi,
        gold_joined=gold_joined,
        gold_pairs=len(gold.same),
        related_joined=related_joined,
    )


def indexed_inputs(folder: Path, cache: Path) -> tuple[list[StoryArticle], list[StoryArticle]]:
    """The folder's articles as ``StoryIndex`` hands them to clustering (names from the index's
    entity extraction), and the same with capitalised runs for names."""
    os.environ["XDG_CACHE_HOME"] = str(cache)  # the benchmark's own index, not the user's
    from search_index.library import Library
    from search_index.story_index import story_input

    with Library.open(folder) as library:
        library.refresh()
        articles = library.articles()
        with_names = [story_input(a, library.extraction(a.id)) for a in articles]
    runs = [StoryArticle(a.id, a.title, a.body, a.published, a.outlet) for a in with_names]
    return with_names, runs


def grouped(inputs: Sequence[StoryArticle]) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    state = cluster(inputs)
    seconds = time.perf_counter() - start
    return {doc_id: doc.story for doc_id, doc in state.docs.items()}, seconds


def _copy_pages(html: Path, into: Path) -> set[str]:
    into.mkdir(parents=True, exist_ok=True)
    names = set()
    for page in sorted((html / "html").glob("*.html")):
        target = into / page.name
        if not target.exists():
            shutil.copyfile(page, target)
        names.add(page.stem)
    return names


def _show(result: FalseMerges, titles: dict[str, str]) -> None:
    for a, b in result.false_pairs:
        print(
            f"    {a[:PREFIX]} {titles.get(a, '')[:55]!r:59} + {b[:PREFIX]} {titles.get(b, '')[:55]!r}"
        )


def run_html(html: Path, work: Path, gold: Gold, show: bool) -> dict[str, object]:
    folder = work / "html-dev"
    pages = _copy_pages(html, folder)
    with_names, runs = indexed_inputs(folder, work / "cache")
    titles = {a.id: a.title for a in with_names}
    out: dict[str, object] = {}
    print(f"html-dev alone ({len(pages)} pages)")
    for name, inputs in (("entity names (product)", with_names), ("capitalised runs", runs)):
        labels, seconds = grouped(inputs)
        result = score_false_merges(labels, pages, gold)
        print(f"  {name:24} {result.line()}  {seconds:.2f} s")
        if show:
            _show(result, titles)
        out[name] = result
    return out


def run_mixed(html: Path, ecb: Path, work: Path, gold: Gold, show: bool) -> dict[str, object]:
    folder = work / "mixed"
    fresh = not folder.exists()
    pages = _copy_pages(html, folder)
    gold_path = work / "mixed-gold.json"
    if fresh or not gold_path.exists():
        ecb_gold = flatten(ecb, folder)
        gold_path.write_text(json.dumps(ecb_gold), encoding="utf-8")
    ecb_gold = {Path(k).stem: v for k, v in json.loads(gold_path.read_text()).items()}
    with_names, runs = indexed_inputs(folder, work / "cache")
    titles = {a.id: a.title for a in with_names}
    # The index skips a few ECB+ files that hold a date line and a headline and no text.
    read = len(ecb_gold)
    ecb_gold = {i: s for i, s in ecb_gold.items() if i in titles}
    out: dict[str, object] = {}
    print(
        f"mixed: html-dev ({len(pages)} pages) + ECB+ ({len(ecb_gold)} reports indexed of "
        f"{read}, {len(set(ecb_gold.values()))} stories) in one folder"
    )
    for name, inputs in (("entity names (product)", with_names), ("capitalised runs", runs)):
        labels, seconds = grouped(inputs)
        ecb_labels = {i: s for i, s in labels.items() if i in ecb_gold}
        p, r, f = bcubed(ecb_labels, ecb_gold)
        pairs = topic_pairs(ecb_labels, ecb_gold)
        strict = sum(1 for _, s, _ in pairs if s)
        majority = sum(1 for _, _, m in pairs if m)
        result = score_false_merges(labels, pages, gold)
        print(
            f"  {name:24} ECB+ P {p:.3f} R {r:.3f} F1 {f:.3f}  apart {strict}/{len(pairs)} "
            f"strict, {majority}/{len(pairs)} majority  {seconds:.2f} s\n"
            f"  {'':24} web pages: {result.line()}"
        )
        if show:
            _show(result, titles)
        out[name] = {"bcubed": (p, r, f), "false": result}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--html", type=Path, default=SHARED / "html-dev")
    parser.add_argument("--ecb", type=Path, default=SHARED / "ecbplus-dev")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "kimreader-false-merge"
    )
    parser.add_argument("--no-mixed", action="store_true", help="html-dev alone")
    parser.add_argument("--show", action="store_true", help="list every false pair")
    args = parser.parse_args(argv)
    gold = Gold.load()
    run_html(args.html, args.work, gold, args.show)
    if not args.no_mixed:
        run_mixed(args.html, args.ecb, args.work, gold, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
