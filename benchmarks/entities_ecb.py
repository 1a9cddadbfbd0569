"""Entity extraction and cross-article merging scored on real news: ECB+ (issue 17).

    .venv/bin/python benchmarks/entities_ecb.py                  # dev half, summary
    .venv/bin/python benchmarks/entities_ecb.py -v               # dev, every error listed
    .venv/bin/python benchmarks/entities_ecb.py --split heldout  # the held-out half
    .venv/bin/python benchmarks/entities_ecb.py --split all      # all 74 stories together
    .venv/bin/python benchmarks/entities_ecb.py --stories t01-ecb t13-ecb -v

Data: ``../shared/corpora/ecbplus-dev`` (74 story folders, one ``entities.json`` each with the
ECB+ hand annotation as character offsets into the ``.txt`` files; its README explains it).
The extractor runs on each ``.txt`` as it is (the offsets are into that text); merging runs
over each story's reports as one corpus, as ``Library.entities`` merges an indexed corpus.

Split: the story folders sorted by name; the first half (37: t01-ecb .. t23-ecb) is **dev**,
the rest (t23-plus .. t45-plus) **held-out**. Rules are developed on dev only; held-out is
scored once before the work and once at the end (topic 23's two stories fall on either side).
``--split all`` scores the 74 stories together: the issue's targets are on the whole corpus.

What is scored
--------------
Gold mentions: ``proper`` mentions (they contain a name) in the annotated ("selected")
sentences, with their ECB+ tag mapped to a kimreader type:

* ``HUMAN_PART_PER`` -> PERSON; ``HUMAN_PART_ORG`` -> ORG;
  ``LOC_GEO`` and ``HUMAN_PART_GPE`` (a country acting) -> PLACE.
* Not people, organisations or places: ``NON_HUMAN_PART*`` (products, works, laws),
  ``HUMAN_PART_VEH`` (ships), ``TIME_*``: a prediction exactly on such a name is a false
  positive ("iPhone" as ORG, "Twilight" as PERSON, "PM" as PLACE).
* Left out (their type is a matter of convention): ``HUMAN_PART_MET`` (metonymy),
  ``HUMAN_PART_GENERIC``, ``HUMAN_PART_FAC``, ``LOC_OTHER``; ``LOC_FAC`` (a named facility:
  ORG or PLACE are both accepted, only PERSON counts as an error).

ECB+ spans are the annotators' ("in Mannheim, Germany", "defensive tackle Jamal Williams",
"Arkansas woman"), so each gold mention is reduced to the name it holds (its *core*):

* a mention whose last word is a lower-case noun ("Arkansas woman", "Bush administration",
  "People magazine") is a description with a name inside, not a name: it is left out, and
  predictions inside it are not scored;
* text from a bracket on is dropped ("... Latter Day Saints (FLDS"); of comma-separated parts
  the first that holds a capitalised word is kept ("Mannheim, Germany" -> "Mannheim",
  "Benjamin David Banky, 40" -> "Benjamin David Banky", "attorney, Shawn Holley" -> "Shawn
  Holley"); of places joined by "and" the first ("Somalia and Yemen" -> "Somalia");
* a trailing possessive and post-nominal (Jr, III) are dropped; the core is the last run of
  capitalised words (with the lower-case connectors inside names: of, and, de, van, al ...)
  after any possessive ("New Zealand's Mt Cook" -> "Mt Cook"); a leading "The", capitalised
  prepositions ("Near Houston") and titles (Dr., Gov., President ...; the list is below,
  written for this scorer) are dropped from its front.

Predictions lose a leading "the", and an organisation the nationality in front of it ("Indian
Navy": ECB+ leaves the adjective out and marks "Navy"; kimreader keeps it, as OntoNotes does).

Per prediction (PERSON/ORG/PLACE in the selected sentences): exactly on a core with the same
type -> TP; on a core with another type -> type error; overlapping a core otherwise ->
boundary error; exactly on a not-an-entity name as PERSON or PLACE -> FP (as ORG: not scored,
products and buildings are often named for their company); inside any other annotated mention
-> not scored; on no annotation at all -> *unannotated*. ECB+ marks only the names taking part in
its events, so an unannotated prediction may well be right: P counts the annotated ones only,
strict P counts every unannotated prediction as wrong (a floor). R = TP / gold cores.

PERSON<->PLACE type errors: gold PERSON cores overlapped by a PLACE prediction plus gold PLACE
cores overlapped by a PERSON prediction, over all gold PERSON and PLACE cores.

Merging: B-cubed P/R/F1 over the gold mentions (mapped tags, ``proper``, any sentence) that
carry a cross-document ``instance``; gold clusters are instances, system clusters the merged
entity (``merge_entities``) of the prediction overlapping the core most. "found" scores the
mentions kimreader found; "all" adds every missed one as a singleton of its own.

Also printed: ms of CPU per article for extraction and for the merge, merged entity names that
no article writes (gazetteer spellings), and the seeds' and tests' gold (must not get worse).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ecb_gold import TYPES, GoldMention, Story, load_story, stories  # noqa: E402

from search_index.entities.extract import RuleExtractor  # noqa: E402
from search_index.entities.gazetteer import load_gazetteer  # noqa: E402
from search_index.entities.merge import merge_entities  # noqa: E402
from search_index.models import Extraction, Mention  # noqa: E402


@dataclass
class Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)  # annotated wrong predictions
    unannotated: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    errors: list[str] = field(default_factory=list)
    person_place: int = 0
    b3_found: list[tuple[float, float]] = field(default_factory=list)
    b3_all: list[tuple[float, float]] = field(default_factory=list)
    instance_mentions: int = 0
    merge_errors: list[str] = field(default_factory=list)
    unwritten_names: list[str] = field(default_factory=list)
    entities: int = 0
    articles: int = 0
    extract_cpu: float = 0.0
    merge_cpu: float = 0.0


# -- scoring ----------------------------------------------------------------------------------


def _inside(lines: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in lines)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|i) ")


def _pred_span(text: str, m: Mention) -> tuple[int, int]:
    """The prediction as the annotators would mark it: without a leading "the", nor a
    nationality in front of an organisation ("Indian Navy": ECB+ marks "Navy")."""
    start = m.start
    if text[start : start + 4] in ("The ", "the "):
        start += 4
    nationality = _NATIONALITY.match(text, start, m.end)
    if m.type == "ORG" and nationality:
        start = nationality.end()
    return start, m.end


def score_story(
    story: Story, extractor: RuleExtractor, tally: Tally, verbose: bool, shown: bool
) -> None:
    extractions: dict[str, Extraction] = {}
    started = time.process_time()
    for doc, text in story.texts.items():
        extractions[doc] = extractor.extract(text)
    tally.extract_cpu += time.process_time() - started
    tally.articles += len(story.texts)
    gazetteer = load_gazetteer()

    def usual_name(place_id: str) -> str | None:
        names = gazetteer.names_of(place_id)
        return names[0] if names else None

    started = time.process_time()
    table = merge_entities(extractions, usual_name)
    tally.merge_cpu += time.process_time() - started
    tally.entities += len(table.entities)
    for entity in table.entities:
        if entity.type in TYPES and entity.name not in entity.variants:
            tally.unwritten_names.append(f"{story.name}: {entity.name} {list(entity.variants)}")

    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in story.gold:
        by_doc[g.doc].append(g)

    # Mentions, scored per document.
    for doc, text in story.texts.items():
        lines = story.selected_lines.get(doc, [])
        gold_here = [g for g in by_doc[doc] if g.selected]
        scored = [g for g in gold_here if g.type in TYPES]
        for g in scored:
            tally.gold[g.type] += 1
        exact = {(g.start, g.end): g for g in gold_here}
        matched: set[tuple[int, int]] = set()
        typed = getattr(table, "typed", None) if shown else None  # (older checkouts lack it)
        names = [typed(m) if typed else m for m in extractions[doc].mentions if m.type in TYPES]
        for m in names:
            if not _inside(lines, m.start, m.end):
                continue
            span = _pred_span(text, m)
            g = exact.get(span) or exact.get((m.start, m.end))
            where = f"{story.name}/{doc}"
            if g is not None and g.type in TYPES:
                if g.type == m.type:
                    tally.tp[m.type] += 1
                    matched.add((g.start, g.end))
                else:
                    tally.fp[m.type] += 1
                    tally.confusion[(g.type, m.type)] += 1
                    tally.errors.append(f"type  {where}: {g.text!r} gold {g.type}, got {m.type}")
                continue
            if g is not None and g.type == "OTHER":
                if m.type == "ORG":
                    continue  # a product or a building named for its company: not scored
                tally.fp[m.type] += 1
                tally.errors.append(f"thing {where}: {g.text!r} is no entity, got {m.type}")
                continue
            if g is not None and g.type == "FAC":
                if m.type == "PERSON":
                    tally.fp[m.type] += 1
                    tally.errors.append(f"fac   {where}: {g.text!r} a facility, got PERSON")
                continue
            hit = next((g for g in scored if _overlap((g.start, g.end), span)), None)
            if hit is not None:
                tally.fp[m.type] += 1
                tally.errors.append(
                    f"bound {where}: got {m.type} {text[span[0] : span[1]]!r}, gold {hit.type} "
                    f"{hit.text!r}"
                )
                continue
            inside = any(_overlap((g.span[0], g.span[1]), span) for g in gold_here) or any(
                _overlap(s, span) for s in story.ignored.get(doc, [])
            )
            if inside:
                continue
            tally.unannotated[m.type] += 1
            tally.errors.append(f"unann {where}: {m.type} {text[span[0] : span[1]]!r}")
        for g in scored:
            if (g.start, g.end) in matched:
                continue
            over = [m for m in names if _overlap((g.start, g.end), (m.start, m.end))]
            got = ", ".join(f"{m.type} {m.text!r}" for m in over) or "nothing"
            tally.errors.append(f"miss  {story.name}/{doc}: {g.type} {g.text!r}; got {got}")
            if {g.type, *(m.type for m in over)} >= {"PERSON", "PLACE"}:
                tally.person_place += 1

    # Merging: B-cubed over the mentions with a cross-document instance.
    units: list[tuple[str, str | None, str]] = []  # (gold instance, system entity or None, desc)
    for g in story.gold:
        if g.type not in TYPES or g.instance is None:
            continue
        over = [
            (m, _overlap((g.start, g.end), (m.start, m.end)))
            for m in extractions[g.doc].mentions
            if m.type in TYPES
        ]
        over = [(m, o) for m, o in over if o]
        entity_id = None
        if over:
            best = max(over, key=lambda mo: mo[1])[0]
            entity = table.entity_of(best)
            entity_id = entity.id if entity else f"mention:{best.type}:{best.key}"
        units.append((g.instance, entity_id, f"{g.doc}:{g.text}"))
    tally.instance_mentions += len(units)
    _bcubed(units, tally, story.name, verbose)


def _bcubed(
    units: list[tuple[str, str | None, str]], tally: Tally, story: str, verbose: bool
) -> None:
    for found_only, out in ((True, tally.b3_found), (False, tally.b3_all)):
        items = [
            (gold, system if system is not None else f"missed:{i}", desc)
            for i, (gold, system, desc) in enumerate(units)
            if system is not None or not found_only
        ]
        gold_of: dict[str, list[int]] = defaultdict(list)
        sys_of: dict[str, list[int]] = defaultdict(list)
        for i, (gold, system, _) in enumerate(items):
            gold_of[gold].append(i)
            sys_of[system].append(i)
        for gold, system, _ in items:
            g, s = set(gold_of[gold]), set(sys_of[system])
            both = len(g & s)
            out.append((both / len(s), both / len(g)))
        if found_only:
            for system, members in sys_of.items():
                golds = Counter(items[i][0] for i in members)
                if len(golds) > 1:
                    tally.merge_errors.append(
                        f"joined {story}: {system} <- "
                        + "; ".join(sorted({items[i][2].split(":", 1)[1] for i in members}))
                    )
            for gold, members in gold_of.items():
                systems = Counter(items[i][1] for i in members)
                if len(systems) > 1:
                    tally.merge_errors.append(
                        f"split  {story}: {gold} -> "
                        + "; ".join(f"{s} x{n}" for s, n in systems.most_common())
                    )


def _prf(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    if not pairs:
        return 0.0, 0.0, 0.0
    p = sum(a for a, _ in pairs) / len(pairs)
    r = sum(b for _, b in pairs) / len(pairs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def report(tally: Tally, label: str) -> dict[str, object]:
    out: dict[str, object] = {"split": label, "articles": tally.articles}
    print(f"== {label}: {tally.articles} articles ==")
    print(
        f"{'type':<8}{'P':>7}{'R':>7}{'F1':>7}{'strict P':>10}{'TP':>6}{'FP':>6}{'unann':>7}"
        f"{'gold':>6}"
    )
    for kind in (*TYPES, "ALL"):
        kinds = TYPES if kind == "ALL" else (kind,)
        tp = sum(tally.tp[k] for k in kinds)
        fp = sum(tally.fp[k] for k in kinds)
        un = sum(tally.unannotated[k] for k in kinds)
        gold = sum(tally.gold[k] for k in kinds)
        p, r = _ratio(tp, tp + fp), _ratio(tp, gold)
        f1 = _ratio(2 * p * r, p + r)
        strict = _ratio(tp, tp + fp + un)
        print(f"{kind:<8}{p:7.3f}{r:7.3f}{f1:7.3f}{strict:10.3f}{tp:6}{fp:6}{un:7}{gold:6}")
        out[kind] = {
            "P": p,
            "R": r,
            "F1": f1,
            "strictP": strict,
            "tp": tp,
            "fp": fp,
            "unannotated": un,
            "gold": gold,
        }
    pp_gold = tally.gold["PERSON"] + tally.gold["PLACE"]
    rate = _ratio(tally.person_place, pp_gold)
    print(f"PERSON<->PLACE type errors: {tally.person_place} of {pp_gold} gold = {rate:.1%}")
    print(
        "confusion (gold -> predicted, exact spans): "
        + ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(tally.confusion.items()))
    )
    found = _prf(tally.b3_found)
    every = _prf(tally.b3_all)
    print(
        f"B-cubed over {len(tally.b3_found)} of {tally.instance_mentions} instance mentions "
        f"found: P {found[0]:.3f} R {found[1]:.3f} F1 {found[2]:.3f}; "
        f"all (missed as singletons): P {every[0]:.3f} R {every[1]:.3f} F1 {every[2]:.3f}"
    )
    print(
        f"entities {tally.entities}; named in a spelling no article writes: "
        f"{len(tally.unwritten_names)}"
    )
    ms = 1000 * tally.extract_cpu / max(1, tally.articles)
    merge_ms = 1000 * tally.merge_cpu / max(1, tally.articles)
    print(f"CPU: extraction {ms:.1f} ms/article, merge {merge_ms:.1f} ms/article")
    out.update(
        person_place=rate,
        bcubed_found=found,
        bcubed_all=every,
        unwritten=len(tally.unwritten_names),
        extract_ms=ms,
        merge_ms=merge_ms,
    )
    return out


# -- the seeds' and tests' gold ---------------------------------------------------------------


def small_gold() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from support.entity_eval import ALL, GOLD_PATH, load_gold, score

    from search_index.article_reader import read_article
    from search_index.corpus import discover
    from search_index.models import Article

    extractor = RuleExtractor()
    for label, folder, gold_path in (
        ("seeds", ROOT / "seeds", GOLD_PATH),
        (
            "tests held-out",
            ROOT / "tests" / "corpora" / "heldout",
            ROOT / "tests" / "gold" / "heldout_entities.json",
        ),
    ):
        found = discover(folder)
        texts = {
            a.id: a.text
            for f in found.files
            if isinstance(a := read_article(f, found.overrides), Article)
        }
        gold = load_gold(gold_path, texts=texts)
        predicted = {
            i: [(m.start, m.end, m.type) for m in extractor.extract(t).mentions]
            for i, t in texts.items()
        }
        scores = score(gold, predicted)
        print(f"{label} gold F1: " + ", ".join(f"{k} {scores[k].f1:.3f}" for k in (*TYPES, ALL)))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--stories", nargs="*")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--shown",
        action="store_true",
        help="score each mention with its merged entity's type (what the reader shows)",
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--no-small", action="store_true", help="skip the seeds' gold")
    args = parser.parse_args(list(argv) if argv is not None else None)

    extractor = RuleExtractor()
    extractor.extract("Warm up the gazetteer in Paris.")
    tally = Tally()
    for folder in stories(args.split, args.stories):
        score_story(load_story(folder), extractor, tally, args.verbose, args.shown)
    if args.verbose:
        for line in sorted(tally.errors):
            print(line)
        for line in tally.merge_errors:
            print(line)
        for line in tally.unwritten_names:
            print("name  " + line)
    figures = report(tally, args.split if not args.stories else " ".join(args.stories))
    if not args.no_small:
        small_gold()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
