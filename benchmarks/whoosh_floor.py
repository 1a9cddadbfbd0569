"""How fast can Whoosh alone index these articles? The floor under kimreader's build rate.

    .venv/bin/python benchmarks/whoosh_floor.py [CORPUS] [--limit N]

Indexes the first N files of a generated corpus (benchmarks/run.py writes them under
/tmp/kimreader-bench) into throwaway indexes with three schemas, from Whoosh's simplest (one
body field, its StandardAnalyzer, positions) up to kimreader's own, one process and then
Whoosh's MpWriter on every core. No reading of metadata, no entities, no claims: what is left
is Whoosh's own add_document and commit. Run by hand; results go in RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh import fields, index
from whoosh.analysis import StandardAnalyzer

from search_index.index.schema import build_schema, make_analyzer
from search_index.index.writing import _Codec


def schemas() -> dict[str, fields.Schema]:
    return {
        "body only (StandardAnalyzer, positions)": fields.Schema(
            body=fields.TEXT(analyzer=StandardAnalyzer())
        ),
        "body, stored, with character offsets": fields.Schema(
            body=fields.TEXT(analyzer=make_analyzer(stem=True), stored=True, chars=True)
        ),
        "kimreader's schema": build_schema(),
    }


def build(schema: fields.Schema, texts: list[str], procs: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        ix = index.create_in(folder, schema)
        started = time.perf_counter()
        # kimreader's own schema is written with its own codec (search_index.index.writing._Codec), as the app does.
        extra = {"codec": _Codec()} if "spell" in schema.names() else {}
        if procs > 1:
            writer = ix.writer(procs=procs, multisegment=True, limitmb=128, **extra)
        else:
            writer = ix.writer(limitmb=128, **extra)
        names = set(schema.names())
        for n, text in enumerate(texts):
            # The same text in kimreader's other text fields, where the schema has them.
            doc = {"id": str(n), "title": text.split("\n", 1)[0], "body": text}
            doc.update({name: text for name in ("spell", "pairs") if name in names})
            writer.add_document(**{k: v for k, v in doc.items() if k in names})
        writer.commit()
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="/tmp/kimreader-bench/corpus-10000")
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args()
    files = sorted(Path(args.corpus).glob("*.txt"))[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in files]
    words = sum(len(t.split()) for t in texts) / len(texts)
    cores = os.cpu_count() or 1
    print(f"{len(texts)} articles, {words:.0f} words on average, {cores} cores")
    for name, schema in schemas().items():
        for procs in sorted({1, cores}):
            seconds = build(schema, texts, procs)
            rate = len(texts) / seconds
            print(f"{name:42s} {procs} process(es): {seconds:6.1f} s  {rate:5.0f} articles/s")


if __name__ == "__main__":
    main()
