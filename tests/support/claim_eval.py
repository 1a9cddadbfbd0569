"""Scoring the claim diff against hand-annotated article pairs (tests/corpora/pairs)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

PAIRS = Path(__file__).resolve().parent.parent / "corpora" / "pairs"


@dataclass(frozen=True)
class PairScores:
    conflict_tp: int
    conflict_predicted: int
    conflict_expected: int
    status_correct: int
    rows_expected: int
    rows_found: int

    @property
    def conflict_precision(self) -> float:
        return self.conflict_tp / self.conflict_predicted if self.conflict_predicted else 0.0

    @property
    def conflict_recall(self) -> float:
        return self.conflict_tp / self.conflict_expected if self.conflict_expected else 0.0

    def report(self) -> str:
        return (
            f"conflict rows: precision {self.conflict_precision:.2f} "
            f"({self.conflict_tp}/{self.conflict_predicted}), recall {self.conflict_recall:.2f} "
            f"({self.conflict_tp}/{self.conflict_expected}); expected rows paired "
            f"{self.rows_found}/{self.rows_expected}, with the right status {self.status_correct}"
        )


def _same_value(written: str, value_text: str) -> bool:
    written, value_text = written.casefold(), value_text.casefold()
    return written in value_text or value_text in written


def score_pairs(library) -> PairScores:
    expected = json.loads((PAIRS / "expected.json").read_text(encoding="utf-8"))["pairs"]
    tp = predicted = wanted = correct = found = total = 0
    for pair in expected:
        a_id, b_id = pair["a"].split("/")[-1], pair["b"].split("/")[-1]
        rows = [r for r in library.compare(a_id, b_id).rows if r.a and r.b]
        conflicts = [r for r in rows if r.status == "conflict"]
        predicted += len(conflicts)
        matched_conflicts = set()
        for item in pair["rows"]:
            total += 1
            match = next(
                (
                    r
                    for r in rows
                    if _same_value(item["a_value"], r.a.value_text)
                    and _same_value(item["b_value"], r.b.value_text)
                ),
                None,
            )
            if match is not None:
                found += 1
                correct += match.status == item["status"]
            if item["status"] == "conflict":
                wanted += 1
                if (
                    match is not None
                    and match.status == "conflict"
                    and id(match) not in matched_conflicts
                ):
                    matched_conflicts.add(id(match))
                    tp += 1
        del matched_conflicts
    return PairScores(tp, predicted, wanted, correct, total, found)
