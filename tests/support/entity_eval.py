"""Score named-entity predictions against the gold annotation of the seed articles.

A plain helper module (no tests in it). The gold lives in ``tests/gold/seed_entities.json``
(see ``tests/gold/README.md`` for the guidelines). Offsets are half-open ``[start, end)``
ranges into ``Article.text`` (headline, blank line, body).

Scoring is exact match: a prediction is a true positive when an article's gold holds the same
``(start, end, type)``. Only the articles present in the gold are scored; an article missing
from the predictions counts as "nothing predicted". Duplicate items count once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

GOLD_PATH = Path(__file__).resolve().parent.parent / "gold" / "seed_entities.json"
TYPES: tuple[str, ...] = ("PERSON", "ORG", "PLACE")
ALL = "ALL"

Entity = tuple[int, int, str]
"""``(start, end, type)``."""


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    gold: int


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _scores(tp: int, predicted: int, gold: int) -> Scores:
    precision = _ratio(tp, predicted)
    recall = _ratio(tp, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, predicted, gold)


def check_alignment(gold_json: Mapping[str, object], texts: Mapping[str, str]) -> list[str]:
    """Describe every way the gold JSON disagrees with the article texts (empty: aligned).

    Checks that both cover the same article ids, that each item is well formed with a known
    type, and that ``texts[id][start:end] == item["text"]``.
    """
    problems: list[str] = []
    for article_id in sorted(set(texts) - set(gold_json)):
        problems.append(f"{article_id}: article has no gold annotation")
    for article_id in sorted(gold_json):
        if article_id not in texts:
            problems.append(f"{article_id}: gold article not among the texts")
            continue
        text = texts[article_id]
        items = gold_json[article_id]
        if not isinstance(items, list):
            problems.append(f"{article_id}: expected a list of mentions")
            continue
        for n, item in enumerate(items):
            where = f"{article_id}[{n}]"
            if not isinstance(item, dict) or set(item) != {"text", "type", "start", "end"}:
                problems.append(f"{where}: expected keys text, type, start, end; got {item!r}")
                continue
            start, end, kind, surface = item["start"], item["end"], item["type"], item["text"]
            if kind not in TYPES:
                problems.append(f"{where}: unknown type {kind!r}")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
                problems.append(f"{where}: bad offsets {start!r}..{end!r}")
                continue
            found = text[start:end]
            if found != surface:
                problems.append(f"{where}: text[{start}:{end}] is {found!r}, gold says {surface!r}")
    return problems


def load_gold(
    path: Path | None = None, texts: Mapping[str, str] | None = None
) -> dict[str, list[Entity]]:
    """Read the gold as ``{article id: [(start, end, type), ...]}``.

    When ``texts`` (article id -> ``Article.text``) is given, raise ``ValueError`` listing
    every mismatch if the gold no longer lines up with them.
    """
    raw = json.loads((path or GOLD_PATH).read_text(encoding="utf-8"))
    if texts is not None:
        problems = check_alignment(raw, texts)
        if problems:
            raise ValueError("gold entities do not match the texts:\n" + "\n".join(problems))
    return {
        article_id: [(item["start"], item["end"], item["type"]) for item in items]
        for article_id, items in raw.items()
    }


def score(
    gold: Mapping[str, Iterable[Entity]],
    predicted: Mapping[str, Iterable[Entity]],
    types: Iterable[str] = TYPES,
) -> dict[str, Scores]:
    """Exact span-and-type scores per type, plus ``"ALL"`` (micro-averaged over ``types``).

    Items (gold or predicted) whose type is not in ``types`` are ignored.
    """
    wanted = tuple(types)
    tp = dict.fromkeys(wanted, 0)
    n_pred = dict.fromkeys(wanted, 0)
    n_gold = dict.fromkeys(wanted, 0)
    for article_id, gold_items in gold.items():
        gold_set = {tuple(item) for item in gold_items if item[2] in tp}
        pred_set = {tuple(item) for item in predicted.get(article_id, ()) if item[2] in tp}
        for _, _, kind in gold_set:
            n_gold[kind] += 1
        for _, _, kind in pred_set:
            n_pred[kind] += 1
        for _, _, kind in gold_set & pred_set:
            tp[kind] += 1
    result = {kind: _scores(tp[kind], n_pred[kind], n_gold[kind]) for kind in wanted}
    result[ALL] = _scores(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return result


def format_scores(scores: Mapping[str, Scores]) -> str:
    """A small aligned table, one row per type (``ALL`` last)."""
    header = ("type", "P", "R", "F1", "TP", "pred", "gold")
    rows = [header]
    order = [kind for kind in scores if kind != ALL] + ([ALL] if ALL in scores else [])
    for kind in order:
        s = scores[kind]
        rows.append(
            (
                kind,
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}",
                str(s.true_positives),
                str(s.predicted),
                str(s.gold),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    return "\n".join(lines)
