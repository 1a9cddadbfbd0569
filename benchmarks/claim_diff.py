"""Claim diff scored against hand-made gold on real news (issue 12).

    .venv/bin/python benchmarks/claim_diff.py              # every story with gold
    .venv/bin/python benchmarks/claim_diff.py t12-ecb -v   # one story, every wrong row shown
    .venv/bin/python benchmarks/claim_diff.py --check t12-ecb   # validate a gold file
    .venv/bin/python benchmarks/claim_diff.py --json out.json
    .venv/bin/python benchmarks/claim_diff.py --sanity     # every dev report against itself

The gold (`benchmarks/claim_gold/*.json`, rules in its README) lists, per ECB+ dev story, every
checkable main-event figure two or more reports state, each statement in a class, the relation
of every pair of classes, and background figures about other events. Every pair of reports of
the story is compared with ``Library.compare`` and scored:

- conflict precision: conflict rows whose two claims are statements of one gold figure in
  classes the gold calls conflicting, over every conflict row (an unannotated claim in a
  conflict row counts against: the gold lists every figure two reports share);
- conflict recall: (report pair, figure) units with conflicting classes that a conflict row finds;
- agreement recall: (report pair, figure, class) units stated alike by both reports that an
  agree row finds;
- background leaks: rows pairing a background statement with a main-event statement or with a
  background statement of another event.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "claim_gold"
CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus-dev"


@dataclass(frozen=True)
class Statement:
    figure: str  # figure id, or "bg:<event>" for background
    cls: str
    file: str
    start: int
    end: int
    text: str
    quote: str = ""


@dataclass
class Gold:
    story: str
    statements: list[Statement]
    relations: dict[tuple[str, str, str], str]  # (figure, class, class) -> verdict
    errors: list[str] = field(default_factory=list)


def load_gold(path: Path, corpus: Path = CORPUS) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    story = data["story"]
    folder = corpus / story
    errors: list[str] = []
    statements: list[Statement] = []
    relations: dict[tuple[str, str, str], str] = {}
    texts: dict[str, str] = {}

    def locate(item: dict, figure: str, cls: str) -> None:
        name = item["file"]
        if name not in texts:
            file = folder / name
            if not file.exists():
                errors.append(f"{figure}: no file {name}")
                return
            texts[name] = file.read_text(encoding="utf-8")
        text = texts[name]
        quote, value = item["quote"], item["value"]
        at = text.find(quote)
        if at < 0:
            errors.append(f"{figure}: quote not in {name}: {quote!r}")
            return
        if text.find(quote, at + 1) >= 0:
            errors.append(f"{figure}: quote not unique in {name}: {quote!r}")
        inner = quote.find(value)
        if inner < 0:
            errors.append(f"{figure}: value {value!r} not in quote {quote!r}")
            return
        start = at + inner
        statements.append(Statement(figure, cls, name, start, start + len(value), value, quote))

    for figure in data.get("figures", []):
        fid = figure["id"]
        classes = set()
        files = set()
        for item in figure["statements"]:
            locate(item, fid, item["class"])
            classes.add(item["class"])
            files.add(item["file"])
        if len(files) < 2:
            errors.append(f"{fid}: stated by fewer than two reports")
        for rel in figure.get("relations", []):
            verdict = rel["verdict"]
            if verdict not in ("agree", "compatible", "conflict"):
                errors.append(f"{fid}: bad verdict {verdict!r}")
            for c in (rel["a"], rel["b"]):
                if c not in classes:
                    errors.append(f"{fid}: relation names unknown class {c!r}")
            relations[(fid, rel["a"], rel["b"])] = verdict
            relations[(fid, rel["b"], rel["a"])] = verdict
        for a, b in combinations(sorted(classes), 2):
            if (fid, a, b) not in relations:
                errors.append(f"{fid}: no relation for classes {a!r} / {b!r}")
    for item in data.get("background", []):
        locate(item, "bg:" + item["event"], item["event"])
    return Gold(story, statements, relations, errors)


def _index(gold: Gold, library=None) -> dict[str, list[Statement]]:
    """Statements by article id, with offsets into the article's text as kimreader reads it
    (which may differ from the file's: paragraph breaks, a dropped dateline)."""
    by_file: dict[str, list[Statement]] = {}
    for s in gold.statements:
        stem = Path(s.file).stem
        if library is not None:
            text = library.article(stem).text
            at = text.find(s.quote)
            if at < 0:
                gold.errors.append(f"{s.figure}: quote not in the article text of {stem}")
                continue
            start = at + s.quote.find(s.text)
            s = Statement(s.figure, s.cls, s.file, start, start + len(s.text), s.text, s.quote)
        by_file.setdefault(stem, []).append(s)
    return by_file


def _match(by_file: dict[str, list[Statement]], claim) -> Statement | None:
    if claim is None:
        return None
    best = None
    for s in by_file.get(claim.article_id, []):
        if claim.value_start < s.end and s.start < claim.value_end:
            # prefer the statement the claim covers most
            overlap = min(s.end, claim.value_end) - max(s.start, claim.value_start)
            if best is None or overlap > best[0]:
                best = (overlap, s)
    return best[1] if best else None


@dataclass
class StoryScore:
    story: str
    pairs: int = 0
    conflict_rows: int = 0
    conflict_tp: int = 0
    conflict_units: int = 0
    conflict_found: int = 0
    agree_units: int = 0
    agree_found: int = 0
    compatible_units: int = 0
    compatible_found: int = 0
    leaks: int = 0
    false_kinds: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    @staticmethod
    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    def as_dict(self) -> dict:
        return {
            "story": self.story,
            "pairs": self.pairs,
            "conflict_rows": self.conflict_rows,
            "conflict_tp": self.conflict_tp,
            "conflict_precision": self.ratio(self.conflict_tp, self.conflict_rows),
            "conflict_units": self.conflict_units,
            "conflict_found": self.conflict_found,
            "conflict_recall": self.ratio(self.conflict_found, self.conflict_units),
            "agree_units": self.agree_units,
            "agree_found": self.agree_found,
            "agreement_recall": self.ratio(self.agree_found, self.agree_units),
            "compatible_units": self.compatible_units,
            "compatible_found": self.compatible_found,
            "background_leaks": self.leaks,
            "false_conflicts": dict(self.false_kinds),
        }


def _describe(claim, statement: Statement | None) -> str:
    if claim is None:
        return "-"
    where = f"{statement.figure}/{statement.cls}" if statement else "unannotated"
    sentence = claim.sentence.replace("\n", " ")
    return f"{claim.article_id}:{claim.value_text!r} [{where}] topic={claim.topic!r} | {sentence[:140]}"


def score_story(gold: Gold, library, verbose: bool = False) -> StoryScore:
    score = StoryScore(gold.story)
    by_file = _index(gold, library)
    ids = sorted(library.ids())
    for a_id, b_id in combinations(ids, 2):
        score.pairs += 1
        comparison = library.compare(a_id, b_id)
        conflict_hits: set[str] = set()
        agree_hits: set[tuple[str, str]] = set()
        compatible_hits: set[tuple[str, str, str]] = set()
        for row in comparison.rows:
            if row.a is None or row.b is None:
                continue
            sa, sb = _match(by_file, row.a), _match(by_file, row.b)
            # background leaks
            bg = [s for s in (sa, sb) if s is not None and s.figure.startswith("bg:")]
            if bg and row.status in ("agree", "compatible", "conflict"):
                other = sb if sa is bg[0] else sa
                if other is not None and other.figure != bg[0].figure:
                    score.leaks += 1
                    if verbose:
                        score.notes.append(
                            f"LEAK {row.status}: {_describe(row.a, sa)}\n      vs {_describe(row.b, sb)}"
                        )
            same_figure = sa is not None and sb is not None and sa.figure == sb.figure
            if row.status == "conflict":
                score.conflict_rows += 1
                relation = gold.relations.get((sa.figure, sa.cls, sb.cls)) if same_figure else None
                if same_figure and sa.cls != sb.cls and relation == "conflict":
                    score.conflict_tp += 1
                    conflict_hits.add(sa.figure)
                else:
                    kind = (
                        "unannotated"
                        if sa is None or sb is None
                        else "background"
                        if sa.figure.startswith("bg:") or sb.figure.startswith("bg:")
                        else "different figure"
                        if not same_figure
                        else f"gold {relation or 'agree'}"
                    )
                    score.false_kinds[kind] += 1
                    if verbose:
                        score.notes.append(
                            f"FALSE CONFLICT ({kind}) {a_id}~{b_id}:\n      A {_describe(row.a, sa)}\n      B {_describe(row.b, sb)}"
                        )
            elif same_figure and not sa.figure.startswith("bg:"):
                if row.status == "agree" and sa.cls == sb.cls:
                    agree_hits.add((sa.figure, sa.cls))
                relation = gold.relations.get((sa.figure, sa.cls, sb.cls))
                if relation == "compatible" and row.status in ("agree", "compatible"):
                    compatible_hits.add((sa.figure, sa.cls, sb.cls))
        # units of this pair
        stated: dict[str, dict[str, set[str]]] = {}
        for side, article_id in (("a", a_id), ("b", b_id)):
            for s in by_file.get(article_id, []):
                if not s.figure.startswith("bg:"):
                    stated.setdefault(s.figure, {}).setdefault(side, set()).add(s.cls)
        for figure, sides in stated.items():
            if "a" not in sides or "b" not in sides:
                continue
            classes_a, classes_b = sides["a"], sides["b"]
            if any(
                gold.relations.get((figure, x, y)) == "conflict"
                for x in classes_a
                for y in classes_b
            ):
                score.conflict_units += 1
                if figure in conflict_hits:
                    score.conflict_found += 1
                elif verbose:
                    score.notes.append(
                        f"MISSED CONFLICT {a_id}~{b_id} {figure}: {sorted(classes_a)} vs {sorted(classes_b)}"
                    )
            for cls in classes_a & classes_b:
                score.agree_units += 1
                if (figure, cls) in agree_hits:
                    score.agree_found += 1
                elif verbose:
                    score.notes.append(f"MISSED AGREE {a_id}~{b_id} {figure}/{cls}")
            for x in classes_a:
                for y in classes_b:
                    if x != y and gold.relations.get((figure, x, y)) == "compatible":
                        score.compatible_units += 1
                        if (figure, x, y) in compatible_hits or (figure, y, x) in compatible_hits:
                            score.compatible_found += 1
    return score


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def sanity(corpus: Path = CORPUS) -> tuple[int, int, int]:
    """Every readable report of the dev corpus compared with itself, and checked alone:
    (reports, rows other than ``agree`` in the self-comparisons, internal contradictions).
    Both must be 0: a report never contradicts itself."""
    from search_index.article_reader import read_article
    from search_index.claims.align import compare, internal_conflicts
    from search_index.claims.extract import extract_claims
    from search_index.corpus import discover
    from search_index.entities.extract import RuleExtractor
    from search_index.models import Article

    extractor = RuleExtractor()
    reports = not_agree = internal = 0
    for story in sorted(p for p in corpus.iterdir() if p.is_dir()):
        found = discover(story)
        for source in found.files:
            article = read_article(source, found.overrides)
            if not isinstance(article, Article):
                continue
            claims = extract_claims(article, extractor.extract(article.text))
            reports += 1
            diff = compare(article, claims, article, claims)
            not_agree += sum(1 for row in diff.rows if row.status != "agree")
            internal += len(internal_conflicts(claims))
    return reports, not_agree, internal


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="*")
    parser.add_argument("--check", action="store_true", help="only validate the gold files")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold files")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the ecbplus-dev folder")
    parser.add_argument("--sanity", action="store_true", help="every dev report against itself")
    args = parser.parse_args()
    if args.sanity:
        reports, not_agree, internal = sanity(args.corpus)
        print(
            f"{reports} reports: {not_agree} self-comparison rows not agree, "
            f"{internal} internal contradictions"
        )
        return 1 if not_agree or internal else 0
    files = (
        [args.gold / f"{s}.json" for s in args.stories]
        if args.stories
        else sorted(args.gold.glob("t*.json"))
    )
    golds = [load_gold(f, args.corpus) for f in files]
    bad = False
    for gold in golds:
        for error in gold.errors:
            bad = True
            print(f"{gold.story}: {error}", file=sys.stderr)
    if args.check:
        for gold in golds:
            figures = {s.figure for s in gold.statements if not s.figure.startswith("bg:")}
            background = [s for s in gold.statements if s.figure.startswith("bg:")]
            print(
                f"{gold.story}: {len(figures)} figures, "
                f"{len(gold.statements) - len(background)} statements, "
                f"{len(background)} background statements, {len(gold.errors)} errors"
            )
        return 1 if bad else 0

    # Imported here so that --check runs without the package installed.
    sys.path.insert(0, str(ROOT))
    from search_index.library import Library

    scores: list[StoryScore] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        os.environ["XDG_STATE_HOME"] = str(Path(tmp) / "state")
        for gold in golds:
            library = Library.open(args.corpus / gold.story)
            library.refresh()
            scores.append(score_story(gold, library, args.verbose))
            library.close()
            for error in gold.errors:
                print(f"{gold.story}: {error}", file=sys.stderr)
    total = StoryScore("ALL")
    for s in scores:
        for name in (
            "pairs conflict_rows conflict_tp conflict_units conflict_found agree_units "
            "agree_found compatible_units compatible_found leaks"
        ).split():
            setattr(total, name, getattr(total, name) + getattr(s, name))
        total.false_kinds.update(s.false_kinds)
    header = f"{'story':10} {'pairs':>5} {'conf.P':>6} {'conf.R':>6} {'agr.R':>6} {'comp.R':>6} {'leaks':>5}  conflict rows (tp)  false conflicts"
    print(header)
    for s in [*scores, total]:
        print(
            f"{s.story:10} {s.pairs:5d} {_fmt(s.ratio(s.conflict_tp, s.conflict_rows)):>6} "
            f"{_fmt(s.ratio(s.conflict_found, s.conflict_units)):>6} "
            f"{_fmt(s.ratio(s.agree_found, s.agree_units)):>6} "
            f"{_fmt(s.ratio(s.compatible_found, s.compatible_units)):>6} {s.leaks:5d}  "
            f"{s.conflict_rows:4d} ({s.conflict_tp}) of {s.conflict_units} units; "
            f"agree {s.agree_found}/{s.agree_units}  {dict(s.false_kinds)}"
        )
        for note in s.notes:
            print("   ", note)
    if args.json:
        args.json.write_text(
            json.dumps([s.as_dict() for s in [*scores, total]], indent=1), encoding="utf-8"
        )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
